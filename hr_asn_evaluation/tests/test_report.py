"""The printed evaluation: Perwal Bekasi 38/2023 Lampiran I, the pages "EVALUASI KINERJA PEGAWAI" and "DOKUMEN
EVALUASI KINERJA PEGAWAI" after each of Formats 1-4, every heading in the Lampiran's order; the team's
penetapan page; the batch print job that makes one PDF of a whole team or Perangkat Daerah."""
import base64
import io

import lxml.html
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from ..report.hr_asn_evaluation_report import number_id
from .common import HrAsnEvaluationCase

REPORT = "hr_asn_evaluation.hr_asn_evaluation_report"
TEAM_REPORT = "hr_asn_evaluation.hr_asn_evaluation_team_report"

# The seven values and the "Ekspektasi Khusus Pimpinan:" cell of each, as every format prints them.
BERAKHLAK = ["PERILAKU KERJA", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
             "1 Berorientasi pelayanan", "- Memahami dan memenuhi kebutuhan masyarakat", "Ekspektasi Khusus Pimpinan:",
             "2 Akuntabel", "Ekspektasi Khusus Pimpinan:", "3 Kompeten", "Ekspektasi Khusus Pimpinan:",
             "4 Harmonis", "Ekspektasi Khusus Pimpinan:", "5 Loyal", "Ekspektasi Khusus Pimpinan:",
             "6 Adaptif", "Ekspektasi Khusus Pimpinan:", "7 Kolaboratif",
             "- Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama", "Ekspektasi Khusus Pimpinan:"]
PARTIES = ["NO", "PEGAWAI YANG DINILAI", "NO", "PEJABAT PENILAI KINERJA", "1 NAMA", "1 NAMA", "2 NIP", "2 NIP",
           "3 PANGKAT/GOL. RUANG", "3 PANGKAT/GOL. RUANG", "4 JABATAN", "4 JABATAN", "5 UNIT KERJA"]
CURVE = ["CAPAIAN KINERJA ORGANISASI", "POLA DISTRIBUSI:",
         "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI"]
LIST_RESULTS = ["HASIL KERJA", "A. UTAMA", "REALISASI BERDASARKAN BUKTI DUKUNG",
                "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
                "Ukuran keberhasilan/ indikator kinerja individu dan Target:",
                "B. TAMBAHAN", "REALISASI BERDASARKAN BUKTI DUKUNG",
                "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"]
FORMAT_2_RESULTS = ["HASIL KERJA", "NO.", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF",
                    "REALISASI BERDASARKAN BUKTI DUKUNG", "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
                    "(1) (2) (3) (4) (5) (6) (7)", "A. UTAMA", "B. TAMBAHAN"]
FORMAT_4_RESULTS = ["HASIL KERJA", "NO.", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                    "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET", "REALISASI BERDASARKAN BUKTI DUKUNG",
                    "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", "A. UTAMA", "B. TAMBAHAN"]
CLOSING = ["RATING PERILAKU KERJA", "PREDIKAT KINERJA PEGAWAI", "Pejabat Penilai Kinerja"]
DOKUMEN = ["DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE:", "PERIODE PENILAIAN:",
           "1. PEGAWAI YANG DINILAI", "NAMA :", "NIP :", "PANGKAT/GOL. RUANG :", "JABATAN :", "UNIT KERJA :",
           "2. PEJABAT PENILAI KINERJA", "NAMA :", "NIP :", "PANGKAT/GOL. RUANG :", "JABATAN :", "UNIT KERJA :",
           "3. ATASAN PEJABAT PENILAI KINERJA", "NAMA :", "NIP :", "PANGKAT/GOL. RUANG :", "JABATAN :", "UNIT KERJA :",
           "4. EVALUASI KINERJA", "CAPAIAN KINERJA ORGANISASI :", "PREDIKAT KINERJA PEGAWAI :",
           "5. CATATAN/REKOMENDASI", "7. Pegawai yang Dinilai", "6. Pejabat Penilai Kinerja"]


def headings(fmt):
    """Every heading of the Lampiran I evaluation pages of format ``fmt``, in the Lampiran's order (seed 004,
    lines 572-667, 749-856, 936-1027, 1112-1226)."""
    title = {
        "1": ["PENDEKATAN HASIL KERJA KUALITATIF", "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"],
        "2": ["PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"],
        "3": ["PENDEKATAN HASIL KERJA KUALITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"],
        "4": ["PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"],
    }[fmt]
    last = {"1": "5 UNIT KERJA", "2": "5 INSTANSI", "3": "5 UNIT KERJA", "4": "5 INSTANSI"}[fmt]
    results = {"1": LIST_RESULTS, "2": FORMAT_2_RESULTS, "3": LIST_RESULTS, "4": FORMAT_4_RESULTS}[fmt]
    return (["EVALUASI KINERJA PEGAWAI", *title, "PERIODE:", "PERIODE PENILAIAN:", *PARTIES, last, *CURVE, *results,
             "RATING HASIL KERJA", *BERAKHLAK, *CLOSING, *DOKUMEN])


class ReportMixin:
    def render(self, records, report=REPORT):
        """The HTML of the report (a PDF render inside a test transaction would deadlock)."""
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(report, records.ids)
        return lxml.html.fromstring(html)

    @staticmethod
    def clean(text):
        return " ".join(text.split())

    def text(self, root):
        """The words of ``root`` as read on paper: one space between cells and lines."""
        for node in root.xpath("//style | //script"):
            node.getparent().remove(node)
        return self.clean(" ".join(root.itertext()))

    def assertInOrder(self, text, parts):
        position = -1
        for part in parts:
            found = text.find(part, position + 1)
            self.assertGreater(found, position, "%r missing or out of order after %r in: %s"
                               % (part, text[max(position - 60, 0):position + 1], text))
            position = found


def build_documents(cls):
    """One evaluation of each of Formats 1-4 in March 2026: the Kepala Dinas (1) and the Inspektur (2), assessed by
    the Wali Kota and rated, not set; the Kepala Seksi's team of two (3, 4) set under capaian Baik."""
    # Format 4: a staff member of the Seksi on a kuantitatif SKP (the Kepala Seksi rates both)
    Employee = cls.env["hr.employee"].with_context(tracking_disable=True)
    cls.emp["S.kuant"] = Employee.create({
        "name": "Staf Kuantitatif", "department_id": cls.units["dseksi"].id, "company_id": cls.company.id,
        "asn_status": "pns", "nip": cls.make_nip(700), "asn_golongan": "III/a", "job_title": "Analis Data",
        "asn_position_kind": "pelaksana"})
    cls.skp4 = cls.set_skp(cls.make_skp("S.kuant", approach="kuantitatif", parent_rhk=cls.kasi.rhk_ids[0],
                                        iki_count=2))
    # Format 2: the Inspektur, who heads a Perangkat Daerah, on a kuantitatif SKP
    cls.emp["H.insp"].write({"asn_golongan": "IV/c", "job_title": "Inspektur", "asn_position_kind": "jpt"})
    cls.skp2 = cls.set_skp(cls.make_skp("H.insp", approach="kuantitatif"))
    for skp in (cls.skp, cls.skp4, cls.skp2):
        march = skp.month_ids.filtered(lambda month: month.month == 3)
        march.line_ids.sudo().write({"target_value": 4, "realisasi_value": 3,
                                     "realisasi": "Laporan Maret %s" % skp.employee_id.name})
    cls.env["hr.asn.skp.feedback"].sudo().create({
        "skp_id": cls.skp.id, "giver_id": cls.emp["H.dseksi"].id, "topic": "rhk",
        "rhk_id": cls.skp.rhk_ids[0].id, "name": "Laporan rapi, kirim lebih awal", "date": "2026-03-10",
    })
    cls.set_capaian(cls.units["dinas"], "baik")
    cls.period = cls.make_period("month", 3)
    cls.generate(cls.period)
    by_employee = {e.employee_id: e for e in cls.period.evaluation_ids}
    cls.eval1 = by_employee[cls.emp["H.dinas"]]
    cls.eval2 = by_employee[cls.emp["H.insp"]]
    cls.eval3 = by_employee[cls.emp["S.dseksi"]]
    cls.eval4 = by_employee[cls.emp["S.kuant"]]
    cls.team = cls.eval3.team_id
    cls.rate(cls.eval3, "diatas", "sesuai")  # baik
    cls.rate(cls.eval4, "dibawah", "sesuai")  # butuh perbaikan: the curve of capaian Baik is kept
    cls.eval3.with_user(cls.user_penilai).write({"catatan": "Pertahankan ketepatan waktu",
                                                 "rekomendasi": "Pelatihan analisis data"})
    cls.team.with_user(cls.user_penilai).action_set()
    (cls.eval1 | cls.eval2).sudo().write({"rating_hasil": "sesuai", "rating_perilaku": "sesuai"})


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationReport(ReportMixin, HrAsnEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        build_documents(cls)

    def test_format_headings_in_the_lampiran_order(self):
        """Every heading of the Lampiran's two pages, in its order, for each of Formats 1-4."""
        for fmt, evaluation in (("1", self.eval1), ("2", self.eval2), ("3", self.eval3), ("4", self.eval4)):
            with self.subTest(format=fmt):
                self.assertEqual(evaluation.skp_format, fmt)
                text = self.text(self.render(evaluation))
                self.assertInOrder(text, headings(fmt))
                self.assertEqual(text.count("Ekspektasi Khusus Pimpinan:"), 7)
                self.assertEqual(text.count("DOKUMEN EVALUASI KINERJA PEGAWAI"), 1)
                self.assertIn("PERIODE: MARET 2026", text)
                self.assertIn("PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026", text,
                              "the SKP's period, as the Lampiran pairs PERIODE: TRIWULAN I with the year")
                for english in ("Bars:", "Diatas Ekspektasi", "False", "None"):
                    self.assertNotIn(english, text)

    def test_format_3_values(self):
        """The staff member's document: parties, capaian, curve, realisasi and Umpan Balik, ratings as the
        Lampiran words them, the predikat, notes and both signatures with their dates."""
        root = self.render(self.eval3)
        # the curve prints as an SVG image (the patched-Qt wkhtmltopdf draws no inline SVG)
        images = root.xpath("//img[hasclass('o_asn_eval_curve_img')]/@src")
        self.assertEqual(len(images), 1)
        prefix = "data:image/svg+xml;base64,"
        self.assertTrue(images[0].startswith(prefix))
        curve = base64.b64decode(images[0][len(prefix):]).decode()
        self.assertIn("1 (50%)", curve, "the team's curve: one Baik and one Butuh Perbaikan of two")
        self.assertFalse(root.xpath("//*[local-name()='svg']"), "no inline SVG left in the page")
        text = self.text(root)
        self.assertInOrder(text, [
            "EVALUASI KINERJA PEGAWAI", "PERIODE: MARET 2026", "UNIT DINAS",
            "1 NAMA S.dseksi 1 NAMA H.dseksi", "2 NIP %s" % self.emp["S.dseksi"].nip,
            "4 JABATAN Analis 4 JABATAN Kepala Seksi", "5 UNIT KERJA Unit dseksi 5 UNIT KERJA Unit dseksi",
            "CAPAIAN KINERJA ORGANISASI BAIK", "POLA DISTRIBUSI:",
            "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
            "A. UTAMA", "1 RHK 1 of S.dseksi", "Penugasan dari: Kepala Dinas",
            "- IKI 1.1 of S.dseksi; Target: Tersusun tepat waktu", "Laporan Maret S.dseksi",
            "Laporan rapi, kirim lebih awal", "B. TAMBAHAN",
            "RATING HASIL KERJA DI ATAS EKSPEKTASI", "PERILAKU KERJA",
            "RATING PERILAKU KERJA SESUAI EKSPEKTASI", "PREDIKAT KINERJA PEGAWAI BAIK",
            "Kota Uji, 6 April 2026 Pejabat Penilai Kinerja", "H.dseksi",
            "DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: MARET 2026",
            "1. PEGAWAI YANG DINILAI", "NAMA : S.dseksi", "2. PEJABAT PENILAI KINERJA", "NAMA : H.dseksi",
            "3. ATASAN PEJABAT PENILAI KINERJA", "NAMA : H.dbid", "JABATAN : Kepala Bidang",
            "4. EVALUASI KINERJA", "CAPAIAN KINERJA ORGANISASI : BAIK", "PREDIKAT KINERJA PEGAWAI : BAIK",
            "5. CATATAN/REKOMENDASI", "Catatan: Pertahankan ketepatan waktu", "Rekomendasi: Pelatihan analisis data",
            "Kota Uji, .................... 7. Pegawai yang Dinilai",
            "Kota Uji, 6 April 2026 6. Pejabat Penilai Kinerja",
            "S.dseksi", "NIP. %s" % self.emp["S.dseksi"].nip, "H.dseksi",
        ])
        self.assertNotIn("KONSEP", text, "a set evaluation is no draft")
        self.eval3.with_user(self.user_pegawai).action_accept()
        self.assertIn("Kota Uji, 6 April 2026 7. Pegawai yang Dinilai", self.text(self.render(self.eval3)))

    def test_format_4_columns(self):
        """Format 4: the leader's RHK intervened, aspek, IKI, target, realisasi against the target, per IKI."""
        root = self.render(self.eval4)
        text = self.text(root)
        self.assertInOrder(text, [
            "(1) (2) (3) (4) (5) (6) (7) (8)", "A. UTAMA",
            "1 RHK 1 of H.dseksi RHK 1 of S.kuant", "Kuantitas IKI 1.1 of S.kuant 12 dokumen",
            "Laporan Maret Staf Kuantitatif",
            "Realisasi 3 dari target 4 (75%)", "Kuantitas IKI 1.2 of S.kuant 12 dokumen", "B. TAMBAHAN",
            "RATING HASIL KERJA DI BAWAH EKSPEKTASI", "PREDIKAT KINERJA PEGAWAI BUTUH PERBAIKAN"])
        header = [self.text(th) for th in root.xpath("//table[.//th[normalize-space()='ASPEK']]//th")]
        self.assertEqual(header[1:], ["NO.", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                                      "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET",
                                      "REALISASI BERDASARKAN BUKTI DUKUNG",
                                      "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"])
        self.assertIn("5 UNIT KERJA Unit dseksi 5 INSTANSI Unit dseksi", text, "row 5 as format 4 prints it")

    def test_format_1_and_2_leaders(self):
        """Formats 1-2: the Wali Kota assesses (no NIP); row 5 the instansi; a draft is marked KONSEP."""
        text1 = self.text(self.render(self.eval1))
        self.assertInOrder(text1, ["KONSEP", "EVALUASI KINERJA PEGAWAI", "1 NAMA H.dinas 1 NAMA %s" % self.region_head,
                                   "4 JABATAN Kepala Dinas 4 JABATAN Wali Kota",
                                   "5 UNIT KERJA Unit dinas 5 UNIT KERJA Pemerintah Kota Uji",
                                   "Ukuran keberhasilan/ indikator kinerja individu dan Target:"])
        self.assertNotIn("NIP. -", text1)
        text2 = self.text(self.render(self.eval2))
        self.assertInOrder(text2, ["5 UNIT KERJA Unit insp 5 INSTANSI Pemerintah Kota Uji",
                                   "(1) (2) (3) (4) (5) (6) (7)",
                                   "1 RHK 1 of H.insp",
                                   "IKI 1.1 of H.insp 12 dokumen Proses Bisnis", "Laporan Maret H.insp",
                                   "Realisasi 3 dari target 4 (75%)"])

    def test_upheld_keberatan_prints_the_final_result(self):
        """Pasal 30: the document shows the result after the decision and that a keberatan was decided."""
        # the staff member has no user: filed and decided as the superuser, as BKPSDM records a paper keberatan
        objection = self.env["hr.asn.evaluation.objection"].sudo()._asn_file(self.eval4, "Bukti tidak dibaca")
        objection.sudo().write({"decision": "Bukti dukung lengkap", "new_rating_hasil": "sesuai"})
        objection.sudo().action_uphold()
        text = self.text(self.render(self.eval4))
        self.assertInOrder(text, [
            "RATING HASIL KERJA SESUAI EKSPEKTASI", "PREDIKAT KINERJA PEGAWAI BAIK",
            "Keberatan Pegawai atas evaluasi ini dikabulkan oleh Atasan Pejabat Penilai Kinerja (H.dbid) pada "
            "6 April 2026: predikat kinerja pegawai BUTUH PERBAIKAN menjadi BAIK.",
            "DOKUMEN EVALUASI KINERJA PEGAWAI", "PREDIKAT KINERJA PEGAWAI : BAIK", "dikabulkan"])

    def test_rejected_keberatan_is_said(self):
        objection = self.eval3.with_user(self.user_pegawai).action_object("Kurang dihargai")
        self.assertIn("menunggu keputusan Atasan Pejabat Penilai Kinerja (H.dbid)", self.text(self.render(self.eval3)))
        objection.with_user(self.user_kabid).write({"decision": "Penilaian sesuai bukti"})
        objection.with_user(self.user_kabid).action_reject()
        self.assertIn("Keberatan Pegawai atas evaluasi ini ditolak oleh Atasan Pejabat Penilai Kinerja (H.dbid) pada "
                      "6 April 2026: predikat kinerja pegawai tetap BAIK.", self.text(self.render(self.eval3)))

    def test_several_in_one_render_each_whole(self):
        root = self.render(self.team.evaluation_ids)
        self.assertEqual(len(root.xpath("//div[hasclass('article')]")), 2)
        self.assertEqual(self.text(root).count("DOKUMEN EVALUASI KINERJA PEGAWAI"), 2)

    def test_print_needs_read_access(self):
        """Who may print is who may read: a colleague of another unit gets nothing of the evaluation."""
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_other)._render_qweb_html(REPORT, self.eval3.ids)
        html, _kind = self.env["ir.actions.report"].with_user(self.user_pegawai)._render_qweb_html(
            REPORT, self.eval3.ids)
        self.assertIn(b"DOKUMEN EVALUASI KINERJA PEGAWAI", html)

    def test_team_penetapan_page(self):
        """The team's page: capaian, the counts per predikat against the curve's limits, the curve, the list,
        signed by the Pejabat Penilai Kinerja."""
        text = self.text(self.render(self.team, TEAM_REPORT))
        self.assertInOrder(text, [
            "PENETAPAN CAPAIAN KINERJA ORGANISASI", "DAN DISTRIBUSI PREDIKAT KINERJA PEGAWAI", "PERIODE: MARET 2026",
            "PEJABAT PENILAI KINERJA", "1 NAMA H.dseksi", "CAPAIAN KINERJA ORGANISASI",
            "Capaian Kinerja Organisasi BAIK",
            "Dasar Penetapan Laporan capaian Unit dinas",
            "DISTRIBUSI PREDIKAT KINERJA PEGAWAI", "1 SANGAT BAIK 0 0%", "2 BAIK 1 50%", "3 BUTUH PERBAIKAN 1 50%",
            "JUMLAH 2 100%",
            "POLA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
            "Baik merupakan kelompok terbesar - 1 Sesuai", "Baik paling banyak 70% ≤ 1 1 Sesuai",
            "Butuh Perbaikan dan/atau Kurang (Misconduct) paling sedikit satu pegawai ≥ 1 1 Sesuai",
            "SESUAI dengan pola distribusi", "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI",
            "PREDIKAT KINERJA PEGAWAI", "1 S.dseksi", "BAIK", "2 Staf Kuantitatif", "BUTUH PERBAIKAN",
            "Kota Uji, 6 April 2026 Pejabat Penilai Kinerja", "H.dseksi", "NIP. %s" % self.emp["H.dseksi"].nip])
        self.assertNotIn("JUSTIFIKASI", text)
        self.assertNotIn("KONSEP", text)

    def test_signatures_kept_with_the_last_section_and_footer(self):
        """Issue 12: every signature block closes a non-breaking container that holds the last section above
        it (RATING PERILAKU KERJA and PREDIKAT; 5. CATATAN/REKOMENDASI; the team's last member), and each
        document has its running footer: whose it is, with the page number."""
        root = self.render(self.eval3 | self.eval4)
        footers = root.xpath("//div[hasclass('footer')]")
        self.assertEqual(len(footers), 2, "one running footer per evaluation, in the order of the documents")
        for footer, evaluation in zip(footers, self.eval3 | self.eval4, strict=True):
            self.assertEqual(footer.xpath("string(.//span[hasclass('o_asn_footer_name')])"), evaluation.employee_name)
            self.assertEqual(footer.xpath("string(.//span[hasclass('o_asn_footer_nip')])"), evaluation.employee_nip)
            self.assertTrue(footer.xpath(".//span[hasclass('page')]") and footer.xpath(".//span[hasclass('topage')]"))
            self.assertIn("Evaluasi Kinerja Pegawai MARET 2026", self.text(footer))
        for article in root.xpath("//div[hasclass('article')]"):
            signatures = article.xpath(".//table[hasclass('o_asn_skp_sign')]")
            self.assertEqual(len(signatures), 2, "the evaluation page and the DOKUMEN page")
            for signature in signatures:
                closing = signature.xpath("ancestor::div[hasclass('o_asn_skp_keep')]")
                self.assertEqual(len(closing), 1)
                self.assertEqual(closing[0].xpath("./table")[-1], signature, "the signature closes the container")
            evaluation_page, dokumen_page = (self.text(sig.getparent()) for sig in signatures)
            self.assertInOrder(evaluation_page, ["RATING PERILAKU KERJA", "PREDIKAT KINERJA PEGAWAI",
                                                 "Pejabat Penilai Kinerja"])
            self.assertInOrder(dokumen_page, ["5. CATATAN/REKOMENDASI", "7. Pegawai yang Dinilai",
                                              "6. Pejabat Penilai Kinerja"])
            self.assertNotIn("4. EVALUASI KINERJA", dokumen_page)
        team = self.render(self.team, TEAM_REPORT)
        signature = team.xpath("//table[hasclass('o_asn_skp_sign')]")[0]
        closing = signature.xpath("ancestor::div[hasclass('o_asn_skp_keep')]")[0]
        self.assertInOrder(self.text(closing), ["2 Staf Kuantitatif", "BUTUH PERBAIKAN", "Pejabat Penilai Kinerja"])
        self.assertNotIn("1 S.dseksi", self.text(closing))
        footer = team.xpath("//div[hasclass('footer')]")[0]
        self.assertEqual(footer.xpath("string(.//span[hasclass('o_asn_footer_name')])"), "H.dseksi")

    def test_numbers_indonesian(self):
        self.assertEqual(number_id(1250.5), "1.250,5")
        self.assertEqual(number_id(75.0), "75")


@tagged("post_install", "-at_install")
class TestAnnualReport(ReportMixin, HrAsnEvaluationCase):
    """The annual evaluation (Pasal 25) of an employee who moved in July: PERIODE: AKHIR TAHUN, and the table
    of the year's two SKP with the result of each."""

    @classmethod
    def setUpClass(cls):
        with freeze_time("2026-06-05"):
            super().setUpClass()
            cls.employee = cls.emp["S.dseksi"]
            cls.set_capaian(cls.units["dinas"], "kurang", "month", 5)
            may = cls.make_period("month", 5)
            cls.generate(may)
            first = may.evaluation_ids.filtered(lambda e: e.employee_id == cls.employee)
            cls.rate(first, "sesuai", "dibawah")
            first.team_id.with_user(cls.user_penilai).action_set()
        with freeze_time("2026-07-01"):
            cls.employee.department_id = cls.units["dbid"]
            cls.second_skp = cls.env["hr.asn.skp"].search([("employee_id", "=", cls.employee.id),
                                                            ("state", "=", "draft")])
            cls.second_skp.write({"rhk_ids": [fields.Command.create({
                "kind": "utama", "name": "RHK Bidang", "parent_rhk_id": cls.kabid.rhk_ids[0].id,
                "iki_ids": [fields.Command.create({"aspect": "kuantitas", "name": "IKI Bidang",
                                                   "target_text": "Tersusun"})]})]})
            cls.set_skp(cls.second_skp)
        with freeze_time("2026-10-05"):
            cls.set_capaian(cls.units["dinas"], "baik", "month", 9)
            september = cls.make_period("month", 9)
            cls.generate(september)
            team = september.evaluation_ids.filtered(lambda e: e.employee_id == cls.employee).team_id
            cls.rate(team.evaluation_ids, "sesuai", "sesuai", user=cls.user_kabid)
            team.with_user(cls.user_kabid).write({"justification": "Tim satu orang"})
            team.with_user(cls.user_kabid).action_set()
            cls.september_team = team
        with freeze_time("2027-01-10"):
            period = cls.make_period(kind="annual", year=2026)
            cls.generate(period)
        cls.annual = period.evaluation_ids.filtered(lambda e: e.employee_id == cls.employee)

    @freeze_time("2027-01-10")
    def test_annual_document(self):
        self.rate(self.annual, "sesuai", "sesuai", user=self.user_kabid)
        self.annual.with_user(self.user_kabid).write({"keterangan": "Mutasi ke Bidang per 1 Juli"})
        text = self.text(self.render(self.annual))
        fmt = self.annual.skp_format
        self.assertInOrder(text, headings(fmt))
        self.assertInOrder(text, [
            "EVALUASI KINERJA PEGAWAI", "PERIODE: AKHIR TAHUN 2026", "1 NAMA S.dseksi 1 NAMA H.dbid",
            "RHK Bidang", "PREDIKAT KINERJA PEGAWAI BAIK",
            "SKP TAHUN 2026 YANG DIEVALUASI", "1 1 Januari 2026 s.d. 30 Juni 2026 6", "KURANG (MISCONDUCT)",
            "2 1 Juli 2026 s.d. 31 Desember 2026 6", "BAIK", "Pejabat Penilai Kinerja",
            "DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: AKHIR TAHUN 2026",
            "5. CATATAN/REKOMENDASI", "Keterangan: Mutasi ke Bidang per 1 Juli"])
        self.assertIn("KONSEP", text, "rated, not yet set")

    @freeze_time("2027-01-10")
    def test_team_set_against_the_curve_prints_the_justification(self):
        text = self.text(self.render(self.september_team, TEAM_REPORT))
        self.assertInOrder(text, ["PERIODE: SEPTEMBER 2026", "Tidak Sesuai", "TIDAK SESUAI dengan pola distribusi",
                                  "JUSTIFIKASI PEJABAT PENILAI KINERJA", "Tim satu orang"])


# Not frozen in time: wkhtmltopdf fetches the report's assets from the test server, whose waits never end
# when freezegun stops its clock; nothing asserted here depends on the date.
@tagged("post_install", "-at_install")
class TestEvaluationPrintJob(HttpCase, HrAsnEvaluationCase):
    """Batch printing (issue 11 items 6, 14): a whole team as one PDF, in a background job, with wkhtmltopdf."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.add_staff(4)
        cls.period = cls.make_period("month", 3, year=2026)
        cls.generate(cls.period)
        cls.team = cls.team_of(cls.period, cls.user_penilai)

    def pages(self, content):
        reader = PdfFileReader(io.BytesIO(content))
        return [" ".join(reader.getPage(number).extractText().split()) for number in range(reader.numPages)]

    def test_team_prints_as_one_pdf_in_a_job(self):
        evaluations = self.team.evaluation_ids
        self.assertEqual(len(evaluations), 5)
        job = evaluations.with_user(self.user_penilai)._asn_print_in_background(batch_size=2)
        self.assertEqual((job.res_model, job.method, job.total), ("hr.asn.evaluation", "_asn_job_print", 5))
        job.sudo().with_context(force_report_rendering=True)._asn_run(deadline=float("inf"))
        self.assertEqual(job.state, "done", job.error)
        document = job.result_attachment_id
        self.assertEqual(document.mimetype, "application/pdf")
        parts = self.env["ir.attachment"].sudo().search([("res_model", "=", "hr.asn.job"), ("res_id", "=", job.id)])
        self.assertEqual(parts, document, "one PDF: the three batches' parts are merged and removed")
        pages = self.pages(document.raw)
        self.assertGreaterEqual(len(pages), 2 * 5, "each document: its evaluation page(s) and its DOKUMEN page")
        dokumen = [number for number, text in enumerate(pages) if "DOKUMEN EVALUASI KINERJA PEGAWAI" in text]
        self.assertEqual(len(dokumen), 5, "one DOKUMEN page per evaluation")
        ordered = evaluations.sorted(lambda e: (e.employee_name, e.id))
        for evaluation, number in zip(ordered, dokumen, strict=True):
            self.assertIn(evaluation.employee_name, pages[number], "in the order a Perangkat Daerah files them")

    def test_one_document_renders_as_pdf(self):
        """One real wkhtmltopdf render of one document: the evaluation page, then the DOKUMEN page."""
        content, kind = self.env["ir.actions.report"].with_user(self.user_penilai).with_context(
            force_report_rendering=True)._render_qweb_pdf(REPORT, self.team.evaluation_ids[:1].ids)
        self.assertEqual(kind, "pdf")
        pages = self.pages(content)
        self.assertIn("EVALUASI KINERJA PEGAWAI", pages[0])
        self.assertIn("DOKUMEN EVALUASI KINERJA PEGAWAI", pages[-1])
        self.assertNotIn("DOKUMEN EVALUASI KINERJA PEGAWAI", pages[0])
