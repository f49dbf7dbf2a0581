from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .hr_asn360_question import VALUE_CODES

LINE_ROLES = [
    ("atasan", "Superior (atasan)"),
    ("peer", "Peer (rekan sejawat)"),
    ("subordinate", "Subordinate (bawahan)"),
    ("others", "Others (rekan sejawat and bawahan)"),
    ("all", "All raters"),
]


class HrAsn360ResultLine(models.Model):
    """Mean stars and number of raters for one value and one role (or 'others', 'all') of a result.
    Peers and subordinates appear as a role only when enough of them answered (round setting)."""

    _name = "hr.asn360.result.line"
    _inherit = ["hr.asn360.lock.mixin"]
    _description = "360° Result by Value and Role"
    _order = "result_id, id"

    result_id = fields.Many2one("hr.asn360.result", required=True, ondelete="cascade", index=True)
    value_code = fields.Selection(VALUE_CODES, string="Core Value", required=True)
    role = fields.Selection(LINE_ROLES, required=True)
    mean = fields.Float(digits=(3, 2), aggregator="avg")
    count = fields.Integer(string="Raters")
    weighted_mean = fields.Float(digits=(3, 2),
                                 help="On the 'All raters' line: the value's score with the round's role weights.")

    def _check_lock(self):
        if any(line.result_id.round_id.state in ("closed", "published") for line in self.sudo()):
            raise UserError(_("The round is closed: its results can no longer change."))

    @api.model
    def _check_lock_results(self, results):
        """The lines of ``results`` may change (their rounds are not closed): for the close's bulk INSERT."""
        if any(state in ("closed", "published") for state in results.sudo().round_id.mapped("state")):
            raise UserError(_("The round is closed: its results can no longer change."))
