"""A small city for the Odoo tests: one Perangkat Daerah of each Lampiran II kind (lampiran2_cases)."""
from contextlib import contextmanager

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

from ..rules import nip as nip_rules
from . import lampiran2_cases as cases


class JobCronMixin:
    """Runs hr.asn.job's cron in a test; the class sets ``cron`` (hr_asn_performance.ir_cron_hr_asn_job)."""

    def run_cron(self, time_budget=None, failing=False):
        """The cron's code as ir.cron runs it, with a progress record; returns the progress it reported.
        ``failing``: a job is meant to fail, and its error is logged (checked, not left in the build's log)."""
        cron, progress = self.cron._add_progress()
        if failing:
            with self.assertLogs("odoo.addons.hr_asn_performance.models.hr_asn_job", level="ERROR"):
                cron.env["hr.asn.job"]._cron_run(time_budget=time_budget)
        else:
            cron.env["hr.asn.job"]._cron_run(time_budget=time_budget)
        self.env.invalidate_all()
        return progress


class HrAsnCityCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a Pemda of its own, so that the tests hold in a database with the demo city too
        cls.company = cls.env["res.company"].create({
            "name": "Pemerintah Kota Uji", "asn_region_head_title": "wali_kota", "asn_region_head_name": "Budi Santoso",
        })
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        Department = cls.env["hr.department"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        cls.units = {}
        for key, parent, kind, code in cases.UNITS:
            vals = {"name": "Unit %s" % key, "company_id": cls.company.id,
                    "parent_id": cls.units[parent].id if parent else False}
            if kind.startswith("opd:"):
                vals["asn_opd_kind"] = kind[4:]
            else:
                vals["asn_unit_kind"] = kind
                vals["asn_function_code"] = code or False
            cls.units[key] = Department.create(vals).with_env(cls.env)
        vals_list = []
        keys = cases.employee_keys()
        for sequence, (key, unit, _head, special) in enumerate(keys, start=1):
            vals_list.append({
                "name": key,
                "department_id": cls.units[unit].id,
                "company_id": cls.company.id,
                "asn_special_role": special or False,
                "asn_status": "pns",
                "nip": cls.make_nip(sequence),
            })
        employees = Employee.create(vals_list)
        cls.emp = {key: employee.with_env(cls.env) for (key, *_rest), employee in zip(keys, employees, strict=True)}
        for key, *_rest in cases.UNITS:
            cls.units[key].with_context(hr_asn_no_recompute=True).manager_id = cls.emp["H." + key]
        cls.env["hr.employee"]._asn_recompute_assessors()
        cls.region_head = cls.company._asn_region_head_label()

    @classmethod
    def make_pemda(cls, name, nip_start=900):
        """A second Pemda (company) with one Dinas, a Bidang and a Seksi, each with a head (``H.<key>``)
        and a staff member (``S.<key>``): returns (company, units, employees) keyed as in the city."""
        company = cls.env["res.company"].create({
            "name": name, "asn_region_head_title": "wali_kota", "asn_region_head_name": "Kepala %s" % name})
        Department = cls.env["hr.department"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        units = {}
        for key, parent, kind in (("dinas", None, "opd:dinas"), ("dbid", "dinas", "bidang"),
                                  ("dseksi", "dbid", "seksi")):
            units[key] = Department.create({
                "name": "%s %s" % (name, key), "company_id": company.id,
                "parent_id": units[parent].id if parent else False,
                ("asn_opd_kind" if kind.startswith("opd:") else "asn_unit_kind"): kind.removeprefix("opd:"),
            })
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        keys = ["%s.%s" % (prefix, key) for prefix in ("H", "S") for key in units]
        employees = dict(zip(keys, Employee.create([{
            "name": "%s %s" % (name, key), "company_id": company.id, "department_id": units[key[2:]].id,
            "asn_status": "pns", "nip": cls.make_nip(sequence),
        } for sequence, key in enumerate(keys, start=nip_start)]), strict=True))
        for key, unit in units.items():
            unit.with_context(hr_asn_no_recompute=True).manager_id = employees["H." + key]
        cls.env["hr.employee"]._asn_recompute_assessors()
        return company, units, employees

    @staticmethod
    def make_nip(sequence, pppk=False):
        import datetime

        return nip_rules.build(datetime.date(1980, 1, 1), 2005, 0 if pppk else 3, "male", sequence)

    @contextmanager
    def assertRefused(self, exception, text):
        """``assertRaises`` (which rolls back to a savepoint) that also checks the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    def assertAssessors(self, employee, penilai, atasan, row=None):
        """``penilai``/``atasan``: a key of ``self.emp`` or ``KD`` for the Wali Kota."""
        def name(record, official):
            if official:
                self.assertFalse(record, "the head of region is named, not linked")
                return "KD" if official == self.region_head else official
            return record.name or None

        employee.invalidate_recordset()
        got = (
            name(employee.pejabat_penilai_id, employee.pejabat_penilai_official),
            name(employee.atasan_pejabat_penilai_id, employee.atasan_pejabat_penilai_official),
        )
        self.assertEqual(got, (penilai, atasan), "assessors of %s" % employee.name)
        if row is not None:
            self.assertEqual(employee.lampiran2_row or "", row, "Lampiran II row of %s" % employee.name)


class HrAsnRoleUsersCase(HrAsnCityCase):
    """The city plus a user for each role of hr_asn_performance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_pegawai = cls.make_user("asn_pegawai", "employee")
        cls.user_penilai = cls.make_user("asn_penilai", "penilai")
        cls.user_admin_opd = cls.make_user("asn_admin_opd", "admin_opd")
        cls.user_admin = cls.make_user("asn_bkpsdm", "admin")
        cls.user_admin_opd.asn_admin_department_ids = cls.units["dinas"]
        cls.emp["S.dseksi"].user_id = cls.user_pegawai
        cls.emp["H.dseksi"].user_id = cls.user_penilai
        cls.emp["S.dsek"].user_id = cls.user_admin_opd

    @classmethod
    def make_user(cls, login, role):
        """A user of the test Pemda with the group ``group_hr_asn_performance_<role>``."""
        return new_test_user(cls.env, login, groups="hr_asn_performance.group_hr_asn_performance_" + role,
                             company_id=cls.company.id, company_ids=[(6, 0, cls.company.ids)])


class HrAsnSkpCase(HrAsnRoleUsersCase):
    """The city with its users, and helpers to write SKPs. The cascade of the tests runs three levels
    deep in the Dinas: Kepala Dinas (assessed by the Wali Kota) -> Kepala Bidang -> Kepala Seksi ->
    staff of the Seksi (``user_pegawai``); ``user_penilai`` is the Kepala Seksi, ``user_kabid`` the
    Kepala Bidang, ``user_other`` a staff member of the Sub Bagian (somebody else's SKP)."""

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_kabid = cls.make_user("asn_kabid", "penilai")
        cls.user_other = cls.make_user("asn_other", "employee")
        cls.emp["H.dbid"].user_id = cls.user_kabid
        cls.emp["S.dsub"].user_id = cls.user_other
        cls.company.asn_sign_place = "Kota Uji"
        for key, golongan, job in (("H.dinas", "IV/c", "Kepala Dinas"), ("H.dbid", "IV/a", "Kepala Bidang"),
                                   ("H.dseksi", "III/d", "Kepala Seksi"), ("S.dseksi", "III/b", "Analis"),
                                   ("S.dsub", "II/c", "Pengadministrasi")):
            cls.emp[key].write({"asn_golongan": golongan, "job_title": job,
                                "asn_position_kind": "jpt" if key == "H.dinas" else "administrator"})
        cls.Skp = cls.env["hr.asn.skp"]

    @classmethod
    def make_skp(cls, key, approach="kualitatif", parent_rhk=None, rhk_count=1, iki_count=1, **vals):
        """A draft SKP of ``self.emp[key]`` with RHK utama (each with IKI and targets), made by BKPSDM."""
        quantitative = approach == "kuantitatif"
        rhk_vals = []
        for r in range(1, rhk_count + 1):
            ikis = [fields.Command.create({
                "aspect": "kuantitas", "name": "IKI %s.%s of %s" % (r, i, key),
                "target_value": 12 if quantitative else 0, "target_unit": "dokumen" if quantitative else False,
                "target_text": False if quantitative else "Tersusun tepat waktu",
                "perspective": "proses_bisnis",
            }) for i in range(1, iki_count + 1)]
            rhk_vals.append(fields.Command.create({
                "kind": "utama", "name": "RHK %s of %s" % (r, key), "assigned_by": "Kepala Dinas",
                "parent_rhk_id": parent_rhk.id if parent_rhk else False, "iki_ids": ikis,
            }))
        return cls.Skp.create(dict({"employee_id": cls.emp[key].id, "year": cls.YEAR, "approach": approach,
                                    "rhk_ids": rhk_vals}, **vals))

    @classmethod
    def set_skp(cls, skp):
        """Submit and set as the superuser (who may act for anybody): for tests about what comes after."""
        skp.action_submit()
        skp.action_set()
        return skp

    @classmethod
    def make_staff_skp(cls):
        """The cascade of make_cascade (cls.kadis, cls.kabid, cls.kasi) and, under the Kepala Seksi, the
        set SKP of the staff member ``user_pegawai`` (cls.skp)."""
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.skp = cls.set_skp(cls.make_skp("S.dseksi", parent_rhk=cls.kasi.rhk_ids[0]))
        return cls.skp

    @classmethod
    def make_cascade(cls):
        """Set SKPs three levels deep: Kepala Dinas -> Kepala Bidang -> Kepala Seksi; staff drafts."""
        kadis = cls.set_skp(cls.make_skp("H.dinas"))
        kabid = cls.set_skp(cls.make_skp("H.dbid", parent_rhk=kadis.rhk_ids[0]))
        kasi = cls.set_skp(cls.make_skp("H.dseksi", parent_rhk=kabid.rhk_ids[0]))
        return kadis, kabid, kasi
