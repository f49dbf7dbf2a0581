from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from ..rules import activity as activity_rules
from ..rules import skp as skp_rules
from .hr_asn_skp_content_mixin import check_writable

# What the employee writes (STYLE.md "Trust", as hr.asn.skp.month.line): the day, the hours, what was done,
# the IKI it serves and its evidence; on create also the SKP. The state, the review and the related or
# computed fields (employee, RHK, month, Pemda) are the workflow's; the SKP never changes (issue 9, finding 4).
ACTIVITY_USER_FIELDS = {"date", "duration", "name", "iki_id", "attachment_ids"}
ACTIVITY_CREATE_FIELDS = ACTIVITY_USER_FIELDS | {"skp_id"}


class HrAsnSkpActivity(models.Model):
    """Aktivitas harian: what an employee did on a day, for how long, for which IKI of their set SKP,
    with its evidence (Perwal Bekasi 38/2023 Pasal 16: the execution of the plan is documented; the mind
    map of PermenPANRB 6/2022, seed 003: "harian ... bulanan"; Kota Semarang keeps Aktivitas Harian in
    its own application beside BKN's e-Kinerja, seed 002). The leader who reviews the months (the SKP's
    Pejabat Penilai Kinerja) accepts them or sends a comment back, many at once. They are the supporting
    evidence shown beside the month's realisasi."""

    _name = "hr.asn.skp.activity"
    _description = "Aktivitas Harian"
    _inherit = ["hr.asn.input.limit.mixin"]
    _order = "date desc, id desc"
    _asn_text_limits = {"name": skp_rules.NOTE_MAX, "review_comment": skp_rules.NOTE_MAX}

    def _default_skp_id(self):
        """The user's set SKP covering today (the one a day's work goes to)."""
        employee = self.env.user.employee_id
        return self.env["hr.asn.skp"]._asn_current_for(employee).id if employee else False

    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True,
                             default=_default_skp_id,
                             domain="[('state', '=', 'set'), ('employee_id.user_id', '=', uid)]")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    duration = fields.Float(string="Hours", required=True, digits=(4, 2), default=1.0)
    name = fields.Text(string="Activity", required=True)
    iki_id = fields.Many2one("hr.asn.skp.iki", string="IKI", required=True, ondelete="cascade", index=True,
                             domain="[('skp_id', '=', skp_id)]")
    rhk_id = fields.Many2one(related="iki_id.rhk_id", string="RHK", store=True, index=True)
    month_id = fields.Many2one("hr.asn.skp.month", compute="_compute_month_id", store=True,
                               index=True)
    attachment_ids = fields.Many2many("ir.attachment", "hr_asn_skp_activity_attachment_rel", "activity_id",
                                      "attachment_id", string="Evidence")
    evidence_count = fields.Integer(string="Evidence Files", compute="_compute_evidence_count")
    state = fields.Selection(list(activity_rules.ACTIVITY_STATES), default="draft", required=True, readonly=True,
                             index=True, copy=False)
    review_comment = fields.Text(string="Leader's Comment", readonly=True, copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_date = fields.Date(readonly=True, copy=False)
    # the buttons offered: exactly who the checks below let act
    is_mine = fields.Boolean(compute="_compute_roles")
    can_review = fields.Boolean(compute="_compute_roles")

    @api.depends("skp_id", "date")
    def _compute_month_id(self):
        """The month of the SKP the day falls in (Pasal 16(3): documented per month); one search. Not on
        ``skp_id.month_ids``: the months open when the SKP is set, before any activity can be logged, and a
        revision moves its activities after its months (``_asn_carry_over``): setting SKPs costs no query."""
        months = self.env["hr.asn.skp.month"].sudo().search([("skp_id", "in", self.skp_id.ids)])
        by_key = {(month.skp_id.id, month.year, month.month): month.id for month in months}
        for activity in self:
            day = activity.date
            activity.month_id = by_key.get((activity.skp_id.id, day.year, day.month)) if day else False

    @api.depends("attachment_ids")
    def _compute_evidence_count(self):
        """The files linked as evidence (counted as the superuser: a leader who may read the activity sees how
        many files back it even where an attachment's own rule hides its content); one query per batch."""
        counts = {activity.id: len(activity.attachment_ids) for activity in self.sudo()}
        for activity in self:
            activity.evidence_count = counts.get(activity.id, 0)

    @api.depends_context("uid")
    def _compute_roles(self):
        is_admin = self.env.su or self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin")
        for activity in self:
            skp = activity.skp_id
            activity.is_mine = skp.is_mine
            activity.can_review = activity.state == "submitted" and not skp.is_mine and (is_admin or skp.is_penilai)

    # ------------------------------------------------------------------------------------------
    # Constraints (for everybody, the superuser included)
    # ------------------------------------------------------------------------------------------
    @api.constrains("iki_id", "skp_id")
    def _check_iki(self):
        for activity in self.sudo():
            if activity.iki_id.skp_id != activity.skp_id:
                raise ValidationError(_("An activity serves an IKI of its own SKP (%s).",
                                        activity.skp_id.display_name))

    @api.constrains("date", "duration", "skp_id")
    def _check_day_hours(self):
        """A day has 24 hours: the activities of one employee on one day (on any of their SKPs) add up to at
        most that; one activity lasts more than nothing. One grouped sum for the whole batch."""
        for activity in self:
            try:
                activity_rules.check_duration(activity.duration)
            except skp_rules.SkpRuleError as error:
                raise ValidationError(_("An activity lasts more than 0 and at most 24 hours, not %s.",
                                        activity.duration)) from error
        rows = self.sudo()._read_group(
            [("employee_id", "in", self.employee_id.ids), ("date", "in", list(set(self.mapped("date"))))],
            ["employee_id", "date:day"], ["duration:sum"])
        over = activity_rules.over_day({(employee, day): hours for employee, day, hours in rows})
        if over:
            employee, day, hours = over[0]
            raise ValidationError(_("%(employee)s would have %(hours)s hours of activities on %(date)s: a day has "
                                    "at most 24.", employee=employee.name, hours=round(hours, 2),
                                    date=format_date(self.env, day)))

    def _asn_check_entry(self):
        """What the employee may log (issue 14): on their own SKP, set (ditetapkan), for a day that has come
        within its period, in a month the leader has not closed by reviewing it. Skipped for the superuser
        only (demo data, the workflow's own writes), never for a context key."""
        if self.env.su:
            return
        today = fields.Date.context_today(self)
        for activity in self:
            skp = activity.skp_id.sudo()
            if skp.employee_id.user_id != self.env.user:
                raise ValidationError(_("You can only log activities on your own SKP; %s is not yours.",
                                        skp.display_name))
            if skp.state != "set":
                raise ValidationError(_("%s is not set (ditetapkan): activities are logged on a set SKP.",
                                        skp.display_name))
            try:
                activity_rules.check_activity_date(activity.date, today, skp.date_from, skp.date_to)
            except skp_rules.SkpRuleError as error:
                if error.args[0] == "future":
                    raise ValidationError(_("%s has not come yet: log an activity once it is done.",
                                            format_date(self.env, activity.date))) from error
                raise ValidationError(_("%(date)s is outside the period of %(skp)s.",
                                        date=format_date(self.env, activity.date), skp=skp.display_name)) from error
            month = activity.sudo().month_id
            if month.state == "reviewed":
                raise ValidationError(_("%s was reviewed by the leader and is closed: its activities can no longer "
                                        "change.", month.name))

    def _asn_check_own_editable(self):
        """Only the employee changes their activity, while it is a draft or came back with a comment."""
        if self.env.su:
            return
        if self.filtered(lambda activity: not activity.is_mine):
            raise AccessError(_("Only the employee changes their own activities."))
        if self.filtered(lambda activity: activity.state not in activity_rules.ACTIVITY_EDITABLE_STATES):
            raise UserError(_("A submitted or accepted activity can no longer change."))

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                check_writable(self, vals, ACTIVITY_CREATE_FIELDS)
            # before the record rules: the message of the rule, not Odoo's generic refusal
            skps = self.env["hr.asn.skp"].sudo().browse([vals.get("skp_id") for vals in vals_list]).exists()
            foreign = skps.filtered(lambda skp: skp.employee_id.user_id != self.env.user)
            if foreign:
                raise ValidationError(_("You can only log activities on your own SKP; %s is not yours.",
                                        foreign[0].display_name))
        activities = super().create(vals_list)
        activities._asn_check_entry()
        activities._asn_check_evidence()
        return activities

    def write(self, vals):
        self.check_access("write")
        if not self.env.su:
            check_writable(self, vals, ACTIVITY_USER_FIELDS)
            self._asn_check_own_editable()
            self._asn_check_entry()  # the day and month it is in now
        res = super().write(vals)
        self._asn_check_entry()  # the day and month it moves to
        if "attachment_ids" in vals:
            self._asn_check_evidence()
        return res

    def _asn_check_evidence(self):
        """Evidence is a file the user may read (their upload): linking another person's attachment by its
        id would show its name beside the activity."""
        if not self.env.su:
            # read as the superuser: the user's own read of the link hides what they may not read
            self.sudo().attachment_ids.with_env(self.env).check("read")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_own_editable(self):
        self._asn_check_own_editable()
        self._asn_check_entry()

    # ------------------------------------------------------------------------------------------
    # Workflow: the employee submits, the leader accepts or comments (in batch)
    # ------------------------------------------------------------------------------------------
    def action_submit(self):
        """The employee sends their activities to the leader."""
        self._asn_check_own_editable()
        self._asn_check_entry()
        self.sudo().write({"state": "submitted"})
        return True

    def _check_activity_review(self):
        """Who reviews activities is who reviews the months: the SKP's Pejabat Penilai Kinerja (the one it
        names or the employee's current one, Pasal 26), or BKPSDM acting for them
        (``hr.asn.skp._check_skp_update("review")``); never the employee."""
        if not self:
            raise UserError(_("Select the activities to review."))
        if self.filtered(lambda activity: activity.state != "submitted"):
            raise UserError(_("Only submitted activities can be accepted or commented."))
        if not self.env.su and self.filtered(lambda activity: activity.skp_id.is_mine):
            raise AccessError(_("You cannot review your own activities."))
        self.skp_id._check_skp_update("review")

    def action_accept(self):
        """The leader accepts the selected activities: one check of the whole set, one write."""
        self._check_activity_review()
        self.sudo().write({"state": "accepted", "review_comment": False, "reviewed_by_id": self.env.uid,
                           "review_date": fields.Date.context_today(self)})
        return True

    def action_comment(self, comment=None):
        """The leader sends the selected activities back with a comment (the employee corrects and submits
        them again). Without a comment (the list's action) it opens the dialog that asks for one."""
        if comment is None:
            return {
                "type": "ir.actions.act_window",
                "name": _("Comment on Activities"),
                "res_model": "hr.asn.skp.activity.comment",
                "view_mode": "form",
                "target": "new",
                "context": {"default_activity_ids": self.ids},
            }
        if not (comment or "").strip():
            raise UserError(_("Write the comment for the employee."))
        self._check_activity_review()
        self.sudo().write({"state": "commented", "review_comment": comment.strip(), "reviewed_by_id": self.env.uid,
                           "review_date": fields.Date.context_today(self)})
        return True
