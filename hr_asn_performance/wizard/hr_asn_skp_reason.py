from odoo import fields, models


class HrAsnSkpReason(models.TransientModel):
    """Asks why: an SKP returned to the employee (Pasal 13) or revised (Pasal 13(2), 20(4)-(5)), a
    reported or reviewed month reopened for correction (issue 12)."""

    _name = "hr.asn.skp.reason"
    _description = "SKP: Return, Revise or Reopen with a Reason"

    skp_ids = fields.Many2many("hr.asn.skp", string="SKP")
    month_ids = fields.Many2many("hr.asn.skp.month", string="Months")
    action = fields.Selection([("return", "Return for Revision"), ("revise", "New Revision"),
                               ("reopen", "Reopen the Month")], required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.action == "return":
            self.skp_ids.action_return(self.reason)
            return {"type": "ir.actions.act_window_close"}
        if self.action == "reopen":
            self.month_ids.action_reopen(self.reason)
            return {"type": "ir.actions.act_window_close"}
        revisions = self.skp_ids.action_new_revision(self.reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.asn.skp",
            "view_mode": "form",
            "res_id": revisions[:1].id,
        }
