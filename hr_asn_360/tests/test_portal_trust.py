"""A 360 people can trust, through real HTTP requests (issue 12): who rates whom and what is anonymous,
published results reachable from /my, scores in the reader's language, the minimum-raters warning, and
the XLSX only when the round allows it."""
import lxml.html

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import VALUES, HrAsn360Case

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestPortalTrust(HttpCase, HrAsn360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(["hr_asn_360"], ["id_ID"], overwrite=True)

    def text(self, response):
        return " ".join(response.text.split())

    def words(self, response):
        """What the reader sees of the page's content: its text, without markup."""
        return " ".join(lxml.html.fromstring(response.text).get_element_by_id("wrap").text_content().split())

    def publish_p1(self, semester="1", peers=3, **values):
        """A round where P1.dseksi (the portal user) is rated by their atasan (six 5s and one 4: 34/7 =
        4.857) and ``peers`` peers the same, closed and published."""
        round_ = self.make_round(semester=semester, **values)
        round_.action_open()
        stars = dict.fromkeys(VALUES, 5) | {"loyal": 4}
        self.answer(self.assignments(round_, "P1.dseksi", "atasan"), stars)
        self.answer(self.assignments(round_, "P1.dseksi", "peer")[:peers], stars)
        self.close(round_)
        round_.action_publish()
        return round_

    def test_labels_say_who_rates_whom_and_that_it_is_anonymous(self):
        round_ = self.make_round()
        round_.action_open()
        boss = self.assignments(round_, "H.dseksi", "subordinate", rater="P1.dseksi")
        self.assertEqual(boss.display_name, "H.dseksi, rated by a subordinate (bawahan)")
        self.assertEqual(boss.relation, "Subordinate (bawahan) of H.dseksi")
        self.authenticate("asn360_portal", "asn360_portal")
        page = self.text(self.url_open("/my/perilaku360"))
        self.assertIn("You rate H.dseksi as their subordinate (bawahan): you work under them.", page)
        self.assertIn("also when you rate your own superior as their subordinate (bawahan): they never see your "
                      "name or your stars", page)
        self.assertIn("As their superior (atasan), your stars are shown on their own line", page)
        self.assertNotIn("answers about peers and subordinates", page)
        form = self.text(self.url_open("/my/perilaku360/%s" % boss.id))
        self.assertIn("You rate H.dseksi as their subordinate (bawahan): you work under them.", form)
        self.assertIn("Your rating is anonymous: H.dseksi never sees your name or your stars", form)

    def test_indonesian_labels_say_who_rates_whom(self):
        """For an Indonesian reader, in the backend and on the portal (issue 12): "Bawahan dari X" (the
        rater is a subordinate of X), never a bare "X (Bawahan)" that reads as if X were the subordinate."""
        round_ = self.make_round()
        round_.action_open()
        boss = self.assignments(round_, "H.dseksi", "subordinate", rater="P1.dseksi")
        # the backend list of an Indonesian Admin OPD, read as the web client reads it
        self.user_admin_opd.lang = "id_ID"
        self.authenticate("asn_admin_opd", "asn_admin_opd")
        rows = self.make_jsonrpc_request("/web/dataset/call_kw/hr.asn360.assignment/web_search_read", {
            "model": "hr.asn360.assignment", "method": "web_search_read", "args": [],
            "kwargs": {"domain": [("id", "=", boss.id)],
                       "specification": {"display_name": {}, "relation": {}, "role": {}},
                       "context": {"lang": "id_ID"}},
        })["records"]
        self.assertEqual(rows[0]["relation"], "Bawahan dari H.dseksi")
        self.assertEqual(rows[0]["display_name"], "H.dseksi, dinilai oleh bawahannya")
        # the rater's portal, in Indonesian
        self.user_portal.lang = "id_ID"
        self.authenticate("asn360_portal", "asn360_portal")
        page = self.words(self.url_open("/my/perilaku360"))
        self.assertIn("Anda menilai H.dseksi sebagai bawahannya: Anda bekerja di bawah beliau.", page)
        self.assertIn("Setiap penilaian bersifat anonim bagi rekan yang Anda nilai", page)
        self.assertIn("0 / 6 terkirim (0%)", page)
        self.assertNotIn("You rate", page)
        self.assertNotIn("anonymous", page)
        form = self.words(self.url_open("/my/perilaku360/%s" % boss.id))
        self.assertIn("Anda menilai H.dseksi sebagai bawahannya", form)
        self.assertIn("Penilaian Anda anonim: H.dseksi tidak pernah melihat nama maupun bintang Anda", form)
        self.assertNotIn("You rate", form)

    def test_published_result_reachable_from_my_home_when_nothing_is_left_to_rate(self):
        round_ = self.publish_p1()
        result = self.result(round_, "P1.dseksi")
        self.authenticate("asn360_portal", "asn360_portal")
        counters = self.make_jsonrpc_request("/my/counters", {
            "counters": ["perilaku360_count", "perilaku360_result_count"]})
        self.assertEqual(counters, {"perilaku360_count": 0, "perilaku360_result_count": 1})
        home = self.url_open("/my")
        self.assertIn('href="/my/perilaku360#asn360_results"', home.text)  # the card of the results
        page = self.url_open("/my/perilaku360")
        self.assertIn('href="/my/perilaku360/result/%s"' % result.id, page.text)
        self.assertNotIn("There is nobody for you to rate now", page.text)
        # a newer round open for rating comes first, above the published one
        newer = self.make_round(semester="2")
        newer.action_open()
        page = self.url_open("/my/perilaku360").text
        self.assertLess(page.index(newer.name), page.index(round_.name))
        # somebody without a result has no such card to fill
        new_test_user(self.env, "asn360_nobody", groups="base.group_portal", company_id=self.company.id,
                      company_ids=[(6, 0, self.company.ids)])
        self.authenticate("asn360_nobody", "asn360_nobody")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["perilaku360_result_count"]})
        self.assertEqual(counters, {"perilaku360_result_count": 0})

    def test_scores_print_with_the_readers_decimal_separator(self):
        round_ = self.publish_p1()
        result = self.result(round_, "P1.dseksi")
        self.assertEqual(result.score, 4.86)
        self.authenticate("asn360_portal", "asn360_portal")
        english = self.text(self.url_open("/my/perilaku360/result/%s" % result.id))
        self.assertIn("4.86", english)
        self.assertIn("Diatas Ekspektasi", english)
        self.assertNotIn("4,86", english)
        # an Indonesian reader: a decimal comma, the page in Indonesian (issue 12: "4,86" not "4.86")
        self.user_portal.lang = "id_ID"
        self.authenticate("asn360_portal", "asn360_portal")
        indonesian = self.words(self.url_open("/my/perilaku360/result/%s" % result.id))
        self.assertIn("Skor 4,86 · usulan rating perilaku kerja Diatas Ekspektasi · peringkat di unit 1 · 4 penilai",
                      indonesian)
        self.assertNotIn("4.86", indonesian)
        self.assertIn("Diatas Ekspektasi", indonesian)
        self.assertIn("5,00", indonesian)  # the table of means per value and role too
        self.assertNotIn("5.00", indonesian)
        listing = self.words(self.url_open("/my/perilaku360"))
        self.assertIn("Hasil saya", listing)
        self.assertNotIn("suggested", listing + indonesian)

    def test_too_few_raters_warning_instead_of_rating_and_rank(self):
        """Atasan and one peer answered: the peer is too few to be shown, the result rests on one rater
        (below the minimum of 3): a warning, no suggested rating, no rank."""
        round_ = self.publish_p1(peers=1)
        result = self.result(round_, "P1.dseksi")
        self.assertTrue(result.too_few_raters)
        self.assertEqual((result.rating, result.rank_in_unit, result.rater_count), (False, 0, 1))
        self.authenticate("asn360_portal", "asn360_portal")
        response = self.url_open("/my/perilaku360/result/%s" % result.id)
        page = self.text(response)
        # only the groups shown: the lone peer counts nowhere, so no column of peers (a phone keeps "All" in view)
        headers = lxml.html.fromstring(response.text).xpath("//table//th")
        self.assertEqual([" ".join(th.text_content().split()) for th in headers], ["Value", "Superior", "All"])
        self.assertIn("alert-warning", page)
        self.assertIn("rests on 1 rater(s), fewer than the round", page)
        self.assertNotIn("Diatas Ekspektasi", page)
        self.assertNotIn("suggested rating perilaku kerja", page)
        self.assertNotIn("rank in unit", page)
        listing = self.text(self.url_open("/my/perilaku360"))
        self.assertIn("Too few raters", listing)

    def test_xlsx_only_when_the_round_allows(self):
        round_ = self.make_round()
        round_.action_open()
        url = "/hr_asn_360/round/%s/xlsx" % round_.id
        with self.assertRefused(UserError, "not closed yet"):
            round_.with_user(self.user_admin).action_export_xlsx()
        self.authenticate("asn_bkpsdm", "asn_bkpsdm")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(response.headers.get("Content-Type"), XLSX)
        self.assertIn("is not closed yet", response.text)
        self.close(round_)
        self.assertEqual(round_.with_user(self.user_admin).action_export_xlsx()["type"], "ir.actions.act_url")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers.get("Content-Type"), XLSX)
        self.authenticate("asn_admin_opd", "asn_admin_opd")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertIn("Only Admin BKPSDM", response.text)
