from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.hr_asn_performance.rules import periods

from ..rules import sampling, scoring
from .hr_asn360_lock_mixin import trusted_unlink

ROLES = [
    ("atasan", "Superior (atasan)"),
    ("peer", "Peer (rekan sejawat)"),
    ("subordinate", "Subordinate (bawahan)"),
]
ASSIGNMENT_STATES = [("todo", "To Do"), ("draft", "In Progress"), ("submitted", "Submitted")]
# Why the generation picked a rater (rules/sampling.py, REASON_*: peers widened step by step, issue 12).
REASONS = [
    (sampling.REASON_ATASAN, "Pejabat Penilai Kinerja of the rated employee"),
    (sampling.REASON_SUBORDINATE, "Assessed by the rated employee"),
    (sampling.REASON_SAME_UNIT, "Peer in the same unit"),
    (sampling.REASON_SIBLING_HEADS, "Head of a sibling unit"),
    (sampling.REASON_SIBLING_UNITS, "Peer in a sibling unit (same parent unit)"),
    (sampling.REASON_OPD, "Peer elsewhere in the Perangkat Daerah"),
    ("manual", "Added by hand"),
]
# Who rated whom (and what): readable for other rows only through the audited list.
GUARDED_FIELDS = {"rater_id", "rater_user_id", "answer_ids", "comment"}
# Set by the rating methods (action_save_answers, action_submit) and the generation, never by a form or
# an RPC call, whatever its context (issue 9 finding 1): written only with sudo() after their checks.
RATING_FIELDS = {"state", "submitted_on", "comment", "origin", "reason"}
# Written by the generation only (as superuser): others create raters "added by hand".
GENERATED_FIELDS = {"origin": "manual", "reason": "manual"}
# A comment is a few sentences about a colleague (issue 9 finding 10: no 1 MB comments).
COMMENT_MAX = 2000
# The portal token (portal.mixin) may be set at any time, also on a closed round.
FREE_FIELDS = {"access_token"}
# Who and what is rated: fixed once somebody answered.
PAIR_FIELDS = {"round_id", "ratee_id", "rater_id", "role"}
ADMIN_GROUP = "hr_asn_performance.group_hr_asn_performance_admin"


class HrAsn360Assignment(models.Model):
    """One rater asked to rate one employee in a round, in a role (Semarang seed 000: atasan, rekan
    sejawat, bawahan). ``role`` is what the rater is to the rated employee: "subordinate" means the rater
    works under the rated employee and rates their superior. Every rating is anonymous to the rated
    employee: only Admin BKPSDM sees who rated whom, in an audited list (hr.asn360.access.log); the
    result shows peers and subordinates only as a group of at least the round's minimum, the atasan
    (one known person, the Pejabat Penilai Kinerja) on their own line."""

    _name = "hr.asn360.assignment"
    _description = "360° Rating Assignment"
    _inherit = ["portal.mixin", "hr.asn360.read.guard.mixin"]
    _guarded_fields = GUARDED_FIELDS
    _order = "round_id desc, ratee_id, role, id"

    round_id = fields.Many2one("hr.asn360.round", required=True, ondelete="cascade", index=True)
    ratee_id = fields.Many2one("hr.employee", string="Rated Employee", required=True, ondelete="cascade",
                               index=True)
    rater_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True)
    rater_user_id = fields.Many2one("res.users", string="Rater User", related="rater_id.user_id", store=True,
                                    index=True, precompute=True)
    role = fields.Selection(ROLES, string="Rater Is", required=True,
                            help="What the rater is to the rated employee: their superior, a peer, or a subordinate "
                                 "(who rates their own superior).")
    relation = fields.Char(string="Who Rates Whom", compute="_compute_relation",
                           help="The rater's role towards the rated employee, e.g. 'Subordinate (bawahan) of X'.")
    state = fields.Selection(ASSIGNMENT_STATES, required=True, default="todo", copy=False, index=True)
    origin = fields.Selection([("auto", "Generated"), ("manual", "Added by hand")], required=True,
                              default="manual", copy=False)
    reason = fields.Selection(REASONS, string="Why this Rater", required=True, default="manual", copy=False,
                              help="Why the planning picked this rater: peers are sought in the unit, then in the "
                                   "sibling units under the same head, then in the Perangkat Daerah (same kind and "
                                   "level of position) until the round's minimum is met.")
    # 1 when submitted, else 0: averaged per group it is the completion rate (the completion chart)
    submitted_share = fields.Float(string="Submitted (%)", compute="_compute_submitted_share", store=True,
                                   precompute=True, aggregator="avg")
    answer_ids = fields.One2many("hr.asn360.answer", "assignment_id", string="Answers")
    comment = fields.Text()
    submitted_on = fields.Datetime(copy=False)
    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", related="ratee_id.department_id.asn_opd_id",
                             store=True, index=True, precompute=True)
    ratee_department_id = fields.Many2one("hr.department", string="Unit", related="ratee_id.department_id",
                                          store=True, precompute=True)
    company_id = fields.Many2one(related="round_id.company_id", store=True, index=True, precompute=True)
    round_state = fields.Selection(related="round_id.state", string="Round Status")
    # For the rater's own screens (portal users cannot read employees): names only.
    ratee_name = fields.Char(related="ratee_id.name", string="Rated Employee Name")
    ratee_job_title = fields.Char(related="ratee_id.job_title", string="Rated Employee Position")
    is_mine = fields.Boolean(string="Mine", compute="_compute_is_mine", search="_search_is_mine",
                             help="Assignments where I am the rater.")
    answered_count = fields.Integer(string="Answered", compute="_compute_answered_count")

    _sql_constraints = [
        ("pair_uniq", "unique(round_id, ratee_id, rater_id)", "This rater already rates this employee in this round."),
        ("not_self", "CHECK(rater_id != ratee_id)", "Nobody rates themselves."),
    ]

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    def _compute_access_url(self):
        res = super()._compute_access_url()
        for assignment in self:
            assignment.access_url = f"/my/perilaku360/{assignment.id}"
        return res

    @api.depends("ratee_id", "role", "round_id")
    def _compute_display_name(self):
        """The rated employee and who rates them, e.g. "dr. Hotman, rated by a subordinate (bawahan)":
        never the rater's name (anonymity), never a bare "dr. Hotman - Bawahan" that reads as if the rated
        employee were the subordinate."""
        labels = self._relation_labels()
        for assignment in self:
            name = assignment.sudo().ratee_id.name or ""
            assignment.display_name = labels["rated_by"].get(assignment.role, "%s") % name

    @api.depends("ratee_id", "role")
    @api.depends_context("lang")
    def _compute_relation(self):
        labels = self._relation_labels()
        for assignment in self:
            template = labels["of"].get(assignment.role)
            assignment.relation = template % (assignment.sudo().ratee_id.name or "") if template else False

    @api.model
    def _relation_labels(self):
        """Labels saying who rates whom, in the reader's language: {"of": {role: "... of %s"}, "rated_by":
        {role: "%s, rated by ..."}, "you": {role: "You rate %s as ..."}}."""
        return {
            "of": {
                scoring.ATASAN: _("Superior (atasan) of %s"),
                scoring.PEER: _("Peer (rekan sejawat) of %s"),
                scoring.SUBORDINATE: _("Subordinate (bawahan) of %s"),
            },
            "rated_by": {
                scoring.ATASAN: _("%s, rated by their superior (atasan)"),
                scoring.PEER: _("%s, rated by a peer (rekan sejawat)"),
                scoring.SUBORDINATE: _("%s, rated by a subordinate (bawahan)"),
            },
            "you": {
                scoring.ATASAN: _("You rate %s as their superior (atasan)."),
                scoring.PEER: _("You rate %s as their peer (rekan sejawat)."),
                scoring.SUBORDINATE: _("You rate %s as their subordinate (bawahan): you work under them."),
            },
        }

    def _get_portal_relation(self):
        """For the rater's portal: "You rate X as ...", in the reader's language."""
        self.ensure_one()
        return self._relation_labels()["you"].get(self.role, "%s") % (self.sudo().ratee_id.name or "")

    @api.depends("state")
    def _compute_submitted_share(self):
        for assignment in self:
            assignment.submitted_share = 1.0 if assignment.state == "submitted" else 0.0

    @api.depends_context("uid")
    def _compute_is_mine(self):
        for assignment in self:
            assignment.is_mine = assignment.sudo().rater_user_id.id == self.env.uid

    def _search_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Search 'Mine' with = True or = False."))
        mine = (operator == "=") == value
        return [("rater_user_id", "=" if mine else "!=", self.env.uid)]

    def _compute_answered_count(self):
        groups = self.env["hr.asn360.answer"].sudo()._read_group(
            [("assignment_id", "in", self.ids)], ["assignment_id"], ["__count"])
        counts = {assignment.id: count for assignment, count in groups}
        for assignment in self:
            assignment.answered_count = counts.get(assignment.id, 0)

    # ------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------
    @api.constrains("ratee_id", "rater_id")
    def _check_not_self(self):
        if any(assignment.ratee_id == assignment.rater_id for assignment in self):
            raise ValidationError(_("Nobody rates themselves in a 360° rating."))

    @api.constrains("comment")
    def _check_comment(self):
        for assignment in self:
            self._check_comment_length(assignment.comment)

    @api.model
    def _check_comment_length(self, comment):
        if comment and len(comment) > COMMENT_MAX:
            raise ValidationError(_("The comment has %(length)s characters; at most %(max)s are allowed. Please "
                                    "shorten it.", length=len(comment), max=COMMENT_MAX))

    @api.constrains("ratee_id", "rater_id", "round_id")
    def _check_tugas_belajar(self):
        """Employees on tugas belajar (Perwal Bekasi 38/2023 Pasal 14) neither rate nor are rated."""
        employees = self._get_pair_employees()
        for assignment in self.sudo():
            day = assignment.round_id._reference_date()
            for employee_id in (assignment.ratee_id.id, assignment.rater_id.id):
                employee = employees[employee_id]
                if periods.covers(employee.tb_date_from, employee.tb_date_to, day):
                    raise ValidationError(_("%s is on tugas belajar: they neither rate nor are rated in this round.",
                                            employee.name))

    @api.constrains("round_id", "ratee_id", "rater_id")
    def _check_assignment_company(self):
        """Raters and rated employees are of the round's Pemda (multi-company rules, issue 9 finding 7).
        Named apart from BaseModel._check_company(fnames), which Odoo's own check_company fields need."""
        employees = self._get_pair_employees()
        for assignment in self.sudo():
            company = assignment.round_id.company_id.id
            if any(employees[employee_id].company_id.id != company
                   for employee_id in (assignment.ratee_id.id, assignment.rater_id.id)):
                raise ValidationError(_("Raters and rated employees belong to the company of the round."))

    def _get_pair_employees(self):
        """{employee id: employee} of the raters and rated employees, with what the constraints read, in one
        query (a city's generation checks 150,000 pairs: no fetch per pair)."""
        assignments = self.sudo()
        ids = set(assignments.ratee_id.ids) | set(assignments.rater_id.ids)
        employees = self.env["hr.employee"].sudo().with_context(active_test=False).search_fetch(
            [("id", "in", list(ids))], ["name", "company_id", "tb_date_from", "tb_date_to"])
        return {employee.id: employee for employee in employees}

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    def _check_assignment_update(self, fnames, operation):
        """Every rule on changing assignments, in one place:

        - a closed round never changes (not even as superuser);
        - pairs are planned in draft (Admin BKPSDM and the unit's Admin Kepegawaian OPD, by record rules);
          while the round is open only Admin BKPSDM adds raters, or removes and changes those who have not
          answered yet;
        - state, submission date and comment move only through action_save_answers / action_submit,
          which check the rater and then write with sudo(): no context key opens them (issue 9 finding 1).
        """
        if operation == "write" and fnames <= FREE_FIELDS:
            return
        for assignment in self:
            state = assignment.round_id.state
            if state in ("closed", "published"):
                raise UserError(_("%s is closed: its ratings can no longer change.", assignment.round_id.name))
            if state == "open" and (operation in ("create", "unlink") or fnames & PAIR_FIELDS):
                assignment.round_id._check_not_closing()
                if not (self.env.su or self.env.user.has_group(ADMIN_GROUP)):
                    raise UserError(_("%s is open: only Admin BKPSDM can still change its raters.",
                                      assignment.round_id.name))
                if operation != "create" and assignment.state != "todo":
                    raise UserError(_("This rater has already answered: the rating can no longer be moved or "
                                      "removed."))
        if operation == "write" and fnames & RATING_FIELDS and not self.env.su:
            raise UserError(_("A rating is saved and submitted by its rater."))

    @api.model
    def _check_new_pairs(self, vals_list):
        """Before anything is written: nobody rates themselves, and a pair is asked once per round."""
        pairs = [(vals.get("round_id"), vals.get("ratee_id"), vals.get("rater_id")) for vals in vals_list]
        if any(ratee and ratee == rater for _round, ratee, rater in pairs):
            raise ValidationError(_("Nobody rates themselves in a 360° rating."))
        if len(set(pairs)) < len(pairs):
            raise ValidationError(_("This rater already rates this employee in this round."))
        if self.env.su and self.env.context.get("hr_asn360_bulk"):
            return  # planned by rules/sampling.py against the kept assignments (generation, as superuser)
        existing = self.sudo().search_fetch([
            ("round_id", "in", list({p[0] for p in pairs})), ("ratee_id", "in", list({p[1] for p in pairs})),
        ], ["round_id", "ratee_id", "rater_id"])
        taken = {(a.round_id.id, a.ratee_id.id, a.rater_id.id) for a in existing}
        if taken & set(pairs):
            raise ValidationError(_("This rater already rates this employee in this round."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:  # only the generation says a rater was generated, and why
            vals_list = [dict(vals, **GENERATED_FIELDS) for vals in vals_list]
        self._check_new_pairs(vals_list)
        assignments = super().create(vals_list)
        assignments._check_assignment_update(set().union(*vals_list) if vals_list else set(), "create")
        if not (self.env.su and self.env.context.get("hr_asn360_bulk")):
            assignments._ensure_results()._refresh_gaps()
        return assignments

    @api.model
    def _insert_generated(self, round_, rows):
        """Store the pairs the generation planned for ``round_`` (a draft round of the current Pemda, checked
        by the caller): ``rows`` are (ratee, rater, role, reason, rater's user, ratee's unit, Perangkat
        Daerah). Ids and strings go to PostgreSQL as arrays, 10,000 pairs an INSERT: a city plans 150,000
        pairs, whose ORM create costs minutes (issue 13). What create() would check holds by construction:
        rules/sampling.py pairs nobody with themselves, twice, or while on tugas belajar (Pasal 14), and the
        employees are the round's Pemda's (_get_generation_employees); the SQL constraints (one pair a
        round, nobody rates themselves) still guard the table. The caches are invalidated."""
        if not self.env.su:
            raise AccessError(_("Only the generation of a round's raters stores generated raters."))
        self.flush_model()
        now, uid = self.env.cr.now(), self.env.uid
        for start in range(0, len(rows), 10000):
            columns = list(zip(*rows[start:start + 10000], strict=True))
            self.env.cr.execute(SQL("""
                INSERT INTO hr_asn360_assignment
                       (round_id, company_id, ratee_id, rater_id, role, reason, rater_user_id, ratee_department_id,
                        opd_id, state, origin, submitted_share, create_uid, create_date, write_uid, write_date)
                SELECT %s, %s, p.ratee, p.rater, p.role, p.reason, p.rater_user, p.unit, p.opd, 'todo', 'auto', 0.0,
                       %s, %s, %s, %s
                  FROM unnest(%s::int[], %s::int[], %s::varchar[], %s::varchar[], %s::int[], %s::int[], %s::int[])
                       AS p(ratee, rater, role, reason, rater_user, unit, opd)""",
                round_.id, round_.company_id.id, uid, now, uid, now, *(list(column) for column in columns)))
        self.invalidate_model()
        round_.invalidate_recordset(["assignment_ids"])

    def write(self, vals):
        self._check_assignment_update(set(vals), "write")
        before = self._get_results() if set(vals) & PAIR_FIELDS else None
        res = super().write(vals)
        if before is not None:
            self._check_assignment_update(set(vals), "write")  # the new round, if moved
            if not self.env.su:  # rules are checked before a write: moved, it must still be in reach
                self.check_access("write")
            (before | self._ensure_results())._refresh_gaps()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered_or_closed(self):
        self._check_assignment_update(set(), "unlink")

    def unlink(self):
        results = self._get_results()
        res = super(HrAsn360Assignment, trusted_unlink(self)).unlink()
        results.exists()._refresh_gaps()
        return res

    # ------------------------------------------------------------------------------------------
    # Who rated whom: reads of other raters' rows go through the audited list only
    # ------------------------------------------------------------------------------------------
    def _guard_read(self, fnames, what="raters"):
        """Refuse, or record in the access log, reading rater or answers of somebody else's rating.

        Free: the superuser, the rater's own rows, and rows of draft rounds (a plan, nobody has rated).
        Otherwise Admin BKPSDM may look in the audited list (context ``hr_asn360_audit``), and each
        (round, rated employee) looked at is recorded.
        """
        if self.env.su or not GUARDED_FIELDS.intersection(fnames or ()):
            return
        others = self.sudo().filtered(lambda a: a.rater_user_id.id != self.env.uid and a.round_id.state != "draft")
        if not others:
            return
        self._check_audited()
        if {"answer_ids", "comment"} & set(fnames):
            what = "answers"
        self.env["hr.asn360.access.log"]._record(others, what)

    @api.model
    def _is_audited(self):
        """Admin BKPSDM in the audited list, where every look is logged: the context key alone opens
        nothing, the group decides."""
        return bool(self.env.context.get("hr_asn360_audit")) and self.env.user.has_group(ADMIN_GROUP)

    @api.model
    def _check_audited(self):
        if not self._is_audited():
            raise AccessError(_("Who rated whom is shown only to Admin BKPSDM, in the audited list "
                                "(Penilaian Perilaku 360 > Audit > Who Rated Whom)."))

    @api.model
    def _guard_domain(self, domain, groupby=()):
        """Filtering or grouping by rater is looking at who rated whom too."""
        if self.env.su:
            return
        names = {str(leaf[0]).split(".")[0] for leaf in domain or () if isinstance(leaf, (list, tuple))}
        names |= {spec.split(":")[0].split(".")[0] for spec in groupby}
        if not GUARDED_FIELDS & names:
            return
        self._check_audited()
        self.env["hr.asn360.access.log"]._record_search(domain, groupby)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        self._guard_domain(domain)
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Every grouped read (read_group, web_read_group, progress bars): grouping or aggregating by
        rater or comment is looking at who rated whom (issue 9 findings 2, 8)."""
        self._guard_domain([], list(groupby) + [spec for spec in aggregates if spec != "__count"])
        return super()._read_group(domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset,
                                   limit=limit, order=order)

    # ------------------------------------------------------------------------------------------
    # Rating (called by the portal)
    # ------------------------------------------------------------------------------------------
    def _check_can_rate(self):
        """The round is open and I am the rater (the record rules already hide other raters' rows)."""
        for assignment in self:
            if assignment.round_id.state != "open":
                raise UserError(_("%s is not open for rating.", assignment.round_id.name))
            assignment.round_id._check_not_closing()
        self.check_access("write")
        for assignment in self:
            if not self.env.su and assignment.sudo().rater_user_id.id != self.env.uid:
                raise AccessError(_("You can only rate the employees you are asked to rate."))
        # one rating at a time: a double click waits here, then is retried by Odoo on the fresh row
        # (serialization failure) and finds the answers of the first click (issue 9 finding 9)
        if self.ids:
            self.env.cr.execute(SQL("SELECT id FROM hr_asn360_assignment WHERE id IN %s FOR NO KEY UPDATE",
                                    tuple(self.ids)))

    @api.model
    def _parse_stars(self, stars):
        if isinstance(stars, str) and stars.strip().isdigit():
            stars = int(stars.strip())
        if not scoring.valid_stars(stars):
            raise ValidationError(_("Give each value 1 to 5 stars (1 is the least fitting, 5 the most fitting)."))
        return stars

    def action_save_answers(self, values):
        """Save the rater's answers: ``values`` = {round question id: stars 1-5, ..., 'comment': text}.

        Everything is checked before anything is written. A submitted rating may be changed while the
        round is open (it stays submitted); an untouched one becomes "in progress".
        """
        self.ensure_one()
        self._check_can_rate()
        values = dict(values or {})
        comment = values.pop("comment", None)
        self._check_comment_length(comment)
        stars_by_question = {}
        for key, stars in values.items():
            try:
                question_id = int(key)
            except (TypeError, ValueError):
                raise ValidationError(_("Unknown question: %s.", key)) from None
            stars_by_question[question_id] = self._parse_stars(stars)
        unknown = set(stars_by_question) - set(self.round_id.question_ids.ids)
        if unknown:
            raise ValidationError(_("These questions are not asked in %s.", self.round_id.name))
        existing = {answer.question_id.id: answer for answer in self.answer_ids}
        to_create = []
        for question_id, stars in stars_by_question.items():
            answer = existing.get(question_id)
            if not answer:
                to_create.append({"assignment_id": self.id, "question_id": question_id, "stars": stars})
            elif answer.stars != stars:
                answer.stars = stars
        if to_create:
            self.env["hr.asn360.answer"].create(to_create)
        vals = {}
        if comment is not None:
            vals["comment"] = comment or False
        if self.state == "todo":
            vals["state"] = "draft"
        elif self.state == "submitted":
            vals["submitted_on"] = fields.Datetime.now()
        if vals:
            self.sudo().write(vals)  # the rater was checked above
        return True

    def action_submit(self):
        """Submit complete ratings; submitting again while the round is open records a change."""
        self._check_can_rate()
        for assignment in self:
            answered = set(assignment.answer_ids.question_id.ids)
            missing = assignment.round_id.question_ids.filtered(lambda q, answered=answered: q.id not in answered)
            if missing:
                raise UserError(_("Give stars to every value before submitting: %s.",
                                  ", ".join(missing.mapped("name"))))
        self.sudo().write({"state": "submitted", "submitted_on": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------------
    def _get_results(self):
        """The result records (one per rated employee and round) these assignments count in."""
        if not self:
            return self.env["hr.asn360.result"]
        pairs = {(a.round_id.id, a.ratee_id.id) for a in self.sudo()}
        results = self.env["hr.asn360.result"].sudo().search_fetch(
            [("round_id", "in", list({p[0] for p in pairs})), ("employee_id", "in", list({p[1] for p in pairs}))],
            ["round_id", "employee_id"])
        return results.filtered(lambda r: (r.round_id.id, r.employee_id.id) in pairs)

    def _ensure_results(self):
        """Results of the rated employees, created for those added by hand outside the generated scope."""
        results = self._get_results()
        known = {(r.round_id.id, r.employee_id.id) for r in results}
        missing = {(a.round_id.id, a.ratee_id.id): a.ratee_id for a in self.sudo()} if self else {}
        vals_list = [
            {"round_id": round_id, "employee_id": employee.id, "department_id": employee.department_id.id,
             "opd_id": employee.department_id.asn_opd_id.id, "is_rated": True}
            for (round_id, _employee_id), employee in missing.items() if (round_id, employee.id) not in known
        ]
        if vals_list:
            results |= self.env["hr.asn360.result"].sudo().create(vals_list)
        return results
