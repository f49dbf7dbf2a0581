from odoo import fields, models

from odoo.addons.hr_asn_performance.rules import skp as skp_rules

BEHAVIOURS = {code: behaviours for code, _name, behaviours in skp_rules.BERAKHLAK}


class HrAsnEvaluationBehavior(models.Model):
    """One of the seven BerAKHLAK values as the evaluation prints it (Lampiran I: PERILAKU KERJA,
    Ekspektasi Khusus Pimpinan, UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG; Pasal 9)."""

    _name = "hr.asn.evaluation.behavior"
    _description = "Evaluation: Perilaku Kerja"
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one("hr.asn.evaluation", required=True, ondelete="cascade", index=True,
                                    readonly=True)
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True)
    sequence = fields.Integer(readonly=True)
    value = fields.Selection(list(skp_rules.BERAKHLAK_VALUES), string="Core Value", readonly=True)
    behaviours = fields.Text(string="Standard Behaviours", compute="_compute_behaviours")
    expectation = fields.Text(string="Ekspektasi Khusus Pimpinan", readonly=True)
    feedback = fields.Text(string="Umpan Balik Berkelanjutan", readonly=True)

    def _compute_behaviours(self):
        for behavior in self:
            behavior.behaviours = "\n".join("- %s" % line for line in BEHAVIOURS.get(behavior.value, ()))
