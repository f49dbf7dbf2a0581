import datetime

from babel.dates import format_date

from odoo import api, models

from ..rules import skp as skp_rules
from .hr_asn_skp_report import LOCALE, date_id

# The record is printed in Indonesian whatever the reader's language, as the SKP is (hr_asn_skp_report.py):
# a page kept with the month's documents. Not a Lampiran I form: the Perwal prescribes no monthly format.
MONTH_STATES_ID = {"open": "Terbuka", "reported": "Realisasi dilaporkan", "reviewed": "Telah direviu"}
ACTIVITY_STATES_ID = {"draft": "Draf", "submitted": "Diajukan", "accepted": "Diterima", "commented": "Dikomentari"}


def month_id_name(year, month):
    """``Desember 2026``."""
    return format_date(datetime.date(year, month, 1), "MMMM y", locale=LOCALE)


def hours_id(hours):
    """``1,5`` (Indonesian decimal comma, no trailing zeros)."""
    return skp_rules.format_quantity(hours or 0.0)


class ReportHrAsnSkpMonth(models.AbstractModel):
    """Data of the month's record (Perwal Bekasi 38/2023 Pasal 16(3): performance documented monthly; issue 14:
    the month's activities beside its realisasi as supporting evidence): the month's targets, realisasi and
    bukti dukung per IKI, then the aktivitas harian under the IKI they serve. The template holds layout only."""

    _name = "report.hr_asn_performance.report_skp_month"
    _description = "Catatan Realisasi dan Aktivitas Harian"

    @api.model
    def _get_report_values(self, docids, data=None):
        # Indonesian wording in the computed texts too (the running capaian), where Indonesian is loaded
        months = self.env["hr.asn.skp.month"].browse(docids)
        if self.env["res.lang"]._lang_get("id_ID"):
            months = months.with_context(lang="id_ID")
        # the reader's read of the months first (record rules); the activities are then read as they may
        months.check_access("read")
        sections = months._asn_activity_sections()
        return {
            "doc_ids": docids,
            "doc_model": "hr.asn.skp.month",
            "docs": months,
            "month_data": {month.id: self._get_month_values(month, sections[month.id]) for month in months},
        }

    @api.model
    def _get_month_values(self, month, sections):
        skp = month.skp_id
        quantitative = skp.approach == "kuantitatif"
        rows, groups, number = [], [], 0
        for section in sections:
            line, iki = section["line"], section["iki"]
            if line:
                number += 1
            label = str(number) if line else "-"
            activities = [{
                # numbered under the IKI's number (1.1, 1.2 ...), on their own under an IKI without a line
                "number": "%s.%d" % (label, index) if line else str(index),
                "date": date_id(activity.date),
                "hours": hours_id(activity.duration),
                "name": activity.name,
                "evidence": activity.evidence_count,
                "state": ACTIVITY_STATES_ID.get(activity.state, activity.state),
            } for index, activity in enumerate(section["activities"], start=1)]
            if line:
                if quantitative:
                    target = " ".join(filter(None, [skp_rules.format_quantity(line.target_value) if line.target_value
                                                    else "", iki.target_unit if line.target_value else ""])) or "-"
                    realisasi_value = " ".join(filter(None, [
                        skp_rules.format_quantity(line.realisasi_value) if line.realisasi_value else "",
                        iki.target_unit if line.realisasi_value else ""]))
                else:
                    target, realisasi_value = line.target_text or "-", ""
                rows.append({
                    "number": label,
                    "rhk": iki.rhk_id.name or "",
                    "iki": iki.name or "",
                    "yearly_target": iki.target_display or "-",
                    "target": target,
                    "realisasi_value": realisasi_value,
                    "realisasi": line.realisasi or ("" if realisasi_value else "-"),
                    "capaian": line.capaian_display if quantitative else "",
                    "bukti": line.attachment_ids.mapped("name"),
                    "activity_count": len(activities),
                    "activity_hours": hours_id(section["hours"]),
                })
            if activities:
                groups.append({"number": label, "iki": iki.name or "", "rhk": iki.rhk_id.name or "",
                               "activities": activities, "hours": hours_id(section["hours"]),
                               "off_plan": not line})
        activity_total = sum(len(group["activities"]) for group in groups)
        return {
            "title": "CATATAN REALISASI DAN AKTIVITAS HARIAN BULAN %s" % month_id_name(month.year, month.month).upper(),
            "month_name": month_id_name(month.year, month.month),
            "state": MONTH_STATES_ID.get(month.state, month.state),
            "quantitative": quantitative,
            "parties": [
                ("Nama", skp.employee_name or month.employee_id.name or "-"),
                ("NIP", skp.employee_nip or "-"),
                ("Jabatan", skp.employee_jabatan or "-"),
                ("Unit Kerja", skp.employee_unit or "-"),
                ("Pejabat Penilai Kinerja", " - NIP. ".join(filter(None, [skp.penilai_name, skp.penilai_nip])) or "-"),
                ("SKP", "Tahun %d%s" % (skp.year, " (revisi ke-%d)" % skp.revision if skp.revision else "")),
            ],
            "dates": [
                ("Target ditetapkan", date_id(month.plan_date) if month.plan_date else "-"),
                ("Realisasi dilaporkan", date_id(month.report_date) if month.report_date else "-"),
                ("Direviu", "%s oleh %s" % (date_id(month.review_date), month.reviewed_by_id.name)
                 if month.review_date else "-"),
            ],
            "review_note": month.review_note or "",
            "rows": rows,
            "groups": groups,
            "activity_total": activity_total,
            "hours_total": hours_id(sum(section["hours"] for section in sections)),
            "footer": {"name": skp.employee_name or month.employee_id.name or "", "nip": skp.employee_nip or "",
                       "title": "Realisasi %s" % month_id_name(month.year, month.month)},
        }
