from babel.dates import format_date

from odoo import api, models

from ..rules import skp as skp_rules

# An Indonesian legal document names its months in Indonesian whatever languages the database has
# installed (Lampiran I: "JANUARI SD DESEMBER TAHUN 20XX"): babel's ``id`` locale, not the user's.
LOCALE = "id"
BLANK_DATE = "...................."
# Lampiran I: the formats 1-5 list the RHK one under the other, formats 2 and 4 tabulate them.
LAYOUTS = {"1": "list", "2": "table_perspective", "3": "list", "4": "table_cascade", "5": "list"}
IKI_HEADINGS = {
    "1": "Ukuran keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:",
    "3": "Ukuran keberhasilan/ indikator kinerja individu dan Target:",
    "5": "Ukuran keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:",
}
# The organisation printed under the title of the "LAMPIRAN SASARAN KINERJA PEGAWAI" page: format 1
# prints (NAMA INSTANSI), formats 2-4 (NAMA PERANGKAT DAERAH). Format 5 has no such page in Lampiran I.
LAMPIRAN_ORGANISATION = {"1": "instansi", "2": "opd", "3": "opd", "4": "opd", "5": "instansi"}


def date_id(value):
    """``10 Januari 2026``."""
    return format_date(value, "d MMMM y", locale=LOCALE) if value else BLANK_DATE


def period_id(date_from, date_to, year):
    """``1 JANUARI SD 31 DESEMBER TAHUN 2026`` (Lampiran I: "JANUARI SD DESEMBER TAHUN 20XX")."""
    first, last = (format_date(day, "d MMMM", locale=LOCALE).upper() for day in (date_from, date_to))
    return "%s SD %s TAHUN %d" % (first, last, year)


class ReportHrAsnSkp(models.AbstractModel):
    """Data of the printed SKP (Perwal Bekasi 38/2023 Lampiran I formats 1-5 and the "LAMPIRAN SASARAN
    KINERJA PEGAWAI" page): the template holds layout only."""

    _name = "report.hr_asn_performance.report_skp"
    _description = "Sasaran Kinerja Pegawai (Lampiran I)"

    @api.model
    def _get_report_values(self, docids, data=None):
        skps = self.env["hr.asn.skp"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "hr.asn.skp",
            "docs": skps,
            "skp_data": {skp.id: self._get_skp_values(skp) for skp in skps},
        }

    @api.model
    def _get_skp_values(self, skp):
        fmt = skp.skp_format or skp._asn_format(skp.employee_id, skp.approach)
        period = period_id(skp.date_from, skp.date_to, skp.year)
        supports = self._get_support_sections(skp)
        organisation = {"instansi": skp.employee_instansi, "opd": skp.opd_id.name}[LAMPIRAN_ORGANISATION[fmt]]
        return {
            "format": fmt,
            "headings": skp_rules.FORMATS[fmt],
            "opd_name": (skp.opd_id.name or skp.employee_unit or "").upper(),
            "period": period,
            "perjanjian_kerja": skp.perjanjian_kerja_ref if skp.is_pppk else False,
            "is_draft": skp.state in ("draft", "submitted"),
            "revision": skp.revision,
            "parties": self._get_party_rows(skp, fmt),
            "layout": LAYOUTS[fmt],
            "iki_heading": IKI_HEADINGS.get(fmt, ""),
            "sections": self._get_rhk_sections(skp),
            "behaviors": self._get_behavior_rows(skp),
            # Lampiran I has no Lampiran SKP page for format 5 (tugas belajar): printed only when filled
            "has_lampiran": fmt != "5" or bool(skp.support_ids),
            "lampiran_organisation": (organisation or "").upper(),
            "supports": supports,
            "signature": self._get_signature(skp),
            "footer": self._get_footer(skp),
        }

    @api.model
    def _get_party_rows(self, skp, fmt):
        """Both sides of the header table; row 5 of the Pejabat Penilai Kinerja is INSTANSI in formats
        1, 2 and 5, UNIT KERJA in formats 3 and 4."""
        jabatan = skp.penilai_jabatan
        if not skp.pejabat_penilai_id and skp.pejabat_penilai_official:
            # the head of region (Lampiran II) has no employee record: the post is their title, the
            # instansi the Pemda of the employee
            company = skp.company_id
            jabatan = dict(company._fields["asn_region_head_title"]._description_selection(self.env)).get(
                company.asn_region_head_title or "wali_kota")
        if skp_rules.is_leader_format(fmt):
            last = ("INSTANSI", skp.penilai_instansi or skp.employee_instansi)
        else:
            last = ("UNIT KERJA", skp.penilai_unit)
        employee = (("NAMA", skp.employee_name), ("NIP", skp.employee_nip),
                    ("PANGKAT/GOL. RUANG", skp.employee_pangkat), ("JABATAN", skp.employee_jabatan),
                    ("UNIT KERJA", skp.employee_unit))
        penilai = (("NAMA", skp.penilai_name), ("NIP", skp.penilai_nip), ("PANGKAT/GOL. RUANG", skp.penilai_pangkat),
                   ("JABATAN", jabatan), last)
        return [
            {"number": number, "label": left[0], "value": left[1] or "-",
             "penilai_label": right[0], "penilai_value": right[1] or "-"}
            for number, (left, right) in enumerate(zip(employee, penilai, strict=True), start=1)
        ]

    @api.model
    def _get_rhk_sections(self, skp):
        """A. UTAMA and B. TAMBAHAN, the RHK numbered on across both (Lampiran I formats 1, 3-5), each
        with its IKI rows; ``rowspan`` is the number of table rows the RHK's cells span."""
        aspects = dict(skp_rules.IKI_ASPECTS)
        perspectives = dict(skp_rules.PERSPECTIVES)
        sections = []
        number = 0
        for kind, title in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
            rows = []
            for rhk in skp.rhk_ids.filtered(lambda r, k=kind: r.kind == k).sorted(lambda r: (r.sequence, r.id)):
                number += 1
                ikis = [{
                    "name": iki.name,
                    "aspect": aspects.get(iki.aspect, ""),
                    "target": iki.target_display or "-",
                    "perspective": perspectives.get(iki.perspective, "") or "-",
                } for iki in rhk.iki_ids.sorted(lambda i: (i.sequence, i.id))]
                rows.append({
                    "number": number,
                    "name": rhk.name,
                    "assigned_by": rhk.assigned_by or "",
                    # the superior's RHK belongs to somebody else's SKP the reader may not open
                    "parent": rhk.sudo().parent_rhk_id.name or "-",
                    "taken_over_note": (rhk.takeover_note or "-") if rhk.taken_over else False,
                    "ikis": ikis or [{}],
                    "rowspan": max(len(ikis), 1),
                })
            sections.append({"title": title, "rhks": rows})
        return sections

    @api.model
    def _get_behavior_rows(self, skp):
        """The seven BerAKHLAK values in the order of Pasal 9(3), each with its Ekspektasi Khusus Pimpinan."""
        expectations = {line.value: line.special_expectation for line in skp.behavior_ids}
        return [{"number": number, "name": name, "behaviours": behaviours, "expectation": expectations.get(code) or ""}
                for number, (code, name, behaviours) in enumerate(skp_rules.BERAKHLAK, start=1)]

    @api.model
    def _get_support_sections(self, skp):
        """DUKUNGAN SUMBER DAYA, SKEMA PERTANGGUNGJAWABAN, KONSEKUENSI; an empty one keeps a numbered row."""
        sections = []
        for kind, title in skp_rules.SUPPORT_KINDS:
            lines = skp.support_ids.filtered(lambda s, k=kind: s.kind == k).sorted(lambda s: (s.sequence, s.id))
            sections.append({"title": title,
                             "lines": [(n, line.name) for n, line in enumerate(lines, start=1)] or [(1, "")]})
        return sections

    @api.model
    def _get_signature(self, skp):
        place = skp.company_id.asn_sign_place or skp.company_id.city or "...................."
        return {
            "place_date": "%s, %s" % (place, date_id(skp.set_date or skp.submit_date)),
            "employee_name": skp.employee_name or skp.employee_id.name or "",
            "employee_nip": skp.employee_nip or "",
            "penilai_name": skp.penilai_name or "",
            "penilai_nip": skp.penilai_nip or "",
        }

    @api.model
    def _get_footer(self, skp):
        """The running footer of every page: whose SKP it is (name and NIP, as the signature prints them) and
        of which year; the page number is wkhtmltopdf's."""
        return {
            "name": skp.employee_name or skp.employee_id.name or "",
            "nip": skp.employee_nip or "",
            "title": "SKP %d" % skp.year,
        }
