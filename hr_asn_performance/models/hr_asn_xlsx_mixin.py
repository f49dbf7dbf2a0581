from odoo import api, models


class HrAsnXlsxMixin(models.AbstractModel):
    """A report model's rows as an XLSX download (compliance table, briefing recap): the model prepares the
    sheet in ``_asn_xlsx_data`` (a dict of ``title``, ``sheet``, ``columns``, ``rows``, ``totals`` and
    optionally ``widths``), its route (``_asn_xlsx_route``, controllers/compliance.py ``xlsx_download``) only
    writes it (STYLE.md)."""

    _name = "hr.asn.xlsx.mixin"
    _description = "Kinerja ASN XLSX Download"
    _asn_xlsx_route = None

    def action_export_xlsx(self):
        """The selected rows (none selected: every row the reader may see) as an XLSX download."""
        records = self or self.search([])
        return {
            "type": "ir.actions.act_url",
            "url": "%s?ids=%s" % (self._asn_xlsx_route, ",".join(map(str, records.ids))),
            "target": "self",
        }

    @api.model
    def _asn_xlsx_records(self, ids):
        """The rows of ``ids`` the reader may see (access and record rules apply to the search)."""
        return self.search([("id", "in", ids)])

    def _asn_xlsx_data(self):
        raise NotImplementedError
