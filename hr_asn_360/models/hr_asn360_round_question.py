from odoo import _, fields, models
from odoo.exceptions import UserError

from .hr_asn360_question import VALUE_CODES


class HrAsn360RoundQuestion(models.Model):
    """A question as a round asks it: copied from the questionnaire when the round opens, frozen after."""

    _name = "hr.asn360.round.question"
    _inherit = ["hr.asn360.lock.mixin"]
    _description = "360° Round Question"
    _order = "round_id, sequence, id"

    round_id = fields.Many2one("hr.asn360.round", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    value_code = fields.Selection(VALUE_CODES, string="Core Value", required=True)
    name = fields.Char(string="Value", required=True)
    question = fields.Text(required=True)

    _sql_constraints = [
        ("value_round_uniq", "unique(round_id, value_code)", "A round asks one question per core value."),
    ]

    def _check_lock(self):
        if any(question.round_id.state != "draft" for question in self):
            raise UserError(_("The questions of a round are frozen once it opens."))


