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
            env["hr.asn.skp"].browse(self.skp_id).unlink()
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

    def open_detail(self, browser):
        """(CSRF token, SKP version) of the edit form on the SKP's page."""
        page = browser.get("%s/my/skp/%s" % (self.base_url(), self.skp_id), timeout=30)
        self.assertEqual(page.status_code, 200)
        self.assertIn("/my/skp/%s/edit" % self.skp_id, page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return token, int(re.search(r'name="asn_version" value="(\d+)"', page.text).group(1))

    def save_while_row_held(self, hold):
        """Post the edit form (approach kuantitatif) while another transaction has run ``hold(env)`` on
        the SKP and not committed; commit it once the request waits on the row. The response."""
        browser = self.login()
        token, version = self.open_detail(browser)
        other = self.db_registry.cursor()
        self.addCleanup(other.close)
        hold(api.Environment(other, SUPERUSER_ID, {}), version)
        other.flush()
        answer = {}

        def post():
            answer["response"] = browser.post(
                "%s/my/skp/%s/edit" % (self.base_url(), self.skp_id),
                data={"csrf_token": token, "asn_version": version, "approach": "kuantitatif"}, timeout=60)

        request = threading.Thread(target=post)
        with self.assertLogs("odoo.sql_db", "ERROR") as logs:
            request.start()
            self.wait_for_lock()
            other.commit()
            request.join(60)
        self.assertFalse(request.is_alive())
        # the request's UPDATE was refused by PostgreSQL: what it answers comes from Odoo's retry
        self.assertTrue(any("could not serialize access due to concurrent update" in line for line in logs.output),
                        logs.output)
        return answer["response"]

    def wait_for_lock(self, timeout=20):
        """Until a backend of this database waits on a row lock (the request reached the SKP's row)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.db_registry.cursor() as cr:
                cr.execute("""SELECT count(*) FROM pg_stat_activity
                               WHERE datname = current_database() AND wait_event_type = 'Lock'
                                 AND query LIKE %s""", ['UPDATE "hr_asn_skp" SET asn_version%'])
                if cr.fetchone()[0]:
                    return
            time.sleep(0.05)
        self.fail("the portal's save never reached the SKP's row")

    def stored(self):
        with self.environment() as env:
            skp = env["hr.asn.skp"].browse(self.skp_id)
            return skp.approach, skp.perjanjian_kerja_ref

    def test_second_save_waits_is_retried_and_refused(self):
        def other_save(env, version):  # another session saves the SKP first, with the same version
            env["hr.asn.skp"].browse(self.skp_id).write({"perjanjian_kerja_ref": "PK/07/2026", "asn_version": version})

        response = self.save_while_row_held(other_save)
        self.assertEqual(response.status_code, 200)
        self.assertIn(CONFLICT, response.text)
        self.assertEqual(self.stored(), ("kualitatif", "PK/07/2026"), "the first save intact, nothing of the second")

    def test_row_changed_meanwhile_is_retried_and_stored(self):
        def other_change(env, version):  # a transaction touching the row without saving the SKP (e.g. a job)
            env.cr.execute("UPDATE hr_asn_skp SET write_date = now() WHERE id = %s", [self.skp_id])

        response = self.save_while_row_held(other_change)
        self.assertEqual(response.history[0].status_code, 303)
        self.assertIn("/my/skp/%s?done=1" % self.skp_id, response.url)
        self.assertEqual(self.stored(), ("kuantitatif", False))
