"""The month's activities beside its realisasi and in the month's record (issue 14 must-have 1: "the
month's activities appear beside the monthly realisasi as supporting evidence and in the month's
PDF/record"; Perwal Bekasi 38/2023 Pasal 16(3)): grouped under the IKI line they serve on the backend form,
the portal's month page and the printed "Catatan Realisasi dan Aktivitas Harian"; the record opens for who
may open the month, nobody else; the month's activities cost the same queries however many there are.

Frozen on 15 March 2026; the people of test_skp_activity.ActivityCase."""
import base64
import datetime

import lxml.html

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, freeze_time, tagged

from .test_skp_activity import ActivityCase

REPORT = "hr_asn_performance.hr_asn_skp_month_report"


class MonthRecordCase(ActivityCase):
    @classmethod
    def make_staff_skp(cls):
        """The staff member's set SKP with two IKI (each with its line in every month)."""
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.skp = cls.set_skp(cls.make_skp("S.dseksi", parent_rhk=cls.kasi.rhk_ids[0], iki_count=2))
        return cls.skp

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.iki_2 = cls.skp.iki_ids[1]
        cls.march = cls.month[3]
        cls.line_1 = cls.march.line_ids.filtered(lambda line: line.iki_id == cls.iki)
        cls.line_2 = cls.march.line_ids.filtered(lambda line: line.iki_id == cls.iki_2)

    def fill_march(self):
        """Targets, realisasi and bukti dukung of March, and three activities: two for the first IKI (one
        with evidence, accepted), one for the second."""
        self.line_1.sudo().write({"target_text": "Draf Bab 2", "realisasi": "Draf Bab 2 akreditasi selesai"})
        bukti = self.env["ir.attachment"].create({"name": "notulen_maret.pdf", "datas": base64.b64encode(b"%PDF-1.4"),
                                                  "res_model": "hr.asn.skp.month.line", "res_id": self.line_1.id})
        self.line_1.sudo().attachment_ids = bukti
        first = self.log(date="2026-03-02", duration=3.0, name="Telusur dokumen Bab 2 bersama tim mutu")
        evidence = self.env["ir.attachment"].with_user(self.user_pegawai).create({
            "name": "daftar_hadir.pdf", "datas": base64.b64encode(b"%PDF-1.4 hadir"),
            "res_model": "hr.asn.skp.activity", "res_id": first.id})
        first.write({"attachment_ids": [(4, evidence.id)]})
        second = self.log(date="2026-03-09", duration=1.5, name="Menyusun rekomendasi perbaikan Bab 2")
        third = self.log(date="2026-03-05", duration=2.0, iki_id=self.iki_2.id, name="Merekap data rujukan keluar")
        (first | second).action_submit()
        first.with_user(self.user_penilai).action_accept()
        return first, second, third


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpMonthRecord(MonthRecordCase):
    def test_sections_under_the_iki_lines(self):
        first, second, third = self.fill_march()
        sections = self.march.with_user(self.user_penilai)._asn_activity_sections()[self.march.id]
        self.assertEqual([(s["line"], s["activities"].ids, s["hours"]) for s in sections],
                         [(self.line_1, [first.id, second.id], 4.5), (self.line_2, [third.id], 2.0)],
                         "each IKI line with its activities by date")
        self.assertEqual(first.with_user(self.user_penilai).evidence_count, 1)
        # an IKI the month has no line for (its line gone, as when an RHK is taken over): a section of its own
        self.line_2.sudo().unlink()
        sections = self.march._asn_activity_sections()[self.march.id]
        self.assertEqual([(s["line"], s["activities"]) for s in sections], [(self.line_1, first | second),
                                                                                (None, third)])
        # the backend form's list: the reader's activities of the month
        self.assertEqual(self.march.with_user(self.user_admin_opd).daily_activity_ids, first | second | third)
        self.assertFalse(self.month[2].with_user(self.user_pegawai)._asn_activity_sections()[self.month[2].id][0]
                         ["activities"])

    def test_queries_do_not_grow_with_the_activities(self):
        """One search and one read of the evidence links for the month, however many activities it has."""
        def count():
            self.env.invalidate_all()
            month = self.march.with_user(self.user_penilai)
            before = self.env.cr.sql_log_count
            read = [(activity.date, activity.duration, activity.name, activity.state, activity.evidence_count)
                    for section in month._asn_activity_sections()[month.id] for activity in section["activities"]]
            self.assertTrue(read)
            return self.env.cr.sql_log_count - before

        self.log(date="2026-03-02", duration=1.0)
        count()  # the access rules' caches warm
        few = count()
        self.env["hr.asn.skp.activity"].sudo().create([{
            "skp_id": self.skp.id, "iki_id": (self.iki if day % 2 else self.iki_2).id, "date": "2026-03-%02d" % day,
            "duration": 1.0, "name": "Aktivitas %s" % day} for day in range(3, 15)])
        self.assertEqual(count(), few, "13 activities read with the queries of one")
        self.assertLessEqual(few, 12)

    def test_record_report(self):
        first, second, third = self.fill_march()
        report = self.env["ir.actions.report"].with_user(self.user_pegawai)
        html, _kind = report._render_qweb_html(REPORT, self.march.ids)
        root = lxml.html.fromstring(html)
        for node in root.xpath("//style"):
            node.getparent().remove(node)
        text = " ".join(" ".join(root.itertext()).split())
        self.assertIn("CATATAN REALISASI DAN AKTIVITAS HARIAN BULAN MARET 2026", text)
        self.assertNotIn("LAMPIRAN", text.replace("Lampiran I.", ""), "not a Lampiran I form")
        position = -1
        for part in (self.skp.employee_name, "A. TARGET DAN REALISASI BULAN MARET 2026", self.iki.name, "Draf Bab 2",
                     "Draf Bab 2 akreditasi selesai", "notulen_maret.pdf", "2 (4,5 jam)", self.iki_2.name, "1 (2 jam)",
                     "B. AKTIVITAS HARIAN SEBAGAI BUKTI DUKUNG (3 aktivitas, 6,5 jam)", self.iki.name,
                     "2 Maret 2026", "Telusur dokumen Bab 2 bersama tim mutu", "3", "1", "Diterima",
                     "9 Maret 2026", "Menyusun rekomendasi perbaikan Bab 2", "1,5", "Diajukan",
                     self.iki_2.name, "5 Maret 2026", "Merekap data rujukan keluar", "Draf"):
            found = text.find(part, position + 1)
            self.assertGreater(found, position, "%r missing or out of order in: %s" % (part, text))
            position = found
        # the same record for the Pejabat Penilai; another employee reads none of it
        self.env["ir.actions.report"].with_user(self.user_penilai)._render_qweb_html(REPORT, self.march.ids)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_other)._render_qweb_html(REPORT, self.march.ids)

    def test_demo_days(self):
        """The demo's month of daily practice: the previous month's weekdays and this month's up to today; in
        January (the previous month is another SKP year) this month's only."""
        days = self.env["hr.asn.daily.demo"]._asn_demo_days(datetime.date(2026, 3, 4))
        self.assertEqual((days[0], days[-1], len(days)), (datetime.date(2026, 2, 2), datetime.date(2026, 3, 4), 23))
        self.assertTrue(all(day.weekday() < 5 for day in days))
        self.assertEqual(self.env["hr.asn.daily.demo"]._asn_demo_days(datetime.date(2026, 1, 6)),
                         [datetime.date(2026, 1, d) for d in (1, 2, 5, 6)])

    def test_empty_month_record(self):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(REPORT, self.month[2].ids)
        self.assertIn(b"Tidak ada aktivitas harian pada bulan ini.", html)
        self.assertIn(b"CATATAN REALISASI DAN AKTIVITAS HARIAN BULAN FEBRUARI 2026", html)


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpMonthRecordPortal(HttpCase, MonthRecordCase):
    def test_month_page_and_pdf(self):
        first, second, third = self.fill_march()
        month_url = "/my/skp/%s/month/%s" % (self.skp.id, self.march.id)
        self.authenticate("asn_pegawai", "asn_pegawai")
        page = self.url_open(month_url)
        self.assertEqual(page.status_code, 200)
        root = lxml.html.fromstring(page.text)
        card_1 = root.xpath("//div[@id='line_%s']" % self.line_1.id)[0]
        card_2 = root.xpath("//div[@id='line_%s']" % self.line_2.id)[0]
        text_1, text_2 = (" ".join(" ".join(card.itertext()).split()) for card in (card_1, card_2))
        self.assertIn("Telusur dokumen Bab 2 bersama tim mutu", text_1)
        self.assertIn("Menyusun rekomendasi perbaikan Bab 2", text_1)
        self.assertNotIn("Merekap data rujukan keluar", text_1)
        self.assertIn("Merekap data rujukan keluar", text_2)
        self.assertIn("Accepted", text_1)
        self.assertTrue(card_1.xpath(".//a[@href='/my/skp/%s/activities?date=2026-03-02']" % self.skp.id))
        self.assertTrue(root.xpath("//a[@href='%s/pdf']" % month_url))
        pdf = self.url_open(month_url + "/pdf?download=1")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers.get("Content-Type"), "application/pdf")
        self.assertIn("Realisasi", pdf.headers.get("Content-Disposition", ""))
        # under --test-enable Odoo hands back the report's HTML instead of running wkhtmltopdf
        self.assertIn(b"Telusur dokumen Bab 2 bersama tim mutu", pdf.content)
        # her Pejabat Penilai Kinerja opens it too; another employee, a wrong token, another SKP's month do not
        self.authenticate("asn_penilai", "asn_penilai")
        self.assertEqual(self.url_open(month_url + "/pdf").status_code, 200)
        other_skp = self.make_skp("S.dsub")
        other_skp.write({"state": "set"})
        self.env["hr.asn.skp.month"]._asn_open_months(other_skp)
        other_month = other_skp.month_ids.filtered(lambda m: m.month == 3)
        self.authenticate("asn_other", "asn_other")
        for url in (month_url + "/pdf", month_url + "/pdf?access_token=wrong",
                    "/my/skp/%s/month/%s/pdf" % (other_skp.id, self.march.id),
                    "/report/pdf/hr_asn_performance.report_skp_month/%s" % self.march.id):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404))
                self.assertNotIn(b"Telusur dokumen", response.content)
        self.authenticate("asn_pegawai", "asn_pegawai")
        response = self.url_open("/my/skp/%s/month/%s/pdf" % (self.skp.id, other_month.id))
        self.assertEqual(response.status_code, 404)
