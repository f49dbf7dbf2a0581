"""The portal of the 360° rating, through real HTTP requests: raters, the rated employee, others."""
import io
import zipfile

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
        self.assertTrue(response.url.endswith("/my"), response.url)
        response = self._post(assignment, "1")
        self.assertTrue(response.url.endswith("/my"), response.url)
        assignment.invalidate_recordset()
        self.assertFalse(assignment.sudo().answer_ids)

    def test_invitation_token_opens_the_form(self):
        assignment = self.mine[0]
        token = assignment.sudo()._portal_ensure_token()
        response = self.url_open("/my/perilaku360/%s?access_token=%s" % (assignment.id, token))
        self.assertEqual(response.status_code, 200)
        self.assertIn(assignment.sudo().ratee_id.name, response.text)
        response = self.url_open("/my/perilaku360/%s?access_token=wrong" % assignment.id)
        self.assertTrue(response.url.endswith("/my") or "/web/login" in response.url, response.url)

    def test_closed_round_refuses_ratings(self):
        assignment = self.mine[0]
        self.authenticate("asn360_portal", "asn360_portal")
        self._post(assignment, "4")
        self.round.action_close()
        response = self._post(assignment, "2")
        self.assertIn("not open for rating", response.text)
        assignment.invalidate_recordset()
        self.assertEqual(sorted(assignment.sudo().answer_ids.mapped("stars")), [4] * 7)

    def test_published_result_pdf_and_xlsx(self):
        for assignment in self.Assignment.search([("round_id", "=", self.round.id)]):
            self.answer(assignment, 4)
        self.round.action_close()
        result = self.result(self.round, "P1.dseksi")
        self.authenticate("asn360_portal", "asn360_portal")
        # not published yet: nothing to read
        response = self.url_open("/my/perilaku360/result/%s" % result.id)
        self.assertTrue(response.url.endswith("/my"), response.url)
        self.round.action_publish()
        response = self.url_open("/my/perilaku360/result/%s" % result.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Berorientasi Pelayanan", response.text)
        html = self.url_open("/my/perilaku360/result/%s?report_type=html" % result.id)
        self.assertIn("HASIL PENILAIAN PERILAKU 360", html.text)
        self.assertIn(self.emp["P1.dseksi"].nip, html.text)
        pdf = self.url_open("/my/perilaku360/result/%s?report_type=pdf&download=true" % result.id)
        self.assertEqual(pdf.headers.get("Content-Type"), "application/pdf")
        # under --test-enable Odoo hands back the report's HTML instead of running wkhtmltopdf
        self.assertIn(b"HASIL PENILAIAN PERILAKU 360", pdf.content)
        self.assertIn("Hasil_Penilaian_Perilaku_360", pdf.headers.get("Content-Disposition", ""))
        # somebody else's result
        other = self.result(self.round, "P3.dseksi")
        response = self.url_open("/my/perilaku360/result/%s" % other.id)
        self.assertTrue(response.url.endswith("/my"), response.url)
        # the XLSX of the round: Admin BKPSDM only
        response = self.url_open("/hr_asn_360/round/%s/xlsx" % self.round.id)
        self.assertNotEqual(response.headers.get("Content-Type"),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        self.authenticate("asn_bkpsdm", "asn_bkpsdm")
        response = self.url_open("/hr_asn_360/round/%s/xlsx" % self.round.id)
        self.assertEqual(response.status_code, 200)
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.emp["P1.dseksi"].nip, strings)
        self.assertIn("Sesuai Ekspektasi", strings)  # 4 stars everywhere: below the Diatas threshold
