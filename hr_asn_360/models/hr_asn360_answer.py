from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..rules import scoring

# What makes an answer somebody's answer about somebody: fixed at create (issue 9 finding 4: record
# rules are checked before a write, so moving an answer would put it into another rater's rating).
PARENT_FIELDS = {"assignment_id", "question_id"}
# Reading these of somebody else's answers is looking at who rated whom.
GUARDED_FIELDS = {"stars", "assignment_id"}


class HrAsn360Answer(models.Model):
    """The stars one rater gives one value (Semarang seed 000: 1 = least fitting, 5 = most fitting)."""

    _name = "hr.asn360.answer"
    _inherit = ["hr.asn360.lock.mixin", "hr.asn360.read.guard.mixin"]
    _guarded_fields = GUARDED_FIELDS
    _description = "360° Rating Answer"
    _order = "assignment_id, question_id"

    assignment_id = fields.Many2one("hr.asn360.assignment", string="Rating", required=True, ondelete="cascade",
                                    index=True)
    question_id = fields.Many2one("hr.asn360.round.question", required=True, ondelete="cascade",
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
        for answer in self.sudo():
            state = answer.assignment_id.round_id.state
            if state in ("closed", "published"):
                raise UserError(_("%s is closed: its answers and results can no longer change.",
                                  answer.assignment_id.round_id.name))
            if state != "open":
                raise UserError(_("%s is not open for rating.", answer.assignment_id.round_id.name))
            answer.assignment_id.round_id._check_not_closing()

    def write(self, vals):
        if PARENT_FIELDS & set(vals) and not self.env.su:
            raise UserError(_("An answer stays with its rating and question; give the stars again instead."))
        return super().write(vals)

    # ------------------------------------------------------------------------------------------
    # Somebody else's answers: Admin BKPSDM in the audited list only, and every look recorded
    # (issue 9 findings 2 and 8). Everybody else, Admin BKPSDM outside that list included, reaches
    # their own answers only, whatever the read path (read, search, grouped read, copy, export).
    # ------------------------------------------------------------------------------------------
    def _guard_read(self, fnames):
        if self.env.su or not GUARDED_FIELDS & set(fnames or ()):
            return
        others = self.sudo().filtered(lambda a: a.assignment_id.rater_user_id.id != self.env.uid)
        if others:
            self.env["hr.asn360.assignment"]._check_audited()
            self.env["hr.asn360.access.log"]._record(others.assignment_id, "answers")

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su and not self.env["hr.asn360.assignment"]._is_audited():
            mine = self.env["hr.asn360.assignment"].sudo()._search([("rater_user_id", "=", self.env.uid)])
            domain = expression.AND([domain or [], [("assignment_id", "in", mine)]])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        if not self.env.su and self.env["hr.asn360.assignment"]._is_audited():
            self.env["hr.asn360.access.log"]._record_search(domain, list(groupby) + list(aggregates))
        return super()._read_group(domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset,
                                   limit=limit, order=order)
