from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HrAsnEvaluationCase


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationAccess(HrAsnEvaluationCase):
    """Who reads what, through the ORM as RPC does: the employee their own, the Pejabat Penilai their
    team's, the atasan theirs and the keberatan sent to them, Admin OPD their Perangkat Daerah, no Pemda
    another's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.set_capaian(cls.units["dinas"], "butuh_perbaikan")
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        cls.staff = cls.period.evaluation_ids.filtered(lambda e: e.employee_id == cls.emp["S.dseksi"])
        cls.rate(cls.staff, "dibawah", "sesuai")
        cls.staff.team_id.with_user(cls.user_penilai).action_set()
        cls.objection = cls.staff.with_user(cls.user_pegawai).action_object("Bukti tidak dibaca")
        cls.other_company, _units, cls.other_emp = cls.make_pemda("Kabupaten Lain")
        # an evaluation in another Perangkat Daerah (the Inspektorat), which the Dinas's Admin OPD may not see
        cls.set_skp(cls.make_skp("H.insp"))
        cls.generate(cls.period)

    def visible(self, user, model="hr.asn.evaluation"):
        return self.env[model].with_user(user).with_context(allowed_company_ids=user.company_ids.ids).search([])

    def test_employee_sees_only_their_own(self):
        self.assertEqual(self.visible(self.user_pegawai), self.staff)
        self.assertEqual(self.visible(self.user_pegawai, "hr.asn.evaluation.objection"), self.objection)
        self.assertFalse(self.visible(self.user_other) & self.staff)
        with self.assertRaises(AccessError):
            self.staff.with_user(self.user_other).read(["predikat"])
        with self.assertRaises(AccessError):
            self.objection.with_user(self.user_other).read(["reason"])
        with self.assertRaises(AccessError):
            self.staff.line_ids.with_user(self.user_other).read(["realisasi"])

    def test_assessor_and_atasan(self):
        """The Pejabat Penilai reads the team's; the atasan the evaluation and the keberatan sent to them."""
        team = self.staff.team_id
        self.assertEqual(self.visible(self.user_penilai) & team.evaluation_ids, team.evaluation_ids)
        self.assertIn(self.staff, self.visible(self.user_kabid))
        self.assertEqual(self.visible(self.user_kabid, "hr.asn.evaluation.objection"), self.objection)
        self.assertNotIn(team, self.visible(self.user_kabid, "hr.asn.evaluation.team"),
                         "the team screen is its Pejabat Penilai's")
        kabid_own = self.period.evaluation_ids.filtered(lambda e: e.employee_id == self.emp["H.dbid"])
        self.assertNotIn(kabid_own, self.visible(self.user_penilai), "no reading upwards")

    def test_admin_opd_sees_their_perangkat_daerah(self):
        seen = self.visible(self.user_admin_opd)
        in_dinas = self.period.evaluation_ids.filtered(
            lambda e: e.opd_id == self.units["dinas"])
        self.assertEqual(seen, in_dinas)
        self.assertTrue(self.period.evaluation_ids - in_dinas, "other Perangkat Daerah exist, so this can fail")
        with self.assertRaises(AccessError):
            seen[:1].with_user(self.user_admin_opd).write({"catatan": "x"})

    def test_other_pemda_sees_nothing(self):
        bkpsdm = self.env["res.users"].create({
            "name": "BKPSDM Lain", "login": "bkpsdm_lain", "company_id": self.other_company.id,
            "company_ids": [(6, 0, self.other_company.ids)],
            "groups_id": [(6, 0, [self.env.ref("hr_asn_performance.group_hr_asn_performance_admin").id,
                                  self.env.ref("base.group_user").id])]})
        for model in ("hr.asn.evaluation", "hr.asn.evaluation.team", "hr.asn.evaluation.period",
                      "hr.asn.evaluation.objection", "hr.asn.evaluation.line"):
            with self.subTest(model=model):
                self.assertFalse(self.visible(bkpsdm, model))
        with self.assertRaises(AccessError):
            self.staff.with_user(bkpsdm).with_context(allowed_company_ids=self.other_company.ids).read(["predikat"])
