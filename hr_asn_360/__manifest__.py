{
    "name": "ASN 360° Behaviour Rating",
    "summary": "Semester 360° rating on the 7 BerAKHLAK values (e-Perilaku 360 practice)",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Kinerja ASN",
    "author": "hr_asn contributors",
    "website": "https://github.com/hr-asn/hr_asn",
    "license": "LGPL-3",
    "depends": ["hr_asn_performance"],
    # Order: security, data (questionnaire, cron, mail), backend views (actions before menus), then
    # portal templates and reports. Views that reference another file's records come after it.
    "data": [
        "security/ir.model.access.csv",
        "security/hr_asn_360_security.xml",
        "data/hr_asn360_question_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/hr_asn360_question_views.xml",
        "views/hr_asn360_assignment_views.xml",
        "views/hr_asn360_result_views.xml",
        "views/hr_asn360_round_views.xml",
        "views/hr_asn360_access_log_views.xml",
        "views/hr_asn_360_menus.xml",
        "views/hr_asn360_templates.xml",
        "report/hr_asn360_result_reports.xml",
        "report/hr_asn360_result_templates.xml",
    ],
    "demo": [
        "demo/hr_asn_360_demo.xml",
    ],
    "installable": True,
}
