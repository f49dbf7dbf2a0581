from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from odoo import api, models

from odoo.addons.hr_asn_performance.report.hr_asn_skp_report import date_id

# The printed result is an Indonesian document (its headings are Indonesian in every language): the month
# names come from babel's Indonesian locale, not from a hand-written list.
DOCUMENT_LOCALE = "id"


def semester_label(semester, locale=DOCUMENT_LOCALE):
    """The semester as the form names it, e.g. "I (Januari–Juni)": Kota Semarang's two semesters (seed 000)."""
    first = 1 if str(semester) == "1" else 7
    months = [format_date(date(2000, month, 1), "LLLL", locale=locale) for month in (first, first + 5)]
    return f"{'I' if first == 1 else 'II'} ({months[0]}–{months[1]})"


def number(value, locale=DOCUMENT_LOCALE):
    """A mean or score as the Indonesian document writes it: two decimals after a comma, e.g. "4,86"."""
    return format_decimal(value or 0.0, "0.00", locale=locale)


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
            "number": number,
            "parties": {result.id: self._get_parties(result) for result in results},
            # an Indonesian document: in Indonesian wherever that language is installed
            "report_lang": "id_ID" if self.env["res.lang"].search_count([("code", "=", "id_ID")]) else self.env.lang,
        }

    @api.model
    def _get_parties(self, result):
        """Who the result is about, and who signs it, written as the SKP writes them ("Penata Muda, III/a").

        The result is a record of the Umpan Balik Berkelanjutan the employee received from superiors, peers
        and subordinates (Perwal Bekasi 38/2023 Pasal 17(3), 18; seed 002: the 360 gives that feedback each
        semester) and its suggested rating is material for the Pejabat Penilai Kinerja, who rates perilaku
        kerja (Pasal 24): so the employee's Pejabat Penilai Kinerja signs it, as the Evaluasi Kinerja Pegawai
        page of Lampiran I is signed, at the place the SKP prints and on the day the round closed (the day its
        results were computed, never changed after). A head of region (Lampiran II) signs by name, without NIP.
        """
        Skp = self.env["hr.asn.skp"]
        employee = result.employee_id
        person = Skp._asn_person_vals("employee", employee)
        penilai = Skp._asn_person_vals("penilai", employee.pejabat_penilai_id, employee.pejabat_penilai_official)
        company = result.round_id.company_id
        place = company.asn_sign_place or company.city or "...................."
        return {
            "pangkat": person["employee_pangkat"] or "-",
            "footer": {"name": employee.name or "", "nip": employee.nip or "",
                       "title": "Hasil Penilaian Perilaku 360 Semester %s %d" % (
                           "I" if result.round_id.semester == "1" else "II", result.round_id.year)},
            "signature": {
                "place_date": "%s, %s" % (place, date_id(result.round_id.date_close)),
                "name": penilai["penilai_name"] or "",
                "nip": penilai["penilai_nip"] or "",
            },
        }
