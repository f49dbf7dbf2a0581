"""The suite's one background-job mechanism, on Odoo 18's batched cron (no queue_job addon).

A job runs one method of one model over a list of ids, a batch at a time, as the user who queued it.
``_asn_enqueue`` queues it and wakes the crons ``ir_cron_hr_asn_job`` and ``ir_cron_hr_asn_job_2``
(``ir.cron._trigger``); each cron's ``_cron_run`` works through the queued jobs oldest first, commits after
every batch (the progress is in the database, so a restarted worker resumes where the last one stopped),
reports ``ir.cron._notify_progress`` and stops after a time budget with work left, which makes Odoo run the
cron again at once.

Two lanes: Odoo runs two crons at a time (``max_cron_threads``, 2 by default; with ``--workers`` each in a
process of its own, so on two cores of their own). A job is worked on by one cron at a time: the cron holds
a PostgreSQL session advisory lock on the job while it runs it (kept across the commits between batches,
released at the end or when the worker's connection dies) and passes over jobs another cron holds. City-wide
work queued with ``lanes=2`` is split into two jobs, which the two crons run side by side.

Which methods may run: a model lists them in the class attribute ``_asn_job_methods`` (a tuple or set of
method names, e.g. ``_asn_job_methods = ("_asn_recompute_assessors_job",)`` on ``hr.employee``); a model
without it cannot be queued. Such a method is called on a batch of records (``self``) in the queuing user's
environment and company, inside a savepoint. It may return an ``ir.attachment`` (or ``{"attachment_id":
id}``): the job keeps the last one as its result to download. The model may also define
``_asn_job_finish(job)``, called once on all the job's records after the last batch (e.g. to merge the
batches' PDFs); it may return an attachment the same way.
"""
import logging
import resource
import time

import psycopg2

from odoo import api, fields, models, modules
from odoo.exceptions import UserError
from odoo.tools import clean_context

_logger = logging.getLogger(__name__)

JOB_STATES = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("done", "Done"),
    ("failed", "Failed"),
]


class HrAsnJob(models.Model):
    _name = "hr.asn.job"
    _description = "Background Job"
    _inherit = ["mail.thread"]
    _order = "id desc"

    # A run of the cron stops after this many seconds with work left, and Odoo runs it again at once. Under
    # Odoo's prefork server (--workers) the budget is that of the cron worker's unit of work, which runs the
    # cron up to 10 times (ir_cron.MAX_BATCH_PER_CRON_JOB) and is killed past limit_time_cpu seconds of CPU
    # (60 by default) or limit_time_real(_cron) seconds (120, counted from before the worker's sleep of up to
    # 70 s): no batch starts once the unit spent the budget or has less than _asn_cpu_margin seconds of CPU
    # left; the cron is triggered anew, which wakes a worker for a fresh unit.
    _asn_time_budget = 30
    _asn_cpu_margin = 20
    # the soft RLIMIT_CPU of the worker's current unit of work and when this process first saw it
    _asn_unit = {"limit": None, "start": 0.0}
    # The crons that run jobs (one lane each) and the first key of the advisory lock a lane holds on a job.
    _asn_crons = ("hr_asn_performance.ir_cron_hr_asn_job", "hr_asn_performance.ir_cron_hr_asn_job_2")
    _asn_lock_key = 74280461

    name = fields.Char(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Queued By", required=True, readonly=True, index=True,
                              ondelete="cascade", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True,
                                 default=lambda self: self.env.company)
    res_model = fields.Char(string="Model", required=True, readonly=True)
    method = fields.Char(required=True, readonly=True)
    record_ids = fields.Json(string="Record IDs", readonly=True, copy=False)
    batch_size = fields.Integer(required=True, readonly=True, default=200)
    total = fields.Integer(readonly=True)
    done = fields.Integer(readonly=True, copy=False,
                          help="Records processed; the job resumes from the first record not processed.")
    progress = fields.Float(compute="_compute_progress", store=True, aggregator="avg", help="Percent done.")
    state = fields.Selection(JOB_STATES, required=True, readonly=True, default="queued", index=True, copy=False,
                             tracking=True)
    error = fields.Text(readonly=True, copy=False)
    date_start = fields.Datetime(string="Started", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished", readonly=True, copy=False)
    result_attachment_id = fields.Many2one("ir.attachment", string="Result", readonly=True, copy=False)
    result_url = fields.Char(string="Download", compute="_compute_result_url")
    can_retry = fields.Boolean(compute="_compute_can_retry")

    _sql_constraints = [
        ("batch_size_positive", "CHECK(batch_size > 0)", "The batch size of a background job must be positive."),
        ("done_range", "CHECK(done >= 0 AND done <= total)", "A background job cannot do more than its records."),
    ]

    # ------------------------------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------------------------------
    @api.depends("done", "total")
    def _compute_progress(self):
        for job in self:
            job.progress = 100.0 * job.done / job.total if job.total else 100.0

    @api.depends("result_attachment_id")
    def _compute_result_url(self):
        for job in self:
            attachment = job.result_attachment_id
            job.result_url = "/web/content/%s?download=true" % attachment.id if attachment else False

    @api.depends_context("uid")
    @api.depends("state", "user_id", "company_id")
    def _compute_can_retry(self):
        for job in self:
            job.can_retry = job.state == "failed" and job._asn_may_retry()

    # ------------------------------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------------------------------
    def action_retry(self):
        """Button: queue failed jobs again; each resumes from its first record not processed."""
        if not self.env.su:
            self.check_access("read")
            refused = self.filtered(lambda job: not job._asn_may_retry())
            if refused:
                raise UserError(self.env._(
                    "Only the user who queued a background job, or an Admin Kepegawaian, may retry it: %s",
                    ", ".join(refused.mapped("name"))))
        not_failed = self.filtered(lambda job: job.state != "failed")
        if not_failed:
            raise UserError(self.env._("Only a failed background job can be retried: %s",
                                       ", ".join(not_failed.mapped("name"))))
        jobs = self.sudo()
        jobs.write({"state": "queued", "error": False, "date_done": False})
        for job in jobs:
            job.message_post(body=self.env._("Queued again by %s.", self.env.user.name),
                             subtype_xmlid="mail.mt_note")
        jobs._asn_trigger()
        return True

    def _asn_may_retry(self):
        """The user who queued the job, or an Admin Kepegawaian OPD/BKPSDM who reads it (its company)."""
        self.ensure_one()
        user = self.env.user
        return self.env.su or self.user_id == user or user.has_group(
            "hr_asn_performance.group_hr_asn_performance_admin_opd")

    # ------------------------------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------------------------------
    @api.model
    def _asn_enqueue(self, records, method, name, batch_size=200, lanes=1):
        """Queue ``records.<method>()`` to run in batches of ``batch_size`` as the current user and company.

        ``method`` must be listed in the model's ``_asn_job_methods``; the job is created as the superuser
        (nobody creates a job through RPC) and the processing crons are woken up. ``lanes`` 2: the records
        (when more than one batch) are split in two jobs of consecutive records, "name (1/2)" and "(2/2)",
        which the two crons run side by side; for a method whose batches do not depend on each other and
        that has no ``_asn_job_finish``. Returns the job(s).
        """
        allowed = getattr(type(records), "_asn_job_methods", ())
        if not isinstance(method, str) or method not in allowed or not callable(getattr(records, method, None)):
            raise UserError(self.env._("%(method)s of %(model)s cannot run as a background job.",
                                       method=method, model=records._name))
        if not records:
            raise UserError(self.env._("There is nothing to run in the background job %s.", name))
        if batch_size < 1:
            raise UserError(self.env._("The batch size of a background job must be positive."))
        user = self.env.user
        # env.company is checked against the user's companies only without superuser rights
        company = self.env.company if self.env.company in user.sudo().company_ids else user.company_id
        ids = list(dict.fromkeys(records.ids))
        lanes = max(1, min(int(lanes), len(self._asn_crons), -(-len(ids) // batch_size)))
        size = -(-len(ids) // lanes)
        parts = [ids[start:start + size] for start in range(0, len(ids), size)]
        # no default_* key of the caller's context reaches the job's fields
        jobs = self.sudo().with_context(clean_context(self.env.context)).create([{
            "name": name if len(parts) == 1 else "%s (%s/%s)" % (name, index, len(parts)),
            "user_id": user.id,
            "company_id": company.id,
            "res_model": records._name,
            "method": method,
            "record_ids": part,
            "batch_size": batch_size,
            "total": len(part),
            "done": 0,
            "state": "queued",
        } for index, part in enumerate(parts, start=1)])
        jobs._asn_trigger()
        return jobs.with_env(self.env)

    def _asn_trigger(self):
        for xmlid in self._asn_crons:
            cron = self.env.ref(xmlid, raise_if_not_found=False)
            if cron:
                cron.sudo()._trigger()

    def _asn_try_lock(self):
        """Take this job for the current database session (a lane): False when another lane holds it."""
        self.env.cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (self._asn_lock_key, self.id))
        return self.env.cr.fetchone()[0]

    def _asn_unlock(self):
        """Release the job; after an error that aborted the transaction, roll it back first (the lock is the
        session's, not the transaction's: a pooled connection must not keep it)."""
        query = ("SELECT pg_advisory_unlock(%s, %s)", (self._asn_lock_key, self.id))
        try:
            self.env.cr.execute(*query)
        except psycopg2.Error:
            self.env.cr.rollback()
            self.env.cr.execute(*query)

    @api.model
    def _cron_run(self, time_budget=None):
        """The cron: run queued jobs oldest first, batch after batch, until the time budget is spent (that of
        the worker's unit of work under Odoo's prefork server, see ``_asn_time_budget``).

        Reports to ir.cron how many records this run processed and how many are left in queued and
        running jobs; with some left, Odoo runs the cron again at once (ir.cron._run_job).
        """
        budget = self._asn_time_budget if time_budget is None else time_budget
        deadline = self._asn_unit_start() + budget
        jobs = self.sudo().search([("state", "in", ("queued", "running"))], order="id")
        processed = 0
        for job in jobs:
            if self._asn_unit_spent(deadline):
                break
            if not job._asn_try_lock():
                continue  # the other lane runs it
            try:
                # a new snapshot, then the job as it is now: the other lane may have run it meanwhile
                job._asn_commit()
                job.invalidate_recordset()
                if job.state in ("queued", "running"):
                    processed += job._asn_run(deadline)
            finally:
                job._asn_unlock()
            if time.monotonic() >= deadline:
                break
        left = self.sudo().search_fetch([("state", "in", ("queued", "running"))], ["total", "done"])
        remaining = sum(job.total - job.done for job in left)
        if remaining and self._asn_unit_spent(deadline):
            # Odoo runs the cron again in this unit of work, which does nothing (no progress: Odoo stops);
            # the trigger wakes a worker for the next unit
            self._asn_trigger()
        self.env["ir.cron"]._notify_progress(done=processed, remaining=remaining)
        return processed

    def _asn_run(self, deadline):
        """Run this job's batches not yet done until ``deadline``; return the number of records processed."""
        self.ensure_one()
        target = self._asn_target()
        if self.state == "queued":
            self.write({"state": "running", "date_start": self.date_start or fields.Datetime.now()})
            self._asn_commit()
        ids = self.record_ids or []
        processed = 0
        while self.done < len(ids):
            if self._asn_unit_spent(deadline):
                return processed
            batch = ids[self.done:self.done + self.batch_size]
            try:
                with self.env.cr.savepoint():
                    if target is None:
                        raise UserError(self.env._("%(method)s of %(model)s cannot run as a background job.",
                                                   method=self.method, model=self.res_model))
                    result = getattr(target.browse(batch).exists(), self.method)()
            except Exception as error:  # noqa: BLE001 -- any error fails the job, not the cron
                _logger.exception("hr_asn: background job %s (%s) failed on records %s..%s",
                                  self.id, self.name, batch[0], batch[-1])
                self._asn_fail(error)
                return processed
            vals = {"done": self.done + len(batch)}
            attachment = self._asn_result_attachment(result)
            if attachment:
                vals["result_attachment_id"] = attachment.id
            self.write(vals)
            processed += len(batch)
            self._asn_commit()
            if self.done < len(ids) and time.monotonic() >= deadline:
                return processed  # _cron_run reports what is left
        self._asn_finish(target, ids)
        return processed

    @api.model
    def _asn_cpu_limit(self):
        """The soft RLIMIT_CPU that Odoo's prefork worker sets before each unit of work (its CPU time so far
        plus limit_time_cpu: odoo/service/server.py, ``Worker.check_limits``); None without one (threaded
        server, tests)."""
        soft, _hard = resource.getrlimit(resource.RLIMIT_CPU)
        return None if soft == resource.RLIM_INFINITY else soft

    @api.model
    def _asn_unit_start(self):
        """When the current unit of work began (as far as this process saw it): now without a CPU limit."""
        limit, now = self._asn_cpu_limit(), time.monotonic()
        if limit is None:
            return now
        unit = type(self)._asn_unit
        if unit["limit"] != limit:
            unit.update(limit=limit, start=now)
        return unit["start"]

    @api.model
    def _asn_unit_spent(self, deadline):
        """Under a worker's limits: the unit of work spent its budget or nearly its CPU (a batch must fit)."""
        limit = self._asn_cpu_limit()
        if limit is None:
            return False
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return time.monotonic() >= deadline or limit - usage.ru_utime - usage.ru_stime < self._asn_cpu_margin

    def _asn_target(self):
        """The job's model in the queuing user's environment and company; None if it may not run there."""
        if self.res_model not in self.env:
            return None
        model = self.env[self.res_model]
        if self.method not in getattr(type(model), "_asn_job_methods", ()):
            return None
        return model.with_user(self.user_id).with_company(self.company_id).with_context(
            clean_context(self.env.context))

    def _asn_finish(self, target, ids):
        finish = getattr(type(target), "_asn_job_finish", None) if target is not None else None
        if finish:
            try:
                with self.env.cr.savepoint():
                    records = target.browse(ids).exists()
                    attachment = self._asn_result_attachment(records._asn_job_finish(self.with_env(target.env)))
            except Exception as error:  # noqa: BLE001
                _logger.exception("hr_asn: background job %s (%s) failed to finish", self.id, self.name)
                self._asn_fail(error)
                return
            if attachment:
                self.result_attachment_id = attachment
        self.write({"state": "done", "date_done": fields.Datetime.now(), "error": False})
        job = self.with_context(lang=self.user_id.lang)
        message = job.env._("%(name)s is done: %(count)s records processed.", name=self.name, count=self.total)
        self._asn_notify_user(message, "success")
        self._asn_commit()

    def _asn_fail(self, error):
        """The batch's savepoint is rolled back; earlier batches stay done. The user sees the error's message
        (a UserError's text, otherwise its kind only); the server log has the traceback."""
        job = self.with_context(lang=self.user_id.lang)
        if isinstance(error, UserError):
            reason = str(error.args[0]) if error.args else str(error)
        else:
            reason = job.env._("Unexpected error (%(kind)s); the server log has the details of job %(id)s.",
                               kind=type(error).__name__, id=self.id)
        self.write({"state": "failed", "error": reason})
        message = job.env._("%(name)s failed after %(done)s of %(total)s records: %(reason)s",
                            name=self.name, done=self.done, total=self.total, reason=reason)
        self._asn_notify_user(message, "danger")
        self._asn_commit()

    def _asn_notify_user(self, message, kind):
        """A message on the job for its user (inbox or e-mail, as they chose) and a notification in the
        web client if they are online."""
        self.message_post(body=message, partner_ids=self.user_id.partner_id.ids, subtype_xmlid="mail.mt_note")
        self.user_id._bus_send("simple_notification", {
            "type": kind,
            "title": self.name,
            "message": message,
            "sticky": kind == "danger",
        })

    def _asn_result_attachment(self, result):
        """The attachment a method returned (a record or {"attachment_id": id}), linked to the job when it
        belongs to no record, so that whoever reads the job can download it."""
        if isinstance(result, dict):
            result = self.env["ir.attachment"].browse(result.get("attachment_id") or [])
        if not isinstance(result, models.BaseModel) or result._name != "ir.attachment" or not result:
            return None
        attachment = result[-1:].sudo()
        if not attachment.res_model:
            attachment.write({"res_model": self._name, "res_id": self.id})
        return attachment

    def _asn_commit(self):
        """Commit the progress, except in tests (their cursor cannot commit)."""
        if not modules.module.current_test:
            self.env.cr.commit()  # pylint: disable=invalid-commit
