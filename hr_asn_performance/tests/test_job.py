"""Background jobs (hr.asn.job): batches on Odoo's cron, failure and retry, and who may see or touch a job.

The job under test is a real one: the Lampiran II recompute of employees (hr.employee
``_asn_recompute_assessors_job``), run as the Admin Kepegawaian OPD who queued it.
"""
import resource
import time
from unittest.mock import patch

from odoo import sql_db
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import JobCronMixin

METHOD = "_asn_recompute_assessors_job"


@tagged("post_install", "-at_install")
class TestJob(JobCronMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({
            "name": "Pemerintah Kota Antrian", "asn_region_head_title": "wali_kota",
            "asn_region_head_name": "Budi Santoso",
        })
        cls.other_company = cls.env["res.company"].create({"name": "Pemerintah Kota Lain"})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        # loaded without the recompute: every staff member waits for a job to get a Pejabat Penilai
        Department = cls.env["hr.department"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        cls.staff, cls.kabid, cls.dinas = {}, {}, {}
        for key in ("a", "b"):  # Dinas A before Dinas B: a batch holding both does A first
            dinas = Department.create({"name": "Dinas %s" % key.upper(), "company_id": cls.company.id,
                                       "asn_opd_kind": "dinas"})
            bidang = Department.create({"name": "Bidang %s" % key.upper(), "company_id": cls.company.id,
                                        "parent_id": dinas.id, "asn_unit_kind": "bidang"})
            kadis, kabid = Employee.create([
                {"name": "Kadis %s" % key, "company_id": cls.company.id, "department_id": dinas.id},
                {"name": "Kabid %s" % key, "company_id": cls.company.id, "department_id": bidang.id},
            ])
            dinas.with_context(hr_asn_no_recompute=True).manager_id = kadis
            bidang.with_context(hr_asn_no_recompute=True).manager_id = kabid
            cls.dinas[key], cls.kabid[key] = dinas, kabid
            cls.staff[key] = Employee.create([
                {"name": "Staf %s%s" % (key, n), "company_id": cls.company.id, "department_id": bidang.id}
                for n in (1, 2, 3)
            ])
        cls.admin_a = new_test_user(
            cls.env, "job_admin_a", groups="hr_asn_performance.group_hr_asn_performance_admin_opd",
            company_id=cls.company.id, company_ids=[cls.company.id],
            asn_admin_department_ids=[cls.dinas["a"].id])
        cls.pegawai = new_test_user(
            cls.env, "job_pegawai", groups="hr_asn_performance.group_hr_asn_performance_employee",
            company_id=cls.company.id, company_ids=[cls.company.id])
        cls.outsider = new_test_user(
            cls.env, "job_admin_other", groups="hr_asn_performance.group_hr_asn_performance_admin_opd",
            company_id=cls.other_company.id, company_ids=[cls.other_company.id])
        cls.cron = cls.env.ref("hr_asn_performance.ir_cron_hr_asn_job")

    def enqueue(self, user, employees, batch_size=2, name="Recompute Pejabat Penilai"):
        Job = self.env["hr.asn.job"].with_user(user)
        return Job._asn_enqueue(employees.with_user(user), METHOD, name, batch_size=batch_size)

    def as_outsider(self, records):
        """``records`` as the Admin Kepegawaian OPD of another Pemda, in their own company."""
        return records.with_user(self.outsider).with_context(allowed_company_ids=self.other_company.ids)

    def penilai(self, employees):
        employees.invalidate_recordset(["pejabat_penilai_id"])
        return [employee.pejabat_penilai_id for employee in employees]

    def bus_messages(self, user):
        self.env.cr.precommit.run()
        return self.env["bus.bus"].sudo().search([
            ("channel", "like", '"res.partner",%s]' % user.partner_id.id),
            ("message", "like", "simple_notification"),
        ]).mapped("message")

    def test_job_runs_in_batches_to_done(self):
        staff = self.staff["a"]
        self.assertEqual(self.penilai(staff), [self.env["hr.employee"]] * 3)
        triggers_before = self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)])
        job = self.enqueue(self.admin_a, staff)
        self.assertEqual((job.state, job.total, job.done, job.progress), ("queued", 3, 0, 0.0))
        self.assertEqual(job.user_id, self.admin_a)
        self.assertEqual(job.company_id, self.company)
        self.assertEqual(self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)]),
                         triggers_before + 1, "queuing wakes the cron up")

        progress = self.run_cron()
        self.assertEqual((job.state, job.done, job.progress), ("done", 3, 100.0))
        self.assertTrue(job.date_done)
        self.assertFalse(job.error)
        self.assertEqual((progress.done, progress.remaining), (3, 0))
        self.assertEqual(self.penilai(staff), [self.kabid["a"]] * 3)
        notified = job.message_ids.filtered(lambda m: self.admin_a.partner_id in m.partner_ids)
        self.assertEqual(len(notified), 1)
        self.assertIn("is done: 3 records processed", notified.body)
        self.assertTrue(any("is done" in message for message in self.bus_messages(self.admin_a)))
        # the user who queued it follows it in the list of their jobs
        mine = self.env["hr.asn.job"].with_user(self.admin_a).search([("user_id", "=", self.admin_a.id)])
        self.assertEqual(mine, job)

    def test_two_lanes_split_the_records_and_a_job_held_by_the_other_lane_is_passed_over(self):
        """lanes=2: two jobs of consecutive records, both crons woken; a cron passes over the job that the
        other cron's database session holds (its advisory lock), and runs it once released."""
        staff, nobody = self.staff["a"], self.env["hr.employee"]
        cron_2 = self.env.ref("hr_asn_performance.ir_cron_hr_asn_job_2")
        triggers_before = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron_2.id)])
        first, second = jobs = self.env["hr.asn.job"].with_user(self.admin_a)._asn_enqueue(
            staff.with_user(self.admin_a), METHOD, "Recompute", batch_size=1, lanes=2)
        self.assertEqual(jobs.mapped("name"), ["Recompute (1/2)", "Recompute (2/2)"])
        self.assertEqual((first.record_ids, second.record_ids), (staff.ids[:2], staff.ids[2:]))
        self.assertEqual(self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron_2.id)]),
                         triggers_before + 1, "queuing wakes the second lane too")
        # one batch only: one job, whatever lanes says
        single = self.env["hr.asn.job"].with_user(self.admin_a)._asn_enqueue(
            staff.with_user(self.admin_a), METHOD, "Recompute Pejabat Penilai", batch_size=5, lanes=2)
        self.assertEqual((len(single), single.name), (1, "Recompute Pejabat Penilai"))
        single.sudo().unlink()

        other_lane = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other_lane.execute("SELECT pg_try_advisory_lock(%s, %s)", (first._asn_lock_key, first.id))
            self.assertTrue(other_lane.fetchone()[0])
            progress = self.run_cron()
            self.assertEqual((first.state, second.state), ("queued", "done"))
            self.assertEqual((progress.done, progress.remaining), (1, 2))
            self.assertEqual(self.penilai(staff), [nobody, nobody, self.kabid["a"]])
        finally:
            other_lane.execute("SELECT pg_advisory_unlock(%s, %s)", (first._asn_lock_key, first.id))
            other_lane.close()
        progress = self.run_cron()
        self.assertEqual((first.state, first.done, progress.done, progress.remaining), ("done", 2, 2, 0))
        self.assertEqual(self.penilai(staff), [self.kabid["a"]] * 3)
        # the lane released what it held: another session takes either job at once
        check = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            check.execute("SELECT pg_try_advisory_lock(%s, %s), pg_try_advisory_lock(%s, %s)",
                          (first._asn_lock_key, first.id, second._asn_lock_key, second.id))
            self.assertEqual(check.fetchone(), (True, True))
            check.execute("SELECT pg_advisory_unlock_all()")
        finally:
            check.close()

    def test_time_budget_leaves_the_rest_for_the_next_run(self):
        """With its budget spent the cron reports what is left, which makes Odoo run it again at once."""
        job = self.enqueue(self.admin_a, self.staff["a"], batch_size=1)
        progress = self.run_cron(time_budget=0)
        self.assertEqual((job.state, job.done, round(job.progress, 1)), ("running", 1, 33.3))
        self.assertEqual((progress.done, progress.remaining), (1, 2))
        self.assertEqual(self.penilai(self.staff["a"]), [self.kabid["a"], self.env["hr.employee"],
                                                         self.env["hr.employee"]])
        progress = self.run_cron()
        self.assertEqual((job.state, job.done), ("done", 3))
        self.assertEqual((progress.done, progress.remaining), (2, 0))

    def test_worker_limits_end_the_unit_of_work_in_time(self):
        """Under Odoo's prefork server a cron worker is killed past limit_time_cpu (60 s of CPU by default) in a
        unit of work, which runs the cron up to 10 times: the budget is the unit's, no batch starts with it
        spent or with less CPU left than a batch needs, and a trigger wakes a worker for the next unit."""
        Job = type(self.env["hr.asn.job"])
        job = self.enqueue(self.admin_a, self.staff["a"], batch_size=1)
        triggers = self.env["ir.cron.trigger"].sudo()
        crons = self.cron | self.env.ref("hr_asn_performance.ir_cron_hr_asn_job_2")
        before = triggers.search_count([("cron_id", "in", crons.ids)])
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        with patch.dict(Job._asn_unit, {"limit": None, "start": 0.0}):
            # a unit with 10 s of CPU left: nothing starts
            with patch.object(Job, "_asn_cpu_limit", lambda self: int(used) + 10):
                progress = self.run_cron()
            self.assertEqual((job.state, job.done, progress.done, progress.remaining), ("queued", 0, 0, 3))
            self.assertGreater(triggers.search_count([("cron_id", "in", crons.ids)]), before, "woken again")
            # a unit that began 100 s ago (an earlier run of the cron spent its budget): nothing starts
            limit = int(used) + 1000
            Job._asn_unit.update(limit=limit, start=time.monotonic() - 100)
            with patch.object(Job, "_asn_cpu_limit", lambda self: limit):
                progress = self.run_cron()
            self.assertEqual((job.done, progress.done, progress.remaining), (0, 0, 3))
            # the next unit of work (Odoo set a new limit) runs the job
            with patch.object(Job, "_asn_cpu_limit", lambda self: limit + 1):
                progress = self.run_cron()
            self.assertEqual((job.state, job.done, progress.done, progress.remaining), ("done", 3, 3, 0))

    def test_failing_batch_keeps_earlier_batches_and_retry_runs_the_rest_once(self):
        staff_a, staff_b = self.staff["a"], self.staff["b"]
        nobody = self.env["hr.employee"]
        # batches: [a1, a2] [a3, b1] [b2, b3]; the second recomputes a3 first, then is refused b1
        job = self.enqueue(self.admin_a, staff_a | staff_b)
        self.run_cron(failing=True)
        self.assertEqual((job.state, job.done, round(job.progress, 1)), ("failed", 2, 33.3))
        self.assertIn("doesn't have 'write' access", job.error)
        self.assertNotIn("Traceback", job.error)
        self.assertEqual(self.penilai(staff_a), [self.kabid["a"], self.kabid["a"], nobody],
                         "the first batch stays done, the second is rolled back (a3 too)")
        self.assertEqual(self.penilai(staff_b), [nobody] * 3)
        failed = job.message_ids.filtered(lambda m: self.admin_a.partner_id in m.partner_ids)
        self.assertEqual(len(failed), 1)
        self.assertIn("failed after 2 of 6 records", failed.body)
        self.assertTrue(job.with_user(self.admin_a).can_retry)
        # a second run of the cron leaves a failed job alone
        self.run_cron()
        self.assertEqual((job.state, job.done), ("failed", 2))

        # BKPSDM gives the admin Dinas B as well; a1 is emptied to see whether the first batch runs again
        self.admin_a.asn_admin_department_ids = [(4, self.dinas["b"].id)]
        # (res.users clears the cached record rules itself when these change)
        self.env.cr.execute("UPDATE hr_employee SET pejabat_penilai_id = NULL WHERE id = %s", [staff_a[0].id])
        job.with_user(self.admin_a).action_retry()
        self.assertEqual((job.state, job.error), ("queued", False))
        self.run_cron()
        self.assertEqual((job.state, job.done, job.progress), ("done", 6, 100.0), job.error)
        self.assertEqual(self.penilai(staff_a), [nobody, self.kabid["a"], self.kabid["a"]],
                         "the retry resumes from the first record not done: a1 is not recomputed again")
        self.assertEqual(self.penilai(staff_b), [self.kabid["b"]] * 3)
        with self.assertRaises(UserError):
            job.with_user(self.admin_a).action_retry()  # done: nothing to retry

    def test_only_listed_methods_can_be_queued(self):
        Job = self.env["hr.asn.job"].with_user(self.admin_a)
        employees = self.staff["a"].with_user(self.admin_a)
        for method in ("unlink", "write", "_asn_recompute_assessors", "action_open_assessees", "no_such_method"):
            with self.subTest(method=method), self.assertRaises(UserError):
                Job._asn_enqueue(employees, method, "Forbidden")
        partner = self.admin_a.partner_id.with_user(self.admin_a)
        with self.assertRaises(UserError):  # a model without _asn_job_methods
            Job._asn_enqueue(partner, METHOD, "Forbidden")
        with self.assertRaises(UserError):  # nothing to run
            Job._asn_enqueue(employees.browse(), METHOD, "Empty")
        self.assertFalse(self.env["hr.asn.job"].search([("user_id", "=", self.admin_a.id)]))

    def test_nobody_creates_or_changes_jobs_through_rpc(self):
        own = self.enqueue(self.pegawai, self.staff["a"])
        other = self.enqueue(self.admin_a, self.staff["a"])
        for user in (self.pegawai, self.admin_a):
            Job = self.env["hr.asn.job"].with_user(user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Job.create({"name": "Mine", "res_model": "hr.employee", "method": METHOD,
                                "record_ids": self.staff["b"].ids, "total": 3})
                for job in (own, other):
                    with self.assertRaises(AccessError):
                        job.with_user(user).write({"state": "done", "done": 3})
                    with self.assertRaises(AccessError):
                        job.with_user(user).unlink()
        self.assertEqual((own.state, other.state), ("queued", "queued"))
        # a Pegawai and an Admin Kepegawaian OPD read their own jobs only; BKPSDM those of their company
        self.assertEqual(self.env["hr.asn.job"].with_user(self.pegawai).search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.pegawai).read(["name", "state"])
        with self.assertRaises(AccessError):
            own.with_user(self.admin_a).read(["name"])
        bkpsdm = new_test_user(self.env, "job_bkpsdm", groups="hr_asn_performance.group_hr_asn_performance_admin",
                               company_id=self.company.id, company_ids=[(6, 0, self.company.ids)])
        self.assertEqual(own.with_user(bkpsdm).read(["name"])[0]["name"], own.name)
        self.assertFalse(self.as_outsider(self.env["hr.asn.job"]).search([]))
        with self.assertRaises(AccessError):
            self.as_outsider(own).read(["name"])

    def test_a_job_runs_with_the_rights_of_whoever_queued_it(self):
        """A Pegawai may queue the recompute, but it runs with their rights: refused, nothing changed."""
        job = self.enqueue(self.pegawai, self.staff["a"])
        self.run_cron(failing=True)
        self.assertEqual((job.state, job.done), ("failed", 0))
        self.assertEqual(self.penilai(self.staff["a"]), [self.env["hr.employee"]] * 3)
        self.assertTrue(job.with_user(self.pegawai).can_retry)  # their own job
        with self.assertRaises(AccessError):
            self.as_outsider(job).action_retry()

    def test_forged_context_changes_nothing(self):
        forged = {
            "default_user_id": self.admin_a.id, "default_state": "done", "default_done": 3,
            "default_company_id": self.other_company.id, "default_record_ids": self.staff["b"].ids,
            "default_result_attachment_id": 1, "hr_asn_no_recompute": True, "active_test": False,
        }
        Job = self.env["hr.asn.job"].with_user(self.pegawai).with_context(**forged)
        job = Job._asn_enqueue(self.staff["a"].with_user(self.pegawai), METHOD, "Forged")
        self.assertEqual((job.user_id, job.company_id, job.state, job.done), (self.pegawai, self.company, "queued", 0))
        self.assertEqual(job.record_ids, self.staff["a"].ids)
        self.assertFalse(job.result_attachment_id)
        # a company the user does not belong to, through a sudo environment that would not check it
        job = Job.sudo().with_context(allowed_company_ids=[self.other_company.id])._asn_enqueue(
            self.staff["a"], METHOD, "Forged company")
        self.assertEqual((job.user_id, job.company_id), (self.pegawai, self.company))
        with self.assertRaises(UserError):
            Job.with_context(hr_asn_job_methods=["unlink"])._asn_enqueue(self.staff["a"], "unlink", "Forged")
        self.run_cron(failing=True)
        self.assertEqual(set(self.env["hr.asn.job"].search([("user_id", "=", self.pegawai.id)]).mapped("state")),
                         {"failed"}, "the forged jobs ran as the Pegawai and were refused")
        self.assertEqual(self.penilai(self.staff["a"] | self.staff["b"]), [self.env["hr.employee"]] * 6)

    def test_result_attachment_can_be_downloaded_by_the_readers_of_the_job(self):
        job = self.enqueue(self.pegawai, self.staff["a"])
        attachment = self.env["ir.attachment"].with_user(self.pegawai).create({
            "name": "hasil.txt", "raw": b"hasil", "mimetype": "text/plain"})
        # what _cron_run does with the {"attachment_id": id} a method returns
        job.sudo().result_attachment_id = job.sudo()._asn_result_attachment({"attachment_id": attachment.id})
        self.assertEqual(job.with_user(self.pegawai).result_url, "/web/content/%s?download=true" % attachment.id)
        self.assertEqual((attachment.res_model, attachment.res_id), ("hr.asn.job", job.id))
        # another user's job is not an Admin Kepegawaian OPD's to read, nor its result (a city-wide file)
        with self.assertRaises(AccessError):
            attachment.with_user(self.admin_a).read(["raw"])
        with self.assertRaises(AccessError):
            self.as_outsider(attachment).read(["raw"])
