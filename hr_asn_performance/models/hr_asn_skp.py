import datetime
from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import groupby

from ..rules import asn_data
from ..rules import skp as skp_rules
from .hr_asn_skp_content_mixin import check_writable

# Who an SKP names, as it was when it was signed (Lampiran I: NAMA, NIP, PANGKAT/GOL. RUANG, JABATAN,
# UNIT KERJA / INSTANSI), for the employee, the Pejabat Penilai Kinerja and their atasan.
PARTIES = ("employee", "penilai", "atasan")
PARTY_FIELDS = ("name", "nip", "pangkat", "jabatan", "unit", "instansi")
# What _asn_party_vals reads of an employee and their assessors (to fetch a batch of them at once).
PARTY_EMPLOYEE_FIELDS = ["name", "nip", "asn_golongan", "job_title", "job_id", "department_id", "company_id",
                         "asn_status", "asn_position_kind", "asn_jenjang", "user_id", "pejabat_penilai_id",
                         "pejabat_penilai_official", "atasan_pejabat_penilai_id", "atasan_pejabat_penilai_official"]

# Written only by the workflow: its actions check the role (``_check_skp_update``), then write as the
# superuser; no context key switches a check off (issue 9, finding 1).
WORKFLOW_FIELDS = {
    "state", "submit_date", "set_date", "set_by_id", "closing_reason", "close_date", "revision",
    "previous_id", "pejabat_penilai_id", "atasan_pejabat_penilai_id", "pejabat_penilai_official",
    "atasan_pejabat_penilai_official", "skp_format", "is_pppk", "department_id", "opd_id",
} | {"%s_%s" % (party, field) for party in PARTIES for field in PARTY_FIELDS}
# The SKP's own text: changes only while it is a draft.
DRAFT_FIELDS = {"approach", "date_from", "date_to", "year", "perjanjian_kerja_ref"}
# What a user may write (issue 9, finding 6): the draft's text and its parts, which check themselves.
# Not the workflow's fields, computes (deadline), the reasons, the Pemda, nor the employee (finding 4:
# a mutation opens a new SKP, Semarang seed 002); on create the employee and their own Pemda.
# asn_version: the version the form shows (hr.asn.version.mixin), compared, never written.
USER_WRITABLE_FIELDS = DRAFT_FIELDS | {"rhk_ids", "behavior_ids", "support_ids", "asn_version"}
USER_CREATE_FIELDS = USER_WRITABLE_FIELDS | {"employee_id", "company_id"}
# The period, which decides the deadline of Pasal 13(1).
PERIOD_FIELDS = {"year", "date_from", "date_to"}

# Batches of the background jobs of the lists (issue 13): drafts created, SKPs set (12 months each).
CREATE_BATCH_SIZE = 500
SET_BATCH_SIZE = 200

# News (SKP set, month reviewed, Umpan Balik received) stay this many days on the portal's to-dos.
TODO_NEWS_DAYS = 14

# Who acts as assessor on an SKP (Pasal 26): the assessors it names and its employee's current ones.
ASSESSOR_PATHS = ("pejabat_penilai_id", "atasan_pejabat_penilai_id", "employee_id.pejabat_penilai_id",
                  "employee_id.atasan_pejabat_penilai_id")

# what the record rules on the SKP and its parts and the roles (_compute_roles) read of the people: Odoo 18
# checks record rules in Python on the records' fields (odoo/models.py _check_access, filtered_domain); the
# assessed employees only of the SKP's employee (the cascading rule)
PEOPLE_FIELDS = ("user_id", "pejabat_penilai_id", "atasan_pejabat_penilai_id")

STATES = [
    ("draft", "Draft"),
    ("submitted", "Diajukan"),
    ("set", "Ditetapkan"),
    ("closed", "Closed"),
]
CLOSING_REASONS = [
    ("revision", "Replaced by a new revision"),
    ("mutation", "Mutation to another unit"),
    ("promotion", "New position"),
    ("year_end", "End of the year"),
]


class HrAsnSkp(models.Model):
    """Sasaran Kinerja Pegawai: the employee's plan for a performance year (Perwal Bekasi 38/2023
    Pasal 6-15, Lampiran I formats 1-5)."""

    _name = "hr.asn.skp"
    _description = "Sasaran Kinerja Pegawai (SKP)"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "hr.asn.input.limit.mixin",
                "hr.asn.version.mixin"]
    _order = "year desc, employee_id, revision desc, id desc"
    _asn_text_limits = {"perjanjian_kerja_ref": skp_rules.LINE_MAX, "return_reason": skp_rules.NOTE_MAX,
                        "revision_reason": skp_rules.NOTE_MAX}
    # what hr.asn.job may run on batches of SKPs (models/hr_asn_job.py)
    _asn_job_methods = ("_asn_job_set",)

    def _default_year(self):
        return fields.Date.context_today(self).year

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, tracking=True,
                                  ondelete="restrict")
    user_id = fields.Many2one(related="employee_id.user_id", string="Employee's User")
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True, index=True)
    opd_id = fields.Many2one("hr.department", string="Perangkat Daerah", readonly=True, index=True)
    year = fields.Integer(required=True, default=lambda self: self._default_year(), index=True, aggregator=False)
    date_from = fields.Date(string="Period From", required=True)
    date_to = fields.Date(string="Period To", required=True)
    approach = fields.Selection(list(skp_rules.APPROACHES), string="Pendekatan", required=True,
                                default="kualitatif", tracking=True,
                                help="Pasal 8(3): IKI stated qualitatively or as numbers.")
    skp_format = fields.Selection(list(skp_rules.FORMAT_SELECTION), string="Lampiran I Format", readonly=True)
    is_pppk = fields.Boolean(string="PPPK", readonly=True)
    perjanjian_kerja_ref = fields.Char(
        string="Perjanjian Kerja", help="Pasal 7(2): a PPPK's SKP refers to their perjanjian kerja (number, date)."
    )
    state = fields.Selection(STATES, default="draft", required=True, readonly=True, tracking=True, index=True,
                             copy=False)
    revision = fields.Integer(readonly=True, copy=False, aggregator=False)
    previous_id = fields.Many2one("hr.asn.skp", string="Previous SKP", readonly=True, copy=False, index=True,
                                  help="The SKP this one replaces: an earlier revision, or the SKP of the "
                                       "previous position.")
    next_ids = fields.One2many("hr.asn.skp", "previous_id", string="Next SKP")
    closing_reason = fields.Selection(CLOSING_REASONS, readonly=True, copy=False, tracking=True)
    close_date = fields.Date(readonly=True, copy=False)
    submit_date = fields.Date(string="Signed by the Employee", readonly=True, copy=False)
    set_date = fields.Date(string="Ditetapkan On", readonly=True, copy=False)
    set_by_id = fields.Many2one("res.users", string="Ditetapkan By", readonly=True, copy=False)
    deadline = fields.Date(compute="_compute_deadline", store=True,
                           help="Pasal 13(1): set by the end of January (or of the month a later SKP starts).")
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    return_reason = fields.Text(string="Returned Because", readonly=True, copy=False)
    revision_reason = fields.Text(string="Why this Revision", readonly=True, copy=False)

    pejabat_penilai_id = fields.Many2one("hr.employee", string="Pejabat Penilai Kinerja", readonly=True,
                                         index=True)
    pejabat_penilai_official = fields.Char(string="Pejabat Penilai Kinerja (Head of Region)", readonly=True)
    atasan_pejabat_penilai_id = fields.Many2one("hr.employee", readonly=True, index=True)
    atasan_pejabat_penilai_official = fields.Char(string="Atasan Pejabat Penilai (Head of Region)", readonly=True)
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

    rhk_ids = fields.One2many("hr.asn.skp.rhk", "skp_id", string="Rencana Hasil Kerja")
    iki_ids = fields.One2many("hr.asn.skp.iki", "skp_id", string="IKI")
    behavior_ids = fields.One2many("hr.asn.skp.behavior", "skp_id", string="Perilaku Kerja")
    support_ids = fields.One2many("hr.asn.skp.support", "skp_id", string="Lampiran SKP")
    month_ids = fields.One2many("hr.asn.skp.month", "skp_id", string="Monthly Realisasi")
    feedback_ids = fields.One2many("hr.asn.skp.feedback", "skp_id", string="Umpan Balik Berkelanjutan")
    followup_ids = fields.One2many("hr.asn.skp.followup", "skp_id", string="Follow-up")
    feedback_count = fields.Integer(compute="_compute_counts")
    taken_over_count = fields.Integer(string="RHK Taken Over", compute="_compute_counts")
    is_mine = fields.Boolean(compute="_compute_roles")
    is_assessor = fields.Boolean(compute="_compute_roles")  # Pejabat Penilai or its atasan
    is_penilai = fields.Boolean(compute="_compute_roles")
    # which buttons the user is offered: exactly who _check_skp_update lets act (issue 12: actions offered,
    # then refused)
    can_submit = fields.Boolean(compute="_compute_roles")
    can_set = fields.Boolean(compute="_compute_roles")
    can_revise = fields.Boolean(compute="_compute_roles")
    can_delete = fields.Boolean(compute="_compute_roles")
    # the one domain of "who assesses this SKP" that the record rules read (security/hr_asn_skp_security.xml)
    assessor_user_ids = fields.Many2many("res.users", string="Assessors' Users", compute="_compute_assessor_user_ids",
                                         search="_search_assessor_user_ids")

    _sql_constraints = [
        ("period_check", "CHECK(date_from <= date_to)", "An SKP's period must end after it starts."),
        # the index of init(); the message is the one RPC callers see
        ("one_open_skp", "", "The employee already has an open SKP for this period."),
    ]

    def init(self):
        """Issue 9, finding 9: ``_check_one_open_skp`` sees only what is committed, so two concurrent
        requests (a double click on "Create my SKP") each created an open SKP. The database keeps one
        open SKP per employee, first day and revision: a revision (revision + 1, Pasal 13(2)) and the SKP a
        mutation opens (a later first day) are outside it, closed SKPs too; the Python check keeps the
        overlap rule itself."""
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS hr_asn_skp_one_open_skp
            ON hr_asn_skp (employee_id, date_from, COALESCE(revision, 0))
            WHERE state IN ('draft', 'submitted', 'set')
        """)

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    @api.depends("year", "employee_id.name", "employee_name", "revision")
    def _compute_name(self):
        for skp in self:
            name = _("SKP %(year)s - %(name)s", year=skp.year, name=skp.employee_name or skp.employee_id.name or "")
            skp.name = _("%(name)s (revision %(revision)s)", name=name, revision=skp.revision) if skp.revision else name

    @api.depends("date_from")
    def _compute_deadline(self):
        for skp in self:
            skp.deadline = skp_rules.skp_deadline(skp.date_from) if skp.date_from else False

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for skp in self:
            skp.is_overdue = skp.state in ("draft", "submitted") and bool(skp.deadline) and skp.deadline < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on Overdue."))
        overdue = ["&", ("state", "in", ("draft", "submitted")), ("deadline", "<", fields.Date.context_today(self))]
        return overdue if (operator == "=") == value else ["!", *overdue]

    def _compute_counts(self):
        feedback = dict(self.env["hr.asn.skp.feedback"]._read_group(
            [("skp_id", "in", self.ids)], ["skp_id"], ["__count"]))
        taken = dict(self.env["hr.asn.skp.rhk"]._read_group(
            [("skp_id", "in", self.ids), ("taken_over", "=", True)], ["skp_id"], ["__count"]))
        for skp in self:
            skp.feedback_count = feedback.get(skp, 0)
            skp.taken_over_count = taken.get(skp, 0)

    def _asn_fetch_people(self):
        """Read the people of these SKPs (the employee, their Pejabat Penilai Kinerja and atasan, as the SKP
        names them and as they are now, and the assessed employees of the employee) with only the fields
        the roles and the record rules look at: two or three narrow queries instead of whole
        ``hr.employee`` rows (a hundred columns) on every portal page. Only a cache warm-up: decides
        nothing, reads as the superuser what the caller's checks then decide on. Called by the portal before
        its checks (controllers/portal.py _skp_check_access); the backend reads these rows whole anyway."""
        skps = self.sudo()
        employees = skps.employee_id | skps.pejabat_penilai_id | skps.atasan_pejabat_penilai_id
        employees.fetch(PEOPLE_FIELDS)
        skps.employee_id.fetch(["assessee_ids"])
        others = (employees.pejabat_penilai_id | employees.atasan_pejabat_penilai_id
                  | skps.employee_id.assessee_ids) - employees
        if others:
            others.fetch(["user_id"])
        return self

    @api.depends_context("uid")
    def _compute_roles(self):
        user = self.env.user
        is_admin = self.env.su or user.has_group("hr_asn_performance.group_hr_asn_performance_admin")
        is_opd_admin = user.has_group("hr_asn_performance.group_hr_asn_performance_admin_opd")
        for skp in self:
            skp.is_mine = skp.sudo().employee_id.user_id == user
            skp.is_assessor = user in skp.sudo()._asn_assessor_users()
            skp.is_penilai = user in skp.sudo()._asn_assessor_users(penilai_only=True)
            skp.can_submit = skp.state == "draft" and (is_admin or is_opd_admin or skp.is_mine)
            skp.can_set = skp.state == "submitted" and (is_admin or skp.is_penilai)
            skp.can_revise = skp.state == "set" and (is_admin or skp.is_mine or skp.is_assessor)
            # as _unlink_only_drafts: a first draft, by who may write it (its employee, the Kepegawaian)
            skp.can_delete = (skp.state == "draft" and not skp.revision and not skp.previous_id
                              and (is_admin or is_opd_admin or skp.is_mine))

    @api.depends(*("%s.user_id" % path for path in ASSESSOR_PATHS))
    def _compute_assessor_user_ids(self):
        for skp in self:
            skp.assessor_user_ids = skp.sudo()._asn_assessor_users()

    def _search_assessor_user_ids(self, operator, value):
        """The users of the Pejabat Penilai Kinerja and its atasan the SKP names, or who assess its
        employee now (Pasal 26; after a Plt/Plh change the new one acts): as ``_asn_assessor_users``."""
        if operator not in ("in", "="):
            raise UserError(_("Unsupported search on the assessors' users."))
        user_ids = [value] if isinstance(value, int) else list(value)
        return ["|"] * (len(ASSESSOR_PATHS) - 1) + [("%s.user_id" % path, "in", user_ids) for path in ASSESSOR_PATHS]

    def _get_report_base_filename(self):
        """File name of the PDF (the report's print_report_name and the portal's download)."""
        self.ensure_one()
        return "SKP %s - %s" % (self.year, self.employee_name or self.employee_id.name)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for skp in self:
            skp.access_url = "/my/skp/%s" % skp.id
        return res

    # ------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_year_bounds(self, year):
        """(1 January, 31 December) of ``year``; a year outside rules/skp.py's MIN_YEAR..MAX_YEAR (0, -1,
        99999: a typing error) is refused with a clear message instead of Python's ValueError."""
        try:
            return skp_rules.year_bounds(year)
        except skp_rules.SkpRuleError as error:
            raise ValidationError(_("The SKP year must lie between %(first)s and %(last)s, not %(year)s.",
                                    first=skp_rules.MIN_YEAR, last=skp_rules.MAX_YEAR, year=year)) from error

    @api.constrains("year", "date_from", "date_to")
    def _check_period(self):
        """The performance year runs January to December (Pasal 13; Lampiran I "JANUARI SD DESEMBER")."""
        for skp in self:
            first, last = self._asn_year_bounds(skp.year)
            if not (first <= skp.date_from <= skp.date_to <= last):
                raise ValidationError(_("The period of %(skp)s must lie within %(year)s.", skp=skp.display_name,
                                        year=skp.year))

    @api.constrains("employee_id", "year", "state", "date_from", "date_to")
    def _check_one_open_skp(self):
        """One SKP at a time: the periods of an employee's open SKPs of a year never overlap (a
        revision replaces its previous SKP only when it is set)."""
        open_states = ("draft", "submitted", "set")
        rows = self.search([("employee_id", "in", self.employee_id.ids), ("year", "in", list(set(self.mapped("year")))),
                            ("state", "in", open_states)])
        by_key = defaultdict(list)
        for other in rows:
            by_key[other.employee_id.id, other.year].append(other)
        for skp in self.filtered(lambda s: s.state in open_states):
            clash = [other for other in by_key[skp.employee_id.id, skp.year]
                     if other != skp and other.date_from <= skp.date_to and skp.date_from <= other.date_to
                     and skp.previous_id != other and other.previous_id != skp]
            if clash:
                raise ValidationError(_("%(employee)s already has an open SKP for this period: %(skp)s.",
                                        employee=skp.employee_id.name, skp=clash[0].display_name))

    @api.model
    def _asn_check_period_free(self, vals_list):
        """Before the INSERT, what the index ``hr_asn_skp_one_open_skp`` (init) refuses: an open SKP of the
        same employee, first day and revision; so that a second request after the first one gets the
        message of ``_check_one_open_skp``, not a database error (only a concurrent one meets the index)."""
        keys = {(vals.get("employee_id"), fields.Date.to_date(vals.get("date_from")), vals.get("revision") or 0)
                for vals in vals_list}
        open_skps = self.sudo().search_fetch([
            ("employee_id", "in", [key[0] for key in keys]), ("date_from", "in", [key[1] for key in keys]),
            ("state", "in", ("draft", "submitted", "set"))], ["employee_id", "date_from", "revision"])
        for skp in open_skps:
            if (skp.employee_id.id, skp.date_from, skp.revision or 0) in keys:
                raise ValidationError(_("%(employee)s already has an open SKP for this period: %(skp)s.",
                                        employee=skp.employee_id.name, skp=skp.display_name))

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        employees = self.env["hr.employee"].sudo().browse([vals.get("employee_id") for vals in vals_list])
        for vals, employee in zip(vals_list, employees, strict=True):
            check_writable(self, vals, USER_CREATE_FIELDS)
            pemda = employee.company_id.id
            if not self.env.su and employee and vals.get("company_id", pemda) != pemda:
                raise AccessError(_("An SKP belongs to the Pemda of its employee."))
            year = vals.get("year") or self._default_year()
            first, last = self._asn_year_bounds(year)
            vals.setdefault("year", year)
            vals.setdefault("date_from", first)
            vals.setdefault("date_to", last)
            if employee:
                vals.setdefault("company_id", employee.company_id.id)
                vals.update(self._asn_party_vals(employee, vals.get("approach") or "kualitatif"))
            vals.setdefault("behavior_ids", self._asn_behavior_commands())
            if vals.get("skp_format") == "5" and not vals.get("rhk_ids"):
                vals["rhk_ids"] = self._asn_tugas_belajar_commands()
        self._asn_check_period_free(vals_list)
        skps = super().create(vals_list)
        if skps._asn_guards_deadline():
            skps._asn_check_deadline_kept({skp: skp_rules.skp_deadline(self._asn_year_bounds(skp.year)[0])
                                           for skp in skps})
        return skps

    def write(self, vals):
        self.check_access("write")  # who may not write learns nothing about the SKP's state
        if not self.env.su:
            check_writable(self, vals, USER_WRITABLE_FIELDS)
            if DRAFT_FIELDS & set(vals) and self.filtered(lambda skp: skp.state != "draft"):
                raise UserError(_("%s is no longer a draft and can no longer be changed. "
                                  "Ask for a new revision to change it.",
                                  self.filtered(lambda skp: skp.state != "draft")[0].display_name))
        guarded = PERIOD_FIELDS & set(vals) and self._asn_guards_deadline()
        limits = {skp: skp.deadline for skp in self} if guarded else {}
        res = super().write(vals)
        self._asn_check_deadline_kept(limits)
        if "approach" in vals:
            drafts = self.filtered(lambda skp: skp.state == "draft")
            for skp in drafts:
                skp.sudo().skp_format = skp._asn_format(skp.employee_id, skp.approach)
        return res

    def _asn_guards_deadline(self):
        return not self.env.su and not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin_opd")

    def _asn_check_deadline_kept(self, limits):
        """Pasal 13(1): an SKP is set by the end of January, or of the month a later SKP starts (a new
        position: opened by the mutation, or recorded by the Kepegawaian administrator). Nobody else
        postpones that day by moving the period (issue 9, finding 6: a draft moved to December left the
        overdue list). ``limits``: {SKP: the latest deadline allowed}."""
        for skp, limit in limits.items():
            if skp.deadline and limit and skp.deadline > limit:
                raise AccessError(_("Only a Kepegawaian administrator lets %(skp)s start later: its deadline "
                                    "(Pasal 13(1)) would move to %(deadline)s.", skp=skp.display_name,
                                    deadline=skp.deadline))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if self.filtered(lambda skp: skp.state != "draft" or skp.revision or skp.previous_id) and not self.env.su:
            raise UserError(_("Only a first draft SKP can be deleted; a signed SKP stays on record."))

    # ------------------------------------------------------------------------------------------
    # Snapshot of the parties (Lampiran I header)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_behavior_commands(self):
        """Seven lines, one per BerAKHLAK value (Pasal 9(3))."""
        return [fields.Command.create({"sequence": index, "value": code})
                for index, (code, _name, _behaviours) in enumerate(skp_rules.BERAKHLAK, start=1)]

    @api.model
    def _asn_tugas_belajar_commands(self):
        """The academic RHK every Format 5 SKP starts with (Pasal 14(2)-(3)); targets left to agree."""
        return [fields.Command.create({
            "sequence": index, "kind": "utama", "name": name,
            "iki_ids": [fields.Command.create({"aspect": aspect, "name": iki}) for aspect, iki in ikis],
        }) for index, (name, ikis) in enumerate(skp_rules.TUGAS_BELAJAR_RHK, start=1)]

    @api.model
    def _asn_format(self, employee, approach):
        department = employee.department_id
        heads_opd = bool(department) and department.asn_opd_id == department and department.manager_id == employee
        return skp_rules.skp_format(employee.asn_position_kind, heads_opd, employee.on_tugas_belajar, approach)

    @api.model
    def _asn_person_vals(self, prefix, employee, official=False):
        if not employee:
            return {"%s_%s" % (prefix, field): (official or False) if field == "name" else False
                    for field in PARTY_FIELDS}
        golongan = employee.asn_golongan
        if golongan and golongan.startswith("pppk_"):
            pangkat = dict(employee._fields["asn_golongan"]._description_selection(self.env)).get(golongan)
        elif golongan:
            pangkat = "%s, %s" % (dict(asn_data.PNS_GOLONGAN).get(golongan, ""), golongan)
        else:
            pangkat = False
        return {
            "%s_name" % prefix: employee.name,
            "%s_nip" % prefix: employee.nip or False,
            "%s_pangkat" % prefix: pangkat,
            "%s_jabatan" % prefix: employee.job_title or employee.job_id.name or False,
            "%s_unit" % prefix: employee.department_id.name or False,
            "%s_instansi" % prefix: employee.company_id.name or False,
        }

    @api.model
    def _asn_party_vals(self, employee, approach, memo=None):
        """Everything an SKP copies from its employee and their assessors at this moment. ``memo`` (a dict
        the caller keeps for one batch) reads each assessor once, not once per member of their team.
        ``approach`` None: the format is not decided (for copies of an existing SKP's parties)."""
        employee = employee.sudo()
        person_vals = self._asn_person_vals
        if memo is not None:
            def person_vals(prefix, person, official=False):
                key = (prefix, person.id, official)
                if key not in memo:
                    memo[key] = self._asn_person_vals(prefix, person, official)
                return memo[key]
        vals = {
            "department_id": employee.department_id.id,
            "opd_id": employee.department_id.asn_opd_id.id,
            "is_pppk": employee.asn_status == "pppk",
            "pejabat_penilai_id": employee.pejabat_penilai_id.id,
            "pejabat_penilai_official": employee.pejabat_penilai_official,
            "atasan_pejabat_penilai_id": employee.atasan_pejabat_penilai_id.id,
            "atasan_pejabat_penilai_official": employee.atasan_pejabat_penilai_official,
        }
        if approach is not None:
            vals["skp_format"] = self._asn_format(employee, approach)
        vals.update(self._asn_person_vals("employee", employee))
        vals.update(person_vals("penilai", employee.pejabat_penilai_id, employee.pejabat_penilai_official))
        vals.update(person_vals("atasan", employee.atasan_pejabat_penilai_id,
                                employee.atasan_pejabat_penilai_official))
        return vals

    def _asn_refresh_parties(self):
        """Take the snapshot again (on submitting and on setting): who signs is who holds the posts now.
        Only what changed is written, so setting a whole Perangkat Daerah costs no write per SKP."""
        memo = {}
        for skp in self:
            vals = self._asn_party_vals(skp.employee_id, skp.approach, memo)
            changed = {name: value for name, value in vals.items()
                       if skp._fields[name].convert_to_write(skp[name], skp) != value}
            if changed:
                skp.sudo().write(changed)

    def _asn_assessor_users(self, penilai_only=False):
        """Users who act as Pejabat Penilai Kinerja on this SKP: whoever it names, and the employee's
        current assessor (Pasal 26; after a Plt/Plh change the new one acts); with their atasan unless
        ``penilai_only``."""
        self.ensure_one()
        employees = self.pejabat_penilai_id | self.employee_id.pejabat_penilai_id
        if not penilai_only:
            employees |= self.atasan_pejabat_penilai_id | self.employee_id.atasan_pejabat_penilai_id
        return employees.sudo().user_id

    # ------------------------------------------------------------------------------------------
    # Workflow (Pasal 13)
    # ------------------------------------------------------------------------------------------
    def _check_skp_update(self, action):
        """One place for who may move an SKP: the employee signs (submits) their own; the Pejabat
        Penilai Kinerja sets or returns it (Pasal 13(3)); BKPSDM may act for either (e.g. when the
        assessor is the Wali Kota, who signs on paper). Nobody acts on an SKP they may not read (its
        Pemda: the multi-company rule; issue 9, finding 7)."""
        self.check_access("read")
        if self.env.su or self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin"):
            return
        is_opd_admin = self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin_opd")
        for skp in self:
            if action in ("submit", "revise", "month") and (skp.is_mine or (is_opd_admin and action == "submit")):
                continue
            # Pasal 13(3): the Pejabat Penilai Kinerja sets; leaders above may also follow up (Pasal 20)
            if action in ("set", "return", "review") and skp.is_penilai:
                continue
            if action in ("revise", "followup") and skp.is_assessor:
                continue
            raise AccessError(_("You may not do this on %s: it is for the employee and their Pejabat "
                                "Penilai Kinerja.", skp.display_name))

    def _asn_check_complete(self):
        """What Lampiran I needs filled before the employee signs."""
        for skp in self:
            utama = skp.rhk_ids.filtered(lambda rhk: rhk.kind == "utama")
            if not utama:
                raise UserError(_("%s needs at least one Rencana Hasil Kerja utama.", skp.display_name))
            for rhk in skp.rhk_ids:
                if not rhk.iki_ids:
                    raise UserError(_("The RHK \"%s\" needs at least one Indikator Kinerja Individu with a target.",
                                      rhk.name))
                if (skp_rules.needs_cascade(skp.skp_format) and rhk.kind == "utama" and skp.pejabat_penilai_id
                        and not rhk.parent_rhk_id):
                    raise UserError(_("The RHK \"%s\" must name the RHK of your Pejabat Penilai Kinerja it "
                                      "intervenes (Lampiran I, formats 3 and 4).", rhk.name))
            skp.iki_ids._asn_check_target_complete()
            if skp.is_pppk and not skp.perjanjian_kerja_ref:
                raise UserError(_("A PPPK's SKP refers to the perjanjian kerja (Pasal 7(2)): fill it in."))
            if not skp.pejabat_penilai_id and not skp.pejabat_penilai_official:
                raise UserError(_("%s has no Pejabat Penilai Kinerja yet; ask the BKPSDM administrator.",
                                  skp.employee_id.name))

    def action_submit(self):
        """The employee signs the SKP and sends it to the Pejabat Penilai Kinerja."""
        if self.filtered(lambda skp: skp.state != "draft"):
            raise UserError(_("Only a draft SKP can be submitted."))
        self._check_skp_update("submit")
        skps = self.sudo()
        skps._asn_refresh_parties()
        skps._asn_check_complete()
        skps._asn_workflow_write({"state": "submitted", "submit_date": fields.Date.context_today(self),
                                  "return_reason": False}, _("Signed by the employee and submitted."))
        skps._asn_schedule_for_assessor(lambda env, skp: env._("Set the SKP of %s", skp.employee_name))
        return True

    def action_return(self, reason):
        """The Pejabat Penilai Kinerja sends the SKP back to the employee with a reason."""
        if not (reason or "").strip():
            raise UserError(_("Say why the SKP goes back to the employee."))
        if self.filtered(lambda skp: skp.state != "submitted"):
            raise UserError(_("Only a submitted SKP can be returned."))
        self._check_skp_update("return")
        skps = self.sudo()
        skps._asn_workflow_write({"state": "draft", "return_reason": reason, "submit_date": False},
                                 _("Returned for revision: %s", reason))
        skps.activity_unlink(["mail.mail_activity_data_todo"])
        skps._asn_schedule_for_employee(lambda env, skp: env._("Revise your SKP: %s", reason))
        self._asn_mail("hr_asn_performance.mail_template_skp_returned", skps)
        return True

    def action_set(self):
        """The Pejabat Penilai Kinerja sets (menetapkan) the SKP: it is locked, months open, and the
        revision it replaces is closed. The form's button (one SKP); a selection from the list is set by a
        background job (``action_set_selected``), whose batches come here."""
        self._asn_check_set()
        skps = self.sudo()
        skps._asn_refresh_parties()
        skps._asn_check_complete()
        today = fields.Date.context_today(self)
        skps._asn_workflow_write({"state": "set", "set_date": today, "set_by_id": self.env.uid},
                                 _("Set (ditetapkan) by %s.", self.env.user.name))
        skps.previous_id.filtered(lambda skp: skp.state == "set" and skp.next_ids & skps)._asn_close("revision", today)
        skps.env["hr.asn.skp.month"]._asn_open_months(skps)
        skps.activity_unlink(["mail.mail_activity_data_todo"])
        self._asn_mail("hr_asn_performance.mail_template_skp_set", skps)
        return True

    def _asn_check_set(self):
        """What setting needs, checked before anything is written: submitted SKPs, and the user is their
        Pejabat Penilai Kinerja (or BKPSDM)."""
        if self.filtered(lambda skp: skp.state != "submitted"):
            raise UserError(_("Only a submitted SKP can be set."))
        self._check_skp_update("set")

    def action_set_selected(self):
        """The SKP list's "Set (Tetapkan) Selected SKP": checked now (state, role, what Lampiran I needs), so
        that a wrong selection is refused at once; set by a background job in batches (issue 13: a city's
        SKPs are no request to wait on), each batch as the user who queued it, through ``action_set``."""
        if not self:
            raise UserError(_("Select the SKPs to set."))
        self._asn_check_set()
        self.sudo()._asn_check_complete()
        jobs = self.env["hr.asn.job"]._asn_enqueue(
            self, "_asn_job_set", _("Set %s SKP (Tetapkan)", len(self)), batch_size=SET_BATCH_SIZE, lanes=2)
        return self._asn_job_started(jobs, _(
            "%s SKP are set in the background. You are told when it is done; the job shows the progress.",
            len(self)))

    def _asn_job_set(self):
        """Background job step (hr.asn.job) of ``action_set_selected``: set the SKPs of this batch that are
        still submitted, with every check of ``action_set``; one set or returned meanwhile is left as it is
        (nothing is set twice, also when a failed job is retried). The chatter notes in the user's
        language, as from the form (the cron's environment has none)."""
        skps = self.with_context(lang=self.env.user.lang).filtered(lambda skp: skp.state == "submitted")
        return skps.action_set() if skps else True

    @api.model
    def _asn_job_started(self, jobs, message):
        """The notification a list's action returns once its background job is queued, then the job(s),
        where the user follows the progress."""
        if len(jobs) == 1:
            job_action = {"type": "ir.actions.act_window", "res_model": "hr.asn.job", "res_id": jobs.id,
                          "views": [[False, "form"]]}
        else:
            job_action = {"type": "ir.actions.act_window", "res_model": "hr.asn.job", "name": _("Background Jobs"),
                          "domain": [("id", "in", jobs.ids)], "views": [[False, "list"], [False, "form"]]}
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": "info", "title": jobs[:1].name, "message": message, "sticky": False,
                       "next": job_action},
        }

    @api.model
    def _asn_mail(self, xmlid, records):
        """Tell the employee of ``records`` (SKPs, months, Umpan Balik: each has ``employee_id``) by
        e-mail through Odoo's mail queue (issue 12): one mail.mail per record, rendered in one batch by
        the template ``xmlid``, in the recipient's language, to the partner of the employee's user (else
        their work contact), with the record's chatter keeping the message. Records whose employee has
        no address get none. As the superuser: the caller decided who may act."""
        template = self.env.ref(xmlid, raise_if_not_found=False)
        records = records.sudo().filtered(
            lambda record: (record.employee_id.user_id.partner_id or record.employee_id.work_contact_id).email)
        if not template or not records:
            return self.env["mail.mail"]
        return template.sudo()._asn_send_mail_batch(records.ids, "mail.mail_notification_light")

    def _asn_workflow_write(self, values, note):
        """Move a batch of SKPs: one UPDATE and one batch of chatter notes (state tracking would post
        a message per SKP). As the superuser: the action checked the role (_check_skp_update)."""
        self.sudo().with_context(tracking_disable=True).write(values)
        label = dict(self._fields["state"]._description_selection(self.env)).get(values.get("state"), "")
        self._message_log_batch(bodies={skp.id: "%s: %s" % (label, note) for skp in self})

    def action_new_revision(self, reason):
        """Pasal 13(2), 20(4)-(5): a set SKP changes through a new revision; the set one stays valid
        (and readable) until the new one is set."""
        if not (reason or "").strip():
            raise UserError(_("Say why the SKP changes."))
        if self.filtered(lambda skp: skp.state != "set"):
            raise UserError(_("Only a set SKP can be revised; a draft can simply be edited."))
        if self.next_ids.filtered(lambda skp: skp.state in ("draft", "submitted")):
            raise UserError(_("A revision of this SKP is already being prepared."))
        self._check_skp_update("revise")
        revisions = self.env["hr.asn.skp"].sudo()
        for skp in self.sudo():
            revisions |= skp._asn_copy_as_revision(reason)
        revisions._message_log_batch(bodies={
            revision.id: self.env._("Revision of %(skp)s: %(reason)s", skp=revision.previous_id.display_name,
                                    reason=reason)
            for revision in revisions})
        return revisions.with_env(self.env)

    def _asn_copy_as_revision(self, reason):
        self.ensure_one()
        revision = self.sudo().copy({
            "revision": self.revision + 1,
            "previous_id": self.id,
            "revision_reason": reason,
            "behavior_ids": [fields.Command.create({"sequence": b.sequence, "value": b.value,
                                                    "special_expectation": b.special_expectation})
                             for b in self.behavior_ids],
            "support_ids": [fields.Command.create({"sequence": s.sequence, "kind": s.kind, "name": s.name})
                            for s in self.support_ids],
        })
        for rhk in self.rhk_ids:
            rhk.sudo().copy({"skp_id": revision.id, "origin_id": rhk.id})
        return revision

    def _asn_close(self, reason, close_date):
        """Close open SKPs on ``close_date`` (mutation, promotion, revision, end of year). Realisasi
        and feedback move to the revision that replaces them; otherwise they stay with the closed SKP."""
        if not self:
            return
        for skp in self:
            values = {"state": "closed", "closing_reason": reason, "close_date": close_date}
            if skp.state == "set" and reason != "revision":
                values["date_to"] = max(skp.date_from, min(close_date, skp.date_to))
                # months after the last one the SKP covers go: the next SKP documents them
                skp.month_ids.filtered(
                    lambda m, end=values["date_to"]: (m.year, m.month) > (end.year, end.month)
                ).sudo().unlink()
            skp.sudo().write(values)
            replacement = skp.next_ids.filtered(lambda s: s.state == "set")[:1]
            if reason == "revision" and replacement:
                skp._asn_carry_over(replacement)
        self._message_log_batch(bodies=dict.fromkeys(self.ids, _("Closed: %s", self._asn_closing_label(reason))))
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def _asn_closing_label(self, reason):
        return dict(self._fields["closing_reason"]._description_selection(self.env))[reason]

    def _asn_log(self, entries):
        """Chatter notes in one batch (``_message_log_batch``): ``entries`` are (SKP, text); the texts of
        one SKP share its note, a line each. As the superuser: the caller checked the role."""
        texts = defaultdict(list)
        for skp, text in entries:
            texts[skp.id].append(text)
        self.sudo().browse(list(texts))._message_log_batch(
            bodies={skp_id: Markup("<br/>").join(lines) for skp_id, lines in texts.items()})

    def _asn_carry_over(self, revision):
        """The months, feedback and follow-ups of the year move to the revision that replaces this SKP,
        re-pointed to the copies of their RHK/IKI (a revision keeps the period; only the plan changes)."""
        rhk_map = {rhk.origin_id.id: rhk.id for rhk in revision.rhk_ids if rhk.origin_id}
        iki_map = {iki.origin_id.id: iki.id for iki in revision.iki_ids if iki.origin_id}
        unlocked = self.sudo()  # the workflow moves them, past the locks and the parent links
        moved = set(unlocked.month_ids.mapped("month"))
        revision.sudo().month_ids.filtered(lambda month: month.month in moved).unlink()
        unlocked.month_ids.write({"skp_id": revision.id})
        for line in unlocked.env["hr.asn.skp.month.line"].search([("month_id.skp_id", "=", revision.id)]):
            if line.iki_id.id in iki_map:
                line.write({"iki_id": iki_map[line.iki_id.id]})
        for record in list(unlocked.feedback_ids) + list(unlocked.followup_ids):
            record.write({"skp_id": revision.id, "rhk_id": rhk_map.get(record.rhk_id.id, record.rhk_id.id)})

    # ------------------------------------------------------------------------------------------
    # Activities (deadlines of Pasal 13(1) and the monthly timeline)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_schedule(self, entries):
        """To-do activities in one create: ``entries`` are (record, user, summary, deadline); no user,
        no activity (the Wali Kota signs on paper). No notification mail per activity. ``summary(env,
        record)`` gives the text in the language of ``env``: the recipient's (``user.lang``), not the
        language of who acts (OdooBot, en_US, for the daily job); one environment per language."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        envs = {}
        vals_list = []
        for record, user, summary, deadline in entries:
            if not user:
                continue
            lang = user.lang or "en_US"
            if lang not in envs:
                envs[lang] = self.sudo().with_context(lang=lang).env
            vals_list.append({
                "res_model_id": self.env["ir.model"]._get_id(record._name),
                "res_id": record.id,
                "activity_type_id": todo.id,
                "summary": summary(envs[lang], record.with_env(envs[lang])),
                "user_id": user.id,
                "date_deadline": deadline or fields.Date.context_today(self),
                "automated": True,
            })
        return self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals_list)

    def _asn_schedule_for_assessor(self, summary):
        """To-dos for the Pejabat Penilai Kinerja; ``summary(env, skp)`` as in ``_asn_schedule``. Due on the
        SKP's deadline (Pasal 13(1)), or today when it comes later than that (issue 12: a to-do created in
        December read "304 days late"; the SKP itself shows it is overdue)."""
        today = fields.Date.context_today(self)
        self._asn_schedule([(skp, skp.pejabat_penilai_id.user_id, summary, max(skp.deadline or today, today))
                            for skp in self])

    def _asn_schedule_for_employee(self, summary, date_deadline=None):
        """To-dos for the employee; ``summary(env, skp)`` as in ``_asn_schedule``."""
        self._asn_schedule([(skp, skp.employee_id.user_id, summary, date_deadline or skp.deadline) for skp in self])

    @api.model
    def _cron_remind(self):
        """Daily: remind who is late. Draft SKPs past their deadline remind the employee, submitted
        ones the Pejabat Penilai Kinerja (Pasal 13(1)); late months remind as the month model says;
        monthly deadlines coming are e-mailed to the employee (issue 12)."""
        overdue = self.search([("is_overdue", "=", True)])
        with_activity = overdue.filtered("activity_ids")
        (overdue - with_activity).filtered(lambda s: s.state == "draft")._asn_schedule_for_employee(
            lambda env, skp: env._("Your SKP is overdue: submit it to your Pejabat Penilai Kinerja"))
        (overdue - with_activity).filtered(lambda s: s.state == "submitted")._asn_schedule_for_assessor(
            lambda env, skp: env._("Overdue: set the SKP of %s", skp.employee_name))
        self.env["hr.asn.skp.month"]._asn_remind_late()
        self.env["hr.asn.skp.month"]._asn_remind_coming()

    # ------------------------------------------------------------------------------------------
    # Batch creation (one Perangkat Daerah at a time) and mutation (Semarang seed 002)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_create_for_employees(self, employees, year, approach="kualitatif"):
        """Draft SKPs for the employees who have no open SKP of ``year`` yet, in one create."""
        existing = self.search([("employee_id", "in", employees.ids), ("year", "=", year),
                                ("state", "!=", "closed")]).employee_id
        todo = employees - existing
        return self.create([{"employee_id": employee.id, "year": year, "approach": approach} for employee in todo])

    @api.model
    def action_create_for_employees(self, employees):
        """Button of the employee list: draft SKPs of this year for the selected employees, made by a
        background job in batches (issue 13); who may not is refused at once, and every batch checks again
        as the user who queued it (hr.employee ``_asn_job_create_skp``). The year is the one of the day
        the job runs."""
        if not employees:
            raise UserError(_("Select the employees who need a draft SKP."))
        self._asn_check_create_for(employees)
        year = fields.Date.context_today(self).year
        job = self.env["hr.asn.job"]._asn_enqueue(
            employees, "_asn_job_create_skp", _("Create the draft SKP %(year)s of %(count)s employees",
                                                 year=year, count=len(employees)), batch_size=CREATE_BATCH_SIZE)
        return self._asn_job_started(job, _(
            "The draft SKPs are created in the background; employees who have one already get none. You are "
            "told when it is done."))

    @api.model
    def _asn_check_create_for(self, employees):
        if not self.env.user.has_group("hr_asn_performance.group_hr_asn_performance_admin_opd"):
            raise AccessError(_("Only a Kepegawaian administrator creates SKPs for others."))
        employees.check_access("write")  # within the administrator's Perangkat Daerah

    @api.model
    def _asn_create_drafts(self, employees):
        """Draft SKPs of this year for ``employees`` who have none, if the user may create them."""
        self._asn_check_create_for(employees)
        return self.sudo()._asn_create_for_employees(employees, fields.Date.context_today(self).year)

    @api.model
    def _asn_on_position_change(self, employees, reason, change_date=None):
        """Mutation or promotion: the open SKP of the year is closed the day before, a new draft SKP
        opens in the new unit with the new assessor; drafts just follow (nothing was signed yet)."""
        change_date = change_date or fields.Date.context_today(self)
        skps = self.sudo().search([("employee_id", "in", employees.ids), ("year", "=", change_date.year),
                                   ("state", "in", ("draft", "submitted", "set"))])
        drafts = skps.filtered(lambda skp: skp.state == "draft")
        drafts._asn_refresh_parties()
        signed = skps - drafts
        day_before = change_date - datetime.timedelta(days=1)
        for close_on, closing in groupby(signed, lambda skp: max(skp.date_from, day_before)):
            self.sudo().union(*closing)._asn_close(reason, close_on)
        new = self.sudo().create([{"employee_id": skp.employee_id.id, "year": skp.year, "approach": skp.approach,
                                   "date_from": change_date, "previous_id": skp.id}
                                  for skp in signed if change_date <= skp_rules.year_bounds(skp.year)[1]])
        label = self._asn_closing_label(reason)
        new._message_log_batch(bodies={
            skp.id: self.env._("Opened for the new position (%(reason)s); previous SKP: %(previous)s",
                               reason=label, previous=skp.previous_id.display_name) for skp in new})
        new._asn_schedule_for_employee(lambda env, skp: env._("Draft your SKP for your new position"))
        return new

    # ------------------------------------------------------------------------------------------
    # What the evaluation reads (Pasal 23-24: realisasi, Umpan Balik, the takeover notes of Pasal 20(8))
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_current_domain(self):
        """The set SKP covering today: the one feedback and monthly work go to."""
        today = fields.Date.context_today(self)
        return [("state", "=", "set"), ("date_from", "<=", today), ("date_to", ">=", today)]

    @api.model
    def _asn_current_for(self, employee):
        """The set SKP of ``employee`` covering today, read as superuser (colleagues cannot read it)."""
        return self.sudo().search([("employee_id", "=", employee.id)] + self._asn_current_domain(), limit=1)

    @api.model
    def _asn_year_record(self, employees, year):
        """{employee id: {"skps", "current", "taken_over", "feedback", "months"}} for ``year``, read as
        superuser (the caller decides who may see it) in a fixed number of queries: every SKP of the year
        (closed revisions and positions included, oldest first), the last set one, the RHK taken over
        with their notes, the feedback received and the months with their state."""
        skps = self.sudo().search([("employee_id", "in", employees.ids), ("year", "=", year),
                                   ("state", "in", ("set", "closed"))], order="date_from, revision, id")
        rhks = self.env["hr.asn.skp.rhk"].sudo().search([("skp_id", "in", skps.ids), ("taken_over", "=", True)])
        feedback = self.env["hr.asn.skp.feedback"].sudo().search([("skp_id", "in", skps.ids)], order="date, id")
        months = self.env["hr.asn.skp.month"].sudo().search([("skp_id", "in", skps.ids)], order="month")
        record = {employee.id: {"skps": self.browse(), "current": self.browse(), "taken_over": rhks.browse(),
                                "feedback": feedback.browse(), "months": months.browse()} for employee in employees}
        for skp in skps:
            entry = record[skp.employee_id.id]
            entry["skps"] |= skp
            if skp.state == "set":
                entry["current"] = skp
        for rhk in rhks:
            entry = record[rhk.employee_id.id]
            # a revision copies the takeover: one note per RHK, from the latest revision holding it
            if rhk.takeover_note not in entry["taken_over"].mapped("takeover_note"):
                entry["taken_over"] |= rhk
        for line in feedback:
            record[line.employee_id.id]["feedback"] |= line
        for month in months:
            record[month.employee_id.id]["months"] |= month
        return record

    # ------------------------------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------------------------------
    def _asn_reason_wizard(self, action):
        """The dialog asking why, titled with the wizard's action in the user's language (a translated
        selection label of the database, as the dialog's own field shows it)."""
        wizard = self.env["hr.asn.skp.reason"]
        return {
            "type": "ir.actions.act_window",
            "name": dict(wizard._fields["action"]._description_selection(self.env))[action],
            "res_model": "hr.asn.skp.reason",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_ids": self.ids, "default_action": action},
        }

    def action_open_return(self):
        return self._asn_reason_wizard("return")

    def action_open_revision(self):
        return self._asn_reason_wizard("revise")

    def action_delete_draft(self):
        """The form's own delete (the form offers no "Delete" to who may not, e.g. the Pejabat Penilai)."""
        mine = all(skp.is_mine for skp in self)
        self.unlink()
        return self.env["ir.actions.act_window"]._for_xml_id(
            "hr_asn_performance.hr_asn_skp_action_mine" if mine else "hr_asn_performance.hr_asn_skp_action")

    def action_print(self):
        return self.env.ref("hr_asn_performance.hr_asn_skp_report").report_action(self)

    def action_open_feedback(self):
        self.ensure_one()
        return self._asn_list_action(_("Umpan Balik Berkelanjutan"), "hr.asn.skp.feedback",
                                     [("skp_id", "=", self.id)], {"default_skp_id": self.id})

    @api.model
    def _asn_list_action(self, name, res_model, domain, context=None):
        return {"type": "ir.actions.act_window", "name": name, "res_model": res_model, "view_mode": "list,form",
                "domain": domain, "context": context or {}}

    # ------------------------------------------------------------------------------------------
    # What waits for the employee on the portal (issue 12: notifications where people are)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_todos(self, employees):
        """What waits for ``employees`` (the portal user's own) on the portal home and on /my/skp: a list
        of dicts {kind, title, note, url, date, late, todo}; ``todo`` items ask for an action (a draft or
        returned SKP, a reopened month, targets and realisasi due), the others are news of the last
        ``TODO_NEWS_DAYS`` days (SKP set, month reviewed, Umpan Balik received). Actions first, by date.
        Read as the superuser in three queries: the caller passes only the user's own employees. Texts in
        the language of ``self.env``."""
        env = self.env
        today = fields.Date.context_today(self)
        since = today - datetime.timedelta(days=TODO_NEWS_DAYS)
        skps = self.sudo().search([("employee_id", "in", employees.ids), ("state", "in", ("draft", "set"))])
        current = skps.filtered(lambda skp: skp.state == "set")
        months = env["hr.asn.skp.month"].sudo().search([
            ("skp_id", "in", current.ids), "|", ("state", "=", "open"), ("review_date", ">=", since)])
        feedback = env["hr.asn.skp.feedback"].sudo().search([("skp_id", "in", current.ids), ("date", ">=", since)])
        items = []

        def add(kind, title, url, date=False, note=False, todo=True):
            items.append({"kind": kind, "title": title, "url": url, "date": date, "note": note, "todo": todo,
                          "late": bool(todo and date and date < today)})

        for skp in skps:
            url = "/my/skp/%s" % skp.id
            if skp.state == "draft" and skp.return_reason:
                add("returned", env._("Your SKP %s was returned: revise it and submit it again", skp.year), url,
                    skp.deadline, skp.return_reason)
            elif skp.state == "draft":
                add("draft", env._("Complete your SKP %s and submit it to your Pejabat Penilai Kinerja", skp.year),
                    url, skp.deadline)
            elif skp.set_date and skp.set_date >= since:
                add("set", env._("Your SKP %s is set (ditetapkan): record your realisasi every month", skp.year),
                    url, skp.set_date, todo=False)
        for month in months:
            url = "/my/skp/%s/month/%s" % (month.skp_id.id, month.id)
            name = month._asn_month_name(env)
            if month.state == "reviewed":
                add("reviewed", env._("%s was reviewed by your Pejabat Penilai Kinerja", name), url,
                    month.review_date, month.review_note, todo=False)
                continue
            soon = today + datetime.timedelta(days=month.company_id.asn_reminder_days)
            if not month.plan_date and month.plan_deadline <= soon:
                add("plan", env._("Confirm the targets of %s", name), url, month.plan_deadline)
            if month.reopen_reason:
                add("reopened", env._("%s was reopened: correct the realisasi and report it again", name), url,
                    month.realisasi_deadline, month.reopen_reason)
            elif month.report_open_date <= today:
                add("report", env._("Report the realisasi of %s", name), url, month.realisasi_deadline)
        for line in feedback:
            add("feedback", env._("Umpan Balik from %s", line.giver_id.name or line.giver_name or "-"),
                "/my/skp/%s" % line.skp_id.id, line.date, line.name, todo=False)
        actions = sorted((item for item in items if item["todo"]), key=lambda item: item["date"] or today)
        news = sorted((item for item in items if not item["todo"]), key=lambda item: item["date"] or today,
                      reverse=True)
        return actions + news
