"""The printed SKP: Perwal Bekasi 38/2023 Lampiran I formats 1-5 and the Lampiran SKP page."""
import datetime

import lxml.html
from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from ..report.hr_asn_skp_report import date_id, period_id
from .common import HrAsnSkpCase

REPORT = "hr_asn_performance.hr_asn_skp_report"


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpReport(HrAsnSkpCase):
    # ------------------------------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------------------------------
    def render(self, skps):
        """The HTML of the report (a PDF render inside a test transaction would deadlock)."""
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(REPORT, skps.ids)
        return lxml.html.fromstring(html)

    @staticmethod
    def clean(text):
        return " ".join(text.split())

    def text(self, root):
        """The words of ``root`` as read on paper: one space between cells and lines."""
        for node in root.xpath("//style | //script"):
            node.getparent().remove(node)
        return self.clean(" ".join(root.itertext()))

    def headers(self, root):
        return [self.text(th) for th in root.xpath("//th")]

    def assertInOrder(self, text, parts):
        position = -1
        for part in parts:
            found = text.find(part, position + 1)
            self.assertGreater(found, position, "%r missing or out of order in: %s" % (part, text))
            position = found

    def party_row(self, root, number):
        """The cells of row ``number`` of the header table (NO, label, value, NO, label, value)."""
        table = root.xpath("//table[.//th[normalize-space()='PEGAWAI YANG DINILAI']]")[0]
        return [self.text(td) for td in table.xpath(".//tr")[number].xpath("./td")]

    def add_support(self, skp, lines):
        skp.write({"support_ids": [fields.Command.create({"kind": kind, "name": name, "sequence": sequence})
                                   for sequence, (kind, name) in enumerate(lines)]})

    # ------------------------------------------------------------------------------------------
    # tests
    # ------------------------------------------------------------------------------------------
    def test_indonesian_dates(self):
        self.assertEqual(date_id(datetime.date(2026, 1, 10)), "10 Januari 2026")
        self.assertEqual(date_id(datetime.date(2026, 8, 17)), "17 Agustus 2026")
        self.assertEqual(period_id(datetime.date(2026, 6, 15), datetime.date(2026, 12, 31), 2026),
                         "15 JUNI SD 31 DESEMBER TAHUN 2026")

    def test_format_1_draft(self):
        """JPT, kualitatif: format 1, assessed by the Wali Kota (no NIP), a draft marked KONSEP."""
        skp = self.make_skp("H.dinas", rhk_count=2, iki_count=2)
        skp.rhk_ids[1].kind = "tambahan"
        skp.behavior_ids.filtered(lambda b: b.value == "akuntabel").special_expectation = "Laporan keuangan tepat waktu"
        self.add_support(skp, [("sumber_daya", "Dua staf analis"), ("konsekuensi", "Apresiasi pimpinan")])
        self.assertEqual(skp.skp_format, "1")
        root = self.render(skp)
        text = self.text(root)
        self.assertInOrder(text, [
            "KONSEP",
            "SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
            "UNIT DINAS", "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026",
            "HASIL KERJA", "A. UTAMA", "1 RHK 1 of H.dinas", "Penugasan dari: Kepala Dinas",
            "Ukuran keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:",
            "- IKI 1.1 of H.dinas; Target: Tersusun tepat waktu; Perspektif: Proses Bisnis", "- IKI 1.2 of H.dinas",
            "B. TAMBAHAN", "2 RHK 2 of H.dinas", "IKI 2.2 of H.dinas",
            "PERILAKU KERJA", "1 Berorientasi pelayanan - Memahami dan memenuhi kebutuhan masyarakat",
            "- Ramah, cekatan, solutif, dan dapat diandalkan", "- Melakukan perbaikan tiada henti",
            "Ekspektasi Khusus Pimpinan:", "2 Akuntabel", "Ekspektasi Khusus Pimpinan: Laporan keuangan tepat waktu",
            "5 Loyal - Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            "7 Kolaboratif", "- Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
            "Pegawai Yang Dinilai", "Kota Uji, ....................", "Pejabat Penilai Kinerja",
            "H.dinas", "NIP. %s" % self.emp["H.dinas"].nip, self.region_head,
            "KONSEP", "LAMPIRAN SASARAN KINERJA PEGAWAI", "PERIODE PENILAIAN:",
            "1 JANUARI SD 31 DESEMBER TAHUN 2026", "PEMERINTAH KOTA UJI",
            "DUKUNGAN SUMBER DAYA", "1 Dua staf analis", "SKEMA PERTANGGUNGJAWABAN", "1",
            "KONSEKUENSI", "1 Apresiasi pimpinan", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja",
        ])
        self.assertEqual(text.count("Ekspektasi Khusus Pimpinan:"), 7)
        self.assertEqual(self.party_row(root, 1), ["1", "NAMA", "H.dinas", "1", "NAMA", self.region_head])
        self.assertEqual(self.party_row(root, 2), ["2", "NIP", self.emp["H.dinas"].nip, "2", "NIP", "-"])
        self.assertEqual(self.party_row(root, 3)[2], "Pembina Utama Muda, IV/c")
        self.assertEqual(self.party_row(root, 4), ["4", "JABATAN", "Kepala Dinas", "4", "JABATAN", "Wali Kota"])
        self.assertEqual(self.party_row(root, 5), ["5", "UNIT KERJA", "Unit dinas", "5", "INSTANSI",
                                                   "Pemerintah Kota Uji"])
        self.assertNotIn("RENCANA HASIL KERJA ATASAN", text)
        self.assertNotIn("NIP. -", text, "the Wali Kota signs without a NIP")

    def test_format_2_table(self):
        """JPT, kuantitatif: the RHK, IKI, TARGET, PERSPEKTIF table of format 2."""
        skp = self.make_skp("H.dinas", approach="kuantitatif", iki_count=2)
        self.assertEqual(skp.skp_format, "2")
        root = self.render(skp)
        text = self.text(root)
        self.assertInOrder(text, ["SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF",
                                  "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
                                  "HASIL KERJA", "(1) (2) (3) (4) (5)", "A. UTAMA",
                                  "1 RHK 1 of H.dinas Penugasan dari: Kepala Dinas IKI 1.1 of H.dinas 12 dokumen "
                                  "Proses Bisnis IKI 1.2 of H.dinas 12 dokumen Proses Bisnis",
                                  "B. TAMBAHAN", "PERILAKU KERJA", "LAMPIRAN SASARAN KINERJA PEGAWAI",
                                  "UNIT DINAS", "DUKUNGAN SUMBER DAYA"])
        headers = self.headers(root)
        start = headers.index("RENCANA HASIL KERJA") - 1
        self.assertEqual(headers[start:start + 5], ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU",
                                                    "TARGET", "PERSPEKTIF"])
        rhk_cell = root.xpath("//td[@rowspan][contains(., 'RHK 1 of H.dinas')]")
        self.assertEqual(rhk_cell[0].get("rowspan"), "2", "the RHK spans its two IKI")
        self.assertEqual(self.party_row(root, 5)[4], "INSTANSI")
        self.assertNotIn("Ukuran keberhasilan", text)

    def test_format_3_set(self):
        """JA/JF, kualitatif, set: UNIT KERJA of the assessor, the set date, no KONSEP."""
        kadis, kabid, kasi = self.make_cascade()
        skp = self.set_skp(self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0]))
        self.assertEqual((skp.skp_format, skp.state), ("3", "set"))
        root = self.render(skp)
        text = self.text(root)
        self.assertNotIn("KONSEP", text)
        self.assertNotIn("Revisi ke-", text)
        self.assertInOrder(text, [
            "PENDEKATAN HASIL KERJA KUALITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "1 RHK 1 of S.dseksi", "Ukuran keberhasilan/ indikator kinerja individu dan Target:",
            "- IKI 1.1 of S.dseksi; Target: Tersusun tepat waktu",
            "B. TAMBAHAN", "PERILAKU KERJA",
            "Pegawai Yang Dinilai", "Kota Uji, 10 Januari 2026", "Pejabat Penilai Kinerja",
            "S.dseksi", "NIP. %s" % self.emp["S.dseksi"].nip, "H.dseksi", "NIP. %s" % self.emp["H.dseksi"].nip,
            "LAMPIRAN SASARAN KINERJA PEGAWAI", "UNIT DINAS", "KONSEKUENSI", "Kota Uji, 10 Januari 2026",
        ])
        self.assertNotIn("Perspektif", text)
        # Lampiran I format 3 has no label of the superior's RHK (only format 4 has that column)
        self.assertNotIn("diintervensi", text.lower())
        self.assertNotIn("RHK 1 of H.dseksi", text)
        self.assertEqual(self.party_row(root, 4), ["4", "JABATAN", "Analis", "4", "JABATAN", "Kepala Seksi"])
        self.assertEqual(self.party_row(root, 5), ["5", "UNIT KERJA", "Unit dseksi", "5", "UNIT KERJA",
                                                   "Unit dseksi"])

    def test_format_4_cascade_table(self):
        """JA/JF, kuantitatif: the superior's RHK intervened, ASPEK, IKI and TARGET per row."""
        kadis, kabid, kasi = self.make_cascade()
        kasi_rhk = kasi.rhk_ids[0]
        skp = self.make_skp("S.dseksi", approach="kuantitatif", parent_rhk=kasi_rhk, iki_count=3)
        skp.rhk_ids.iki_ids[1].aspect = "waktu"
        self.assertEqual(skp.skp_format, "4")
        # the employee prints their own SKP: the superior's RHK is in somebody else's SKP
        root = self.env["ir.actions.report"].with_user(self.user_pegawai)._render_qweb_html(REPORT, skp.ids)[0]
        root = lxml.html.fromstring(root)
        text = self.text(root)
        headers = self.headers(root)
        start = headers.index("RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI") - 1
        self.assertEqual(headers[start:start + 6], ["NO.", "RENCANA HASIL KERJA ATASAN YANG DIINTERVENSI",
                                                    "RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU",
                                                    "TARGET"])
        self.assertInOrder(text, [
            "PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            "(1) (2) (3) (4) (5) (6)", "A. UTAMA",
            "1 RHK 1 of H.dseksi RHK 1 of S.dseksi Penugasan dari: Kepala Dinas Kuantitas IKI 1.1 of S.dseksi "
            "12 dokumen Waktu IKI 1.2 of S.dseksi 12 dokumen Kuantitas IKI 1.3 of S.dseksi 12 dokumen",
            "B. TAMBAHAN", "PERILAKU KERJA",
        ])
        spanning = root.xpath("//td[@rowspan='3']")
        self.assertEqual([self.text(td)[:17] for td in spanning],
                         ["1", "RHK 1 of H.dseksi", "RHK 1 of S.dseksi"])
        self.assertEqual(self.party_row(root, 5)[4], "UNIT KERJA")
        self.assertNotIn("PERSPEKTIF", headers)

    def test_format_5_tugas_belajar(self):
        self.emp["S.dsub"].write({"tb_date_from": "2025-09-01", "tb_date_to": "2027-08-31",
                                  "tb_institution": "Universitas Indonesia"})
        skp = self.make_skp("S.dsub")
        self.assertEqual(skp.skp_format, "5")
        text = self.text(self.render(skp))
        self.assertInOrder(text, ["SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUALITATIF",
                                  "BAGI PEGAWAI TUGAS BELAJAR", "A. UTAMA",
                                  "Ukuran keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:",
                                  "PERILAKU KERJA", "Pegawai Yang Dinilai"])
        self.assertNotIn("LAMPIRAN SASARAN KINERJA PEGAWAI", text, "Lampiran I format 5 has no Lampiran SKP page")
        self.add_support(skp, [("sumber_daya", "Biaya pendidikan")])
        text = self.text(self.render(skp))
        self.assertInOrder(text, ["LAMPIRAN SASARAN KINERJA PEGAWAI", "1 Biaya pendidikan"])

    def test_lampiran_sections(self):
        """DUKUNGAN SUMBER DAYA, SKEMA PERTANGGUNGJAWABAN, KONSEKUENSI in this order, numbered per section."""
        skp = self.make_skp("S.dsub")
        self.add_support(skp, [("konsekuensi", "Apabila memenuhi ekspektasi maka diberi apresiasi"),
                               ("skema", "Hasil kerja dilaporkan setiap bulan"),
                               ("sumber_daya", "Laptop"), ("sumber_daya", "Pendampingan Pimpinan"),
                               ("konsekuensi", "Apabila tidak memenuhi ekspektasi maka dibimbing")])
        root = self.render(skp)
        lampiran = root.xpath("//div[div[normalize-space()='LAMPIRAN SASARAN KINERJA PEGAWAI']]")[0]
        rows = [self.text(tr) for tr in lampiran.xpath(".//table[1]//tr")]
        self.assertEqual(rows, [
            "DUKUNGAN SUMBER DAYA", "1 Laptop", "2 Pendampingan Pimpinan",
            "SKEMA PERTANGGUNGJAWABAN", "1 Hasil kerja dilaporkan setiap bulan",
            "KONSEKUENSI", "1 Apabila memenuhi ekspektasi maka diberi apresiasi",
            "2 Apabila tidak memenuhi ekspektasi maka dibimbing",
        ])
        skp.support_ids.filtered(lambda s: s.kind == "skema").unlink()
        lampiran = self.render(skp).xpath("//div[div[normalize-space()='LAMPIRAN SASARAN KINERJA PEGAWAI']]")[0]
        rows = [self.text(tr) for tr in lampiran.xpath(".//table[1]//tr")]
        self.assertEqual(rows[3:5], ["SKEMA PERTANGGUNGJAWABAN", "1"], "an empty section keeps a numbered row")

    def test_taken_over_revision_and_submitted(self):
        """Pasal 20(7): a taken-over RHK says so; a revision is numbered and a KONSEP until it is set."""
        kadis, kabid, kasi = self.make_cascade()
        skp = self.set_skp(self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0]))
        skp.rhk_ids[0]._asn_take_over("Pegawai cuti sakit tiga bulan", self.emp["H.dseksi"])
        text = self.text(self.render(skp))
        self.assertInOrder(text, ["RHK 1 of S.dseksi", "Diambil alih oleh pimpinan: Pegawai cuti sakit tiga bulan",
                                  "Ukuran keberhasilan"])
        self.assertNotIn("KONSEP", text)
        revision = skp.action_new_revision("Penugasan baru")
        revision.action_submit()
        self.assertEqual(revision.state, "submitted")
        text = self.text(self.render(revision))
        self.assertInOrder(text, ["KONSEP", "Revisi ke-1", "SASARAN KINERJA PEGAWAI", "Kota Uji, 10 Januari 2026",
                                  "KONSEP", "Revisi ke-1", "LAMPIRAN SASARAN KINERJA PEGAWAI"])
        self.assertIn("Diambil alih oleh pimpinan: Pegawai cuti sakit tiga bulan", text,
                      "the revision keeps the takeover (Pasal 20(8): the evaluation reads it)")

    def test_pppk_and_several_skps(self):
        """Pasal 7(2): a PPPK's SKP names the perjanjian kerja; each SKP prints on its own pages."""
        self.emp["S.dsub"].write({"asn_status": "pppk", "asn_golongan": False, "nip": self.make_nip(90, pppk=True)})
        pppk = self.make_skp("S.dsub", perjanjian_kerja_ref="800/PK.01/2026")
        self.assertTrue(pppk.is_pppk)
        pns = self.make_skp("S.dseksi")
        root = self.render(pppk | pns)
        articles = root.xpath("//div[contains(concat(' ', @class, ' '), ' article ')]")
        self.assertEqual([int(article.get("data-oe-id")) for article in articles], [pppk.id, pns.id])
        self.assertInOrder(self.text(articles[0]), ["PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026",
                                                    "PERJANJIAN KERJA: 800/PK.01/2026", "PEGAWAI YANG DINILAI",
                                                    "S.dsub"])
        self.assertNotIn("PERJANJIAN KERJA", self.text(articles[1]))
        self.assertIn("S.dseksi", self.text(articles[1]))
        self.assertNotIn("S.dsub", self.text(articles[1]))

    def test_signatures_kept_with_the_last_section_and_footer(self):
        """Issue 12: each signature block sits in one non-breaking container with the last section above it
        (the last BerAKHLAK value; KONSEKUENSI on the Lampiran page), and each SKP has its running footer with
        the employee's name, NIP and the page number, in the order of the documents."""
        kadis, kabid, kasi = self.make_cascade()
        skps = self.set_skp(self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0])) | self.make_skp("S.dsub")
        root = self.render(skps)
        style = " ".join(" ".join(root.xpath("//style/text()")).split())
        self.assertIn(".o_asn_skp .o_asn_skp_keep { page-break-inside: avoid; }", style)
        for article in root.xpath("//div[hasclass('article')]"):
            signatures = article.xpath(".//table[hasclass('o_asn_skp_sign')]")
            self.assertEqual(len(signatures), 2, "the SKP page and the Lampiran SKP page")
            for signature in signatures:
                closing = signature.xpath("ancestor::div[hasclass('o_asn_skp_keep')]")
                self.assertEqual(len(closing), 1, "the signature is inside one non-breaking container")
                self.assertEqual(closing[0].xpath("./table")[-1], signature, "the signature closes the container")
            skp_page, lampiran_page = (self.text(sig.getparent()) for sig in signatures)
            self.assertInOrder(skp_page, ["7 Kolaboratif", "Ekspektasi Khusus Pimpinan:", "Pegawai Yang Dinilai",
                                          "Pejabat Penilai Kinerja"])
            self.assertNotIn("6 Adaptif", skp_page, "only the last value: the others break freely")
            self.assertInOrder(lampiran_page, ["KONSEKUENSI", "1", "Pegawai yang Dinilai"])
            self.assertNotIn("DUKUNGAN SUMBER DAYA", lampiran_page)
        footers = root.xpath("//div[hasclass('footer')]")
        self.assertEqual(len(footers), 2, "one running footer per SKP")
        for footer, skp in zip(footers, skps, strict=True):
            self.assertEqual(footer.xpath("string(.//span[hasclass('o_asn_footer_name')])"), skp.employee_name)
            self.assertEqual(footer.xpath("string(.//span[hasclass('o_asn_footer_nip')])"), skp.employee_nip)
            self.assertEqual(len(footer.xpath(".//span[hasclass('page')]")), 1)
            self.assertEqual(len(footer.xpath(".//span[hasclass('topage')]")), 1)
            self.assertInOrder(self.text(footer), ["SKP 2026", "Halaman", "dari"])
