"""Evaluating a whole Perangkat Daerah for one period is a set operation (issue 11, Done when): generating
the period's evaluations, rating a team, setting it and ranking the period cost the same number of queries
for a Seksi of 5 staff as for one of 60 (checked with Odoo's query counting).

Odoo's ORM writes at most 100 rows per INSERT or UPDATE (odoo.models.INSERT_BATCH_SIZE and
UPDATE_BATCH_SIZE); the counts are taken with those batches widened, so that they measure this module's
queries and not the ORM's paging (as hr_asn_performance's test_skp_performance does).
"""
from contextlib import contextmanager
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import HrAsnEvaluationCase

BATCHES = {"INSERT_BATCH_SIZE": 100000, "UPDATE_BATCH_SIZE": 100000}


@tagged("post_install", "-at_install", "is_query_count")
@freeze_time("2026-06-08")
class TestEvaluationPerformance(HrAsnEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for month in (1, 2, 3):
            cls.set_capaian(cls.units["dinas"], "baik", "month", month)

    @contextmanager
    def measure(self, step, expected, warm):
        """assertQueryCount, and the count kept per step to compare the sizes."""
        with self.assertQueryCount(expected):
            start = self.cr.sql_log_count
            yield
            self.env.flush_all()
            count = self.cr.sql_log_count - start
        if not warm:
            self.counts.setdefault(step, []).append(count)

    def cycle(self, month, warm=False):
        """Generate the period ``month``, rate the Kepala Seksi's team Sesuai/Sesuai, set it (against the
        curve, with a justification) and rank the period, counting the queries of each step."""
        period = self.make_period("month", month)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.measure("generate", GENERATE_QUERIES + GENERATE_WARM * warm, warm):
            teams = period._asn_make_teams()
            teams._asn_generate()
            self.env.flush_all()
        team = self.team_of(period, self.user_penilai)
        # as an RPC call gives them: by their ids (the o2m's prefetch does not outlive the invalidation)
        evaluations = self.Evaluation.browse(team.evaluation_ids.ids)
        self.env.invalidate_all()
        with self.measure("rate", RATE_QUERIES + RATE_WARM * warm, warm):
            evaluations.with_user(self.user_penilai).write({"rating_hasil": "sesuai", "rating_perilaku": "sesuai"})
            self.env.flush_all()
        team.with_user(self.user_penilai).write({"justification": "Seluruh staf menuntaskan target bulan ini"})
        self.env.flush_all()
        self.env.invalidate_all()
        with self.measure("set", SET_QUERIES + SET_WARM * warm, warm):
            team.with_user(self.user_penilai).action_set()
            self.env.flush_all()
        self.env.invalidate_all()
        with self.measure("rank", RANK_QUERIES + RANK_WARM * warm, warm):
            period._asn_rank()
            self.env.flush_all()
        return period, team

    def test_queries_do_not_grow_with_the_team(self):
        self.counts = {}
        with patch.multiple("odoo.models", **BATCHES):
            self.cycle(1, warm=True)  # the first run fills caches (groups, ir.model, tables, ...)
            self.add_staff(5, start=600)
            _period, small = self.cycle(2)
            # the 5 leave (archived: no evaluation), 60 others join the same Seksi
            small.evaluation_ids.employee_id.filtered(lambda e: e != self.emp["S.dseksi"]).write({"active": False})
            self.add_staff(60, start=700)
            period, big = self.cycle(3)
        for step, (five, sixty) in self.counts.items():
            self.assertEqual(five, sixty, "%s: the queries of 5 and of 60 employees" % step)
        self.assertEqual(len(small.evaluation_ids), 6)
        self.assertEqual(len(big.evaluation_ids), 61, "the staff member of the Seksi and the 60 who joined")
        self.assertEqual(set(big.evaluation_ids.mapped("state")), {"ditetapkan"})
        self.assertEqual(set(big.evaluation_ids.mapped("predikat")), {"baik"})
        self.assertTrue(big.curve_broken, "61 x Baik breaks the curve of capaian Baik: set with its justification")
        self.assertEqual(set(big.evaluation_ids.mapped("rank_team")), {1}, "equal figures share rank 1")
        ratings = big.evaluation_ids.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "rating_hasil")
        self.assertEqual(len(ratings), 61, "each evaluation's chatter shows its rating, as core tracks it")
        self.assertEqual(set(ratings.mapped("new_value_char")), {"Sesuai Ekspektasi"})
        self.assertEqual(big.evaluation_ids.activity_ids.user_id, self.user_pegawai,
                         "the one employee with a user is asked to sign")
        self.assertEqual(len(period.evaluation_ids.line_ids.filtered(lambda line: line.evaluation_id.team_id == big)),
                         61, "one line per IKI of each SKP")


# the period's set SKPs, the teams, the new evaluations with their lines and perilaku rows, the 360 results,
# the capaian of led units and of the teams' units
GENERATE_QUERIES = 35
GENERATE_WARM = 7
# the role check, one UPDATE of the ratings and the predikat, the move to dinilai and its chatter notes
RATE_QUERIES = 9
RATE_WARM = 9
# the role check, the capaian, the curve, one UPDATE per state change, TPP/angka kredit, to-dos, chatter
SET_QUERIES = 31
SET_WARM = 15
# one read of the period's rated evaluations and one UPDATE per thousand rows
RANK_QUERIES = 3
RANK_WARM = 0
