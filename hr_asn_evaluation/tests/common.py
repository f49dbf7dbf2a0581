"""The test city of hr_asn_performance with set SKPs, months and a capaian, ready to evaluate."""
from odoo import fields

from odoo.addons.hr_asn_performance.tests.common import HrAsnSkpCase


class HrAsnEvaluationCase(HrAsnSkpCase):
    """The cascade of HrAsnSkpCase (Kepala Dinas -> Kepala Bidang -> Kepala Seksi -> staff): ``user_penilai``
    (the Kepala Seksi) rates ``user_pegawai`` (the staff member, cls.skp); ``user_kabid`` is the staff
    member's Atasan Pejabat Penilai, who decides a keberatan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_staff_skp()
        cls.Period = cls.env["hr.asn.evaluation.period"]
        cls.Evaluation = cls.env["hr.asn.evaluation"]

    @classmethod
    def set_capaian(cls, unit, capaian, period_kind="month", period=3, year=None):
        """The capaian kinerja organisasi of ``unit`` for a period, set by hand by BKPSDM."""
        record = cls.env["hr.asn.capaian.organisasi"].sudo().create({
            "department_id": unit.id, "year": year or cls.YEAR, "period_kind": period_kind, "period": period,
            "mode": "manual", "capaian": capaian, "basis": "Laporan capaian %s" % unit.name,
        })
        record.action_set()
        return record

    @classmethod
    def make_period(cls, period_kind="month", period=3, kind="periodic", year=None):
        return cls.Period.sudo().create({"company_id": cls.company.id, "kind": kind, "period_kind": period_kind,
                                         "year": year or cls.YEAR, "period": period})

    @classmethod
    def generate(cls, period):
        """The period's teams and evaluations, as the background job makes them."""
        teams = period._asn_make_teams()
        teams._asn_generate()
        return teams

    @classmethod
    def add_staff(cls, count, unit="dseksi", start=500):
        """``count`` more staff in ``unit`` (assessed by its head), each with a set SKP cascading from it."""
        Employee = cls.env["hr.employee"].with_context(tracking_disable=True)
        employees = Employee.create([{
            "name": "Staf %s %s" % (unit, index), "department_id": cls.units[unit].id, "company_id": cls.company.id,
            "asn_status": "pns", "nip": cls.make_nip(start + index), "asn_golongan": "III/a",
            "job_title": "Pelaksana", "asn_position_kind": "pelaksana",
        } for index in range(count)])
        keys = []
        for employee in employees:
            key = "X.%s" % employee.id
            cls.emp[key] = employee
            keys.append(key)
        skps = cls.env["hr.asn.skp"]
        for key in keys:
            skps |= cls.make_skp(key, parent_rhk=cls.kasi.rhk_ids[0])
        skps.action_submit()
        skps.action_set()
        return employees

    @staticmethod
    def team_of(period, user):
        return period.team_ids.filtered(lambda team: team.penilai_user_id == user)

    @classmethod
    def rate(cls, evaluations, hasil, perilaku, user=None):
        evaluations.with_user(user or cls.user_penilai).write({"rating_hasil": hasil, "rating_perilaku": perilaku})

    @staticmethod
    def day(text):
        return fields.Date.to_date(text)
