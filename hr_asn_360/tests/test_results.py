"""Results at close: means per value and role, anonymity threshold, weights, thresholds, rank; frozen
after close; published results read by other modules through get_results."""
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VALUES, HrAsn360Case


@tagged("post_install", "-at_install")
class TestResults(HrAsn360Case):
    def lines(self, result):
        return {(line.value_code, line.role): (line.mean, line.count) for line in result.line_ids}

    def roles(self, result):
        return set(result.line_ids.mapped("role"))

    def test_two_peers_merged_three_shown(self):
        """Anonymity (round min_raters_per_role = 3): 2 peers + 1 subordinate answered -> 'others' (3
        raters), no peer or subordinate line; 3 peers -> a peer line; 2 peers alone -> shown nowhere, no
        score (issue 9 finding 3: else 'all' would be their mean)."""
        round_ = self.make_round()
        self.add_rater(round_, "S.dseksi", "S.dsub", "subordinate")
        self.add_rater(round_, "P1.dseksi", "S.dsub", "subordinate")
        round_.action_open()
        self.answer(self.assignments(round_, "S.dseksi", "atasan"), 5)
        self.answer(self.assignments(round_, "S.dseksi", "peer")[:2], 3)
        self.answer(self.assignments(round_, "S.dseksi", "subordinate"), 4)
        self.answer(self.assignments(round_, "P1.dseksi", "peer")[:3], 4)
        self.answer(self.assignments(round_, "P2.dseksi", "peer")[:2], 2)
        self.close(round_)
        merged = self.result(round_, "S.dseksi")
        self.assertEqual(self.roles(merged), {"atasan", "others", "all"})
        self.assertEqual(self.lines(merged)[("loyal", "others")], (3.33, 3))
        self.assertEqual(self.lines(merged)[("loyal", "all")], (3.75, 4))
        self.assertEqual(merged.rater_count, 4)
        shown = self.result(round_, "P1.dseksi")
        self.assertEqual(self.roles(shown), {"peer", "all"})  # the lone subordinate did not answer
        self.assertEqual(self.lines(shown)[("adaptif", "peer")], (4.0, 3))
        alone = self.result(round_, "P2.dseksi")
        self.assertFalse(alone.line_ids)
        self.assertEqual((alone.score, alone.rating, alone.rater_count), (0.0, False, 0))

    def test_equal_weights_renormalised_and_thresholds(self):
        """No national weights (national_rules.md §6): equal over the roles present. Atasan 5, peers 3
        -> (5 + 3) / 2 = 4.0: Sesuai Ekspektasi with the default 4.2 threshold."""
        round_ = self.make_round()
        round_.action_open()
        self.answer(self.assignments(round_, "S.dseksi", "atasan"), 5)
        self.answer(self.assignments(round_, "S.dseksi", "peer")[:3], 3)
        self.close(round_)
        result = self.result(round_, "S.dseksi")
        self.assertEqual(result.score, 4.0)
        self.assertEqual(result.rating, "sesuai")
        self.assertEqual(self.lines(result)[("akuntabel", "all")], (3.5, 4))  # plain mean of the answers

    def test_configured_weights_and_thresholds(self):
        """Weights 3/1/1 with no subordinate: renormalised to 3/4 and 1/4 -> 4.5, Diatas Ekspektasi;
        a lower Sesuai threshold moves a 2.5 to Sesuai."""
        round_ = self.make_round(weight_atasan=3, weight_peer=1, weight_subordinate=1, threshold_sesuai=2.5)
        round_.action_open()
        self.answer(self.assignments(round_, "S.dseksi", "atasan"), 5)
        self.answer(self.assignments(round_, "S.dseksi", "peer")[:3], 3)
        stars = dict.fromkeys(VALUES, 3) | {"loyal": 1, "adaptif": 1, "kolaboratif": 1}  # mean 15/7
        self.answer(self.assignments(round_, "P1.dseksi", "atasan"), stars)
        self.answer(self.assignments(round_, "P1.dseksi", "peer")[:3], 3)
        self.close(round_)
        self.assertEqual(self.result(round_, "S.dseksi").score, 4.5)
        self.assertEqual(self.result(round_, "S.dseksi").rating, "diatas")
        # P1: per value 3/4 * atasan + 1/4 * 3 -> (3,3,3,3,1.5,1.5,1.5) / 7 = 2.36: below 2.5
        self.assertEqual(self.result(round_, "P1.dseksi").score, 2.36)
        self.assertEqual(self.result(round_, "P1.dseksi").rating, "dibawah")

    def test_rank_in_unit(self):
        round_ = self.make_round(min_raters_result=1)
        round_.action_open()
        for key, stars in (("S.dseksi", 4), ("P1.dseksi", 5), ("P2.dseksi", 4), ("P3.dseksi", 2)):
            self.answer(self.assignments(round_, key, "atasan"), stars)
        self.answer(self.assignments(round_, "S.dsub", "atasan"), 1)
        self.close(round_)
        expected = {"S.dseksi": 2, "P1.dseksi": 1, "P2.dseksi": 2, "P3.dseksi": 4, "P4.dseksi": 0, "S.dsub": 1}
        self.assertEqual({key: self.result(round_, key).rank_in_unit for key in expected}, expected)
        self.assertFalse(self.result(round_, "P4.dseksi").rating)  # nobody answered

    def test_closing_freezes_everything(self):
        round_ = self.make_round()
        round_.action_open()
        atasan = self.assignments(round_, "S.dseksi", "atasan")
        self.answer(atasan, 4)
        self.close(round_)
        result = self.result(round_, "S.dseksi")
        frozen = (result.score, result.rating, result.rank_in_unit, sorted(self.lines(result).items()))
        with self.assertRefused(UserError, "closed"):
            atasan.answer_ids[0].sudo().write({"stars": 1})
        with self.assertRefused(UserError, "closed"):
            atasan.answer_ids.sudo().unlink()
        with self.assertRefused(UserError, "closed"):
            atasan.sudo().unlink()
        with self.assertRefused(UserError, "closed"):
            result.sudo().write({"score": 5.0})
        with self.assertRefused(UserError, "closed"):
            result.line_ids[0].sudo().write({"mean": 5.0})
        with self.assertRefused(UserError, "closed"):
            round_.write({"weight_atasan": 2.0})
        with self.assertRefused(UserError, "Only an open round"):
            self.close(round_)
        # a later mutation does not move the frozen result either
        self.emp["S.dseksi"].department_id = self.units["dsub"]
        result.invalidate_recordset()
        self.assertEqual((result.score, result.rating, result.rank_in_unit, sorted(self.lines(result).items())), frozen)
        self.assertEqual(result.department_id, self.units["dseksi"])
        round_.action_publish()
        self.assertEqual(round_.state, "published")
        self.assertEqual(result.score, frozen[0])

    def test_get_results_published_only(self):
        first = self.make_round()
        first.action_open()
        self.answer(self.assignments(first, "S.dseksi", "atasan"), 5)
        self.answer(self.assignments(first, "S.dseksi", "peer")[:3], 4)
        self.close(first)
        Result = self.env["hr.asn360.result"]
        employees = self.emp["S.dseksi"] | self.emp["P1.dseksi"]
        self.assertEqual(Result.get_results(employees, 2026), {})
        first.action_publish()
        got = Result.get_results(employees, 2026)
        self.assertEqual(list(got), [self.emp["S.dseksi"].id])
        self.assertEqual(got[self.emp["S.dseksi"].id]["score"], 4.5)
        self.assertEqual(got[self.emp["S.dseksi"].id]["rating"], "diatas")
        self.assertEqual(got[self.emp["S.dseksi"].id]["round_id"], first.id)
        self.assertEqual(got[self.emp["S.dseksi"].id]["by_value"], dict.fromkeys(VALUES, 4.5))
        second = self.make_round(semester="2", min_raters_result=1)
        second.action_open()
        self.answer(self.assignments(second, "S.dseksi", "atasan"), 3)
        self.close(second)
        second.action_publish()
        self.assertEqual(Result.get_results(employees.ids, 2026)[self.emp["S.dseksi"].id]["round_id"], second.id)
        self.assertEqual(Result.get_results(employees, 2026, semester="1")[self.emp["S.dseksi"].id]["score"], 4.5)
        self.assertEqual(Result.get_results(employees, 2025), {})

    def test_report_lines_in_question_order(self):
        round_ = self.make_round()
        round_.action_open()
        self.answer(self.assignments(round_, "S.dseksi", "atasan"), 5)
        self.answer(self.assignments(round_, "S.dseksi", "peer")[:3], 4)
        self.close(round_)
        report = self.result(round_, "S.dseksi")._get_report_lines()
        self.assertEqual([entry["value_code"] for entry in report], list(VALUES))
        first = report[0]
        self.assertEqual(first["name"], "Berorientasi Pelayanan")
        self.assertIn("melayani dengan hati", first["question"])
        self.assertEqual(first["roles"], {"atasan": (5.0, 1), "peer": (4.0, 3)})
        self.assertEqual(first["all"], (4.25, 4))
        self.assertEqual(first["score"], 4.5)
