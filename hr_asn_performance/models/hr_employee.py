import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from ..rules import asn_data, lampiran2, periods
from ..rules import nip as nip_rules

_logger = logging.getLogger(__name__)

# What a resolved flag means, for the readable reason (Perwal Bekasi 38/2023 Pasal 26).
ASSESSOR_SOURCES = [
    ("lampiran2", "Lampiran II"),
    ("pasal26", "Atasan langsung (Pasal 26 ayat 1)"),
    ("override", "Override by BKPSDM"),
    ("unresolved", "Not resolved"),
]

# Fields written by the recomputation, in the order of the SQL update below.
ASSESSOR_FIELDS = (
    "pejabat_penilai_id",
    "pejabat_penilai_official",
    "atasan_pejabat_penilai_id",
    "atasan_pejabat_penilai_official",
    "lampiran2_row_id",
    "assessor_flags",
    "assessor_source",
)

# Changes to these employee fields can change somebody's assessor.
ORG_FIELDS = {"department_id", "active", "company_id", "asn_special_role", "assessor_override",
              "override_penilai_id", "override_atasan_id"}


# Written by the recomputation and derived from the NIP: never by a caller (issue 9, finding 5). BKPSDM
# changes an assessor through the override fields, with a reason kept in the chatter.
RESOLVER_OWNED_FIELDS = frozenset(ASSESSOR_FIELDS) | {"lampiran2_row", "assessee_ids"}
NIP_PART_FIELDS = frozenset({"nip_birth_date", "nip_appointment_year", "nip_appointment_month", "nip_gender",
                             "nip_sequence"})

# ASN data colleagues may not see (core's test_employee_fields_groups: what is not mirrored on
# hr.employee.public carries a group); what they may see is mirrored there (README, Roles).
PRIVATE_GROUPS = "hr.group_hr_user,hr_asn_performance.group_hr_asn_performance_admin_opd"


def skip_recompute(env):
    """Whether to defer the assessor recomputation: only for loading data as the superuser (demo XML,
    tests, bench), which recompute once at the end; an RPC caller sets any context key it likes."""
    return env.su and env.context.get("hr_asn_no_recompute")


# Changes to these make a new position: the open SKP closes and a new one opens (Pasal 13(2)).
POSITION_FIELDS = {"department_id", "job_id", "job_title", "asn_position_kind"}


class HrEmployee(models.Model):
    _inherit = "hr.employee"
    # what hr.asn.job may run on batches of employees (models/hr_asn_job.py)
    _asn_job_methods = ("_asn_recompute_assessors_job", "_asn_job_create_skp")

    # ASN data (UU 20/2023 on ASN; NIP per Peraturan BKN)
    # no ``size``: Odoo would cut a 19-digit NIP to 18 and store another one; _asn_check_nip refuses it
    nip = fields.Char(string="NIP", index=True, tracking=True, copy=False, help="Nomor Induk Pegawai: 18 digits.")
    # the unit's own name ("Seksi Pelayanan Kesehatan Rujukan"), not its path: the lists of assessors show it
    # beside the NIP (issue 12: the full path hid the NIP); mirrored on hr.employee.public
    asn_unit_name = fields.Char(related="department_id.name", string="Unit Kerja")
    nip_birth_date = fields.Date(string="Birth Date (from NIP)", compute="_compute_nip_parts", store=True,
                                 groups=PRIVATE_GROUPS)
    nip_appointment_year = fields.Integer(string="Appointment Year (from NIP)", compute="_compute_nip_parts",
                                          store=True, help="TMT CPNS year, or year of appointment as PPPK.",
                                          groups=PRIVATE_GROUPS)
    nip_appointment_month = fields.Integer(string="TMT CPNS Month (from NIP)", compute="_compute_nip_parts",
                                           store=True, groups=PRIVATE_GROUPS)
    nip_gender = fields.Selection([("male", "Male"), ("female", "Female")], string="Gender (from NIP)",
                                  compute="_compute_nip_parts", store=True, groups=PRIVATE_GROUPS)
    nip_sequence = fields.Integer(string="Sequence (from NIP)", compute="_compute_nip_parts", store=True,
                                  groups=PRIVATE_GROUPS)
    asn_status = fields.Selection(list(asn_data.ASN_STATUSES), string="ASN Status", tracking=True)
    asn_golongan = fields.Selection(asn_data.golongan_selection(), string="Pangkat/Golongan", tracking=True)
    asn_position_kind = fields.Selection(list(asn_data.POSITION_KINDS), string="Kind of Position", tracking=True)
    asn_jenjang = fields.Selection(list(asn_data.JENJANG), string="Jenjang", tracking=True)
    asn_special_role = fields.Selection(
        list(asn_data.SPECIAL_ROLES), string="Lampiran II Special Case", tracking=True,
        help="Employees Lampiran II assesses apart from their unit (rows 6.h, 6.o-6.q).",
    )
    # Tugas belajar (Perwal Bekasi 38/2023 Pasal 14: SKP Format 5)
    tb_date_from = fields.Date(string="Tugas Belajar From", tracking=True)
    tb_date_to = fields.Date(string="Tugas Belajar To", tracking=True)
    tb_institution = fields.Char(string="Tugas Belajar Institution", groups=PRIVATE_GROUPS)
    on_tugas_belajar = fields.Boolean(compute="_compute_on_tugas_belajar",
                                      search="_search_on_tugas_belajar")
    acting_assignment_ids = fields.One2many("hr.asn.acting.assignment", "employee_id", string="Plt/Plh Assignments",
                                            groups=PRIVATE_GROUPS)

    # Pejabat Penilai Kinerja and Atasan Pejabat Penilai (Pasal 26, Lampiran II); written by
    # _asn_recompute_assessors only.
    pejabat_penilai_id = fields.Many2one("hr.employee", string="Pejabat Penilai Kinerja", readonly=True,
                                         index=True, copy=False)
    pejabat_penilai_official = fields.Char(string="Pejabat Penilai Kinerja (Head of Region)", readonly=True,
                                           copy=False)
    atasan_pejabat_penilai_id = fields.Many2one("hr.employee", readonly=True,
                                                index=True, copy=False)
    atasan_pejabat_penilai_official = fields.Char(string="Atasan Pejabat Penilai (Head of Region)",
                                                  readonly=True, copy=False)
    lampiran2_row_id = fields.Many2one("hr.asn.lampiran2.row", string="Lampiran II Row", readonly=True,
                                       copy=False)
    lampiran2_row = fields.Char(related="lampiran2_row_id.code", string="Lampiran II", store=True)
    assessor_flags = fields.Char(readonly=True, copy=False)
    assessor_source = fields.Selection(ASSESSOR_SOURCES, string="Assessor Decided By", readonly=True, copy=False)
    assessor_reason = fields.Text(string="Why this Assessor", compute="_compute_assessor_reason")
    assessee_ids = fields.One2many("hr.employee", "pejabat_penilai_id", string="Assessed Employees")

    # Override by BKPSDM, kept in the chatter.
    assessor_override = fields.Boolean(string="Override Assessor", tracking=True, copy=False,
                                       groups="hr_asn_performance.group_hr_asn_performance_admin")
    override_penilai_id = fields.Many2one("hr.employee", string="Override Pejabat Penilai", tracking=True,
                                          copy=False, groups="hr_asn_performance.group_hr_asn_performance_admin")
    override_atasan_id = fields.Many2one("hr.employee", string="Override Atasan Pejabat Penilai", tracking=True,
                                         copy=False, groups="hr_asn_performance.group_hr_asn_performance_admin")
    override_reason = fields.Text(tracking=True, copy=False,
                                  groups="hr_asn_performance.group_hr_asn_performance_admin")

    _sql_constraints = [
        ("nip_company_uniq", "unique(nip, company_id)", "Another employee of this company has this NIP."),
    ]

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    @api.depends("nip")
    def _compute_nip_parts(self):
        for employee in self:
            try:
                parsed = nip_rules.parse(employee.nip) if employee.nip else None
            except nip_rules.NipError:
                parsed = None  # _check_nip refuses it with the reason
            employee.nip_birth_date = parsed.birth_date if parsed else False
            employee.nip_appointment_year = parsed.appointment_year if parsed else 0
            employee.nip_appointment_month = parsed.appointment_month if parsed else 0
            employee.nip_gender = parsed.gender if parsed else False
            employee.nip_sequence = parsed.sequence if parsed else 0

    @api.depends("tb_date_from", "tb_date_to")
    @api.depends_context("date")
    def _compute_on_tugas_belajar(self):
        today = fields.Date.context_today(self)
        for employee in self:
            employee.on_tugas_belajar = periods.covers(employee.tb_date_from, employee.tb_date_to, today)

    def _search_on_tugas_belajar(self, operator, value):
        today = fields.Date.context_today(self)
        return periods.domain("tb_date_from", "tb_date_to", today, inside=(operator == "=") == bool(value))

    @api.depends("assessor_flags", "assessor_source", "lampiran2_row_id")
    def _compute_assessor_reason(self):
        for employee in self:
            employee.assessor_reason = employee._asn_assessor_reason()

    def _asn_assessor_reason(self):
        """A sentence a user can check against Lampiran II (Perwal Bekasi 38/2023 Pasal 26)."""
        flags = set((self.assessor_flags or "").split(","))
        parts = []
        row = self.sudo().lampiran2_row_id
        if self.assessor_source == "override":
            parts.append(_("Set by BKPSDM as an override of Lampiran II."))
        if row:
            parts.append(_("Lampiran II row %(code)s (%(subject)s): Pejabat Penilai %(penilai)s, "
                           "Atasan Pejabat Penilai %(atasan)s.",
                           code=row.code, subject=row.subject, penilai=row.penilai_label, atasan=row.atasan_label))
        messages = {
            lampiran2.FLAG_ALTERNATIVE: _("The first post the row names does not exist in this unit, "
                                          "so the second one applies."),
            lampiran2.FLAG_PENILAI_ACTING: _("The Pejabat Penilai acts as Plt/Plh (Pasal 26 ayat 2)."),
            lampiran2.FLAG_ATASAN_ACTING: _("The Atasan Pejabat Penilai acts as Plt/Plh (Pasal 26 ayat 2)."),
            lampiran2.FLAG_PENILAI_VACANT: _("The Pejabat Penilai's post is vacant without Plt/Plh, so the "
                                             "officials above it assess (Pasal 26 ayat 3)."),
            lampiran2.FLAG_ATASAN_VACANT: _("The Atasan Pejabat Penilai's post is vacant without Plt/Plh, so "
                                            "the official above it takes its place (Pasal 26 ayat 3)."),
            lampiran2.FLAG_NO_ROW: _("No row of Lampiran II fits this position: the head of the unit directly "
                                     "above assesses (Pasal 26 ayat 1)."),
            lampiran2.FLAG_NO_UNIT: _("The employee is not placed in a unit of a Perangkat Daerah."),
            lampiran2.FLAG_UNRESOLVED: _("A post this row names does not exist in the organisation: "
                                         "complete the organisation or override."),
        }
        parts += [message for flag, message in messages.items() if flag in flags]
        return "\n".join(parts)

    # ------------------------------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------------------------------
    @api.constrains("nip", "asn_status")
    def _check_nip(self):
        for employee in self.filtered("nip"):
            parsed = self._asn_parse_nip(employee.name, employee.nip)
            if employee.asn_status and parsed.is_pppk != (employee.asn_status == "pppk"):
                raise ValidationError(_(
                    "%(employee)s: NIP %(nip)s is the %(form)s form, which does not fit ASN status %(status)s "
                    "(a PPPK NIP carries 21 in digits 13-14).",
                    employee=employee.name, nip=employee.nip, form="PPPK" if parsed.is_pppk else "PNS",
                    status=dict(asn_data.ASN_STATUSES)[employee.asn_status],
                ))

    @api.model
    def _asn_parse_nip(self, name, number):
        """The parts of a NIP, or the rule's refusal as a ValidationError naming the wrong part."""
        try:
            return nip_rules.parse(number)
        except nip_rules.NipError as error:
            raise ValidationError(self._asn_nip_error_message(name, number, error)) from None

    @api.model
    def _asn_check_nip_free(self, entries):
        """``entries``: (nip, company id, employee id or None); refuse a NIP held twice, before the
        INSERT/UPDATE, so that nobody meets the raw error of the SQL constraint that backs this up."""
        if not entries:
            return
        holders = {}
        others = self.sudo().with_context(active_test=False).search_fetch(
            [("nip", "in", [entry[0] for entry in entries]),
             ("company_id", "in", list({entry[1] for entry in entries}))],
            ["nip", "company_id", "name"],
        )
        for other in others:
            holders[(other.nip, other.company_id.id)] = (other.id, other.name)
        for number, company_id, employee_id in entries:
            holder = holders.get((number, company_id))
            if holder and holder[0] != employee_id:
                raise ValidationError(_("%(other)s already has NIP %(nip)s.", other=holder[1], nip=number))
            holders[(number, company_id)] = (employee_id, _("another employee of this batch"))

    @api.model
    def _asn_nip_error_message(self, name, number, error):
        shown = number if len(number) <= 40 else number[:40] + "…"
        messages = {
            "format": _("a NIP has digits 0-9 only, not %s", repr(error.found)),
            "length": _("a NIP has 18 digits, this one has %s", error.found),
            "birth_date": _("digits 1-8 (date of birth, YYYYMMDD) are not a valid date: %s", error.found),
            "appointment": _("digits 9-14 (TMT CPNS year and month, or year and 21 for PPPK) are not "
                             "possible: %s", error.found),
            "gender": _("digit 15 (gender) must be 1 (male) or 2 (female), not %s", error.found),
            "sequence": _("digits 16-18 (sequence number) cannot be 000"),
        }
        return _("The NIP %(nip)s of %(employee)s is not valid: %(reason)s.",
                 nip=shown, employee=name or _("the new employee"), reason=messages[error.part])

    @api.constrains("asn_status", "asn_golongan")
    def _check_golongan(self):
        for employee in self:
            if not asn_data.golongan_fits_status(employee.asn_golongan, employee.asn_status):
                raise ValidationError(_(
                    "%s: PNS and CPNS hold a golongan I/a-IV/e, PPPK a golongan I-XVII.", employee.name))

    @api.constrains("asn_position_kind", "asn_jenjang")
    def _check_jenjang(self):
        for employee in self.filtered("asn_jenjang"):
            allowed = asn_data.JENJANG_BY_KIND.get(employee.asn_position_kind, set())
            if employee.asn_jenjang not in allowed:
                raise ValidationError(_("%s: this jenjang does not belong to the kind of position.", employee.name))

    @api.constrains("tb_date_from", "tb_date_to")
    def _check_tugas_belajar(self):
        for employee in self:
            if employee.tb_date_to and (not employee.tb_date_from or employee.tb_date_to < employee.tb_date_from):
                raise ValidationError(_("%s: tugas belajar must start before it ends.", employee.name))

    @api.constrains("assessor_override", "override_penilai_id", "override_atasan_id", "override_reason")
    def _check_assessor_override(self):
        for employee in self.sudo().filtered("assessor_override"):
            if not employee.override_penilai_id or not (employee.override_reason or "").strip():
                raise ValidationError(_("An override of the assessor of %s needs the Pejabat Penilai and a reason.",
                                        employee.name))
            if employee in (employee.override_penilai_id | employee.override_atasan_id):
                raise ValidationError(_("%s cannot assess themselves.", employee.name))
            # Walk up the chain of assessors: it must not come back to this employee.
            current, seen = employee.override_penilai_id, set()
            while current and current.id not in seen:
                seen.add(current.id)
                next_up = current.override_penilai_id if current.assessor_override else current.pejabat_penilai_id
                if next_up == employee:
                    raise ValidationError(_(
                        "Making %(assessor)s the Pejabat Penilai of %(employee)s would make a cycle: "
                        "%(employee)s already assesses %(assessor)s, directly or through others.",
                        assessor=employee.override_penilai_id.name, employee=employee.name))
                current = next_up

    # ------------------------------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._asn_check_owned_fields(vals)
        for vals in vals_list:
            if "nip" in vals:
                vals["nip"] = nip_rules.normalize(vals["nip"]) or False  # only spaces: no NIP
            if vals.get("nip"):
                self._asn_parse_nip(vals.get("name"), vals["nip"])
        # before the INSERT, so that a duplicate gets this message rather than the SQL constraint's
        self._asn_check_nip_free([
            (vals["nip"], vals.get("company_id") or self.env.company.id, None) for vals in vals_list if vals.get("nip")
        ])
        employees = super().create(vals_list)
        if not skip_recompute(self.env):
            employees.department_id._asn_recompute_scope()
        return employees

    def write(self, vals):
        if not self.env.su:
            self._asn_check_owned_fields(vals)
        if "nip" in vals:
            vals["nip"] = nip_rules.normalize(vals["nip"]) or False
        if vals.get("nip"):
            self._asn_parse_nip(self[:1].name, vals["nip"])
        if {"nip", "company_id"} & set(vals):
            self._asn_check_nip_free([
                (vals.get("nip", employee.nip), vals.get("company_id", employee.company_id.id), employee.id)
                for employee in self if vals.get("nip", employee.nip)
            ])
        positions = {employee: employee._asn_position_key() for employee in self} if POSITION_FIELDS & set(vals) else {}
        if not ORG_FIELDS & set(vals) or skip_recompute(self.env):
            res = super().write(vals)
        else:
            before = self.department_id
            res = super().write(vals)
            scope = before | self.department_id
            if scope:
                scope._asn_recompute_scope()
            else:
                self._asn_recompute_assessors()
        if positions:
            self._asn_follow_position_change(positions)
        return res

    @api.model
    def _asn_check_owned_fields(self, vals):
        """The assessors are Lampiran II's answer (Perwal Bekasi 38/2023 Pasal 26), written by
        _asn_recompute_assessors only, and the NIP parts follow the NIP: a caller writes neither.
        BKPSDM changes an assessor by overriding it, with a reason the chatter keeps."""
        owned = (RESOLVER_OWNED_FIELDS | NIP_PART_FIELDS) & set(vals)
        if owned:
            labels = sorted(self._fields[fname]._description_string(self.env) for fname in owned)
            raise AccessError(_(
                "%(fields)s cannot be written: Lampiran II decides the assessors (Perwal Bekasi 38/2023 "
                "Pasal 26) and the NIP its parts. BKPSDM changes an assessor with Override Assessor and a "
                "reason.", fields=", ".join(labels)))

    def _asn_position_key(self):
        return (self.department_id.id, self.job_id.id, self.job_title or "", self.asn_position_kind or "")

    def _asn_follow_position_change(self, before):
        """Mutation (another unit) or promotion (another position): the SKP follows at once, so no
        SKP is ever made on the old unit or with the old assessor (Semarang seed 002)."""
        moved = self.filtered(lambda e: before[e][0] != e.department_id.id)
        promoted = self.filtered(lambda e: e not in moved and before[e] != e._asn_position_key())
        Skp = self.env["hr.asn.skp"]
        # the change takes effect the day it is recorded; only data loaded as the superuser (the demo)
        # dates it otherwise: an RPC caller would pick when the signed SKP closes
        change_date = self.env.context.get("hr_asn_change_date") if self.env.su else None
        if moved:
            Skp._asn_on_position_change(moved, "mutation", change_date)
        if promoted:
            Skp._asn_on_position_change(promoted, "promotion", change_date)

    # ------------------------------------------------------------------------------------------
    # Assessors (Pasal 26, Lampiran II)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_recompute_assessors(self, roots=None):
        """Recompute the Pejabat Penilai of the employees of ``roots`` (Perangkat Daerah), or all.

        A set operation: a fixed number of reads (units, Plt/Plh, table, employees), the resolver in
        Python, one UPDATE per thousand changed employees. Returns the number of employees changed.
        """
        env = self.env(su=True)
        Employee = env["hr.employee"].with_context(active_test=True)
        env.flush_all()
        companies = roots.company_id if roots else env["res.company"].search([])
        changed = 0
        for company in companies:
            domain = [("company_id", "=", company.id)]
            if roots:
                company_roots = roots.filtered_domain([("company_id", "=", company.id)])
                domain.append(("department_id", "child_of", company_roots.ids))
            changed += Employee._asn_recompute_company(company, domain)
        return changed

    def _asn_recompute_company(self, company, employee_domain):
        """Resolve Lampiran II for the employees of ``employee_domain`` in ``company``; write what changed."""
        rows = self.env["hr.asn.lampiran2.row"]._get_company_rows(company)
        employees = self.search_fetch(
            employee_domain,
            ["department_id", "asn_special_role", "assessor_override", "override_penilai_id",
             "override_atasan_id", *ASSESSOR_FIELDS],
        )
        results = lampiran2.resolve(
            self._get_asn_units(company),
            [lampiran2.Employee(e.id, e.department_id.id or None, e.asn_special_role or "") for e in employees],
            [row._to_rule() for row in rows],
        )
        row_ids = {row.code: row.id for row in rows}
        region_head = company._asn_region_head_label()
        updates = []
        for employee in employees:
            values = employee._prepare_assessor_values(results[employee.id], row_ids, region_head)
            if values != employee._get_assessor_values():
                updates.append((employee.id, *values))
        self._asn_write_assessors(updates)
        self._asn_grant_penilai_group(updates)
        return len(updates)

    @api.model
    def _get_asn_units(self, company):
        """The units of ``company`` as the resolver reads them: kinds, head and current Plt/Plh."""
        departments = self.env["hr.department"].search_fetch(
            [("company_id", "in", [company.id, False])],
            ["parent_id", "asn_opd_kind", "asn_unit_kind", "asn_function_code", "manager_id"],
        )
        acting = self.env["hr.asn.acting.assignment"]._current_by_department(departments)
        return [
            lampiran2.Unit(
                id=department.id,
                parent_id=department.parent_id.id or None,
                opd_kind=department.asn_opd_kind or "",
                unit_kind=department.asn_unit_kind or "",
                function_code=department.asn_function_code or "",
                # an archived head (retired, dismissed) leaves the post vacant
                head_id=department.manager_id.id if department.manager_id.active else None,
                acting_id=acting[department.id].employee_id.id if department.id in acting else None,
            )
            for department in departments
        ]

    def _prepare_assessor_values(self, result, row_ids, region_head):
        """What the resolver's ``result`` writes on this employee, in the order of _get_assessor_values; an
        override of BKPSDM wins (Pasal 26 is the default, the override is recorded with its reason)."""

        def person(holder):
            return (None, region_head) if holder == lampiran2.KEPALA_DAERAH else (holder, None)

        penilai, penilai_official = person(result.penilai)
        atasan, atasan_official = person(result.atasan)
        source = "pasal26" if lampiran2.FLAG_NO_ROW in result.flags else "lampiran2"
        if lampiran2.FLAG_UNRESOLVED in result.flags:
            source = "unresolved"
        elif lampiran2.FLAG_NO_UNIT in result.flags:
            source = None  # not placed in a Perangkat Daerah (e.g. not an ASN of the Pemda)
        if self.assessor_override:
            penilai, penilai_official = self.override_penilai_id.id, None
            if self.override_atasan_id:
                atasan, atasan_official = self.override_atasan_id.id, None
            source = "override"
        return (penilai, penilai_official, atasan, atasan_official, row_ids.get(result.row),
                ",".join(result.flags) or None, source)

    def _get_assessor_values(self):
        return (
            self.pejabat_penilai_id.id or None, self.pejabat_penilai_official or None,
            self.atasan_pejabat_penilai_id.id or None, self.atasan_pejabat_penilai_official or None,
            self.lampiran2_row_id.id or None, self.assessor_flags or None, self.assessor_source or None,
        )

    def _asn_write_assessors(self, updates):
        """One UPDATE per thousand employees, through Odoo's cursor (logged, counted); then the ORM is told
        what changed."""
        if not updates:
            return
        for start in range(0, len(updates), 1000):
            values = SQL(", ").join(
                SQL("(%s, %s::int, %s::varchar, %s::int, %s::varchar, %s::int, %s::varchar, %s::varchar)", *update)
                for update in updates[start:start + 1000]
            )
            self.env.cr.execute(SQL("""
                UPDATE hr_employee AS e
                   SET pejabat_penilai_id = v.penilai, pejabat_penilai_official = v.penilai_official,
                       atasan_pejabat_penilai_id = v.atasan, atasan_pejabat_penilai_official = v.atasan_official,
                       lampiran2_row_id = v.row_id, lampiran2_row = r.code,
                       assessor_flags = v.flags, assessor_source = v.source,
                       write_uid = %s, write_date = (now() at time zone 'UTC')
                  FROM (VALUES %s) AS v(id, penilai, penilai_official, atasan, atasan_official, row_id, flags,
                                        source)
                  LEFT JOIN hr_asn_lampiran2_row r ON r.id = v.row_id
                 WHERE e.id = v.id
            """, self.env.uid, values))
        employees = self.browse([update[0] for update in updates])
        fnames = list(ASSESSOR_FIELDS) + ["lampiran2_row", "write_uid", "write_date"]
        employees.invalidate_recordset(fnames)
        employees.modified(fnames)
        # modified() marks the stored related lampiran2_row (row_id.code) to recompute, but the UPDATE has
        # already written it: recomputing it would read and rewrite it for every employee (1.1 s at 20,000)
        self.env.remove_to_compute(self._fields["lampiran2_row"], employees)

    def _asn_grant_penilai_group(self, updates):
        """Whoever assesses somebody gets the Pejabat Penilai group (never taken away automatically)."""
        assessors = {update[1] for update in updates if update[1]} | {update[3] for update in updates if update[3]}
        if not assessors:
            return
        group = self.env.ref("hr_asn_performance.group_hr_asn_performance_penilai", raise_if_not_found=False)
        if not group:
            return
        users = self.browse(assessors).user_id - group.users
        if users:
            group.write({"users": [fields.Command.link(user.id) for user in users]})

    @api.model
    def _cron_recompute_assessors(self):
        """Daily: Plt/Plh and tugas belajar periods start and end with the date."""
        changed = self._asn_recompute_assessors()
        _logger.info("hr_asn: recomputed assessors, %d employees changed", changed)

    def _asn_recompute_assessors_job(self):
        """Background job step (hr.asn.job): recompute the Pejabat Penilai of these employees (Pasal 26,
        Lampiran II), one Perangkat Daerah after the other, as the user who queued the job: the employees
        of each Perangkat Daerah must be theirs to change (Admin Kepegawaian OPD of it, BKPSDM)."""
        scopes = {}
        for employee in self.sudo():
            key = (employee.company_id.id, employee.department_id.asn_opd_id.id or 0)
            scopes.setdefault(key, []).append(employee.id)
        Employee = self.env["hr.employee"].sudo().with_context(active_test=True)
        changed = 0
        for (company_id, _opd_id), ids in sorted(scopes.items()):
            self.browse(ids).check_access("write")
            changed += Employee._asn_recompute_company(
                Employee.env["res.company"].browse(company_id), [("id", "in", ids)])
        return changed

    def _asn_job_create_skp(self):
        """Background job step (hr.asn.job) of the employee list's "Create Draft SKP for this Year"
        (hr.asn.skp ``action_create_for_employees``): the drafts of this batch, as the user who queued
        the job, with the same checks; employees who have an open SKP of the year get none (a draft made
        meanwhile, or a retry)."""
        return self.env["hr.asn.skp"].with_context(lang=self.env.user.lang)._asn_create_drafts(self)

    def action_open_assessees(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Assessed by %s", self.name),
            "res_model": "hr.employee",
            "view_mode": "list,form",
            "domain": ["|", ("pejabat_penilai_id", "=", self.id), ("atasan_pejabat_penilai_id", "=", self.id)],
        }
