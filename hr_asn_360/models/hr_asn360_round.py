import logging
import random
from datetime import datetime, time, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_round
from odoo.tools.misc import format_date, formatLang

from odoo.addons.hr_asn_performance.rules import periods

from ..report.hr_asn360_round_xlsx import write_workbook
from ..rules import sampling, scoring
from .hr_asn360_lock_mixin import trusted_unlink

_logger = logging.getLogger(__name__)

# Kota Semarang rates behaviour once every semester (seed 000: "1 (satu) kali setiap 1 (satu) semester").
SEMESTERS = [("1", "Semester I (January-June)"), ("2", "Semester II (July-December)")]
STATES = [("draft", "Draft"), ("open", "Open"), ("closed", "Closed"), ("published", "Published")]
NEXT_STATE = {"draft": "open", "open": "closed", "closed": "published"}
# A round's results are exported once they are computed and frozen, at close (the button and the URL alike).
EXPORT_STATES = ("closed", "published")
# What the generation and the rating depend on: fixed once the round opens.
LOCKED_WHEN_OPEN = {"year", "semester", "scope", "department_ids", "company_id", "max_peers", "date_open"}
# Moved by the actions (open, close, publish) and the reminder job only, which check the role and then
# write with sudo(); no context key opens them to an RPC caller (issue 9 finding 1).
WORKFLOW_FIELDS = {"state", "reminder_last_date", "job_id"}
NAME_MAX = 200  # a round's name is a title (issue 9 finding 10)
# The round's city-wide work runs as background jobs (hr.asn.job, issue 13): generating the raters (one
# batch per round: all raters of the plan or none) and closing (batches of results, then the ranks and the
# state in _asn_job_finish). While one is queued or running the round's actions refuse.
JOB_GENERATE = "_asn_job_generate"
JOB_CLOSE = "_asn_job_close"
JOB_UNDER_WAY = ("queued", "running")
CLOSE_BATCH = 2000  # results per batch of the close job
# Chatter and activities stay usable on a closed round.
MAIL_PREFIXES = ("message_", "activity_", "website_message")


class HrAsn360Round(models.Model):
    """A semester's 360° behaviour rating (Kota Semarang's e-Perilaku 360): who is rated, by whom, on
    which questions, and the results frozen at close."""

    _name = "hr.asn360.round"
    _description = "360° Behaviour Rating Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, semester desc, id desc"

    name = fields.Char(required=True, tracking=True)
    # lambdas: a module inheriting the round overrides _default_year / _default_semester
    year = fields.Integer(required=True, default=lambda self: self._default_year(), tracking=True,
                          aggregator=False)
    semester = fields.Selection(SEMESTERS, required=True, default=lambda self: self._default_semester(),
                                tracking=True)
    scope = fields.Selection(
        [("all", "All Perangkat Daerah"), ("some", "Some Perangkat Daerah")],
        required=True, default="all", tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department", "hr_asn360_round_department_rel", "round_id", "department_id",
        string="Perangkat Daerah", domain="[('asn_opd_kind', '!=', False)]",
        help="The Perangkat Daerah whose employees (with their units and Kelurahan) are rated.",
    )
    date_open = fields.Date(string="Opens On", required=True, tracking=True)
    date_close = fields.Date(string="Closes On", required=True, tracking=True)
    state = fields.Selection(STATES, required=True, default="draft", tracking=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    question_ids = fields.One2many("hr.asn360.round.question", "round_id", string="Questions", copy=False)
    assignment_ids = fields.One2many("hr.asn360.assignment", "round_id", string="Raters", copy=False)
    result_ids = fields.One2many("hr.asn360.result", "round_id", string="Results", copy=False)
    participant_ids = fields.One2many("hr.asn360.result", "round_id", string="Employees in the Round", copy=False)

    # Settings (national_rules.md §6: no national weights or thresholds; these are per round)
    max_peers = fields.Integer(string="Peers per Employee", default=5,
                               help="At most this many rekan sejawat rate each employee; they are sampled so "
                                    "that the work is spread evenly.")
    min_raters_per_role = fields.Integer(
        string="Minimum Raters per Role", default=scoring.DEFAULT_MIN_RATERS,
        help="Peers and subordinates are shown as a group only when at least this many answered; otherwise "
             "their answers are merged into 'others'.",
    )
    min_raters_result = fields.Integer(
        string="Minimum Raters for a Result", default=scoring.DEFAULT_MIN_RATERS_RESULT,
        help="A result resting on fewer raters who answered gets no suggested rating and no rank, only a warning. "
             "While planning, peers are sought in sibling units and then the whole Perangkat Daerah until "
             "this many raters (and the minimum per role of peers) are planned.",
    )
    reminder_days = fields.Integer(string="Remind Days Before Close", default=3)
    reminder_last_date = fields.Date(string="Last Reminder", readonly=True, copy=False)
    weight_atasan = fields.Float(string="Weight Superior (atasan)", default=0.0)
    weight_peer = fields.Float(string="Weight Peer (rekan sejawat)", default=0.0)
    weight_subordinate = fields.Float(string="Weight Subordinate (bawahan)", default=0.0)
    threshold_diatas = fields.Float(string="Diatas Ekspektasi From", default=scoring.DEFAULT_THRESHOLD_DIATAS,
                                    digits=(3, 2))
    threshold_sesuai = fields.Float(string="Sesuai Ekspektasi From", default=scoring.DEFAULT_THRESHOLD_SESUAI,
                                    digits=(3, 2))

    # Progress
    ratee_count = fields.Integer(string="Rated Employees", compute="_compute_counts")
    gap_count = fields.Integer(string="Employees with Gaps", compute="_compute_counts")
    assignment_count = fields.Integer(string="Ratings Requested", compute="_compute_counts")
    submitted_count = fields.Integer(string="Ratings Submitted", compute="_compute_counts")
    completion_rate = fields.Float(string="Completion (%)", compute="_compute_counts", digits=(5, 1))
    completion_chart = fields.Html(string="Completion by Perangkat Daerah", compute="_compute_completion_chart",
                                   sanitize=False)

    # Background job (generating the raters, closing): the last one queued for the round. Its state and
    # progress are shown to whoever reads the round (related fields read as superuser); the job itself
    # (error, retry) to those who may read it.
    job_id = fields.Many2one("hr.asn.job", string="Background Job", readonly=True, copy=False, ondelete="set null")
    job_name = fields.Char(related="job_id.name", string="Job Name")
    job_state = fields.Selection(related="job_id.state", string="Job Status")
    job_progress = fields.Float(related="job_id.progress", string="Job Progress (%)")
    job_error = fields.Text(related="job_id.error", string="Job Error")
    job_under_way = fields.Boolean(compute="_compute_job_under_way",
                                   help="A background job of the round is queued or running: its actions wait.")
    is_closing = fields.Boolean(string="Being Closed", compute="_compute_job_under_way",
                                help="Close was pressed and the results are being computed: ratings are no longer "
                                     "accepted.")

    # ------------------------------------------------------------------------------------------
    # Defaults
    # ------------------------------------------------------------------------------------------
    @api.model
    def _default_year(self):
        return fields.Date.context_today(self).year

    @api.model
    def _default_semester(self):
        return "1" if fields.Date.context_today(self).month <= 6 else "2"

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    def _compute_counts(self):
        """Counts over every assignment and result of the round, whoever looks (two grouped reads)."""
        assignments = self.env["hr.asn360.assignment"].sudo()._read_group(
            [("round_id", "in", self.ids)], ["round_id", "state"], ["__count"])
        results = self.env["hr.asn360.result"].sudo()._read_group(
            [("round_id", "in", self.ids)], ["round_id", "is_rated", "has_gap"], ["__count"])
        totals, submitted, rated, gaps = {}, {}, {}, {}
        for round_, state, count in assignments:
            totals[round_.id] = totals.get(round_.id, 0) + count
            if state == "submitted":
                submitted[round_.id] = count
        for round_, is_rated, has_gap, count in results:
            if is_rated:
                rated[round_.id] = rated.get(round_.id, 0) + count
            if has_gap:
                gaps[round_.id] = gaps.get(round_.id, 0) + count
        for round_ in self:
            total = totals.get(round_.id, 0)
            round_.assignment_count = total
            round_.submitted_count = submitted.get(round_.id, 0)
            round_.completion_rate = 100.0 * round_.submitted_count / total if total else 0.0
            round_.ratee_count = rated.get(round_.id, 0)
            round_.gap_count = gaps.get(round_.id, 0)

    @api.depends("job_id.state", "job_id.method", "state")
    def _compute_job_under_way(self):
        for round_ in self:
            job = round_.sudo().job_id
            round_.job_under_way = job.state in JOB_UNDER_WAY
            round_.is_closing = round_.state == "open" and job.method == JOB_CLOSE and job.state != "done"

    @api.depends_context("lang", "uid")
    def _compute_completion_chart(self):
        """Per Perangkat Daerah the share of ratings submitted (green), in progress (amber) and not started
        (grey), in percent with the reader's decimal separator; the Perangkat Daerah the reader may see
        (record rules), one grouped read."""
        Assignment = self.env["hr.asn360.assignment"]
        if not self.ids or not Assignment.has_access("read"):
            self.completion_chart = False
            return
        counts = {}
        for round_, opd, state, count in Assignment._read_group(
                [("round_id", "in", self.ids)], ["round_id", "opd_id", "state"], ["__count"]):
            counts.setdefault(round_.id, {}).setdefault(opd, {})[state] = count
        states = dict(self.env["hr.asn360.assignment"]._fields["state"]._description_selection(self.env))
        for round_ in self:
            rows = []
            for opd, by_state in counts.get(round_.id, {}).items():
                total = sum(by_state.values())
                shares = {state: 100.0 * by_state.get(state, 0) / total for state in ("submitted", "draft", "todo")}
                rows.append({
                    "name": opd.display_name if opd else _("No Perangkat Daerah"), "total": total,
                    "submitted": by_state.get("submitted", 0), "shares": shares,
                    "labels": {state: "%s%%" % formatLang(self.env, share, digits=1)
                               for state, share in shares.items()},
                })
            rows.sort(key=lambda row: (row["shares"]["submitted"], row["name"]))
            round_.completion_chart = self.env["ir.qweb"]._render(
                "hr_asn_360.hr_asn360_round_completion_chart", {"rows": rows, "states": states},
            ) if rows else False

    # ------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------
    @api.constrains("date_open", "date_close", "max_peers", "min_raters_per_role", "min_raters_result", "reminder_days",
                    "weight_atasan", "weight_peer", "weight_subordinate", "threshold_diatas", "threshold_sesuai",
                    "scope", "department_ids", "year", "name")
    def _check_settings(self):
        for round_ in self:
            if len(round_.name or "") > NAME_MAX:
                raise ValidationError(_("The name of a round has at most %(max)s characters.", max=NAME_MAX))
            if round_.date_close < round_.date_open:
                raise ValidationError(_("%s: the round must open before it closes.", round_.name))
            if not 2000 <= round_.year <= 2100:
                raise ValidationError(_("%s: the year must be a calendar year such as 2026.", round_.name))
            if round_.max_peers < 0 or round_.min_raters_per_role < 1 or round_.reminder_days < 0:
                raise ValidationError(_("%s: peers per employee and reminder days cannot be negative, and at "
                                        "least one rater per role is needed to show a role.", round_.name))
            if round_.min_raters_result < 1:
                raise ValidationError(_("%s: the minimum raters for a result is 1 or more.", round_.name))
            if min(round_.weight_atasan, round_.weight_peer, round_.weight_subordinate) < 0:
                raise ValidationError(_("%s: role weights cannot be negative (all zero means equal weights).",
                                        round_.name))
            if not scoring.valid_thresholds(round_.threshold_diatas, round_.threshold_sesuai):
                raise ValidationError(_("%s: the thresholds lie on the 1-5 star scale, Sesuai Ekspektasi not "
                                        "above Diatas Ekspektasi.", round_.name))
            if round_.scope == "some" and not round_.department_ids:
                raise ValidationError(_("%s: choose the Perangkat Daerah the round covers.", round_.name))

    @api.constrains("year", "semester", "scope", "department_ids", "company_id")
    def _check_overlap(self):
        """At most one round per semester for any Perangkat Daerah."""
        others = self.search([
            ("company_id", "in", self.company_id.ids), ("year", "in", self.mapped("year")),
            ("semester", "in", self.mapped("semester")), ("id", "not in", self.ids),
        ]) | self
        coverage = {round_.id: round_._scope_department_ids() for round_ in others}
        for round_ in self:
            for other in others:
                if other == round_ or (other.company_id, other.year, other.semester) != (
                        round_.company_id, round_.year, round_.semester):
                    continue
                if other.id < round_.id and other in self:
                    continue  # each pair of this batch once
                if "all" in (round_.scope, other.scope) or coverage[round_.id] & coverage[other.id]:
                    raise ValidationError(_(
                        "%(round)s and %(other)s both cover Perangkat Daerah of semester %(semester)s %(year)s: "
                        "a semester has one round per Perangkat Daerah.",
                        round=round_.name, other=other.name, semester=round_.semester, year=round_.year,
                    ))

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    def _check_round_update(self, vals):
        """All the rules on changing a round, in one place. The state moves one step forward only
        (draft, open, closed, published), even as superuser: a published round never reopens."""
        fnames = {fname for fname in vals if not fname.startswith(MAIL_PREFIXES)}
        if fnames & WORKFLOW_FIELDS and not self.env.su:
            raise UserError(_("Use the buttons Open, Close and Publish to move a round on."))
        for round_ in self:
            if "state" in fnames and vals["state"] != NEXT_STATE.get(round_.state):
                raise UserError(_("%s cannot go back or skip a step: draft, open, closed, published.",
                                  round_.name))
            if round_.state == "open" and fnames & LOCKED_WHEN_OPEN:
                raise UserError(_("%s is open: its scope, semester and raters' rules can no longer change.",
                                  round_.name))
            if round_.state in ("closed", "published") and fnames - {"state"}:
                raise UserError(_("%s is closed: the round and its results can no longer change.", round_.name))

    def write(self, vals):
        self._check_round_update(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        if any(r.state != "draft" for r in self):
            raise UserError(_("Only a draft round can be deleted."))

    def unlink(self):
        return super(HrAsn360Round, trusted_unlink(self)).unlink()

    # ------------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------------
    def _get_rounds_not_in(self, state):
        """Names of the rounds of ``self`` not in ``state`` (for the action's message), after the
        caller's right to write the rounds is checked."""
        self.check_access("write")
        return ", ".join(self.filtered(lambda r: r.state != state).mapped("name"))

    def action_generate_assignments(self):
        """(Re)build the raters of draft rounds in a background job; raters added by hand are kept. The
        request only queues the job (issue 13: never a city inside one request)."""
        self._check_draft_for_generation()
        self._queue_round_job(JOB_GENERATE)
        return True

    def _check_draft_for_generation(self):
        if wrong := self._get_rounds_not_in("draft"):
            raise UserError(_("Raters are generated while a round is a draft: %(rounds)s.", rounds=wrong))

    def action_open(self):
        if wrong := self._get_rounds_not_in("draft"):
            raise UserError(_("Only a draft round can be opened: %(rounds)s.", rounds=wrong))
        self._check_no_job_under_way()
        empty = self.filtered(lambda r: not r.assignment_count)
        if empty:
            raise UserError(_("Generate the raters of %s before opening it.", ", ".join(empty.mapped("name"))))
        self._copy_questions()
        for round_ in self:
            codes = round_.question_ids.mapped("value_code")
            if sorted(codes) != sorted(scoring.VALUE_CODES):
                raise UserError(_("%s must ask exactly one question for each of the seven BerAKHLAK values.",
                                  round_.name))
        self.sudo().write({"state": "open"})  # role checked by _get_rounds_not_in
        return True

    def action_close(self):
        """Close the rating and compute the results once; they never change afterwards. The results are
        computed by a background job; the round is closed by its last step, ratings wait meanwhile."""
        self._check_open_for_close()
        self._queue_round_job(JOB_CLOSE)
        return True

    def _check_open_for_close(self):
        if wrong := self._get_rounds_not_in("open"):
            raise UserError(_("Only an open round can be closed: %(rounds)s.", rounds=wrong))

    def action_publish(self):
        if wrong := self._get_rounds_not_in("closed"):
            raise UserError(_("Only a closed round can be published: %(rounds)s.", rounds=wrong))
        self._check_no_job_under_way()
        self.sudo().write({"state": "published"})  # role checked by _get_rounds_not_in
        return True

    def action_retry_job(self):
        """Banner button: run the round's failed job again (the button it came from, with its checks)."""
        for round_ in self:
            if round_.sudo().job_id.state != "failed":
                raise UserError(_("%s has no failed background job to retry.", round_.name))
            if round_.sudo().job_id.method == JOB_CLOSE:
                round_.action_close()
            else:
                round_.action_generate_assignments()
        return True

    # ------------------------------------------------------------------------------------------
    # Background jobs (hr.asn.job): generating the raters, closing
    # ------------------------------------------------------------------------------------------
    def _check_no_job_under_way(self):
        """Refuse while a background job of one of these rounds is queued or running: nobody queues the
        same work twice, and nothing moves the round under a running job."""
        busy = self.filtered(lambda r: r.sudo().job_id.state in JOB_UNDER_WAY)
        if busy:
            job = busy[0].sudo().job_id
            raise UserError(_(
                "%(rounds)s: the background job \"%(job)s\" is under way (%(progress)s%% done). Wait until it is "
                "done: you get a message then.",
                rounds=", ".join(busy.mapped("name")), job=job.name,
                progress=formatLang(self.env, job.progress, digits=0)))

    def _check_not_closing(self):
        """Ratings and raters wait while the round is being closed (its results are being computed)."""
        closing = self.sudo().filtered("is_closing")
        if closing:
            raise UserError(_("%s is being closed: its ratings and raters can no longer change.",
                              ", ".join(closing.mapped("name"))))

    def _queue_round_job(self, method):
        """Queue ``method`` for each round as the current user (who passed the action's checks), or, when the
        round's last job of that kind failed, run that job again from where it stopped (Retry). Two clicks at
        once: the round rows are locked first, so the second waits and then finds the first one's job."""
        self.env.cr.execute(SQL("SELECT id FROM hr_asn360_round WHERE id IN %s FOR NO KEY UPDATE", tuple(self.ids)))
        self.invalidate_recordset(["job_id"])
        self._check_no_job_under_way()
        Job = self.env["hr.asn.job"]
        for round_ in self:
            failed = round_.sudo().job_id
            if failed.state == "failed" and failed.method == method:
                failed.with_env(self.env).action_retry()  # who may retry is the job's own rule
                continue
            if method == JOB_CLOSE:
                round_._analyze_ratings()
                records = self.env["hr.asn360.result"].sudo().search([("round_id", "=", round_.id)], order="id")
                records = records.with_env(self.env)
                name, batch_size = _("Close %s: compute the results", round_.name), CLOSE_BATCH
            else:
                records, name, batch_size = round_, _("Generate the raters of %s", round_.name), 1
            if not records:
                raise UserError(_("%s has no employees to rate: generate its raters first.", round_.name))
            job = Job._asn_enqueue(records, method, name, batch_size=batch_size)
            round_.sudo().write({"job_id": job.id})

    def _analyze_ratings(self):
        """Fresh planner statistics of the ratings before the close job's grouped reads: the last days of a
        round submit many ratings at once, and with statistics that still count them as to do PostgreSQL
        joins answers and raters by nested loops (a 20,000-employee close took over 15 minutes in a batch
        instead of under a second). ANALYZE samples the tables (a fraction of a second) and blocks no
        reader or writer."""
        self.env.flush_all()
        self.env.cr.execute(SQL("ANALYZE hr_asn360_assignment, hr_asn360_answer"))

    _asn_job_methods = (JOB_GENERATE,)

    def _asn_job_generate(self):
        """A batch of the generation job, as the user who queued it (their rights are checked again): the
        whole plan of each round in the batch's savepoint, so a failure leaves the raters as they were."""
        self._check_draft_for_generation()
        self._generate_assignments()

    def _close(self):
        """Close at once (in this transaction): what the close job does, for the demo data."""
        results = self.env["hr.asn360.result"].sudo().search([("round_id", "in", self.ids)])
        results._asn_close_batch()
        results._asn_close_finish()

    def _action_assignments(self, name, views, search_view="hr_asn_360.hr_asn360_assignment_view_search", context=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "hr.asn360.assignment",
            "views": [(self.env.ref(xmlid).id, mode) for xmlid, mode in views],
            "search_view_id": [self.env.ref(search_view).id],
            "domain": [("round_id", "=", self.id)],
            "context": dict(context or {}, default_round_id=self.id),
        }

    def action_edit_raters(self):
        """Draft: the raters, editable by BKPSDM and the unit's Admin Kepegawaian OPD."""
        return self._action_assignments(_("Raters of %s", self.name), [
            ("hr_asn_360.hr_asn360_assignment_view_list_plan", "list"),
        ], context={"search_default_group_ratee": 1})

    def action_view_completion(self):
        return self._action_assignments(_("Completion of %s", self.name), [
            ("hr_asn_360.hr_asn360_assignment_view_graph", "graph"),
            ("hr_asn_360.hr_asn360_assignment_view_pivot", "pivot"),
            ("hr_asn_360.hr_asn360_assignment_view_list", "list"),
            ("hr_asn_360.hr_asn360_assignment_view_form", "form"),
        ])

    def action_view_raters_audit(self):
        """Who rated whom: Admin BKPSDM only, and every look is recorded in the access log."""
        return self._action_assignments(_("Who Rated Whom: %s", self.name), [
            ("hr_asn_360.hr_asn360_assignment_view_list_audit", "list"),
            ("hr_asn_360.hr_asn360_assignment_view_form_audit", "form"),
        ], search_view="hr_asn_360.hr_asn360_assignment_view_search_audit", context={"hr_asn360_audit": True})

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_asn_360.hr_asn360_result_action")
        action["domain"] = [("round_id", "=", self.id)]
        action["context"] = {"search_default_rated": 1}
        return action

    def action_export_xlsx(self):
        self.ensure_one()
        self._check_export()
        return {"type": "ir.actions.act_url", "url": f"/hr_asn_360/round/{self.id}/xlsx", "target": "self"}

    # ------------------------------------------------------------------------------------------
    # XLSX export (data here, the writer in report/hr_asn360_round_xlsx.py only writes)
    # ------------------------------------------------------------------------------------------
    def _get_xlsx_columns(self):
        """Columns of the talent-management export: fixed data, then one mean per BerAKHLAK value."""
        self.ensure_one()
        columns = [_("NIP"), _("Name"), _("Pangkat/Golongan"), _("Position"), _("Unit"), _("Perangkat Daerah")]
        columns += [question.name for question in self.question_ids]
        columns += [_("Score"), _("Rank in Unit"), _("Suggested Rating"), _("Raters"), _("Gaps")]
        return columns

    def _get_xlsx_rows(self):
        """One row per rated employee, read in a fixed number of queries."""
        self.ensure_one()
        ratings = dict(self.env["hr.asn360.result"]._fields["rating"]._description_selection(self.env))
        golongan = dict(self.env["hr.employee"]._fields["asn_golongan"]._description_selection(self.env))
        codes = self.question_ids.mapped("value_code")
        too_few = _("Too few raters (fewer than %(minimum)s)", minimum=self.min_raters_result)
        rows = []
        for result in self.result_ids.sorted(lambda r: (r.opd_id.name or "", r.department_id.name or "", -r.score)):
            employee = result.employee_id
            means = {line.value_code: line.mean for line in result.line_ids if line.role == "all"}
            rows.append(
                [employee.nip or "", employee.name, golongan.get(employee.asn_golongan, ""), employee.job_title or "",
                 result.department_id.name or "", result.opd_id.name or ""]
                + [round(means.get(code, 0.0), 2) for code in codes]
                + [round(result.score, 2), result.rank_in_unit or "",
                   too_few if result.too_few_raters else ratings.get(result.rating, ""), result.rater_count,
                   result.gap_note or ""]
            )
        return rows

    def _check_export(self):
        """The one rule of the button and of the download URL: Admin BKPSDM, once the round is closed."""
        if not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin"):
            raise AccessError(_("Only Admin BKPSDM exports the results of a round."))
        if self.state not in EXPORT_STATES:
            raise UserError(_("%s is not closed yet: its results are exported once the round is closed.", self.name))

    def _export_xlsx(self):
        """The whole round as an XLSX workbook (bytes), for talent management (Admin BKPSDM only)."""
        self.ensure_one()
        self._check_export()
        return write_workbook(self.name, _("Results"), self._get_xlsx_columns(), self._get_xlsx_rows())

    # ------------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------------
    def _reference_date(self):
        """The day that decides who is on tugas belajar: the opening day."""
        return self.date_open or fields.Date.context_today(self)

    def _scope_department_ids(self):
        """Ids of the departments whose employees this round rates (empty set for scope 'all')."""
        if self.scope == "all":
            return set()
        return set(self.env["hr.department"].sudo().with_context(active_test=False).search(
            [("id", "child_of", self.department_ids.ids)]).ids)

    def _scope_departments(self):
        Department = self.env["hr.department"].sudo()
        if self.scope == "all":
            domain = [("asn_opd_id", "!=", False), ("company_id", "in", [self.company_id.id, False])]
        else:
            domain = [("id", "child_of", self.department_ids.ids)]
        return Department.search_fetch(domain, ["asn_opd_id"])

    def _generate_assignments(self):
        """A set operation per round: the employees are read once, the plan is made in plain Python
        (rules/sampling.py), the assignments are created with one create(vals_list)."""
        Assignment = self.env["hr.asn360.assignment"].sudo().with_context(hr_asn360_bulk=True)
        Result = self.env["hr.asn360.result"].sudo()
        for round_ in self:
            opd_of = {department.id: department.asn_opd_id.id for department in round_._scope_departments()}
            employees = round_._get_generation_employees()
            people = round_._prepare_generation_people(employees)
            ratee_ids = [employee.id for employee in employees if employee.department_id.id in opd_of]
            current = Assignment.search_fetch([("round_id", "=", round_.id)],
                                              ["ratee_id", "rater_id", "role", "origin"])
            kept = current.filtered(lambda a: a.origin == "manual")
            (current - kept).unlink()
            Result.search([("round_id", "=", round_.id)]).unlink()
            plan = sampling.plan(people, ratee_ids, round_.max_peers, round_.id,
                                 [(a.ratee_id.id, a.rater_id.id, a.role) for a in kept],
                                 min_peers=round_.min_raters_per_role, min_raters=round_.min_raters_result)
            result_vals = round_._prepare_generated_result_vals(plan, employees, opd_of)
            Result._insert_generated(round_, result_vals)
            # the stored related fields from what is read already (rater's user, ratee's unit and Perangkat Daerah)
            user_of = {employee.id: employee.user_id.id for employee in employees}
            unit_of = {employee.id: employee.department_id.id for employee in employees}
            Assignment._insert_generated(round_, [
                (ratee, rater, role, plan.reasons[(ratee, rater)], user_of[rater] or None, unit_of[ratee] or None,
                 opd_of.get(unit_of[ratee]) or None)
                for ratee, rater, role in plan.pairs
            ])
            kept._ensure_results()._refresh_gaps()  # raters added by hand count too
            _logger.info("hr_asn_360: %s: %d rated employees, %d raters assigned", round_.name,
                         len(result_vals), len(plan.pairs))

    def _get_generation_employees(self):
        """The round's Pemda's active ASN, with what the plan needs (one query)."""
        return self.env["hr.employee"].sudo().with_context(active_test=True).search_fetch(
            [("company_id", "=", self.company_id.id), ("asn_status", "!=", False)],
            ["department_id", "asn_position_kind", "asn_jenjang", "pejabat_penilai_id", "pejabat_penilai_official",
             "tb_date_from", "tb_date_to", "user_id"],
        )

    def _prepare_generation_people(self, employees):
        """{employee id: sampling.Person}: peer groups, kind and level (jenjang) of position, Pejabat
        Penilai Kinerja and tugas belajar (Perwal Bekasi 38/2023 Pasal 14) on the round's reference date.

        Peers of a unit's head are the heads of its sibling units (the Kepala Seksi of one Bidang), of a
        Perangkat Daerah's head the other heads of Perangkat Daerah (-1 stands for that group); peers of
        staff are the staff of their unit: "rekan sejawat" of the same level (seed 000). Where too few,
        the plan widens to the sibling units (same parent unit) and the Perangkat Daerah (sampling.PEER_STEPS).
        The Pemda's units are read once."""
        day = self._reference_date()
        departments = {department.id: department for department in self.env["hr.department"].sudo().search_fetch(
            [("company_id", "in", [self.company_id.id, False])],
            ["manager_id", "parent_id", "asn_opd_kind", "asn_opd_id"],
        )}
        heads = {}  # {head's employee id: (first peer group, Perangkat Daerah)}
        for department in departments.values():
            if department.manager_id and (department.asn_opd_kind or department.parent_id):
                heads[department.manager_id.id] = (-1, None) if department.asn_opd_kind else (
                    department.parent_id.id, department.asn_opd_id.id or None)
        people = {}
        for employee in employees:
            unit = departments.get(employee.department_id.id)
            if employee.id in heads:
                group, opd = heads[employee.id]
                sibling, is_head = None, True
            else:
                group, is_head = employee.department_id.id or None, False
                opd = (unit.asn_opd_id.id or None) if unit else None
                sibling = (unit.parent_id.id or None) if unit and not unit.asn_opd_kind else None
            people[employee.id] = sampling.Person(
                employee.id, group, employee.asn_position_kind or None,
                employee.pejabat_penilai_id.id or None, employee.pejabat_penilai_official or None,
                periods.covers(employee.tb_date_from, employee.tb_date_to, day),
                employee.asn_jenjang or None, sibling, opd, is_head,
            )
        return people

    def _prepare_generated_result_vals(self, plan, employees, opd_of):
        """One result per employee of the plan, with the raters planned per role and the gaps."""
        department_of = {employee.id: employee.department_id.id for employee in employees}
        official = {employee.id: employee.pejabat_penilai_official for employee in employees}
        counts = {}
        for ratee, _rater, role in plan.pairs:
            counts.setdefault(ratee, {}).setdefault(role, 0)
            counts[ratee][role] += 1
        result_vals = []
        for ratee_id, (rated, gap) in plan.notes.items():
            planned = counts.get(ratee_id, {})
            result_vals.append({
                "round_id": self.id,
                "employee_id": ratee_id,
                "department_id": department_of[ratee_id],
                "opd_id": opd_of[department_of[ratee_id]],
                "is_rated": rated,
                "atasan_gap": gap or False,
                "atasan_official": (official[ratee_id] or False) if gap == sampling.GAP_REGION_HEAD else False,
                "atasan_count": planned.get(scoring.ATASAN, 0),
                "peer_count": planned.get(scoring.PEER, 0),
                "subordinate_count": planned.get(scoring.SUBORDINATE, 0),
                "has_gap": sampling.has_gap(rated, gap, planned),
            })
        return result_vals

    def _copy_questions(self):
        """Freeze the questionnaire into the rounds that have no questions yet."""
        rounds = self.filtered(lambda r: not r.question_ids)
        if not rounds:
            return
        template = self.env["hr.asn360.question"].sudo().search([])
        self.env["hr.asn360.round.question"].sudo().create([
            {"round_id": round_.id, "sequence": question.sequence, "value_code": question.value_code,
             "name": question.name, "question": question.question}
            for round_ in rounds for question in template
        ])

    def _compute_results(self, results=None):
        """Per rated employee of ``results`` (default: every result of these rounds), value and role: mean
        and count; the weighted score and suggested rating (rules/scoring.py); the rank comes after, over
        the whole round (_rank_results). Grouped reads, one INSERT of the lines (the old lines of these
        results replaced: computing a batch again adds nothing), batched writes."""
        Result = self.env["hr.asn360.result"].sudo()
        if results is None:
            results = Result.search([("round_id", "in", self.ids)])
        results = Result.search_fetch([("id", "in", results.ids)], ["round_id", "employee_id", "is_rated"],
                                      order="id")
        employee_ids = results.employee_id.ids
        answers, raters = self._get_submitted_answers(employee_ids), self._get_submitted_raters(employee_ids)
        questions = self.env["hr.asn360.round.question"].sudo().search_fetch(
            [("round_id", "in", self.ids)], ["round_id", "value_code"])
        code_of = {question.id: question.value_code for question in questions}
        unit_of, opd_of = self._get_units_at_close(results)
        settings = {round_.id: round_ for round_ in self}
        outcomes, line_rows = {}, []
        for result in results:
            key = (result.round_id.id, result.employee_id.id)
            if not result.is_rated or key not in raters:
                outcomes[result] = None
                continue
            by_code = {(role, code_of[question_id]): value for (role, question_id), value in answers[key].items()}
            outcome = outcomes[result] = settings[key[0]]._score(by_code, raters[key])
            line_rows += [(line["result_id"], line["value_code"], line["role"], line["mean"], line["count"],
                           line["weighted_mean"]) for line in self._prepare_result_line_vals(result, outcome)]
        self._replace_result_lines(results, line_rows)
        self._write_outcomes([
            (result.id, *self._outcome_row(outcome, unit_of.get(result.employee_id.id),
                                           opd_of.get(unit_of.get(result.employee_id.id))))
            for result, outcome in outcomes.items()
        ])

    @api.model
    def _outcome_row(self, outcome, unit_id, opd_id):
        """What the close stores on a result (_prepare_result_outcome_vals, in column order): unit, Perangkat
        Daerah, score, rating, raters who answered, merged roles, too few raters."""
        vals = self._prepare_result_outcome_vals(outcome, unit_id, opd_id, 0)
        # as the ORM stores them: a Float rounded to its digits, None as 0
        digits = self.env["hr.asn360.result"]._fields["score"].get_digits(self.env)[1]
        score = float_round(vals["score"] or 0.0, precision_digits=digits)
        return (vals["department_id"] or None, vals["opd_id"] or None, score, vals["rating"] or None,
                int(vals["rater_count"] or 0), vals["merged_roles"] or None, bool(vals["too_few_raters"]))

    def _write_outcomes(self, rows):
        """Store the close's outcomes (result id first, then _outcome_row), rank 0 until _rank_results: one
        UPDATE per 10,000 results from arrays. In SQL because 20,000 ORM writes of distinct scores cost more
        than the scoring; results have no stored computed field or tracking, their lock (the round is open)
        was checked by the caller, and the cache is invalidated."""
        Result = self.env["hr.asn360.result"].sudo()
        Result.flush_model()
        now, uid = self.env.cr.now(), self.env.uid
        for start in range(0, len(rows), 10000):
            columns = [list(column) for column in zip(*rows[start:start + 10000], strict=True)]
            self.env.cr.execute(SQL("""
                UPDATE hr_asn360_result AS r
                   SET department_id = v.unit, opd_id = v.opd, score = v.score, rating = v.rating,
                       rater_count = v.raters, merged_roles = v.merged, too_few_raters = v.too_few, rank_in_unit = 0,
                       write_uid = %s, write_date = %s
                  FROM unnest(%s::int[], %s::int[], %s::int[], %s::float8[], %s::varchar[], %s::int[], %s::varchar[],
                              %s::bool[]) AS v(id, unit, opd, score, rating, raters, merged, too_few)
                 WHERE r.id = v.id""", uid, now, *columns))
        Result.invalidate_model()

    def _replace_result_lines(self, results, rows):
        """The lines of ``results`` (of open rounds, checked by the caller) become ``rows`` (result_id,
        value_code, role, mean, count, weighted_mean): one DELETE and INSERTs of 20,000 rows from arrays. In SQL: a
        city has 500,000 lines, whose ORM create costs a minute; the lines have no computed field and no
        constraint but the round's lock, which the caller checked; the caches are invalidated."""
        if not results:
            return
        Line = self.env["hr.asn360.result.line"].sudo()
        Line._check_lock_results(results)
        self.env.flush_all()
        self.env.cr.execute(SQL("DELETE FROM hr_asn360_result_line WHERE result_id IN %s", tuple(results.ids)))
        # the lines carry no user of their own (their result says who closed, write_uid): two foreign-key
        # checks on res_users for each of 440,000 lines cost half of the INSERT
        now = self.env.cr.now()
        for start in range(0, len(rows), 20000):
            columns = [list(column) for column in zip(*rows[start:start + 20000], strict=True)]
            self.env.cr.execute(SQL("""
                INSERT INTO hr_asn360_result_line (result_id, value_code, role, mean, "count", weighted_mean,
                                                   create_date, write_date)
                SELECT l.result_id, l.value_code, l.role, l.mean, l.count, l.weighted_mean, %s, %s
                  FROM unnest(%s::int[], %s::varchar[], %s::varchar[], %s::float8[], %s::int[], %s::float8[])
                       AS l(result_id, value_code, role, mean, count, weighted_mean)""", now, now, *columns))
        Line.invalidate_model()
        results.invalidate_recordset(["line_ids"])

    def _rank_results(self):
        """Rank in unit of every result of these rounds (rules/scoring.py rank_in_units), from the stored
        scores: a result with a suggested rating is ranked (one resting on too few raters has none, issue
        12). One read, one write per rank."""
        Result = self.env["hr.asn360.result"].sudo()
        results = Result.search_fetch([("round_id", "in", self.ids)], ["round_id", "department_id", "score", "rating"])
        ranks = scoring.rank_in_units({
            result.id: ((result.round_id.id, result.department_id.id or None),
                        result.score if result.rating else None)
            for result in results
        })
        by_rank = {}
        for result in results:
            by_rank.setdefault(ranks.get(result.id, 0), []).append(result.id)
        for rank, ids in by_rank.items():
            Result.browse(ids).write({"rank_in_unit": rank})

    def _get_submitted_answers(self, employee_ids):
        """{(round id, ratee id): {(role, question id): (sum of stars, count)}} of submitted ratings of these
        rated employees: one grouped query in SQL (a city has a million answers; the ORM's grouped read
        would build a record per group)."""
        self.env["hr.asn360.answer"].flush_model(["round_id", "ratee_id", "role", "question_id", "stars",
                                                   "assignment_id"])
        self.env["hr.asn360.assignment"].flush_model(["state"])
        self.env.cr.execute(SQL("""
            SELECT a.round_id, a.ratee_id, a.role, a.question_id, SUM(a.stars), COUNT(*)
              FROM hr_asn360_answer a
              JOIN hr_asn360_assignment s ON s.id = a.assignment_id
             WHERE a.round_id IN %s AND a.ratee_id = ANY(%s) AND s.state = 'submitted'
             GROUP BY a.round_id, a.ratee_id, a.role, a.question_id
        """, tuple(self.ids), list(employee_ids)))
        answers = {}
        for round_id, ratee_id, role, question_id, total, count in self.env.cr.fetchall():
            answers.setdefault((round_id, ratee_id), {})[(role, question_id)] = (total, count)
        return answers

    def _get_submitted_raters(self, employee_ids):
        """{(round id, ratee id): {role: raters who submitted}}."""
        raters = {}
        for round_, ratee, role, count in self.env["hr.asn360.assignment"].sudo()._read_group(
                [("round_id", "in", self.ids), ("ratee_id", "in", list(employee_ids)), ("state", "=", "submitted")],
                ["round_id", "ratee_id", "role"], ["__count"]):
            raters.setdefault((round_.id, ratee.id), {})[role] = count
        return raters

    def _get_units_at_close(self, results):
        """({employee id: unit id}, {unit id: Perangkat Daerah id}) at close: the unit at close decides
        the rank (an employee moved during the round ranks in the new unit)."""
        employees = self.env["hr.employee"].sudo().with_context(active_test=False).search_fetch(
            [("id", "in", results.employee_id.ids)], ["department_id"])
        opd_of = {department.id: department.asn_opd_id.id for department in
                  self.env["hr.department"].sudo().with_context(active_test=False).search_fetch(
                      [("id", "in", employees.department_id.ids)], ["asn_opd_id"])}
        return {employee.id: employee.department_id.id for employee in employees}, opd_of

    def _score(self, by_code, raters):
        """scoring.score_employee with this round's settings (national_rules.md §6: per round)."""
        return scoring.score_employee(
            by_code, raters, value_codes=[q.value_code for q in self.question_ids],
            weights={scoring.ATASAN: self.weight_atasan, scoring.PEER: self.weight_peer,
                     scoring.SUBORDINATE: self.weight_subordinate},
            min_raters=self.min_raters_per_role, threshold_diatas=self.threshold_diatas,
            threshold_sesuai=self.threshold_sesuai, min_raters_result=self.min_raters_result,
        )

    @api.model
    def _prepare_result_line_vals(self, result, outcome):
        return [{
            "result_id": result.id, "value_code": line.value_code, "role": line.role,
            "mean": line.mean, "count": line.count,
            "weighted_mean": outcome.by_value.get(line.value_code, 0.0) if line.role == scoring.ALL else 0.0,
        } for line in outcome.lines]

    @api.model
    def _prepare_result_outcome_vals(self, outcome, unit_id, opd_id, rank):
        return {
            "department_id": unit_id or False,
            "opd_id": opd_id or False,
            "score": outcome.score if outcome else 0.0,
            "rating": outcome.rating if outcome else False,
            "rater_count": outcome.rater_count if outcome else 0,
            "rank_in_unit": rank,
            "merged_roles": ",".join(outcome.merged) if outcome else False,
            "too_few_raters": bool(outcome and outcome.too_few),
        }

    # ------------------------------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self):
        """Daily: from ``reminder_days`` before close, remind raters with unfinished ratings, once a day."""
        today = fields.Date.context_today(self)
        rounds = self.sudo().search([
            ("state", "=", "open"), ("date_close", ">=", today),
            "|", ("reminder_last_date", "=", False), ("reminder_last_date", "<", today),
        ]).filtered(lambda r: r.date_close - timedelta(days=r.reminder_days) <= today)
        rounds._send_reminders()
        return rounds

    def _send_reminders(self):
        """Internal users get one to-do activity on the round (kept until done), portal users an e-mail."""
        today = fields.Date.context_today(self)
        Activity = self.env["mail.activity"].sudo()
        todo_type = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        template = self.env.ref("hr_asn_360.hr_asn360_mail_template_reminder", raise_if_not_found=False)
        groups = self.env["hr.asn360.assignment"].sudo()._read_group(
            [("round_id", "in", self.ids), ("state", "!=", "submitted"), ("rater_user_id", "!=", False)],
            ["round_id", "rater_user_id"], ["__count"])
        existing = {
            (activity.res_id, activity.user_id.id)
            for activity in Activity.search([
                ("res_model", "=", self._name), ("res_id", "in", self.ids),
                ("activity_type_id", "=", todo_type.id if todo_type else False),
            ])
        }
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_vals = []
        for round_, user, count in groups:
            # in the recipient's language, not the job's (OdooBot's en_US)
            round_ = round_.with_context(lang=user.lang or round_.env.lang)
            if not user.share:
                if (round_.id, user.id) not in existing:
                    activity_vals.append(round_._prepare_reminder_activity_vals(user, count, model_id, todo_type))
            elif template and user.partner_id.email:
                template.with_context(lang=round_.env.lang, rater_name=user.name, todo_count=count).send_mail(
                    round_.id, email_values={"recipient_ids": [(4, user.partner_id.id)], "email_to": False},
                )
        if activity_vals:
            Activity.create(activity_vals)
        self.sudo().write({"reminder_last_date": today})

    def _prepare_reminder_activity_vals(self, user, count, model_id, todo_type):
        """The to-do of ``user`` on this round, in the language of this round's context."""
        env = self.env
        return {
            "res_model_id": model_id, "res_id": self.id, "user_id": user.id,
            "activity_type_id": todo_type.id if todo_type else False,
            "date_deadline": self.date_close,
            "summary": env._("Penilaian Perilaku 360: %(count)s rating(s) to finish", count=count),
            "note": env._("Please rate your colleagues in %(round)s before %(date)s at /my/perilaku360.",
                          round=self.name, date=format_date(env, self.date_close)),
        }

    # ------------------------------------------------------------------------------------------
    # Demo
    # ------------------------------------------------------------------------------------------
    @api.model
    def _load_demo(self):
        """Two rounds for the demo city of hr_asn_performance, with answers drawn from a seeded generator:
        Semester I 2026 closed and published, Semester II 2026 open with about 60% of the ratings in."""
        company = self.env.ref("base.main_company")
        Round = self.sudo().with_company(company)
        first = Round.create({
            "name": "Penilaian Perilaku 360 Semester I 2026", "year": 2026, "semester": "1",
            "date_open": "2026-06-01", "date_close": "2026-06-20", "company_id": company.id,
        })
        second = Round.create({
            "name": "Penilaian Perilaku 360 Semester II 2026", "year": 2026, "semester": "2",
            "date_open": "2026-11-10", "date_close": "2026-12-10", "company_id": company.id,
        })
        self.env["ir.model.data"]._update_xmlids([
            {"xml_id": "hr_asn_360.hr_asn360_demo_round_2026_1", "record": first, "noupdate": True},
            {"xml_id": "hr_asn_360.hr_asn360_demo_round_2026_2", "record": second, "noupdate": True},
        ])
        for round_, share, seed in ((first, 1.0, 2026_1), (second, 0.6, 2026_2)):
            round_._generate_assignments()
            round_.action_open()
            round_._demo_answer(random.Random(seed), share)
        first._close()
        first.action_publish()

    def _demo_answer(self, rng, share):
        """Realistic answers: each rated employee has a level around 4 stars, most answers 3-5, a few 1-2;
        ``share`` of the ratings submitted (and a few more saved as drafts)."""
        Answer = self.env["hr.asn360.answer"].sudo()
        assignments = self.assignment_ids.sorted("id")
        questions = self.question_ids
        level = {}
        answer_vals, submitted, drafts = [], [], []
        for assignment in assignments:
            draw = rng.random()
            if draw >= share + (1 - share) / 4:
                continue
            base = level.setdefault(assignment.ratee_id.id, rng.gauss(4.0, 0.45))
            for question in questions:
                stars = round(base + rng.gauss(0, 0.6))
                if rng.random() < 0.03:
                    stars = rng.choice((1, 2))
                answer_vals.append({"assignment_id": assignment.id, "question_id": question.id,
                                    "stars": min(5, max(1, stars))})
            (submitted if draw < share else drafts).append(assignment.id)
        Answer.create(answer_vals)
        start = datetime.combine(self.date_open, time(8))
        days = max((min(self.date_close, fields.Date.context_today(self)) - self.date_open).days, 1)
        Assignment = self.env["hr.asn360.assignment"].sudo()
        Assignment.browse(drafts).write({"state": "draft"})
        for assignment_id in submitted:
            when = start + timedelta(days=rng.randrange(days), minutes=rng.randrange(9 * 60))
            Assignment.browse(assignment_id).write({"state": "submitted", "submitted_on": when})
