"""Two requests writing the same row at the same time (issue 13, Must have 4), with real transactions:
the HTTP server runs outside the test transaction here (``registry_test_mode = False``), the records are
committed (as test_skp_portal_concurrency.py does) and removed afterwards.

Another transaction (a second session's save, a background job) holds the row of a draft SKP, updated
and not yet committed, while the employee's portal save of the same SKP arrives: the request waits on
the row lock; once the other commits, PostgreSQL refuses the request's UPDATE (REPEATABLE READ:
concurrent update) and Odoo retries the whole request (odoo/service/model.py ``retrying``). The
controllers do not catch that error: the user gets the normal answer, never a 500. After the retry the
version check decides: refused when the other one was a save of the SKP, stored when it was not.
No frozen date: the server's requests run on today (the records live in this year).
"""
import re
import threading
import time
from contextlib import contextmanager

import requests

import odoo
from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import DummyRLock, Registry
from odoo.service import security
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged

from .test_skp_concurrent_edit import CONFLICT


@tagged("post_install", "-at_install")
class TestSkpConcurrentRetry(HttpCase):
    registry_test_mode = False  # the server's requests use transactions of their own

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as Registry.enter_test_mode does, without its shared test cursor: the test runner holds the
        # registries' lock while the tests run, the server's threads open the loaded registry meanwhile
        saved, Registry._lock = Registry._lock, DummyRLock()
        cls.addClassCleanup(setattr, Registry, "_lock", saved)

    def setUp(self):
        super().setUp()
        self.db_registry = Registry(get_db_name())
        with self.environment() as env:
            user = new_test_user(env, "asn_konkuren", groups="hr_asn_performance.group_hr_asn_performance_employee")
            employee = env["hr.employee"].create({"name": "Pegawai Konkuren", "user_id": user.id})
            skp = env["hr.asn.skp"].create({"employee_id": employee.id, "year": fields.Date.today().year})
            self.user_id, self.employee_id, self.skp_id = user.id, employee.id, skp.id
        self.addCleanup(self.remove_records)

    @contextmanager
    def environment(self):
        """A transaction of its own as the superuser, committed and closed at the end of the block."""
        with self.db_registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {})

    def remove_records(self):
        with self.environment() as env:
            skp = env["hr.asn.skp"].browse(self.skp_id)
            skp.write({"state": "draft"})  # a set SKP's parts stay (Pasal 13(3)): its draft goes
            skp.unlink()
            env["hr.employee"].browse(self.employee_id).unlink()
            user = env["res.users"].browse(self.user_id)
            try:
                with env.cr.savepoint():
                    user.unlink()
            except Exception:  # noqa: BLE001 (a user who left traces is archived instead)
                user.active = False

    def login(self):
        """A requests session logged in as the employee (a session of the server's own store)."""
        session = odoo.http.root.session_store.new()
        session.update(odoo.http.get_default_session(), db=get_db_name())
        with self.environment() as env:
            session.uid, session.login = self.user_id, "asn_konkuren"
            user_env = api.Environment(env.cr, self.user_id, {})
            session.session_token = security.compute_session_token(session, user_env)
            session.context = dict(user_env["res.users"].context_get())
        odoo.http.root.session_store.save(session)
        self.addCleanup(odoo.http.root.session_store.delete, session)
        browser = requests.Session()
        browser.cookies["session_id"] = session.sid
        self.addCleanup(browser.close)
        return browser

    def save_while_row_held(self, page, version_name, action, data, table, hold):
        """Open ``page`` as the employee, then post ``data`` to ``action`` with the version its form shows
        (hidden input ``version_name``) while another transaction has run ``hold(env, version)`` on the
        row and not committed; commit it once the request waits on the row of ``table``. The response."""
        browser = self.login()
        shown = browser.get(self.base_url() + page, timeout=30)
        self.assertEqual(shown.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', shown.text).group(1)
        version = int(re.search(r'name="%s" value="(\d+)"' % version_name, shown.text).group(1))
        other = self.db_registry.cursor()
        self.addCleanup(other.close)
        held = api.Environment(other, SUPERUSER_ID, {})
        hold(held, version)
        held.flush_all()  # its UPDATEs are sent: the row is locked, uncommitted
        answer = {}

        def post():
            answer["response"] = browser.post(self.base_url() + action, timeout=60,
                                              data=dict(data, csrf_token=token, **{version_name: version}))

        request = threading.Thread(target=post)
        with self.assertLogs("odoo.sql_db", "ERROR") as logs:
            request.start()
            self.wait_for_lock(table)
            other.commit()
            request.join(60)
        self.assertFalse(request.is_alive())
        # the request's UPDATE was refused by PostgreSQL: what it answers comes from Odoo's retry
        self.assertTrue(any("could not serialize access due to concurrent update" in line for line in logs.output),
                        logs.output)
        return answer["response"]

    def save_skp_while_row_held(self, hold):
        """The edit form of the draft (approach kuantitatif), as ``save_while_row_held``."""
        return self.save_while_row_held("/my/skp/%s" % self.skp_id, "asn_version", "/my/skp/%s/edit" % self.skp_id,
                                        {"approach": "kuantitatif"}, "hr_asn_skp", hold)

    def wait_for_lock(self, table, timeout=20):
        """Until a backend of this database waits on a row lock of ``table`` (the request reached the row)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.db_registry.cursor() as cr:
                cr.execute("""SELECT count(*) FROM pg_stat_activity
                               WHERE datname = current_database() AND wait_event_type = 'Lock'
                                 AND query LIKE %s""", ['UPDATE "%s" SET asn_version%%' % table])
                if cr.fetchone()[0]:
                    return
            time.sleep(0.05)
        self.fail("the portal's save never reached the row")

    def stored(self):
        with self.environment() as env:
            skp = env["hr.asn.skp"].browse(self.skp_id)
            return skp.approach, skp.perjanjian_kerja_ref

    def test_second_save_waits_is_retried_and_refused(self):
        def other_save(env, version):  # another session saves the SKP first, with the same version
            env["hr.asn.skp"].browse(self.skp_id).write({"perjanjian_kerja_ref": "PK/07/2026", "asn_version": version})

        response = self.save_skp_while_row_held(other_save)
        self.assertEqual(response.status_code, 200)
        self.assertIn(CONFLICT, response.text)
        self.assertEqual(self.stored(), ("kualitatif", "PK/07/2026"), "the first save intact, nothing of the second")

    def test_row_changed_meanwhile_is_retried_and_stored(self):
        def other_change(env, version):  # a transaction touching the row without saving the SKP (e.g. a job)
            env.cr.execute("UPDATE hr_asn_skp SET write_date = now() WHERE id = %s", [self.skp_id])

        response = self.save_skp_while_row_held(other_change)
        self.assertEqual(response.history[0].status_code, 303)
        self.assertIn("/my/skp/%s?done=1" % self.skp_id, response.url)
        self.assertEqual(self.stored(), ("kuantitatif", False))

    def test_month_line_second_save_waits_is_retried_and_refused(self):
        with self.environment() as env:  # the SKP set, its months open (this month has begun)
            skp = env["hr.asn.skp"].browse(self.skp_id)
            env["hr.asn.skp.rhk"].create({"skp_id": skp.id, "name": "Laporan bulanan", "iki_ids": [
                fields.Command.create({"name": "Laporan tersusun", "target_text": "12 laporan"})]})
            skp.write({"state": "set"})
            env["hr.asn.skp.month"]._asn_open_months(skp)
            month = skp.month_ids.filtered(lambda month: month.month == fields.Date.today().month)
            line_id = month.line_ids.id
        line_field = "version_%s" % line_id

        def other_save(env, version):  # the employee's other session saves the line first
            env["hr.asn.skp.month.line"].browse(line_id).write({"realisasi": "Dari kantor", "asn_version": version})

        url = "/my/skp/%s/month/%s" % (self.skp_id, month.id)
        response = self.save_while_row_held(url, line_field, url, {"realisasi_%s" % line_id: "Dari rumah",
                                                                   "action": "save"},
                                            "hr_asn_skp_month_line", other_save)
        self.assertEqual(response.status_code, 200)
        self.assertIn(CONFLICT, response.text)
        with self.environment() as env:
            self.assertEqual(env["hr.asn.skp.month.line"].browse(line_id).realisasi, "Dari kantor")
