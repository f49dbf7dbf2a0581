"""Data of the printed evaluation (Perwal Bekasi 38/2023 Pasal 24-30, Lampiran I): the templates hold layout only.

One document per evaluation, as Lampiran I lays it out after each of Formats 1-4: the page "EVALUASI
KINERJA PEGAWAI" (header, both parties, capaian kinerja organisasi, pola distribusi with the curve, the
hasil kerja with realisasi and Umpan Balik, rating hasil kerja, the seven BerAKHLAK values, rating perilaku
kerja, predikat, the Pejabat Penilai Kinerja's signature), then the page "DOKUMEN EVALUASI KINERJA PEGAWAI"
(sections 1-7). Readings of the Lampiran this report makes, where its text leaves a choice:

- "PERIODE: TRIWULAN I/II/III/IV-AKHIR": the period of the evaluation as the cadence gives it
  (rules.period_label: "MARET 2026", "TRIWULAN I 2026" ... "TRIWULAN IV-AKHIR 2026"). The annual evaluation
  (Pasal 25) is the year's last, "akhir", evaluation: it prints "PERIODE: AKHIR TAHUN 2026" (the Lampiran has
  no separate annual page; "TAHUN 2026" alone is none of its options).
- "PERIODE PENILAIAN": the period of the evaluated SKP, as the SKP prints it ("1 JANUARI SD 31 DESEMBER
  TAHUN 2026"): the Lampiran pairs "PERIODE: TRIWULAN I" with "JANUARI SD DESEMBER TAHUN 20XX".
- Row 5 of the Pejabat Penilai Kinerja: label and value as each format's evaluation page prints them (format
  1 UNIT KERJA / instansi, 2 INSTANSI / instansi, 3 UNIT KERJA / unit kerja, 4 INSTANSI / unit kerja); the
  DOKUMEN page's "UNIT KERJA" of the Pejabat Penilai Kinerja prints the same value as that row.
- Form notes are not printed: the asterisks of "CAPAIAN KINERJA ORGANISASI*", "RATING HASIL KERJA*" ... (the
  chosen option is printed instead) and "NIP (*opsional)" (as the SKP report prints it).
- Format 5 (tugas belajar, Pasal 14): Lampiran I gives it no evaluation page. Its evaluation prints the
  Format 1 evaluation page (kualitatif, the RHK listed with their IKI; as the SKP report lays Format 5 out
  like Format 1) under Format 5's own heading "PENDEKATAN HASIL KERJA KUALITATIF / BAGI PEGAWAI TUGAS
  BELAJAR", with the RHK of the tugas belajar SKP, then the same DOKUMEN page.
- A decided keberatan (Pasal 30): the ratings and predikat printed are the final ones, with a line saying
  the keberatan was upheld (dikabulkan) or rejected (ditolak), when and by which Atasan Pejabat Penilai
  Kinerja; a pending one is said to await the decision.
- The annual evaluation of an employee with more than one SKP in the year (Pasal 25(2)) adds the table of
  the year's SKP and the result of each after the predikat, before the signature.

Selection values print in the words of the Lampiran ("DI ATAS EKSPEKTASI", "KURANG (MISCONDUCT)"), dates in
Indonesian (babel's ``id`` locale, as the SKP report), and the curve in Indonesian wherever that language
is installed.
"""
import base64
import re
from collections import OrderedDict

from babel.numbers import format_decimal
from lxml import etree
from markupsafe import Markup

from odoo import api, models

from odoo.addons.hr_asn_performance.models.hr_asn_skp import PARTY_FIELDS
from odoo.addons.hr_asn_performance.report.hr_asn_skp_report import BLANK_DATE, date_id, period_id
from odoo.addons.hr_asn_performance.rules import skp as skp_rules

from ..rules import evaluation as rules

DOCUMENT_LANG = "id_ID"
NUMBER_LOCALE = "id"
# Lampiran I prints the chosen value of each scale in capitals, in its own words.
RATING_PRINT = {"diatas": "DI ATAS EKSPEKTASI", "sesuai": "SESUAI EKSPEKTASI", "dibawah": "DI BAWAH EKSPEKTASI"}
PREDIKAT_PRINT = {"sangat_baik": "SANGAT BAIK", "baik": "BAIK", "butuh_perbaikan": "BUTUH PERBAIKAN",
                  "kurang": "KURANG (MISCONDUCT)", "sangat_kurang": "SANGAT KURANG"}
PREDIKAT_NAMES = {"sangat_baik": "Sangat Baik", "baik": "Baik", "butuh_perbaikan": "Butuh Perbaikan",
                  "kurang": "Kurang (Misconduct)", "sangat_kurang": "Sangat Kurang"}
CAPAIAN_PRINT = {code: label.upper() for code, label in rules.CAPAIAN}
# Lampiran I, EVALUASI KINERJA PEGAWAI: formats 1 and 3 list each RHK with its IKI, 2 and 4 tabulate them.
LAYOUTS = {"1": "list", "2": "table_perspective", "3": "list", "4": "table_cascade", "5": "list"}
IKI_HEADING = "Ukuran keberhasilan/ indikator kinerja individu dan Target:"
# Row 5 of the Pejabat Penilai Kinerja on each format's evaluation page: (label, party field printed).
PENILAI_LAST_ROW = {"1": ("UNIT KERJA", "instansi"), "2": ("INSTANSI", "instansi"), "3": ("UNIT KERJA", "unit"),
                    "4": ("INSTANSI", "unit"), "5": ("UNIT KERJA", "instansi")}
CURVE_LEGEND = ("Batang: predikat kinerja pegawai dalam tim (%d pegawai). Garis: batas paling banyak (utuh) dan "
                "paling sedikit (putus-putus) menurut pola distribusi.")
PARTY_LABELS = (("name", "NAMA"), ("nip", "NIP"), ("pangkat", "PANGKAT/GOL. RUANG"), ("jabatan", "JABATAN"),
                ("unit", "UNIT KERJA"))


def number_id(value):
    """``1.250,5``: a figure as an Indonesian reads it (at most two decimals)."""
    return format_decimal(value or 0.0, format="#,##0.##", locale=NUMBER_LOCALE)


def period_line(evaluation):
    """What follows "PERIODE:" (see the module docstring): the cadence's label, "AKHIR TAHUN <year>" for
    the annual evaluation."""
    if evaluation.kind == "annual":
        return "AKHIR TAHUN %d" % evaluation.year
    return evaluation.period_label or ""


def document_lang(env):
    """The documents are Indonesian: in Indonesian wherever that language is installed (as the 360 report)."""
    return DOCUMENT_LANG if env["res.lang"].sudo().search_count([("code", "=", DOCUMENT_LANG)]) else env.lang


def curve_for_print(svg):
    """The team's chart (hr.asn.evaluation.team._asn_curve_svg) for paper: without its first line of text, the
    title, which the document prints above it as Lampiran I does (in the box, wrapped to the page), and without
    its last, the legend (the screen's words, in the user's language), for which the document prints its own
    Indonesian one (CURVE_LEGEND); the predikat names in a smaller font, so that they do not run together.

    Printed as an image of the SVG (a data URI), not inline: the wkhtmltopdf with patched Qt that prints the
    page footers (its QtWebKit of Qt 4.8) draws no inline SVG in HTML, while it draws an SVG image; Debian's
    build draws both. The image has the chart's own size (its viewBox) and the PDF's font."""
    try:
        root = etree.fromstring(str(svg).encode())
    except etree.XMLSyntaxError:
        return svg
    texts = root.findall("{http://www.w3.org/2000/svg}text")
    if len(texts) < 3:
        return svg
    heights = [float(text.get("y", 0)) for text in texts]
    if heights[0] == min(heights):
        root.remove(texts[0])
    if heights[-1] == max(heights):
        root.remove(texts[-1])
    style = re.sub(r"font-size:\s*[\d.]+px", "font-size:9px", root.get("style", ""))
    root.set("style", re.sub(r"font-family:[^;]*", "font-family:'DejaVu Sans',sans-serif", style))
    box = (root.get("viewBox") or "").split()
    width, height = (box[2], box[3]) if len(box) == 4 else ("500", "240")
    root.set("width", width)
    root.set("height", height)
    data = base64.b64encode(etree.tostring(root, encoding="utf-8", xml_declaration=True)).decode()
    return Markup('<img class="o_asn_eval_curve_img" src="data:image/svg+xml;base64,%s" width="%s" height="%s" '
                  'style="width: 100%%; max-width: %spx; height: auto;" alt=""/>') % (data, width, height, width)


def sign_place(company):
    return company.asn_sign_place or company.city or "...................."


class ReportHrAsnEvaluation(models.AbstractModel):
    """Data of the printed Evaluasi Kinerja Pegawai (Lampiran I; see the module docstring for its readings)."""

    _name = "report.hr_asn_evaluation.report_evaluation"
    _description = "Evaluasi Kinerja Pegawai (Lampiran I)"

    @api.model
    def _get_report_values(self, docids, data=None):
        evaluations = self.env["hr.asn.evaluation"].browse(docids)
        # who may print is who may read: the record rules of the printing user decide (the portal passes sudo)
        evaluations.check_access("read")
        evaluations = evaluations.with_context(lang=document_lang(self.env))
        return {
            "doc_ids": docids,
            "doc_model": "hr.asn.evaluation",
            "docs": evaluations,
            "evaluation_data": {evaluation.id: self._get_evaluation_values(evaluation) for evaluation in evaluations},
        }

    @api.model
    def _get_evaluation_values(self, evaluation):
        skp = evaluation.skp_id.sudo()
        fmt = evaluation.skp_format or skp.skp_format or "3"
        parties = self._get_parties(evaluation)
        last_label, last_field = PENILAI_LAST_ROW[fmt]
        return {
            "format": fmt,
            "headings": skp_rules.FORMATS[fmt],
            "layout": LAYOUTS[fmt],
            "iki_heading": IKI_HEADING,
            "period_line": period_line(evaluation),
            "opd_name": (evaluation.sudo().opd_id.name or evaluation.employee_unit or "").upper(),
            "periode_penilaian": period_id(skp.date_from, skp.date_to, skp.year) if skp else "",
            "is_draft": evaluation.state in ("draft", "dinilai"),
            "revision": False,
            "party_rows": self._get_party_rows(parties, last_label, last_field),
            "capaian": self._get_capaian(evaluation),
            "curve": self._get_curve(evaluation),
            "sections": self._get_rhk_sections(evaluation, fmt),
            "rating_hasil": RATING_PRINT.get(evaluation.rating_hasil, "-"),
            "behaviors": self._get_behavior_rows(evaluation),
            "rating_perilaku": RATING_PRINT.get(evaluation.rating_perilaku, "-"),
            "predikat": PREDIKAT_PRINT.get(evaluation.predikat, "-"),
            "objection_note": self._get_objection_note(evaluation),
            "components": self._get_components(evaluation),
            "year": evaluation.year,
            "dokumen_sections": self._get_dokumen_sections(parties, last_field),
            "catatan": self._get_catatan(evaluation),
            "signature": self._get_signature(evaluation, parties),
            # every page: whose evaluation it is and of which period (the page number is wkhtmltopdf's)
            "footer": {"name": parties["employee"]["name"] or evaluation.employee_id.name or "",
                       "nip": parties["employee"]["nip"] or "",
                       "title": "Evaluasi Kinerja Pegawai %s" % period_line(evaluation)},
        }

    # ------------------------------------------------------------------------------------------
    # Parties
    # ------------------------------------------------------------------------------------------
    @api.model
    def _get_parties(self, evaluation):
        """The three parties of the evaluation's snapshot (as hr.asn.skp keeps them); the head of region, who
        has no employee record (Lampiran II), is named by the post, the Pemda as instansi and unit."""
        region_title = dict(evaluation.company_id._fields["asn_region_head_title"]._description_selection(
            self.env)).get(evaluation.company_id.asn_region_head_title or "wali_kota")
        parties = {}
        for prefix, official in (("employee", False), ("penilai", evaluation.pejabat_penilai_official),
                                 ("atasan", evaluation.atasan_pejabat_penilai_official)):
            person = {field: evaluation["%s_%s" % (prefix, field)] or "" for field in PARTY_FIELDS}
            if official and not person["jabatan"]:
                person.update(name=person["name"] or official, jabatan=region_title,
                              instansi=evaluation.employee_instansi or "", unit=evaluation.employee_instansi or "")
            parties[prefix] = person
        return parties

    @api.model
    def _get_party_rows(self, parties, last_label, last_field):
        """The header table: NO / PEGAWAI YANG DINILAI / NO / PEJABAT PENILAI KINERJA, five rows."""
        rows = []
        for number, (field, label) in enumerate(PARTY_LABELS, start=1):
            penilai_label, penilai_field = (last_label, last_field) if field == "unit" else (label, field)
            rows.append({"number": number, "label": label, "value": parties["employee"][field] or "-",
                         "penilai_label": penilai_label, "penilai_value": parties["penilai"][penilai_field] or "-"})
        return rows

    @api.model
    def _get_dokumen_sections(self, parties, last_field):
        """DOKUMEN EVALUASI KINERJA PEGAWAI, sections 1-3: each party's five rows (label, value)."""
        sections = []
        for number, prefix, title in ((1, "employee", "PEGAWAI YANG DINILAI"),
                                      (2, "penilai", "PEJABAT PENILAI KINERJA"),
                                      (3, "atasan", "ATASAN PEJABAT PENILAI KINERJA")):
            person = parties[prefix]
            rows = []
            for field, label in PARTY_LABELS:
                value = person[last_field] if (prefix == "penilai" and field == "unit") else person[field]
                rows.append((label, value or "-"))
            sections.append({"number": "%d." % number, "title": title, "rows": rows})
        return sections

    # ------------------------------------------------------------------------------------------
    # Capaian and curve
    # ------------------------------------------------------------------------------------------
    @api.model
    def _get_capaian(self, evaluation):
        capaian = evaluation.sudo().team_id.capaian or evaluation.capaian
        return CAPAIAN_PRINT.get(capaian, "-")

    @api.model
    def _get_curve(self, evaluation):
        """The team's chart (hr.asn.evaluation.team._asn_curve_svg): its predikat against the curve of its
        capaian, as the team screen draws it; none before the capaian is known."""
        team = evaluation.sudo().team_id
        if not team or not team.capaian:
            return False
        counts = {code: team["count_%s" % code] for code in rules.PREDIKAT_CODES}
        return {"svg": curve_for_print(team._asn_curve_svg(counts)),
                "legend": CURVE_LEGEND % sum(counts.values())}

    # ------------------------------------------------------------------------------------------
    # Hasil kerja and perilaku kerja
    # ------------------------------------------------------------------------------------------
    @api.model
    def _get_rhk_sections(self, evaluation, fmt):
        """A. UTAMA and B. TAMBAHAN, the RHK numbered on across both (as the SKP prints them), each with its
        IKI rows and what the period brought: realisasi with bukti dukung, Umpan Balik, takeover notes."""
        aspects = dict(skp_rules.IKI_ASPECTS)
        perspectives = dict(skp_rules.PERSPECTIVES)
        kuantitatif = fmt in ("2", "4")
        groups = OrderedDict()
        for line in evaluation.sudo().line_ids.sorted(lambda line: (line.sequence, line.id)):
            groups.setdefault(line.rhk_id.id or ("line", line.id), []).append(line)
        sections = []
        number = 0
        for kind, title in (("utama", "A. UTAMA"), ("tambahan", "B. TAMBAHAN")):
            rows = []
            for lines in groups.values():
                first = lines[0]
                if (first.kind or "utama") != kind:
                    continue
                number += 1
                ikis = [{
                    "name": line.iki_name or "",
                    "aspect": aspects.get(line.aspect, "") or "-",
                    "target": line.target_display or "-",
                    "perspective": perspectives.get(line.iki_id.perspective, "") or "-",
                    "realisasi": self._get_realisasi(line, kuantitatif),
                } for line in lines]
                feedback = list(OrderedDict.fromkeys(line.feedback for line in lines if line.feedback))
                if len(ikis) == 1:
                    realisasi = ikis[0]["realisasi"]
                else:
                    realisasi = "\n".join("%s: %s" % (iki["name"], iki["realisasi"]) for iki in ikis)
                rows.append({
                    "number": number,
                    "name": first.rhk_name or "",
                    "assigned_by": first.assigned_by or "",
                    "parent": first.parent_rhk_name or "-",
                    "taken_over_note": (first.takeover_note or "-") if first.taken_over else False,
                    "ikis": ikis,
                    "rowspan": len(ikis),
                    "realisasi": realisasi,
                    "feedback": "\n".join(feedback) or "-",
                })
            sections.append({"title": title, "rhks": rows})
        return sections

    @api.model
    def _get_realisasi(self, line, kuantitatif):
        """REALISASI BERDASARKAN BUKTI DUKUNG of one IKI: what the employee reported per month, for a
        kuantitatif IKI the figure against the period's target, and the number of bukti dukung."""
        parts = [line.realisasi] if line.realisasi else []
        if kuantitatif and line.period_target:
            parts.append("Realisasi %s dari target %s (%s%%)" % (
                number_id(line.realisasi_value), number_id(line.period_target), number_id(line.capaian_pct)))
        if line.attachment_count:
            parts.append("Bukti dukung: %d berkas" % line.attachment_count)
        return "\n".join(parts) or "-"

    @api.model
    def _get_behavior_rows(self, evaluation):
        """The seven BerAKHLAK values in the order of Pasal 9(3), each with its Ekspektasi Khusus Pimpinan and
        the Umpan Balik of the period."""
        by_value = {behavior.value: behavior for behavior in evaluation.sudo().behavior_ids}
        rows = []
        for number, (code, name, behaviours) in enumerate(skp_rules.BERAKHLAK, start=1):
            behavior = by_value.get(code)
            rows.append({"number": number, "name": name, "behaviours": behaviours,
                         "expectation": (behavior.expectation or "") if behavior else "",
                         "feedback": (behavior.feedback or "-") if behavior else "-"})
        return rows

    # ------------------------------------------------------------------------------------------
    # Keberatan, annual components, notes, signatures
    # ------------------------------------------------------------------------------------------
    @api.model
    def _get_objection_note(self, evaluation):
        """Pasal 30: the documents show the final result and that a keberatan was decided."""
        objection = evaluation.sudo().objection_ids.sorted("id")[-1:]
        if not objection:
            return False
        atasan = objection.atasan_name or objection.decided_by_id.name or "-"
        if objection.state == "upheld":
            return ("Keberatan Pegawai atas evaluasi ini dikabulkan oleh Atasan Pejabat Penilai Kinerja (%s) pada "
                    "%s: predikat kinerja pegawai %s menjadi %s." % (
                        atasan, date_id(objection.decided_date),
                        PREDIKAT_PRINT.get(objection.original_predikat, "-"),
                        PREDIKAT_PRINT.get(objection.new_predikat or evaluation.predikat, "-")))
        if objection.state == "rejected":
            return ("Keberatan Pegawai atas evaluasi ini ditolak oleh Atasan Pejabat Penilai Kinerja (%s) pada %s: "
                    "predikat kinerja pegawai tetap %s." % (
                        atasan, date_id(objection.decided_date), PREDIKAT_PRINT.get(evaluation.predikat, "-")))
        return ("Keberatan Pegawai diajukan pada %s dan menunggu keputusan Atasan Pejabat Penilai Kinerja (%s)."
                % (date_id(objection.date), atasan))

    @api.model
    def _get_components(self, evaluation):
        """Pasal 25(2): the SKP of the year, each with its result, when the annual evaluation has several."""
        components = evaluation.sudo().component_ids.sorted(lambda c: (c.date_from, c.id))
        if evaluation.kind != "annual" or len(components) < 2:
            return []
        return [{
            "number": number,
            "period": "%s s.d. %s" % (date_id(component.date_from), date_id(component.date_to)),
            "months": component.months,
            "jabatan": component.jabatan or "-",
            "unit": component.unit or "-",
            "penilai": component.penilai_name or "-",
            "predikat": PREDIKAT_PRINT.get(component.predikat, "-"),
            "source": component.source or "-",
        } for number, component in enumerate(components, start=1)]

    @api.model
    def _get_catatan(self, evaluation):
        """5. CATATAN/REKOMENDASI (Pasal 24(5)); the annual evaluation also its keterangan (Pasal 25(4))."""
        notes = [("Catatan", evaluation.catatan)]
        if evaluation.kind == "annual":
            notes.append(("Keterangan", evaluation.keterangan))
        notes.append(("Rekomendasi", evaluation.rekomendasi))
        return [(label, text) for label, text in notes if text]

    @api.model
    def _get_signature(self, evaluation, parties):
        """6. Pejabat Penilai Kinerja signs when setting (ditetapkan), 7. Pegawai yang Dinilai when receiving."""
        place = sign_place(evaluation.company_id)
        return {
            "penilai_place_date": "%s, %s" % (place, date_id(evaluation.set_date)),
            "employee_place_date": "%s, %s" % (place, date_id(evaluation.accept_date))
            if evaluation.accept_date else "%s, %s" % (place, BLANK_DATE),
            "employee_name": parties["employee"]["name"] or evaluation.employee_id.name or "",
            "employee_nip": parties["employee"]["nip"] or "",
            "penilai_name": parties["penilai"]["name"] or "",
            "penilai_nip": parties["penilai"]["nip"] or "",
        }


class ReportHrAsnEvaluationTeam(models.AbstractModel):
    """Data of the team's "PENETAPAN CAPAIAN KINERJA ORGANISASI DAN DISTRIBUSI PREDIKAT KINERJA PEGAWAI"
    (Pasal 24(1), 25(1)): the capaian kinerja organisasi of the period, the team's predikat counted against
    the pola distribusi of that capaian (national_rules.md §3, whole employees half up as rules.curve_limits
    counts them), the curve drawn, the justification where the team was set against it, the list of the
    team's predikat, signed by the Pejabat Penilai Kinerja. Lampiran I has no model of this page: its
    wording follows the Perwal's (Pasal 24(1)a-c)."""

    _name = "report.hr_asn_evaluation.report_evaluation_team"
    _description = "Penetapan Capaian Kinerja Organisasi dan Distribusi Predikat Kinerja Pegawai"

    @api.model
    def _get_report_values(self, docids, data=None):
        teams = self.env["hr.asn.evaluation.team"].browse(docids)
        teams.check_access("read")
        teams = teams.with_context(lang=document_lang(self.env))
        return {
            "doc_ids": docids,
            "doc_model": "hr.asn.evaluation.team",
            "docs": teams,
            "team_data": {team.id: self._get_team_values(team) for team in teams},
        }

    @api.model
    def _get_team_values(self, team):
        team_su = team.sudo()
        counts = {code: team_su["count_%s" % code] for code in rules.PREDIKAT_CODES}
        total = sum(counts.values())
        table = team_su._asn_curve_table()
        violations = rules.curve_violations(team_su.capaian, counts, table) if team_su.capaian else []
        broken = {violation.code for violation in violations}
        limits = rules.curve_limits(team_su.capaian, total, table) if team_su.capaian and total else []
        evaluations = team_su.evaluation_ids.sorted(lambda e: (e.predikat_sequence or 9, e.employee_name or "", e.id))
        first = evaluations[:1]
        capaian_record = team_su.capaian_id
        penilai_nip = first.penilai_nip or team_su.pejabat_penilai_id.nip or ""
        return {
            "period_line": period_line(first) if first else (team_su.period_label or ""),
            "is_draft": team_su.state != "ditetapkan",
            "revision": False,
            "opd_name": (team_su.opd_id.name or team_su.department_id.name or "").upper(),
            "unit_name": team_su.department_id.name or "-",
            "scope_opd": team_su.company_id.asn_curve_scope == "opd",
            "penilai_rows": [("NAMA", team_su.penilai_name or "-"), ("NIP", penilai_nip or "-"),
                             ("JABATAN", first.penilai_jabatan or team_su.penilai_name or "-"),
                             ("UNIT KERJA", first.penilai_unit or team_su.department_id.name or "-")],
            "capaian": CAPAIAN_PRINT.get(team_su.capaian, "-"),
            "capaian_basis": capaian_record.basis or "",
            "capaian_score": number_id(capaian_record.score) if capaian_record.mode == "computed" else "",
            "counts": [{"number": number, "name": PREDIKAT_PRINT[code], "count": counts[code],
                        "share": "%s%%" % number_id(100.0 * counts[code] / total if total else 0.0)}
                       for number, code in enumerate(rules.PREDIKAT_CODES, start=1)],
            "total": total,
            "rules": [dict(self._describe_limit(limit), number=number, met=limit["code"] not in broken,
                           actual=sum(counts[code] for code in limit["predikats"]))
                      for number, limit in enumerate(limits, start=1)],
            "complies": bool(team_su.capaian) and not violations,
            "curve": {"svg": curve_for_print(team_su._asn_curve_svg(counts)),
                      "legend": CURVE_LEGEND % total} if team_su.capaian else False,
            "justification": team_su.justification if team_su.curve_broken or violations else "",
            "members": [{"number": number, "name": evaluation.employee_name or "",
                         "nip": evaluation.employee_nip or "-",
                         "jabatan": evaluation.employee_jabatan or "-",
                         "predikat": PREDIKAT_PRINT.get(evaluation.predikat, "-")}
                        for number, evaluation in enumerate(evaluations, start=1)],
            "signature": {
                "place_date": "%s, %s" % (sign_place(team_su.company_id), date_id(team_su.set_date)),
                "name": team_su.penilai_name or "",
                "nip": penilai_nip,
            },
            # every page: the Pejabat Penilai Kinerja whose team it is (the page number is wkhtmltopdf's)
            "footer": {"name": team_su.penilai_name or "", "nip": penilai_nip,
                       "title": "Distribusi Predikat %s" % (team_su.department_id.name or "")},
        }

    @api.model
    def _describe_limit(self, limit):
        """One row of the pola distribusi in the words of national_rules.md §3, with its whole-employee limit."""
        group = " dan/atau ".join(PREDIKAT_NAMES[code] for code in limit["predikats"])
        if limit["op"] == "largest":
            return {"text": "%s merupakan kelompok terbesar" % group, "limit": "-"}
        percent = "" if limit["percent"] is None else " %s%%" % number_id(limit["percent"])
        if limit["op"] == "max":
            return {"text": "%s paling banyak%s" % (group, percent), "limit": "≤ %d" % limit["count"]}
        return {"text": "%s paling sedikit%s" % (group, percent or " satu pegawai"), "limit": "≥ %d" % limit["count"]}
