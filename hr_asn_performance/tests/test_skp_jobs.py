"""Creating and setting the SKPs of many employees from a list are background jobs (issue 13, Must have 2):
the list's action checks what it can at once and queues an hr.asn.job; the job's batches run as the user
who queued it, through the same code as the form's button (``action_set``) and with its checks.

A failure midway is injected by patching one of this addon's own methods to raise on a given batch, after
it wrote (the batch's savepoint must undo that); the retry must add no duplicate and set nothing twice.
The Kepala Seksi (``asn_penilai``) assesses the staff hired into her Seksi; the Kepala Bidang (``asn_kabid``)
is their atasan, who reads their SKPs but does not set them.
"""
import datetime
from contextlib import contextmanager
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tests.common import JsonRpcException

from ..models import hr_asn_skp as skp_module
from ..rules import nip as nip_rules
from .common import HrAsnSkpCase, JobCronMixin

INJECTED = "Injected failure of the test"
SET_NOTE = "Set (ditetapkan) by"


class SkpJobsMixin(JobCronMixin):
    @classmethod
    def hire(cls, count, start=0, unit="dseksi"):
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        employees = Employee.create([{
            "name": "Staf %02d" % number, "department_id": cls.units[unit].id, "company_id": cls.company.id,
            "asn_status": "pns", "asn_position_kind": "pelaksana", "asn_golongan": "II/c",
            "nip": nip_rules.build(datetime.date(1991, 1, 1) + datetime.timedelta(days=number), 2016, 3, "male", 1),
        } for number in range(start, start + count)])
        cls.env["hr.employee"]._asn_recompute_assessors()
        return employees.with_env(cls.env)

    @classmethod
    def submitted(cls, employees, parent):
        """A draft of each employee with one RHK cascading ``parent``, signed and submitted."""
        skps = cls.env["hr.asn.skp"].create([{
            "employee_id": employee.id, "year": cls.YEAR,
            "rhk_ids": [fields.Command.create({
                "kind": "utama", "name": "Laporan %s" % employee.name, "parent_rhk_id": parent.id,
                "iki_ids": [fields.Command.create({"name": "Laporan tersusun", "target_text": "12 laporan"})],
            })],
        } for employee in employees])
        skps.action_submit()
        return skps

    def jobs_of(self, user, method):
        return self.env["hr.asn.job"].sudo().search([("user_id", "=", user.id), ("method", "=", method)], order="id")


@tagged("post_install", "-at_install")
@freeze_time("2026-01-12")
class TestSkpJobs(SkpJobsMixin, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.staff = cls.hire(8)
        cls.cron = cls.env.ref("hr_asn_performance.ir_cron_hr_asn_job")

    @contextmanager
    def batches(self, create=None, set_=None):
        with patch.object(skp_module, "CREATE_BATCH_SIZE", create or skp_module.CREATE_BATCH_SIZE), \
                patch.object(skp_module, "SET_BATCH_SIZE", set_ or skp_module.SET_BATCH_SIZE):
            yield

    @contextmanager
    def failing_on(self, model, method, record_of):
        """Our own ``model.method`` does its work, then raises when its batch holds ``record_of(args)``."""
        cls = type(self.env[model])
        original = getattr(cls, method)
        marker = record_of

        def failing(records, *args, **kwargs):
            result = original(records, *args, **kwargs)
            if marker(records, *args):
                raise UserError(INJECTED)
            return result

        with patch.object(cls, method, failing):
            yield

    def set_notes(self, skp):
        return len(skp.message_ids.filtered(lambda message: SET_NOTE in (message.body or "")))

    def open_skps(self, employee):
        return self.Skp.search_count([("employee_id", "=", employee.id), ("year", "=", self.YEAR),
                                      ("state", "!=", "closed")])

    # ------------------------------------------------------------------------------------------
    # Setting the selected SKPs
    # ------------------------------------------------------------------------------------------
    def test_set_selected_is_a_job_with_progress(self):
        skps = self.submitted(self.staff[:5], self.kasi.rhk_ids[0])
        with self.batches(set_=2):
            action = skps.with_user(self.user_penilai).action_set_selected()
        jobs = self.jobs_of(self.user_penilai, "_asn_job_set")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["next"]["domain"], [("id", "in", jobs.ids)], "the jobs to watch")
        self.assertEqual(len(jobs), 2, "two lanes: the batches of one SKP do not depend on another's")
        self.assertEqual(sorted(jobs[0].record_ids + jobs[1].record_ids), sorted(skps.ids))
        self.assertEqual(set(jobs.mapped("state")), {"queued"})
        self.assertEqual(set(skps.mapped("state")), {"submitted"}, "nothing is set inside the request")

        progress = self.run_cron(time_budget=0)  # one batch, then the budget is spent
        first = jobs[0]
        self.assertEqual((first.state, first.done, round(first.progress, 1)), ("running", 2, 66.7))
        self.assertEqual((progress.done, progress.remaining), (2, 3))
        self.assertEqual(skps.mapped("state"), ["set", "set", "submitted", "submitted", "submitted"])

        progress = self.run_cron()
        self.assertEqual(jobs.mapped("state"), ["done", "done"])
        self.assertEqual((progress.done, progress.remaining), (3, 0))
        self.assertEqual(set(skps.mapped("state")), {"set"})
        self.assertEqual(skps.set_by_id, self.user_penilai, "set in the name of who queued the job")
        self.assertEqual(len(skps.month_ids), 5 * 12)
        self.assertEqual([self.set_notes(skp) for skp in skps], [1] * 5)
        for job in jobs:
            told = job.message_ids.filtered(lambda m: self.user_penilai.partner_id in m.partner_ids)
            self.assertIn("is done", told.body)

    def test_a_failing_batch_is_rolled_back_and_the_retry_sets_the_rest_once(self):
        skps = self.submitted(self.staff, self.kasi.rhk_ids[0])
        doomed = skps[2]  # first job: batches [0, 1] [2, 3]; second job: [4, 5] [6, 7]
        with self.batches(set_=2):
            skps.with_user(self.user_penilai).action_set_selected()
        first, second = self.jobs_of(self.user_penilai, "_asn_job_set")
        # the months are opened (written), then the batch fails
        with self.failing_on("hr.asn.skp.month", "_asn_open_months", lambda _months, opened: doomed in opened):
            self.run_cron(failing=True)
        self.assertEqual((first.state, first.done), ("failed", 2))
        self.assertIn(INJECTED, first.error)
        self.assertEqual(second.state, "done", "the other lane's job does not depend on it")
        self.assertEqual(skps.mapped("state"), ["set", "set", "submitted", "submitted"] + ["set"] * 4)
        for skp in skps[2:4]:
            self.assertFalse(skp.month_ids, "the failed batch's months are rolled back")
            self.assertFalse(skp.set_by_id or skp.set_date)
            self.assertEqual(self.set_notes(skp), 0)
            self.assertTrue(skp.activity_ids, "the Pejabat Penilai's to-do is still there")
        told = first.message_ids.filtered(lambda m: self.user_penilai.partner_id in m.partner_ids)
        self.assertIn("failed after 2 of 4 records", told.body)

        # meanwhile the Pejabat Penilai sets one of them from its form (one SKP: at once)
        skps[3].with_user(self.user_penilai).action_set()
        self.assertEqual(skps[3].state, "set")
        first.with_user(self.user_penilai).action_retry()
        self.run_cron()
        self.assertEqual((first.state, first.done), ("done", 4), first.error)
        self.assertEqual(set(skps.mapped("state")), {"set"})
        self.assertEqual([self.set_notes(skp) for skp in skps], [1] * 8, "nothing set twice")
        self.assertEqual([len(skp.month_ids) for skp in skps], [12] * 8)

    def test_set_selected_mails_each_employee_in_their_language(self):
        """The set job e-mails its batch rendered at once (issue 13: the body compiled once per language, the
        layout around what is sent): each employee gets what Odoo's ``send_mail_batch`` makes of the template
        with its layout, in their language; the chatter keeps the message without the layout."""
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(["hr_asn_performance"], ["id_ID"], overwrite=True)
        staff = self.staff[:5]
        for number, employee in enumerate(staff):
            employee.work_email = "staf%s@kota-uji.invalid" % number
            employee.work_contact_id.lang = "id_ID" if number % 2 else "en_US"
        skps = self.submitted(staff, self.kasi.rhk_ids[0])
        with self.batches(set_=5):
            skps.with_user(self.user_penilai).action_set_selected()
        self.run_cron()
        self.assertEqual(set(skps.mapped("state")), {"set"})
        mails = self.env["mail.mail"].sudo().search([("model", "=", "hr.asn.skp"), ("res_id", "in", skps.ids)])
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(skps.ids), "one e-mail per employee")
        self.assertEqual({mail.recipient_ids.lang: mail.subject for mail in mails},
                         {"en_US": "Your SKP 2026 is set (ditetapkan)", "id_ID": "SKP 2026 Anda telah ditetapkan"})
        template = self.env.ref("hr_asn_performance.mail_template_skp_set").with_user(self.user_penilai).sudo()
        odoo_mails = template.send_mail_batch(skps.ids, email_layout_xmlid="mail.mail_notification_light")
        sent = {mail.res_id: mail for mail in mails}
        for odoo_mail in odoo_mails:
            mail = sent[odoo_mail.res_id]
            self.assertEqual((mail.subject, mail.email_from, mail.recipient_ids, mail.body_html),
                             (odoo_mail.subject, odoo_mail.email_from, odoo_mail.recipient_ids, odoo_mail.body_html))
            self.assertIn("/my/skp/%s" % mail.res_id, mail.body_html)
            greeting = "Yth." if mail.recipient_ids.lang == "id_ID" else "Dear"
            self.assertIn(greeting, mail.body_html)
            self.assertIn(greeting, mail.mail_message_id.body, "the chatter keeps the message")
            self.assertNotIn("<table", mail.mail_message_id.body, "without the e-mail's layout")
            self.assertIn("<table", mail.body_html, "the e-mail in its layout")

    def test_set_selected_checks_up_front(self):
        mine = self.submitted(self.staff[:2], self.kasi.rhk_ids[0])
        other = self.make_skp("S.dsub")  # a draft she may not even read
        jobs_before = self.env["hr.asn.job"].sudo().search_count([])
        # an SKP she does not assess among hers: refused at once, nothing queued
        with self.assertRaises(AccessError):
            (mine | other).with_user(self.user_penilai).action_set_selected()
        # the atasan reads them but only the Pejabat Penilai Kinerja sets them (Pasal 13(3))
        with self.assertRefused(AccessError, "Pejabat Penilai"):
            mine.with_user(self.user_kabid).action_set_selected()
        with self.assertRefused(UserError, "Only a submitted SKP can be set"):
            (mine | self.kasi).with_user(self.user_penilai).action_set_selected()
        # a forged context switches none of it off
        forged = mine.with_user(self.user_kabid).with_context(
            hr_asn_no_recompute=True, tracking_disable=True, active_test=False, default_state="set",
            default_user_id=self.user_penilai.id, allowed_company_ids=self.company.ids)
        with self.assertRaises(AccessError):
            forged.action_set_selected()
        self.assertEqual(self.env["hr.asn.job"].sudo().search_count([]), jobs_before)
        self.assertEqual(set(mine.mapped("state")), {"submitted"})

    def test_the_job_checks_again_as_the_user_who_queued_it(self):
        """Rights lapse between queuing and running (the Kepala Seksi leaves her post): the batch is
        refused as it would be from the form, nothing is set, and a retry is refused again."""
        skps = self.submitted(self.staff[:3], self.kasi.rhk_ids[0])
        skps.with_user(self.user_penilai).action_set_selected()
        self.emp["H.dseksi"].user_id = False  # her user no longer heads the Seksi
        self.run_cron(failing=True)
        job = self.jobs_of(self.user_penilai, "_asn_job_set")
        self.assertEqual((job.state, job.done), ("failed", 0))
        self.assertTrue(job.error)
        self.assertNotIn("Traceback", job.error)
        self.assertEqual(set(skps.mapped("state")), {"submitted"})
        job.with_user(self.user_penilai).action_retry()
        self.run_cron(failing=True)
        self.assertEqual((job.state, set(skps.mapped("state"))), ("failed", {"submitted"}))

    # ------------------------------------------------------------------------------------------
    # Creating the drafts of the selected employees
    # ------------------------------------------------------------------------------------------
    def test_create_drafts_is_a_job_and_a_rerun_adds_none(self):
        employees = (self.staff | self.emp["S.dsub"]).with_user(self.user_admin_opd)
        has_one = self.make_skp("S.dsub")
        with self.batches(create=3):
            action = self.Skp.with_user(self.user_admin_opd).action_create_for_employees(employees)
        job = self.jobs_of(self.user_admin_opd, "_asn_job_create_skp")
        self.assertEqual(action["params"]["next"]["res_id"], job.id)
        self.assertEqual((job.state, job.total, job.res_model), ("queued", 9, "hr.employee"))
        self.assertFalse(self.Skp.search([("employee_id", "in", self.staff.ids)]), "nothing inside the request")
        self.run_cron()
        self.assertEqual(job.state, "done", job.error)
        self.assertEqual([self.open_skps(employee) for employee in self.staff | self.emp["S.dsub"]], [1] * 9)
        self.assertEqual(self.Skp.search([("employee_id", "=", self.emp["S.dsub"].id)]), has_one)
        drafts = self.Skp.search([("employee_id", "in", self.staff.ids)])
        self.assertEqual(set(drafts.mapped("state")), {"draft"})
        self.assertEqual(set(drafts.mapped("pejabat_penilai_id.name")), {"H.dseksi"})
        # queued again: nobody gets a second draft
        self.Skp.with_user(self.user_admin_opd).action_create_for_employees(employees)
        self.run_cron()
        self.assertEqual(self.jobs_of(self.user_admin_opd, "_asn_job_create_skp").mapped("state"), ["done", "done"])
        self.assertEqual(self.Skp.search([("employee_id", "in", self.staff.ids)]), drafts)

    def test_create_drafts_failing_midway_and_retried_makes_no_duplicate(self):
        staff = self.staff.with_user(self.user_admin_opd)
        doomed = self.staff[3]  # batches [0, 1, 2] [3, 4, 5] [6, 7]
        with self.batches(create=3):
            self.Skp.with_user(self.user_admin_opd).action_create_for_employees(staff)
        job = self.jobs_of(self.user_admin_opd, "_asn_job_create_skp")
        with self.failing_on("hr.asn.skp", "_asn_create_for_employees",
                             lambda _skp, employees, _year, *rest: doomed in employees):
            self.run_cron(failing=True)
        self.assertEqual((job.state, job.done), ("failed", 3))
        self.assertEqual([self.open_skps(employee) for employee in self.staff], [1, 1, 1, 0, 0, 0, 0, 0],
                         "the first batch stays, the failed one is rolled back, the last never ran")
        # meanwhile one of the failed batch gets a draft by hand
        self.Skp.with_user(self.user_admin_opd).create({"employee_id": self.staff[4].id, "year": self.YEAR})
        job.with_user(self.user_admin_opd).action_retry()
        self.run_cron()
        self.assertEqual((job.state, job.done), ("done", 8), job.error)
        self.assertEqual([self.open_skps(employee) for employee in self.staff], [1] * 8, "no duplicate")

    def test_create_drafts_checks_up_front_and_in_the_job(self):
        Skp = self.Skp.with_user(self.user_admin_opd)
        outside = self.env["hr.employee"].with_user(self.user_admin_opd).browse(self.emp["S.bsubbid"].ids)
        with self.assertRaises(AccessError):  # another Perangkat Daerah
            Skp.action_create_for_employees(self.staff.with_user(self.user_admin_opd) | outside)
        forged = self.Skp.with_user(self.user_pegawai).with_context(
            hr_asn_no_recompute=True, active_test=False, default_company_id=self.company.id)
        with self.assertRaises(AccessError):
            forged.action_create_for_employees(self.staff.with_user(self.user_pegawai))
        self.assertFalse(self.jobs_of(self.user_admin_opd, "_asn_job_create_skp"))
        self.assertFalse(self.jobs_of(self.user_pegawai, "_asn_job_create_skp"))
        # queued while the Dinas was theirs; BKPSDM takes it away before the job runs
        Skp.action_create_for_employees(self.staff.with_user(self.user_admin_opd))
        self.user_admin_opd.asn_admin_department_ids = self.units["bdn"]
        self.run_cron(failing=True)
        job = self.jobs_of(self.user_admin_opd, "_asn_job_create_skp")
        self.assertEqual((job.state, job.done), ("failed", 0))
        self.assertFalse(self.Skp.search([("employee_id", "in", self.staff.ids)]))


@tagged("post_install", "-at_install")
@freeze_time("2026-01-12")
class TestSkpJobsRpc(SkpJobsMixin, HttpCase, HrAsnSkpCase):
    """Through real JSON-RPC, as the web client calls the list's action (/web/action/run with the
    selection in the context): a forged context does not let the atasan set, nor reach a job's step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.skps = cls.submitted(cls.hire(2), cls.kasi.rhk_ids[0])
        cls.action = cls.env.ref("hr_asn_performance.hr_asn_skp_action_server_set")

    def run_action(self, context):
        return self.make_jsonrpc_request("/web/action/run", {"action_id": self.action.id, "context": context})

    def test_forged_context_through_rpc_does_not_set(self):
        forged = {"active_model": "hr.asn.skp", "active_ids": self.skps.ids, "active_id": self.skps[0].id,
                  "hr_asn_no_recompute": True, "tracking_disable": True, "active_test": False,
                  "default_state": "set", "uid": self.user_penilai.id, "allowed_company_ids": self.company.ids}
        self.authenticate("asn_kabid", "asn_kabid")
        with self.assertRaises(JsonRpcException) as refused:
            self.run_action(forged)
        self.assertIn("AccessError", str(refused.exception))
        with self.assertRaises(JsonRpcException) as private:
            self.make_jsonrpc_request("/web/dataset/call_kw/hr.asn.skp/_asn_job_set", {
                "model": "hr.asn.skp", "method": "_asn_job_set", "args": [self.skps.ids],
                "kwargs": {"context": forged}})
        self.assertIn("AccessError", str(private.exception))
        self.assertFalse(self.env["hr.asn.job"].sudo().search([("method", "=", "_asn_job_set")]))
        self.skps.invalidate_recordset()
        self.assertEqual(set(self.skps.mapped("state")), {"submitted"})

        # their Pejabat Penilai queues the job through the same call
        self.authenticate("asn_penilai", "asn_penilai")
        result = self.run_action({"active_model": "hr.asn.skp", "active_ids": self.skps.ids})
        self.assertEqual(result["tag"], "display_notification")
        job = self.jobs_of(self.user_penilai, "_asn_job_set")
        self.assertEqual((job.state, job.total, job.record_ids), ("queued", 2, self.skps.ids))
