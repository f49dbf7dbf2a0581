{
    "name": "ASN 360° Behaviour Rating",
    "summary": "Semester 360° rating on the 7 BerAKHLAK values (e-Perilaku 360 practice)",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Kinerja ASN",
    "author": "hr_asn contributors",
    "website": "https://github.com/hr-asn/hr_asn",
    "license": "LGPL-3",
    "depends": ["hr_asn_performance"],
    "data": [
        "security/ir.model.access.csv",
        "views/hr_asn_360_menus.xml",
    ],
    "installable": True,
}
