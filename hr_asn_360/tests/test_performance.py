"""Generation and close are set operations: their query count does not grow with the number of employees.

Odoo's ORM writes at most 100 rows per INSERT or UPDATE (odoo.models.INSERT_BATCH_SIZE and
UPDATE_BATCH_SIZE); the counts are taken with those batches widened, so that they measure this module's
queries and not the ORM's paging.
"""
import datetime
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.hr_asn_performance.rules import nip as nip_rules

from .common import HrAsn360Case

BATCHES = {"INSERT_BATCH_SIZE": 100000, "UPDATE_BATCH_SIZE": 100000}
QUEUE_QUERIES = 21  # lock the round, check the job, create it, trigger the crons, link it
QUEUE_CLOSE_QUERIES = 22  # the same and ANALYZE of the ratings
GENERATE_QUERIES = 8  # employees, heads of units (peer groups), current assignments, results, INSERTs (SQL)
CLOSE_QUERIES = 13  # a batch of results: planned raters, answers (SQL), lines (SQL), outcomes (SQL)
FINISH_QUERIES = 7  # scores, ranks, state


@tagged("post_install", "-at_install", "is_query_count")
class TestPerformance(HrAsn360Case):
    def grow_city(self, count=100):
        """``count`` more Pelaksana spread over eight units, with the assessors recomputed."""
        Employee = self.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        units = ["dseksi", "dsub", "bsubbid", "useksi", "spseksi", "kseksi", "lseksi", "rsseksi"]
        Employee.create([{
            "name": "Extra %d" % number, "department_id": self.units[units[number % len(units)]].id,
            "company_id": self.company.id, "asn_status": "pns", "asn_position_kind": "pelaksana",
            "nip": nip_rules.build(datetime.date(1990, 1, 1) + datetime.timedelta(days=number), 2015, 3, "female", 1),
        } for number in range(count)])
        self.env["hr.employee"]._asn_recompute_assessors()

    def measure(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def rate_all(self, round_):
        """Answers for every assignment, written in bulk (the portal path is tested elsewhere)."""
        questions = round_.question_ids
        assignments = round_.assignment_ids
        self.env["hr.asn360.answer"].create([
            {"assignment_id": assignment.id, "question_id": question.id, "stars": 1 + (assignment.id + question.id) % 5}
            for assignment in assignments for question in questions
        ])
        assignments.sudo().write({"state": "submitted"})

    def test_generation_and_close_queries_do_not_grow(self):
        """Queuing is a handful of queries; the job's batch (generation: a round; close: a batch of results,
        then its last step) a fixed number, whatever the size of the city."""
        admin = self.user_admin
        Round = self.Round.with_user(admin)
        with patch.multiple("odoo.models", **BATCHES):
            warm = self.make_round(year=2025, semester="1", generate=False).with_user(admin)
            self.generate(warm)  # caches of groups, views, ir.model
            small = self.make_round(year=2025, semester="2", generate=False).with_user(admin)
            with self.assertQueryCount(QUEUE_QUERIES):
                small.action_generate_assignments()
            small.sudo().job_id.sudo().unlink()  # run the batch itself, measured
            with self.assertQueryCount(GENERATE_QUERIES):
                small._asn_job_generate()
            small_count = small.sudo().assignment_count
            self.grow_city(100)
            big = self.make_round(year=2026, semester="1", generate=False).with_user(admin)
            with self.assertQueryCount(GENERATE_QUERIES):
                big._asn_job_generate()
            self.assertGreater(big.sudo().assignment_count, small_count + 300)

            for round_ in (warm, small, big):
                round_.action_open()
                self.rate_all(round_)
            self.close(warm)
            with self.assertQueryCount(QUEUE_CLOSE_QUERIES):
                small.action_close()
            self.run_jobs()
            for round_ in (small, big):
                results = self.Result.with_user(admin).search([("round_id", "=", round_.id)])
                if round_ == big:
                    with self.assertQueryCount(CLOSE_QUERIES):
                        results._asn_job_close()
                    with self.assertQueryCount(FINISH_QUERIES):
                        results._asn_job_finish(self.env["hr.asn.job"].new({"method": "_asn_job_close"}))
            self.assertEqual(small.sudo().state, "closed")
        rated = big.sudo().result_ids.filtered("is_rated")
        self.assertEqual(big.sudo().state, "closed")
        self.assertEqual(len(rated.filtered(lambda r: r.rating or r.too_few_raters)), len(rated))
        self.env.invalidate_all()  # the counts are not stored: read them as a new request would
        self.assertEqual(Round.browse(big.id).read(["completion_rate"])[0]["completion_rate"], 100.0)


class TestBulkGeneration(HrAsn360Case):
    """The generation stores raters and results in SQL: what the ORM would have stored, and only there."""

    def test_generated_rows_hold_what_the_orm_would(self):
        round_ = self.make_round(year=2025, semester="2")
        self.env.invalidate_all()
        assignments = self.Assignment.sudo().search([("round_id", "=", round_.id)])
        self.assertGreater(len(assignments), 20)
        for assignment in assignments:
            self.assertEqual(assignment.rater_user_id, assignment.rater_id.user_id)
            self.assertEqual(assignment.ratee_department_id, assignment.ratee_id.department_id)
            self.assertEqual(assignment.opd_id, assignment.ratee_id.department_id.asn_opd_id)
            self.assertEqual(assignment.company_id, round_.company_id)
            self.assertEqual((assignment.state, assignment.origin, assignment.submitted_share), ("todo", "auto", 0.0))
            self.assertTrue(assignment.create_uid and assignment.create_date and assignment.reason)
        results = round_.sudo().result_ids
        self.assertLessEqual(set(assignments.ratee_id.ids), set(results.employee_id.ids))
        self.assertEqual(len(results), len(set(results.employee_id.ids)))
        for result in results:
            self.assertEqual((result.year, result.semester, result.company_id), (2025, "2", round_.company_id))
            planned = assignments.filtered(lambda a, r=result: a.ratee_id == r.employee_id)
            self.assertEqual(result.peer_count, len(planned.filtered(lambda a: a.role == "peer")))
            self.assertEqual(result.atasan_count, len(planned.filtered(lambda a: a.role == "atasan")))

    def test_bulk_inserts_refuse_without_superuser(self):
        """Even Admin BKPSDM cannot store rows past create()'s checks (server-side methods, and not as them)."""
        round_ = self.make_round(year=2025, semester="2", generate=False)
        employee = self.emp["S.dseksi"]
        with self.assertRaises(AccessError):
            self.Assignment.with_user(self.user_admin)._insert_generated(
                round_, [(employee.id, self.emp["H.dseksi"].id, "atasan", "atasan", None, None, None)])
        with self.assertRaises(AccessError):
            self.Result.with_user(self.user_admin)._insert_generated(round_, [{
                "employee_id": employee.id, "department_id": False, "opd_id": False, "is_rated": True,
                "atasan_gap": False, "atasan_official": False, "atasan_count": 0, "peer_count": 0,
                "subordinate_count": 0, "has_gap": True}])
        self.assertFalse(self.Assignment.sudo().search_count([("round_id", "=", round_.id)]))
        self.assertFalse(self.Result.sudo().search_count([("round_id", "=", round_.id)]))
