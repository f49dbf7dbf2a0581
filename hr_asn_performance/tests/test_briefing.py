"""Briefing and its attendance recap (Kota Semarang, seed 002 "Pengisian Briefing"; rules/briefing.py)."""
import datetime
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..controllers.compliance import write_workbook
from .common import HrAsnRoleUsersCase

TODAY = datetime.date(2026, 11, 18)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-18 09:00:00")
class TestBriefing(HrAsnRoleUsersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        cls.seksi = cls.units["dseksi"]
        cls.staff2, cls.staff3, cls.contractor = Employee.create([
            {"name": "Staf Dua", "department_id": cls.seksi.id, "company_id": cls.company.id, "asn_status": "pns",
             "nip": cls.make_nip(801)},
            {"name": "Staf Tiga", "department_id": cls.seksi.id, "company_id": cls.company.id, "asn_status": "pppk",
             "nip": cls.make_nip(802, pppk=True)},
            {"name": "Tenaga Non-ASN", "department_id": cls.seksi.id, "company_id": cls.company.id},
        ])
        cls.user_other = cls.make_user("asn_brief_other", "employee")
        cls.emp["S.dsub"].user_id = cls.user_other

    def record(self, user=None, day=TODAY, unit=None, leader=None, **vals):
        Briefing = self.env["hr.asn.briefing"].with_user(user or self.user_penilai)
        return Briefing.create(dict({
            "unit_id": (unit or self.seksi).id, "date": day, "topic": "Realisasi bulan ini",
            "leader_id": (leader or self.emp["H.dseksi"]).id}, **vals))

    def line(self, briefing, employee):
        return briefing.attendance_ids.filtered(lambda a: a.employee_id == employee)

    def test_the_unit_is_listed_present_but_the_leader_and_non_asn(self):
        briefing = self.record()
        self.assertEqual(briefing.attendance_ids.employee_id,
                         self.emp["S.dseksi"] | self.staff2 | self.staff3)
        self.assertEqual(set(briefing.attendance_ids.mapped("status")), {"present"})
        self.assertEqual((briefing.attendee_count, briefing.present_count, briefing.absent_count), (3, 3, 0))

    def test_away_with_a_reason_is_present_with_a_note(self):
        briefing = self.record()
        line = self.line(briefing, self.staff2)
        with self.assertRefused(ValidationError, "give the reason as a note"):
            line.with_user(self.user_penilai).status = "sick"
        line.with_user(self.user_penilai).write({"status": "sick", "note": "Surat keterangan dokter"})
        self.line(briefing, self.staff3).with_user(self.user_penilai).status = "absent"
        self.assertTrue(line.is_present)
        self.assertEqual((briefing.present_count, briefing.absent_count), (2, 1))

    def test_approved_time_off_prefills_the_note(self):
        """With Odoo's Time Off (hr_holidays) installed, an approved leave covering the day lists its employee
        present with the leave type as the note (seed 002): "Cuti Sakit" as sick, "Dinas Luar" as official
        travel; a leave still waiting for approval, or one on another day, leaves the person present."""
        if "hr.leave" not in self.env:
            self.skipTest("Odoo's Time Off (hr_holidays) is not installed")
        LeaveType = self.env["hr.leave.type"]
        approved = {"requires_allocation": "no", "leave_validation_type": "no_validation"}
        sick = LeaveType.create(dict(approved, name="Cuti Sakit"))
        duty = LeaveType.create(dict(approved, name="Dinas Luar"))
        waiting = LeaveType.create({"name": "Cuti Tahunan", "requires_allocation": "no",
                                    "leave_validation_type": "hr"})
        day = TODAY.isoformat()
        leaves = self.env["hr.leave"].create([
            {"employee_id": self.staff2.id, "holiday_status_id": sick.id, "request_date_from": day,
             "request_date_to": day},
            {"employee_id": self.staff3.id, "holiday_status_id": duty.id, "request_date_from": "2026-11-16",
             "request_date_to": "2026-11-20"},
            {"employee_id": self.emp["S.dseksi"].id, "holiday_status_id": waiting.id, "request_date_from": day,
             "request_date_to": day},
            {"employee_id": self.emp["S.dseksi"].id, "holiday_status_id": sick.id,
             "request_date_from": "2026-11-19", "request_date_to": "2026-11-19"},
        ])
        self.assertEqual(leaves.mapped("state"), ["validate", "validate", "confirm", "validate"])
        briefing = self.record()
        self.assertEqual([(line.status, line.note or False, line.is_present) for line in (
            self.line(briefing, self.staff2), self.line(briefing, self.staff3),
            self.line(briefing, self.emp["S.dseksi"]))],
            [("sick", "Cuti Sakit", True), ("duty", "Dinas Luar", True), ("present", False, True)])
        self.assertEqual((briefing.present_count, briefing.absent_count), (3, 0))

    def test_only_the_head_or_the_plt_leads(self):
        with self.assertRefused(ValidationError, "does not lead"):
            self.record(leader=self.emp["S.dseksi"])
        # the Kepala Seksi cannot record the Sub Bagian's briefing in his own name
        with self.assertRefused(ValidationError, "does not lead"):
            self.record(unit=self.units["dsub"])
        self.env["hr.asn.acting.assignment"].create({
            "employee_id": self.emp["S.dseksi"].id, "department_id": self.seksi.id, "kind": "plh",
            "date_from": TODAY - datetime.timedelta(days=2), "date_to": TODAY})
        briefing = self.record(user=self.user_admin_opd, leader=self.emp["S.dseksi"])
        self.assertNotIn(self.emp["S.dseksi"], briefing.attendance_ids.employee_id)
        with self.assertRefused(ValidationError, "does not lead"):
            self.record(user=self.user_admin_opd, leader=self.emp["S.dseksi"], day=TODAY - datetime.timedelta(days=5))

    def test_refusals(self):
        with self.assertRefused(ValidationError, "cannot be in the future"):
            self.record(day=TODAY + datetime.timedelta(days=1))
        with self.assertRefused(ValidationError, "too long"):
            self.record(topic="x" * 5000)
        briefing = self.record()
        with self.assertRefused(ValidationError, "does not work in"):
            briefing.with_user(self.user_penilai).attendance_ids = [
                (0, 0, {"employee_id": self.emp["S.dsub"].id})]
        with self.assertRefused(UserError, "cannot change"):
            briefing.with_user(self.user_penilai).date = TODAY - datetime.timedelta(days=1)
        self.assertEqual(briefing.date, TODAY)

    def test_who_sees_and_changes_a_briefing(self):
        briefing = self.record()
        # the staff member reads the briefing and their own line, changes nothing
        as_staff = briefing.with_user(self.user_pegawai)
        self.assertEqual(as_staff.topic, "Realisasi bulan ini")
        self.assertEqual(self.env["hr.asn.briefing.attendance"].with_user(self.user_pegawai).search([]).employee_id,
                         self.emp["S.dseksi"])
        with self.assertRaises(AccessError):
            as_staff.with_context(active_test=False, tracking_disable=True).write({"topic": "Forged"})
        with self.assertRaises(AccessError):
            self.line(briefing, self.emp["S.dseksi"]).with_user(self.user_pegawai).write({"status": "absent"})
        # somebody of another unit does not see it at all
        self.assertFalse(self.env["hr.asn.briefing"].with_user(self.user_other).search([]))
        with self.assertRaises(AccessError):
            briefing.with_user(self.user_other).check_access("read")
        # the Admin Kepegawaian OPD of the Dinas sees and corrects it, BKPSDM too
        self.line(briefing, self.staff2).with_user(self.user_admin_opd).write({"status": "duty", "note": "SPT 12"})
        self.assertIn(briefing, self.env["hr.asn.briefing"].with_user(self.user_admin).search([]))
        # another Pejabat Penilai cannot touch a briefing they did not lead
        self.emp["H.dsub"].user_id = self.user_kabid = self.make_user("asn_brief_kasub", "penilai")
        with self.assertRaises(AccessError):
            briefing.with_user(self.user_kabid).write({"notes": "Forged"})

    def test_monthly_recap(self):
        first = self.record(day=datetime.date(2026, 11, 2))
        second = self.record(day=datetime.date(2026, 11, 9))
        self.record(day=datetime.date(2026, 10, 26))
        self.line(first, self.staff2).write({"status": "leave", "note": "Cuti tahunan"})
        self.line(second, self.staff2).status = "absent"
        self.env.flush_all()
        Recap = self.env["hr.asn.briefing.recap"]
        row = Recap.search([("employee_id", "=", self.staff2.id), ("month", "=", "2026-11-01")])
        self.assertEqual((row.held, row.present, row.noted, row.absent, row.rate), (2, 1, 1, 1, 50.0))
        self.assertEqual(Recap.with_user(self.user_pegawai).search([]).employee_id, self.emp["S.dseksi"])
        self.assertEqual(len(Recap.with_user(self.user_penilai).search([])), 6)
        self.assertFalse(Recap.with_user(self.user_other).search([]))
        data = Recap.search([("unit_id", "=", self.seksi.id)])._asn_xlsx_data()
        self.assertEqual(data["totals"][0][:2], ["2026-11", self.seksi.name])
        self.assertEqual(data["totals"][0][4:], [6, 5, 1, 1, 83.3])
        self.assertEqual(len(data["rows"]), 6)
        # the workbook a user opens: the name and the NIP (18 digits) fit their columns
        content = write_workbook(data["title"], data["sheet"], data["columns"], data["rows"], data["totals"],
                                 data["widths"])
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.cell(row=4, column=3).value, data["rows"][0][2])
        self.assertGreaterEqual(sheet.column_dimensions["C"].width, 32)
        self.assertGreaterEqual(sheet.column_dimensions["D"].width, 19)
