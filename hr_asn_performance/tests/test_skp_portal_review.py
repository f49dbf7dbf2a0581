"""The Pejabat Penilai Kinerja on the portal (issue 12: a phone): what waits, set / return an SKP, review
a month; through real HTTP requests, with other users' URLs and forged ids refused.

Frozen on 15 March 2026 (the server thread sees the same day). The Kepala Seksi (``asn_penilai``) assesses
the staff member (``asn_pegawai``); the Kepala Bidang (``asn_kabid``) is her atasan and the Kepala Seksi's
own Pejabat Penilai Kinerja; ``asn_other`` works in another unit.
"""
from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpPortalReview(HttpCase, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_staff_skp()  # cls.skp: the staff member's set SKP (kualitatif), under cls.kasi
        cls.revision = cls.skp.action_new_revision("Adjusted expectations")
        cls.revision.action_submit()
        cls.february = cls.skp.month_ids.filtered(lambda m: m.month == 2)
        cls.february.line_ids.sudo().write({"realisasi": "Laporan bulanan tersusun lengkap"})
        cls.february.sudo().write({"state": "reported", "report_date": "2026-03-03"})
        cls.kasi_february = cls.kasi.month_ids.filtered(lambda m: m.month == 2)
        cls.kasi_february.line_ids.sudo().write({"realisasi": "Done"})
        cls.kasi_february.sudo().write({"state": "reported", "report_date": "2026-03-03"})

    def _post(self, url, data=None):
        return self.url_open(url, data=dict(data or {}, csrf_token=http.Request.csrf_token(self)))

    def assertSentAway(self, response):
        self.assertTrue(response.url.endswith("/my"), response.url)

    def test_leader_sees_what_waits_on_the_portal(self):
        self.authenticate("asn_penilai", "asn_penilai")
        home = self.url_open("/my")
        self.assertIn('href="/my/skp/review"', home.text)
        page = self.url_open("/my/skp/review")
        self.assertEqual(page.status_code, 200)
        self.assertIn('href="/my/skp/%s"' % self.revision.id, page.text, "the SKP to set")
        self.assertIn('href="/my/skp/%s/month/%s"' % (self.skp.id, self.february.id), page.text)
        self.assertNotIn("/month/%s" % self.kasi_february.id, page.text, "not her own month")
        self.assertIn(self.skp.employee_nip, page.text)
        # the staff member has no such page entry
        self.authenticate("asn_pegawai", "asn_pegawai")
        self.assertNotIn('href="/my/skp/review"', self.url_open("/my").text)

    def test_leader_sets_and_returns_from_the_portal(self):
        self.authenticate("asn_penilai", "asn_penilai")
        page = self.url_open("/my/skp/%s" % self.revision.id)
        self.assertIn('action="/my/skp/%s/set"' % self.revision.id, page.text)
        self.assertIn(self.revision.rhk_ids[0].name, page.text, "the full RHK to read before setting")
        response = self._post("/my/skp/%s/return" % self.revision.id, {"reason": "  "})
        self.assertIn("Say why the SKP goes back", response.text, "a reason is asked")
        self.assertEqual(self.revision.state, "submitted")
        response = self._post("/my/skp/%s/return" % self.revision.id, {"reason": "Clarify the target"})
        self.assertIn("done=returned", response.url)
        self.revision.invalidate_recordset()
        self.assertEqual((self.revision.state, self.revision.return_reason), ("draft", "Clarify the target"))
        self.revision.action_submit()
        response = self._post("/my/skp/%s/set" % self.revision.id)
        self.assertIn("done=set", response.url)
        self.revision.invalidate_recordset()
        self.assertEqual((self.revision.state, self.revision.set_by_id), ("set", self.user_penilai))

    def test_leader_reviews_a_month_from_the_portal(self):
        self.authenticate("asn_penilai", "asn_penilai")
        url = "/my/skp/%s/month/%s" % (self.skp.id, self.february.id)
        page = self.url_open(url)
        self.assertIn('action="%s/review"' % url, page.text)
        self.assertIn("Laporan bulanan tersusun lengkap", page.text)
        self.assertNotIn('value="report"', page.text, "no Report realisasi for the leader")
        response = self._post(url + "/review", {"review_note": "Good, keep the bukti dukung coming"})
        self.assertIn("done=reviewed", response.url)
        self.february.invalidate_recordset()
        self.assertEqual((self.february.state, self.february.reviewed_by_id, self.february.review_note),
                         ("reviewed", self.user_penilai, "Good, keep the bukti dukung coming"))

    def test_others_are_refused(self):
        """Another user's URL, the employee herself, the atasan (who reads, not sets), forged month ids."""
        cases = [
            ("asn_other", "/my/skp/%s/set" % self.revision.id),
            ("asn_pegawai", "/my/skp/%s/set" % self.revision.id),  # her own SKP
            ("asn_kabid", "/my/skp/%s/set" % self.revision.id),  # the atasan
            ("asn_other", "/my/skp/%s/return" % self.revision.id),
            ("asn_pegawai", "/my/skp/%s/month/%s/review" % (self.skp.id, self.february.id)),
            ("asn_kabid", "/my/skp/%s/month/%s/review" % (self.skp.id, self.february.id)),
            # the Kepala Seksi with her own month under her staff's SKP, and on her own SKP
            ("asn_penilai", "/my/skp/%s/month/%s/review" % (self.skp.id, self.kasi_february.id)),
            ("asn_penilai", "/my/skp/%s/month/%s/review" % (self.kasi.id, self.kasi_february.id)),
            ("asn_penilai", "/my/skp/%s/set" % 999999),
        ]
        for login, url in cases:
            with self.subTest(login=login, url=url):
                self.authenticate(login, login)
                self.assertSentAway(self._post(url, {"reason": "No", "review_note": "No"}))
        for record in (self.revision, self.february, self.kasi_february):
            record.invalidate_recordset()
        self.assertEqual(self.revision.state, "submitted")
        self.assertEqual((self.february.state, self.kasi_february.state), ("reported", "reported"))
        # the atasan reads the staff's SKP, without the leader's buttons
        self.authenticate("asn_kabid", "asn_kabid")
        page = self.url_open("/my/skp/%s" % self.revision.id)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("/set\"", page.text)

    def test_confirmed_targets_are_not_offered_again(self):
        """Issue 12: "Konfirmasi target" stayed after confirming."""
        april = self.skp.month_ids.filtered(lambda m: m.month == 4)
        url = "/my/skp/%s/month/%s" % (self.skp.id, april.id)
        self.authenticate("asn_pegawai", "asn_pegawai")
        self.assertIn('value="confirm"', self.url_open(url).text)
        self._post(url, {"action": "confirm"})
        april.invalidate_recordset()
        self.assertTrue(april.plan_date)
        self.assertNotIn('value="confirm"', self.url_open(url).text)
