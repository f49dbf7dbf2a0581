from odoo import api, fields, models

from ..rules import evaluation as rules

# one Boolean per predikat: the predikats the row counts together
PREDIKAT_FIELDS = tuple(("in_%s" % code, code) for code in rules.PREDIKAT_CODES)


class HrAsnCurveRule(models.Model):
    """One row of the pola distribusi: how many employees of a team may (``max``) or must (``min``) hold
    some predikats, or which predikat is the largest group, under a capaian kinerja organisasi
    (Perwal Bekasi 38/2023 Pasal 24(1)b, 25(1)b; national_rules.md §3).

    The shipped rows (``rules.DEFAULT_CURVE``) are marked *assumed*: the shares are reported from a
    MenPANRB circular whose number could not be confirmed (national_rules.md §3). Percentages become whole
    employees half up (``rules.share_count``); a "min" row with the fixed count 1 asks for at least one
    employee whatever the team's size.
    """

    _name = "hr.asn.curve.rule"
    _inherit = ["hr.asn.eval.table.mixin"]
    _description = "Pola Distribusi"
    _order = "capaian_sequence, sequence, id"
    _asn_row_fields = ("capaian", "code", *(fname for fname, _code in PREDIKAT_FIELDS), "op", "percent", "count",
                       "min_team")

    capaian = fields.Selection(list(rules.CAPAIAN), string="Capaian Kinerja Organisasi", required=True)
    capaian_sequence = fields.Integer(compute="_compute_capaian_sequence", store=True)
    code = fields.Char(required=True, help="Identifies the row within its capaian, e.g. sangat_baik_max.")
    in_sangat_baik = fields.Boolean(string="Sangat Baik")
    in_baik = fields.Boolean(string="Baik")
    in_butuh_perbaikan = fields.Boolean(string="Butuh Perbaikan")
    in_kurang = fields.Boolean(string="Kurang/Misconduct")
    in_sangat_kurang = fields.Boolean(string="Sangat Kurang")
    op = fields.Selection(
        [("largest", "The largest group"), ("max", "At most"), ("min", "At least")],
        string="Rule",
        required=True,
        default="max",
    )
    percent = fields.Float(
        string="Share (%)", help="Of the team, rounded half up to whole employees. Not used by a largest-group "
        "row nor by a row with a fixed count."
    )
    count = fields.Integer(
        string="Fixed Count",
        help="At least this many employees whatever the share: 1 (at least one employee) on an \"At least\" "
        "row; 0 to use the share.",
    )
    min_team = fields.Integer(string="Minimum Team Size", default=1, help="The row applies to teams of this size "
                              "and larger.")
    assumed = fields.Boolean(
        help="A shipped default whose source could not be confirmed: the shares are reported from a MenPANRB "
        "circular whose number is unknown (national_rules.md §3). Cleared when BKPSDM edits the row.",
    )

    _sql_constraints = [
        ("code_company_uniq", "unique(company_id, capaian, code)", "Each row code appears once per capaian."),
    ]

    @api.depends("capaian")
    def _compute_capaian_sequence(self):
        for row in self:
            row.capaian_sequence = rules.CAPAIAN_CODES.index(row.capaian) if row.capaian else 0

    def write(self, vals):
        if "assumed" not in vals and set(vals) & set(self._asn_row_fields):
            vals = {**vals, "assumed": False}
        return super().write(vals)

    @api.model
    def _asn_default_rows(self):
        return rules.DEFAULT_CURVE

    @api.model
    def _asn_load_defaults(self, companies):
        return self._asn_load_rows(companies, self._asn_default_rows(), {"assumed": True})

    @api.model
    def _asn_row(self, values):
        """A ``rules.CurveRow``: no percent for a largest-group row nor for a row of a fixed count of one
        (the rules read ``percent=None`` on a "min" row as "at least one employee")."""
        predikats = tuple(code for fname, code in PREDIKAT_FIELDS if values.get(fname))
        op = values["op"]
        percent = values.get("percent") or 0.0
        if op == "largest" or (op == "min" and values.get("count") == 1):
            percent = None
        elif values.get("count"):
            percent = ("count", values["count"])  # a fixed count the rules do not know: reported as bad_percent
        return rules.CurveRow(values["capaian"], values["code"], predikats, op, percent, values.get("min_team"))

    @api.model
    def _asn_row_vals(self, row):
        capaian, code, predikats, op, percent, min_team = row
        vals = {fname: predikat in predikats for fname, predikat in PREDIKAT_FIELDS}
        vals.update({
            "capaian": capaian, "code": code, "op": op, "percent": percent or 0.0, "min_team": min_team,
            "count": 1 if op == "min" and percent is None else 0,
        })
        return vals

    @api.model
    def _asn_validate(self, rows):
        return rules.validate_table_curve(rows)

    @api.model
    def _asn_bad_percent_text(self, row, value):
        if isinstance(value, tuple):
            return self.env._(
                "%(row)s: a fixed count can only be 1 (at least one employee) on an \"At least\" row.", row=row
            )
        if value is None:
            return self.env._("%(row)s: an \"At most\" row needs a share.", row=row)
        return super()._asn_bad_percent_text(row, value)

    @api.model
    def _asn_row_label(self, row):
        return "%s / %s" % (self._asn_selection_label("capaian", row[0]), row[1])

    @api.model
    def _asn_value_label(self, value):
        if value in rules.CAPAIAN_CODES:
            return self._asn_selection_label("capaian", value)
        if value in rules.PREDIKAT_CODES:
            return self._fields["in_%s" % value]._description_string(self.env)
        return str(value)
