"""The XLSX of the compliance table (hr.asn.compliance): the model prepares the rows, this only writes them
(STYLE.md, "XLSX with xlsxwriter: data from a model method, the writer only writes"; as
product/controllers/pricelist_report.py)."""

import io

import xlsxwriter

from odoo import _, http
from odoo.http import request


def write_workbook(title, sheet_name, columns, rows, totals, widths=None):
    """One sheet: ``title`` in A1, ``columns`` on row 3, then ``rows`` and the ``totals`` in bold; ratios
    (floats) with one decimal; ``widths`` the columns' widths in characters (default 7, 40, then 12 each).
    Returns the workbook as bytes."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_name[:31])  # Excel's limit for a sheet name
    header = workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True,
                                  "valign": "top"})
    formats = {False: (None, workbook.add_format({"num_format": "0.0"})),
               True: (workbook.add_format({"bold": True}), workbook.add_format({"bold": True, "num_format": "0.0"}))}
    sheet.write(0, 0, title, workbook.add_format({"bold": True, "font_size": 13}))
    sheet.write_row(2, 0, columns, header)
    lines = [(row, False) for row in rows] + [(row, True) for row in totals]
    for index, (row, is_total) in enumerate(lines, start=3):
        plain, decimal = formats[is_total]
        for col, value in enumerate(row):
            if isinstance(value, float):
                sheet.write_number(index, col, value, decimal)
            else:
                sheet.write(index, col, value, plain)
    sheet.freeze_panes(3, 2)
    sheet.set_row(2, 45)
    for col, width in enumerate(widths or [7, 40] + [12] * (len(columns) - 2)):
        sheet.set_column(col, col, width)
    workbook.close()
    return output.getvalue()


def xlsx_download(model_name, ids, filename):
    """The XLSX of the rows ``ids`` (comma-separated) of a report model (hr.asn.xlsx.mixin) that the user may
    read: the model's access and record rules decide (an Admin Kepegawaian OPD gets their own Perangkat
    Daerah's rows, whatever ids are asked); none readable: 404."""
    wanted = [int(part) for part in ids.split(",")[:100000] if part.strip().isdigit()]
    records = request.env[model_name]._asn_xlsx_records(wanted)
    if not records:
        raise request.not_found()
    data = records._asn_xlsx_data()
    content = write_workbook(data["title"], data["sheet"], data["columns"], data["rows"], data["totals"],
                             data.get("widths"))
    return request.make_response(content, headers=[
        ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("Content-Disposition", http.content_disposition("%s.xlsx" % filename)),
    ])


class AsnComplianceExport(http.Controller):
    @http.route(["/hr_asn_performance/compliance/xlsx"], type="http", auth="user")
    def export_compliance_xlsx(self, ids="", **kw):
        """The compliance rows ``ids`` the user may read."""
        return xlsx_download("hr.asn.compliance", ids, _("Kinerja ASN compliance"))
