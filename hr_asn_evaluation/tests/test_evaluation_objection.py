from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HrAsnEvaluationCase


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestObjection(HrAsnEvaluationCase):
    """Keberatan (Pasal 30; national_rules.md §5): to the Atasan Pejabat Penilai, within the window, final."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_capaian(cls.units["dinas"], "butuh_perbaikan")
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        cls.evaluation = cls.period.evaluation_ids.filtered(lambda e: e.employee_id == cls.emp["S.dseksi"])
        cls.rate(cls.evaluation, "dibawah", "sesuai")
        cls.evaluation.team_id.with_user(cls.user_penilai).action_set()

    def file(self, reason="Realisasi triwulan tidak dibaca lengkap", user=None):
        return self.evaluation.with_user(user or self.user_pegawai).action_object(reason)

    def test_upheld_changes_the_predikat(self):
        self.assertEqual(self.evaluation.predikat, "butuh_perbaikan")
        objection = self.file()
        self.assertEqual(objection.atasan_user_id, self.user_kabid, "to the atasan of the evaluation's snapshot")
        self.assertTrue(objection.activity_ids.filtered(lambda a: a.user_id == self.user_kabid))
        self.assertEqual(self.evaluation.objection_state, "submitted")
        with self.assertRefused(UserError, "awaits the decision"):
            self.evaluation.with_user(self.user_pegawai).action_accept()
        as_atasan = objection.with_user(self.user_kabid)
        with self.assertRefused(UserError, "Write the decision"):
            as_atasan.action_uphold()
        as_atasan.write({"decision": "Bukti dukung Maret lengkap", "new_rating_hasil": "sesuai"})
        as_atasan.action_uphold()
        self.assertEqual((objection.state, objection.original_predikat, objection.new_predikat),
                         ("upheld", "butuh_perbaikan", "baik"))
        self.assertEqual((self.evaluation.rating_hasil, self.evaluation.predikat), ("sesuai", "baik"))
        self.assertEqual(self.evaluation.objection_state, "upheld")
        with self.assertRefused(UserError, "final"):
            as_atasan.write({"decision": "berubah pikiran"})
        with self.assertRefused(UserError, "final"):
            as_atasan.action_reject()
        self.evaluation.with_user(self.user_pegawai).action_accept()
        self.assertEqual(self.evaluation.state, "diterima")

    def test_rejected_keeps_the_predikat(self):
        objection = self.file()
        objection.with_user(self.user_kabid).write({"decision": "Penilaian sudah sesuai bukti"})
        objection.with_user(self.user_kabid).action_reject()
        self.assertEqual((objection.state, objection.new_predikat), ("rejected", "butuh_perbaikan"))
        self.assertEqual(self.evaluation.predikat, "butuh_perbaikan")
        self.assertIn("Keberatan rejected", self.evaluation.message_ids[0].body)

    def test_upheld_must_change_a_rating(self):
        objection = self.file()
        objection.with_user(self.user_kabid).write({"decision": "Diterima"})
        with self.assertRefused(UserError, "changes a rating"):
            objection.with_user(self.user_kabid).action_uphold()
        self.assertEqual(objection.state, "submitted")

    def test_late_refused(self):
        with freeze_time("2026-04-21"), self.assertRefused(UserError, "closed on"):
            self.file()
        self.assertFalse(self.evaluation.objection_ids)
        with freeze_time("2026-04-20"):
            self.file()
        self.assertEqual(len(self.evaluation.objection_ids), 1)

    def test_by_someone_else_refused(self):
        for user in (self.user_other, self.user_penilai, self.user_kabid, self.user_admin_opd, self.user_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.file(user=user)
        self.assertFalse(self.evaluation.objection_ids)

    def test_once_only(self):
        self.file()
        with self.assertRefused(UserError, "already has a keberatan"):
            self.file("lagi")
        self.assertEqual(len(self.evaluation.objection_ids), 1)

    def test_only_the_atasan_decides(self):
        objection = self.file()
        self.assertFalse(objection.env.su, "what the employee gets back acts with their rights")
        with self.assertRaises(AccessError):
            objection.write({"decision": "sendiri", "new_rating_hasil": "diatas"})
        for user in (self.user_pegawai, self.user_penilai, self.user_other):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                objection.with_user(user).write({"decision": "x", "new_rating_hasil": "diatas"})
        self.assertFalse(objection.decision)

    def test_empty_or_too_long_reason_refused(self):
        with self.assertRefused(UserError, "Say why"):
            self.file("   ")
        with self.assertRefused(Exception, "too long"):
            self.file("x" * 5000)
        self.assertFalse(self.evaluation.objection_ids)

    def test_not_on_an_unset_evaluation(self):
        other = self.make_period("month", 4)
        self.generate(other)
        evaluation = other.evaluation_ids.filtered(lambda e: e.employee_id == self.emp["S.dseksi"])
        with self.assertRefused(UserError, "set evaluation"):
            evaluation.with_user(self.user_pegawai).action_object("terlalu dini")
