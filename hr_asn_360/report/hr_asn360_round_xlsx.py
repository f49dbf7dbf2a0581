"""The XLSX writer of a round's results: it only writes what the round prepared (STYLE.md, "XLSX with
xlsxwriter: data from a model method, the writer only writes"; as product/controllers/pricelist_report.py)."""

import io

import xlsxwriter


def write_workbook(title, sheet_name, columns, rows):
    """One sheet: ``title`` in A1, ``columns`` on row 3, then ``rows``; floats with two decimals.
    Returns the workbook as bytes."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_name[:31])  # Excel's limit for a sheet name
    bold = workbook.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True})
    number = workbook.add_format({"num_format": "0.00"})
    sheet.write(0, 0, title, workbook.add_format({"bold": True, "font_size": 13}))
    sheet.write_row(2, 0, columns, bold)
    for index, row in enumerate(rows, start=3):
        for col, value in enumerate(row):
            if isinstance(value, float):
                sheet.write_number(index, col, value, number)
            else:
                sheet.write(index, col, value)
    sheet.freeze_panes(3, 2)
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 32)
    sheet.set_column(2, len(columns), 14)
    workbook.close()
    return output.getvalue()
