from odoo import api, fields, models

from ..rules import evaluation as rules


class HrAsnTppRate(models.Model):
    """The share of the Tambahan Penghasilan Pegawai (TPP) paid for each predikat (Perwal Bekasi 38/2023
    Pasal 33: the evaluation is the basis of TPP payment).

    There is no national table: each Pemda sets its own percentages in its own regulation
    (national_rules.md §7), so nothing is shipped as law; a company without rows computes no TPP share.
    The demo loads ``rules.DEMO_TPP_PERCENT`` marked *illustrative*.
    """

    _name = "hr.asn.tpp.rate"
    _inherit = ["hr.asn.eval.table.mixin"]
    _description = "TPP Percentage by Predikat"
    _asn_row_fields = ("predikat", "percent")

    predikat = fields.Selection(list(rules.PREDIKATS), string="Predikat Kinerja", required=True)
    percent = fields.Float(string="TPP Paid (%)", required=True)
    illustrative = fields.Boolean(
        help="An example, not the regulation of this Pemda: replace it by the percentages of your own "
        "Perkada before paying TPP (national_rules.md §7).",
    )
    note = fields.Char(help="Where the percentage comes from, e.g. the Perkada that sets it.")

    _sql_constraints = [
        ("predikat_company_uniq", "unique(company_id, predikat)", "Each predikat appears once per company."),
    ]

    @api.model
    def _asn_load_demo(self):
        """Demo only: the illustrative table of ``rules.DEMO_TPP_PERCENT`` for each company without one."""
        return self._asn_load_rows(
            self.env["res.company"].sudo().search([]),
            rules.DEMO_TPP_PERCENT,
            {"illustrative": True, "note": self.env._("Illustrative only: not a regulation (demo data).")},
        )

    @api.model
    def _asn_validate(self, rows):
        return rules.validate_table_tpp(rows)

    @api.model
    def _asn_row_label(self, row):
        return self._asn_value_label(row[0])

    @api.model
    def _asn_value_label(self, value):
        return self._asn_selection_label("predikat", value) if value in rules.PREDIKAT_CODES else str(value)

    @api.model
    def _asn_illustrative(self, company):
        """True when the company's TPP table is (partly) the illustrative demo table, not its regulation."""
        return bool(self.sudo().search_count([("company_id", "=", company.id), ("illustrative", "=", True)],
                                             limit=1))
