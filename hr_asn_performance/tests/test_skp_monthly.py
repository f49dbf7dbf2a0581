"""Monthly plan and realisasi (Pasal 16; Kota Semarang seed 002: targets by the 2nd, realisasi by the
3rd of the next month), Umpan Balik Berkelanjutan (Pasal 17-19) and follow-up (Pasal 20-21)."""
import base64
import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..rules import nip as nip_rules
from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpMonthly(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.make_staff_skp()
        cls.month = {m.month: m for m in cls.skp.month_ids}

    def test_deadlines_from_settings(self):
        february = self.month[2]
        self.assertEqual((february.plan_deadline.isoformat(), february.realisasi_deadline.isoformat()),
                         ("2026-02-02", "2026-03-03"))
        self.assertEqual(self.month[12].realisasi_deadline.isoformat(), "2027-01-03")
        self.company.write({"asn_plan_day": 5, "asn_realisasi_day": 10})
        self.assertEqual((february.plan_deadline.isoformat(), february.realisasi_deadline.isoformat()),
                         ("2026-02-05", "2026-03-10"))
        with self.assertRefused(ValidationError, "between 1 and 28"):
            self.company.write({"asn_plan_day": 31})
        self.assertEqual(self.company.asn_plan_day, 5)

    def test_plan_and_report_on_time_and_late(self):
        pegawai_month = self.month[2].with_user(self.user_pegawai)
        line = pegawai_month.line_ids
        with freeze_time("2026-02-01"):
            line.target_text = "Draf dokumen akreditasi"
            pegawai_month.action_confirm_plan()
        self.assertFalse(pegawai_month.plan_entered_late)
        with freeze_time("2026-02-20"):
            attachment = self.env["ir.attachment"].with_user(self.user_pegawai).create({
                "name": "notulen.pdf", "datas": base64.b64encode(b"%PDF-1.4 bukti"),
                "res_model": "hr.asn.skp.month.line", "res_id": line.id,
            })
            line.write({"realisasi": "Draf tersusun", "attachment_ids": [(4, attachment.id)]})
        with freeze_time("2026-03-05"):
            pegawai_month.action_report()
            self.assertTrue(pegawai_month.report_entered_late, "reported after the 3rd of March")
            self.assertTrue(pegawai_month.is_late)
            self.assertIn(pegawai_month.id, self.env["hr.asn.skp.month"].search([("is_late", "=", True)]).ids)
        self.assertEqual(pegawai_month.state, "reported")
        self.assertEqual(line.attachment_ids.name, "notulen.pdf")
        self.assertTrue(self.month[2].activity_ids.filtered(lambda a: a.user_id == self.user_penilai),
                        "the leader is asked to review")
        with self.assertRefused(UserError, "targets of a reported month"):
            line.target_text = "Lain"
        with self.assertRefused(AccessError, "Pejabat"):
            pegawai_month.action_review("ok")
        self.month[2].with_user(self.user_penilai).action_review("Lanjutkan")
        self.assertEqual((self.month[2].state, self.month[2].reviewed_by_id), ("reviewed", self.user_penilai))
        with freeze_time("2026-03-06"):
            with self.assertRefused(UserError, "reviewed by the leader and is closed"):
                line.realisasi = "Diubah"
        self.assertEqual(line.realisasi, "Draf tersusun")

    def test_bad_realisasi_refused(self):
        line = self.month[6].with_user(self.user_pegawai).line_ids
        with freeze_time("2026-05-20"):
            with self.assertRefused(UserError, "has not begun"):
                line.realisasi = "Belum waktunya"
        with freeze_time("2026-06-20"):
            with self.assertRefused(ValidationError, "cannot be negative"):
                line.realisasi_value = -3
            with self.assertRefused(UserError, "can be reported from"):  # issue 12: June is not over
                self.month[6].with_user(self.user_pegawai).action_report()
        with freeze_time("2026-06-30"):
            with self.assertRefused(UserError, "Enter the realisasi"):
                self.month[6].with_user(self.user_pegawai).action_report()
        with self.assertRaises(AccessError):
            self.month[6].with_user(self.user_other).line_ids.realisasi = "Not mine"
        with self.assertRaises(AccessError):
            self.month[6].with_user(self.user_other).read(["state"])
        self.assertFalse(self.month[6].line_ids.realisasi)

    def test_month_moves_only_through_its_buttons(self):
        month = self.month[1].with_user(self.user_pegawai)
        for vals in ({"state": "reviewed"}, {"report_date": "2026-02-01"}, {"review_note": "Bagus sekali"}):
            with self.assertRaises(AccessError):
                month.write(vals)
        with self.assertRaises(AccessError):
            self.skp.rhk_ids[0].with_user(self.user_pegawai).write({"taken_over": False})
        self.month[1].with_user(self.user_penilai).review_note = "Perlu bukti dukung"
        self.assertEqual((self.month[1].state, self.month[1].review_note), ("open", "Perlu bukti dukung"))

    def test_months_opened_in_sql_are_what_create_makes(self):
        """Setting writes the months and their lines in two INSERTs (issue 13, ``_asn_open_months``): every
        stored field holds what ``create`` would store (defaults, related and computed fields, here with the
        Pemda's own days), the lines start at version 1, and the SKP lists them at once."""
        self.company.write({"asn_plan_day": 5, "asn_realisasi_day": 10, "asn_review_days": 4})
        employee = self.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True).create({
            "name": "Staf Baru", "department_id": self.units["dseksi"].id, "company_id": self.company.id,
            "asn_status": "pns", "asn_position_kind": "pelaksana", "asn_golongan": "II/c",
            "nip": nip_rules.build(datetime.date(1992, 5, 5), 2017, 3, "female", 1)})
        self.env["hr.employee"]._asn_recompute_assessors()
        with patch.dict(self.emp, {"Staf Baru": employee}):
            skp = self.make_skp("Staf Baru", approach="kuantitatif", parent_rhk=self.kasi.rhk_ids[0], iki_count=2)
        self.assertFalse(skp.month_ids)
        self.set_skp(skp)
        self.assertEqual(len(skp.month_ids), 12, "read afresh after the INSERT")
        self.assertEqual(len(skp.month_ids.line_ids), 24)
        self.env.invalidate_all()
        log_columns = {"id", "create_uid", "create_date", "write_uid", "write_date"}
        Month, Line = self.env["hr.asn.skp.month"].sudo(), self.env["hr.asn.skp.month.line"].sudo()
        for month in skp.month_ids:
            made = Month.new({"skp_id": skp.id, "month": month.month})
            for name, field in Month._fields.items():
                if field.store and field.column_type and name not in log_columns:
                    self.assertEqual(month[name], made[name], "month %s: %s" % (month.month, name))
            for line in month.line_ids:
                made = Line.new({"month_id": month.id, "iki_id": line.iki_id.id})
                for name, field in Line._fields.items():
                    if field.store and field.column_type and name not in log_columns:
                        self.assertEqual(line[name], made[name], "line: %s" % name)
        february = skp.month_ids.filtered(lambda m: m.month == 2)
        self.assertEqual((february.plan_deadline.isoformat(), february.realisasi_deadline.isoformat(),
                          february.review_deadline.isoformat()), ("2026-02-05", "2026-03-10", "2026-03-14"))
        self.assertEqual(set(skp.month_ids.line_ids.mapped("asn_version")), {1})
        self.assertEqual(skp.month_ids.create_uid, self.env.user)
        self.assertEqual(skp.month_ids.line_ids.iki_id, skp.iki_ids)

    def test_no_realisasi_before_set(self):
        draft = self.make_skp("S.dsub")
        self.assertFalse(draft.month_ids, "months open when the SKP is set (Pasal 16(1))")

    def test_late_reminders(self):
        with freeze_time("2026-04-04"):
            self.env["hr.asn.skp"]._cron_remind()
        late = self.skp.month_ids.filtered(lambda m: m.activity_ids)
        self.assertEqual(late.mapped("month"), [1, 2, 3, 4])
        self.assertEqual(late.activity_ids.user_id, self.user_pegawai)
        self.assertIn("Late: enter your targets", late[-1].activity_ids.summary)


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestSkpFeedback(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_staff_skp()
        cls.Feedback = cls.env["hr.asn.skp.feedback"]

    def test_sources_and_record(self):
        leader = self.Feedback.with_user(self.user_penilai).create({
            "skp_id": self.skp.id, "kind": "berkala", "mode": "langsung", "topic": "rhk",
            "rhk_id": self.skp.rhk_ids[0].id, "name": "Progres baik"})
        self.assertEqual((leader.source, leader.giver_id), ("pimpinan", self.emp["H.dseksi"]))
        # user_other is staff of the Sub Bagian, assessed by its head: neither leader, peer nor subordinate
        other = self.Feedback.with_user(self.user_other)._asn_give(self.emp["S.dseksi"], {
            "kind": "insidentil", "mode": "tidak_langsung", "topic": "perilaku",
            "behavior_value": "kolaboratif", "name": "Membantu tim"})
        self.assertEqual((other.source, other.giver_id), ("pihak_lain", self.emp["S.dsub"]))
        subordinate = self.Feedback.with_user(self.user_pegawai)._asn_give(self.emp["H.dseksi"], {
            "topic": "perilaku", "behavior_value": "harmonis", "name": "Pimpinan suportif"})
        self.assertEqual(subordinate.source, "bawahan")
        # the employee reads what they received, not who else received what
        received = self.Feedback.with_user(self.user_pegawai).search([("employee_id", "=", self.emp["S.dseksi"].id)])
        self.assertEqual(received, leader | other)
        with self.assertRaises(AccessError):
            subordinate.with_user(self.user_other).read(["name"])
        with self.assertRefused(AccessError, "Only who gave the feedback"):
            leader.with_user(self.user_pegawai).name = "Edited"

    def test_feedback_rules(self):
        with self.assertRefused(ValidationError, "names an RHK of the same SKP"):
            self.Feedback.with_user(self.user_penilai).create({"skp_id": self.skp.id, "topic": "rhk",
                                                               "rhk_id": self.kasi.rhk_ids[0].id, "name": "x"})
        with self.assertRefused(UserError, "Feedback comes from others"):
            self.Feedback.with_user(self.user_pegawai)._asn_give(self.emp["S.dseksi"], {"topic": "perilaku",
                                                                                       "behavior_value": "loyal",
                                                                                       "name": "Self"})
        with self.assertRefused(AccessError, "in your own name"):
            self.Feedback.with_user(self.user_pegawai).create({
                "skp_id": self.skp.id, "giver_id": self.emp["H.dinas"].id, "topic": "perilaku",
                "behavior_value": "loyal", "name": "Forged"})
        with self.assertRefused(UserError, "Write the feedback"):
            self.Feedback.with_user(self.user_penilai).create({"skp_id": self.skp.id, "topic": "perilaku",
                                                               "behavior_value": "loyal", "name": "   "})
        stranger = self.env["res.users"].create({"login": "no_asn_group", "name": "No group",
                                                 "groups_id": [(6, 0, self.env.ref("base.group_user").ids)]})
        self.env["hr.employee"].create({"name": "Stranger", "user_id": stranger.id, "company_id": self.company.id})
        with self.assertRaises(AccessError):
            self.Feedback.with_user(stranger).create({"skp_id": self.skp.id, "topic": "perilaku",
                                                      "behavior_value": "loyal", "name": "No right"})
        other_pemda = self.env["res.company"].create({"name": "Pemerintah Kabupaten Lain"})
        self.emp["S.dsub"].company_id = other_pemda
        with self.assertRefused(AccessError, "within the Pemda"):
            self.Feedback.with_user(self.user_other).create({"skp_id": self.skp.id, "topic": "perilaku",
                                                             "behavior_value": "loyal", "name": "From afar"})
        draft = self.make_skp("H.dsub")
        with self.assertRefused(UserError, "is not set"):
            self.Feedback.with_user(self.user_penilai).create({"skp_id": draft.id, "topic": "perilaku",
                                                               "behavior_value": "loyal", "name": "Early"})

    def test_followup_and_takeover(self):
        Followup = self.env["hr.asn.skp.followup"].with_user(self.user_penilai)
        rhk = self.skp.rhk_ids[0]
        with self.assertRefused(UserError, "follow progress"):
            Followup.create({"skp_id": self.skp.id, "progress": False, "action": "apresiasi", "note": "x"})
        with self.assertRefused(UserError, "only after adjusting"):
            Followup.create({"skp_id": self.skp.id, "action": "pengambilalihan", "rhk_id": rhk.id, "note": "x"})
        with self.assertRefused(AccessError, "Pejabat"):
            self.env["hr.asn.skp.followup"].with_user(self.user_pegawai).create(
                {"skp_id": self.skp.id, "action": "bimbingan", "note": "self-coaching"})
        Followup.create({"skp_id": self.skp.id, "action": "bimbingan", "note": "Bimbingan penyusunan laporan"})
        Followup.create({"skp_id": self.skp.id, "action": "pengambilalihan", "rhk_id": rhk.id,
                         "note": "Pegawai tidak dapat menyelesaikan RHK ini"})
        self.assertTrue(rhk.taken_over)
        self.assertEqual((rhk.takeover_note, rhk.taken_over_by_id),
                         ("Pegawai tidak dapat menyelesaikan RHK ini", self.emp["H.dseksi"]))
        self.assertEqual(self.skp.taken_over_count, 1)
        self.assertIn(self.skp, self.env["hr.asn.skp"].search([("rhk_ids.taken_over", "=", True)]))
        with self.assertRefused(UserError, "already taken over"):
            rhk._asn_take_over("again")

    def test_year_record_for_the_evaluation(self):
        """Pasal 20(8): the takeover note reaches the evaluation, through revisions and mutations."""
        Followup = self.env["hr.asn.skp.followup"].with_user(self.user_penilai)
        Followup.create({"skp_id": self.skp.id, "action": "konseling", "note": "Konseling kinerja"})
        Followup.create({"skp_id": self.skp.id, "action": "pengambilalihan", "rhk_id": self.skp.rhk_ids[0].id,
                         "note": "Tidak dapat menyelesaikan"})
        self.env["hr.asn.skp.feedback"].with_user(self.user_penilai).create({
            "skp_id": self.skp.id, "topic": "perilaku", "behavior_value": "loyal", "name": "Baik"})
        revision = self.skp.action_new_revision("Penyesuaian")
        self.set_skp(revision)
        with freeze_time("2026-07-01"):
            self.emp["S.dseksi"].department_id = self.units["dsub"]
        self.env.invalidate_all()
        with self.assertQueryCount(8):  # four searches, then the fields they read, whatever the number
            record = self.env["hr.asn.skp"]._asn_year_record(self.emp["S.dseksi"] | self.emp["S.dsub"], 2026)
        mine = record[self.emp["S.dseksi"].id]
        self.assertEqual(mine["skps"], self.skp | revision)
        self.assertEqual(set(mine["skps"].mapped("state")), {"closed"})
        self.assertEqual(mine["taken_over"].mapped("takeover_note"), ["Tidak dapat menyelesaikan"])
        self.assertEqual(mine["feedback"].mapped("name"), ["Baik"])
        self.assertEqual(mine["months"].mapped("month"), [1, 2, 3, 4, 5, 6])
        self.assertFalse(record[self.emp["S.dsub"].id]["skps"])

    def test_adjusted_expectations_open_a_revision(self):
        followup = self.env["hr.asn.skp.followup"].with_user(self.user_penilai).create({
            "skp_id": self.skp.id, "action": "penyesuaian_ekspektasi", "note": "Target disesuaikan"})
        self.assertEqual((followup.revision_id.previous_id, followup.revision_id.state), (self.skp, "draft"))
        self.assertIn("Target disesuaikan", followup.revision_id.revision_reason)
        with self.assertRefused(UserError, "stays as recorded"):
            followup.with_user(self.user_penilai).note = "changed"
