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

    def write(self, vals):
        res = super().write(vals)
        if "asn_admin_department_ids" in vals:
            # the record rules of an Admin Kepegawaian OPD read this field; Odoo caches rule domains per user
            self.env.registry.clear_cache()
        return res
