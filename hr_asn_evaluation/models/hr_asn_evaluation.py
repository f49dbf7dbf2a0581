from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.hr_asn_performance.models.hr_asn_skp import PARTIES, PARTY_FIELDS
from odoo.addons.hr_asn_performance.models.hr_asn_skp_content_mixin import check_writable
from odoo.addons.hr_asn_performance.rules import skp as skp_rules

from ..rules import evaluation as rules

STATES = [
    ("draft", "Draft"),
    ("dinilai", "Dinilai"),
    ("ditetapkan", "Ditetapkan"),
    ("diterima", "Diterima"),
    ("dilaporkan", "Dilaporkan"),
]
KINDS = [("periodic", "Periodik"), ("annual", "Tahunan")]
PERIOD_KINDS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
RATING_SELECTION = list(rules.RATINGS)
PREDIKAT_SELECTION = list(rules.PREDIKATS)
CAPAIAN_SELECTION = list(rules.CAPAIAN)

# What the Pejabat Penilai Kinerja writes (Pasal 24(3)-(5), 25(3)-(4)) while the evaluation is not yet set.
RATER_FIELDS = {"rating_hasil", "rating_perilaku", "catatan", "rekomendasi", "keterangan"}
# A unit head's rating hasil kerja commonly follows the unit's capaian (national_rules.md §6): offered, not imposed.
LEADER_RATING = {"istimewa": "diatas", "baik": "sesuai", "butuh_perbaikan": "dibawah", "kurang": "dibawah",
                 "sangat_kurang": "dibawah"}
# Everything else is the workflow's (issue 9, finding 6): written as the superuser after a role check.
SNAPSHOT_FIELDS = {"%s_%s" % (party, field) for party in PARTIES for field in PARTY_FIELDS}


class HrAsnEvaluation(models.Model):
    """Evaluasi Kinerja Pegawai for one employee and one period (Perwal Bekasi 38/2023 Pasal 23-27):
    periodic (Pasal 24: monthly by default, or quarterly as Lampiran I prints TRIWULAN I-IV) or annual
    (Pasal 25). The Pejabat Penilai Kinerja sets the rating hasil kerja and the rating perilaku kerja; the
    predikat follows from the kuadran (national_rules.md §2), checked for the team against the curve the
    organisation's capaian allows (§3, Pasal 24(1)b). Set, it changes only through keberatan (Pasal 30)."""

    _name = "hr.asn.evaluation"
    _description = "Evaluasi Kinerja Pegawai"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "hr.asn.input.limit.mixin"]
    _order = "year desc, period_kind, period desc, opd_id, employee_name, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True, check_company=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True,
                                 default=lambda self: self.env.company)
    skp_id = fields.Many2one("hr.asn.skp", string="SKP", required=True, index=True, readonly=True,
                             ondelete="restrict")
    period_id = fields.Many2one("hr.asn.evaluation.period", string="Evaluation Period", index=True, readonly=True,
                                ondelete="restrict")
    team_id = fields.Many2one("hr.asn.evaluation.team", index=True, readonly=True,
                              ondelete="restrict")
    kind = fields.Selection(KINDS, required=True, readonly=True, default="periodic")
    period_kind = fields.Selection(PERIOD_KINDS, required=True, readonly=True, default="month")
    year = fields.Integer(required=True, readonly=True, aggregator=False, index=True)
    period = fields.Integer(readonly=True, aggregator=False, help="Month 1-12 or quarter 1-4; 0 for the year.")
    date_from = fields.Date(readonly=True)
    date_to = fields.Date(readonly=True)
    period_label = fields.Char(string="Periode", readonly=True)
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, index=True)
    skp_format = fields.Selection(related="skp_id.skp_format", store=True)
    approach = fields.Selection(related="skp_id.approach", store=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True, index=True)
    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", readonly=True, index=True)
    pejabat_penilai_id = fields.Many2one("hr.employee", string="Pejabat Penilai Kinerja", readonly=True, index=True)
    pejabat_penilai_official = fields.Char(string="Pejabat Penilai Kinerja (Head of Region)", readonly=True)
    atasan_pejabat_penilai_id = fields.Many2one("hr.employee", readonly=True,
                                                index=True)
    atasan_pejabat_penilai_official = fields.Char(string="Atasan Pejabat Penilai (Head of Region)", readonly=True)
    employee_user_id = fields.Many2one("res.users", string="Employee's User", readonly=True, index=True)
    penilai_user_id = fields.Many2one("res.users", string="Pejabat Penilai's User", readonly=True, index=True)
    atasan_user_id = fields.Many2one("res.users", string="Atasan's User", readonly=True, index=True)
    employee_name = fields.Char(string="Employee: Name", readonly=True)
    employee_nip = fields.Char(string="NIP", readonly=True)
    employee_pangkat = fields.Char(string="Pangkat/Gol. Ruang", readonly=True)
    employee_jabatan = fields.Char(string="Jabatan", readonly=True)
    employee_unit = fields.Char(string="Unit Kerja", readonly=True)
    employee_instansi = fields.Char(string="Instansi", readonly=True)
    penilai_name = fields.Char(string="Pejabat Penilai: Name", readonly=True)
    penilai_nip = fields.Char(string="Pejabat Penilai: NIP", readonly=True)
    penilai_pangkat = fields.Char(string="Pejabat Penilai: Pangkat/Gol. Ruang", readonly=True)
    penilai_jabatan = fields.Char(string="Pejabat Penilai: Jabatan", readonly=True)
    penilai_unit = fields.Char(string="Pejabat Penilai: Unit Kerja", readonly=True)
    penilai_instansi = fields.Char(string="Pejabat Penilai: Instansi", readonly=True)
    atasan_name = fields.Char(string="Atasan: Name", readonly=True)
    atasan_nip = fields.Char(string="Atasan: NIP", readonly=True)
    atasan_pangkat = fields.Char(string="Atasan: Pangkat/Gol. Ruang", readonly=True)
    atasan_jabatan = fields.Char(string="Atasan: Jabatan", readonly=True)
    atasan_unit = fields.Char(string="Atasan: Unit Kerja", readonly=True)
    atasan_instansi = fields.Char(string="Atasan: Instansi", readonly=True)
    position_kind = fields.Char(readonly=True, help="Kind of position when evaluated (angka kredit for JF).")
    jenjang = fields.Char(readonly=True)

    capaian = fields.Selection(CAPAIAN_SELECTION, string="Capaian Kinerja Organisasi", readonly=True)
    capaian_id = fields.Many2one("hr.asn.capaian.organisasi", string="Capaian Record", readonly=True)
    rating_hasil = fields.Selection(RATING_SELECTION, string="Rating Hasil Kerja", tracking=True)
    rating_perilaku = fields.Selection(RATING_SELECTION, string="Rating Perilaku Kerja", tracking=True)
    predikat = fields.Selection(PREDIKAT_SELECTION, string="Predikat Kinerja Pegawai", compute="_compute_predikat",
                                store=True, index=True, tracking=True)
    predikat_sequence = fields.Integer(compute="_compute_predikat", store=True, aggregator=False,
                                       help="1 for Sangat Baik ... 5 for Sangat Kurang (for sorting).")
    catatan = fields.Text()
    rekomendasi = fields.Text()
    keterangan = fields.Text()

    hint_capaian_pct = fields.Float(string="Realisasi vs Target (%)", readonly=True, digits=(16, 2),
                                    help="Kuantitatif SKP: realisasi against the targets of the period, an input "
                                         "for the rating, never imposed (Pasal 24(3)).")
    hint_360_score = fields.Float(string="360 Score", readonly=True, digits=(16, 2))
    hint_360_rating = fields.Selection(RATING_SELECTION, string="360 Suggests", readonly=True)
    hint_unit_capaian = fields.Selection(CAPAIAN_SELECTION, string="Capaian of the Unit Led", readonly=True,
                                         help="The employee leads the unit: its capaian is offered as the rating "
                                              "hasil kerja (national_rules.md §6).")
    hint_rating_hasil = fields.Selection(RATING_SELECTION, string="Offered Rating Hasil Kerja", readonly=True)
    hint_predikat = fields.Selection(PREDIKAT_SELECTION, string="Predikat by the Roll-up Policy", readonly=True,
                                     help="Annual evaluation: what the Pemda's roll-up policy makes of the year's "
                                          "SKP results (national_rules.md §6); the Pejabat Penilai decides.")
    feedback_count = fields.Integer(string="Umpan Balik", readonly=True)
    taken_over_count = fields.Integer(string="RHK Taken Over", readonly=True)

    line_ids = fields.One2many("hr.asn.evaluation.line", "evaluation_id", string="Hasil Kerja", readonly=True)
    behavior_ids = fields.One2many("hr.asn.evaluation.behavior", "evaluation_id", string="Perilaku Kerja",
                                   readonly=True)
    component_ids = fields.One2many("hr.asn.evaluation.component", "evaluation_id", string="SKP of the Year",
                                    readonly=True)
    objection_ids = fields.One2many("hr.asn.evaluation.objection", "evaluation_id", string="Keberatan",
                                    readonly=True)
    objection_state = fields.Selection([("none", "None"), ("submitted", "Pending"), ("upheld", "Upheld"),
                                        ("rejected", "Rejected")], string="Keberatan Status",
                                       compute="_compute_objection_state", store=True)
    objection_deadline = fields.Date(string="Keberatan Until", readonly=True)

    rank_team = fields.Integer(string="Rank in Team", readonly=True, aggregator="min")
    rank_unit = fields.Integer(string="Rank in Unit", readonly=True, aggregator="min")
    rank_opd = fields.Integer(string="Rank in Perangkat Daerah", readonly=True, aggregator="min")
    rank_city = fields.Integer(string="Rank in the Pemda", readonly=True, aggregator="min")
    tpp_percent = fields.Float(string="TPP (%)", readonly=True, digits=(16, 2), aggregator="avg")
    angka_kredit = fields.Float(readonly=True, digits=(16, 3))

    rate_date = fields.Date(string="Rated On", readonly=True)
    set_date = fields.Date(string="Ditetapkan On", readonly=True)
    set_by_id = fields.Many2one("res.users", string="Ditetapkan By", readonly=True)
    accept_date = fields.Date(string="Received (Signed) On", readonly=True)
    report_date = fields.Date(string="Reported On", readonly=True)
    is_late = fields.Boolean(string="Late", compute="_compute_is_late", search="_search_is_late",
                             help="Not set yet, and the period ended more days ago than the Pemda allows for rating.")
    is_mine = fields.Boolean(compute="_compute_roles")
    is_penilai = fields.Boolean(compute="_compute_roles")
    is_atasan = fields.Boolean(compute="_compute_roles")

    _sql_constraints = [
        ("period_unique", "UNIQUE(employee_id, skp_id, kind, period_kind, year, period)",
         "An employee has one evaluation per SKP and period."),
    ]

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    @api.depends("employee_name", "period_label", "kind")
    def _compute_name(self):
        for evaluation in self:
            evaluation.name = _("Evaluasi %(period)s - %(name)s", period=evaluation.period_label or "",
                                name=evaluation.employee_name or "")

    @api.depends("rating_hasil", "rating_perilaku", "company_id")
    def _compute_predikat(self):
        """Pasal 24(4), 25(3): the predikat from the kuadran of the two ratings (national_rules.md §2),
        read from the Pemda's table (hr.asn.kuadran)."""
        order = {code: index for index, (code, _name) in enumerate(rules.PREDIKATS, start=1)}
        tables = {}
        for evaluation in self:
            if not (evaluation.rating_hasil and evaluation.rating_perilaku):
                evaluation.predikat = False
                evaluation.predikat_sequence = 0
                continue
            company = evaluation.company_id
            if company.id not in tables:
                tables[company.id] = self.env["hr.asn.kuadran"].sudo()._asn_table(company) or rules.DEFAULT_KUADRAN
            evaluation.predikat = rules.predikat(evaluation.rating_hasil, evaluation.rating_perilaku,
                                                 tables[company.id])
            evaluation.predikat_sequence = order[evaluation.predikat]

    @api.depends("objection_ids.state")
    def _compute_objection_state(self):
        for evaluation in self:
            objection = evaluation.objection_ids[-1:]
            evaluation.objection_state = objection.state or "none"

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for evaluation in self:
            due = fields.Date.add(evaluation.date_to, days=evaluation.company_id.asn_eval_deadline_days or 0) \
                if evaluation.date_to else False
            evaluation.is_late = bool(due) and evaluation.state in ("draft", "dinilai") and due < today

    def _search_is_late(self, operator, value):
        """Late: still to set, and the period's end plus the Pemda's rating days is past (one domain per Pemda)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Late."))
        today = fields.Date.context_today(self)
        per_company = [[("company_id", "=", company.id),
                        ("date_to", "<", fields.Date.subtract(today, days=company.asn_eval_deadline_days or 0))]
                       for company in self.env.companies]
        late = expression.AND([[("state", "in", ("draft", "dinilai"))], expression.OR(per_company)])
        return late if (operator == "=") == value else ["!"] + late

    @api.depends_context("uid")
    def _compute_roles(self):
        user = self.env.user
        for evaluation in self:
            evaluation.is_mine = evaluation.employee_user_id == user
            evaluation.is_penilai = evaluation.penilai_user_id == user
            evaluation.is_atasan = evaluation.atasan_user_id == user

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for evaluation in self:
            evaluation.access_url = "/my/evaluations/%s" % evaluation.id
        return result

    def _get_report_base_filename(self):
        self.ensure_one()
        return "Evaluasi Kinerja %s - %s" % (self.period_label, self.employee_name)

    # ------------------------------------------------------------------------------------------
    # CRUD: the Pejabat Penilai writes the ratings and notes; the rest is the workflow's
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(_("Evaluations are generated from the set SKP of the period, not created by hand."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            check_writable(self, vals, RATER_FIELDS)
            self._check_evaluation_update("rate")
            locked = self.filtered(lambda evaluation: evaluation.state not in ("draft", "dinilai"))
            if locked:
                raise UserError(_("%s is already set (ditetapkan): it changes only through a keberatan "
                                  "(Pasal 30).", locked[0].display_name))
            self._asn_check_lengths(vals)
            result = super(HrAsnEvaluation, self.sudo()).write(vals)
            self._asn_follow_ratings()
            return result
        return super().write(vals)

    def _asn_check_lengths(self, vals):
        for name in ("catatan", "rekomendasi", "keterangan"):
            if vals.get(name):
                try:
                    skp_rules.check_text(vals[name], skp_rules.NOTE_MAX)
                except ValueError:
                    raise ValidationError(_("%(field)s is too long: at most %(max)s characters.",
                                            field=self._fields[name]._description_string(self.env),
                                            max=skp_rules.NOTE_MAX)) from None

    def _message_track(self, fields_iter, initial_values_dict):
        """The rating changes in the chatter, as core logs them (a note per evaluation with its tracking
        values), but for a team rated at once in one INSERT of notes and one of tracking values per author
        instead of two INSERTs per employee (issue 11: a bounded number of queries for a Perangkat Daerah).
        Records with a subtype or a log message of their own go through core's per-record path."""
        if not fields_iter:
            return {}
        tracked_fields = self.fields_get(fields_iter, attributes=("string", "type", "selection", "currency_field"))
        precommit = self.env.cr.precommit.data
        body_key, author_key = f"mail.tracking.message.{self._name}", f"mail.tracking.author.{self._name}"
        bodies, authors = precommit.pop(body_key, {}), precommit.pop(author_key, {})
        tracking, by_author, single = {}, defaultdict(lambda: self.browse()), self.browse()
        for record in self:
            try:
                tracking[record.id] = record._mail_track(tracked_fields, initial_values_dict[record.id])
            except MissingError:
                continue
            changes, values = tracking[record.id]
            if not (changes and values):
                continue
            if record.id in bodies or record._track_subtype({name: initial_values_dict[record.id][name]
                                                             for name in changes}):
                single |= record
            else:
                by_author[authors[record.id].id if record.id in authors else None] |= record
        for author_id, records in by_author.items():
            messages = records._message_log_batch(bodies={
                record.id: record._track_get_default_log_message(tracking[record.id][0]) for record in records
            }, author_id=author_id)
            self.env["mail.tracking.value"].sudo().create([
                dict(command[2], mail_message_id=message.id)
                for record, message in zip(records, messages, strict=True) for command in tracking[record.id][1]])
        if single:
            precommit[body_key] = {key: value for key, value in bodies.items() if key in single.ids}
            precommit[author_key] = {key: value for key, value in authors.items() if key in single.ids}
            tracking.update(super(HrAsnEvaluation, single)._message_track(fields_iter, initial_values_dict))
        return tracking

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if not self.env.su and self.filtered(lambda evaluation: evaluation.state != "draft"):
            raise UserError(_("Only a draft evaluation can be deleted."))
        if not self.env.su and not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin"):
            raise AccessError(_("Only the BKPSDM administrator deletes evaluations."))

    # ------------------------------------------------------------------------------------------
    # Who may act (one place, as hr.asn.skp._check_skp_update)
    # ------------------------------------------------------------------------------------------
    def _check_evaluation_update(self, action):
        """rate/set: the Pejabat Penilai Kinerja named on the evaluation (Pasal 26; after a Plt/Plh change
        the new one, whom the refresh names), BKPSDM acting for the head of region (Pasal 26(1)a);
        accept/object: the employee (BKPSDM records a paper signature); report: BKPSDM (Pasal 29).
        Never decided by a context key: only the superuser skips it."""
        self.check_access("read")
        if self.env.su:
            return
        user = self.env.user
        is_admin = user.has_group("hr_asn_performance.group_hr_asn_performance_admin")
        for evaluation in self:
            acts_for_region_head = is_admin and not evaluation.penilai_user_id
            if action == "rate" and (evaluation.is_penilai or acts_for_region_head):
                continue
            if action == "set" and (evaluation.is_penilai or is_admin):
                continue
            if action == "accept" and (evaluation.is_mine or is_admin):
                continue
            if action == "object" and evaluation.is_mine:
                continue
            if action == "report" and is_admin:
                continue
            raise AccessError(_("You may not do this on %s: it is for the employee and their Pejabat "
                                "Penilai Kinerja.", evaluation.display_name))

    # ------------------------------------------------------------------------------------------
    # Workflow (Pasal 24-29)
    # ------------------------------------------------------------------------------------------
    def _asn_follow_ratings(self):
        """Both ratings given: dinilai; one taken away: back to draft."""
        today = fields.Date.context_today(self)
        rated = self.filtered(lambda e: e.state == "draft" and e.rating_hasil and e.rating_perilaku)
        unrated = self.filtered(lambda e: e.state == "dinilai" and not (e.rating_hasil and e.rating_perilaku))
        if rated:
            rated._asn_workflow_write({"state": "dinilai", "rate_date": today},
                                      _("Rated by %s.", self.env.user.name))
        if unrated:
            unrated._asn_workflow_write({"state": "draft", "rate_date": False}, _("Rating withdrawn."))

    def _asn_workflow_write(self, values, note):
        """A batch of evaluations moves in one UPDATE and one batch of chatter notes."""
        self.sudo().with_context(tracking_disable=True).write(values)
        if "state" in values:
            label = dict(self._fields["state"]._description_selection(self.env))[values["state"]]
            note = "%s: %s" % (label, note)
        self.sudo()._message_log_batch(bodies=dict.fromkeys(self.ids, note))

    def action_set(self):
        """Menetapkan (Pasal 24(1), 25(1)): the team is set together, its predikat checked against the
        curve (hr.asn.evaluation.team.action_set)."""
        if not self.team_id:
            raise UserError(_("These evaluations belong to no team yet."))
        return self.team_id.action_set()

    def action_accept(self):
        """The employee receives and signs the evaluation (Lampiran I: 7. Pegawai yang Dinilai)."""
        if self.filtered(lambda evaluation: evaluation.state != "ditetapkan"):
            raise UserError(_("Only an evaluation that is set (ditetapkan) can be signed as received."))
        self._check_evaluation_update("accept")
        if self.objection_ids.filtered(lambda objection: objection.state == "submitted"):
            raise UserError(_("A keberatan on this evaluation awaits the decision of the Atasan Pejabat Penilai."))
        self.sudo()._asn_workflow_write({"state": "diterima", "accept_date": fields.Date.context_today(self)},
                                        _("Received and signed by %s.", self.env.user.name))
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_report(self):
        """Pasal 29: the results go to the Sekretaris Daerah through BKPSDM, with the SKP and the
        evaluation; then nothing changes any more."""
        self._check_evaluation_update("report")
        today = fields.Date.context_today(self)
        for evaluation in self:
            open_window = evaluation.state == "ditetapkan" and evaluation.objection_deadline and \
                evaluation.objection_deadline >= today
            if evaluation.state not in ("ditetapkan", "diterima") or open_window:
                raise UserError(_("%s cannot be reported yet: it must be received by the employee or its "
                                  "keberatan window must be over.", evaluation.display_name))
            if evaluation.objection_state == "submitted":
                raise UserError(_("%s has a keberatan awaiting its decision.", evaluation.display_name))
        self.sudo()._asn_workflow_write({"state": "dilaporkan", "report_date": today},
                                        _("Reported to the Sekretaris Daerah through BKPSDM (Pasal 29)."))
        return True

    _asn_job_methods = {"_asn_job_report"}

    def _asn_job_report(self):
        """Report a batch (Pasal 29) as BKPSDM's background job: those that may be reported; the others
        (a keberatan pending, the window still open) wait for the next run."""
        today = fields.Date.context_today(self)
        ready = self.filtered(lambda e: e.objection_state != "submitted" and (
            e.state == "diterima" or (e.state == "ditetapkan" and e.objection_deadline
                                      and e.objection_deadline < today)))
        if ready:
            ready.action_report()

    def action_object(self, reason):
        """Pasal 30: the employee objects, with reasons, to the Atasan Pejabat Penilai Kinerja."""
        return self.env["hr.asn.evaluation.objection"]._asn_file(self, reason)

    def action_open_objection(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Keberatan"),
            "res_model": "hr.asn.evaluation.objection.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_evaluation_id": self.id},
        }

    def action_print(self):
        return self.env.ref("hr_asn_evaluation.hr_asn_evaluation_report").report_action(self)

    def action_refresh(self):
        """Read the SKP's months, Umpan Balik and takeover notes again (until the evaluation is set)."""
        if self.filtered(lambda evaluation: evaluation.state not in ("draft", "dinilai")):
            raise UserError(_("A set evaluation keeps what it was set on."))
        self._check_evaluation_update("rate")
        self.sudo()._asn_fill()
        return True

    # ------------------------------------------------------------------------------------------
    # Generation: everything the Pejabat Penilai needs beside the ratings, in a bounded number of queries
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_pick_skp(self, skps, date_from, date_to):
        """The SKP a period evaluates: the last set (or closed) SKP overlapping the period (a mutation
        closes one SKP and opens another, Pasal 25(2) evaluates each; the periodic one the latest)."""
        overlapping = skps.filtered(lambda skp: skp.date_from <= date_to and skp.date_to >= date_from)
        return overlapping.sorted(lambda skp: (skp.date_from, skp.revision, skp.id))[-1:]

    @api.model
    def _asn_prepare_vals(self, skp, period, team, memo=None):
        """The evaluation's own values from the SKP's snapshot of its parties."""
        employee = skp.employee_id
        vals = {
            "employee_id": employee.id,
            "company_id": skp.company_id.id,
            "skp_id": skp.id,
            "period_id": period.id,
            "team_id": team.id,
            "kind": period.kind,
            "period_kind": period.period_kind,
            "year": period.year,
            "period": period.period,
            "date_from": period.date_from,
            "date_to": period.date_to,
            "period_label": period.period_label,
            "state": "draft",  # every default given: the ORM reads no default per record
        }
        vals.update(self._asn_party_vals(employee, skp, memo))
        return vals

    @api.model
    def _asn_party_vals(self, employee, skp, memo=None):
        """Who is evaluated and who evaluates, as they are now (the SKP's own snapshot helper): the
        current Pejabat Penilai acts (Pasal 26), the SKP's unit and Perangkat Daerah."""
        party = skp._asn_party_vals(employee, None, memo)  # the format is the SKP's own
        vals = {name: party[name] for name in SNAPSHOT_FIELDS}
        vals.update({
            "department_id": party["department_id"],
            "opd_id": party["opd_id"],
            "pejabat_penilai_id": party["pejabat_penilai_id"],
            "pejabat_penilai_official": party["pejabat_penilai_official"],
            "atasan_pejabat_penilai_id": party["atasan_pejabat_penilai_id"],
            "atasan_pejabat_penilai_official": party["atasan_pejabat_penilai_official"],
            "employee_user_id": employee.user_id.id,
            "penilai_user_id": employee.pejabat_penilai_id.user_id.id,
            "atasan_user_id": employee.atasan_pejabat_penilai_id.user_id.id,
            "position_kind": employee.asn_position_kind or False,
            "jenjang": employee.asn_jenjang or False,
        })
        return vals

    def _asn_fill(self):
        """(Re)build the lines, perilaku rows, components and hints of these evaluations from the SKP year
        (Pasal 24(3): realisasi with bukti dukung, Umpan Balik, takeover notes of Pasal 20(7)-(8)), the 360
        result and the unit's capaian: a fixed number of queries for any number of evaluations."""
        evaluations = self.sudo()
        if not evaluations:
            return
        skps = evaluations.skp_id
        years = set(evaluations.mapped("year"))
        # only the months the evaluations cover (a month's generation reads one month per SKP, not twelve)
        # each search fetches the columns read below, not every column of the model (a city's month)
        months = self.env["hr.asn.skp.month"].sudo().search_fetch([
            ("skp_id", "in", skps.ids), ("year", "in", list(years)),
            ("month", ">=", min(date.month for date in evaluations.mapped("date_from"))),
            ("month", "<=", max(date.month for date in evaluations.mapped("date_to")))], ["year", "month"])
        month_lines = self.env["hr.asn.skp.month.line"].sudo().search_fetch(
            [("month_id", "in", months.ids)],
            ["month_id", "iki_id", "target_value", "realisasi_value", "realisasi", "attachment_ids"])
        ikis = self.env["hr.asn.skp.iki"].sudo().search_fetch(
            [("skp_id", "in", skps.ids)],
            ["skp_id", "rhk_id", "name", "aspect", "target_value", "target_unit", "target_text"],
            order="sequence, id")
        rhks = ikis.rhk_id
        rhks.fetch(["skp_id", "kind", "name", "parent_rhk_id", "assigned_by", "taken_over", "takeover_note"])
        behaviors = self.env["hr.asn.skp.behavior"].sudo().search_fetch(
            [("skp_id", "in", skps.ids)], ["skp_id", "sequence", "value", "special_expectation"],
            order="sequence, id")
        feedback = self.env["hr.asn.skp.feedback"].sudo().search_fetch(
            [("skp_id", "in", skps.ids)], ["skp_id", "date", "topic", "rhk_id", "behavior_value", "name"],
            order="date, id")
        results = {}
        for year in years:
            results.update(self.env["hr.asn360.result"].sudo().get_results(evaluations.employee_id, year))
        # the month lines as plain values, read once: (year, month, target, realisasi value, realisasi, month id,
        # bukti dukung count)
        lines_by_iki = defaultdict(list)
        for line in month_lines:
            month = line.month_id
            lines_by_iki[line.iki_id.id].append((month.year, month.month, line.target_value, line.realisasi_value,
                                                 line.realisasi, month.id, len(line.attachment_ids)))
        ikis_by_skp = defaultdict(list)
        for iki in ikis:
            ikis_by_skp[iki.skp_id.id].append(iki)
        behaviors_by_skp = defaultdict(list)
        for behavior in behaviors:
            behaviors_by_skp[behavior.skp_id.id].append(behavior)
        feedback_by_skp = defaultdict(list)
        for line in feedback:
            feedback_by_skp[line.skp_id.id].append(line)
        unit_capaian = evaluations._asn_led_unit_capaian()
        taken_over = defaultdict(int)  # RHK taken over per SKP, counted once (not per evaluation x RHK)
        for rhk in rhks.filtered("taken_over"):
            taken_over[rhk.skp_id.id] += 1
        # the document is Indonesian whoever generates it (Lampiran I): "Maret 2026", not the user's language
        month_label = {month.id: "%s %s" % (rules.MONTH_NAMES[month.month - 1].capitalize(), month.year)
                       for month in months}
        evaluations.line_ids.unlink()
        evaluations.behavior_ids.unlink()
        line_vals, behavior_vals = [], []
        updates = defaultdict(dict)
        for evaluation in evaluations:
            skp = evaluation.skp_id
            in_period = [line for line in feedback_by_skp[skp.id]
                         if evaluation.date_from <= line.date <= evaluation.date_to]
            total_target = total_done = 0.0
            first_month, last_month = evaluation.date_from.month, evaluation.date_to.month
            for iki in ikis_by_skp[skp.id]:
                rhk = iki.rhk_id
                period_lines = [line for line in lines_by_iki[iki.id]
                                if line[0] == evaluation.year and first_month <= line[1] <= last_month]
                target = sum(line[2] for line in period_lines)
                done = sum(line[3] for line in period_lines)
                total_target += target
                total_done += done
                line_vals.append({
                    "evaluation_id": evaluation.id,
                    "sequence": len(line_vals),
                    "rhk_id": rhk.id,
                    "iki_id": iki.id,
                    "kind": rhk.kind,
                    "rhk_name": rhk.name,
                    "parent_rhk_name": rhk.parent_rhk_id.name or False,
                    "assigned_by": rhk.assigned_by or False,
                    "iki_name": iki.name,
                    "aspect": iki.aspect,
                    "target_display": iki.target_display,
                    "period_target": target,
                    "realisasi_value": done,
                    "capaian_pct": rules.capaian_pct(target, done) or 0.0,
                    "realisasi": "\n".join("%s: %s" % (month_label[line[5]], line[4])
                                           for line in period_lines if line[4]) or False,
                    "attachment_count": sum(line[6] for line in period_lines),
                    "feedback": "\n".join(line.name for line in in_period
                                          if line.topic == "rhk" and line.rhk_id == rhk) or False,
                    "taken_over": rhk.taken_over,
                    "takeover_note": rhk.takeover_note or False,
                })
            for behavior in behaviors_by_skp[skp.id]:
                behavior_vals.append({
                    "evaluation_id": evaluation.id,
                    "sequence": behavior.sequence,
                    "value": behavior.value,
                    "expectation": behavior.special_expectation or False,
                    "feedback": "\n".join(line.name for line in in_period
                                          if line.topic == "perilaku" and line.behavior_value == behavior.value)
                    or False,
                })
            result = results.get(evaluation.employee_id.id) or {}
            capaian_pct = rules.capaian_pct(total_target, total_done) if skp.approach == "kuantitatif" else None
            led = unit_capaian.get(evaluation.id)
            updates[evaluation.id] = {
                "hint_capaian_pct": capaian_pct or 0.0,
                "hint_360_score": result.get("score") or 0.0,
                "hint_360_rating": result.get("rating") or False,
                "hint_unit_capaian": led or False,
                "hint_rating_hasil": LEADER_RATING.get(led, False),
                "feedback_count": len(in_period),
                "taken_over_count": taken_over[skp.id],
            }
        # a month of a city is ~2 IKI and 7 perilaku rows per evaluation: inserted in bulk (the ORM's create
        # of these read-only copies was most of the generation's time, issue 11's 20,000 in <= 60 s)
        company_of = {evaluation.id: evaluation.company_id.id for evaluation in evaluations}
        for vals in line_vals + behavior_vals:
            vals["company_id"] = company_of[vals["evaluation_id"]]
        _insert_rows(self.env["hr.asn.evaluation.line"], line_vals)
        _insert_rows(self.env["hr.asn.evaluation.behavior"], behavior_vals)
        evaluations.invalidate_recordset(["line_ids", "behavior_ids"])
        for values, group in _group_by_values(evaluations, updates):
            group.write(values)

    def _asn_led_unit_capaian(self):
        """{evaluation id: capaian} for employees who lead their unit (its manager): the unit's capaian is
        offered as their rating hasil kerja (national_rules.md §6)."""
        leaders = self.filtered(lambda e: e.department_id.manager_id == e.employee_id)
        if not leaders:
            return {}
        found = {}
        Capaian = self.env["hr.asn.capaian.organisasi"].sudo()
        for key, group in _group_by_key(leaders, lambda e: (e.year, e.period_kind, e.period)):
            year, period_kind, period = key
            records = Capaian._asn_capaian_for(group.department_id, year, period_kind, period)
            for evaluation in group:
                record = records.get(evaluation.department_id.id)
                if record:
                    found[evaluation.id] = record.capaian
        return found

    def _asn_fill_components(self):
        """Annual evaluations (Pasal 25(2); national_rules.md §6): one component per SKP of the year, each
        with the result of its periodic evaluations by the roll-up policy, and the policy's proposal for the
        year in hint_predikat. Bounded: three searches for any number of evaluations."""
        annual = self.sudo().filtered(lambda e: e.kind == "annual")
        if not annual:
            return
        skps = self.env["hr.asn.skp"].sudo().search([
            ("employee_id", "in", annual.employee_id.ids), ("year", "in", list(set(annual.mapped("year")))),
            ("state", "in", ("set", "closed"))], order="date_from, revision, id")
        periodic = self.sudo().search([("skp_id", "in", skps.ids), ("kind", "=", "periodic"),
                                       ("state", "in", ("ditetapkan", "diterima", "dilaporkan"))],
                                      order="date_from, id")
        by_skp = defaultdict(list)
        for evaluation in periodic:
            by_skp[evaluation.skp_id.id].append(evaluation)
        annual.component_ids.unlink()
        skps_of = defaultdict(list)  # (employee, year) -> SKPs, oldest first: no scan of all SKPs per evaluation
        for skp in skps:
            skps_of[skp.employee_id.id, skp.year].append(skp)
        vals_list, hints = [], {}
        for evaluation in annual:
            policy = evaluation.company_id.asn_rollup_policy or rules.DEFAULT_ROLLUP_POLICY
            year_results = []
            for skp in skps_of[evaluation.employee_id.id, evaluation.year]:
                # a revision replaces its SKP (same position): count the months of the latest revision only
                months = len(skp_rules.months_of(skp.date_from, skp.date_to))
                results = [(rules.months_in(p.period_kind), p.predikat) for p in by_skp[skp.id]]
                predikat = rules.rollup(results, policy) if results else False
                source = [p for p in by_skp[skp.id] if p.predikat == predikat][-1:]
                vals_list.append({
                    "evaluation_id": evaluation.id, "skp_id": skp.id, "date_from": skp.date_from,
                    "date_to": skp.date_to, "months": months, "jabatan": skp.employee_jabatan,
                    "unit": skp.employee_unit, "penilai_name": skp.penilai_name or skp.pejabat_penilai_official,
                    "rating_hasil": source[0].rating_hasil if source else False,
                    "rating_perilaku": source[0].rating_perilaku if source else False,
                    "predikat": predikat,
                    "source": ", ".join(p.period_label for p in by_skp[skp.id]) or False,
                })
                if predikat:
                    year_results.append((months, predikat))
            hints[evaluation.id] = rules.rollup(year_results, policy) if year_results else False
        self.env["hr.asn.evaluation.component"].sudo().create(vals_list)
        for evaluation in annual:
            if evaluation.hint_predikat != hints[evaluation.id]:
                evaluation.hint_predikat = hints[evaluation.id]

    def _asn_after_set(self):
        """What a set predikat decides (Pasal 33; national_rules.md §4, §7): the TPP percentage from the
        Pemda's table (none shipped as law: without a table it stays 0) and, for Jabatan Fungsional, the
        angka kredit of the period, (months / 12) x percentage x the jenjang's coefficient. The annual
        evaluation shows the sum of the year's periodic angka kredit (counted once, not again)."""
        evaluations = self.sudo()
        for company in evaluations.company_id:
            tpp = self.env["hr.asn.tpp.rate"].sudo()._asn_table(company)
            percents = self.env["hr.asn.angka.kredit.percent"].sudo()._asn_table(company)
            coefficients = self.env["hr.asn.angka.kredit.coefficient"].sudo()._asn_table(company)
            known = {jenjang for jenjang, _value in coefficients}
            group = evaluations.filtered(lambda e, company=company: e.company_id == company and e.predikat)
            updates = {}
            for evaluation in group:
                values = {"tpp_percent": rules.tpp_percent(evaluation.predikat, tpp) if tpp else 0.0}
                if evaluation.position_kind == "fungsional" and evaluation.jenjang in known \
                        and evaluation.kind == "periodic":
                    values["angka_kredit"] = rules.angka_kredit(rules.months_in(evaluation.period_kind),
                                                                evaluation.predikat, evaluation.jenjang,
                                                                percents, coefficients)
                updates[evaluation.id] = values
            # one write per distinct set of values (a team shares a few predikat), not one per evaluation
            for values, same in _group_by_values(group, updates):
                same.write(values)
            yearly = group.filtered(lambda e: e.kind == "annual" and e.position_kind == "fungsional")
            if yearly:
                sums = dict(((employee.id, year), total) for employee, year, total in self.sudo()._read_group(
                    [("employee_id", "in", yearly.employee_id.ids), ("kind", "=", "periodic"),
                     ("state", "in", ("ditetapkan", "diterima", "dilaporkan"))],
                    ["employee_id", "year"], ["angka_kredit:sum"]))
                for evaluation in yearly:
                    evaluation.angka_kredit = sums.get((evaluation.employee_id.id, evaluation.year), 0.0)

    # ------------------------------------------------------------------------------------------
    # Reminders (Pasal 24: whoever is late gets a to-do)
    # ------------------------------------------------------------------------------------------
    def _cron_remind(self):
        """Daily: the Pejabat Penilai of an unrated evaluation past its deadline, the employee of a set one
        not yet signed, get a to-do (one per evaluation, not repeated)."""
        today = fields.Date.context_today(self)
        late = self.sudo().search([("state", "in", ("draft", "dinilai")), ("date_to", "<", today),
                                   ("penilai_user_id", "!=", False), ("activity_ids", "=", False)])
        for company, group in _group_by_key(late, lambda e: e.company_id):
            days = company.asn_eval_deadline_days or 0
            due = group.filtered(lambda e, days=days: (today - e.date_to).days > days)
            due._asn_schedule(lambda e: e.penilai_user_id,
                              lambda env, e: env._("Rate and set the evaluation of %s", e.employee_name))
        unsigned = self.sudo().search([("state", "=", "ditetapkan"), ("employee_user_id", "!=", False),
                                       ("activity_ids", "=", False)])
        unsigned._asn_schedule(lambda e: e.employee_user_id,
                               lambda env, e: env._("Read and sign your evaluation %s", e.period_label))

    def _asn_schedule(self, user_of, summary):
        """One to-do per evaluation for the user ``user_of`` names, in that user's language."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for evaluation in self:
            user = user_of(evaluation)
            if not user:
                continue
            env = self.with_context(lang=user.lang).env
            vals_list.append({
                "res_model_id": model_id,
                "res_id": evaluation.id,
                "activity_type_id": todo.id,
                "summary": summary(env, evaluation),
                "user_id": user.id,
                "date_deadline": fields.Date.context_today(self),
            })
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals_list)


def _group_by_key(records, key):
    groups = defaultdict(list)
    for record in records:
        groups[key(record)].append(record.id)
    return [(value, records.browse(ids)) for value, ids in groups.items()]


def _group_by_values(records, updates):
    """Records sharing the same values, to write each set of values once."""
    groups = defaultdict(list)
    for record in records:
        values = updates.get(record.id)
        if values:
            groups[tuple(sorted(values.items()))].append(record.id)
    return [(dict(frozen), records.browse(ids)) for frozen, ids in groups.items()]


def _insert_rows(model, vals_list):
    """INSERT ``vals_list`` (dicts with the same keys, stored plain fields only) into ``model``'s table in
    one statement (one array per column, unnest), with the create/write user and date the ORM would set.
    For read-only copies nothing else computes from (evaluation lines and perilaku rows): no default,
    compute or constraint of theirs runs; the caller gives every value and invalidates the one2many that
    reads them."""
    if not vals_list:
        return
    names = list(vals_list[0])
    fields_ = [model._fields[name] for name in names]
    if any(not field.store or not field.column_type or field.translate or field.company_dependent
           for field in fields_):
        raise ValueError("_insert_rows takes plain stored fields only: %s" % names)
    env = model.env
    record = model.browse()
    arrays = [SQL("%s::%s[]", [field.convert_to_column_insert(vals[field.name], record) for vals in vals_list],
                  SQL(field.column_type[1]))
              for field in fields_]
    env.cr.execute(SQL(
        "INSERT INTO %s (%s, create_uid, create_date, write_uid, write_date) "
        "SELECT *, %s, %s, %s, %s FROM unnest(%s)",
        SQL.identifier(model._table), SQL(", ").join(SQL.identifier(name) for name in names),
        env.uid, env.cr.now(), env.uid, env.cr.now(), SQL(", ").join(arrays)))
