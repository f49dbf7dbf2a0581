from odoo import fields, models


class HrAsnEvaluationObjectionWizard(models.TransientModel):
    """The employee's keberatan from the backend (the portal has the same form): the reasons only; who
    may file, and until when, is the evaluation's decision (hr.asn.evaluation.objection._asn_file)."""

    _name = "hr.asn.evaluation.objection.wizard"
    _description = "File a Keberatan"

    evaluation_id = fields.Many2one("hr.asn.evaluation", required=True, ondelete="cascade")
    reason = fields.Text(string="Reasons", required=True)

    def action_file(self):
        self.ensure_one()
        self.evaluation_id.action_object(self.reason)
        return {"type": "ir.actions.act_window_close"}
