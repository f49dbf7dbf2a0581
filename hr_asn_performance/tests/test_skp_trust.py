"""Issue 9, findings 1 (SKP part), 4 and 6, written as the attacks were: RPC calls as the attacking user
with the context the caller chooses. Whether a check runs is decided by ``env.su`` only (STYLE.md
"Trust"); what a user may write is a whitelist per model; parent links do not move. Perwal Bekasi
38/2023 Pasal 13(3) (the employee signs, the Pejabat Penilai Kinerja sets: the set SKP is the agreed
document), Pasal 16 (months), Pasal 17-20 (feedback, follow-up, takeover)."""
import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HrAsnSkpCase

# refused whichever way: AccessError and ValidationError are UserErrors
REFUSED = UserError


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestSkpTrust(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_staff_skp()  # cls.skp: the set SKP of user_pegawai; cls.kasi: her Kepala Seksi's
        cls.draft = cls.make_skp("S.dseksi", year=cls.YEAR + 1, rhk_count=2)  # her own draft
        cls.overdue = cls.make_skp("S.dsub")  # user_other's draft, past the end of January
        cls.draft.support_ids = [fields.Command.create({"kind": "sumber_daya", "name": "Laptop"})]
        cls.february = cls.skp.month_ids.filtered(lambda m: m.month == 2)
        cls.february.line_ids.realisasi = "Laporan Februari"
        cls.february.action_report()
        cls.february.with_user(cls.user_penilai).action_review("Baik")

    def as_pegawai(self, records, **context):
        return records.with_user(self.user_pegawai).with_context(**context)

    # ------------------------------------------------------------------------------------------
    # Finding 1: context keys no longer switch checks off
    # ------------------------------------------------------------------------------------------
    def test_action_key_does_not_set_own_draft(self):
        with self.assertRaises(AccessError):
            self.as_pegawai(self.draft, hr_asn_skp_action=True).write(
                {"state": "set", "set_by_id": self.user_pegawai.id})
        self.assertEqual((self.draft.state, self.draft.set_by_id), ("draft", self.env["res.users"]))
        with self.assertRaises(AccessError):
            self.Skp.with_user(self.user_pegawai).with_context(hr_asn_skp_action=True).create({
                "employee_id": self.emp["S.dseksi"].id, "year": self.YEAR + 2, "state": "set"})
        self.assertFalse(self.Skp.search([("employee_id", "=", self.emp["S.dseksi"].id),
                                          ("year", "=", self.YEAR + 2)]))

    def test_action_key_does_not_reopen_or_forge_set_skp(self):
        signed = self.skp.read(["state", "penilai_name", "employee_pangkat"])
        for vals in ({"state": "draft"}, {"penilai_name": "Forged Penilai"},
                     {"employee_pangkat": "Pembina Utama, IV/e"}, {"set_by_id": self.user_pegawai.id},
                     {"pejabat_penilai_id": self.emp["S.dsub"].id}):
            with self.assertRaises(AccessError):
                self.as_pegawai(self.skp, hr_asn_skp_action=True).write(vals)
        self.skp.invalidate_recordset()
        self.assertEqual(self.skp.read(["state", "penilai_name", "employee_pangkat"]), signed)

    def test_unlock_key_does_not_open_a_set_skp(self):
        rhk = self.skp.rhk_ids[0]
        with self.assertRefused(UserError, "can no longer be changed"):
            self.as_pegawai(rhk, hr_asn_skp_unlock=True).write({"name": "Rewritten after penetapan"})
        with self.assertRefused(UserError, "can no longer be changed"):
            self.as_pegawai(rhk.iki_ids, hr_asn_skp_unlock=True).write({"target_text": "Nothing"})
        with self.assertRaises(REFUSED):
            self.as_pegawai(rhk.iki_ids, hr_asn_skp_unlock=True).unlink()
        with self.assertRaises(AccessError):
            self.as_pegawai(rhk, hr_asn_skp_unlock=True).write({
                "taken_over": True, "takeover_note": "Fake takeover", "taken_over_by_id": self.emp["H.dseksi"].id})
        self.assertEqual((rhk.name, rhk.taken_over, rhk.takeover_note), ("RHK 1 of S.dseksi", False, False))
        self.assertEqual(rhk.iki_ids.target_text, "Tersusun tepat waktu")

    def test_unlock_key_does_not_reopen_a_reviewed_month(self):
        line = self.february.line_ids
        with self.assertRefused(UserError, "reviewed by the leader and is closed"):
            self.as_pegawai(line, hr_asn_skp_unlock=True).write({"realisasi": "Changed after review"})
        with self.assertRaises(REFUSED):
            self.as_pegawai(line, hr_asn_skp_unlock=True).write({"iki_id": self.kasi.iki_ids[0].id})
        self.assertEqual((line.realisasi, line.iki_id), ("Laporan Februari", self.skp.iki_ids[0]))

    # ------------------------------------------------------------------------------------------
    # Finding 4: parent links do not move; create checks the parent
    # ------------------------------------------------------------------------------------------
    def test_rhk_does_not_move_into_superiors_set_skp(self):
        rhk = self.as_pegawai(self.env["hr.asn.skp.rhk"]).create(
            {"skp_id": self.draft.id, "kind": "utama", "name": "Smuggled RHK"})
        with self.assertRaises(AccessError):
            rhk.write({"skp_id": self.kasi.id})
        with self.assertRaises(AccessError):
            self.as_pegawai(self.draft).write({"rhk_ids": [fields.Command.link(self.kasi.rhk_ids[0].id)]})
        self.assertEqual(rhk.skp_id, self.draft)
        self.assertNotIn("Smuggled RHK", self.kasi.rhk_ids.mapped("name"))
        self.assertEqual(self.kasi.rhk_ids[0].skp_id, self.kasi)

    def test_iki_support_and_related_links_do_not_move(self):
        first, second = self.draft.rhk_ids
        iki = first.iki_ids
        with self.assertRaises(AccessError):
            self.as_pegawai(iki).write({"rhk_id": second.id})
        with self.assertRaises(AccessError):
            self.as_pegawai(iki).write({"skp_id": self.kasi.id})  # related: would move its RHK
        with self.assertRaises(AccessError):
            self.as_pegawai(first).write({"employee_id": self.emp["S.dsub"].id})  # related: would move the SKP
        with self.assertRaises(AccessError):
            self.as_pegawai(self.draft.support_ids).write({"skp_id": self.kasi.id})
        with self.assertRaises(AccessError):
            self.as_pegawai(self.draft.behavior_ids[0]).write({"skp_id": self.kasi.id})
        self.assertEqual((iki.rhk_id, iki.skp_id, first.employee_id), (first, self.draft, self.emp["S.dseksi"]))
        self.assertEqual(self.draft.support_ids.mapped("name"), ["Laptop"])
        self.assertFalse(self.kasi.support_ids)
        self.assertEqual(len(self.kasi.behavior_ids), 7)

    def test_skp_is_not_handed_to_another_employee(self):
        with self.assertRaises(AccessError):
            self.overdue.with_user(self.user_other).write({"employee_id": self.emp["S.dseksi"].id})
        with self.assertRaises(AccessError):
            self.overdue.with_user(self.user_admin_opd).write({"employee_id": self.emp["S.dseksi"].id})
        self.assertEqual(self.overdue.employee_id, self.emp["S.dsub"])

    def test_create_checks_the_parent(self):
        with self.assertRaises(REFUSED):
            self.as_pegawai(self.env["hr.asn.skp.rhk"]).create(
                {"skp_id": self.kasi.id, "kind": "utama", "name": "Into the superior's SKP"})
        with self.assertRaises(REFUSED):
            self.as_pegawai(self.env["hr.asn.skp.iki"]).create(
                {"rhk_id": self.kasi.rhk_ids[0].id, "aspect": "kuantitas", "name": "Into the superior's RHK"})
        with self.assertRaises(REFUSED):
            self.as_pegawai(self.env["hr.asn.skp.rhk"]).create(
                {"skp_id": self.skp.id, "kind": "tambahan", "name": "Into her own set SKP"})
        with self.assertRaises(REFUSED):
            self.as_pegawai(self.draft.rhk_ids[0]).copy({"skp_id": self.kasi.id})
        with self.assertRaises(AccessError):
            self.as_pegawai(self.env["hr.asn.skp.month.line"]).create(
                {"month_id": self.skp.month_ids[0].id, "iki_id": self.kasi.iki_ids[0].id})
        self.assertEqual(len(self.kasi.rhk_ids), 1)
        self.assertEqual(len(self.kasi.rhk_ids.iki_ids), 1)
        self.assertEqual(len(self.skp.rhk_ids), 1)
        self.assertNotIn(self.kasi.iki_ids[0], self.skp.month_ids.line_ids.iki_id)

    def test_feedback_related_employee_cannot_move_the_skp(self):
        """Feedback is created as the superuser once checked: a related field in its values would
        write through to the SKP."""
        with self.assertRaises(AccessError):
            self.env["hr.asn.skp.feedback"].with_user(self.user_pegawai).create({
                "skp_id": self.kasi.id, "topic": "perilaku", "behavior_value": "loyal", "name": "Baik",
                "employee_id": self.emp["S.dseksi"].id})
        self.assertEqual(self.kasi.employee_id, self.emp["H.dseksi"])

    # ------------------------------------------------------------------------------------------
    # Finding 6: computed and workflow-owned fields are not writable
    # ------------------------------------------------------------------------------------------
    def test_skp_deadline_reasons_and_company_are_not_writable(self):
        Skp = self.Skp.with_user(self.user_admin)
        self.assertIn(self.overdue, Skp.search([("is_overdue", "=", True)]))
        with self.assertRaises(AccessError):
            self.overdue.with_user(self.user_other).write({"deadline": "2099-12-31"})
        other_pemda = self.env["res.company"].create({"name": "Pemerintah Kabupaten Lain"})
        for vals in ({"return_reason": "Never returned"}, {"revision_reason": "Forged"},
                     {"company_id": other_pemda.id}):
            with self.assertRaises(AccessError):
                self.as_pegawai(self.skp).write(vals)
            with self.assertRaises(AccessError):
                self.as_pegawai(self.draft).write(vals)
        with self.assertRefused(AccessError, "Only a Kepegawaian administrator"):
            self.overdue.with_user(self.user_other).write({"date_from": "2026-12-01"})  # the deadline follows it
        self.assertEqual(self.overdue.deadline, datetime.date(2026, 1, 31))
        self.assertIn(self.overdue, Skp.search([("is_overdue", "=", True)]), "still counted as overdue")
        self.assertEqual((self.skp.return_reason, self.skp.revision_reason, self.skp.company_id),
                         (False, False, self.company))
        for vals in ({"company_id": other_pemda.id}, {"date_from": "2028-12-01"}):
            with self.assertRaises(AccessError):
                self.Skp.with_user(self.user_pegawai).create(dict(vals, employee_id=self.emp["S.dseksi"].id,
                                                                  year=self.YEAR + 2))
        self.assertFalse(self.Skp.search([("employee_id", "=", self.emp["S.dseksi"].id), ("year", "=", self.YEAR + 2)]))

    def test_month_deadlines_and_late_flags_are_not_writable(self):
        january = self.skp.month_ids.filtered(lambda m: m.month == 1)
        for month, vals in ((self.february, {"report_entered_late": False}),
                            (self.february, {"realisasi_deadline": "2099-12-31"}),
                            (january, {"plan_deadline": "2099-12-31"}), (january, {"plan_entered_late": False}),
                            (january, {"year": 2030}), (january, {"employee_id": self.emp["S.dsub"].id})):
            with self.assertRaises(AccessError):
                self.as_pegawai(month, hr_asn_skp_unlock=True).write(vals)
        self.assertEqual(self.february.realisasi_deadline, datetime.date(2026, 3, 3))
        self.assertEqual(january.plan_deadline, datetime.date(2026, 1, 2))
        self.assertTrue(january.is_late, "its targets are still missing")
        self.assertEqual((self.skp.year, self.skp.employee_id), (self.YEAR, self.emp["S.dseksi"]))

    def test_feedback_date_is_not_forged(self):
        Feedback = self.env["hr.asn.skp.feedback"].with_user(self.user_pegawai)
        vals = {"topic": "perilaku", "behavior_value": "harmonis", "name": "Pimpinan suportif"}
        for date in ("9999-12-31", "1900-01-01"):
            with self.assertRaises(REFUSED):
                Feedback._asn_give(self.emp["H.dseksi"], dict(vals, date=date))
        feedback = Feedback._asn_give(self.emp["H.dseksi"], vals)
        self.assertEqual(feedback.date, datetime.date(2026, 3, 10))
        for date in ("9999-12-31", "1900-01-01"):
            with self.assertRaises(AccessError):
                feedback.write({"date": date})
        with self.assertRaises(AccessError):
            feedback.write({"employee_id": self.emp["S.dsub"].id})
        self.assertEqual((feedback.date, feedback.skp_id), (datetime.date(2026, 3, 10), self.kasi))
        self.assertEqual(Feedback.search([("giver_user_id", "=", self.user_pegawai.id)]), feedback)
        with self.assertRaises(REFUSED):
            self.env["hr.asn.skp.followup"].with_user(self.user_penilai).create({
                "skp_id": self.skp.id, "action": "bimbingan", "note": "Backdated", "date": "1900-01-01"})
        with self.assertRaises(AccessError):
            self.env["hr.asn.skp.followup"].with_user(self.user_penilai).create({
                "skp_id": self.skp.id, "action": "bimbingan", "note": "Fake revision", "revision_id": self.draft.id})
        self.assertFalse(self.skp.followup_ids)

    # ------------------------------------------------------------------------------------------
    # What each role may still do
    # ------------------------------------------------------------------------------------------
    def test_legitimate_edits_still_work(self):
        rhk = self.as_pegawai(self.draft.rhk_ids[0])
        rhk.write({"name": "RHK yang diperbaiki", "assigned_by": "Kepala Seksi"})
        rhk.iki_ids.write({"target_text": "Tersusun 12 laporan"})
        copy = rhk.copy()
        self.assertEqual((copy.skp_id, copy.iki_ids.target_text), (self.draft, "Tersusun 12 laporan"))
        self.as_pegawai(self.draft).write({"approach": "kuantitatif", "perjanjian_kerja_ref": "PK 1/2027"})
        self.assertEqual(self.draft.skp_format, self.Skp._asn_format(self.emp["S.dseksi"], "kuantitatif"))
        self.as_pegawai(self.draft.support_ids).write({"name": "Laptop dan printer"})
        self.overdue.with_user(self.user_admin_opd).write({"approach": "kuantitatif", "date_from": "2026-06-01"})
        self.assertEqual(self.overdue.deadline, datetime.date(2026, 6, 30), "a later start, by the administrator")
        self.as_pegawai(self.draft).write({"date_to": "2027-11-30"})  # an earlier end moves no deadline
        march = self.skp.month_ids.filtered(lambda m: m.month == 3)
        self.as_pegawai(march.line_ids).write({"target_text": "Laporan Maret", "realisasi": "Sebagian"})
        march.with_user(self.user_penilai).write({"review_note": "Lengkapi bukti dukung"})
        self.february.with_user(self.user_penilai).action_reopen("Lengkapi laporan")
        self.as_pegawai(self.february.line_ids).write({"realisasi": "Laporan Februari (diperbaiki)"})
        self.assertEqual((self.february.state, self.february.line_ids.realisasi),
                         ("open", "Laporan Februari (diperbaiki)"))
