"""The small city of hr_asn_performance (HrAsnCityCase) made ready for 360° ratings.

Kinds of position: heads of a Perangkat Daerah are JPT, other heads Pengawas, staff Pelaksana. The Seksi
``dseksi`` (Dinas) gets five more Pelaksana (``P1.dseksi``...``P5.dseksi``) so that its staff have peers.
Users: the role users of HrAsnRoleUsersCase (``S.dseksi`` Pegawai, ``H.dseksi`` Pejabat Penilai,
``S.dsek`` Admin Kepegawaian OPD of the Dinas, an Admin BKPSDM) and a portal user for ``P1.dseksi``.
"""
from urllib.parse import urlparse

from odoo.tests import new_test_user

from odoo.addons.hr_asn_performance.tests import lampiran2_cases as cases
from odoo.addons.hr_asn_performance.tests.common import HrAsnRoleUsersCase

VALUES = ("berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif")


class HrAsn360Case(HrAsnRoleUsersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        opd_keys = {key for key, _parent, kind, _code in cases.UNITS if kind.startswith("opd:")}
        kinds = {"jpt": Employee, "pengawas": Employee, "pelaksana": Employee}
        for key, employee in cls.emp.items():
            if key.startswith("H."):
                kind = "jpt" if key[2:] in opd_keys else "pengawas"
            else:
                kind = "pelaksana"
            kinds[kind] |= employee
        for kind, employees in kinds.items():
            employees.write({"asn_position_kind": kind})
        extra = Employee.create([{
            "name": "P%d.dseksi" % number, "department_id": cls.units["dseksi"].id, "company_id": cls.company.id,
            "asn_status": "pns", "asn_position_kind": "pelaksana", "nip": cls.make_nip(900 + number),
        } for number in range(1, 6)])
        for employee in extra:
            cls.emp[employee.name] = employee.with_env(cls.env)
        cls.env["hr.employee"]._asn_recompute_assessors()
        company = {"company_id": cls.company.id, "company_ids": [(6, 0, cls.company.ids)]}
        cls.user_portal = new_test_user(cls.env, "asn360_portal", groups="base.group_portal", **company)
        cls.emp["P1.dseksi"].user_id = cls.user_portal
        cls.user_peer = new_test_user(cls.env, "asn360_peer",
                                      groups="hr_asn_performance.group_hr_asn_performance_employee", **company)
        cls.emp["P2.dseksi"].user_id = cls.user_peer
        cls.Round = cls.env["hr.asn360.round"]
        cls.Assignment = cls.env["hr.asn360.assignment"]
        cls.Result = cls.env["hr.asn360.result"]

    # ------------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------------
    @classmethod
    def make_round(cls, year=2026, semester="1", generate=True, **values):
        round_ = cls.env["hr.asn360.round"].create(dict({
            "name": "Penilaian Perilaku 360 Semester %s %s" % (semester, year),
            "year": year, "semester": semester, "company_id": cls.company.id,
            "date_open": "%s-%s-01" % (year, "06" if semester == "1" else "11"),
            "date_close": "%s-%s-20" % (year, "06" if semester == "1" else "11"),
        }, **values))
        if generate:
            cls.generate(round_)
        return round_

    @classmethod
    def run_jobs(cls):
        """Run the queued background jobs (hr.asn.job) as the cron does, in this transaction."""
        cls.env["hr.asn.job"]._cron_run()

    @classmethod
    def generate(cls, round_):
        """Press Generate Raters (a background job) and let the job run."""
        round_.action_generate_assignments()
        cls.run_jobs()
        round_.invalidate_recordset()
        return round_

    @classmethod
    def close(cls, round_):
        """Press Close (a background job computes the results and closes) and let the job run."""
        round_.action_close()
        cls.run_jobs()
        round_.invalidate_recordset()
        return round_

    def assignments(self, round_, ratee, role=None, rater=None):
        domain = [("round_id", "=", round_.id), ("ratee_id", "=", self.emp[ratee].id)]
        if role:
            domain.append(("role", "=", role))
        if rater:
            domain.append(("rater_id", "=", self.emp[rater].id))
        return self.Assignment.search(domain)

    def result(self, round_, key):
        return self.Result.search([("round_id", "=", round_.id), ("employee_id", "=", self.emp[key].id)])

    def answer(self, assignments, stars, submit=True, comment=None):
        """Rate (as superuser) with ``stars`` for every value, or {value_code: stars}."""
        for assignment in assignments:
            questions = assignment.round_id.question_ids
            values = {
                question.id: stars[question.value_code] if isinstance(stars, dict) else stars
                for question in questions
            }
            if comment is not None:
                values["comment"] = comment
            assignment.action_save_answers(values)
            if submit:
                assignment.action_submit()

    def assertSentAway(self, response, paths=("/my",)):
        """A portal request that was refused: redirected (never an error page that happens to lack the
        secret) and landed with 200 on one of ``paths``."""
        self.assertTrue(response.history, f"not redirected: {response.status_code} {response.url}")
        self.assertEqual(response.status_code, 200, response.url)
        self.assertIn(urlparse(response.url).path, paths)

    def add_rater(self, round_, ratee, rater, role):
        return self.Assignment.create({
            "round_id": round_.id, "ratee_id": self.emp[ratee].id, "rater_id": self.emp[rater].id, "role": role,
        })

    def only_raters(self, round_, ratee, keep):
        """Keep, among the assignments about ``ratee``, only those of the rater keys in ``keep``."""
        assignments = self.assignments(round_, ratee)
        assignments.filtered(lambda a: a.rater_id.name not in keep).unlink()
        return self.assignments(round_, ratee)


