"""Aktivitas harian (issue 14; Perwal Bekasi 38/2023 Pasal 16, seed 002-003): the employee logs what they
did on a day for an IKI of their set SKP; refused on someone else's SKP, an SKP not set, a closed month,
a future day, more than 24 hours a day; the leader who reviews the months accepts or comments in batch;
the month shows them beside its realisasi; the portal's routes act for the SKP's own employee only.

Frozen on 15 March 2026. ``asn_pegawai`` (staff of the Seksi) is assessed by ``asn_penilai`` (the Kepala
Seksi), whose Pejabat Penilai Kinerja ``asn_kabid`` is the staff member's Atasan Pejabat Penilai;
``asn_other`` works in another unit; ``asn_admin_opd`` keeps the Dinas, ``asn_bkpsdm`` the city."""
import base64

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, freeze_time, tagged

from .common import HrAsnSkpCase


class ActivityCase(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.make_staff_skp()  # cls.skp: the staff member's set SKP, under cls.kasi
        cls.iki = cls.skp.iki_ids[0]
        cls.month = {m.month: m for m in cls.skp.month_ids}
        cls.Activity = cls.env["hr.asn.skp.activity"]

    def log(self, user=None, skp=None, **vals):
        return self.Activity.with_user(user or self.user_pegawai).create(dict({
            "skp_id": (skp or self.skp).id, "iki_id": self.iki.id, "date": "2026-03-14", "duration": 2.0,
            "name": "Menyusun draf laporan",
        }, **vals))


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpActivity(ActivityCase):
    def test_log_submit_and_month_evidence(self):
        self.assertEqual(self.Activity.with_user(self.user_pegawai).default_get(["skp_id"]), {"skp_id": self.skp.id},
                         "a new activity goes to her set SKP of today")
        activity = self.log()
        self.assertEqual((activity.state, activity.employee_id, activity.rhk_id, activity.month_id),
                         ("draft", self.emp["S.dseksi"], self.iki.rhk_id, self.month[3]))
        attachment = self.env["ir.attachment"].with_user(self.user_pegawai).create({
            "name": "notulen.pdf", "datas": base64.b64encode(b"%PDF-1.4 bukti"),
            "res_model": "hr.asn.skp.activity", "res_id": activity.id})
        activity.write({"attachment_ids": [(4, attachment.id)], "duration": 2.5})
        self.log(date="2026-03-02", duration=1.5)
        activity.action_submit()
        self.assertEqual(activity.state, "submitted")
        with self.assertRefused(UserError, "can no longer change"):
            activity.name = "Diubah setelah dikirim"
        line = self.month[3].line_ids.filtered(lambda line: line.iki_id == self.iki)
        self.assertEqual((line.daily_activity_count, line.daily_activity_hours), (2, 4.0))
        self.assertEqual((self.month[3].daily_activity_count, self.month[3].daily_activity_hours), (2, 4.0))
        self.assertEqual(self.month[2].line_ids.daily_activity_count, 0)

    def test_refusals(self):
        with self.assertRefused(ValidationError, "only log activities on your own SKP"):
            self.log(user=self.user_other)
        with self.assertRefused(ValidationError, "only log activities on your own SKP"):
            self.log(user=self.user_penilai)  # the leader neither
        with self.assertRefused(ValidationError, "has not come yet"):
            self.log(date="2026-03-16")
        with self.assertRefused(ValidationError, "outside the period"):
            self.log(date="2025-12-31")
        with self.assertRefused(ValidationError, "at most 24 hours"):
            self.log(duration=0)
        with self.assertRefused(ValidationError, "at most 24 hours"):
            self.log(duration=25)
        with self.assertRefused(ValidationError, "IKI of its own SKP"):
            self.log(iki_id=self.kasi.iki_ids[0].id)
        # a month the leader closed by reviewing it
        self.month[2].sudo().write({"state": "reviewed"})
        with self.assertRefused(ValidationError, "reviewed by the leader and is closed"):
            self.log(date="2026-02-10")
        march = self.log()
        with self.assertRefused(ValidationError, "reviewed by the leader and is closed"):
            march.date = "2026-02-10"
        # an SKP not set (ditetapkan): the other employee's own draft
        draft = self.make_skp("S.dsub")
        with self.assertRefused(ValidationError, "is not set"):
            self.log(user=self.user_other, skp=draft, iki_id=draft.iki_ids[0].id)
        self.assertEqual(self.Activity.sudo().search_count([("skp_id", "in", (self.skp | draft).ids)]), 1)

    def test_no_context_key_skips_a_check(self):
        forged = self.Activity.with_user(self.user_pegawai).with_context(
            hr_asn_no_recompute=True, tracking_disable=True, install_mode=True, active_test=False)
        with self.assertRefused(ValidationError, "has not come yet"):
            forged.create({"skp_id": self.skp.id, "iki_id": self.iki.id, "date": "2026-04-01", "duration": 1,
                           "name": "Besok"})
        activity = self.log()
        for field, value in (("state", "accepted"), ("reviewed_by_id", self.user_penilai.id),
                             ("skp_id", self.kasi.id), ("review_comment", "Bagus")):
            with self.subTest(field=field), self.assertRefused(AccessError, "workflow only"):
                activity.with_context(install_mode=True).write({field: value})
        self.assertEqual((activity.state, activity.skp_id), ("draft", self.skp))
        # evidence is the user's own file, not another person's attachment linked by its id
        foreign = self.env["ir.attachment"].create({"name": "rahasia.pdf", "datas": base64.b64encode(b"%PDF-1.4"),
                                                    "res_model": "hr.asn.skp", "res_id": self.make_skp("S.dsub").id})
        with self.assertRaises(AccessError):
            activity.write({"attachment_ids": [(4, foreign.id)]})
        self.assertFalse(activity.attachment_ids)

    def test_24_hours_a_day(self):
        self.log(duration=20)
        with self.assertRefused(ValidationError, "a day has at most 24"):
            self.log(duration=4.5)
        self.log(duration=4)  # exactly 24
        with self.assertRefused(ValidationError, "a day has at most 24"):
            self.log(duration=0.25)
        self.log(date="2026-03-13", duration=13)
        # a batch of one create is summed as a whole; a write that moves an activity onto a full day too
        with self.assertRefused(ValidationError, "a day has at most 24"):
            self.Activity.with_user(self.user_pegawai).create([
                {"skp_id": self.skp.id, "iki_id": self.iki.id, "date": "2026-03-12", "duration": 12, "name": "A"},
                {"skp_id": self.skp.id, "iki_id": self.iki.id, "date": "2026-03-12", "duration": 12.5, "name": "B"},
            ])
        with self.assertRefused(ValidationError, "a day has at most 24"):
            self.Activity.search([("date", "=", "2026-03-13")]).with_user(self.user_pegawai).date = "2026-03-14"
        totals = self.Activity.sudo()._read_group([("skp_id", "=", self.skp.id)], ["date:day"], ["duration:sum"])
        self.assertEqual(sorted((day.isoformat(), hours) for day, hours in totals),
                         [("2026-03-13", 13.0), ("2026-03-14", 24.0)])

    def test_batch_review_by_the_leader(self):
        activities = self.log() | self.log(date="2026-03-13") | self.log(date="2026-03-12")
        activities.action_submit()
        mine = activities.with_user(self.user_pegawai)
        with self.assertRefused(AccessError, "own activities"):
            mine.action_accept()
        with self.assertRefused(AccessError, "Pejabat Penilai Kinerja"):
            activities.with_user(self.user_kabid).action_accept()  # the atasan reads, the Pejabat Penilai reviews
        with self.assertRaises(AccessError):
            activities.with_user(self.user_other).action_accept()
        leader = activities.with_user(self.user_penilai)
        with self.assertQueryCount(__system__=17):
            leader[:2].action_accept()
        self.assertEqual(activities.mapped("state"), ["accepted", "accepted", "submitted"])
        self.assertEqual(activities[:2].reviewed_by_id, self.user_penilai)
        with self.assertRefused(UserError, "Write the comment"):
            leader[2].action_comment("  ")
        with self.assertRefused(UserError, "Only submitted activities"):
            leader.action_comment("Lengkapi bukti")  # two are accepted already
        leader[2].action_comment("Lengkapi bukti")
        self.assertEqual((activities[2].state, activities[2].review_comment), ("commented", "Lengkapi bukti"))
        # the employee corrects it and sends it again
        mine[2].write({"name": "Menyusun draf laporan, dengan notulen"})
        mine[2].action_submit()
        self.assertEqual(activities[2].state, "submitted")
        with self.assertRefused(UserError, "can no longer change"):
            mine[0].unlink()
        # the list's comment action opens the dialog that asks for the comment, which writes it
        action = leader[2].action_comment()
        wizard = self.env[action["res_model"]].with_user(self.user_penilai).with_context(**action["context"]).create(
            {"comment": "Tambahkan foto kegiatan"})
        wizard.action_confirm()
        self.assertEqual(activities[2].review_comment, "Tambahkan foto kegiatan")

    def test_visibility_per_role(self):
        activity = self.log()
        for user in (self.user_pegawai, self.user_penilai, self.user_kabid, self.user_admin_opd, self.user_admin):
            with self.subTest(user=user.login):
                self.assertEqual(self.Activity.with_user(user).search([("id", "=", activity.id)]), activity)
        with self.assertRaises(AccessError):
            activity.with_user(self.user_other).read(["name"])
        # who reads is not who writes: the leader and BKPSDM change nothing of it
        for user in (self.user_penilai, self.user_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                activity.with_user(user).write({"name": "Diubah"})
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                activity.with_user(user).unlink()
        self.assertEqual(activity.name, "Menyusun draf laporan")

    def test_revision_takes_the_activities_over(self):
        activity = self.log()
        revision = self.skp.action_new_revision("Penyesuaian ekspektasi")
        self.set_skp(revision)
        self.assertEqual((activity.skp_id, activity.iki_id.origin_id, activity.month_id.skp_id),
                         (revision, self.iki, revision))


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpActivityPortal(HttpCase, ActivityCase):
    def _post(self, url, data=None):
        return self.url_open(url, data=dict(data or {}, csrf_token=http.Request.csrf_token(self)))

    def test_day_list_and_quick_add(self):
        self.authenticate("asn_pegawai", "asn_pegawai")
        url = "/my/skp/%s/activities" % self.skp.id
        self.assertIn('href="%s"' % url, self.url_open("/my/skp/%s" % self.skp.id).text)
        page = self.url_open(url + "?date=2026-03-14")
        self.assertEqual(page.status_code, 200)
        self.assertIn('id="skp_activity_add"', page.text)
        response = self._post(url + "/add", {"date": "2026-03-14", "iki_id": str(self.iki.id), "duration": "1,5",
                                             "name": "Rapat koordinasi puskesmas"})
        self.assertIn("done=added", response.url)
        activity = self.Activity.search([("skp_id", "=", self.skp.id)])
        self.assertEqual((activity.date.isoformat(), activity.duration, activity.state), ("2026-03-14", 1.5, "draft"))
        self.assertIn("Rapat koordinasi puskesmas", response.text)
        # refusals show on the page, nothing stored
        for data, message in (({"duration": "23"}, "a day has at most 24"),
                              ({"date": "2026-03-16"}, "has not come yet"),
                              ({"duration": "abc"}, "not a number"),
                              ({"iki_id": str(self.kasi.iki_ids[0].id)}, "IKI of its own SKP")):
            with self.subTest(data=data):
                response = self._post(url + "/add", dict({"date": "2026-03-14", "iki_id": str(self.iki.id),
                                                          "duration": "1", "name": "Lagi"}, **data))
                self.assertIn(message, response.text)
        self.assertEqual(self.Activity.search_count([("skp_id", "=", self.skp.id)]), 1)
        response = self._post(url + "/submit", {"date": "2026-03-14"})
        self.assertIn("done=submitted", response.url)
        activity.invalidate_recordset()
        self.assertEqual(activity.state, "submitted")
        # the month page shows the activities beside the realisasi
        page = self.url_open("/my/skp/%s/month/%s" % (self.skp.id, self.month[3].id))
        self.assertIn("o_skp_line_activities", page.text)
        self.assertIn("Rapat koordinasi puskesmas", page.text)

    def test_other_users_and_forged_ids_refused(self):
        activity = self.log()
        # another employee's set SKP (set as the superuser: its cascade is not what is tested)
        other_skp = self.make_skp("S.dsub")
        other_skp.write({"state": "set"})
        self.env["hr.asn.skp.month"]._asn_open_months(other_skp)
        other = self.log(user=self.user_other, skp=other_skp, iki_id=other_skp.iki_ids[0].id)
        base = "/my/skp/%s/activities" % self.skp.id
        cases = [
            ("asn_other", base + "/add"),
            ("asn_penilai", base + "/add"),  # the leader reads, does not log for her staff
            ("asn_other", base + "/%s/delete" % activity.id),
            ("asn_pegawai", base + "/%s/delete" % other.id),  # a forged id: another SKP's activity
            ("asn_pegawai", "/my/skp/%s/activities/%s/delete" % (other_skp.id, other.id)),
            ("asn_other", base + "/submit"),
            ("asn_pegawai", "/my/skp/999999/activities/add"),
        ]
        for login, url in cases:
            with self.subTest(login=login, url=url):
                self.authenticate(login, login)
                response = self._post(url, {"date": "2026-03-14", "iki_id": str(self.iki.id), "duration": "1",
                                            "name": "Palsu"})
                self.assertTrue(response.url.endswith("/my"), response.url)
        self.assertEqual(self.Activity.sudo().search_count([("skp_id", "in", (self.skp | other_skp).ids)]), 2)
        self.assertEqual((activity.exists(), other.exists(), activity.state), (activity, other, "draft"))
        self.authenticate("asn_other", "asn_other")
        self.assertTrue(self.url_open(base).url.endswith("/my"))
        # the leader reads the day's list, without the forms
        self.authenticate("asn_penilai", "asn_penilai")
        page = self.url_open(base + "?date=2026-03-14")
        self.assertIn("Menyusun draf laporan", page.text)
        self.assertNotIn('id="skp_activity_add"', page.text)
