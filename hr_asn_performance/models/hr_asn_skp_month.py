import datetime
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.misc import format_date

from ..rules import skp as skp_rules
from .hr_asn_skp_content_mixin import check_writable
from .hr_asn_version_mixin import VERSION_FIELD

# What a user may write on a month (issue 9, finding 6): the leader's review note and, through them,
# the lines (which check themselves). The state and dates move through the month's buttons (as the
# superuser, after their checks); deadlines and late flags are computed; the SKP never changes
# (finding 4); related fields (employee, year, company) would write through to the SKP.
MONTH_USER_FIELDS = {"review_note", "line_ids"}
MONTH_STATES = [("open", "Open"), ("reported", "Realisasi Reported"), ("reviewed", "Reviewed")]


class HrAsnSkpMonth(models.Model):
    """One month of a set SKP (Pasal 16(3): performance is documented monthly): the month's targets
    by the plan day, the realisasi with bukti dukung by the realisasi day of the next month (Kota
    Semarang, seed 002; both days are company settings), then the leader's review closes the month."""

    _name = "hr.asn.skp.month"
    _description = "SKP: Monthly Plan and Realisasi"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.asn.input.limit.mixin"]
    _order = "skp_id, month"
    _asn_text_limits = {"review_note": skp_rules.NOTE_MAX, "reopen_reason": skp_rules.NOTE_MAX}

    name = fields.Char(compute="_compute_name")
    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    year = fields.Integer(related="skp_id.year", store=True, aggregator=False)
    month = fields.Integer(required=True, aggregator=False)
    state = fields.Selection(MONTH_STATES, default="open", required=True, readonly=True, tracking=True)
    approach = fields.Selection(related="skp_id.approach")
    line_ids = fields.One2many("hr.asn.skp.month.line", "month_id", string="Targets and Realisasi")
    plan_deadline = fields.Date(compute="_compute_deadlines", store=True)
    realisasi_deadline = fields.Date(compute="_compute_deadlines", store=True)
    plan_date = fields.Date(string="Targets Entered On", readonly=True)
    report_date = fields.Date(string="Realisasi Reported On", readonly=True)
    plan_entered_late = fields.Boolean(compute="_compute_entered_late", store=True)
    report_entered_late = fields.Boolean(compute="_compute_entered_late", store=True)
    is_late = fields.Boolean(string="Late", compute="_compute_is_late", search="_search_is_late",
                             help="Targets or realisasi entered after their day, or still missing after it.")
    review_note = fields.Text(string="Leader's Review")
    reviewed_by_id = fields.Many2one("res.users", readonly=True)
    review_date = fields.Date(readonly=True)
    review_deadline = fields.Date(string="Review Due", compute="_compute_review_deadline", store=True,
                                  help="The realisasi day, or the day the month was reported when later, plus "
                                       "the Pemda's days for the review (Settings).")
    reopen_reason = fields.Text(string="Reopened Because", readonly=True, copy=False)
    report_open_date = fields.Date(string="Realisasi Reported From", compute="_compute_report_open_date",
                                   help="The month's last day (or the SKP's, when it ends earlier): from then "
                                        "on its realisasi can be reported (Pasal 16(3), Kota Semarang seed 002).")
    # the deadline each e-mail reminder was sent for: one reminder per deadline (issue 12)
    plan_reminder_date = fields.Date(readonly=True, copy=False)
    realisasi_reminder_date = fields.Date(readonly=True, copy=False)
    # the buttons offered: the employee enters, their Pejabat Penilai Kinerja reviews (issue 12: "Report
    # Realisasi" offered to the leader, then refused); as _check_skp_update decides
    is_mine = fields.Boolean(compute="_compute_roles")
    can_review = fields.Boolean(compute="_compute_roles")

    _sql_constraints = [("month_unique", "UNIQUE(skp_id, month)", "A month appears once in an SKP."),
                        ("month_range", "CHECK(month BETWEEN 1 AND 12)", "A month is 1 to 12.")]

    @api.depends("year", "month")
    def _compute_name(self):
        for month in self:
            month.name = month._asn_month_name(self.env) if month.year and month.month else ""

    def _asn_month_name(self, env):
        """``Maret 2026`` in the language of ``env`` (the reader's, or the recipient's of a to-do)."""
        self.ensure_one()
        return format_date(env, datetime.date(self.year, self.month, 1), date_format="MMMM y")

    @api.depends_context("uid")
    def _compute_roles(self):
        is_admin = self.env.su or self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin")
        for month in self:
            month.is_mine = month.skp_id.is_mine
            month.can_review = is_admin or month.skp_id.is_penilai

    @api.depends("year", "month", "company_id.asn_plan_day", "company_id.asn_realisasi_day")
    def _compute_deadlines(self):
        for month in self:
            if not (month.year and month.month):
                month.plan_deadline = month.realisasi_deadline = False
                continue
            month.plan_deadline, month.realisasi_deadline = skp_rules.month_deadlines(
                month.year, month.month, month.company_id.asn_plan_day or skp_rules.DEFAULT_PLAN_DAY,
                month.company_id.asn_realisasi_day or skp_rules.DEFAULT_REALISASI_DAY)

    @api.depends("realisasi_deadline", "report_date", "company_id.asn_review_days")
    def _compute_review_deadline(self):
        for month in self:
            month.review_deadline = skp_rules.review_deadline(
                month.realisasi_deadline, month.report_date, month.company_id.asn_review_days or 0)

    @api.depends("year", "month", "skp_id.date_to")
    def _compute_report_open_date(self):
        for month in self:
            month.report_open_date = (skp_rules.report_opens(month.year, month.month, month.skp_id.date_to)
                                      if month.year and month.month else False)

    @api.depends("plan_date", "report_date", "plan_deadline", "realisasi_deadline")
    def _compute_entered_late(self):
        for month in self:
            month.plan_entered_late = bool(month.plan_date and month.plan_date > month.plan_deadline)
            month.report_entered_late = bool(month.report_date and month.report_date > month.realisasi_deadline)

    @api.depends_context("date")
    @api.depends("plan_entered_late", "report_entered_late", "plan_date", "report_date")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for month in self:
            month.is_late = (month.plan_entered_late or month.report_entered_late
                             or (not month.plan_date and month.plan_deadline < today)
                             or (not month.report_date and month.realisasi_deadline < today))

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Late."))
        today = fields.Date.context_today(self)
        late = ["|", "|", "|", ("plan_entered_late", "=", True), ("report_entered_late", "=", True),
                "&", ("plan_date", "=", False), ("plan_deadline", "<", today),
                "&", ("report_date", "=", False), ("realisasi_deadline", "<", today)]
        return late if (operator == "=") == value else ["!", *late]

    def write(self, vals):
        """The month's state and dates move through its buttons only; the review note is the leader's."""
        if not self.env.su:
            check_writable(self, vals, MONTH_USER_FIELDS)
            if "review_note" in vals:
                self.skp_id._check_skp_update("review")
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        """Months open when the SKP is set (Pasal 16(1)), through ``_asn_open_months``."""
        if not self.env.su:
            raise AccessError(_("The months of an SKP open when the Pejabat Penilai Kinerja sets it."))
        return super().create(vals_list)

    # ------------------------------------------------------------------------------------------
    # Opening the months of a set SKP
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_open_months(self, skps):
        """Create the months of the SKPs' periods, with a line per IKI; idempotent (after a revision,
        only the missing months and lines are added). As the superuser (the action checked the role).

        Issue 13: setting a city's SKPs opens 12 months and their lines for each (240,000 months and
        480,000 lines for 20,000 employees), so they are written in two INSERTs per batch of SKPs, not
        through ``create`` (which computes the defaults and fields of every record one by one). What
        ``create`` would store is stored: the defaults and the stored computed fields of a new month
        (``_asn_new_month_row``; ``test_months_opened_in_sql_are_what_create_makes`` compares them
        field by field with ``create``'s), the lines' first version (hr.asn.version.mixin) and the
        log columns; the SKPs' months are read afresh and what depends on the new rows is marked to recompute,
        as after ``create``."""
        skps = skps.sudo()
        existing = self.sudo().search([("skp_id", "in", skps.ids)])
        by_key = {(month.skp_id.id, month.month): month for month in existing}
        new_months, line_pairs, ikis_of = [], [], {}
        for skp in skps:
            ikis = skp.iki_ids.filtered(lambda iki: not iki.rhk_id.taken_over)
            ikis_of[skp.id] = ikis.ids
            for number in skp_rules.months_of(skp.date_from, skp.date_to):
                month = by_key.get((skp.id, number))
                if not month:
                    new_months.append(self._asn_new_month_row(skp, number))
                elif month.state == "open":
                    line_pairs += [(month.id, skp.id, iki.id) for iki in ikis - month.line_ids.iki_id]
        months = self.browse()
        if new_months:
            rows = self._asn_insert_rows(self, new_months)
            months = self.browse([month_id for month_id, _skp_id in rows])
            for month_id, skp_id in rows:
                line_pairs += [(month_id, skp_id, iki_id) for iki_id in ikis_of[skp_id]]
        lines = self.env["hr.asn.skp.month.line"]
        if line_pairs:
            lines = lines.browse([line_id for line_id, _skp_id in self._asn_insert_rows(lines, [
                {"month_id": month_id, "skp_id": skp_id, "iki_id": iki_id, VERSION_FIELD: 1}
                for month_id, skp_id, iki_id in line_pairs])])
        # as after create: who lists them reads them afresh, what depends on them is recomputed
        skps.invalidate_recordset(["month_ids"])
        existing.invalidate_recordset(["line_ids"])
        for records, fnames in ((months, list(new_months[:1] and new_months[0])), (lines, ["month_id", "iki_id"])):
            # their own stored computes were written with them
            own = [field for field in records._fields.values() if field.store and field.compute]
            with self.env.protecting(own, records):
                records.modified(fnames, create=True)

    def _asn_new_month_row(self, skp, number):
        """The columns of a new month of ``skp``: its links, its defaults and stored computes (as
        ``_compute_deadlines``, ``_compute_review_deadline`` and ``_compute_entered_late`` compute them
        for a month without dates)."""
        company = skp.company_id
        plan_deadline, realisasi_deadline = skp_rules.month_deadlines(
            skp.year, number, company.asn_plan_day or skp_rules.DEFAULT_PLAN_DAY,
            company.asn_realisasi_day or skp_rules.DEFAULT_REALISASI_DAY)
        return {
            "skp_id": skp.id, "employee_id": skp.employee_id.id, "company_id": company.id, "year": skp.year,
            "month": number, "state": "open", "plan_deadline": plan_deadline,
            "realisasi_deadline": realisasi_deadline,
            "review_deadline": skp_rules.review_deadline(realisasi_deadline, None, company.asn_review_days or 0),
            "plan_entered_late": False, "report_entered_late": False,
        }

    def _asn_insert_rows(self, model, rows):
        """INSERT ``rows`` (dicts of the same columns of ``model``) in one statement, an array per column,
        with the log columns of the current user; returns the (id, skp_id) of the new rows."""
        columns = list(rows[0])
        arrays = SQL(", ").join(
            SQL("%s::%s[]", [row[column] for row in rows], SQL(model._fields[column].column_type[1]))
            for column in columns)
        log = SQL("%s, %s, %s, %s", self.env.uid, self.env.cr.now(), self.env.uid, self.env.cr.now())
        self.env.cr.execute(SQL(
            "INSERT INTO %s (%s, create_uid, create_date, write_uid, write_date) SELECT *, %s FROM unnest(%s) "
            "RETURNING id, skp_id",
            SQL.identifier(model._table), SQL(", ").join(map(SQL.identifier, columns)), log, arrays))
        return self.env.cr.fetchall()

    # ------------------------------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------------------------------
    def _check_open_for_entry(self):
        """Entries go to months of a set SKP that the leader has not closed by reviewing them."""
        for month in self:
            if month.skp_id.state != "set":
                raise UserError(_("%(skp)s is not set (ditetapkan): %(month)s takes no entries.",
                                  skp=month.skp_id.display_name, month=month.name))
            if month.state == "reviewed":
                raise UserError(_("%s was reviewed by the leader and is closed.", month.name))

    def action_confirm_plan(self):
        """The employee confirms the month's targets (due by the plan day)."""
        self._check_open_for_entry()
        self.skp_id._check_skp_update("month")
        today = fields.Date.context_today(self)
        self.sudo().filtered(lambda m: not m.plan_date).write({"plan_date": today})
        return True

    def action_report(self):
        """The employee reports the month's realisasi (due by the realisasi day of the next month)."""
        self._check_open_for_entry()
        self.skp_id._check_skp_update("month")
        today = fields.Date.context_today(self)
        for month in self:
            month._asn_check_month_begun(today)
            month._asn_check_report_window(today)
            if not month.line_ids.filtered(lambda line: line.realisasi or line.realisasi_value):
                raise UserError(_("Enter the realisasi of %s before reporting it.", month.name))
        self.sudo().write({"state": "reported", "report_date": today, "reopen_reason": False})
        self.env["hr.asn.skp"]._asn_schedule([
            (month, month._asn_leader_user(), self._asn_review_summary, month.review_deadline)
            for month in self.sudo()
        ])
        return True

    @api.model
    def _asn_review_summary(self, env, month):
        return env._("Review the realisasi of %(employee)s, %(month)s", employee=month.employee_id.name,
                     month=month._asn_month_name(env))

    def _asn_leader_user(self):
        """Who reviews the month: the Pejabat Penilai Kinerja who set the SKP, else the current one."""
        self.ensure_one()
        return self.skp_id.pejabat_penilai_id.user_id or self.employee_id.pejabat_penilai_id.user_id

    def _asn_check_report_window(self, today):
        """Pasal 16(3), seed 002: the realisasi of a month is reported from its last day (rules/skp.py
        ``report_opens``), not while the month is still running."""
        self.ensure_one()
        try:
            skp_rules.check_report_window(self.year, self.month, self.skp_id.date_to, today)
        except skp_rules.SkpRuleError as error:
            raise UserError(_("The realisasi of %(month)s can be reported from %(date)s, when the month's work "
                              "is done (Pasal 16(3): documented per month).", month=self.name,
                              date=format_date(self.env, error.args[1]))) from error

    def action_review(self, note=None):
        """The leader reviews the month (Pasal 17(1): pemantauan); a reviewed month is closed. The
        employee is told by e-mail, with the leader's note."""
        if self.filtered(lambda m: m.state != "reported"):
            raise UserError(_("Only a reported month can be reviewed."))
        self.skp_id._check_skp_update("review")
        values = {"state": "reviewed", "reviewed_by_id": self.env.uid,
                  "review_date": fields.Date.context_today(self)}
        if note:
            values["review_note"] = note
        self.sudo().write(values)
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self.env["hr.asn.skp"]._asn_mail("hr_asn_performance.mail_template_month_reviewed", self)
        return True

    def action_reopen(self, reason=None):
        """The leader sends a month back to the employee to correct its realisasi, saying why (issue 12);
        the employee is told by e-mail and on the portal. Without a reason (the form's button) it opens
        the dialog that asks for one; an empty reason is refused."""
        if reason is None:
            return self._asn_reason_wizard()
        if not (reason or "").strip():
            raise UserError(_("Say why the month goes back to the employee."))
        if self.filtered(lambda m: m.state == "open"):
            raise UserError(_("This month is already open."))
        self.skp_id._check_skp_update("review")
        months = self.sudo()
        months.write({"state": "open", "report_date": False, "reopen_reason": reason.strip(),
                      "realisasi_reminder_date": False})
        months._message_log_batch(bodies=dict.fromkeys(months.ids, _("Reopened for correction: %s", reason.strip())))
        months.activity_unlink(["mail.mail_activity_data_todo"])
        self.env["hr.asn.skp"]._asn_mail("hr_asn_performance.mail_template_month_reopened", months)
        return True

    def _asn_reason_wizard(self):
        wizard = self.env["hr.asn.skp.reason"]
        return {
            "type": "ir.actions.act_window",
            "name": dict(wizard._fields["action"]._description_selection(self.env))["reopen"],
            "res_model": "hr.asn.skp.reason",
            "view_mode": "form",
            "target": "new",
            "context": {"default_month_ids": self.ids, "default_action": "reopen"},
        }

    def _asn_check_month_begun(self, today):
        self.ensure_one()
        skp = self.skp_id
        try:
            skp_rules.check_realisasi_month(self.year, self.month, skp.date_from, skp.date_to, today)
        except skp_rules.SkpRuleError as error:
            if error.args[0] == "future_month":
                raise UserError(_("%s has not begun: its realisasi cannot be entered yet.", self.name)) from error
            raise UserError(_("%(month)s is outside the period of %(skp)s.", month=self.name,
                              skp=skp.display_name)) from error

    @api.model
    def _asn_remind_late(self):
        """Activities for whoever is late this month: the employee for missing targets or realisasi,
        the leader for reported months past the realisasi day."""
        today = fields.Date.context_today(self)
        months = self.search([("skp_id.state", "=", "set"), ("state", "!=", "reviewed"), ("activity_ids", "=", False),
                              "|", "&", ("plan_date", "=", False), ("plan_deadline", "<", today),
                              ("realisasi_deadline", "<", today)])
        self.env["hr.asn.skp"]._asn_schedule([
            (month, month._asn_leader_user() if month.state == "reported" else month.employee_id.user_id,
             self._asn_late_summary, today) for month in months])

    @api.model
    def _asn_remind_coming(self):
        """Daily (issue 12): an e-mail to each employee whose month's targets (plan day) or realisasi
        (realisasi day of the next month, Kota Semarang seed 002) fall due within the Pemda's reminder
        days and are not done, once per deadline: the deadline reminded is kept on the month (a reopened
        month is reminded again). One search for every Pemda, one batch of mails per kind."""
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].sudo().search([])
        longest = max(companies.mapped("asn_reminder_days") or [0])
        if not longest:
            return self.browse(), self.browse()
        horizon = today + datetime.timedelta(days=longest)
        months = self.sudo().search([
            ("skp_id.state", "=", "set"), ("state", "=", "open"),
            "|", "&", "&", ("plan_date", "=", False), ("plan_deadline", ">=", today), ("plan_deadline", "<=", horizon),
            "&", ("realisasi_deadline", ">=", today), ("realisasi_deadline", "<=", horizon),
        ])

        def due(month, deadline, reminded):
            return reminded != deadline and skp_rules.reminder_due(deadline, today, month.company_id.asn_reminder_days)

        plan = months.filtered(lambda m: not m.plan_date and due(m, m.plan_deadline, m.plan_reminder_date))
        realisasi = months.filtered(lambda m: due(m, m.realisasi_deadline, m.realisasi_reminder_date))
        Skp = self.env["hr.asn.skp"]
        Skp._asn_mail("hr_asn_performance.mail_template_month_plan_due", plan)
        Skp._asn_mail("hr_asn_performance.mail_template_month_realisasi_due", realisasi)
        # one UPDATE per deadline (a Pemda's months share them), not one per month
        for field, deadline_field, reminded in (("plan_reminder_date", "plan_deadline", plan),
                                                ("realisasi_reminder_date", "realisasi_deadline", realisasi)):
            by_deadline = defaultdict(lambda: self.sudo().browse())
            for month in reminded:
                by_deadline[month[deadline_field]] |= month
            for deadline, group in by_deadline.items():
                group.write({field: deadline})
        return plan, realisasi

    @api.model
    def _asn_late_summary(self, env, month):
        """The reminder of ``_asn_remind_late`` in ``env``'s language (the recipient's)."""
        if month.state == "reported":
            return env._("Late: review the realisasi of %(employee)s, %(month)s", employee=month.employee_id.name,
                         month=month._asn_month_name(env))
        if not month.plan_date:
            return env._("Late: enter your targets for %s", month._asn_month_name(env))
        return env._("Late: report your realisasi for %s", month._asn_month_name(env))
