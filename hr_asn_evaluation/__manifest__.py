{
    "name": "ASN Performance Evaluation",
    "summary": "Periodic and annual evaluation of ASN performance: rating, kuadran, predikat",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Kinerja ASN",
    "author": "hr_asn contributors",
    "website": "https://github.com/hr-asn/hr_asn",
    "license": "LGPL-3",
    "depends": ["hr_asn_performance", "hr_asn_360"],
    "data": [
        "security/ir.model.access.csv",
        "views/hr_asn_evaluation_menus.xml",
    ],
    "installable": True,
}
