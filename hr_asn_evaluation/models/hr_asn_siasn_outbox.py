"""The outbox of the push to SIASN (issue 14 item 5; national_rules.md §8): one row per record (a result or
an angka kredit record) with the idempotency key of its content. A background job (hr.asn.job) posts the
pending rows that are due; the key travels in the ``Idempotency-Key`` header so that a retry of a record the
server already took is not taken twice. A failure waits (doubling from the company's first retry) and is
tried again by the cron, up to the company's number of attempts; then the row is failed and the user who
pushed it told. Credentials are read from the company when the request is made, never stored on the row,
never logged, and every stored error is sanitized (rules/siasn_export.sanitize)."""
import datetime
import logging
from collections import defaultdict

import requests

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..rules import siasn_export

_logger = logging.getLogger(__name__)

OUTBOX_STATES = [("pending", "Pending"), ("sent", "Sent"), ("failed", "Failed")]
RECORD_TYPES = [("kinerja", "Result"), ("angka_kredit", "Angka Kredit")]
TIMEOUT = 20  # seconds to connect and for each read of the answer (one number: Odoo's test harness compares it)
BKPSDM = "hr_asn_performance.group_hr_asn_performance_admin"


class HrAsnSiasnOutbox(models.Model):
    _name = "hr.asn.siasn.outbox"
    _description = "SIASN Outbox"
    _order = "id desc"
    _check_company_auto = True

    _asn_job_methods = {"_asn_job_siasn_send"}

    name = fields.Char(readonly=True, required=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    period_id = fields.Many2one("hr.asn.evaluation.period", string="Evaluation Period", readonly=True, index=True,
                                ondelete="cascade")
    evaluation_id = fields.Many2one("hr.asn.evaluation", readonly=True, index=True, ondelete="set null")
    user_id = fields.Many2one("res.users", string="Pushed By", readonly=True, required=True, index=True)
    record_type = fields.Selection(RECORD_TYPES, required=True, readonly=True)
    nip = fields.Char(string="NIP", readonly=True)
    idempotency_key = fields.Char(readonly=True, required=True, copy=False)
    payload = fields.Json(string="Payload Data", readonly=True)
    payload_text = fields.Text(string="Payload", compute="_compute_payload_text")
    state = fields.Selection(OUTBOX_STATES, required=True, readonly=True, default="pending", index=True)
    attempts = fields.Integer(readonly=True, default=0)
    next_attempt = fields.Datetime(readonly=True, index=True)
    sent_date = fields.Datetime(string="Sent On", readonly=True)
    last_error = fields.Text(readonly=True)
    log = fields.Text(readonly=True)

    _sql_constraints = [
        ("idempotency_key_uniq", "unique(company_id, idempotency_key)",
         "A record with this content is in the outbox already."),
    ]

    def _compute_payload_text(self):
        for row in self:
            row.payload_text = siasn_export.to_json([row.payload], [])[:10000] if row.payload else ""

    # ------------------------------------------------------------------------------------------
    # Who may push (BKPSDM only; never a context key)
    # ------------------------------------------------------------------------------------------
    @api.model
    def _check_siasn_access(self):
        if self.env.su or self.env.user.has_group(BKPSDM):
            return
        raise AccessError(_("Only BKPSDM exports results to SIASN and pushes them."))

    @api.model
    def _asn_settings(self, company):
        """(url, username, secret, max attempts, first retry in minutes) of ``company``, read as the superuser
        once the caller's right was checked."""
        company = company.sudo()
        return (company.asn_siasn_url or "", company.asn_siasn_username or "", company.asn_siasn_secret or "",
                company.asn_siasn_max_attempts or 1, company.asn_siasn_retry_minutes or 1)

    # ------------------------------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------------------------------
    def action_retry(self):
        """Failed rows back to pending, tried now (by a background job) as the user who asks: they are told
        if it fails again."""
        self._check_siasn_access()
        failed = self.filtered(lambda row: row.state == "failed")
        if not failed:
            raise UserError(_("Only a failed record is tried again."))
        failed.sudo().write({"state": "pending", "attempts": 0, "next_attempt": fields.Datetime.now(),
                             "user_id": self.env.uid})
        return failed._asn_queue_send()

    def _asn_queue_send(self):
        """Queue the sending of these rows as their pushers, one job per pusher (their rights apply)."""
        jobs = self.env["hr.asn.job"]
        by_user = defaultdict(lambda: self.browse())
        for row in self.sudo():
            by_user[row.user_id] |= row
        for user, rows in by_user.items():
            env_rows = rows.with_user(user).with_company(rows[0].company_id)
            jobs |= jobs.with_user(user).with_company(rows[0].company_id)._asn_enqueue(
                env_rows, "_asn_job_siasn_send", _("Push to SIASN (%s records)", len(rows)), batch_size=50)
        return self.env["hr.asn.evaluation.period"]._asn_open_jobs(jobs.with_env(self.env)) if jobs else True

    # ------------------------------------------------------------------------------------------
    # The cron: queue the rows that are due
    # ------------------------------------------------------------------------------------------
    @api.model
    def _cron_queue_due(self):
        due = self.sudo().search([("state", "=", "pending"), ("next_attempt", "<=", fields.Datetime.now())],
                                 order="id", limit=5000)
        if due:
            due._asn_queue_send()
        return due

    # ------------------------------------------------------------------------------------------
    # The job: post each due row
    # ------------------------------------------------------------------------------------------
    def _asn_job_siasn_send(self):
        self._check_siasn_access()
        now = fields.Datetime.now()
        if not self.ids:
            return None
        # the rows still pending and due, locked until this batch commits: a second job for the same rows
        # (the cron queued them again, or the other lane runs it) passes over them, then finds them sent
        self.env.cr.execute(SQL(
            """SELECT id FROM hr_asn_siasn_outbox
                WHERE id IN %s AND state = 'pending' AND (next_attempt IS NULL OR next_attempt <= %s)
                ORDER BY id FOR UPDATE SKIP LOCKED""", tuple(self.ids), now))
        rows = self.sudo().browse([row_id for (row_id,) in self.env.cr.fetchall()])
        rows.invalidate_recordset()
        session = requests.Session()
        try:
            for row in rows:
                row._asn_send(session)
        finally:
            session.close()
        return None

    def _asn_send(self, session):
        """One POST of the row's payload with its idempotency key; the outcome on the row."""
        self.ensure_one()
        url, username, secret, max_attempts, retry_minutes = self._asn_settings(self.company_id)
        now = fields.Datetime.now()
        attempt = self.attempts + 1
        if not url:
            return self._asn_failed(attempt, max_attempts, retry_minutes,
                                    _("No SIASN endpoint is set (Settings > Kinerja ASN)."))
        headers = {"Idempotency-Key": self.idempotency_key, "Accept": "application/json"}
        auth = None
        if username:
            auth = (username, secret)
        elif secret:
            headers["Authorization"] = "Bearer %s" % secret
        secrets = (secret, username) if username else (secret,)
        try:
            response = session.post(url, json=self.payload, headers=headers, auth=auth, timeout=TIMEOUT,
                                     allow_redirects=False)
        except requests.RequestException as error:
            # the exception's text may hold the address: sanitized, never logged as such
            reason = siasn_export.sanitize("%s: %s" % (type(error).__name__, error), secrets)
            _logger.info("hr_asn: SIASN outbox %s attempt %s: %s", self.id, attempt, type(error).__name__)
            return self._asn_failed(attempt, max_attempts, retry_minutes, reason)
        _logger.info("hr_asn: SIASN outbox %s attempt %s: HTTP %s", self.id, attempt, response.status_code)
        if 200 <= response.status_code < 300:
            self.write({"state": "sent", "attempts": attempt, "sent_date": now, "next_attempt": False,
                        "last_error": False,
                        "log": self._asn_log_line(now, attempt, "HTTP %s" % response.status_code)})
            return True
        body = siasn_export.sanitize(response.text[:300], secrets, limit=300)
        return self._asn_failed(attempt, max_attempts, retry_minutes, "HTTP %s %s" % (response.status_code, body))

    def _asn_log_line(self, when, attempt, text):
        line = "%s #%s %s" % (fields.Datetime.to_string(when), attempt, text)
        return "\n".join(filter(None, [self.log, line]))[-20000:]

    def _asn_failed(self, attempt, max_attempts, retry_minutes, reason):
        now = fields.Datetime.now()
        vals = {"attempts": attempt, "last_error": reason, "log": self._asn_log_line(now, attempt, reason)}
        if attempt >= max_attempts:
            vals.update(state="failed", next_attempt=False)
            self.write(vals)
            user = self.user_id
            period = self.period_id.with_context(lang=user.lang)
            message = period.env._(
                "%(name)s could not be sent to SIASN after %(count)s attempts: %(reason)s",
                name=self.name, count=attempt, reason=reason)
            if period:
                period.message_post(body=message, partner_ids=user.partner_id.ids, subtype_xmlid="mail.mt_note")
            user._bus_send("simple_notification", {"type": "danger", "title": _("SIASN"), "message": message,
                                                   "sticky": True})
            return False
        seconds = siasn_export.backoff_seconds(attempt, base=60 * retry_minutes)
        vals["next_attempt"] = now + datetime.timedelta(seconds=seconds)
        self.write(vals)
        return False
