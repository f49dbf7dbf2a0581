"""Export of results in SIASN's shape (issue 14 item 5; national_rules.md §8): files made by background jobs,
the editable codes, the push through the outbox against a local web service that fails then accepts, and
who may do it."""
import base64
import csv
import datetime
import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import openpyxl
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_export import FORGED, ExportCase

SECRET = "s3cr3t-Pa55-xyz"
CLIENT = "bkpsdm-client-77"


class FakeSiasn:
    """A web service on 127.0.0.1 (a free port) that answers the next ``fail`` requests with 500 and then
    accepts; it keeps what it accepted by idempotency key (a key accepted twice is a duplicate)."""

    def __init__(self, fail=1):
        self.fail = fail
        self.requests = []  # (key, authorization, body) of every request
        self.accepted = {}  # key -> body
        self.duplicates = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"null")
                key = self.headers.get("Idempotency-Key")
                with server.lock:
                    server.requests.append((key, self.headers.get("Authorization"), body))
                    if server.fail > 0:
                        server.fail -= 1
                        status, answer = 500, b'{"error": "temporarily unavailable"}'
                    else:
                        if key in server.accepted:
                            server.duplicates.append(key)
                        server.accepted[key] = body
                        status, answer = 201, b'{"success": true}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%s/api/kinerja" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


class SiasnCase(ExportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a quarter: the staff member (a JF, Ahli Muda) and the Kepala Seksi's other evaluations set
        cls.period, cls.evaluation = cls.evaluate("quarter", 1, hasil="diatas", perilaku="sesuai")
        cls.Outbox = cls.env["hr.asn.siasn.outbox"]

    def configure(self, url, attempts=3, retry_minutes=5):
        self.company.sudo().write({"asn_siasn_url": url, "asn_siasn_username": CLIENT, "asn_siasn_secret": SECRET,
                                   "asn_siasn_max_attempts": attempts, "asn_siasn_retry_minutes": retry_minutes})
        self.env.flush_all()  # the settings' own UPDATE (in the SQL debug log) is not the push's

    def run_jobs(self):
        cron, _progress = self.env.ref("hr_asn_performance.ir_cron_hr_asn_job")._add_progress()
        cron.env["hr.asn.job"]._cron_run()

    def export(self, action, user=None):
        job_action = getattr(self.period.with_user(user or self.user_admin), action)()
        job = self.env["hr.asn.job"].browse(job_action["res_id"])
        self.assertEqual(job.state, "queued", "nothing is made inside the request")
        self.run_jobs()
        self.assertEqual(job.state, "done", job.error)
        return job.result_attachment_id, base64.b64decode(job.result_attachment_id.with_user(
            user or self.user_admin).datas)


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06 09:00:00")
class TestSiasnExport(SiasnCase):
    def test_json_has_the_shape_and_codes(self):
        attachment, content = self.export("action_export_siasn_json")
        self.assertEqual((attachment.name, attachment.mimetype), ("SIASN TRIWULAN I 2026.json", "application/json"))
        document = json.loads(content)
        row = next(row for row in document["kinerja"] if row["nipDinilai"] == self.staff.nip)
        self.assertEqual(row["jenis"], "periodik")
        self.assertEqual((row["tahun"], row["bulanMulaiPenilaian"], row["bulanSelesaiPenilaian"]), (2026, 1, 3))
        # Diatas x Sesuai -> Baik: 3, 2 (national_rules.md §1) and the kuadran's Baik (4 by default)
        self.assertEqual((row["hasilKinerjaNilai"], row["perilakuKerjaNilai"], row["kuadranKinerjaNilai"]), (3, 2, 4))
        kasi = self.emp["K.dseksi"] if "K.dseksi" in self.emp else self.staff.pejabat_penilai_id
        self.assertEqual((row["penilaiNama"], row["penilaiNipNrp"]), (kasi.name, kasi.nip))
        self.assertEqual(row["penilaiGolongan"], kasi.asn_golongan or "")
        self.assertEqual((row["penilaiUnorNama"], row["statusPenilai"]), (kasi.department_id.name, "ASN"))
        self.assertTrue(row["pathDokumen"].endswith("/my/evaluations/%s" % self.evaluation.id))
        credit = next(row for row in document["angkaKredit"] if row["nipDinilai"] == self.staff.nip)
        self.assertEqual((credit["jenjang"], credit["kreditBaruTotal"]),
                         ("ahli_muda", round(self.evaluation.angka_kredit, 3)))
        self.assertGreater(credit["kreditBaruTotal"], 0)
        nips = {row["nipDinilai"] for row in document["kinerja"]}
        self.assertEqual(len(nips), len(self.period.evaluation_ids.filtered(
            lambda e: e.state in ("ditetapkan", "diterima", "dilaporkan"))), "set results only")

    def test_csv_and_xlsx(self):
        attachment, content = self.export("action_export_siasn_csv")
        self.assertTrue(attachment.name.endswith(".csv"))
        lines = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        mine = [line for line in lines if line["nipDinilai"] == self.staff.nip]
        self.assertEqual(sorted(line["jenis"] for line in mine), ["angka_kredit", "periodik"])
        self.assertEqual(next(line for line in mine if line["jenis"] == "periodik")["hasilKinerjaNilai"], "3")
        attachment, content = self.export("action_export_siasn_xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Kinerja", "Angka Kredit"])
        rows = list(workbook["Kinerja"].iter_rows(values_only=True))
        header_at = next(index for index, row in enumerate(rows) if row[0] == "jenis")
        data = [dict(zip(rows[header_at], row, strict=False)) for row in rows[header_at + 2:]]
        self.assertEqual(next(row for row in data if row["nipDinilai"] == self.staff.nip)["kuadranKinerjaNilai"], 4)

    def test_editing_the_codes_changes_the_export(self):
        Code = self.env["hr.asn.siasn.code"].with_user(self.user_admin)
        baik = Code.search([("company_id", "=", self.company.id), ("kind", "=", "kuadran"), ("value", "=", "baik")])
        self.assertEqual(baik.code, 4, "the shipped default is loaded as data")
        baik.code = 42
        rows, _credits = self.period.with_user(self.user_admin).get_siasn_rows()
        row = next(row for row in rows if row["nipDinilai"] == self.staff.nip)
        self.assertEqual(row["kuadranKinerjaNilai"], 42)
        sesuai = Code.search([("company_id", "=", self.company.id), ("kind", "=", "perilaku"),
                              ("value", "=", "sesuai")])
        with self.assertRaises(ValidationError):
            sesuai.code = 3  # Diatas has it: SIASN could not tell them apart
        with self.assertRaises(ValidationError):
            sesuai.code = -2
        with self.assertRaises(AccessError):
            sesuai.with_user(self.user_admin_opd).code = 7
        self.assertEqual(sesuai.code, 2)

    def test_only_bkpsdm_exports(self):
        for user in (self.user_pegawai, self.user_penilai, self.user_admin_opd):
            for action in ("action_export_siasn_csv", "action_export_siasn_xlsx", "action_export_siasn_json",
                           "action_siasn_push"):
                with self.subTest(user=user.login, action=action), self.assertRaises(AccessError):
                    getattr(self.period.with_user(user).with_context(**FORGED), action)()
            with self.assertRaises(AccessError):
                self.period.with_user(user).with_context(**FORGED).get_siasn_rows()
        self.assertFalse(self.env["hr.asn.job"].search([("method", "like", "siasn")]))
        self.assertFalse(self.Outbox.search([]))

    def test_job_queued_by_an_admin_opd_fails(self):
        """Queued around the button, the job runs as its user: refused there too."""
        job = self.env["hr.asn.job"].with_user(self.user_admin_opd)._asn_enqueue(
            self.period.with_user(self.user_admin_opd), "_asn_job_export_siasn_json", "SIASN")
        with self.assertLogs("odoo.addons.hr_asn_performance.models.hr_asn_job", level="ERROR"):
            self.run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("Only BKPSDM", job.error or "")
        self.assertFalse(job.result_attachment_id)


@tagged("post_install", "-at_install")
class TestSiasnPush(SiasnCase):
    def push(self, user=None):
        action = self.period.with_user(user or self.user_admin).action_siasn_push()
        return self.env["hr.asn.job"].browse(action["res_id"]) if action.get("res_id") else \
            self.env["hr.asn.job"].search(action["domain"])

    def test_push_fails_then_succeeds_on_retry_without_duplicates(self):
        with freeze_time("2026-04-06 09:00:00") as frozen, FakeSiasn(fail=1) as server:
            self.configure(server.url)
            # from the push on, every log record of every logger (requests and urllib3 included, SQL too)
            with self.assertLogs(level=logging.DEBUG) as logs:
                job = self.push()
                rows = self.Outbox.search([("period_id", "=", self.period.id)])
                expected = len(self.period.get_siasn_rows()[0]) + len(self.period.get_siasn_rows()[1])
                self.assertEqual(len(rows), expected)
                self.assertEqual(set(rows.mapped("state")), {"pending"}, "nothing is sent inside the request")
                self.assertFalse(server.requests)
                self.run_jobs()
                self.assertEqual(job.state, "done", job.error)
                failed = rows.filtered(lambda row: row.attempts == 1 and row.state == "pending" and row.last_error)
                self.assertEqual(len(failed), 1, "the server failed the first request")
                self.assertIn("HTTP 500", failed.last_error)
                self.assertEqual(failed.next_attempt, fields.Datetime.now() + datetime.timedelta(minutes=5))
                self.assertEqual(set((rows - failed).mapped("state")), {"sent"})
                # not due yet: the cron queues nothing
                self.assertFalse(self.Outbox._cron_queue_due())
                frozen.tick(datetime.timedelta(minutes=6))
                self.assertEqual(self.Outbox._cron_queue_due(), failed)
                self.run_jobs()
                self.assertEqual((failed.state, failed.attempts, failed.last_error), ("sent", 2, False))
                self.assertIn("HTTP 500", failed.log)
                self.assertIn("HTTP 201", failed.log)
                # pushing the same results again adds nothing and sends nothing
                with self.assertRaises(UserError):
                    self.push()
        self.assertEqual(len(server.requests), expected + 1, "one retry")
        self.assertEqual(server.duplicates, [], "no record accepted twice")
        self.assertEqual(sorted(server.accepted), sorted(rows.mapped("idempotency_key")))
        retried = [request for request in server.requests if request[0] == failed.idempotency_key]
        self.assertEqual(len(retried), 2, "the retry carries the same idempotency key")
        self.assertEqual(retried[0][2], retried[1][2])
        self.assertTrue(retried[0][1].startswith("Basic "), "the credentials reach the server")
        everything = "\n".join(logs.output)
        self.assertIn("SIASN outbox", everything)
        self.assertNotIn(SECRET, everything)
        self.assertNotIn(CLIENT, everything)
        for row in rows:
            self.assertNotIn(SECRET, "%s %s %s" % (row.log, row.last_error, row.payload_text))

    def test_retry_of_an_accepted_record_is_not_taken_twice(self):
        """The server's answer is lost after it accepted (500 to us): the retry carries the same key, so a
        server that keys by it keeps one."""
        with freeze_time("2026-04-06 09:00:00") as frozen, FakeSiasn(fail=0) as server:
            self.configure(server.url)
            self.push()
            self.run_jobs()
            rows = self.Outbox.search([("period_id", "=", self.period.id)])
            self.assertEqual(set(rows.mapped("state")), {"sent"})
            row = rows[0]
            row.sudo().write({"state": "failed"})
            row.with_user(self.user_admin).action_retry()
            frozen.tick(datetime.timedelta(seconds=1))
            self.run_jobs()
        self.assertEqual(row.state, "sent")
        self.assertEqual(server.duplicates, [row.idempotency_key], "the server saw the key again and can drop it")
        self.assertEqual(len(server.accepted), len(rows))

    def test_rows_queued_twice_are_sent_once(self):
        """The cron queues the pushed rows again before their first job ran: two jobs, one request per row."""
        with freeze_time("2026-04-06 09:00:00"), FakeSiasn(fail=0) as server:
            self.configure(server.url)
            self.push()
            rows = self.Outbox.search([("period_id", "=", self.period.id)])
            self.assertEqual(self.Outbox._cron_queue_due(), rows, "due: queued a second time")
            self.run_jobs()
            jobs = self.env["hr.asn.job"].search([("method", "=", "_asn_job_siasn_send")])
            self.assertEqual(jobs.mapped("state"), ["done", "done"])
        self.assertEqual(set(rows.mapped("state")), {"sent"})
        self.assertEqual(set(rows.mapped("attempts")), {1})
        self.assertEqual(len(server.requests), len(rows))
        self.assertEqual(server.duplicates, [])

    def test_failed_after_the_attempts_with_a_message(self):
        with freeze_time("2026-04-06 09:00:00") as frozen, FakeSiasn(fail=100) as server:
            self.configure(server.url, attempts=2, retry_minutes=1)
            self.push()
            self.run_jobs()
            rows = self.Outbox.search([("period_id", "=", self.period.id)])
            self.assertEqual(set(rows.mapped("attempts")), {1})
            frozen.tick(datetime.timedelta(minutes=2))
            self.Outbox._cron_queue_due()
            self.run_jobs()
            self.assertEqual(set(rows.mapped("state")), {"failed"})
            self.assertEqual(set(rows.mapped("attempts")), {2})
            self.assertFalse(self.Outbox._cron_queue_due(), "a failed record is not tried again by itself")
        messages = self.period.message_ids.filtered(lambda m: "could not be sent to SIASN" in (m.body or ""))
        self.assertEqual(len(messages), len(rows))
        self.assertIn(self.user_admin.partner_id, messages.partner_ids)
        self.assertNotIn(SECRET, " ".join(messages.mapped("body")))

    def test_unreachable_server_error_is_sanitized(self):
        with freeze_time("2026-04-06 09:00:00"):
            # nothing listens there (a port just freed); the address carries credentials
            with FakeSiasn() as server:
                port = server.httpd.server_address[1]
            self.configure("http://%s:%s@127.0.0.1:%s/api" % (CLIENT, SECRET, port), attempts=1)
            self.push()
            self.run_jobs()
        rows = self.Outbox.search([("period_id", "=", self.period.id)])
        self.assertEqual(set(rows.mapped("state")), {"failed"})
        for row in rows:
            self.assertTrue(row.last_error)
            self.assertNotIn(SECRET, row.last_error + row.log)
            self.assertNotIn(CLIENT, row.last_error + row.log)

    def test_push_needs_an_endpoint_and_bkpsdm(self):
        with freeze_time("2026-04-06 09:00:00"):
            with self.assertRaises(UserError):
                self.period.with_user(self.user_admin).action_siasn_push()
            self.configure("http://127.0.0.1:9/api")
            for user in (self.user_admin_opd, self.user_penilai, self.user_pegawai):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    self.period.with_user(user).with_context(**FORGED).action_siasn_push()
                with self.assertRaises(AccessError):
                    self.Outbox.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.company.with_user(user).read(["asn_siasn_secret"])
            self.assertFalse(self.Outbox.search([]))
            with self.assertRaises(AccessError):
                self.company.with_user(self.user_admin_opd).write({"asn_siasn_url": "http://evil.example"})
            self.assertEqual(self.company.sudo().asn_siasn_url, "http://127.0.0.1:9/api")
