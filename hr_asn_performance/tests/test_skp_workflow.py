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
        staff = self.make_skp("S.dseksi")
        self.assertEqual(staff.skp_format, "3")
        self.emp["S.dsub"].write({"tb_date_from": "2025-09-01", "tb_date_to": "2027-08-31",
                                  "tb_institution": "Universitas Indonesia"})
        self.assertEqual(self.make_skp("S.dsub").skp_format, "5")
        tugas_belajar = self.Skp.browse(self.Skp._asn_create_for_employees(self.emp["S.dsub"], self.YEAR + 1).ids)
        self.assertEqual(tugas_belajar.rhk_ids.mapped("name"),
                         ["Hasil evaluasi akademik sesuai ekspektasi", "Kelulusan tepat waktu"], "Pasal 14(2)")
        with self.assertRefused(UserError, "needs a target"):
            tugas_belajar.action_submit()
        tugas_belajar.rhk_ids.iki_ids[0].target_text = "IPK minimal 3,25"
        tugas_belajar.rhk_ids.iki_ids[1].target_text = "Lulus paling lambat Agustus 2027"
        tugas_belajar.action_submit()
        self.emp["H.du"].asn_position_kind = "administrator"
        self.assertEqual(self.make_skp("H.du", approach="kuantitatif").skp_format, "2",
                         "the head of a Perangkat Daerah is pimpinan unit kerja mandiri")
        staff.approach = "kuantitatif"
        self.assertEqual(staff.skp_format, "4", "the format follows the approach while a draft")

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

    def test_incomplete_skp_refused(self):
        kadis, kabid, kasi = self.make_cascade()
        empty = self.Skp.create({"employee_id": self.emp["S.dseksi"].id, "year": self.YEAR})
        with self.assertRefused(UserError, "at least one Rencana Hasil Kerja utama"):
            empty.action_submit()
        no_cascade = empty
        no_cascade.write({"rhk_ids": [(0, 0, {"kind": "utama", "name": "Laporan",
                                              "iki_ids": [(0, 0, {"name": "Laporan tersusun", "target_text": "1"})]})]})
        with self.assertRefused(UserError, "must name the RHK of your Pejabat Penilai Kinerja"):
            no_cascade.action_submit()
        self.assertEqual(no_cascade.state, "draft")
        no_cascade.rhk_ids.parent_rhk_id = kasi.rhk_ids[0]
        no_cascade.approach = "kuantitatif"
        with self.assertRefused(UserError, "needs a target above zero and its unit"):
            no_cascade.action_submit()
        no_cascade.rhk_ids.iki_ids.write({"target_value": 4, "target_unit": "laporan"})
        no_cascade.action_submit()
        self.assertEqual(no_cascade.state, "submitted")

    def test_cascade_only_from_assessor_set_skp(self):
        kadis, kabid, kasi = self.make_cascade()
        self.assertEqual(kasi.rhk_ids.parent_rhk_id.skp_id, kabid)
        self.assertEqual(kabid.rhk_ids.parent_rhk_id.skp_id, kadis)
        self.assertIn(kasi.rhk_ids[0], kabid.rhk_ids[0].child_rhk_ids)
        with self.assertRefused(ValidationError, "can only intervene an RHK of the set SKP"):
            self.make_skp("S.dseksi", parent_rhk=kadis.rhk_ids[0])
        staff = self.make_skp("S.dseksi")
        self.assertEqual(staff.rhk_ids.parent_rhk_allowed_ids, kasi.rhk_ids)
        draft_kasi_rhk = self.make_skp("H.dsub").rhk_ids[0]
        with self.assertRefused(ValidationError, "can only intervene"):
            staff.rhk_ids.parent_rhk_id = draft_kasi_rhk

    def test_return_with_reason(self):
        skp = self.make_skp("S.dseksi", parent_rhk=self.make_cascade()[2].rhk_ids[0])
        skp.with_user(self.user_pegawai).action_submit()
        with self.assertRefused(UserError, "Say why"):
            skp.with_user(self.user_penilai).action_return(" ")
        skp.with_user(self.user_penilai).action_return("Target terlalu rendah")
        self.assertEqual(skp.state, "draft")
        self.assertEqual(skp.return_reason, "Target terlalu rendah")
        self.assertTrue(skp.activity_ids.filtered(lambda a: a.user_id == self.user_pegawai))
        skp.rhk_ids.iki_ids.target_text = "Tersusun 12 laporan"
        skp.with_user(self.user_pegawai).action_submit()
        self.assertFalse(skp.return_reason)

    def test_expectations_clarified_while_submitted(self):
        """Pasal 6(2), 9(4): the leader writes the Ekspektasi Khusus Pimpinan during the dialogue."""
        skp = self.make_skp("S.dseksi", parent_rhk=self.make_cascade()[2].rhk_ids[0])
        skp.with_user(self.user_pegawai).action_submit()
        skp.with_user(self.user_penilai).behavior_ids[0].special_expectation = "Menanggapi aduan dalam 1 hari"
        skp.with_user(self.user_penilai).action_set()
        with self.assertRefused(UserError, "can no longer be changed"):
            skp.behavior_ids[0].special_expectation = "Lain"
        self.assertEqual(skp.behavior_ids[0].special_expectation, "Menanggapi aduan dalam 1 hari")

    def test_one_open_skp_per_period(self):
        self.make_skp("S.dseksi")
        with self.assertRefused(ValidationError, "already has an open SKP"):
            self.make_skp("S.dseksi")
        created = self.Skp._asn_create_for_employees(self.emp["S.dseksi"] | self.emp["S.dsub"], self.YEAR)
        self.assertEqual(created.employee_id, self.emp["S.dsub"], "only who has no SKP gets one")

    def test_revision_keeps_the_set_skp_readable(self):
        kadis, kabid, kasi = self.make_cascade()
        skp = self.set_skp(self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0]))
        january = skp.month_ids.filtered(lambda m: m.month == 1)
        january.line_ids.write({"target_text": "2 laporan", "realisasi": "2 laporan tersusun"})
        with self.assertRefused(UserError, "Say why"):
            skp.action_new_revision("")
        revision = skp.with_user(self.user_pegawai).action_new_revision("Penugasan baru dari Kepala Seksi")
        self.assertEqual((revision.revision, revision.previous_id, revision.state), (1, skp, "draft"))
        self.assertEqual(skp.state, "set", "the set SKP stays valid until the revision is set")
        with self.assertRefused(UserError, "already being prepared"):
            skp.action_new_revision("again")
        revision.write({"rhk_ids": [(0, 0, {"kind": "tambahan", "name": "Tim stunting",
                                            "iki_ids": [(0, 0, {"name": "Rapat", "target_text": "4 kali"})]})]})
        self.set_skp(revision.with_env(self.env))
        self.assertEqual((skp.state, skp.closing_reason), ("closed", "revision"))
        self.assertEqual(skp.rhk_ids[0].name, "RHK 1 of S.dseksi", "the old revision keeps its text")
        moved = revision.month_ids.filtered(lambda m: m.month == 1)
        self.assertEqual(moved, january, "realisasi follows the revision")
        self.assertEqual(moved.line_ids.filtered("realisasi").iki_id.rhk_id.skp_id, revision)
        self.assertEqual(len(revision.month_ids), 12)
        self.assertEqual(len(moved.line_ids), 2, "the new RHK's IKI is added to open months")

    def test_deadline_overdue_and_reminders(self):
        skp = self.make_skp("S.dseksi")
        self.assertFalse(skp.is_overdue)
        with freeze_time("2026-02-02"):
            skp.invalidate_recordset(["is_overdue"])
            self.assertTrue(skp.is_overdue)
            self.assertIn(skp, self.Skp.search([("is_overdue", "=", True)]))
            self.Skp._cron_remind()
            self.assertEqual(skp.activity_ids.user_id, self.user_pegawai)
            overdue = self.Skp.read_group([("is_overdue", "=", True)], ["opd_id"], ["opd_id"])
            self.assertIn(self.units["dinas"].id, [group["opd_id"][0] for group in overdue])


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpMutation(HrAsnSkpCase):
    def test_mutation_closes_and_opens(self):
        """Semarang seed 002: after a mutation the SKP is made in the new unit with the new assessor."""
        with freeze_time("2026-01-10"):
            kadis, kabid, kasi = self.make_cascade()
            skp = self.set_skp(self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0]))
        with freeze_time("2026-06-15"):
            self.emp["S.dseksi"].department_id = self.units["dsub"]
        self.assertEqual((skp.state, skp.closing_reason), ("closed", "mutation"))
        self.assertEqual(skp.date_to.isoformat(), "2026-06-14")
        self.assertEqual(skp.pejabat_penilai_id, self.emp["H.dseksi"], "the signed SKP keeps who signed")
        self.assertEqual(skp.employee_unit, "Unit dseksi")
        new = skp.next_ids
        self.assertEqual((new.state, new.date_from.isoformat(), new.date_to.isoformat()),
                         ("draft", "2026-06-15", "2026-12-31"))
        self.assertEqual(new.pejabat_penilai_id, self.emp["H.dsub"])
        self.assertEqual(new.employee_unit, "Unit dsub")
        self.assertEqual(new.department_id, self.units["dsub"])
        self.assertTrue(new.activity_ids.filtered(lambda a: a.user_id == self.user_pegawai))
        self.assertEqual(skp.month_ids.mapped("month"), [1, 2, 3, 4, 5, 6],
                         "history stays whole; July onwards belongs to the next SKP")

    def test_promotion_and_draft_follow(self):
        with freeze_time("2026-01-10"):
            draft = self.make_skp("S.dsub")
            kadis, kabid, kasi = self.make_cascade()
        with freeze_time("2026-03-01"):
            self.emp["S.dsub"].department_id = self.units["dseksi"]
            self.emp["H.dseksi"].job_title = "Kepala Seksi Pelayanan"
        self.assertEqual(draft.state, "draft", "nothing was signed: the draft follows the employee")
        self.assertEqual(draft.pejabat_penilai_id, self.emp["H.dseksi"])
        self.assertEqual((kasi.state, kasi.closing_reason), ("closed", "promotion"))
        self.assertEqual(kasi.next_ids.employee_jabatan, "Kepala Seksi Pelayanan")
