"""Generating the raters and closing run as background jobs (hr.asn.job, issue 13): queued by the button,
progress on the round, nothing half-done after a failure, Retry to a correct end, one job at a time, and
only those who may press the button can queue it."""
import contextlib
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.hr_asn_360.models.hr_asn360_result import HrAsn360Result
from odoo.addons.hr_asn_360.models.hr_asn360_round import HrAsn360Round

from .common import HrAsn360Case

LOGGER = "odoo.addons.hr_asn_performance.models.hr_asn_job"


@tagged("post_install", "-at_install")
class TestRoundJobs(HrAsn360Case):
    def rate_everybody(self, round_):
        """Answers for every assignment, written in bulk (the portal path is tested elsewhere)."""
        round_ = round_.sudo()
        self.env["hr.asn360.answer"].create([
            {"assignment_id": assignment.id, "question_id": question.id, "stars": 1 + (assignment.id + question.id) % 5}
            for assignment in round_.assignment_ids for question in round_.question_ids
        ])
        round_.assignment_ids.write({"state": "submitted"})

    def snapshot(self, round_):
        """What the close computes, per employee: score, rating, rank, raters, lines."""
        self.env.invalidate_all()
        return {
            result.employee_id.id: (result.score, result.rating, result.rank_in_unit, result.rater_count,
                                    sorted((line.value_code, line.role, line.mean, line.count)
                                           for line in result.line_ids))
            for result in round_.sudo().result_ids
        }

    def test_generate_is_queued_then_done_by_the_job(self):
        round_ = self.make_round(generate=False).with_user(self.user_admin)
        self.assertTrue(round_.action_generate_assignments())
        job = round_.sudo().job_id
        self.assertEqual((job.state, job.user_id, job.method), ("queued", self.user_admin, "_asn_job_generate"))
        self.assertTrue(round_.job_under_way)
        self.assertFalse(round_.sudo().assignment_ids, "nothing is planned inside the request")
        with self.assertRaisesRegex(UserError, "is under way"):
            round_.action_generate_assignments()
        with self.assertRaisesRegex(UserError, "is under way"):
            round_.action_open()
        self.run_jobs()
        round_.invalidate_recordset()
        self.assertEqual((job.state, job.progress, round_.job_progress), ("done", 100.0, 100.0))
        self.assertFalse(round_.job_under_way)
        self.assertGreater(round_.sudo().assignment_count, 100)
        self.assertIn("is done", job.message_ids[0].body)

    def test_generate_failing_midway_leaves_the_raters_as_they_were_and_retry_finishes(self):
        round_ = self.make_round().with_user(self.user_admin)  # generated once
        before = sorted((a.ratee_id.id, a.rater_id.id, a.role) for a in round_.sudo().assignment_ids)
        results_before = round_.sudo().result_ids.ids
        original = HrAsn360Round._prepare_generated_result_vals

        def broken(self, *args, **kwargs):  # after the old raters were removed
            raise UserError(self.env._("planning failed"))

        round_.action_generate_assignments()
        with patch.object(HrAsn360Round, "_prepare_generated_result_vals", broken), self.assertLogs(LOGGER, "ERROR"):
            self.run_jobs()
        job = round_.sudo().job_id
        round_.invalidate_recordset()
        self.assertEqual((job.state, job.error, round_.job_state), ("failed", "planning failed", "failed"))
        self.assertEqual(sorted((a.ratee_id.id, a.rater_id.id, a.role) for a in round_.sudo().assignment_ids),
                         before, "the raters of before, not half a plan")
        self.assertEqual(round_.sudo().result_ids.ids, results_before)
        self.assertIs(HrAsn360Round._prepare_generated_result_vals, original)
        round_.action_retry_job()  # Retry: the same job again, from where it stopped
        self.assertEqual((round_.sudo().job_id, job.state), (job, "queued"))
        self.run_jobs()
        self.assertEqual(job.state, "done")
        round_.invalidate_recordset()
        after = sorted((a.ratee_id.id, a.rater_id.id, a.role) for a in round_.sudo().assignment_ids)
        self.assertEqual(after, before, "the same plan, once")

    def test_close_by_job_equals_closing_at_once(self):
        """The job's batches and last step compute what the one-transaction close computes."""
        by_job = self.make_round().with_user(self.user_admin)
        by_job.action_open()
        self.rate_everybody(by_job)
        with contextlib.suppress(RuntimeError):  # the one-transaction close, rolled back
            with self.env.cr.savepoint():
                by_job.sudo()._close()
                self.assertEqual(by_job.state, "closed")
                expected = self.snapshot(by_job)
                raise RuntimeError("roll back")
        self.env.invalidate_all()
        self.assertEqual(by_job.state, "open")
        with patch("odoo.addons.hr_asn_360.models.hr_asn360_round.CLOSE_BATCH", 40):
            by_job.action_close()
        job = by_job.sudo().job_id
        self.assertGreater(job.total, 120)
        self.assertEqual((job.batch_size, job.state, by_job.state), (40, "queued", "open"))
        self.assertTrue(by_job.is_closing)
        with self.assertRaisesRegex(UserError, "is being closed"):  # ratings wait
            self.answer(by_job.sudo().assignment_ids[0], 2)
        with self.assertRaisesRegex(UserError, "is under way"):
            by_job.action_close()
        self.run_jobs()
        self.assertEqual((job.state, by_job.state), ("done", "closed"))
        got = self.snapshot(by_job)
        self.assertEqual(got, expected)
        self.assertTrue(any(values[2] for values in got.values()), "ranked")

    def test_close_failing_on_the_second_batch_stays_open_and_retry_adds_no_duplicate(self):
        round_ = self.make_round().with_user(self.user_admin)
        round_.action_open()
        self.rate_everybody(round_)
        with patch("odoo.addons.hr_asn_360.models.hr_asn360_round.CLOSE_BATCH", 50):
            round_.action_close()
        job = round_.sudo().job_id
        calls = []
        original = HrAsn360Result._asn_close_batch

        def second_fails(self):
            calls.append(len(self))
            if len(calls) == 2:
                raise UserError(self.env._("disk full"))
            return original(self)

        with patch.object(HrAsn360Result, "_asn_close_batch", second_fails), self.assertLogs(LOGGER, "ERROR"):
            self.run_jobs()
        round_.invalidate_recordset()
        self.assertEqual((job.state, job.done, round_.state), ("failed", 50, "open"))
        self.assertIn("disk full", job.error)
        self.assertFalse(round_.sudo().result_ids.filtered("rank_in_unit"), "not ranked: not closed half-way")
        self.assertTrue(round_.is_closing, "ratings still wait")
        round_.action_close()  # pressing Close again retries the failed job
        self.assertEqual((round_.sudo().job_id, job.state), (job, "queued"))
        self.run_jobs()
        round_.invalidate_recordset()
        self.assertEqual((job.state, round_.state), ("done", "closed"))
        results = round_.sudo().result_ids.filtered(lambda r: r.rater_count)
        self.assertTrue(results)
        lines = results.line_ids
        keys = [(line.result_id.id, line.value_code, line.role) for line in lines]
        self.assertEqual(len(keys), len(set(keys)), "no line twice")
        self.assertEqual(set(lines.result_id.ids), set(results.ids))

    def test_who_may_queue(self):
        """The button's rights decide at queuing, whatever the context, and again when the job runs."""
        round_ = self.make_round()
        round_.action_open()
        forged = {"hr_asn360_bulk": True, "active_test": False, "install_mode": True}
        for user in (self.user_penilai, self.user_portal, self.user_admin_opd, self.user_pegawai):
            with self.assertRaises(AccessError):
                round_.with_user(user).with_context(**forged).action_close()
            with self.assertRaises(UserError):  # AccessError or 'no failed job'
                round_.with_user(user).with_context(**forged).action_retry_job()
        generated = round_.sudo().job_id
        self.assertEqual(generated.method, "_asn_job_generate", "no close job queued")
        users = self.user_penilai | self.user_portal | self.user_admin_opd | self.user_pegawai
        self.assertFalse(self.env["hr.asn.job"].sudo().search([("user_id", "in", users.ids)]))
        # queued by BKPSDM, who lost the group before the job ran: the job refuses as them
        round_.with_user(self.user_admin).action_close()
        self.user_admin.groups_id = [(3, self.env.ref("hr_asn_performance.group_hr_asn_performance_admin").id)]
        with self.assertLogs(LOGGER, "ERROR"):
            self.run_jobs()
        self.assertEqual((round_.sudo().job_id.state, round_.state), ("failed", "open"))
