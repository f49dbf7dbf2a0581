from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..rules import sampling, scoring
from .hr_asn360_lock_mixin import trusted_unlink

# Suggested rating perilaku kerja (Semarang seed 002; national_rules.md §1), best first.
RATINGS = [
    ("diatas", "Diatas Ekspektasi"),
    ("sesuai", "Sesuai Ekspektasi"),
    ("dibawah", "Dibawah Ekspektasi"),
]
# Stored as they are (False too); the other fields of a generated result store False as NULL, as the ORM does.
BOOLEAN_FIELDS = frozenset({"is_rated", "has_gap"})
ATASAN_GAPS = [
    (sampling.GAP_TUGAS_BELAJAR, "On tugas belajar: not rated"),
    (sampling.GAP_REGION_HEAD, "Assessed by the head of region: no superior rater"),
    (sampling.GAP_NO_PENILAI, "No Pejabat Penilai Kinerja: no superior rater"),
    (sampling.GAP_PENILAI_AWAY, "Pejabat Penilai Kinerja on tugas belajar or outside the round: no superior rater"),
]


class HrAsn360Result(models.Model):
    """One employee in one round: the raters they were given (with the gaps), and once the round
    closes their result, computed once and frozen.

    Other modules read published results with :meth:`get_results`.
    """

    _name = "hr.asn360.result"
    _description = "360° Rating Result"
    _order = "round_id desc, opd_id, department_id, rank_in_unit, id"
    _rec_name = "employee_id"

    round_id = fields.Many2one("hr.asn360.round", required=True, ondelete="cascade", index=True)
    round_state = fields.Selection(related="round_id.state", string="Round Status")
    year = fields.Integer(related="round_id.year", store=True, precompute=True, aggregator=False)
    semester = fields.Selection(related="round_id.semester", store=True, precompute=True)
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True, precompute=True)
    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one("hr.department", string="Unit", index=True,
                                    help="The employee's unit when the raters were planned, then at close.")
    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", index=True)
    is_rated = fields.Boolean(string="Rated", default=True)
    # the raters planned (kept up to date until close)
    atasan_count = fields.Integer(string="Superior Raters", readonly=True)
    peer_count = fields.Integer(string="Peer Raters", readonly=True)
    subordinate_count = fields.Integer(string="Subordinate Raters", readonly=True)
    atasan_gap = fields.Selection(ATASAN_GAPS, string="Why no Superior Rater", readonly=True)
    atasan_official = fields.Char(string="Assessed by (Head of Region)", readonly=True)
    has_gap = fields.Boolean(string="Has Gaps", readonly=True)
    gap_note = fields.Text(string="Gaps", compute="_compute_gap_note")
    # the result (written once at close)
    score = fields.Float(digits=(3, 2), readonly=True, aggregator="avg",
                         help="Weighted mean of the role means over the seven values, 1 to 5 stars.")
    rank_in_unit = fields.Integer(string="Rank in Unit", readonly=True, aggregator=False)
    rating = fields.Selection(RATINGS, string="Suggested Rating Perilaku Kerja", readonly=True)
    rater_count = fields.Integer(string="Raters who Answered", readonly=True)
    too_few_raters = fields.Boolean(
        readonly=True,
        help="The result rests on fewer raters than the round's minimum: no suggested rating and no rank.")
    min_raters_result = fields.Integer(related="round_id.min_raters_result")
    warning = fields.Char(compute="_compute_warning")
    # one column for lists: the suggested rating, or the warning where there is none to trust (issue 12)
    suggestion = fields.Selection(
        RATINGS + [("too_few", "Too few raters")], compute="_compute_suggestion",
        help="The suggested rating perilaku kerja, or 'Too few raters' where the result rests on fewer raters "
             "than the round's minimum.")
    merged_roles = fields.Char(readonly=True)
    line_ids = fields.One2many("hr.asn360.result.line", "result_id", string="Result by Value and Role")

    _sql_constraints = [
        ("employee_round_uniq", "unique(round_id, employee_id)", "An employee has one result per round."),
    ]

    @api.depends("employee_id", "round_id")
    def _compute_display_name(self):
        """Employee and round, readable by whoever may read the result (portal users cannot read employees)."""
        for result in self:
            sudo = result.sudo()
            result.display_name = "%s - %s" % (sudo.employee_id.name or "", sudo.round_id.name or "")

    @api.depends("is_rated", "atasan_gap", "atasan_official", "atasan_count", "peer_count", "subordinate_count",
                 "round_id.min_raters_per_role")
    def _compute_gap_note(self):
        for result in self:
            result.gap_note = "\n".join(result._gap_lines())

    @api.depends("rating", "too_few_raters")
    def _compute_suggestion(self):
        for result in self:
            result.suggestion = "too_few" if result.too_few_raters else result.rating

    @api.depends("too_few_raters", "rater_count", "round_id.min_raters_result")
    @api.depends_context("lang")
    def _compute_warning(self):
        for result in self:
            result.warning = _(
                "This result rests on %(count)s rater(s), fewer than the round's minimum of %(minimum)s: it has no "
                "suggested rating and no rank. Read the score with care.",
                count=result.rater_count, minimum=result.round_id.min_raters_result,
            ) if result.too_few_raters else False

    def _gap_lines(self):
        """What is missing for this employee, in the reader's language (from stored codes and counts)."""
        if not self.is_rated:
            return [_("On tugas belajar: neither rated nor rater in this round.")]
        lines = []
        if self.atasan_gap == sampling.GAP_REGION_HEAD:
            lines.append(_("No superior rater: the Pejabat Penilai Kinerja is the head of region (%s).",
                           self.atasan_official or "-"))
        elif self.atasan_gap == sampling.GAP_NO_PENILAI:
            lines.append(_("No superior rater: no Pejabat Penilai Kinerja is set for this employee."))
        elif self.atasan_gap == sampling.GAP_PENILAI_AWAY:
            lines.append(_("No superior rater: the Pejabat Penilai Kinerja is on tugas belajar or not in the "
                           "round's organisation."))
        elif not self.atasan_count:
            lines.append(_("No superior rater."))
        minimum = self.round_id.min_raters_per_role or scoring.DEFAULT_MIN_RATERS
        if not self.peer_count:
            lines.append(_("No peer: nobody else in the unit, its sibling units or the Perangkat Daerah holds the "
                           "same kind and level of position."))
        elif self.peer_count < minimum:
            lines.append(_("%(count)s peer(s), fewer than %(minimum)s: their answers are merged into 'others'.",
                           count=self.peer_count, minimum=minimum))
        if 0 < self.subordinate_count < minimum:
            lines.append(_("%(count)s subordinate(s), fewer than %(minimum)s: their answers are merged into "
                           "'others'.", count=self.subordinate_count, minimum=minimum))
        return lines

    # ------------------------------------------------------------------------------------------
    # CRUD: results are written by the round (generation, close), never after close
    # ------------------------------------------------------------------------------------------
    def _check_result_update(self):
        if any(result.round_id.state in ("closed", "published") for result in self.sudo()):
            raise UserError(_("The round is closed: its results can no longer change."))

    @api.model
    def _insert_generated(self, round_, vals_list):
        """Store the results the generation planned for ``round_`` (a draft round, checked by the caller):
        ``vals_list`` as _prepare_generated_result_vals gives them, one INSERT per 10,000 from arrays (the
        ORM create of a city's 20,000 results cost a third of the generation, issue 13). The round's year,
        semester and Pemda are the stored related fields; the unique (round, employee) constraint still
        guards the table; the caches are invalidated."""
        if not self.env.su:
            raise AccessError(_("Only the generation of a round's raters stores its results."))
        self.flush_model()
        now, uid = self.env.cr.now(), self.env.uid
        fnames = ("employee_id", "department_id", "opd_id", "is_rated", "atasan_gap", "atasan_official",
                  "atasan_count", "peer_count", "subordinate_count", "has_gap")
        for start in range(0, len(vals_list), 10000):
            chunk = vals_list[start:start + 10000]
            columns = [[vals[fname] if vals[fname] is not False or fname in BOOLEAN_FIELDS else None
                        for vals in chunk] for fname in fnames]
            self.env.cr.execute(SQL("""
                INSERT INTO hr_asn360_result
                       (round_id, year, semester, company_id, employee_id, department_id, opd_id, is_rated,
                        atasan_gap, atasan_official, atasan_count, peer_count, subordinate_count, has_gap,
                        create_uid, create_date, write_uid, write_date)
                SELECT %s, %s, %s, %s, v.employee, v.unit, v.opd, v.rated, v.gap, v.official, v.atasan, v.peer,
                       v.subordinate, v.has_gap, %s, %s, %s, %s
                  FROM unnest(%s::int[], %s::int[], %s::int[], %s::bool[], %s::varchar[], %s::varchar[], %s::int[],
                              %s::int[], %s::int[], %s::bool[])
                       AS v(employee, unit, opd, rated, gap, official, atasan, peer, subordinate, has_gap)""",
                round_.id, round_.year, round_.semester, round_.company_id.id, uid, now, uid, now, *columns))
        self.invalidate_model()
        round_.invalidate_recordset(["result_ids"])

    def write(self, vals):
        self._check_result_update()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        self._check_result_update()

    def unlink(self):
        return super(HrAsn360Result, trusted_unlink(self)).unlink()

    # ------------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------------
    def _refresh_gaps(self):
        """Count the raters planned per role (one grouped read) and store what changed."""
        if not self:
            return
        groups = self.env["hr.asn360.assignment"].sudo()._read_group(
            [("round_id", "in", self.round_id.ids), ("ratee_id", "in", self.employee_id.ids)],
            ["round_id", "ratee_id", "role"], ["__count"])
        counts = {(round_.id, ratee.id, role): count for round_, ratee, role, count in groups}
        for result in self.sudo():
            key = (result.round_id.id, result.employee_id.id)
            vals = {
                "atasan_count": counts.get(key + (scoring.ATASAN,), 0),
                "peer_count": counts.get(key + (scoring.PEER,), 0),
                "subordinate_count": counts.get(key + (scoring.SUBORDINATE,), 0),
            }
            vals["has_gap"] = sampling.has_gap(result.is_rated, result.atasan_gap, {
                scoring.ATASAN: vals["atasan_count"], scoring.PEER: vals["peer_count"]})
            if any(result[fname] != value for fname, value in vals.items()):
                result.write(vals)

    @api.model
    def get_results(self, employees, year, semester=None):
        """Published 360° results of ``employees`` (records or ids) for ``year`` (and ``semester``).

        Returns {employee_id: {'score': float, 'rating': 'diatas'|'sesuai'|'dibawah', 'round_id': id,
        'semester': '1'|'2', 'by_value': {value_code: weighted mean}}}. Without ``semester`` the latest
        published semester of the year is taken. Employees without a published score are left out.
        Reads with the caller's rights (call it with sudo() from a trusted context).
        """
        employee_ids = employees.ids if isinstance(employees, models.BaseModel) else list(employees)
        domain = [("employee_id", "in", employee_ids), ("year", "=", year), ("round_id.state", "=", "published"),
                  ("is_rated", "=", True), ("rating", "!=", False)]
        if semester:
            domain.append(("semester", "=", str(semester)))
        results = self.search_fetch(domain, ["employee_id", "round_id", "semester", "score", "rating"],
                                    order="semester desc, id desc")
        lines = self.env["hr.asn360.result.line"].search_fetch(
            [("result_id", "in", results.ids), ("role", "=", scoring.ALL)],
            ["result_id", "value_code", "weighted_mean"])
        by_value = {}
        for line in lines:
            by_value.setdefault(line.result_id.id, {})[line.value_code] = line.weighted_mean
        found = {}
        for result in results:
            found.setdefault(result.employee_id.id, {
                "score": result.score,
                "rating": result.rating,
                "round_id": result.round_id.id,
                "semester": result.semester,
                "by_value": by_value.get(result.id, {}),
            })
        return found

    # ------------------------------------------------------------------------------------------
    # Closing a round: the background job of hr.asn360.round action_close (hr.asn.job)
    # ------------------------------------------------------------------------------------------
    _asn_job_methods = ("_asn_job_close",)

    def _asn_job_close(self):
        """A batch of the close job, as the user who queued it (their right to close the rounds is checked
        again): the batch's results computed, their lines replaced (a batch run again adds nothing). The
        round stays open, and its ratings wait (``is_closing``), until the job's last step."""
        self.round_id._check_open_for_close()
        self.sudo()._asn_close_batch()

    def _asn_job_finish(self, job):
        """The close job's last step, in one savepoint: the ranks in units, then the rounds closed. A round
        is closed with all its results or stays open (and the job can be retried)."""
        if job.method != "_asn_job_close":
            return None
        self.round_id._check_open_for_close()
        self.sudo()._asn_close_finish()
        return None

    def _asn_close_batch(self):
        """Compute these results (of open rounds): planned raters per role, then means, score and
        suggested rating (no rank yet)."""
        self._refresh_gaps()
        self.round_id._compute_results(self)

    def _asn_close_finish(self):
        """Rank the results of these rounds in their units and close the rounds."""
        rounds = self.round_id
        rounds._rank_results()
        rounds.sudo().write({"state": "closed"})

    def _get_report_base_filename(self):
        """File name of the printed result (portal download)."""
        self.ensure_one()
        return "Hasil Penilaian Perilaku 360 - %s - %s" % (self.employee_id.name, self.round_id.name)

    def _get_report_lines(self):
        """For the PDF: per value in question order, {value_code, name, question, roles: {role: (mean, count)},
        all: (mean, count), score: weighted mean}. Roles hold only what the anonymity rule shows."""
        self.ensure_one()
        by_value = {}
        for line in self.line_ids:
            entry = by_value.setdefault(line.value_code, {"roles": {}, "all": (0.0, 0), "score": 0.0})
            if line.role == scoring.ALL:
                entry["all"] = (line.mean, line.count)
                entry["score"] = line.weighted_mean
            else:
                entry["roles"][line.role] = (line.mean, line.count)
        report = []
        for question in self.round_id.question_ids:
            entry = by_value.get(question.value_code, {"roles": {}, "all": (0.0, 0), "score": 0.0})
            report.append(dict(entry, value_code=question.value_code, name=question.name, question=question.question))
        return report

    def action_open_raters(self):
        """Draft: the raters planned for this employee (to add or remove some)."""
        self.ensure_one()
        action = self.round_id.action_edit_raters()
        action["domain"] = [("round_id", "=", self.round_id.id), ("ratee_id", "=", self.employee_id.id)]
        action["context"] = dict(action["context"], default_ratee_id=self.employee_id.id, search_default_group_ratee=0)
        return action
