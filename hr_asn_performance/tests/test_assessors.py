"""Pejabat Penilai Kinerja by Lampiran II (Perwal Bekasi 38/2023 Pasal 26), through the ORM."""
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from . import lampiran2_cases as cases
from .common import HrAsnCityCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")  # the Plt/Plh of these tests start on 5 January and 2 March, one ended on 31 January
class TestAssessors(HrAsnCityCase):
    def test_every_row_of_lampiran2(self):
        for row, employee, penilai, atasan in cases.CASES:
            with self.subTest(row=row, employee=employee):
                self.assertAssessors(self.emp[employee], penilai, atasan, row)

    def test_every_row_is_loaded_and_covered(self):
        rows = self.env["hr.asn.lampiran2.row"].search([])
        self.assertEqual(len(rows), 100)
        used = set(self.env["hr.employee"].search([("lampiran2_row", "!=", False)]).mapped("lampiran2_row"))
        self.assertEqual(used, set(rows.mapped("code")))

    def test_rows_grouped_in_the_order_of_lampiran2(self):
        """Grouped by kind (the menu's default), Sekretariat Daerah comes first as in Lampiran II, not
        "Badan" as the codes would sort; a search keeps only the kinds it matches."""
        Row = self.env["hr.asn.lampiran2.row"]
        groups = Row.read_group([], ["section"], ["section"])
        self.assertEqual([group["section"] for group in groups][:4], ["setda", "setwan", "inspektorat", "dinas"])
        self.assertEqual(len(groups), 13)
        groups = Row.read_group([("section", "in", ("kelurahan", "setwan"))], ["section"], ["section"])
        self.assertEqual([group["section"] for group in groups], ["setwan", "kelurahan"])

    def test_region_head_is_named(self):
        kadis = self.emp["H.dinas"]
        self.assertFalse(kadis.pejabat_penilai_id)
        self.assertEqual(kadis.pejabat_penilai_official, "Wali Kota (Budi Santoso)")
        self.company.asn_region_head_title = "bupati"
        kadis.invalidate_recordset()
        self.assertEqual(kadis.pejabat_penilai_official, "Bupati (Budi Santoso)")

    def test_reason_names_the_row(self):
        reason = self.emp["S.dseksi"].assessor_reason
        self.assertIn("4.g", reason)
        self.assertIn("Kepala Seksi/ Kepala Bidang", reason)
        self.assertIn("second one applies", self.emp["S.dbid"].assessor_reason)

    def test_plt_acts_as_assessor(self):
        """Pasal 26(2): the Plt of a vacant Kepala Seksi post assesses its staff."""
        self.units["dseksi"].manager_id = False
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas", "4.g")
        plt = self.env["hr.asn.acting.assignment"].create({
            "employee_id": self.emp["S.dbid"].id,
            "department_id": self.units["dseksi"].id,
            "kind": "plt",
            "date_from": "2026-01-05",
        })
        self.assertAssessors(self.emp["S.dseksi"], "S.dbid", "H.dbid", "4.g")
        self.assertIn("penilai_acting", self.emp["S.dseksi"].assessor_flags)
        self.assertEqual(self.units["dseksi"].asn_acting_id, plt)
        plt.date_to = "2026-01-31"  # ended: the post is vacant again
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas")
        plt.unlink()
        self.assertTrue(self.units["dseksi"].asn_is_vacant)

    def test_latest_plt_acts_and_is_shown(self):
        """Two Plt on one post: the latest appointment acts, on the unit's form and for the assessors."""
        self.units["dseksi"].manager_id = False
        Acting = self.env["hr.asn.acting.assignment"]
        Acting.create({"employee_id": self.emp["S.dsub"].id, "department_id": self.units["dseksi"].id,
                       "date_from": "2026-01-05"})
        latest = Acting.create({"employee_id": self.emp["S.dbid"].id, "department_id": self.units["dseksi"].id,
                                "date_from": "2026-03-02"})
        self.assertEqual(self.units["dseksi"].asn_acting_id, latest)
        self.assertAssessors(self.emp["S.dseksi"], "S.dbid", "H.dbid", "4.g")

    def test_plh_in_the_future_does_not_act_yet(self):
        self.units["dseksi"].manager_id = False
        self.env["hr.asn.acting.assignment"].create({
            "employee_id": self.emp["S.dbid"].id,
            "department_id": self.units["dseksi"].id,
            "kind": "plh",
            "date_from": "2099-01-01",
        })
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas")

    def test_vacancy_passes_up_the_hierarchy(self):
        """Pasal 26(3): no head and no Plt/Plh: the official above assesses."""
        self.units["dseksi"].manager_id = False
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas", "4.g")
        self.assertIn("penilai_vacant", self.emp["S.dseksi"].assessor_flags)
        self.units["dbid"].manager_id = False
        self.assertAssessors(self.emp["S.dseksi"], "H.dinas", "H.setda")
        self.assertAssessors(self.emp["H.dseksi"], "H.dinas", "H.setda")

    def test_archived_head_leaves_the_post_vacant(self):
        self.emp["H.dseksi"].action_archive()
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas", "4.g")
        self.emp["H.dseksi"].action_unarchive()
        self.assertAssessors(self.emp["S.dseksi"], "H.dseksi", "H.dbid", "4.g")

    def test_vacant_sekda(self):
        self.units["setda"].manager_id = False
        self.assertAssessors(self.emp["H.dsek"], "H.dinas", "KD")
        self.assertAssessors(self.emp["H.asisten1"], "KD", "KD")

    def test_plt_of_own_superior_is_not_own_assessor(self):
        self.units["dbid"].manager_id = False
        self.env["hr.asn.acting.assignment"].create({
            "employee_id": self.emp["H.dseksi"].id,
            "department_id": self.units["dbid"].id,
            "date_from": "2026-01-05",
        })
        self.assertAssessors(self.emp["H.dseksi"], "H.dinas", "H.setda")
        # the atasan is not the penilai again: the Kepala Dinas above the vacant Kepala Bidang post
        self.assertAssessors(self.emp["S.dseksi"], "H.dseksi", "H.dinas")

    def test_mutation_moves_assessors_at_once(self):
        """A mutation to a Badan: the moved employee's assessor follows; the old colleagues keep theirs."""
        moved = self.emp["S.dseksi"]
        moved.department_id = self.units["bsubbid"]
        self.assertAssessors(moved, "H.bsubbid", "H.bbid", "7.g")
        self.assertAssessors(self.emp["S.dsek"], "H.dsek", "H.dinas", "4.f")

    def test_mutation_of_a_head_moves_their_subordinates(self):
        """The Kepala Seksi moves to a Badan: the Seksi is vacant, its staff pass to the Kepala Bidang."""
        kasi = self.emp["H.dseksi"]
        self.units["dseksi"].manager_id = False
        kasi.department_id = self.units["bsubbid"]
        self.assertAssessors(kasi, "H.bsubbid", "H.bbid", "7.g")
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas", "4.g")

    def test_promotion(self):
        """A staff member becomes Kepala Seksi: their own assessor and their former colleagues' change."""
        colleague = self.env["hr.employee"].create({"name": "colleague", "department_id": self.units["dseksi"].id})
        self.assertAssessors(colleague, "H.dseksi", "H.dbid", "4.g")
        promoted, former_head = self.emp["S.dseksi"], self.emp["H.dseksi"]
        former_head.department_id = self.units["dbid"]
        self.units["dseksi"].manager_id = promoted
        self.assertAssessors(promoted, "H.dbid", "H.dinas", "4.e")
        self.assertAssessors(colleague, "S.dseksi", "H.dbid", "4.g")
        self.assertAssessors(former_head, "H.dbid", "H.dinas", "4.g")

    def test_new_unit_and_archived_unit(self):
        seksi2 = self.env["hr.department"].create({
            "name": "Seksi 2", "parent_id": self.units["dbid"].id, "asn_unit_kind": "seksi",
        })
        newcomer = self.env["hr.employee"].create({"name": "newcomer", "department_id": seksi2.id})
        self.assertAssessors(newcomer, "H.dbid", "H.dinas", "4.g")  # vacant Seksi
        seksi2.manager_id = self.emp["S.dbid"]
        self.assertAssessors(newcomer, "S.dbid", "H.dbid", "4.g")

    def test_kelurahan_assessed_across_perangkat_daerah(self):
        self.assertAssessors(self.emp["H.kel"], "H.kec", "H.setda", "12.a")
        self.units["kec"].manager_id = self.emp["S.kec"]
        self.assertAssessors(self.emp["H.kel"], "S.kec", "H.setda", "12.a")

    def test_edited_table_is_followed(self):
        """Lampiran II is data: another Pemda's row changes the answer at once."""
        row = self.env["hr.asn.lampiran2.row"].search([("code", "=", "4.g")])
        row.write({"penilai_ref": "bidang", "atasan_ref": "opd_head"})
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas", "4.g")
        with self.assertRefused(ValidationError, "unknown reference"):
            row.penilai_ref = "kepala_desa"
        row.action_reset_to_default()
        self.assertAssessors(self.emp["S.dseksi"], "H.dseksi", "H.dbid", "4.g")

    def test_no_row_and_no_unit(self):
        staff = self.env["hr.employee"].create({"name": "ajudan", "department_id": self.units["asisten1"].id})
        self.assertAssessors(staff, "H.asisten1", "H.setda", "")
        self.assertEqual(staff.assessor_source, "pasal26")
        loose = self.env["hr.employee"].create({"name": "loose"})
        self.assertFalse(loose.pejabat_penilai_id)
        self.assertFalse(loose.assessor_source, "not placed in a Perangkat Daerah: not an unresolved case")

    def test_one_sekretariat_daerah(self):
        with self.assertRefused(ValidationError, "one Sekretariat Daerah"):
            self.env["hr.department"].create({"name": "Setda 2", "asn_opd_kind": "setda"})


@tagged("post_install", "-at_install")
class TestOverride(HrAsnCityCase):
    def test_override_with_reason_in_chatter(self):
        # the city was created in this very transaction, which mail does not track; a real override
        # comes in a later one
        self.env.cr.precommit.clear()
        employee = self.emp["S.dseksi"]
        employee.write({
            "assessor_override": True,
            "override_penilai_id": self.emp["H.dsub"].id,
            "override_reason": "SK Wali Kota 800/12: penugasan khusus",
        })
        self.assertAssessors(employee, "H.dsub", "H.dbid")
        self.assertEqual(employee.assessor_source, "override")
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = employee.message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("override_penilai_id", tracked)
        self.assertIn("override_reason", tracked)
        employee.assessor_override = False
        self.assertAssessors(employee, "H.dseksi", "H.dbid", "4.g")

    def test_override_needs_reason(self):
        with self.assertRefused(ValidationError, "needs the Pejabat Penilai and a reason"):
            self.emp["S.dseksi"].write({"assessor_override": True, "override_penilai_id": self.emp["H.dsub"].id})
        self.assertEqual(self.emp["S.dseksi"].pejabat_penilai_id, self.emp["H.dseksi"])

    def test_self_assessor_refused(self):
        employee = self.emp["H.dseksi"]
        with self.assertRefused(ValidationError, "cannot assess themselves"):
            employee.write({"assessor_override": True, "override_penilai_id": employee.id, "override_reason": "x"})
        self.assertAssessors(employee, "H.dbid", "H.dinas", "4.e")

    def test_direct_cycle_refused(self):
        employee = self.emp["H.dseksi"]
        # H.dseksi assesses S.dseksi: S.dseksi cannot become H.dseksi's assessor
        with self.assertRefused(ValidationError, "cycle"):
            employee.write({
                "assessor_override": True, "override_penilai_id": self.emp["S.dseksi"].id, "override_reason": "x",
            })
        self.assertAssessors(employee, "H.dbid", "H.dinas", "4.e")

    def test_indirect_cycle_refused(self):
        # through the Kepala Seksi, the Kepala Bidang assesses the Seksi's staff
        with self.assertRefused(ValidationError, "cycle"):
            self.emp["H.dbid"].write({
                "assessor_override": True, "override_penilai_id": self.emp["S.dseksi"].id, "override_reason": "x",
            })
        self.assertAssessors(self.emp["H.dbid"], "H.dinas", "H.setda", "4.c")


@tagged("post_install", "-at_install")
class TestAsnData(HrAsnCityCase):
    def test_nip_parts(self):
        employee = self.emp["S.dinas"]
        employee.nip = "19850712 201001 2 003"
        self.assertEqual(employee.nip, "198507122010012003")
        self.assertEqual(str(employee.nip_birth_date), "1985-07-12")
        self.assertEqual((employee.nip_appointment_year, employee.nip_appointment_month), (2010, 1))
        self.assertEqual(employee.nip_gender, "female")
        self.assertEqual(employee.nip_sequence, 3)

    def test_bad_nip_says_which_part(self):
        employee = self.emp["S.dinas"]
        before = employee.nip
        for nip, message in (
            ("1985071220100120", "18 digits"),
            ("198513122010012003", "date of birth"),
            ("198507122010142003", "TMT CPNS"),
            ("198507122010013003", "gender"),
            ("198507122010012000", "sequence"),
        ):
            with self.subTest(nip=nip), self.assertRefused(ValidationError, message):
                employee.nip = nip
        employee.invalidate_recordset()
        self.assertEqual(employee.nip, before)

    def test_duplicate_nip_refused(self):
        with self.assertRefused(ValidationError, "already has NIP"):
            self.env["hr.employee"].create({"name": "twin", "nip": self.emp["S.dinas"].nip})

    def test_batch_with_one_bad_nip_creates_nothing(self):
        count = self.env["hr.employee"].search_count([])
        with self.assertRaises(ValidationError):
            self.env["hr.employee"].create([
                {"name": "good", "nip": "199001012015031001"},
                {"name": "bad", "nip": "199013012015031001"},
            ])
        self.assertEqual(self.env["hr.employee"].search_count([]), count)

    def test_pppk_nip_and_status(self):
        employee = self.emp["S.dinas"]
        employee.write({"asn_status": "pppk", "nip": self.make_nip(900, pppk=True), "asn_golongan": "pppk_IX"})
        self.assertEqual(employee.nip_appointment_month, 0)
        with self.assertRefused(ValidationError, "PPPK"):
            employee.asn_status = "pns"
        with self.assertRefused(ValidationError, "golongan"):
            employee.asn_golongan = "III/a"

    def test_tugas_belajar(self):
        employee = self.emp["S.dinas"]
        employee.write({"tb_date_from": "2025-08-25", "tb_date_to": "2099-08-31", "tb_institution": "UNPAD"})
        self.assertTrue(employee.on_tugas_belajar)
        self.assertIn(employee, self.env["hr.employee"].search([("on_tugas_belajar", "=", True)]))
        with self.assertRefused(ValidationError, "tugas belajar"):
            employee.tb_date_to = "2024-01-01"


@tagged("post_install", "-at_install")
class TestRecomputePerformance(HrAsnCityCase):
    def _reset(self):
        self.env.cr.execute("UPDATE hr_employee SET pejabat_penilai_id = NULL, assessor_source = NULL "
                            "WHERE company_id = %s", [self.company.id])
        self.env.invalidate_all()

    def test_recompute_is_a_set_operation(self):
        """The whole city costs the same number of queries whatever its size."""
        Employee = self.env["hr.employee"]
        roots = self.env["hr.department"].search([("asn_opd_kind", "!=", False), ("company_id", "=", self.company.id)])
        self._reset()
        with self.assertQueryCount(11):  # the UPDATE counts too; the stored Lampiran II code is not recomputed
            changed = Employee._asn_recompute_assessors(roots)
        self.assertEqual(changed, Employee.search_count([("company_id", "=", self.company.id)]))
        Employee.with_context(hr_asn_no_recompute=True).create([
            {"name": "extra %s" % i, "department_id": self.units["dseksi"].id} for i in range(300)
        ])
        self._reset()
        with self.assertQueryCount(11):  # the UPDATE counts too; the stored Lampiran II code is not recomputed
            Employee._asn_recompute_assessors(roots)
        self.assertAssessors(Employee.search([("name", "=", "extra 7")]), "H.dseksi", "H.dbid", "4.g")

    def test_recompute_leaves_nothing_to_compute(self):
        """The UPDATE writes the stored Lampiran II code itself: nothing is left for the next flush to recompute
        for every employee of the city (that flush cost 1.1 s at 20,000)."""
        Employee = self.env["hr.employee"]
        roots = self.env["hr.department"].search([("asn_opd_kind", "!=", False), ("company_id", "=", self.company.id)])
        with_row = Employee.search_count([("company_id", "=", self.company.id), ("lampiran2_row_id", "!=", False)])
        self.assertGreater(with_row, 100)
        self.env.cr.execute("UPDATE hr_employee SET lampiran2_row_id = NULL, lampiran2_row = NULL "
                            "WHERE company_id = %s", [self.company.id])
        self.env.invalidate_all()
        changed = Employee._asn_recompute_assessors(roots)
        self.assertEqual(changed, with_row)
        self.assertFalse(self.env.records_to_compute(Employee._fields["lampiran2_row"]))
        self.env.invalidate_all()
        employee = Employee.search([("company_id", "=", self.company.id), ("lampiran2_row_id", "!=", False)], limit=1)
        self.assertEqual(employee.lampiran2_row, employee.lampiran2_row_id.code)
        self.assertEqual(with_row, Employee.search_count([("company_id", "=", self.company.id),
                                                          ("lampiran2_row", "!=", False)]))
