"""The XLSX of the briefing attendance recap (hr.asn.briefing.recap), written as the compliance table's."""

from odoo import _, http
from odoo.http import request

from .compliance import write_workbook


class AsnBriefingExport(http.Controller):
    @http.route(["/hr_asn_performance/briefing/xlsx"], type="http", auth="user")
    def export_briefing_xlsx(self, ids="", **kw):
        """The rows ``ids`` (comma-separated) that the user may read: access and record rules decide."""
        wanted = [int(part) for part in ids.split(",")[:100000] if part.strip().isdigit()]
        records = request.env["hr.asn.briefing.recap"].search([("id", "in", wanted)])
        if not records:
            raise request.not_found()
        data = records._asn_xlsx_data()
        content = write_workbook(data["title"], data["sheet"], data["columns"], data["rows"], data["totals"])
        return request.make_response(content, headers=[
            ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("Content-Disposition", http.content_disposition("%s.xlsx" % _("Briefing attendance recap"))),
        ])
