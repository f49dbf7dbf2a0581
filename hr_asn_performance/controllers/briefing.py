"""The XLSX of the briefing attendance recap (hr.asn.briefing.recap), written as the compliance table's."""

from odoo import _, http

from .compliance import xlsx_download


class AsnBriefingExport(http.Controller):
    @http.route(["/hr_asn_performance/briefing/xlsx"], type="http", auth="user")
    def export_briefing_xlsx(self, ids="", **kw):
        """The recap rows ``ids`` the user may read."""
        return xlsx_download("hr.asn.briefing.recap", ids, _("Briefing attendance recap"))
