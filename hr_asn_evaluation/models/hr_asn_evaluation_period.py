from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from ..rules import evaluation as rules

KINDS = [("periodic", "Periodik"), ("annual", "Tahunan")]


class HrAsnEvaluationPeriod(models.Model):
    """A period of evaluation of one Pemda (Pasal 24: monthly by default, quarterly as a setting; Pasal 25:
    the year): BKPSDM opens it, generates its evaluations team by team as a background job, follows
    completion, ranks the city (Pasal 31) and exports the TPP basis (Pasal 33)."""

    _name = "hr.asn.evaluation.period"
    _description = "Evaluation Period"
    _inherit = ["mail.thread"]
    _order = "year desc, kind desc, period desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    kind = fields.Selection(KINDS, required=True, default="periodic")
    period_kind = fields.Selection(list(rules.PERIOD_KINDS), required=True,
                                   default=lambda self: self.env.company.asn_eval_cadence or "month")
    year = fields.Integer(required=True, aggregator=False, default=lambda self: fields.Date.context_today(self).year)
    period = fields.Integer(aggregator=False, help="Month 1-12 or quarter 1-4; 0 for the year.")
    date_from = fields.Date(compute="_compute_bounds", store=True)
    date_to = fields.Date(compute="_compute_bounds", store=True)
    period_label = fields.Char(string="Periode", compute="_compute_bounds", store=True)
    team_ids = fields.One2many("hr.asn.evaluation.team", "period_id", string="Teams")
    evaluation_ids = fields.One2many("hr.asn.evaluation", "period_id", string="Evaluations")
    evaluation_count = fields.Integer(string="Number of Evaluations", compute="_compute_counts")
    rated_count = fields.Integer(string="Rated", compute="_compute_counts")
    set_count = fields.Integer(string="Ditetapkan", compute="_compute_counts")
    accepted_count = fields.Integer(string="Diterima", compute="_compute_counts")
    reported_count = fields.Integer(string="Dilaporkan", compute="_compute_counts")
    objection_count = fields.Integer(string="Keberatan Pending", compute="_compute_counts")
    completion = fields.Float(string="Set (%)", compute="_compute_counts", digits=(16, 1))
    ranked_date = fields.Datetime(string="Ranked On", readonly=True)

    _sql_constraints = [
        ("period_unique", "UNIQUE(company_id, kind, period_kind, year, period)", "This period exists already."),
    ]

    @api.depends("period_label", "kind")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for period in self:
            # "TAHUN 2026" says it is annual; a month or quarter says Periodik
            period.name = period.period_label if period.kind == "annual" else "%s %s" % (
                kinds.get(period.kind, ""), period.period_label or "")

    @api.depends("kind", "period_kind", "year", "period")
    def _compute_bounds(self):
        for period in self:
            try:
                kind, number = period._asn_kind_number()
                period.date_from, period.date_to = rules.period_bounds(period.year, kind, number)
                period.period_label = rules.period_label(kind, number, period.year)
            except ValueError:
                period.date_from = period.date_to = period.period_label = False

    def _asn_kind_number(self):
        if self.kind == "annual":
            return "year", 0
        return self.period_kind, self.period

    @api.constrains("kind", "period_kind", "year", "period")
    def _check_period(self):
        for period in self:
            kind, number = period._asn_kind_number()
            if period.kind == "periodic" and period.period_kind == "year":
                raise ValidationError(_("A periodic evaluation is monthly or quarterly (Pasal 24(2), Lampiran I)."))
            try:
                rules.period_bounds(period.year, kind, number)
            except ValueError:
                raise ValidationError(_("%(period)s is not a period of %(year)s: a month is 1-12, a quarter 1-4.",
                                        period=number, year=period.year)) from None

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("kind") == "annual":
                vals.update(period_kind="year", period=0)
            elif "period_kind" not in vals:
                # Pasal 24(2): monthly unless the Pemda evaluates by quarter (Lampiran I: TRIWULAN I-IV)
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["period_kind"] = company.asn_eval_cadence or "month"
        return super().create(vals_list)

    def write(self, vals):
        """A period with teams keeps its dates: its evaluations were made for them."""
        if {"kind", "period_kind", "year", "period", "company_id"} & set(vals) and self.team_ids:
            raise UserError(_("%s already has its evaluations: open another period instead of changing this one.",
                              self[:1].name))
        return super().write(vals)

    def _compute_counts(self):
        groups = self.env["hr.asn.evaluation"]._read_group([("period_id", "in", self.ids)], ["period_id", "state"],
                                                           ["__count"])
        counts = defaultdict(lambda: defaultdict(int))
        for period, state, count in groups:
            counts[period.id][state] = count
        pending = dict(self.env["hr.asn.evaluation.objection"]._read_group(
            [("evaluation_id.period_id", "in", self.ids), ("state", "=", "submitted")],
            ["period_id"], ["__count"]))
        for period in self:
            by_state = counts[period.id]
            total = sum(by_state.values())
            period.evaluation_count = total
            period.rated_count = by_state["dinilai"]
            period.set_count = by_state["ditetapkan"] + by_state["diterima"] + by_state["dilaporkan"]
            period.accepted_count = by_state["diterima"] + by_state["dilaporkan"]
            period.reported_count = by_state["dilaporkan"]
            period.objection_count = pending.get(period, 0)
            period.completion = 100.0 * period.set_count / total if total else 0.0

    # ------------------------------------------------------------------------------------------
    # Teams and their members
    # ------------------------------------------------------------------------------------------
    def _asn_candidate_skps(self, employee_domain=()):
        """{employee id: SKP} the period evaluates: the last set/closed SKP overlapping it (of the employees
        ``employee_domain`` selects, hr.employee domain; all by default)."""
        self.ensure_one()
        skps = self.env["hr.asn.skp"].sudo().search([
            ("company_id", "=", self.company_id.id), ("year", "=", self.year), ("state", "in", ("set", "closed")),
            ("date_from", "<=", self.date_to), ("date_to", ">=", self.date_from),
            ("employee_id", "any", [("active", "=", True), *employee_domain])],
            order="employee_id, date_from, revision, id")
        picked = {}
        for skp in skps:
            picked[skp.employee_id.id] = skp  # ordered: the last one wins
        return picked

    @staticmethod
    def _asn_team_key(employee):
        """A team is its Pejabat Penilai Kinerja, or the head of region's office (Lampiran II) by name."""
        if employee.pejabat_penilai_id:
            return employee.pejabat_penilai_id.id, False
        return False, employee.pejabat_penilai_official or False

    def _asn_make_teams(self):
        """One team per Pejabat Penilai Kinerja of the employees with an SKP in the period (their current
        assessor: Pasal 26). Returns the teams (existing and new)."""
        self.ensure_one()
        Team = self.env["hr.asn.evaluation.team"].sudo()
        picked = self._asn_candidate_skps()
        existing = {(team.pejabat_penilai_id.id or False, team.pejabat_penilai_official or False): team
                    for team in self.team_ids}
        vals_list, seen = [], set()
        for skp in picked.values():
            employee = skp.employee_id
            key = self._asn_team_key(employee)
            if key in existing or key in seen:
                continue
            seen.add(key)
            penilai = employee.pejabat_penilai_id
            unit = penilai.department_id if penilai else employee.department_id.asn_opd_id
            vals_list.append({
                "period_id": self.id,
                "pejabat_penilai_id": penilai.id,
                "pejabat_penilai_official": key[1],
                "penilai_name": penilai.name or key[1],
                "penilai_user_id": penilai.user_id.id,
                "department_id": unit.id,
                "opd_id": unit.asn_opd_id.id or unit.id,
            })
        return self.team_ids | Team.with_context(mail_create_nolog=True).create(vals_list)

    def _asn_team_members(self, teams):
        """{team id: [SKP, ...]} of these teams in this period."""
        self.ensure_one()
        by_key = {(team.pejabat_penilai_id.id or False, team.pejabat_penilai_official or False): team.id
                  for team in teams}
        # only the SKPs of these teams' members: a job batch of teams does not read the whole city's
        penilai = [key[0] for key in by_key if key[0]]
        officials = [key[1] for key in by_key if not key[0] and key[1]]
        employee_domain = expression.OR([
            [("pejabat_penilai_id", "in", penilai)],
            [("pejabat_penilai_id", "=", False), ("pejabat_penilai_official", "in", officials)],
            # a team of nobody's (neither assessor known) has the key (False, False)
            [("pejabat_penilai_id", "=", False), ("pejabat_penilai_official", "in", ("", False))]
            if (False, False) in by_key else expression.FALSE_DOMAIN,
        ])
        members = defaultdict(list)
        for skp in self._asn_candidate_skps(employee_domain).values():
            team_id = by_key.get(self._asn_team_key(skp.employee_id))
            if team_id:
                members[team_id].append(skp)
        return members

    def action_generate(self):
        """Generate the period's evaluations: the teams now, their members' evaluations as background jobs
        in batches of teams (issue 11 item 14: never a city inside one request), in the two lanes (each
        team's evaluations depend on nothing of another team's)."""
        self._check_admin()
        jobs = self.env["hr.asn.job"]
        for period in self:
            teams = period.sudo()._asn_make_teams()
            if not teams:
                raise UserError(_("No employee has a set SKP in %s: there is nothing to evaluate.",
                                  period.period_label))
            jobs |= self.env["hr.asn.job"]._asn_enqueue(
                teams.with_env(self.env), "_asn_job_generate",
                _("Generate the evaluations of %s", period.name), batch_size=20, lanes=2)
        return self._asn_open_jobs(jobs)

    def action_rank(self):
        """Pemeringkatan (Pasal 31) of the period, as a background job."""
        self._check_admin()
        jobs = self.env["hr.asn.job"]
        for period in self:
            jobs |= jobs._asn_enqueue(period, "_asn_job_rank", _("Ranking of %s", period.name), batch_size=1)
        return self._asn_open_jobs(jobs)

    def action_report_all(self):
        """Pasal 29: report every evaluation of the period that may be reported, as a background job."""
        self._check_admin()
        jobs = self.env["hr.asn.job"]
        for period in self:
            evaluations = period.evaluation_ids.filtered(lambda e: e.state in ("ditetapkan", "diterima"))
            if not evaluations:
                raise UserError(_("No evaluation of %s is set yet.", period.name))
            jobs |= jobs._asn_enqueue(evaluations, "_asn_job_report", _("Report %s (Pasal 29)", period.name),
                                      batch_size=500)
        return self._asn_open_jobs(jobs)

    def action_print_job(self):
        """All evaluations of the period (those the user may read) as one PDF, in a background job."""
        evaluations = self.env["hr.asn.evaluation"].search([("period_id", "in", self.ids)])
        if not evaluations:
            raise UserError(_("There is no evaluation to print."))
        return evaluations.action_print_job()

    @api.model
    def _asn_open_jobs(self, jobs):
        """The queued job(s), where the user follows the progress and gets the result."""
        action = {"type": "ir.actions.act_window", "name": _("Background Jobs"), "res_model": "hr.asn.job",
                  "view_mode": "list,form", "domain": [("id", "in", jobs.ids)]}
        if len(jobs) == 1:
            action.update(view_mode="form", res_id=jobs.id)
        return action

    def _check_admin(self):
        if not (self.env.su or self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin")):
            raise UserError(_("Only the BKPSDM administrator runs this for the whole Pemda."))

    # ------------------------------------------------------------------------------------------
    # Pemeringkatan (Pasal 31)
    # ------------------------------------------------------------------------------------------
    _asn_job_methods = {"_asn_job_rank"}

    def _asn_job_rank(self):
        self.sudo()._asn_rank()

    def _asn_rank(self):
        """Rank the evaluations with a predikat per team, unit, Perangkat Daerah and Pemda: by predikat,
        then rating hasil kerja, rating perilaku kerja, the kuantitatif capaian and the 360 score
        (rules.rank_key); equal figures share a rank ("1, 1, 3"). One UPDATE per thousand rows."""
        for period in self:
            evaluations = self.env["hr.asn.evaluation"].sudo().search_fetch(
                [("period_id", "=", period.id), ("predikat", "!=", False)],
                ["predikat", "rating_hasil", "rating_perilaku", "hint_capaian_pct", "hint_360_score", "team_id",
                 "department_id", "opd_id"])
            keys = {e.id: rules.rank_key(e.predikat, e.rating_hasil, e.rating_perilaku, e.hint_capaian_pct or None,
                                         e.hint_360_score or None) for e in evaluations}
            ranks = {}
            for scope, group_of in (("team", lambda e: e.team_id.id), ("unit", lambda e: e.department_id.id),
                                    ("opd", lambda e: e.opd_id.id), ("city", lambda e: 0)):
                groups = defaultdict(list)
                for evaluation in evaluations:
                    groups[group_of(evaluation)].append((evaluation.id, keys[evaluation.id]))
                for items in groups.values():
                    for evaluation_id, value in rules.rank(items).items():
                        ranks.setdefault(evaluation_id, {})[scope] = value
            rows = [(evaluation_id, r["team"], r["unit"], r["opd"], r["city"]) for evaluation_id, r in ranks.items()]
            for start in range(0, len(rows), 1000):
                values = SQL(", ").join(SQL("(%s, %s, %s, %s, %s)", *row) for row in rows[start:start + 1000])
                self.env.cr.execute(SQL("""
                    UPDATE hr_asn_evaluation AS e
                       SET rank_team = v.team, rank_unit = v.unit, rank_opd = v.opd, rank_city = v.city
                      FROM (VALUES %s) AS v(id, team, unit, opd, city)
                     WHERE e.id = v.id
                """, values))
            evaluations.invalidate_recordset(["rank_team", "rank_unit", "rank_opd", "rank_city"])
            period.sudo().ranked_date = fields.Datetime.now()

    def action_open_evaluations(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "name": self.name, "res_model": "hr.asn.evaluation",
                "view_mode": "list,pivot,graph,form", "domain": [("period_id", "=", self.id)]}

    def action_open_teams(self):
        self.ensure_one()
        return {"type": "ir.actions.act_window", "name": self.name, "res_model": "hr.asn.evaluation.team",
                "view_mode": "list,form", "domain": [("period_id", "=", self.id)]}
