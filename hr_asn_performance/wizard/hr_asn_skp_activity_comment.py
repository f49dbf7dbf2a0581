from odoo import fields, models


class HrAsnSkpActivityComment(models.TransientModel):
    """Asks the leader for the comment sent back with the selected Aktivitas Harian."""

    _name = "hr.asn.skp.activity.comment"
    _description = "Aktivitas Harian: Comment"

    activity_ids = fields.Many2many("hr.asn.skp.activity", string="Activities")
    comment = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.activity_ids.action_comment(self.comment)
        return {"type": "ir.actions.act_window_close"}
