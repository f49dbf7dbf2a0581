"""The leader's review screens (issue 12): one list of what waits for each Pejabat Penilai Kinerja, the
running capaian per IKI, the buttons offered to whom may press them.

The Dinas of tests/common.py: Kepala Bidang (``user_kabid``) assesses the Kepala Seksi (``user_penilai``),
who assesses the staff member ``user_pegawai``.
"""
from freezegun import freeze_time

from odoo.tools.safe_eval import safe_eval

from .common import HrAsnSkpCase


@freeze_time("2026-03-10")
class TestSkpReviewList(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.make_staff_skp()
        cls.Review = cls.env["hr.asn.skp.review"]

    def rows(self, user):
        """{(kind, record)} of the leader's landing list, through its action's domain, as ``user``."""
        action = self.env.ref("hr_asn_performance.hr_asn_skp_review_action")
        rows = self.Review.with_user(user).search(safe_eval(action.domain, {"uid": user.id}))
        return {(row.kind, row.skp_id if row.kind == "skp" else row.month_id or row.feedback_id) for row in rows}

    def report(self, skp, number, value="done"):
        month = skp.month_ids.filtered(lambda m: m.month == number)
        month.line_ids.sudo().write({"realisasi": value})
        month.sudo().write({"state": "reported", "report_date": "2026-03-03"})
        return month

    def test_one_list_per_leader_with_its_counts(self):
        staff_feb = self.report(self.skp, 2)
        own_feb = self.report(self.kasi, 2)  # the Kepala Seksi's own month: her Kepala Bidang reviews it
        self.report(self.kabid, 2)  # reviewed by the Kepala Dinas: in nobody's list here
        to_set = self.skp.action_new_revision("Adjusted expectations")
        to_set.action_submit()
        peer = self.env["hr.asn.skp.feedback"].create({
            "skp_id": self.skp.id, "giver_id": self.emp["S.dsub"].id, "topic": "perilaku",
            "behavior_value": "berorientasi_pelayanan", "name": "Helpful at the front desk"})
        self.env["hr.asn.skp.feedback"].create({  # from the leader herself: nothing to follow up
            "skp_id": self.skp.id, "giver_id": self.emp["H.dseksi"].id, "topic": "perilaku",
            "behavior_value": "akuntabel", "name": "Reports on time"})

        self.assertEqual(self.rows(self.user_penilai), {("skp", to_set), ("month", staff_feb), ("feedback", peer)})
        self.assertEqual(self.rows(self.user_kabid), {("month", own_feb)},
                         "the Kepala Bidang reviews the Kepala Seksi's month, not her staff's")
        self.assertFalse(self.Review.with_user(self.user_pegawai).has_access("read"), "a list for leaders")
        counts = dict(self.Review.with_user(self.user_penilai)._read_group([], ["kind"], ["__count"]))
        self.assertEqual(counts, {"skp": 1, "month": 1, "feedback": 1})

        # what she does leaves the list: followed up, reviewed, set
        self.env["hr.asn.skp.followup"].with_user(self.user_penilai).create({
            "skp_id": self.skp.id, "progress": True, "action": "apresiasi", "note": "Thank you"})
        staff_feb.with_user(self.user_penilai).action_review()
        to_set.with_user(self.user_penilai).action_set()
        self.assertEqual(self.rows(self.user_penilai), set())

    def test_record_rule_hides_other_leaders_rows(self):
        own_feb = self.report(self.kasi, 2)
        self.assertFalse(self.Review.with_user(self.user_penilai).search([("month_id", "=", own_feb.id)]),
                         "her own month waits for her Kepala Bidang, not for her")
        self.assertTrue(self.Review.with_user(self.user_kabid).search([("month_id", "=", own_feb.id)]))

    def test_leader_months_apart_from_her_staff(self):
        self.report(self.skp, 2)
        self.report(self.kasi, 2)
        Month = self.env["hr.asn.skp.month"].with_user(self.user_penilai)
        for xmlid, expected in (("hr_asn_skp_month_action_mine", self.kasi),
                                ("hr_asn_skp_month_action_team", self.skp)):
            action = self.env.ref("hr_asn_performance." + xmlid)
            months = Month.search(safe_eval(action.domain, {"uid": self.user_penilai.id}))
            self.assertEqual(months.skp_id, expected, xmlid)
        team = self.env.ref("hr_asn_performance.hr_asn_skp_month_action_team")
        self.assertIn("search_default_waiting_for_me", team.context, "opens on what waits for her")
        waiting = Month.search([("skp_id", "=", self.skp.id), ("state", "=", "reported"), "|",
                                ("skp_id.pejabat_penilai_id.user_id", "=", self.user_penilai.id),
                                ("employee_id.pejabat_penilai_id.user_id", "=", self.user_penilai.id)])
        self.assertEqual(waiting.mapped("month"), [2])

    def test_set_the_skp_todo_due_today_not_months_ago(self):
        """A to-do created in December for a deadline of 31 January read "304 days late"."""
        revision = self.skp.action_new_revision("Adjusted expectations")

        def todo():
            return revision.activity_ids.filtered(lambda a: a.user_id == self.user_penilai)

        with freeze_time("2026-01-12"):
            revision.action_submit()
        self.assertEqual(str(todo().date_deadline), "2026-01-31", "before it: Pasal 13(1)'s day")
        revision.action_return("Clarify the target")
        with freeze_time("2026-12-02"):
            revision.action_submit()
        self.assertEqual(str(todo().date_deadline), "2026-12-02", "after it: due the day it came")

    def test_buttons_for_who_may_press_them(self):
        draft = self.make_skp("S.dseksi", year=2027)
        as_leader, as_owner = draft.with_user(self.user_penilai), draft.with_user(self.user_pegawai)
        self.assertFalse(as_leader.can_delete, "no Delete offered to the Pejabat Penilai")
        self.assertFalse(as_leader.can_submit)
        self.assertTrue(as_owner.can_delete)
        self.assertTrue(as_owner.can_submit)
        revision = self.skp.action_new_revision("Adjusted expectations")
        self.assertFalse(revision.with_user(self.user_pegawai).can_delete, "a revision stays on record")
        revision.action_submit()
        self.assertTrue(revision.with_user(self.user_penilai).can_set)
        self.assertFalse(revision.with_user(self.user_pegawai).can_set)
        self.assertFalse(revision.with_user(self.user_kabid).can_set, "the atasan does not set")
        february = self.report(self.skp, 2)
        self.assertEqual((february.with_user(self.user_penilai).is_mine,
                          february.with_user(self.user_penilai).can_review), (False, True))
        self.assertEqual((february.with_user(self.user_pegawai).is_mine,
                          february.with_user(self.user_pegawai).can_review), (True, False))
        self.assertFalse(february.with_user(self.user_kabid).can_review, "the atasan reads, the penilai reviews")
        # the Action menu's Delete/Duplicate: gone from the SKP form and list, back in the list for the Kepegawaian
        views = self.Skp.with_user(self.user_penilai).get_views([(False, "form"), (False, "list")])["views"]
        self.assertIn('delete="0"', views["form"]["arch"])
        self.assertIn('duplicate="0"', views["form"]["arch"])
        self.assertIn('delete="0"', views["list"]["arch"])
        admin_view = self.env.ref("hr_asn_performance.hr_asn_skp_action").view_id
        admin_views = self.Skp.with_user(self.user_admin_opd).get_views([(admin_view.id, "list")])["views"]
        admin_list = admin_views["list"]["arch"]
        self.assertNotIn('delete="0"', admin_list)


@freeze_time("2026-03-10")
class TestSkpRunningCapaian(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
            cls.skp = cls.set_skp(cls.make_skp("S.dseksi", approach="kuantitatif",
                                               parent_rhk=cls.kasi.rhk_ids[0]))

    def line(self, number):
        return self.skp.month_ids.filtered(lambda m: m.month == number).line_ids

    def test_running_capaian_against_the_yearly_target(self):
        self.line(1).sudo().write({"target_value": 1, "realisasi_value": 2})
        self.line(2).sudo().write({"target_value": 1, "realisasi_value": 3})
        self.line(3).sudo().write({"target_value": 1, "realisasi_value": 1.5})
        january, february, march = self.line(1), self.line(2), self.line(3)
        self.assertEqual((january.realisasi_to_date, january.capaian_percent), (2, 16.67))
        self.assertEqual((february.realisasi_to_date, february.capaian_percent), (5, 41.67))
        self.assertEqual(february.capaian_display, "5 of 12 dokumen (41,67%)")
        self.assertEqual(march.capaian_display, "6,5 of 12 dokumen (54,17%)")
        self.assertEqual(february.target_unit, "dokumen", "the month's numbers carry their unit")
        iki = self.skp.iki_ids
        self.assertEqual((iki.realisasi_total, iki.capaian_percent), (6.5, 54.17))
        self.assertEqual(iki.target_display, "12 dokumen")
        self.assertEqual(iki.rhk_id.iki_summary, "• IKI 1.1 of S.dseksi — Target: 12 dokumen")
        # the leader reads the same numbers (her staff's lines, through her record rules)
        self.assertEqual(february.with_user(self.user_penilai).capaian_display, "5 of 12 dokumen (41,67%)")

    def test_capaian_of_a_batch_in_a_fixed_number_of_queries(self):
        """The twelve months of an IKI: one search for the whole batch, no query per line (measured: 15-16
        with the caches of the run, a query per line would be 30 and more)."""
        lines = self.skp.month_ids.line_ids
        lines.sudo().write({"realisasi_value": 1})
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(16):
            values = lines.mapped("realisasi_to_date")
        self.assertEqual(sorted(values), [float(n) for n in range(1, 13)])

    def test_kualitatif_shows_no_number(self):
        """Issue 12: a kualitatif IKI showed "Target 0,00" and a unit."""
        skp = self.kasi  # kualitatif (tests/common.py make_skp)
        iki = skp.iki_ids[:1]
        self.assertEqual(iki.target_display, "Tersusun tepat waktu")
        self.assertFalse(iki.capaian_display)
        line = skp.month_ids[:1].line_ids[:1]
        self.assertFalse(line.capaian_display)
        self.assertEqual(line.yearly_target, "Tersusun tepat waktu")
        arch = self.env["hr.asn.skp.rhk"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("parent.approach != 'kuantitatif'", arch, "number and unit columns only for kuantitatif")
