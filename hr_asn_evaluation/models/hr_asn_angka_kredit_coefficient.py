from odoo import api, fields, models

from odoo.addons.hr_asn_performance.rules import asn_data

from ..rules import evaluation as rules

# the jenjang of Jabatan Fungsional (keahlian and keterampilan), not the JPT
JENJANG_FUNGSIONAL = [
    (code, label) for code, label in asn_data.JENJANG if code in asn_data.JENJANG_BY_KIND["fungsional"]
]


class HrAsnAngkaKreditCoefficient(models.Model):
    """The annual angka kredit coefficient by jenjang of a Jabatan Fungsional (PermenPANRB 1/2023,
    Peraturan BKN 3/2023; national_rules.md §4): keahlian Ahli Pertama 12.5 ... Ahli Utama 50, keterampilan
    Pemula 3.75 ... Penyelia 25 (``rules.DEFAULT_ANGKA_KREDIT_COEFFICIENT``)."""

    _name = "hr.asn.angka.kredit.coefficient"
    _inherit = ["hr.asn.eval.table.mixin"]
    _description = "Angka Kredit Coefficient by Jenjang"
    _asn_row_fields = ("jenjang", "coefficient")

    jenjang = fields.Selection(JENJANG_FUNGSIONAL, required=True)
    coefficient = fields.Float(string="Annual Coefficient", required=True, digits=(16, 3))

    _sql_constraints = [
        ("jenjang_company_uniq", "unique(company_id, jenjang)", "Each jenjang appears once per company."),
    ]

    @api.model
    def _asn_default_rows(self):
        return rules.DEFAULT_ANGKA_KREDIT_COEFFICIENT

    @api.model
    def _asn_validate(self, rows):
        # the percentages are their own table: checked against the default so only coefficients speak here
        return rules.validate_table_angka_kredit(rules.DEFAULT_ANGKA_KREDIT_PERCENT, rows)

    @api.model
    def _asn_row_label(self, row):
        return self._asn_value_label(row[0])

    @api.model
    def _asn_value_label(self, value):
        return self._asn_selection_label("jenjang", value) if value in dict(JENJANG_FUNGSIONAL) else str(value)
