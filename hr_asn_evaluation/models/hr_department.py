from odoo import api, fields, models


class HrDepartment(models.Model):
    """The capaian kinerja organisasi of a Perangkat Daerah or unit, and the kind of OPD that decides
    its criteria's weights (Kota Semarang, seed 002: with or without a revenue target)."""

    _inherit = "hr.department"

    asn_has_revenue_target = fields.Boolean(
        string="Revenue Target",
        tracking=True,
        help="The unit has a revenue target (target pendapatan): its capaian kinerja organisasi scores the "
             "realisasi target pendapatan and uses the weights for OPD with a revenue target.",
    )
    asn_capaian_ids = fields.One2many("hr.asn.capaian.organisasi", "department_id",
                                      string="Capaian Kinerja Organisasi")
    asn_capaian_count = fields.Integer(string="Capaian Count", compute="_compute_asn_capaian_count")

    @api.depends("asn_capaian_ids")
    def _compute_asn_capaian_count(self):
        counts = dict(self.env["hr.asn.capaian.organisasi"]._read_group(
            [("department_id", "in", self.ids)], ["department_id"], ["__count"]))
        for department in self:
            department.asn_capaian_count = counts.get(department._origin, 0)

    def action_asn_open_capaian(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_asn_evaluation.hr_asn_capaian_organisasi_action")
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id}
        return action
