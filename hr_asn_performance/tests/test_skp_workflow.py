"""SKP planning and its workflow (Perwal Bekasi 38/2023 Pasal 6-15, Lampiran I formats 1-5)."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpWorkflow(HrAsnSkpCase):
    def test_format_follows_position(self):
        """Formats 1/2 for JPT and heads of a Perangkat Daerah, 3/4 for JA/JF, 5 for tugas belajar."""
        self.assertEqual(self.make_skp("H.dinas").skp_format, "1")
        self.assertEqual(self.make_skp("H.dbid", approach="kuantitatif").skp_format, "4")
        self.assertEqual(self.make_skp("S.dseksi").skp_format, "3")
        self.emp["S.dsub"].write({"tb_date_from": "2025-09-01", "tb_date_to": "2027-08-31",
                                  "tb_institution": "Universitas Indonesia"})
        self.assertEqual(self.make_skp("S.dsub").skp_format, "5")
        head = self.emp["H.bdn"] if "H.bdn" in self.emp else self.emp["H.du"]
        head.asn_position_kind = "administrator"
        self.assertEqual(self.make_skp(head_key := [k for k, e in self.emp.items() if e == head][0],
                                       approach="kuantitatif").skp_format, "2",
                         "the head of a Perangkat Daerah is pimpinan unit kerja mandiri")
        del head_key

    def test_snapshot_and_behaviours(self):
        skp = self.make_skp("S.dseksi")
        self.assertEqual(len(skp.behavior_ids), 7)
        self.assertEqual(skp.behavior_ids[0].value, "berorientasi_pelayanan")
        self.assertIn("Memahami dan memenuhi kebutuhan masyarakat", skp.behavior_ids[0].behaviours)
        self.assertEqual(skp.employee_nip, self.emp["S.dseksi"].nip)
        self.assertEqual(skp.employee_pangkat, "Penata Muda Tingkat I, III/b")
        self.assertEqual(skp.employee_jabatan, "Analis")
        self.assertEqual(skp.pejabat_penilai_id, self.emp["H.dseksi"])
        self.assertEqual(skp.penilai_jabatan, "Kepala Seksi")
        self.assertEqual(skp.atasan_pejabat_penilai_id, self.emp["H.dbid"])
        self.assertEqual(skp.deadline.isoformat(), "2026-01-31")
        self.assertEqual(skp.opd_id, self.units["dinas"])

    def test_submit_set_lock(self):
        kadis, kabid, kasi = self.make_cascade()
        skp = self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0]).with_user(self.user_pegawai)
        skp.action_submit()
        self.assertEqual(skp.state, "submitted")
        self.assertEqual(skp.submit_date.isoformat(), "2026-01-10")
        with self.assertRefused(AccessError, "Pejabat"):
            skp.action_set()
        skp.with_user(self.user_penilai).action_set()
        self.assertEqual(skp.state, "set")
        self.assertEqual(len(skp.month_ids), 12)
        self.assertEqual(len(skp.month_ids[0].line_ids), 1)
        with self.assertRefused(UserError, "can no longer be changed"):
            skp.rhk_ids[0].name = "Changed"
        with self.assertRefused(UserError, "no longer a draft"):
            skp.approach = "kuantitatif"
        with self.assertRefused(AccessError, "workflow"):
            skp.state = "draft"
        self.assertEqual(skp.rhk_ids[0].name, "RHK 1 of S.dseksi")
