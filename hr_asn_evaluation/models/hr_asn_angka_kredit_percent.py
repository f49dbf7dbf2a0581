from odoo import api, fields, models

from ..rules import evaluation as rules


class HrAsnAngkaKreditPercent(models.Model):
    """The percentage of the annual angka kredit coefficient a Jabatan Fungsional earns by predikat
    (PermenPANRB 1/2023, Peraturan BKN 3/2023; national_rules.md §4): Sangat Baik 150% ... Sangat Kurang 25%
    (``rules.DEFAULT_ANGKA_KREDIT_PERCENT``)."""

    _name = "hr.asn.angka.kredit.percent"
    _inherit = ["hr.asn.eval.table.mixin"]
    _description = "Angka Kredit Percentage by Predikat"
    _asn_row_fields = ("predikat", "percent")

    predikat = fields.Selection(list(rules.PREDIKATS), string="Predikat Kinerja", required=True)
    percent = fields.Float(string="Of the Annual Coefficient (%)", required=True)

    _sql_constraints = [
        ("predikat_company_uniq", "unique(company_id, predikat)", "Each predikat appears once per company."),
    ]

    @api.model
    def _asn_default_rows(self):
        return rules.DEFAULT_ANGKA_KREDIT_PERCENT

    @api.model
    def _asn_validate(self, rows):
        return rules.validate_table_percent(rows, maximum=None)

    @api.model
    def _asn_bad_percent_text(self, row, value):
        return self.env._("%(row)s: the percentage %(value)s is below 0.", row=row, value=value)

    @api.model
    def _asn_row_label(self, row):
        return self._asn_value_label(row[0])

    @api.model
    def _asn_value_label(self, value):
        return self._asn_selection_label("predikat", value) if value in rules.PREDIKAT_CODES else str(value)
