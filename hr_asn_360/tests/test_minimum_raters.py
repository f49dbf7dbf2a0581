"""The minimum raters rule (issue 12): a result resting on fewer raters than the round's minimum has no
suggested rating and no rank, only a warning, in the backend, the XLSX and for other modules."""
import lxml.html

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import HrAsn360Case


@tagged("post_install", "-at_install")
class TestMinimumRaters(HrAsn360Case):
    def test_round_setting(self):
        round_ = self.make_round(generate=False)
        self.assertEqual(round_.min_raters_result, 3)
        with self.assertRefused(ValidationError, "minimum raters for a result"):
            round_.min_raters_result = 0

    def close_lone_and_sound(self):
        """A closed round where S.dseksi rests on one rater (5 stars), P1.dseksi on four (3 stars) and
        P2.dseksi on its atasan alone (two peers are too few to be shown)."""
        round_ = self.make_round()
        round_.action_open()
        self.answer(self.assignments(round_, "S.dseksi", "atasan"), 5)  # one rater
        self.answer(self.assignments(round_, "P1.dseksi", "atasan"), 3)
        self.answer(self.assignments(round_, "P1.dseksi", "peer")[:3], 3)  # four raters
        # two peers only: too few to be shown, so the result rests on the atasan alone
        self.answer(self.assignments(round_, "P2.dseksi", "atasan"), 4)
        self.answer(self.assignments(round_, "P2.dseksi", "peer")[:2], 4)
        self.close(round_)
        return round_

    def test_too_few_raters_no_rating_no_rank(self):
        round_ = self.close_lone_and_sound()
        lone = self.result(round_, "S.dseksi")
        self.assertTrue(lone.too_few_raters)
        self.assertEqual((lone.score, lone.rating, lone.rank_in_unit, lone.rater_count), (5.0, False, 0, 1))
        self.assertIn("fewer than the round's minimum of 3", lone.warning)
        self.assertTrue(self.result(round_, "P2.dseksi").too_few_raters)
        sound = self.result(round_, "P1.dseksi")
        self.assertFalse(sound.too_few_raters)
        self.assertFalse(sound.warning)
        # ranked first: the higher scores resting on one rater are not ranked
        self.assertEqual((sound.score, sound.rating, sound.rank_in_unit), (3.0, "sesuai", 1))
        self.assertEqual((lone.suggestion, sound.suggestion), ("too_few", "sesuai"))
        self.assertEqual(self.Result.search_count([("round_id", "=", round_.id), ("too_few_raters", "=", True),
                                                   ("rank_in_unit", "!=", 0)]), 0)
        # the XLSX: no rank, the warning where the rating would be
        as_admin = round_.with_user(self.user_admin)
        columns = as_admin._get_xlsx_columns()
        rows = {row[1]: row for row in as_admin._get_xlsx_rows()}
        self.assertEqual(rows["S.dseksi"][columns.index("Rank in Unit")], "")
        self.assertEqual(rows["S.dseksi"][columns.index("Suggested Rating")], "Too few raters (fewer than 3)")
        self.assertEqual(rows["P1.dseksi"][columns.index("Suggested Rating")], "Sesuai Ekspektasi")
        self.assertEqual(rows["P1.dseksi"][columns.index("Rank in Unit")], 1)
        # published: other modules (the evaluation) get the sound result only
        as_admin.action_publish()
        got = self.Result.get_results(self.emp["S.dseksi"] | self.emp["P1.dseksi"], 2026)
        self.assertEqual(list(got), [self.emp["P1.dseksi"].id])

    def test_warning_in_the_backend_views(self):
        Result = self.env["hr.asn360.result"]
        form = Result.get_view(self.env.ref("hr_asn_360.hr_asn360_result_view_form").id)["arch"]
        self.assertIn('name="warning"', form)
        listing = Result.get_view(self.env.ref("hr_asn_360.hr_asn360_result_view_list").id)["arch"]
        self.assertIn('name="too_few_raters"', listing)
        self.assertIn('invisible="too_few_raters"', listing)  # no rating shown
        self.assertIn('decoration-warning="suggestion == \'too_few\'"', listing)  # the warning in its place

    def test_minimum_of_one_keeps_the_old_behaviour(self):
        round_ = self.make_round(min_raters_result=1)
        round_.action_open()
        self.answer(self.assignments(round_, "S.dseksi", "atasan"), 5)
        self.close(round_)
        result = self.result(round_, "S.dseksi")
        self.assertEqual((result.rating, result.rank_in_unit, result.too_few_raters), ("diatas", 1, False))

    def printed(self, result):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "hr_asn_360.action_report_hr_asn360_result", result.ids)
        closing = lxml.html.fromstring(html).xpath("//div[hasclass('o_asn360_closing')]")
        self.assertEqual(len(closing), 1)
        return " ".join(" ".join(closing[0].itertext()).split())

    def test_pdf_prints_the_warning_instead_of_rating_and_rank(self):
        """The printed result (an Indonesian document, decimal comma): on one rater, the warning and neither
        the suggested rating nor the rank; a sound result prints both and no warning."""
        round_ = self.close_lone_and_sound()
        lone = self.printed(self.result(round_, "S.dseksi"))
        self.assertIn("Nilai akhir (skala 1–5) : 5,00", lone)
        self.assertIn("Jumlah penilai : 1", lone)
        self.assertIn("Perhatian: penilai terlalu sedikit. Hasil ini hanya bertumpu pada 1 penilai, kurang dari "
                      "minimal 3 penilai", lone)
        self.assertNotIn("Usulan rating perilaku kerja :", lone)
        self.assertNotIn("Peringkat di unit kerja", lone)
        self.assertNotIn("Diatas Ekspektasi", lone)
        sound = self.printed(self.result(round_, "P1.dseksi"))
        self.assertIn("Nilai akhir (skala 1–5) : 3,00", sound)
        self.assertIn("Peringkat di unit kerja : 1", sound)
        self.assertIn("Usulan rating perilaku kerja : Sesuai Ekspektasi", sound)
        self.assertNotIn("Perhatian", sound)
        self.assertNotIn("3.00", sound)
