"""Creating, submitting and setting the SKPs of a whole Perangkat Daerah are set operations: their query
count does not grow with the number of employees (checked with Odoo's query counting).

Odoo's ORM writes at most 100 rows per INSERT or UPDATE (odoo.models.INSERT_BATCH_SIZE and
UPDATE_BATCH_SIZE); the counts are taken with those batches widened, so that they measure this module's
queries and not the ORM's paging.
"""
import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from ..rules import nip as nip_rules
from .common import HrAsnSkpCase

BATCHES = {"INSERT_BATCH_SIZE": 100000, "UPDATE_BATCH_SIZE": 100000}


@tagged("post_install", "-at_install", "is_query_count")
@freeze_time("2026-01-12")
class TestSkpPerformance(HrAsnSkpCase):
    def hire(self, count, start):
        Employee = self.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        employees = Employee.create([{
            "name": "Staf %d" % number, "department_id": self.units["dseksi"].id, "company_id": self.company.id,
            "asn_status": "pns", "asn_position_kind": "pelaksana", "asn_golongan": "II/c",
            "nip": nip_rules.build(datetime.date(1990, 1, 1) + datetime.timedelta(days=number), 2015, 3, "female", 1),
        } for number in range(start, start + count)])
        self.env["hr.employee"]._asn_recompute_assessors()
        return employees

    def fill(self, skps, parent):
        """What each employee writes in their draft (not measured): one RHK with one IKI."""
        self.env["hr.asn.skp.rhk"].create([{
            "skp_id": skp.id, "kind": "utama", "name": "Laporan %s" % skp.employee_id.name,
            "parent_rhk_id": parent.id,
            "iki_ids": [fields.Command.create({"name": "Laporan tersusun", "target_text": "12 laporan"})],
        } for skp in skps])

    def cycle(self, employees, parent, warm=False):
        """Create, fill, submit and set the SKPs of ``employees``, counting the queries of each step."""
        Skp = self.env["hr.asn.skp"].with_user(self.user_admin)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(CREATE_QUERIES + 16 * warm):
            skps = Skp._asn_create_for_employees(employees, self.YEAR)
            self.env.flush_all()
        self.fill(skps, parent)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(SUBMIT_QUERIES + 3 * warm):
            skps.with_user(self.user_admin).action_submit()
            self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(SET_QUERIES + 7 * warm):
            skps.with_user(self.user_penilai).action_set()
            self.env.flush_all()
        return skps

    def test_batch_queries_do_not_grow(self):
        kadis, kabid, kasi = self.make_cascade()
        parent = kasi.rhk_ids[0]
        with patch.multiple("odoo.models", **BATCHES):
            self.cycle(self.hire(3, 0), parent, warm=True)  # first run fills caches (groups, ir.model, ...)
            small = self.cycle(self.hire(5, 100), parent)
            big = self.cycle(self.hire(60, 200), parent)
        self.assertEqual(len(big), 60)
        self.assertEqual(set(big.mapped("state")), {"set"})
        self.assertEqual(len(big.month_ids), 60 * 12)
        self.assertEqual(len(big.month_ids.line_ids), 60 * 12)
        self.assertEqual(set(small.mapped("pejabat_penilai_id.name")), {"H.dseksi"})
        self.assertEqual(len(big.activity_ids), 0, "set SKPs leave no to-do behind")

    def test_queuing_the_lists_jobs_does_not_grow(self):
        """The list's actions check the whole selection and queue a job (issue 13): as many queries for 5
        SKPs or employees as for 60."""
        kadis, kabid, kasi = self.make_cascade()
        parent = kasi.rhk_ids[0]
        Skp = self.env["hr.asn.skp"]
        with patch.multiple("odoo.models", **BATCHES):
            for count, start, warm in ((3, 0, True), (5, 100, False), (60, 200, False)):
                employees = self.hire(count, start)
                self.env.flush_all()
                self.env.invalidate_all()
                with self.assertQueryCount(QUEUE_CREATE_QUERIES + 17 * warm):
                    Skp.with_user(self.user_admin).action_create_for_employees(employees.with_user(self.user_admin))
                    self.env.flush_all()
                skps = Skp._asn_create_for_employees(employees, self.YEAR)
                self.fill(skps, parent)
                skps.action_submit()
                self.env.flush_all()
                self.env.invalidate_all()
                with self.assertQueryCount(QUEUE_SET_QUERIES + 12 * warm):
                    skps.with_user(self.user_penilai).action_set_selected()
                    self.env.flush_all()
                self.assertEqual(set(skps.mapped("state")), {"submitted"}, "set by the job, not the request")


# draft SKPs with their 7 perilaku lines: existing SKPs, employees and their assessors, the INSERTs
# + the open-SKP check before the INSERT (issue 9, finding 9), + the versions of the SKPs their perilaku lines
# count (issue 13: one UPDATE for the batch)
CREATE_QUERIES = 19
# check, snapshot compare, one UPDATE, chatter notes, to-dos for the assessors
SUBMIT_QUERIES = 29  # + the versions of the SKPs (issue 13: one UPDATE for the batch)
# check and the Pejabat Penilai's read access, one UPDATE, chatter notes, months and their lines, to-dos removed,
# the e-mail to the employees (issue 12: their addresses read at once, one batch of mails)
SET_QUERIES = 31  # + the versions of the SKPs (issue 13: one UPDATE for the batch); the months and lines: two INSERTs
# the list's action: the Kepegawaian role and write access to the employees, the job created, the crons woken
QUEUE_CREATE_QUERIES = 18
# state, the Pejabat Penilai's read access and role, what Lampiran I needs (RHK, IKI), the two jobs, the crons
QUEUE_SET_QUERIES = 25
