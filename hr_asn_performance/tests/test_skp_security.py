"""Who sees and changes which SKP, through RPC (the ORM as each user): Perwal Bekasi 38/2023 Pasal 13(3)
(the employee signs, the Pejabat Penilai Kinerja sets), Pasal 26 (who assesses whom), and the cascade of
RHK (Lampiran I format 4: the superior's RHK is read by whom it is cascaded to)."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpSecurity(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.mine = cls.make_skp("S.dseksi", parent_rhk=cls.kasi.rhk_ids[0])
        cls.others = cls.make_skp("S.dsub")
        cls.far = cls.make_skp("H.bdn")  # another Perangkat Daerah (Badan)

    def test_pegawai_sees_own_and_superiors_set_skp(self):
        Skp = self.Skp.with_user(self.user_pegawai)
        visible = Skp.search([])
        self.assertEqual(visible, self.mine | self.kasi, "own SKP, and the set SKP of their Pejabat Penilai")
        for skp in (self.others, self.far, self.kabid):
            with self.assertRaises(AccessError):
                skp.with_user(self.user_pegawai).read(["name"])
        with self.assertRaises(AccessError):
            self.kasi.with_user(self.user_pegawai).write({"perjanjian_kerja_ref": "x"})
        with self.assertRaises(AccessError):
            self.kasi.rhk_ids.with_user(self.user_pegawai).write({"name": "x"})
        self.assertEqual(self.kasi.rhk_ids.with_user(self.user_pegawai).read(["name"])[0]["name"], "RHK 1 of H.dseksi")
        with self.assertRaises(AccessError):
            self.kasi.month_ids.with_user(self.user_pegawai).read(["state"])

    def test_pegawai_cannot_act_for_others_or_the_workflow(self):
        Skp = self.Skp.with_user(self.user_pegawai)
        with self.assertRaises(AccessError):
            Skp.create({"employee_id": self.emp["S.dsub"].id, "year": self.YEAR + 1})
        with self.assertRefused(AccessError, "workflow"):
            Skp.create({"employee_id": self.emp["S.dseksi"].id, "year": self.YEAR + 1, "state": "set"})
        with self.assertRefused(AccessError, "workflow"):
            self.mine.with_user(self.user_pegawai).write({"pejabat_penilai_id": self.emp["S.dsub"].id})
        with self.assertRaises(AccessError):
            self.others.with_user(self.user_pegawai).action_submit()
        with self.assertRaises(AccessError):
            self.env["hr.asn.skp.rhk"].with_user(self.user_pegawai).create(
                {"skp_id": self.others.id, "name": "Sneaked in", "kind": "utama"})
        self.mine.with_user(self.user_pegawai).action_submit()
        with self.assertRefused(AccessError, "Pejabat Penilai"):
            self.mine.with_user(self.user_pegawai).action_set()
        with self.assertRaises(AccessError):
            self.mine.with_user(self.user_other).action_return("no")
        self.assertEqual(self.mine.state, "submitted")
        self.assertFalse(self.others.rhk_ids.filtered(lambda r: r.name == "Sneaked in"))

    def test_penilai_sees_whom_they_assess(self):
        Skp = self.Skp.with_user(self.user_penilai)
        self.assertEqual(Skp.search([("employee_id", "!=", self.emp["H.dseksi"].id)]), self.mine | self.kabid,
                         "their staff's SKP and their own Pejabat Penilai's set SKP")
        with self.assertRaises(AccessError):
            self.others.with_user(self.user_penilai).read(["name"])
        self.mine.action_submit()
        # the atasan (Kepala Bidang) reads the SKP of the staff two levels down but does not set it
        self.assertIn(self.mine, self.Skp.with_user(self.user_kabid).search([]))
        with self.assertRefused(AccessError, "Pejabat"):
            self.mine.with_user(self.user_kabid).action_set()
        self.mine.with_user(self.user_penilai).action_set()
        self.assertEqual(self.mine.set_by_id, self.user_penilai)
        with self.assertRaises(AccessError):
            self.others.with_user(self.user_kabid).read(["name"])

    def test_admin_opd_scope_and_bkpsdm(self):
        dinas = self.Skp.with_user(self.user_admin_opd).search([])
        self.assertIn(self.others, dinas)
        self.assertIn(self.mine, dinas)
        self.assertNotIn(self.far, dinas, "another Perangkat Daerah")
        with self.assertRaises(AccessError):
            self.far.with_user(self.user_admin_opd).read(["name"])
        self.others.with_user(self.user_admin_opd).write({"approach": "kuantitatif"})
        with self.assertRaises(AccessError):
            self.far.with_user(self.user_admin_opd).write({"approach": "kuantitatif"})
        both = (self.far | self.others).ids
        self.assertEqual(self.Skp.with_user(self.user_admin).search_count([("id", "in", both)]), 2)
        self.far.with_user(self.user_admin).action_submit()
        self.far.with_user(self.user_admin).action_set()
        self.assertEqual(self.far.state, "set", "BKPSDM may act for a Pejabat Penilai")

    def test_the_plt_of_the_moment_reads_what_he_assesses(self):
        """Pasal 26(2)-(3): a Plt of the vacant Seksi assesses its staff from the day he is appointed, so
        the assessor rules (hr.asn.skp.assessor_user_ids) let him read the staff's SKP and its parts."""
        user_plt = self.make_user("asn_plt", "employee")
        self.emp["S.dbid"].user_id = user_plt
        with self.assertRaises(AccessError):
            self.mine.with_user(user_plt).read(["name"])
        self.units["dseksi"].manager_id = False
        plt = self.env["hr.asn.acting.assignment"].create({
            "employee_id": self.emp["S.dbid"].id, "department_id": self.units["dseksi"].id, "date_from": "2026-01-05"})
        Skp = self.Skp.with_user(user_plt)
        self.assertEqual(Skp.search([("employee_id", "=", self.emp["S.dseksi"].id)]), self.mine)
        self.assertEqual(self.mine.iki_ids.with_user(user_plt).read(["name"])[0]["name"], "IKI 1.1 of S.dseksi")
        self.assertEqual(self.mine.behavior_ids.with_user(user_plt).search_count([("skp_id", "=", self.mine.id)]), 7)
        self.assertIn(self.mine, Skp.search([("assessor_user_ids", "in", user_plt.ids)]))
        plt.unlink()
        with self.assertRaises(AccessError):
            self.mine.with_user(user_plt).read(["name"])

    def test_set_skp_cannot_be_deleted(self):
        with self.assertRefused(UserError, "Only a first draft SKP can be deleted"):
            self.kasi.with_user(self.user_admin).unlink()
        self.others.with_user(self.user_admin_opd).unlink()
        self.assertFalse(self.others.exists())

    def test_admin_opd_creates_drafts_for_their_perangkat_daerah(self):
        self.others.unlink()
        employees = (self.emp["S.dsub"] | self.emp["S.dseksi"]).ids
        action = self.Skp.with_user(self.user_admin_opd).action_create_for_employees(
            self.env["hr.employee"].with_user(self.user_admin_opd).browse(employees))
        job = self.env["hr.asn.job"].browse(action["params"]["next"]["res_id"])
        self.assertEqual((job.user_id, job.state), (self.user_admin_opd, "queued"), "a background job")
        self.env["hr.asn.job"]._cron_run()
        self.assertEqual(job.state, "done", job.error)
        created = self.Skp.search([("employee_id", "in", employees), ("id", "not in", self.mine.ids)])
        self.assertEqual(created.employee_id, self.emp["S.dsub"], "S.dseksi already has one")
        with self.assertRaises(AccessError):
            self.Skp.with_user(self.user_admin_opd).action_create_for_employees(
                self.env["hr.employee"].with_user(self.user_admin_opd).browse(self.emp["S.bsubbid"].ids))
        with self.assertRaises(AccessError):
            self.Skp.with_user(self.user_pegawai).action_create_for_employees(self.emp["S.dseksi"])
