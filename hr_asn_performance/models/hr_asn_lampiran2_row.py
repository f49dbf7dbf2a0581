from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..rules import asn_data, lampiran2
from .hr_employee import skip_recompute


class HrAsnLampiran2Row(models.Model):
    """One row of Lampiran II of Perwal Bekasi 38/2023: who assesses whom (Pasal 26(4)).

    Bekasi's table is loaded at install from ``rules/lampiran2_bekasi.csv``; BKPSDM of another Pemda
    edits its own rows here. See ``rules/lampiran2.py`` for how a row is read.
    """

    _name = "hr.asn.lampiran2.row"
    _description = "Lampiran II Row (Pejabat Penilai Kinerja)"
    _order = "sequence, id"
    _rec_name = "code"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    section = fields.Selection(list(asn_data.OPD_KINDS), string="Perangkat Daerah Kind", required=True,
                               group_expand="_group_expand_section")
    code = fields.Char(required=True, help="Number of the row in Lampiran II, e.g. 4.g.")
    subject = fields.Char(string="Pegawai yang Dinilai", required=True)
    role = fields.Selection(
        [("head", "Head of the unit"), ("staff", "Staff of the unit"), ("any", "Head or staff")],
        required=True,
        default="staff",
    )
    unit_kinds = fields.Char(
        required=True,
        help="Unit kinds the row applies to, separated by |: opd (the Perangkat Daerah itself), "
        "sekretariat, bidang, seksi ... or * for any unit.",
    )
    special = fields.Selection(list(asn_data.SPECIAL_ROLES), string="Only for")
    penilai_label = fields.Char(string="Pejabat Penilai", required=True)
    penilai_ref = fields.Char(
        string="Pejabat Penilai Post",
        required=True,
        help="Post(s) of the Pejabat Penilai, alternatives separated by |: kepala_daerah, sekda, opd_head, "
        "opd_sekretaris, parent_opd_head, parent_opd_sekretaris, unit:<function code>, or a unit kind.",
    )
    atasan_label = fields.Char(string="Atasan Pejabat Penilai", required=True)
    atasan_ref = fields.Char(string="Atasan Pejabat Penilai Post", required=True)
    note = fields.Char(string="Keterangan")
    company_id = fields.Many2one(
        "res.company", help="Empty: the table every company of this database follows, unless it has rows of its own."
    )
    # issue 12: the form showed the resolver's codes ("opd", "kepala_daerah"); these say them in words
    unit_kinds_label = fields.Char(string="Units", compute="_compute_labels")
    penilai_ref_label = fields.Char(string="Pejabat Penilai Is", compute="_compute_labels")
    atasan_ref_label = fields.Char(string="Atasan Pejabat Penilai Is", compute="_compute_labels")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "Each Lampiran II row number appears once."),
    ]

    def _group_expand_section(self, values, domain):
        """Grouped by kind, the kinds come in the order of Lampiran II (Sekretariat Daerah first), not
        alphabetically by their code; only the kinds that have rows."""
        return [kind for kind, _label in asn_data.OPD_KINDS if kind in values]

    @api.depends_context("lang")
    @api.depends("unit_kinds", "penilai_ref", "atasan_ref")
    def _compute_labels(self):
        """The codes of ``unit_kinds`` and of the posts (rules/lampiran2.py, "References to posts") in
        the reader's language; alternatives ("A|B": the first post that exists) joined with "or"."""
        Department = self.env["hr.department"]
        kinds = dict(Department._fields["asn_unit_kind"]._description_selection(self.env))
        functions = dict(Department._fields["asn_function_code"]._description_selection(self.env))
        units = {lampiran2.OPD: _("the Perangkat Daerah itself"), lampiran2.ANY_UNIT: _("any unit")}
        posts = {
            lampiran2.KEPALA_DAERAH: _("the head of region (Wali Kota/Bupati)"),
            "sekda": _("the Sekretaris Daerah"),
            "opd_head": _("the head of the Perangkat Daerah"),
            "opd_sekretaris": _("the Sekretaris of the Perangkat Daerah"),
            "parent_opd_head": _("the head of the Perangkat Daerah above (the Camat, for a Kelurahan)"),
            "parent_opd_sekretaris": _("the Sekretaris of the Perangkat Daerah above"),
        }

        def post(ref):
            if ref in posts:
                return posts[ref]
            if ref.startswith("unit:"):
                return _("the head of the %s", functions.get(ref[5:], ref[5:]))
            return _("the head of the nearest %s", kinds.get(ref, ref))

        separator = _(" or ")
        for row in self:
            row.unit_kinds_label = ", ".join(units.get(kind, kinds.get(kind, kind))
                                             for kind in (row.unit_kinds or "").split("|") if kind)
            row.penilai_ref_label = separator.join(post(ref) for ref in (row.penilai_ref or "").split("|") if ref)
            row.atasan_ref_label = separator.join(post(ref) for ref in (row.atasan_ref or "").split("|") if ref)

    @api.constrains("role", "unit_kinds", "penilai_ref", "atasan_ref")
    def _check_references(self):
        kinds = tuple(code for code, _label in asn_data.UNIT_KINDS)
        problems = lampiran2.check_table([row._to_rule() for row in self], kinds)
        problems = [problem for problem in problems if "duplicate code" not in problem]
        if problems:
            raise ValidationError(_("This Lampiran II row cannot be read:\n%s", "\n".join(problems)))

    @api.model_create_multi
    def create(self, vals_list):
        rows = super().create(vals_list)
        self._asn_table_changed()
        return rows

    def write(self, vals):
        res = super().write(vals)
        self._asn_table_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._asn_table_changed()
        return res

    def _asn_table_changed(self):
        if not skip_recompute(self.env):
            self.env["hr.employee"]._asn_recompute_assessors()

    def _to_rule(self):
        self.ensure_one()
        return lampiran2.Row.from_dict({
            "section": self.section,
            "code": self.code,
            "subject": self.subject,
            "role": self.role,
            "unit_kinds": self.unit_kinds,
            "special": self.special or "",
            "penilai_ref": self.penilai_ref,
            "atasan_ref": self.atasan_ref,
        })

    @api.model
    def _get_company_rows(self, company):
        """The company's own table if it has one, else the shared default (rows without company)."""
        fnames = ["section", "code", "subject", "role", "unit_kinds", "special", "penilai_ref", "atasan_ref",
                  "company_id"]
        rows = self.sudo().search_fetch([("company_id", "in", [company.id, False])], fnames)
        own = rows.filtered("company_id")
        return own or rows

    @api.model
    def _load_default_table(self, company=None):
        """(Re)load Bekasi's rows (rules/lampiran2_bekasi.csv): shared by all companies, or one's own."""
        company = company or self.env["res.company"]
        vals_list = []
        for sequence, row in enumerate(lampiran2.load_table(), start=1):
            vals_list.append({
                "sequence": sequence,
                "section": row.section,
                "code": row.code,
                "subject": row.subject,
                "role": row.role,
                "unit_kinds": "|".join(row.unit_kinds),
                "special": row.special or False,
                "penilai_label": row.penilai_label,
                "penilai_ref": "|".join(row.penilai_ref),
                "atasan_label": row.atasan_label,
                "atasan_ref": "|".join(row.atasan_ref),
                "note": row.note or False,
                "company_id": company.id,
            })
        old_rows = self.with_context(active_test=False).search([("company_id", "=", company.id or False)])
        old_rows.check_access("unlink")
        self.check_access("create")
        # the caller may replace the table: do it as the superuser, recomputing once at the end
        Rows = self.sudo().with_context(hr_asn_no_recompute=True)
        old_rows.with_env(Rows.env).unlink()
        rows = Rows.create(vals_list)
        self.env["hr.employee"]._asn_recompute_assessors()
        return rows.with_env(self.env)

    def action_reset_to_default(self):
        """Button: replace the shared table by Bekasi's default (a company's own rows stay)."""
        self._load_default_table()
        return {"type": "ir.actions.client", "tag": "reload"}
