"""The portal of the 360° rating, through real HTTP requests: raters, the rated employee, others."""
import io
import zipfile

import lxml.html

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import HrAsn360Case


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, HrAsn360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = cls.make_round(semester="2")
        cls.round.action_open()
        # P1.dseksi (a portal user) rates their peer P3.dseksi
        cls.mine = cls.Assignment.search([("round_id", "=", cls.round.id), ("rater_id", "=", cls.emp["P1.dseksi"].id)])

    def _post(self, assignment, stars, submit=True, **extra):
        data = {"csrf_token": http.Request.csrf_token(self), "comment": "Sangat membantu"}
        for question in assignment.round_id.question_ids:
            data["q_%s" % question.id] = stars
        if submit:
            data["submit"] = "1"
        data.update(extra)
        return self.url_open("/my/perilaku360/%s" % assignment.id, data=data)

    def test_rater_lists_and_rates_on_the_portal(self):
        self.assertTrue(self.mine, "the portal user has colleagues to rate")
        assignment = self.mine[0]
        self.authenticate("asn360_portal", "asn360_portal")
        page = self.url_open("/my/perilaku360")
        self.assertEqual(page.status_code, 200)
        self.assertIn(assignment.sudo().ratee_id.name, page.text)
        form = self.url_open("/my/perilaku360/%s" % assignment.id)
        self.assertIn("ramah, cekatan, solutif", form.text)
        self.assertEqual(form.text.count('type="radio"'), 35)  # 7 values x 5 stars
        response = self._post(assignment, "4")
        self.assertEqual(response.status_code, 200)
        self.assertIn("saved=submitted", response.url)
        assignment.invalidate_recordset()
        self.assertEqual(assignment.state, "submitted")
        self.assertEqual(sorted(assignment.sudo().answer_ids.mapped("stars")), [4] * 7)
        # a submitted rating can still change while the round is open
        self._post(assignment, "5")
        assignment.invalidate_recordset()
        self.assertEqual(sorted(assignment.sudo().answer_ids.mapped("stars")), [5] * 7)

    def test_star_outside_range_is_refused_and_nothing_changes(self):
        assignment = self.mine[0]
        self.authenticate("asn360_portal", "asn360_portal")
        self._post(assignment, "3")
        response = self._post(assignment, "6", comment="Tetap diketik")
        self.assertEqual(response.status_code, 200)
        self.assertIn("1 to 5 stars", response.text)
        self.assertIn("Tetap diketik", response.text)  # what was typed comes back
        assignment.invalidate_recordset()
        self.assertEqual(sorted(assignment.sudo().answer_ids.mapped("stars")), [3] * 7)

    def test_others_are_sent_away(self):
        assignment = self.mine[0]
        self.authenticate("asn360_peer", "asn360_peer")
        response = self.url_open("/my/perilaku360/%s" % assignment.id)
        self.assertSentAway(response)
        response = self._post(assignment, "1")
        self.assertSentAway(response)
        assignment.invalidate_recordset()
        self.assertFalse(assignment.sudo().answer_ids)

    def test_invitation_token_opens_the_form(self):
        assignment = self.mine[0]
        token = assignment.sudo()._portal_ensure_token()
        response = self.url_open("/my/perilaku360/%s?access_token=%s" % (assignment.id, token))
        self.assertEqual(response.status_code, 200)
        self.assertIn(assignment.sudo().ratee_id.name, response.text)
        response = self.url_open("/my/perilaku360/%s?access_token=wrong" % assignment.id)
        self.assertSentAway(response, ("/my", "/web/login"))

    def test_closed_round_refuses_ratings(self):
        assignment = self.mine[0]
        self.authenticate("asn360_portal", "asn360_portal")
        self._post(assignment, "4")
        self.close(self.round)
        response = self._post(assignment, "2")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.url, self.base_url() + "/my/perilaku360/%s" % assignment.id)  # the form again
        self.assertIn("not open for rating", response.text)
        assignment.invalidate_recordset()
        self.assertEqual(sorted(assignment.sudo().answer_ids.mapped("stars")), [4] * 7)

    def test_result_pdf_signed_by_the_pejabat_penilai(self):
        """Issue 12: the printed result has place, date and the signature of the employee's Pejabat Penilai
        Kinerja, kept on one page with the final score; golongan as the SKP writes it; a running footer."""
        employee = self.emp["P1.dseksi"]
        employee.asn_golongan = "III/a"
        self.company.asn_sign_place = "Kota Uji"
        for assignment in self.Assignment.search([("round_id", "=", self.round.id)]):
            self.answer(assignment, 4)
        self.close(self.round)
        result = self.result(self.round, "P1.dseksi")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_asn_360.action_report_hr_asn360_result", result.ids)
        root = lxml.html.fromstring(html)
        penilai = employee.pejabat_penilai_id
        self.assertEqual(penilai, self.emp["H.dseksi"], "Lampiran II: the Kepala Seksi assesses the staff")
        signature = root.xpath("//table[hasclass('o_asn360_sign')]")
        self.assertEqual(len(signature), 1)
        words = " ".join(" ".join(signature[0].itertext()).split())
        self.assertEqual(words, "Kota Uji, 20 November 2026 Pejabat Penilai Kinerja %s NIP. %s"
                         % (penilai.name, penilai.nip))
        closing = signature[0].getparent()
        self.assertIn("page-break-inside: avoid", closing.get("style"))
        self.assertIn("Nilai akhir", closing.text_content(), "the signature stays with the final score")
        row = root.xpath("//tr[td[normalize-space()='Pangkat/Gol. Ruang']]")[0]
        self.assertEqual(row.xpath("string(td[3])"), "Penata Muda, III/a")
        footer = root.xpath("//div[hasclass('footer')]")
        self.assertEqual(len(footer), 1)
        self.assertEqual(footer[0].xpath("string(.//span[hasclass('o_asn_footer_name')])"), employee.name)
        self.assertEqual(footer[0].xpath("string(.//span[hasclass('o_asn_footer_nip')])"), employee.nip)
        self.assertTrue(footer[0].xpath(".//span[hasclass('page')]") and footer[0].xpath(".//span[hasclass('topage')]"))
        self.assertIn("Semester II 2026", footer[0].text_content())

    def test_published_result_pdf_and_xlsx(self):
        for assignment in self.Assignment.search([("round_id", "=", self.round.id)]):
            self.answer(assignment, 4)
        self.close(self.round)
        result = self.result(self.round, "P1.dseksi")
        self.authenticate("asn360_portal", "asn360_portal")
        # not published yet: nothing to read
        response = self.url_open("/my/perilaku360/result/%s" % result.id)
        self.assertSentAway(response)
        self.round.action_publish()
        response = self.url_open("/my/perilaku360/result/%s" % result.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Berorientasi Pelayanan", response.text)
        html = self.url_open("/my/perilaku360/result/%s?report_type=html" % result.id)
        self.assertIn("HASIL PENILAIAN PERILAKU 360", html.text)
        self.assertIn("SEMESTER II (Juli–Desember) TAHUN 2026", " ".join(html.content.decode().split()))  # babel
        self.assertIn(self.emp["P1.dseksi"].nip, html.text)
        pdf = self.url_open("/my/perilaku360/result/%s?report_type=pdf&download=true" % result.id)
        self.assertEqual(pdf.headers.get("Content-Type"), "application/pdf")
        # under --test-enable Odoo hands back the report's HTML instead of running wkhtmltopdf
        self.assertIn(b"HASIL PENILAIAN PERILAKU 360", pdf.content)
        self.assertIn("Hasil_Penilaian_Perilaku_360", pdf.headers.get("Content-Disposition", ""))
        # somebody else's result
        other = self.result(self.round, "P3.dseksi")
        response = self.url_open("/my/perilaku360/result/%s" % other.id)
        self.assertSentAway(response)
        # the XLSX of the round: Admin BKPSDM only
        response = self.url_open("/hr_asn_360/round/%s/xlsx" % self.round.id)
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(response.headers.get("Content-Type"),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.authenticate("asn_bkpsdm", "asn_bkpsdm")
        response = self.url_open("/hr_asn_360/round/%s/xlsx" % self.round.id)
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.emp["P1.dseksi"].nip, strings)
        self.assertIn("Sesuai Ekspektasi", strings)  # 4 stars everywhere: below the Diatas threshold

    def test_every_rating_is_reachable_through_the_pager(self):
        """81 colleagues to rate: 80 on the first page (Odoo's portal step), the 81st on page 2, none
        silently left out; the round's progress counts all 81."""
        Employee = self.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        many = Employee.create([{
            "name": f"Rekan {number:03d}", "department_id": self.units["dseksi"].id, "company_id": self.company.id,
            "asn_status": "pns", "asn_position_kind": "pelaksana", "nip": self.make_nip(700 + number),
        } for number in range(81 - len(self.mine))])
        self.Assignment.create([{"round_id": self.round.id, "ratee_id": employee.id,
                                 "rater_id": self.emp["P1.dseksi"].id, "role": "peer"} for employee in many])
        mine = self.Assignment.search([("round_id", "=", self.round.id), ("rater_id", "=", self.emp["P1.dseksi"].id)],
                                      order="round_id desc, state, id")
        self.assertEqual(len(mine), 81)
        self.authenticate("asn360_portal", "asn360_portal")
        first = self.url_open("/my/perilaku360")
        self.assertEqual(first.status_code, 200)
        link = 'href="/my/perilaku360/%s"'
        self.assertEqual(first.text.count(link % mine[79].id), 1)
        self.assertFalse(link % mine[80].id in first.text, "the 81st rating waits on page 2")
        self.assertIn("/my/perilaku360/page/2", first.text)
        self.assertIn("0 / 81 submitted", " ".join(first.text.split()))
        second = self.url_open("/my/perilaku360/page/2")
        self.assertEqual(second.status_code, 200)
        self.assertTrue(link % mine[80].id in second.text, "the 81st rating is on page 2")
        self.assertFalse(link % mine[0].id in second.text, "page 2 does not repeat page 1")
