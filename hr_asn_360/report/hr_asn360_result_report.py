from datetime import date

from babel.dates import format_date

from odoo import api, models

# The printed result is an Indonesian document (its headings are Indonesian in every language): the month
# names come from babel's Indonesian locale, not from a hand-written list.
DOCUMENT_LOCALE = "id"


def semester_label(semester, locale=DOCUMENT_LOCALE):
    """The semester as the form names it, e.g. "I (Januari–Juni)": Kota Semarang's two semesters (seed 000)."""
    first = 1 if str(semester) == "1" else 7
    months = [format_date(date(2000, month, 1), "LLLL", locale=locale) for month in (first, first + 5)]
    return f"{'I' if first == 1 else 'II'} ({months[0]}–{months[1]})"


class ReportHrAsn360Result(models.AbstractModel):
    """Data of the printed "Hasil Penilaian Perilaku 360": the template holds layout only."""

    _name = "report.hr_asn_360.report_hr_asn360_result"
    _description = "Hasil Penilaian Perilaku 360"

    @api.model
    def _get_report_values(self, docids, data=None):
        results = self.env["hr.asn360.result"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.asn360.result",
            "docs": results,
            "lines": {result.id: result._get_report_lines() for result in results},
            "roles": [("atasan", "Atasan"), ("peer", "Rekan Sejawat"), ("subordinate", "Bawahan"),
                      ("others", "Lainnya")],
            "semesters": {semester: semester_label(semester) for semester in ("1", "2")},
            # an Indonesian document: in Indonesian wherever that language is installed
            "report_lang": "id_ID" if self.env["res.lang"].search_count([("code", "=", "id_ID")]) else self.env.lang,
        }
