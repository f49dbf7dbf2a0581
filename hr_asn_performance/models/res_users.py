from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    asn_admin_department_ids = fields.Many2many(
        "hr.department",
        "hr_asn_admin_department_rel",
        "user_id",
        "department_id",
        string="Administered Perangkat Daerah",
        help="An Admin Kepegawaian OPD manages the employees of these Perangkat Daerah and their units.",
    )
