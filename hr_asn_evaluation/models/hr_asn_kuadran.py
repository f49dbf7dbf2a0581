from odoo import api, fields, models

from ..rules import evaluation as rules


class HrAsnKuadran(models.Model):
    """One cell of the kuadran kinerja: rating hasil kerja x rating perilaku kerja -> predikat
    (Perwal Bekasi 38/2023 Pasal 24(1)c, 25(1)c; national_rules.md §2). Each company keeps all 9 cells;
    the shipped default is ``rules.DEFAULT_KUADRAN``."""

    _name = "hr.asn.kuadran"
    _inherit = ["hr.asn.eval.table.mixin"]
    _description = "Kuadran Kinerja"
    _asn_row_fields = ("rating_hasil", "rating_perilaku", "predikat")

    rating_hasil = fields.Selection(list(rules.RATINGS), string="Rating Hasil Kerja", required=True)
    rating_perilaku = fields.Selection(list(rules.RATINGS), string="Rating Perilaku Kerja", required=True)
    predikat = fields.Selection(list(rules.PREDIKATS), string="Predikat Kinerja", required=True)

    _sql_constraints = [
        ("cell_company_uniq", "unique(company_id, rating_hasil, rating_perilaku)",
         "Each cell of the kuadran appears once per company."),
    ]

    @api.depends("rating_hasil", "rating_perilaku")
    def _compute_display_name(self):
        for cell in self:
            cell.display_name = self._asn_row_label((cell.rating_hasil, cell.rating_perilaku, cell.predikat))

    @api.model
    def _asn_default_rows(self):
        return rules.DEFAULT_KUADRAN

    @api.model
    def _asn_validate(self, rows):
        return rules.validate_table_kuadran(rows)

    @api.model
    def _asn_row_label(self, row):
        return self._asn_value_label(tuple(row[:2]))

    @api.model
    def _asn_value_label(self, value):
        if isinstance(value, tuple) and len(value) == 2:
            return self.env._(
                "Hasil kerja %(hasil)s x perilaku kerja %(perilaku)s",
                hasil=self._asn_selection_label("rating_hasil", value[0]),
                perilaku=self._asn_selection_label("rating_perilaku", value[1]),
            )
        if value in rules.PREDIKAT_CODES:
            return self._asn_selection_label("predikat", value)
        return self._asn_selection_label("rating_hasil", value) if value in rules.RATING_CODES else str(value)
