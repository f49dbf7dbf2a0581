"""Double submits with real concurrency (issue 9, finding 9): two requests of one employee, each in its
own transaction, as two clicks on "Create my SKP" or "Give Umpan Balik" run on the server.

Odoo runs a request in a REPEATABLE READ transaction: its snapshot is taken at its first query, so the
Python checks of the second request do not see what the first one committed meanwhile. The tests open
two real cursors (committed, as core's ``test_ir_sequence`` does; the records are removed afterwards),
let the second take its snapshot, let the first write and commit, then run the second: before the fix
it stored a second open SKP and a second, identical feedback. No frozen date: the committed records
live in this year, where the server's requests would put them, and are gone after each test.
"""
from contextlib import contextmanager

from psycopg2.errors import UniqueViolation

from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from ..controllers.portal import SkpPortal


@tagged("post_install", "-at_install")
class TestSkpPortalConcurrency(BaseCase):
    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        self.year = fields.Date.today().year
        with self.environment() as env:
            employees = env["hr.employee"].create([{"name": "Pegawai Konkuren %s" % index} for index in (1, 2)])
            self.employee_id, self.colleague_id = employees.ids
        self.addCleanup(self.remove_records)

    @contextmanager
    def environment(self):
        """A transaction of its own as the superuser, committed and closed at the end of the block."""
        with self.registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {})

    def remove_records(self):
        with self.environment() as env:
            employees = env["hr.employee"].browse([self.employee_id, self.colleague_id])
            skps = env["hr.asn.skp"].search([("employee_id", "in", employees.ids)])
            env["hr.asn.skp.feedback"].search([("skp_id", "in", skps.ids)]).unlink()
            skps.unlink()
            employees.unlink()

    def two_transactions(self):
        """(env A, env B) on two cursors; B has taken its snapshot (a request has begun)."""
        cr_a, cr_b = self.registry.cursor(), self.registry.cursor()
        self.addCleanup(cr_a.close)
        self.addCleanup(cr_b.close)
        cr_b.execute("SELECT 1")
        return api.Environment(cr_a, SUPERUSER_ID, {}), api.Environment(cr_b, SUPERUSER_ID, {})

    def count(self, model, domain):
        with self.environment() as env:
            return env[model].search_count(domain)

    def test_two_concurrent_creates_store_one_open_skp(self):
        env_a, env_b = self.two_transactions()
        vals = {"employee_id": self.employee_id, "year": self.year, "approach": "kualitatif"}
        env_a["hr.asn.skp"].create(vals)
        env_a.cr.commit()
        # the second click: its overlap check cannot see the first SKP; the database refuses it
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), env_b.cr.savepoint():
            env_b["hr.asn.skp"].create(vals)
        # the portal's way of creating answers the second click without an error page
        start = SkpPortal._skp_start
        with mute_logger("odoo.sql_db"):
            second = start(env_b["hr.asn.skp"], env_b["hr.employee"].browse(self.employee_id), self.year, "kuantitatif")
        self.assertIsNone(second)
        env_b.cr.commit()
        self.assertEqual(self.count("hr.asn.skp", [("employee_id", "=", self.employee_id)]), 1)
        with self.environment() as env:
            skp = env["hr.asn.skp"].search([("employee_id", "=", self.employee_id)])
            self.assertEqual((skp.state, skp.approach), ("draft", "kualitatif"), "the first click's SKP")
            # a click after both: the open SKP, nothing new
            self.assertEqual(start(env["hr.asn.skp"], skp.employee_id, self.year, "kuantitatif"), skp)
        self.assertEqual(self.count("hr.asn.skp", [("employee_id", "=", self.employee_id)]), 1)

    def test_revision_and_later_skp_are_outside_the_index(self):
        """What the one-open-SKP rule allows stays possible: a revision beside the set SKP it replaces."""
        with self.environment() as env:
            skp = env["hr.asn.skp"].create({"employee_id": self.employee_id, "year": self.year})
            skp.write({"state": "set"})
            revision = skp._asn_copy_as_revision("Penyesuaian ekspektasi")
            self.assertEqual((revision.state, revision.revision, revision.date_from), ("draft", 1, skp.date_from))

    def test_two_concurrent_feedback_posts_store_one(self):
        with self.environment() as env:
            skp = env["hr.asn.skp"].create({"employee_id": self.colleague_id, "year": self.year})
            skp.write({"state": "set"})
        vals = {"topic": "perilaku", "behavior_value": "kolaboratif", "kind": "insidentil", "mode": "langsung",
                "name": "Terima kasih atas bantuannya"}
        env_a, env_b = self.two_transactions()
        store = SkpPortal._feedback_store
        colleague_a, colleague_b = (env["hr.employee"].browse(self.colleague_id) for env in (env_a, env_b))
        self.assertTrue(store(env_a["hr.asn.skp.feedback"], colleague_a, vals, "form-key-1"))
        env_a.cr.commit()
        with self.assertRaises(UniqueViolation), mute_logger("odoo.sql_db"), env_b.cr.savepoint():
            env_b["hr.asn.skp.feedback"]._asn_give(colleague_b, dict(vals, submit_token="form-key-1"))
        with mute_logger("odoo.sql_db"):
            stored = store(env_b["hr.asn.skp.feedback"], colleague_b, vals, "form-key-1")
        self.assertFalse(stored, "the second click stores nothing and is answered as a success")
        env_b.cr.commit()
        domain = [("employee_id", "=", self.colleague_id)]
        self.assertEqual(self.count("hr.asn.skp.feedback", domain), 1)
        with self.environment() as env:
            # the same form sent again later: still one; a new form (new key) is a new feedback
            self.assertFalse(store(env["hr.asn.skp.feedback"], colleague_a.with_env(env), vals, "form-key-1"))
            self.assertTrue(store(env["hr.asn.skp.feedback"], colleague_a.with_env(env), vals, "form-key-2"))
        self.assertEqual(self.count("hr.asn.skp.feedback", domain), 2)

