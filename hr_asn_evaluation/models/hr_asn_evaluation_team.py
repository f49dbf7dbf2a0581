from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.hr_asn_performance.models.hr_asn_skp import PARTY_EMPLOYEE_FIELDS
from odoo.addons.hr_asn_performance.models.hr_asn_skp_content_mixin import check_writable
from odoo.addons.hr_asn_performance.rules import skp as skp_rules

from ..rules import evaluation as rules

# What the Pejabat Penilai writes on the team screen: the justification, and the ratings through the lines
# (each evaluation checks its own writes).
TEAM_USER_FIELDS = {"justification", "evaluation_ids"}
PREDIKAT_COLORS = {"sangat_baik": "#1b7f3b", "baik": "#4c9a2a", "butuh_perbaikan": "#d4a017",
                   "kurang": "#d9661f", "sangat_kurang": "#b3261e"}


class HrAsnEvaluationTeam(models.Model):
    """The evaluations one Pejabat Penilai Kinerja sets together for one period (Pasal 24(1)-(4), 25(1)-(3)):
    the capaian kinerja organisasi of the unit gives the curve (pola distribusi, national_rules.md §3)
    that the team's predikat are checked against when the team is set (ditetapkan). Under the setting
    "per Perangkat Daerah" the curve counts every evaluation of the Perangkat Daerah for the period."""

    _name = "hr.asn.evaluation.team"
    _description = "Evaluation Team"
    _inherit = ["mail.thread", "hr.asn.input.limit.mixin"]
    _order = "period_id desc, opd_id, penilai_name, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one("hr.asn.evaluation.period", required=True, index=True, readonly=True,
                                ondelete="cascade")
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    kind = fields.Selection(related="period_id.kind", store=True)
    year = fields.Integer(related="period_id.year", store=True, aggregator=False)
    period_label = fields.Char(related="period_id.period_label")
    pejabat_penilai_id = fields.Many2one("hr.employee", string="Pejabat Penilai Kinerja", readonly=True, index=True)
    pejabat_penilai_official = fields.Char(string="Pejabat Penilai Kinerja (Head of Region)", readonly=True)
    penilai_name = fields.Char(string="Pejabat Penilai", readonly=True)
    penilai_user_id = fields.Many2one("res.users", string="Pejabat Penilai's User", readonly=True, index=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True,
                                    help="The unit whose capaian kinerja organisasi gives the curve.")
    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", readonly=True, index=True)
    capaian = fields.Selection(list(rules.CAPAIAN), string="Capaian Kinerja Organisasi", readonly=True)
    capaian_id = fields.Many2one("hr.asn.capaian.organisasi", string="Capaian Record", readonly=True)
    evaluation_ids = fields.One2many("hr.asn.evaluation", "team_id", string="Evaluations")
    member_count = fields.Integer(string="Employees", compute="_compute_curve")
    count_sangat_baik = fields.Integer(string="Sangat Baik", compute="_compute_curve")
    count_baik = fields.Integer(string="Baik", compute="_compute_curve")
    count_butuh_perbaikan = fields.Integer(string="Butuh Perbaikan", compute="_compute_curve")
    count_kurang = fields.Integer(string="Kurang/Misconduct", compute="_compute_curve")
    count_sangat_kurang = fields.Integer(string="Sangat Kurang", compute="_compute_curve")
    rated_count = fields.Integer(string="Rated", compute="_compute_curve")
    complies = fields.Boolean(string="Follows the Curve", compute="_compute_curve")
    violations = fields.Text(string="Breaks the Curve", compute="_compute_curve")
    curve_html = fields.Html(string="Kurva Distribusi", compute="_compute_curve", sanitize=False)
    justification = fields.Text(tracking=True,
                                help="Why the team's predikat depart from the pola distribusi (required to set it "
                                     "when the Pemda warns rather than refuses).")
    curve_broken = fields.Boolean(string="Set Against the Curve", readonly=True)
    state = fields.Selection([("draft", "To Set"), ("ditetapkan", "Ditetapkan")], default="draft", required=True,
                             readonly=True, tracking=True, index=True)
    set_date = fields.Date(string="Ditetapkan On", readonly=True)
    set_by_id = fields.Many2one("res.users", string="Ditetapkan By", readonly=True)

    @api.depends("penilai_name", "period_id.name")
    def _compute_name(self):
        for team in self:
            team.name = "%s - %s" % (team.period_id.name or "", team.penilai_name or "")

    @api.depends("evaluation_ids.predikat", "evaluation_ids.state", "capaian", "company_id")
    def _compute_curve(self):
        """Live on the form: the counts per predikat against the curve of the unit's capaian (§3). The
        Pemda's curve table is read once per Pemda, not once per team (a list of teams computes them all)."""
        tables = {company: self._asn_curve_table(company) for company in self.company_id}
        for team in self:
            table = tables.get(team.company_id) or rules.DEFAULT_CURVE
            members = team._asn_curve_members()
            counts = {code: 0 for code in rules.PREDIKAT_CODES}
            for evaluation in members:
                if evaluation.predikat:
                    counts[evaluation.predikat] += 1
            team.member_count = len(team.evaluation_ids)
            team.rated_count = sum(counts.values())
            for code in rules.PREDIKAT_CODES:
                team["count_%s" % code] = counts[code]
            violations = team._asn_violations(counts, table) if team.capaian else []
            # "follows the curve" only once every member is rated: a half-rated team proves nothing yet
            team.complies = bool(team.capaian) and not violations and team.rated_count == len(members)
            team.violations = "\n".join(team._asn_describe(violation, sum(counts.values()))
                                        for violation in violations) or False
            team.curve_html = team._asn_curve_svg(counts, table)

    def _asn_curve_members(self):
        """The evaluations the curve counts: the team's own, or under the setting "per Perangkat Daerah"
        every evaluation of the Perangkat Daerah in the period (as they stand, the team's as edited)."""
        self.ensure_one()
        if self.company_id.asn_curve_scope != "opd" or not self.opd_id or not self._origin.id:
            return self.evaluation_ids
        others = self.env["hr.asn.evaluation"].sudo().search([
            ("period_id", "=", self.period_id.id), ("opd_id", "=", self.opd_id.id),
            ("team_id", "!=", self._origin.id)])
        return self.evaluation_ids | others

    def _asn_curve_table(self, company=None):
        return self.env["hr.asn.curve.rule"].sudo()._asn_table(company or self.company_id) or rules.DEFAULT_CURVE

    def _asn_violations(self, counts, table=None):
        return rules.curve_violations(self.capaian, counts, table or self._asn_curve_table())

    def _asn_describe(self, violation, size):
        """A violation in the user's words, e.g. "Sangat Baik: at most 2 of 3 employees, now 3"."""
        labels = dict(self.env["hr.asn.evaluation"]._fields["predikat"]._description_selection(self.env))
        group = _(" or ").join(labels[code] for code in violation.predikats)
        if violation.op == "largest":
            return _("%(group)s must be the largest group (now %(actual)s, another predikat has %(limit)s).",
                     group=group, actual=violation.actual_count, limit=violation.limit_count)
        if violation.op == "max":
            return _("%(group)s: at most %(limit)s of %(size)s employees, now %(actual)s.", group=group,
                     limit=violation.limit_count, size=size, actual=violation.actual_count)
        return _("%(group)s: at least %(limit)s of %(size)s employees, now %(actual)s.", group=group,
                 limit=violation.limit_count, size=size, actual=violation.actual_count)

    def _asn_curve_svg(self, counts, table=None):
        """KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI ... (Lampiran I):
        the team's share per predikat as bars, the curve's bounds as marks (shares from the table, §3)."""
        labels = dict(self.env["hr.asn.evaluation"]._fields["predikat"]._description_selection(self.env))
        capaian_labels = dict(self._fields["capaian"]._description_selection(self.env))
        total = sum(counts.values())
        table = table or (self._asn_curve_table() if self.capaian else ())
        shares = rules.curve_shares(self.capaian, table) if self.capaian else {}
        peak = rules.curve_peak(self.capaian, table) if self.capaian else ()
        width, height, top, bottom = 500, 240, 40, 58
        plot = height - top - bottom
        step = width / len(rules.PREDIKAT_CODES)
        parts = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="100%%" '
                        'style="max-width:%dpx;font-family:sans-serif;font-size:11px">') % (width, height, width)]
        # the title of Lampiran I on two lines (one text element: the document prints its own title)
        parts.append(Markup('<text x="%d" y="13" text-anchor="middle" font-weight="bold"><tspan x="%d">%s</tspan>'
                            '<tspan x="%d" dy="13">%s</tspan></text>')
                     % (width // 2, width // 2, _("KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI"), width // 2,
                        _("DENGAN CAPAIAN KINERJA ORGANISASI %s", (capaian_labels.get(self.capaian) or "-").upper())))
        parts.append(Markup('<line x1="0" y1="%d" x2="%d" y2="%d" stroke="#555"/>')
                     % (top + plot, width, top + plot))
        curve_points = []
        for index, code in enumerate(rules.PREDIKAT_CODES):
            x = index * step
            share = counts.get(code, 0) / total if total else 0.0
            bar = plot * share
            parts.append(Markup('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>')
                         % (x + step * 0.2, top + plot - bar, step * 0.6, bar, PREDIKAT_COLORS[code]))
            parts.append(Markup('<text x="%.1f" y="%.1f" text-anchor="middle">%s (%s%%)</text>')
                         % (x + step / 2, top + plot - bar - 4, counts.get(code, 0), round(share * 100)))
            parts.append(Markup('<text x="%.1f" y="%d" text-anchor="middle">%s</text>')
                         % (x + step / 2, top + plot + 16, labels[code]))
            low, high = shares.get(code, (None, None))
            for bound, dash in ((low, "4,2"), (high, "none")):
                if bound is not None:
                    y = top + plot - plot * bound / 100
                    parts.append(Markup('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1f3b73" '
                                        'stroke-width="2" stroke-dasharray="%s"/>')
                                 % (x + step * 0.1, y, x + step * 0.9, y, dash))
            # the reference curve: high where the table wants the largest group, low elsewhere
            level = 0.7 if code in peak else (low / 100 if low else (0.1 if high is not None else 0.25))
            curve_points.append("%.1f,%.1f" % (x + step / 2, top + plot - plot * min(level, 1.0)))
        parts.append(Markup('<polyline points="%s" fill="none" stroke="#1f3b73" stroke-opacity="0.45" '
                            'stroke-width="1.5"/>') % " ".join(curve_points))
        parts.append(Markup('<text x="0" y="%d" font-size="9"><tspan x="0">%s</tspan><tspan x="0" dy="11">%s</tspan>'
                            '</text>')
                     % (height - 18, _("Bars: the team's predikat (%(size)s employees).", size=total),
                        _("Lines: at most (solid) / at least (dashed) of the pola distribusi.")))
        parts.append(Markup("</svg>"))
        return Markup("").join(escape(part) if not isinstance(part, Markup) else part for part in parts)

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(_("Teams are made when the evaluations of a period are generated."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_writable(self, vals, TEAM_USER_FIELDS)
            if "justification" in vals:
                self.evaluation_ids._check_evaluation_update("set")
                if self.filtered(lambda team: team.state != "draft"):
                    raise UserError(_("A set team keeps the justification it was set with."))
                if vals["justification"]:
                    try:
                        skp_rules.check_text(vals["justification"], skp_rules.NOTE_MAX)
                    except ValueError:
                        raise ValidationError(_("The justification is too long: at most %s characters.",
                                                skp_rules.NOTE_MAX)) from None
            plain = {key: value for key, value in vals.items() if key != "evaluation_ids"}
            if "evaluation_ids" in vals:
                super().write({"evaluation_ids": vals["evaluation_ids"]})
            return super(HrAsnEvaluationTeam, self.sudo()).write(plain) if plain else True
        return super().write(vals)

    # ------------------------------------------------------------------------------------------
    # Setting the team (Pasal 24(1)-(4), 25(1)-(3))
    # ------------------------------------------------------------------------------------------
    def _asn_refresh_capaian(self):
        """The capaian kinerja organisasi of the team's unit for the period (a unit takes its Perangkat
        Daerah's unless set; hr.asn.capaian.organisasi._asn_capaian_for)."""
        Capaian = self.env["hr.asn.capaian.organisasi"].sudo()
        for period in self.period_id:
            teams = self.filtered(lambda team, period=period: team.period_id == period)
            found = Capaian._asn_capaian_for(teams.department_id | teams.opd_id, period.year, period.period_kind,
                                             period.period)
            changed = {}  # capaian record -> teams that take it now: one write per record, not per team
            for team in teams:
                record = found.get(team.department_id.id) or found.get(team.opd_id.id) or Capaian
                if team.capaian_id != record or team.capaian != (record.capaian or False):
                    changed[record] = changed.get(record, teams.browse()) | team
            for record, group in changed.items():
                values = {"capaian_id": record.id, "capaian": record.capaian or False}
                group.sudo().write(values)
                group.evaluation_ids.sudo().write(values)

    def action_set(self):
        """Set (menetapkan) the team's evaluations: every one rated, the capaian known, the curve kept
        or departed from with a written justification (or refused, as the Pemda configured: §3)."""
        if self.filtered(lambda team: team.state != "draft"):
            raise UserError(_("This team is already set."))
        self.evaluation_ids._check_evaluation_update("set")
        self._asn_refresh_capaian()
        today = fields.Date.context_today(self)
        for team in self:
            unrated = team.evaluation_ids.filtered(lambda evaluation: evaluation.state != "dinilai")
            if unrated:
                raise UserError(_("Rate every employee of the team before setting it: %s.",
                                  ", ".join(unrated.mapped("employee_name"))))
            if not team.capaian:
                raise UserError(_("The capaian kinerja organisasi of %(unit)s for %(period)s is not set yet "
                                  "(Pasal 24(1)a): ask BKPSDM to set it first.",
                                  unit=team.department_id.name or team.opd_id.name or "-",
                                  period=team.period_label))
            broken = bool(team.violations)
            if broken and team.company_id.asn_curve_enforcement == "block":
                raise UserError(_("The predikat of the team break the pola distribusi of capaian %(capaian)s:\n"
                                  "%(violations)s", capaian=team._asn_capaian_label(), violations=team.violations))
            if broken and not (team.justification or "").strip():
                raise UserError(_("The predikat of the team break the pola distribusi of capaian %(capaian)s:\n"
                                  "%(violations)s\nWrite a justification to set the team anyway.",
                                  capaian=team._asn_capaian_label(), violations=team.violations))
            team.sudo().write({"state": "ditetapkan", "set_date": today, "set_by_id": self.env.uid,
                               "curve_broken": broken})
        evaluations = self.evaluation_ids.sudo()
        days = {team.id: team.company_id.asn_objection_days for team in self}
        for team in self:
            team.evaluation_ids.sudo()._asn_workflow_write({
                "state": "ditetapkan", "set_date": today, "set_by_id": self.env.uid,
                "objection_deadline": fields.Date.add(today, days=days[team.id] or 14),
            }, _("Set (ditetapkan) by %s.", self.env.user.name))
        evaluations._asn_after_set()
        evaluations.activity_unlink(["mail.mail_activity_data_todo"])
        evaluations._asn_schedule(lambda e: e.employee_user_id,
                                  lambda env, e: env._("Read and sign your evaluation %s", e.period_label))
        bodies = {}
        for team in self:
            # the justification's own _() apart: a _() inside another's arguments is not extracted to the .pot
            note = " " + _("Justification: %s", team.justification) if team.curve_broken else ""
            bodies[team.id] = _("Set (ditetapkan) by %(user)s.%(note)s", user=self.env.user.name, note=note)
        self.sudo()._message_log_batch(bodies=bodies)
        return True

    def _asn_capaian_label(self):
        return dict(self._fields["capaian"]._description_selection(self.env)).get(self.capaian, "")

    def action_refresh(self):
        """Read the SKP year again for every unset evaluation of the team, and the unit's capaian."""
        self.evaluation_ids._check_evaluation_update("rate")
        self._asn_refresh_capaian()
        self.evaluation_ids.filtered(lambda e: e.state in ("draft", "dinilai")).sudo()._asn_fill()
        return True

    def action_print_penetapan(self):
        return self.env.ref("hr_asn_evaluation.hr_asn_evaluation_team_report").report_action(self)

    def action_print_job(self):
        """The team's evaluations as one PDF, in a background job (a team may be large)."""
        return self.evaluation_ids.action_print_job()

    # ------------------------------------------------------------------------------------------
    # Background job: generate the team's evaluations (hr.asn.job)
    # ------------------------------------------------------------------------------------------
    _asn_job_methods = {"_asn_job_generate"}

    def _asn_job_generate(self):
        """Generate the evaluations of a batch of teams (city-wide work runs as a job, issue 11 item 14)."""
        self.sudo()._asn_generate()

    def _asn_generate(self):
        """Create the missing evaluations of these teams' members for their period and fill them: the SKP of
        each member is the one the period covers (hr.asn.evaluation._asn_pick_skp)."""
        Evaluation = self.env["hr.asn.evaluation"].sudo()
        created = Evaluation
        for period in self.period_id:
            teams = self.filtered(lambda team, period=period: team.period_id == period)
            members = period._asn_team_members(teams)
            existing = Evaluation.search([("period_id", "=", period.id), ("team_id", "in", teams.ids)])
            have = {(evaluation.employee_id.id, evaluation.skp_id.id) for evaluation in existing}
            vals_list, memo = [], {}
            # the employees and their assessors, with only what the snapshot copies (hr.employee has many
            # columns: fetching them all was a good part of a city's generation)
            employees = self.env["hr.employee"].sudo().browse(
                [skp.employee_id.id for skps in members.values() for skp in skps])
            people = employees | employees.pejabat_penilai_id | employees.atasan_pejabat_penilai_id
            people.fetch(PARTY_EMPLOYEE_FIELDS)
            for team in teams:
                for skp in members.get(team.id, []):
                    if (skp.employee_id.id, skp.id) in have:
                        continue
                    vals_list.append(Evaluation._asn_prepare_vals(skp, period, team, memo))
            # no chatter work per record: no 'created' note, and the user who queued the job does not
            # follow (and hear of) every evaluation of the city
            created |= Evaluation.with_context(tracking_disable=True).create(vals_list).with_env(Evaluation.env)
        created._asn_fill()
        created.filtered(lambda e: e.kind == "annual")._asn_fill_components()
        self._asn_refresh_capaian()
        return created
