import base64
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..rules import nip as nip_rules
from ..rules import siasn_import as siasn

# the columns of the file as the preview names them (the headers SIASN prints)
COLUMN_LABELS = {"nip": "NIP", "name": "NAMA", "status": "STATUS", "golongan": "GOLONGAN", "jabatan": "JABATAN",
                 "jenis_jabatan": "JENIS JABATAN", "unor": "UNOR"}
# what each key of a planned line writes on hr.employee
EMPLOYEE_FIELDS = {"name": "name", "status": "asn_status", "golongan": "asn_golongan", "jabatan": "job_title",
                   "position_kind": "asn_position_kind", "jenjang": "asn_jenjang", "unit": "department_id"}
KIND_SEQUENCE = {kind: sequence for sequence, kind in enumerate(siasn.KINDS)}
ADMIN_GROUP = "hr_asn_performance.group_hr_asn_performance_admin"


class HrAsnSiasnImport(models.TransientModel):
    """Import of the organisation from SIASN-shaped data (issue 14, item 4): a BKPSDM administrator
    uploads the CSV or XLSX, previews what changes (``rules/siasn_import.py`` reads, checks and compares)
    and applies it in one transaction, or nothing at all. Moved and promoted employees are written
    through the ORM like a change made by hand, so the Lampiran II recompute and the SKP mutation flow
    of ``hr.employee.write`` run for them (Semarang seed 002)."""

    _name = "hr.asn.siasn.import"
    _description = "Import of the Organisation from SIASN"

    file = fields.Binary(string="SIASN File", attachment=False)
    filename = fields.Char()
    state = fields.Selection([("upload", "Upload"), ("preview", "Preview"), ("done", "Applied")], default="upload",
                             required=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)
    line_ids = fields.One2many("hr.asn.siasn.import.line", "wizard_id", string="Preview", readonly=True)
    plan_digest = fields.Char(readonly=True)
    count_new = fields.Integer(string="New", readonly=True)
    count_moved = fields.Integer(string="Moved", readonly=True)
    count_promoted = fields.Integer(string="Promoted", readonly=True)
    count_changed = fields.Integer(string="Changed", readonly=True)
    count_unchanged = fields.Integer(string="Unchanged", readonly=True)
    count_rejected = fields.Integer(string="Rejected", readonly=True)

    # ------------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------------
    def action_preview(self):
        """Read the file, compare it with the organisation, and list what applying it would do."""
        self.ensure_one()
        self._check_asn_import_access()
        lines = self._asn_plan()
        self.line_ids.unlink()
        self.env["hr.asn.siasn.import.line"].create(self._prepare_line_vals(lines))
        counts = siasn.summary(lines)
        self.write(dict({"count_%s" % kind: count for kind, count in counts.items()},
                        state="preview", plan_digest=siasn.digest(lines)))
        return self._asn_reopen()

    def action_apply(self):
        """All or nothing: a file with a rejected row, or one that no longer plans what the preview
        showed, writes nothing; any error while writing rolls every change back."""
        self.ensure_one()
        self._check_asn_import_access()
        if self.state != "preview":
            raise UserError(_("Preview the file before applying it."))
        lines = self._asn_plan()
        if siasn.digest(lines) != self.plan_digest:
            raise UserError(_("The file or the organisation changed since the preview: preview again. "
                              "Nothing was written."))
        rejected = [line for line in lines if line.kind == "rejected"]
        if rejected:
            raise UserError(_("%(count)s rows are rejected (see their reasons): correct them in the file and "
                              "preview again. Nothing was written: the import applies the whole file or nothing.",
                              count=len(rejected)))
        try:
            with self.env.cr.savepoint():
                self._asn_apply(lines)
        except (UserError, ValidationError) as error:
            raise UserError(_("Nothing was written: %s", error.args[0])) from error
        self.state = "done"
        return self._asn_reopen()

    def action_open_lines(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Import from SIASN: Preview"),
            "res_model": "hr.asn.siasn.import.line",
            "view_mode": "list",
            "domain": [("wizard_id", "=", self.id)],
            "context": {"search_default_group_kind": 1},
        }

    def _asn_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Import from SIASN"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------------
    def _check_asn_import_access(self):
        """BKPSDM keeps the organisation of the whole city: only its administrators import it."""
        if not self.env.su and not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(_("Only an Admin BKPSDM imports the organisation from SIASN."))

    def _asn_plan(self):
        """The planned lines of the file against the organisation of the wizard's Pemda, in a fixed number
        of queries (the employees by NIP, the units with a code, the units' names)."""
        if not self.file:
            raise UserError(_("Choose the file exported from SIASN (CSV or XLSX)."))
        try:
            header, rows, _kind = siasn.read_table(base64.b64decode(self.file))
            parsed = siasn.parse_rows(header, rows, today=fields.Date.context_today(self))
        except siasn.SiasnFileError as error:
            raise UserError(self._asn_file_error_message(error)) from None
        nips = list({row.values["nip"] for row in parsed if row.values.get("nip")})
        employees = self.env["hr.employee"].with_context(active_test=False).search_fetch(
            [("company_id", "=", self.company_id.id), ("nip", "in", nips)],
            ["name", "nip", "active", "asn_status", "asn_golongan", "job_title", "asn_position_kind", "asn_jenjang",
             "department_id"])
        current = {employee.nip: siasn.Current(
            id=employee.id, name=employee.name, status=employee.asn_status or None,
            golongan=employee.asn_golongan or None, jabatan=employee.job_title or None,
            position_kind=employee.asn_position_kind or None, unit_id=employee.department_id.id or None,
            active=employee.active, jenjang=employee.asn_jenjang or None) for employee in employees}
        units = self.env["hr.department"].search_fetch(
            [("company_id", "in", [self.company_id.id, False]), ("asn_unor_code", "!=", False)], ["asn_unor_code"])
        return siasn.plan(parsed, current, {unit.asn_unor_code: unit.id for unit in units})

    def _prepare_line_vals(self, lines):
        Employee = self.env["hr.employee"]
        labels = {key: Employee._fields[fname]._description_string(self.env) for key, fname in EMPLOYEE_FIELDS.items()}
        selections = {key: dict(Employee._fields[EMPLOYEE_FIELDS[key]]._description_selection(self.env))
                      for key in ("status", "golongan", "position_kind", "jenjang")}
        unit_ids = {unit for line in lines for key, pair in line.changes.items() if key == "unit" for unit in pair}
        names = {unit.id: unit.complete_name for unit in self.env["hr.department"].with_context(
            active_test=False).search_fetch([("id", "in", [unit for unit in unit_ids if unit])], ["complete_name"])}

        def shown(key, value):
            if value in (None, False, ""):
                return _("(none)")
            if key == "unit":
                return names.get(value, str(value))
            return selections[key].get(value, value) if key in selections else value

        return [{
            "wizard_id": self.id,
            "line_no": line.line,
            "nip": line.nip,
            "name": line.name,
            "kind": line.kind,
            "kind_sequence": KIND_SEQUENCE[line.kind],
            "employee_id": line.employee_id,
            "department_id": line.unit_id,
            "changes": "\n".join("%s: %s → %s" % (labels[key], shown(key, old), shown(key, new))
                                 for key, (old, new) in line.changes.items()) or False,
            "reason": "\n".join(self._asn_reason_message(code, params) for code, params in line.reasons) or False,
        } for line in lines]

    def _asn_apply(self, lines):
        """One create of the new employees, one write per set of identical changes: the flows of
        ``hr.employee`` (NIP checks, Lampiran II recompute, SKP mutation and promotion) run as for a
        change made on the form, for whole groups at a time."""
        Employee = self.env["hr.employee"]
        new = [dict(self._prepare_employee_vals(line.values), nip=line.nip, company_id=self.company_id.id)
               for line in lines if line.kind == "new"]
        if new:
            Employee.create(new)
        groups = defaultdict(list)
        for line in lines:
            if line.kind != "new" and line.values:
                groups[tuple(sorted(self._prepare_employee_vals(line.values).items()))].append(line.employee_id)
        for vals, employee_ids in groups.items():
            Employee.browse(employee_ids).write(dict(vals))

    @api.model
    def _prepare_employee_vals(self, values):
        return {EMPLOYEE_FIELDS[key]: value for key, value in values.items()}

    # ------------------------------------------------------------------------------------------
    # Messages (the rule gives codes, the user reads sentences)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_file_error_message(self, error):
        params = error.params
        if error.code == "empty":
            return _("The file is empty: export the employees from SIASN as CSV or XLSX and choose that file.")
        if error.code == "too_big":
            return _("The file has %(size)s MB, at most %(limit)s MB are read: split it, e.g. one file per "
                     "Perangkat Daerah.", size=round(params["size"] / 1048576, 1), limit=params["limit"] // 1048576)
        if error.code == "too_many_rows":
            return _("The file has more than %(limit)s rows: the import reads at most %(limit)s at a time. Split "
                     "it, e.g. one file per Perangkat Daerah.", limit=params["limit"])
        if error.code == "xls":
            return _("This is an old Excel workbook (.xls): save it as Excel Workbook (.xlsx) or CSV UTF-8 and "
                     "choose that file.")
        if error.code == "encoding":
            return _("The file is not %(encoding)s text (byte %(byte)s at position %(position)s): in Excel use "
                     "Save As > CSV UTF-8, or choose the XLSX.", **params)
        if error.code == "binary":
            return _("The file holds binary data or UTF-16 text without its byte order mark: save it as CSV "
                     "UTF-8 or XLSX.")
        if error.code == "missing_columns":
            return _("The file lacks the column(s) %(columns)s: its first row names NIP, NAMA, STATUS, GOLONGAN, "
                     "JABATAN, JENIS JABATAN and UNOR.", columns=", ".join(params["columns"]))
        if error.code == "duplicate_columns":
            return _("The column(s) %(columns)s appear twice in the first row.", columns=", ".join(params["columns"]))
        return _("The file cannot be read as CSV or XLSX (line %(line)s: %(detail)s).",
                 line=params.get("line", 0), detail=params.get("detail", ""))

    @api.model
    def _asn_reason_message(self, code, params):
        if code == "nip":
            error = nip_rules.NipError(params["part"], "", params["found"])
            return self.env["hr.employee"]._asn_nip_error_message(params.get("name"), params["value"], error)
        column = COLUMN_LABELS.get(params.get("column"), "")
        env = self.env  # _() cannot find the language from inside a lambda
        messages = {
            "columns": lambda: env._("%(found)s columns where the first row has %(expected)s", **params),
            "too_long": lambda: env._("%(column)s is too long: %(length)s characters, at most %(limit)s",
                                  column=column, length=params["length"], limit=params["limit"]),
            "required": lambda: env._("%s is empty", column),
            "status": lambda: env._("status %s is not PNS, CPNS or PPPK", params["value"]),
            "nip_number": lambda: env._("the NIP is stored as a number, of which a spreadsheet keeps 15 digits: "
                                    "format the NIP column as text and type it again"),
            "nip_status": lambda: env._("NIP %(nip)s is the %(form)s form, which does not fit status %(status)s",
                                    nip=params["nip"], form="PNS" if params["status"] == "pppk" else "PPPK",
                                    status=params["status"].upper()),
            "golongan": lambda: env._("golongan %s does not exist for this status (PNS and CPNS: I/a-IV/e, PPPK: "
                                  "I-XVII)", params["value"]),
            "jenis_jabatan": lambda: env._("jenis jabatan %s is none of JPT, Administrator, Pengawas, Pelaksana, "
                                       "Fungsional", params["value"]),
            "structural": lambda: env._("jenis jabatan Struktural does not say whether JPT, Administrator or Pengawas: "
                                    "write which"),
            "duplicate_nip": lambda: env._("NIP %(nip)s is also on line %(lines)s of the file", nip=params["nip"],
                                       lines=", ".join(str(line) for line in params["lines"])),
            "unit_unknown": lambda: env._("no unit has the SIASN unor code %s: give the unit its code (Organisation > "
                                      "Perangkat Daerah and Units) or correct the file", params["code"]),
            "archived": lambda: env._("the employee with NIP %s is archived: restore them first", params["nip"]),
        }
        return messages[code]()
