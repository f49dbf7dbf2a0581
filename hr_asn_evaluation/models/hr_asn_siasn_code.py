from odoo import api, fields, models

from ..rules import evaluation as rules
from ..rules import siasn_export

SIASN_CODE_KINDS = [("hasil_kerja", "Rating Hasil Kerja"), ("perilaku", "Rating Perilaku Kerja"),
                    ("kuadran", "Kuadran (Predikat)")]


class HrAsnSiasnCode(models.Model):
    """The integer code SIASN receives for a rating hasil kerja, a rating perilaku kerja or a kuadran
    (predikat), per company (national_rules.md §8: SIASN takes them as integer codes). The shipped default
    is ``siasn_export.DEFAULT_CODES``: the ratings' 3/2/1 are what e-Kinerja prints (§1, not checked against
    SIASN's reference list); no source gives the kuadran's codes, so their 5..1 is an assumption. BKPSDM
    checks them against SIASN and edits them here."""

    _name = "hr.asn.siasn.code"
    _inherit = ["hr.asn.eval.table.mixin"]
    _description = "SIASN Code"
    _order = "kind, sequence, id"
    _asn_row_fields = ("kind", "value", "code")

    kind = fields.Selection(SIASN_CODE_KINDS, required=True)
    value = fields.Selection(list(rules.RATINGS) + list(rules.PREDIKATS), required=True)
    code = fields.Integer(string="SIASN Code", required=True, aggregator=False)

    _sql_constraints = [
        ("value_company_uniq", "unique(company_id, kind, value)", "Each value has one SIASN code per company."),
    ]

    @api.model
    def _asn_default_rows(self):
        return siasn_export.DEFAULT_CODES

    # _asn_row / _asn_row_vals: the mixin's, (kind, value, code) in the order of _asn_row_fields

    @api.model
    def _asn_validate(self, rows):
        return siasn_export.validate_codes(rows)

    @api.model
    def _asn_row_label(self, row):
        return self._asn_value_label(tuple(row[:2]))

    @api.model
    def _asn_value_label(self, value):
        if isinstance(value, tuple) and len(value) == 2:
            return "%s: %s" % (self._asn_selection_label("kind", value[0]),
                               self._asn_selection_label("value", value[1]))
        return str(value)

    @api.model
    def _asn_problems(self, rows):
        """Why ``rows`` cannot be saved, worded as the other tables word it, and the codes' own problems
        (a code out of range, two values of one kind sharing a code)."""
        texts = []
        for code, where, value in self._asn_validate(rows):
            row = self._asn_row_label(rows[where - 1]) if isinstance(where, int) else ""
            if code == "bad_code":
                texts.append(self.env._("%(row)s: the code %(value)s is not a whole number from 0 to 999.",
                                        row=row, value=value))
            elif code == "same_code":
                texts.append(self.env._("%(kind)s: the code %(code)s is given to two values.",
                                        kind=self._asn_selection_label("kind", value[0]), code=value[1]))
            elif code == "duplicate":
                texts.append(self.env._("%(value)s appears more than once.", value=self._asn_value_label(value)))
            elif code == "missing":
                texts.append(self.env._("%(value)s is missing.", value=self._asn_value_label(value)))
            elif code.startswith("unknown_"):
                texts.append(self.env._("%(row)s: unknown value %(value)s.", row=row, value=value))
            else:
                texts.append(self.env._("%(row)s is not well formed.", row=row))
        return texts

    @api.model
    def _asn_load_defaults_all(self):
        """The data file's call: every company without a code table gets the shipped one."""
        return bool(self._asn_load_defaults(self.env["res.company"].sudo().search([])))
