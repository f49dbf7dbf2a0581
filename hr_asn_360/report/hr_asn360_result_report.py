from odoo import api, models


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
            "semesters": {"1": "I (Januari–Juni)", "2": "II (Juli–Desember)"},
            # an Indonesian document: in Indonesian wherever that language is installed
            "report_lang": "id_ID" if self.env["res.lang"].search_count([("code", "=", "id_ID")]) else self.env.lang,
        }
