"""Giving Umpan Balik Berkelanjutan from the portal (Perwal Bekasi 38/2023 Pasal 17-19): the employee
finds the colleagues who may receive it (their Pejabat Penilai Kinerja, their team, their peers, anybody
of the Pemda by name or NIP) and gives it on one of their RHK or a BerAKHLAK value, through real HTTP
requests. Colleagues cannot read each other's SKP: the pages show their RHK names and nothing else of it.

The date is frozen on 15 March 2026, inside the SKP year of the tests.
"""
import re

from lxml import html

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpPortalFeedback(HttpCase, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_staff_skp()
        cls.Feedback = cls.env["hr.asn.skp.feedback"]
        cls.pegawai, cls.kasi_emp = cls.emp["S.dseksi"], cls.emp["H.dseksi"]

    # ------------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------------
    def _post(self, url, data=None):
        return self.url_open(url, data=dict(data or {}, csrf_token=http.Request.csrf_token(self)))

    def give(self, employee, about, name="Terima kasih atas kerja samanya", kind="insidentil", mode="langsung"):
        return self._post("/my/skp/feedback/%s" % employee.id,
                          {"about": about, "kind": kind, "mode": mode, "name": name})

    @staticmethod
    def names_under(page, key):
        """The colleagues' names the page lists under the heading ``feedback_<key>``."""
        heading = html.fromstring(page.text).get_element_by_id("feedback_%s" % key)
        block = heading.getnext()
        return [name.strip() for name in block.xpath('.//div[contains(@class, "fw-bold")]/text()')]

    def given_section(self, page):
        return page.text.split('id="feedback_given"', 1)[1]

    # ------------------------------------------------------------------------------------------
    # Giving
    # ------------------------------------------------------------------------------------------
    def test_pegawai_gives_to_her_pejabat_penilai(self):
        self.authenticate("asn_pegawai", "asn_pegawai")
        self.assertIn('href="/my/skp/feedback"', self.url_open("/my").text, "the portal home leads to it")
        self.assertIn('href="/my/skp/feedback"', self.url_open("/my/skp").text)
        page = self.url_open("/my/skp/feedback")
        self.assertEqual(page.status_code, 200)
        self.assertIn("My Pejabat Penilai Kinerja", page.text)
        # her Pejabat Penilai Kinerja and its atasan, who have a set SKP; not the Kepala Dinas above them
        self.assertEqual(self.names_under(page, "leaders"), sorted(["H.dseksi", "H.dbid"]))
        self.assertNotIn("H.dinas", page.text)
        self.assertNotIn('id="feedback_team"', page.text, "she assesses nobody")
        self.assertNotIn(">S.dseksi<", page.text, "oneself is not offered")

        rhk = self.kasi.rhk_ids[0]
        form = self.url_open("/my/skp/feedback/%s" % self.kasi_emp.id)
        self.assertEqual(form.status_code, 200)
        self.assertIn(rhk.name, form.text)
        self.assertIn("Kepala Seksi", form.text, "the jabatan")
        self.assertIn("Pegawai di bawahnya", form.text, "she gives it as a subordinate")

        response = self.give(self.kasi_emp, "rhk:%s" % rhk.id, name="Arahan rapat akreditasi sangat jelas",
                             kind="berkala")
        self.assertTrue(response.url.endswith("/my/skp/feedback?done=feedback"), response.url)
        self.assertIn("your Umpan Balik is recorded", response.text)
        feedback = self.Feedback.search([("skp_id", "=", self.kasi.id)])
        self.assertEqual(len(feedback), 1)
        self.assertEqual(
            (feedback.topic, feedback.rhk_id, feedback.source, feedback.giver_id, feedback.giver_user_id,
             feedback.kind, feedback.mode, feedback.name, feedback.date.isoformat()),
            ("rhk", rhk, "bawahan", self.pegawai, self.user_pegawai, "berkala", "langsung",
             "Arahan rapat akreditasi sangat jelas", "2026-03-15"))
        given = self.given_section(response)
        self.assertIn("Arahan rapat akreditasi sangat jelas", given)
        self.assertIn(rhk.name, given, "the RHK it is about")

    def test_kasi_gives_to_his_team_and_peers(self):
        # a peer of the Kepala Seksi: the staff of the Bidang, assessed by the same Kepala Bidang
        peer = self.emp["S.dbid"]
        self.assertEqual(peer.pejabat_penilai_id, self.emp["H.dbid"])
        self.set_skp(self.make_skp("S.dbid", parent_rhk=self.kabid.rhk_ids[0]))
        self.authenticate("asn_penilai", "asn_penilai")
        page = self.url_open("/my/skp/feedback")
        self.assertEqual(self.names_under(page, "leaders"), ["H.dbid", "H.dinas"])
        self.assertEqual(self.names_under(page, "team"), ["S.dseksi"])
        self.assertEqual(self.names_under(page, "peers"), ["S.dbid"])

        response = self.give(self.pegawai, "rhk:%s" % self.skp.rhk_ids.id, name="Draf sudah rapi",
                             mode="tidak_langsung")
        self.assertIn("done=feedback", response.url)
        response = self.give(peer, "perilaku:kolaboratif", name="Membantu tim seksi")
        self.assertIn("done=feedback", response.url)
        to_pegawai = self.Feedback.search([("skp_id", "=", self.skp.id)])
        to_peer = self.Feedback.search([("employee_id", "=", peer.id)])
        self.assertEqual((to_pegawai.source, to_pegawai.giver_id, to_pegawai.mode, to_pegawai.rhk_id),
                         ("pimpinan", self.kasi_emp, "tidak_langsung", self.skp.rhk_ids))
        self.assertEqual((to_peer.source, to_peer.topic, to_peer.behavior_value), ("rekan", "perilaku", "kolaboratif"))

    def test_other_party_finds_by_name_or_nip_and_gives_on_a_value(self):
        self.authenticate("asn_other", "asn_other")
        page = self.url_open("/my/skp/feedback")
        self.assertNotIn("S.dseksi", page.text, "not a colleague of hers: found by searching")
        page = self.url_open("/my/skp/feedback?search=s.dsek")
        # S.dsek has no SKP: not offered
        self.assertEqual(self.names_under(page, "results"), ["S.dseksi"])
        page = self.url_open("/my/skp/feedback?search=%s" % self.pegawai.nip[-6:])
        self.assertEqual(self.names_under(page, "results"), ["S.dseksi"])
        self.assertNotIn(self.pegawai.nip, page.text, "the NIP is searched, not shown")
        page = self.url_open("/my/skp/feedback?search=nobody")
        self.assertIn("Nobody with a set SKP for today matches", page.text)

        response = self.give(self.pegawai, "perilaku:akuntabel", name="Laporan dikirim tepat waktu")
        self.assertIn("done=feedback", response.url)
        feedback = self.Feedback.search([("skp_id", "=", self.skp.id)])
        self.assertEqual((feedback.topic, feedback.behavior_value, feedback.rhk_id.id, feedback.giver_id),
                         ("perilaku", "akuntabel", False, self.emp["S.dsub"]))
        # Sub Bagian and Seksi have different Pejabat Penilai: Pasal 18(2)c
        self.assertEqual(feedback.source, "pihak_lain")

    # ------------------------------------------------------------------------------------------
    # Refusals
    # ------------------------------------------------------------------------------------------
    def test_refusals_write_nothing(self):
        no_skp = self.emp["H.dsub"]
        self.assertFalse(self.Skp.search([("employee_id", "=", no_skp.id)]))
        elsewhere = self.env["hr.employee"].create({"name": "Pegawai Pemda Lain",
                                                    "company_id": self.env.ref("base.main_company").id})
        self.authenticate("asn_pegawai", "asn_pegawai")
        kasi_rhk = "rhk:%s" % self.kasi.rhk_ids.id

        page = self.url_open("/my/skp/feedback/%s" % self.pegawai.id)
        self.assertIn("Feedback comes from others", page.text)
        self.assertNotIn('name="about"', page.text)
        response = self.give(self.pegawai, "rhk:%s" % self.skp.rhk_ids.id)
        self.assertIn("Feedback comes from others", response.text)

        page = self.url_open("/my/skp/feedback/%s" % no_skp.id)
        self.assertIn("has no set SKP for today", page.text)
        self.assertNotIn('name="about"', page.text)
        response = self.give(no_skp, "perilaku:akuntabel")
        self.assertIn("has no set SKP for today", response.text)

        # an RHK of another SKP (the Kepala Bidang's) on the Kepala Seksi's form; what was typed stays
        response = self.give(self.kasi_emp, "rhk:%s" % self.kabid.rhk_ids.id, name="Tulisan yang tetap")
        self.assertIn("Choose one of the RHK of H.dseksi", response.text)
        self.assertIn("Tulisan yang tetap", response.text)
        self.assertIn('value="%s"' % kasi_rhk, response.text, "the form is shown again")

        response = self.give(self.kasi_emp, kasi_rhk, name="   ")
        self.assertIn("Write your Umpan Balik.", response.text)
        self.assertIn("checked=", response.text.split(kasi_rhk, 1)[1][:40], "the choice stays")
        for about in ("", "rhk:abc", "perilaku:santai"):
            response = self.give(self.kasi_emp, about)
            self.assertIn("Choose what the Umpan Balik is about", response.text)
        response = self.give(self.kasi_emp, kasi_rhk, kind="bulanan")
        self.assertIn("Choose berkala or insidentil.", response.text)
        response = self.give(self.kasi_emp, kasi_rhk, mode="surat")
        self.assertIn("Choose langsung or tidak langsung.", response.text)

        # another Pemda, or nobody: back to the list
        for employee_id in (elsewhere.id, 999999999):
            self.assertTrue(self.url_open("/my/skp/feedback/%s" % employee_id).url.endswith("/my/skp/feedback"))
            response = self._post("/my/skp/feedback/%s" % employee_id,
                                  {"about": "perilaku:akuntabel", "kind": "insidentil", "mode": "langsung",
                                   "name": "Disusupkan"})
            self.assertTrue(response.url.endswith("/my/skp/feedback"), response.url)
        self.assertFalse(self.Feedback.search([]), "no refused feedback is written")

    # ------------------------------------------------------------------------------------------
    # What the pages show
    # ------------------------------------------------------------------------------------------
    def test_list_shows_only_the_feedback_one_gave(self):
        self.Feedback.with_user(self.user_penilai).create({
            "skp_id": self.skp.id, "topic": "perilaku", "behavior_value": "harmonis", "name": "Dari Kasi ke staf"})
        self.Feedback.with_user(self.user_other)._asn_give(self.kasi_emp, {
            "topic": "perilaku", "behavior_value": "loyal", "name": "Dari Sub Bagian ke Kasi"})
        self.authenticate("asn_pegawai", "asn_pegawai")
        given = self.given_section(self.url_open("/my/skp/feedback"))
        self.assertIn("None yet.", given)
        self.assertNotIn("Dari Kasi ke staf", given, "received, not given: it is on her SKP page")
        self.assertNotIn("Dari Sub Bagian ke Kasi", given)
        self.give(self.kasi_emp, "perilaku:adaptif", name="Dari staf ke Kasi")
        given = self.given_section(self.url_open("/my/skp/feedback"))
        self.assertIn("Dari staf ke Kasi", given)
        self.assertNotIn("Dari Kasi ke staf", given)
        self.assertNotIn("Dari Sub Bagian ke Kasi", given)
        self.authenticate("asn_other", "asn_other")
        given = self.given_section(self.url_open("/my/skp/feedback"))
        self.assertIn("Dari Sub Bagian ke Kasi", given)
        self.assertNotIn("Dari staf ke Kasi", given)

    def test_given_list_pages_through_every_feedback(self):
        """Issue 10: the Umpan Balik one gave were cut at 50 without a word; now 80 a page with Odoo's
        portal pager: the 81st (the oldest) is on page 2, not on page 1; a search is kept across pages."""
        feedbacks = self.Feedback.with_user(self.user_pegawai).create([{
            "skp_id": self.kasi.id, "topic": "perilaku", "behavior_value": "harmonis",
            "name": "Umpan balik nomor %03d" % number} for number in range(1, 82)])
        self.assertEqual(len(feedbacks), 81)
        self.authenticate("asn_pegawai", "asn_pegawai")
        first = self.given_section(self.url_open("/my/skp/feedback"))
        shown = re.findall(r"Umpan balik nomor (\d+)", first)
        self.assertEqual(len(shown), 80)
        self.assertEqual(shown[0], "081", "the newest first")
        self.assertNotIn("001", shown)
        self.assertIn('href="/my/skp/feedback/page/2"', first)
        second = self.url_open("/my/skp/feedback/page/2")
        self.assertEqual(second.status_code, 200)
        self.assertEqual(re.findall(r"Umpan balik nomor (\d+)", self.given_section(second)), ["001"])
        searched = self.url_open("/my/skp/feedback?search=H.dseksi")
        self.assertIn('href="/my/skp/feedback/page/2?search=H.dseksi"', searched.text)
        self.assertEqual(self.names_under(self.url_open("/my/skp/feedback/page/2?search=H.dseksi"), "results"),
                         ["H.dseksi"])

    def test_colleague_pages_show_rhk_names_only(self):
        march = self.kasi.month_ids.filtered(lambda month: month.month == 3)
        march.line_ids.write({"realisasi": "Realisasi rahasia Kasi"})
        self.assertEqual(self.kasi.iki_ids.target_text, "Tersusun tepat waktu")
        self.authenticate("asn_pegawai", "asn_pegawai")
        pages = [self.url_open("/my/skp/feedback"), self.url_open("/my/skp/feedback/%s" % self.kasi_emp.id)]
        self.assertIn(self.kasi.rhk_ids.name, pages[1].text)
        for page in pages:
            for secret in ("Realisasi rahasia Kasi", "Tersusun tepat waktu", self.kasi.iki_ids.name,
                           self.kasi_emp.nip, "III/d", "/my/skp/%s" % self.kasi.id):
                self.assertNotIn(secret, page.text)

    def test_double_submit_stores_one_feedback(self):
        """Issue 9, finding 9: the same form sent twice (a double click, a reload of the POST) stores one
        Umpan Balik; both answers show the success."""
        self.authenticate("asn_pegawai", "asn_pegawai")
        form = html.fromstring(self.url_open("/my/skp/feedback/%s" % self.kasi_emp.id).text)
        token = form.xpath('//input[@name="submit_token"]/@value')[0]
        self.assertGreaterEqual(len(token), 32)
        data = {"about": "perilaku:kolaboratif", "kind": "insidentil", "mode": "langsung",
                "name": "Rapat koordinasi berjalan lancar", "submit_token": token}
        for _click in range(2):
            response = self._post("/my/skp/feedback/%s" % self.kasi_emp.id, data)
            self.assertTrue(response.url.endswith("/my/skp/feedback?done=feedback"), response.url)
            self.assertIn("your Umpan Balik is recorded", response.text)
        self.assertEqual(self.Feedback.search_count([("skp_id", "=", self.kasi.id)]), 1)
        # a new form is a new Umpan Balik
        token_2 = html.fromstring(self.url_open("/my/skp/feedback/%s" % self.kasi_emp.id).text).xpath(
            '//input[@name="submit_token"]/@value')[0]
        self.assertNotEqual(token_2, token)
        self._post("/my/skp/feedback/%s" % self.kasi_emp.id, dict(data, submit_token=token_2))
        self.assertEqual(self.Feedback.search_count([("skp_id", "=", self.kasi.id)]), 2)

    def test_feedback_too_long_keeps_the_form(self):
        self.authenticate("asn_pegawai", "asn_pegawai")
        text = "Masukan " * 600
        response = self.give(self.kasi_emp, "perilaku:harmonis", name=text)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Feedback is too long: %s characters, at most 4000." % len(text.strip()), response.text)
        self.assertIn(text.strip()[:100], response.text, "what was typed is kept")
        self.assertFalse(self.Feedback.search([("skp_id", "=", self.kasi.id)]))
