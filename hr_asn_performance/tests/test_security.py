"""Each role sees and changes what the regulation gives it, through the ORM as RPC does."""
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import HrAsnRoleUsersCase


@tagged("post_install", "-at_install")
class TestSecurity(HrAsnRoleUsersCase):
    def test_pegawai_reads_public_asn_data_only(self):
        Public = self.env["hr.employee.public"].with_user(self.user_pegawai)
        me = Public.browse(self.emp["S.dseksi"].id)
        self.assertEqual(me.nip, self.emp["S.dseksi"].nip)
        self.assertEqual(me.pejabat_penilai_id.id, self.emp["H.dseksi"].id)
        self.assertIn("4.g", me.assessor_reason)
        self.assertGreater(Public.search_count([]), 100)  # colleagues' public profiles
        employee = self.env["hr.employee"].with_user(self.user_pegawai).browse(self.emp["S.dseksi"].id)
        with self.assertRaises(AccessError):
            employee.read(["override_reason"])
        with self.assertRaises(AccessError):
            employee.write({"nip": "198507122010012003"})
        with self.assertRaises(AccessError):
            self.env["hr.asn.acting.assignment"].with_user(self.user_pegawai).create({
                "employee_id": self.emp["S.dseksi"].id, "department_id": self.units["dseksi"].id,
            })
        with self.assertRaises(AccessError):
            self.env["hr.asn.lampiran2.row"].with_user(self.user_pegawai).search([], limit=1).penilai_ref = "bidang"

    def test_penilai_sees_whom_they_assess(self):
        action = self.env.ref("hr_asn_performance.hr_employee_public_action_my_assessees")
        domain = safe_eval(action.domain, {"uid": self.user_penilai.id})
        assessed = self.env["hr.employee.public"].with_user(self.user_penilai).search(domain)
        self.assertEqual(assessed.ids, [self.emp["S.dseksi"].id])
        self.assertTrue(self.user_penilai.has_group("hr_asn_performance.group_hr_asn_performance_penilai"))
        with self.assertRaises(AccessError):
            employee = self.env["hr.employee"].with_user(self.user_penilai).browse(self.emp["S.dseksi"].id)
            employee.write({"asn_status": "pns"})

    def test_assessors_get_the_penilai_group(self):
        """Whoever Lampiran II makes an assessor is granted the Pejabat Penilai group."""
        group = self.env.ref("hr_asn_performance.group_hr_asn_performance_penilai")
        self.assertNotIn(self.user_pegawai, group.users)
        self.units["dseksi"].manager_id = self.emp["S.dseksi"]  # promoted to Kepala Seksi
        self.assertIn(self.user_pegawai, group.users)

    def test_admin_opd_is_scoped_to_their_perangkat_daerah(self):
        admin = self.user_admin_opd
        Employee = self.env["hr.employee"].with_user(admin)
        visible = Employee.search([])
        self.assertIn(self.emp["S.dseksi"], visible)
        self.assertNotIn(self.emp["S.bsubbid"], visible)
        Employee.browse(self.emp["S.dseksi"].id).write({"asn_status": "pns", "asn_golongan": "III/a"})
        self.assertEqual(self.emp["S.dseksi"].asn_golongan, "III/a")
        with self.assertRaises(AccessError):
            Employee.browse(self.emp["S.bsubbid"].id).write({"asn_golongan": "III/a"})
        Acting = self.env["hr.asn.acting.assignment"].with_user(admin)
        Acting.create({"employee_id": self.emp["S.dbid"].id, "department_id": self.units["dseksi"].id})
        with self.assertRaises(AccessError):
            Acting.create({"employee_id": self.emp["S.bbid"].id, "department_id": self.units["bsubbid"].id})
        self.env["hr.department"].with_user(admin).browse(self.units["dseksi"].id).name = "Seksi Aplikasi"
        with self.assertRaises(AccessError):
            self.env["hr.department"].with_user(admin).browse(self.units["bbid"].id).name = "Bidang X"
        with self.assertRaises(AccessError):
            Employee.browse(self.emp["S.dseksi"].id).write({
                "assessor_override": True, "override_penilai_id": self.emp["H.dsub"].id, "override_reason": "x",
            })
        with self.assertRaises(AccessError):
            self.env["hr.asn.lampiran2.row"].with_user(admin).search([], limit=1).penilai_ref = "bidang"

    def test_admin_bkpsdm_overrides_and_edits_the_table(self):
        admin = self.user_admin
        self.env["hr.employee"].with_user(admin).browse(self.emp["S.bsubbid"].id).write({
            "assessor_override": True, "override_penilai_id": self.emp["H.bbid"].id,
            "override_reason": "Nota Dinas BKPSDM 800/1",
        })
        self.assertAssessors(self.emp["S.bsubbid"], "H.bbid", "H.bbid")
        row = self.env["hr.asn.lampiran2.row"].with_user(admin).search([("code", "=", "7.g")])
        row.note = "Edited by BKPSDM"
        self.assertEqual(row.note, "Edited by BKPSDM")
