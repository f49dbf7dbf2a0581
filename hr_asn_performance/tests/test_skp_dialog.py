"""Dialog kinerja (issue 14; Perwal Bekasi 38/2023 Pasal 6(2), 17, 20-21): recorded by the leader on the
SKP and an RHK, with the agreed actions as activities (owner, due date); read by the two parties and the
employee's Atasan Pejabat Penilai only, and by BKPSDM (read-only: it keeps the city's records); an
Admin Kepegawaian OPD, colleagues and other leaders get AccessError.

Frozen on 15 March 2026. ``asn_penilai`` (the Kepala Seksi) holds the dialog with ``asn_pegawai``;
``asn_kabid`` is the staff member's Atasan Pejabat Penilai."""
import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpDialog(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.make_staff_skp()
        cls.Dialog = cls.env["hr.asn.skp.dialog"]
        cls.other_leader = cls.make_user("asn_other_leader", "penilai")
        cls.emp["H.dsub"].user_id = cls.other_leader  # assesses the Sub Bagian, not the Seksi

    def hold(self, user=None, **vals):
        return self.Dialog.with_user(user or self.user_penilai).create(dict({
            "skp_id": self.skp.id, "date": "2026-03-10", "kind": "monitoring", "rhk_id": self.skp.rhk_ids[0].id,
            "notes": "Progres laporan bulanan dibahas; perlu dukungan data puskesmas.",
        }, **vals))

    def test_leader_records_a_dialog(self):
        dialog = self.hold()
        self.assertEqual((dialog.leader_id, dialog.employee_id, dialog.atasan_id),
                         (self.emp["H.dseksi"], self.emp["S.dseksi"], self.emp["H.dbid"]))
        self.assertIn(self.user_pegawai.partner_id, dialog.message_partner_ids)
        dialog.write({"notes": "Progres dibahas; data puskesmas dikirim Jumat."})
        with self.assertRefused(ValidationError, "has not come yet"):
            self.hold(date="2026-03-16")
        with self.assertRefused(ValidationError, "too far before"):
            self.hold(date="2024-12-31")
        with self.assertRefused(ValidationError, "RHK of the same SKP"):
            self.hold(rhk_id=self.kasi.rhk_ids[0].id)
        with self.assertRefused(UserError, "Write what the dialog was about"):
            self.hold(notes=" ")
        # a planning dialog while the SKP is drafted (Pasal 6(2)): on the draft of a revision
        revision = self.skp.action_new_revision("Penyesuaian ekspektasi")
        self.assertEqual(self.hold(skp_id=revision.id, kind="planning", rhk_id=False).skp_id, revision)

    def test_only_the_leader_records_and_changes(self):
        for user in (self.user_pegawai, self.user_other, self.other_leader, self.user_admin_opd):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.hold(user=user)
        dialog = self.hold()
        for user in (self.user_pegawai, self.user_kabid, self.user_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                dialog.with_user(user).write({"notes": "Diubah"})
        for field, value in (("leader_id", self.emp["H.dbid"].id), ("atasan_id", False),
                             ("skp_id", self.kasi.id)):
            with self.subTest(field=field), self.assertRefused(AccessError, "workflow only"):
                dialog.with_user(self.user_penilai).with_context(install_mode=True).write({field: value})
        self.assertEqual((dialog.leader_id, dialog.skp_id), (self.emp["H.dseksi"], self.skp))

    def test_visible_to_the_parties_and_the_atasan_only(self):
        dialog = self.hold()
        for user in (self.user_pegawai, self.user_penilai, self.user_kabid, self.user_admin):
            with self.subTest(user=user.login):
                self.assertEqual(self.Dialog.with_user(user).search([("id", "=", dialog.id)]), dialog)
                self.assertTrue(dialog.with_user(user).notes)
        for user in (self.user_other, self.other_leader, self.user_admin_opd):
            with self.subTest(user=user.login):
                self.assertFalse(self.Dialog.with_user(user).search([("id", "=", dialog.id)]))
                with self.assertRaises(AccessError):
                    dialog.with_user(user).read(["notes"])
        # the SKP's button counts what its reader may open: the Admin OPD reads the SKP, not the dialog
        self.assertEqual((self.skp.with_user(self.user_pegawai).dialog_count,
                          self.skp.with_user(self.user_kabid).dialog_count,
                          self.skp.with_user(self.user_admin_opd).dialog_count), (1, 1, 0))

    def test_agreed_actions_as_activities(self):
        dialog = self.hold()
        due = datetime.date(2026, 3, 20)
        activity = dialog.with_user(self.user_penilai).action_agree("Kirim data kunjungan puskesmas",
                                                                    self.user_pegawai, due)
        self.assertEqual((activity.user_id, activity.date_deadline, activity.res_model, activity.res_id),
                         (self.user_pegawai, due, "hr.asn.skp.dialog", dialog.id))
        with self.assertRefused(UserError, "leader or the employee"):
            dialog.with_user(self.user_penilai).action_agree("Lain", self.user_other, due)
        with self.assertRefused(UserError, "due date"):
            dialog.with_user(self.user_penilai).action_agree("Lain", self.user_pegawai, False)
        with self.assertRefused(AccessError, "Only the leader"):
            dialog.with_user(self.user_pegawai).action_agree("Saya sendiri", self.user_pegawai, due)
        # the atasan sees the agreed action; the employee, its owner, marks it done
        self.assertEqual(dialog.with_user(self.user_kabid).activity_ids, activity)
        activity.with_user(self.user_pegawai).action_feedback("Terkirim")
        self.assertFalse(dialog.activity_ids)
        self.assertIn("Terkirim", dialog.message_ids[:1].body)
