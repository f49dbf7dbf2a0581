"""The evaluation portal through real HTTP requests (issue 11, must-have 12 and the keberatan of 7): the
employee lists, reads, signs their evaluation and files a keberatan; nobody else — another employee, the
Pejabat Penilai Kinerja, the Atasan, an Admin Kepegawaian OPD, BKPSDM — gets data from a GET or an effect
from a POST on any of its URLs, whatever the form says.

The date is frozen on 6 April 2026 (freezegun patches the modules, so the server thread sees the same
day): March is evaluated and set today, the keberatan window runs to 20 April.
"""
import re

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged

from .common import HrAsnEvaluationCase

REPORT = "hr_asn_evaluation.hr_asn_evaluation_report"


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationPortal(HttpCase, HrAsnEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        march = cls.skp.month_ids.filtered(lambda month: month.month == 3)
        march.line_ids.sudo().write({"realisasi": "Laporan Maret tersusun"})
        cls.set_capaian(cls.units["dinas"], "baik")
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        evaluations = cls.period.evaluation_ids
        # the staff member's evaluation, rated and set by her Pejabat Penilai Kinerja (the Kepala Seksi)
        cls.evaluation = evaluations.filtered(lambda e: e.employee_id == cls.emp["S.dseksi"])
        cls.evaluation.with_user(cls.user_penilai).write({
            "rating_hasil": "sesuai", "rating_perilaku": "sesuai", "catatan": "Pertahankan ketepatan waktu",
            "rekomendasi": "Pelatihan analisis data",
        })
        cls.evaluation.team_id.with_user(cls.user_penilai).action_set()
        # the Kepala Seksi's own evaluation, set by the Kepala Bidang: the penilai is an employee too
        cls.kasi_evaluation = evaluations.filtered(lambda e: e.employee_id == cls.emp["H.dseksi"])
        cls.kasi_evaluation.with_user(cls.user_kabid).write({"rating_hasil": "sesuai", "rating_perilaku": "sesuai"})
        cls.kasi_evaluation.team_id.with_user(cls.user_kabid).action_set()
        cls.Objection = cls.env["hr.asn.evaluation.objection"]
        cls.url = "/my/evaluations/%s" % cls.evaluation.id

    def setUp(self):
        super().setUp()
        self.assertEqual(self.evaluation.state, "ditetapkan")
        self.assertEqual(str(self.evaluation.objection_deadline), "2026-04-20")

    # ------------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------------
    def _post(self, url, data=None):
        return self.url_open(url, data=dict(data or {}, csrf_token=http.Request.csrf_token(self)))

    def assertSentAway(self, response):
        self.assertTrue(response.url.endswith("/my"), response.url)

    def login(self, user):
        self.authenticate(user.login, user.login)

    # ------------------------------------------------------------------------------------------
    # The employee
    # ------------------------------------------------------------------------------------------
    def test_employee_lists_and_reads_her_evaluation(self):
        self.login(self.user_pegawai)
        home = self.url_open("/my")
        self.assertIn('href="/my/evaluations"', home.text, "the portal home leads to the evaluations")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["evaluation_count"]})
        self.assertEqual(counters["evaluation_count"], 1, "one evaluation waits for her signature")

        listing = self.url_open("/my/evaluations")
        self.assertEqual(listing.status_code, 200)
        self.assertEqual(re.findall(r'href="/my/evaluations/(\d+)"', listing.text), [str(self.evaluation.id)],
                         "her own evaluation only (not her Pejabat Penilai's)")
        self.assertIn("MARET 2026", listing.text)
        self.assertIn("To sign", listing.text)
        self.assertIn("One evaluation waits for your signature", listing.text)

        detail = self.url_open(self.url)
        self.assertEqual(detail.status_code, 200)
        text = detail.text
        line = self.evaluation.line_ids
        for shown in (line.rhk_name, line.iki_name, "Laporan Maret tersusun", "Kepala Seksi", "Kepala Bidang",
                      "Sesuai Ekspektasi", "Pertahankan ketepatan waktu", "Pelatihan analisis data",
                      "Sign / Accept", "File a keberatan", 'action="%s/accept"' % self.url):
            self.assertIn(shown, text)
        self.assertEqual(text.count("Ekspektasi Khusus Pimpinan:"), 7, "the seven BerAKHLAK rows")
        self.assertRegex(text, r">\s*Baik\s*<", "the predikat of the kuadran")

    def test_ratings_hidden_until_set(self):
        """Before ditetapkan the Pejabat Penilai is still deciding: the page says so, no rating is shown."""
        self.evaluation.sudo().write({"state": "dinilai", "set_date": False})
        self.login(self.user_pegawai)
        detail = self.url_open(self.url)
        self.assertIn("is evaluating this period", detail.text)
        self.assertNotIn("Sesuai Ekspektasi", detail.text)
        self.assertNotIn("Sign / Accept", detail.text)
        self.assertNotIn("Pertahankan ketepatan waktu", detail.text)

    def test_list_pages_through_every_evaluation(self):
        """80 a page with Odoo's portal pager: the 81st (the oldest) is on page 2, none is left out."""
        older = self.Evaluation.sudo().create([{
            "employee_id": self.emp["S.dseksi"].id, "company_id": self.company.id, "skp_id": self.skp.id,
            "year": year, "period_kind": "year", "period": 0, "kind": "annual", "period_label": "TAHUN %s" % year,
            "date_from": "%s-01-01" % year, "date_to": "%s-12-31" % year,
            "employee_user_id": self.user_pegawai.id,
        } for year in range(1945, 2025)])
        oldest = older.filtered(lambda e: e.year == 1945)
        self.login(self.user_pegawai)
        first = self.url_open("/my/evaluations")
        shown = re.findall(r'href="/my/evaluations/(\d+)"', first.text)
        self.assertEqual(len(shown), 80)
        self.assertEqual(shown[0], str(self.evaluation.id), "newest period first")
        self.assertNotIn(str(oldest.id), shown)
        self.assertIn('href="/my/evaluations/page/2"', first.text)
        second = self.url_open("/my/evaluations/page/2")
        self.assertEqual(re.findall(r'href="/my/evaluations/(\d+)"', second.text), [str(oldest.id)])

    def test_employee_signs(self):
        self.login(self.user_pegawai)
        response = self._post(self.url + "/accept")
        self.assertTrue(response.url.endswith(self.url + "?done=accept"), response.url)
        self.assertIn("Signed: you received this evaluation.", response.text)
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.state, "diterima")
        self.assertEqual(str(self.evaluation.accept_date), "2026-04-06")
        self.assertNotIn("Sign / Accept", response.text)
        # a second click: the model's refusal on the page, nothing changes, no error page
        again = self._post(self.url + "/accept")
        self.assertEqual(again.status_code, 200)
        self.assertIn("Only an evaluation that is set (ditetapkan) can be signed", again.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["evaluation_count"]})
        self.assertEqual(counters["evaluation_count"], 0)

    def test_employee_files_a_keberatan_and_follows_it(self):
        self.login(self.user_pegawai)
        form = self.url_open(self.url + "/objection")
        self.assertEqual(form.status_code, 200)
        self.assertIn('maxlength="4000"', form.text)
        self.assertIn("Kepala Bidang", form.text, "it goes to the Atasan Pejabat Penilai Kinerja")

        response = self._post(self.url + "/objection", {"reason": "Realisasi Maret tidak dihitung penuh"})
        self.assertIn("done=objection", response.url)
        objection = self.Objection.search([("evaluation_id", "=", self.evaluation.id)])
        self.assertEqual(len(objection), 1)
        self.assertEqual((objection.reason, objection.state, objection.atasan_user_id),
                         ("Realisasi Maret tidak dihitung penuh", "submitted", self.user_kabid))
        self.assertEqual(str(objection.date), "2026-04-06")
        self.assertTrue(objection.activity_ids.filtered(lambda a: a.user_id == self.user_kabid),
                        "the atasan is asked to decide")
        self.assertIn("Awaiting the decision", response.text)
        self.assertIn("Realisasi Maret tidak dihitung penuh", response.text)
        self.assertNotIn("Sign / Accept", response.text, "no signature while the keberatan waits")
        # a second keberatan is refused on the page: the decision on the first is final
        again = self._post(self.url + "/objection", {"reason": "Sekali lagi"})
        self.assertEqual(again.status_code, 200)
        self.assertIn("already", again.text)
        self.assertEqual(self.Objection.search_count([("evaluation_id", "=", self.evaluation.id)]), 1)

        # the atasan decides in the backend; the employee reads the decision
        objection.with_user(self.user_kabid).write({"decision": "Realisasi sesuai bukti dukung",
                                                    "new_rating_hasil": "diatas"})
        objection.with_user(self.user_kabid).action_uphold()
        detail = self.url_open(self.url)
        self.assertIn("Upheld: the predikat is now", detail.text)
        self.assertIn("Realisasi sesuai bukti dukung", detail.text)
        self.assertIn("Diatas Ekspektasi", detail.text)
        self.assertIn("Sign / Accept", detail.text, "decided: she may sign now")

    def test_late_keberatan_refused(self):
        """national_rules.md §5: 14 days after ditetapkan; on the 15th the form says so and nothing is filed."""
        self.login(self.user_pegawai)
        with freeze_time("2026-04-21"):
            form = self.url_open(self.url + "/objection")
            self.assertIn("closed on", form.text)
            self.assertNotIn('name="reason"', form.text)
            response = self._post(self.url + "/objection", {"reason": "Terlambat"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("The window for a keberatan on", response.text)
        self.assertFalse(self.evaluation.objection_ids)

    def test_bad_reasons_refused(self):
        self.login(self.user_pegawai)
        response = self._post(self.url + "/objection", {"reason": "x" * 4001})
        self.assertEqual(response.status_code, 200)
        self.assertIn("too long", response.text)
        self.assertIn("x" * 4001, response.text, "what was typed is kept")
        response = self._post(self.url + "/objection", {"reason": "   "})
        self.assertIn("Say why you object", response.text)
        self.assertFalse(self.evaluation.objection_ids)

    def test_pdf(self):
        self.login(self.user_pegawai)
        response = self.url_open(self.url + "/pdf")
        if self.env.ref(REPORT, raise_if_not_found=False):
            self.assertEqual(response.status_code, 200)
            self.assertIn("EVALUASI KINERJA PEGAWAI", response.content.decode())
        else:
            self.assertTrue(response.url.endswith(self.url), "no report yet: back to the page")
        self.evaluation.sudo().state = "dinilai"
        response = self.url_open(self.url + "/pdf")
        self.assertTrue(response.url.endswith(self.url), "no document before it is set")

    # ------------------------------------------------------------------------------------------
    # Everybody else
    # ------------------------------------------------------------------------------------------
    def test_nobody_else_reaches_it(self):
        """Another employee, the Pejabat Penilai Kinerja and its atasan (who read it in the backend), the
        Admin OPD and BKPSDM (who read it too): every URL sends them away with nothing of it, every POST
        changes nothing, even with the form naming the evaluation."""
        line = self.evaluation.line_ids
        forged = {"evaluation_id": str(self.evaluation.id), "reason": "Dipalsukan", "employee_id": "1"}
        for user in (self.user_other, self.user_penilai, self.user_kabid, self.user_admin_opd, self.user_admin):
            with self.subTest(user=user.login):
                self.login(user)
                for url in (self.url, self.url + "/objection", self.url + "/pdf", self.url + "/pdf?download=1"):
                    response = self.url_open(url)
                    self.assertSentAway(response)
                    self.assertNotIn(line.rhk_name, response.text)
                    self.assertNotIn("Pertahankan ketepatan waktu", response.text)
                for url in (self.url + "/accept", self.url + "/objection"):
                    response = self._post(url, forged)
                    self.assertSentAway(response)
                listing = self.url_open("/my/evaluations")
                self.assertNotIn(str(self.evaluation.id), re.findall(r'href="/my/evaluations/(\d+)"', listing.text))
                self.evaluation.invalidate_recordset()
                self.assertEqual(self.evaluation.state, "ditetapkan")
                self.assertFalse(self.evaluation.objection_ids)

    def test_forged_form_fields_act_on_the_url_only(self):
        """The Kepala Seksi signs and objects on his own evaluation with a form naming his staff member's:
        his own changes, hers does not."""
        self.login(self.user_penilai)
        own = "/my/evaluations/%s" % self.kasi_evaluation.id
        forged = {"evaluation_id": str(self.evaluation.id), "id": str(self.evaluation.id)}
        self._post(own + "/objection", dict(forged, reason="Keberatan saya sendiri"))
        self.assertEqual(self.kasi_evaluation.objection_ids.reason, "Keberatan saya sendiri")
        self.assertFalse(self.evaluation.objection_ids)
        # his pending keberatan stops his signature (the model's rule), shown as a message, not an error page
        response = self._post(own + "/accept", forged)
        self.assertEqual(response.status_code, 200)
        self.assertIn("awaits the decision", response.text)
        self.kasi_evaluation.invalidate_recordset()
        self.assertEqual(self.kasi_evaluation.state, "ditetapkan")
        self.assertEqual(self.evaluation.state, "ditetapkan")

    def test_missing_evaluation(self):
        self.login(self.user_pegawai)
        self.assertSentAway(self.url_open("/my/evaluations/999999999"))
        self.assertSentAway(self._post("/my/evaluations/999999999/accept"))
