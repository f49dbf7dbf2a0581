from odoo import _, api, fields, models
from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import scoring
from .hr_asn360_assignment import ADMIN_GROUP


class HrAsn360Answer(models.Model):
    """The stars one rater gives one value (Semarang seed 000: 1 = least fitting, 5 = most fitting)."""

    _name = "hr.asn360.answer"
    _inherit = ["hr.asn360.lock.mixin"]
    _description = "360° Rating Answer"
    _order = "assignment_id, question_id"

    assignment_id = fields.Many2one("hr.asn360.assignment", string="Rating", required=True, ondelete="cascade",
                                    index=True)
    question_id = fields.Many2one("hr.asn360.round.question", string="Question", required=True, ondelete="cascade",
                                  index=True)
    stars = fields.Integer(required=True)
    # stored for the grouped reads of the results (by rated employee, role and question)
    round_id = fields.Many2one(related="assignment_id.round_id", store=True, index=True, precompute=True)
    ratee_id = fields.Many2one(related="assignment_id.ratee_id", store=True, index=True, precompute=True)
    role = fields.Selection(related="assignment_id.role", store=True, precompute=True)
    value_code = fields.Selection(related="question_id.value_code", store=True, precompute=True)

    _sql_constraints = [
        ("stars_range", "CHECK(stars BETWEEN 1 AND 5)", "Stars go from 1 to 5."),
        ("question_uniq", "unique(assignment_id, question_id)", "A rating answers each question once."),
    ]

    @api.constrains("stars")
    def _check_stars(self):
        if any(not scoring.valid_stars(answer.stars) for answer in self):
            raise ValidationError(_("Give each value 1 to 5 stars (1 is the least fitting, 5 the most fitting)."))

    @api.constrains("question_id", "assignment_id")
    def _check_question(self):
        if any(answer.question_id.round_id != answer.assignment_id.round_id for answer in self.sudo()):
            raise ValidationError(_("The question belongs to another round."))

    def _check_lock(self):
        """Answers change only while their round is open, whoever asks (also the superuser)."""
        if self.env.context.get(MODULE_UNINSTALL_FLAG):
            return
        for answer in self.sudo():
            state = answer.assignment_id.round_id.state
            if state in ("closed", "published"):
                raise UserError(_("%s is closed: its answers and results can no longer change.",
                                  answer.assignment_id.round_id.name))
            if state != "open":
                raise UserError(_("%s is not open for rating.", answer.assignment_id.round_id.name))

    def _read_format(self, fnames, load="_classic_read"):
        """Somebody else's answers: Admin BKPSDM in the audited list only, and recorded."""
        if not self.env.su and {"stars", "assignment_id"} & set(fnames or ()):
            others = self.sudo().filtered(lambda a: a.assignment_id.rater_user_id.id != self.env.uid)
            if others:
                if not (self.env.context.get("hr_asn360_audit") and self.env.user.has_group(ADMIN_GROUP)):
                    raise AccessError(_("Who rated whom is shown only to Admin BKPSDM, in the audited list "
                                        "(Penilaian Perilaku 360 > Audit > Who Rated Whom)."))
                self.env["hr.asn360.access.log"]._record(others.assignment_id, "answers")
        return super()._read_format(fnames, load=load)
