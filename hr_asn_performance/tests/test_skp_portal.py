"""The SKP portal through real HTTP requests: the employee drafts, submits and documents their SKP;
nobody else reads or writes it through the portal's URLs.

The date is frozen on 15 March 2026 (freezegun patches the modules, so the server thread sees the same
day): January to March have begun, April has not.
"""
import re

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpPortal(HttpCase, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.superior_rhk = cls.kasi.rhk_ids[0]

    # ------------------------------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------------------------------
    def _post(self, url, data=None, files=None):
        return self.url_open(url, data=dict(data or {}, csrf_token=http.Request.csrf_token(self)), files=files)

    def assertSentAway(self, response):
        self.assertTrue(response.url.endswith("/my"), response.url)

    def make_set_skp(self, **vals):
        """The staff member's SKP, set, with months (as the superuser)."""
        return self.set_skp(self.make_skp("S.dseksi", parent_rhk=self.superior_rhk, **vals))

    def month_of(self, skp, number):
        return skp.month_ids.filtered(lambda month: month.month == number)

    def open_march(self):
        """(SKP, March, its line, its URL) of the staff member's set kuantitatif SKP, logged in as her."""
        skp = self.make_set_skp(approach="kuantitatif")
        march = self.month_of(skp, 3)
        self.authenticate("asn_pegawai", "asn_pegawai")
        return skp, march, march.line_ids, "/my/skp/%s/month/%s" % (skp.id, march.id)

    # ------------------------------------------------------------------------------------------
    # The employee
    # ------------------------------------------------------------------------------------------
    def test_list_pages_through_every_skp(self):
        """Issue 10: /my/skp shows 80 SKPs a page with Odoo's portal pager; the 81st (the oldest year)
        is on page 2, not on page 1, and nothing is left out. Whether an SKP of this year is open is
        decided over all of them, not the page shown."""
        skps = self.Skp.create([{"employee_id": self.emp["S.dseksi"].id, "year": year}
                                for year in range(2000, 2081)])
        oldest = skps.filtered(lambda skp: skp.year == 2000)
        self.authenticate("asn_pegawai", "asn_pegawai")
        first = self.url_open("/my/skp")
        self.assertEqual(first.status_code, 200)
        shown = re.findall(r'href="/my/skp/(\d+)"', first.text)
        self.assertEqual(len(shown), 80)
        self.assertNotIn(str(oldest.id), shown)
        self.assertIn('href="/my/skp/page/2"', first.text, "the pager leads to page 2")
        second = self.url_open("/my/skp/page/2")
        self.assertEqual(second.status_code, 200)
        self.assertEqual(re.findall(r'href="/my/skp/(\d+)"', second.text), [str(oldest.id)])
        self.assertNotIn("Create my SKP", second.text, "the draft of 2026 is on page 1")
        self.assertEqual(set(shown) | {str(oldest.id)}, {str(skp.id) for skp in skps})

    def test_employee_drafts_and_submits(self):
        self.authenticate("asn_pegawai", "asn_pegawai")
        home = self.url_open("/my")
        self.assertIn('href="/my/skp"', home.text, "the portal home leads to the SKP")
        page = self.url_open("/my/skp")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Create my SKP", page.text)

        response = self._post("/my/skp/new", {"approach": "kuantitatif"})
        skp = self.Skp.search([("employee_id", "=", self.emp["S.dseksi"].id)])
        self.assertEqual(len(skp), 1)
        self.assertTrue(response.url.endswith("/my/skp/%s" % skp.id), response.url)
        self.assertEqual((skp.state, skp.year, skp.approach), ("draft", 2026, "kuantitatif"))
        # the superior's plan is offered to draft from
        self.assertIn(self.superior_rhk.name, response.text)
        # one open SKP at a time: a second click leads to the SKP the first one created
        again = self._post("/my/skp/new", {"approach": "kualitatif"})
        self.assertTrue(again.url.endswith("/my/skp/%s" % skp.id), again.url)
        self.assertEqual(self.Skp.search_count([("employee_id", "=", self.emp["S.dseksi"].id)]), 1)
        self.assertEqual(skp.approach, "kuantitatif")

        self._post("/my/skp/%s/rhk/add" % skp.id, {
            "kind": "utama", "name": "Dokumen akreditasi tersusun", "assigned_by": "Kepala Seksi",
            "parent_rhk_id": str(self.superior_rhk.id),
        })
        skp.invalidate_recordset()
        rhk = skp.rhk_ids
        self.assertEqual((rhk.name, rhk.kind, rhk.parent_rhk_id), ("Dokumen akreditasi tersusun", "utama",
                                                                   self.superior_rhk))

        iki_url = "/my/skp/%s/rhk/%s/iki/add" % (skp.id, rhk.id)
        iki = {"aspect": "kuantitas", "name": "Jumlah dokumen", "target_unit": "dokumen"}
        response = self._post(iki_url, dict(iki, target_value="abc"))
        self.assertIn("is not a number", response.text)
        self.assertIn("Jumlah dokumen", response.text, "what was typed is kept in the form")
        response = self._post(iki_url, dict(iki, target_value="-3"))
        self.assertIn("must be a number above zero", response.text)
        skp.invalidate_recordset()
        self.assertFalse(skp.iki_ids, "a refused target writes nothing")
        self._post(iki_url, dict(iki, target_value="12,5"))
        skp.invalidate_recordset()
        self.assertEqual((skp.iki_ids.name, skp.iki_ids.target_value, skp.iki_ids.target_unit),
                         ("Jumlah dokumen", 12.5, "dokumen"))

        self._post("/my/skp/%s/support/add" % skp.id, {"kind": "sumber_daya", "name": "Akses aplikasi SIAKAD"})
        skp.invalidate_recordset()
        self.assertEqual(skp.support_ids.name, "Akses aplikasi SIAKAD")

        listing = self.url_open("/my/skp")
        self.assertIn("/my/skp/%s" % skp.id, listing.text)
        self.assertIn("Overdue", listing.text, "the SKP was due by the end of January")

        response = self._post("/my/skp/%s/submit" % skp.id)
        skp.invalidate_recordset()
        self.assertEqual(skp.state, "submitted")
        self.assertEqual(skp.submit_date.isoformat(), "2026-03-15")
        self.assertIn("Submitted on", response.text)
        # a submitted SKP no longer changes
        response = self._post("/my/skp/%s/rhk/add" % skp.id, {"kind": "tambahan", "name": "Tambahan"})
        self.assertIn("can no longer be changed", response.text)
        skp.invalidate_recordset()
        self.assertEqual(len(skp.rhk_ids), 1)

        # the Pejabat Penilai Kinerja sets it; the months open
        skp.with_user(self.user_penilai).action_set()
        detail = self.url_open("/my/skp/%s" % skp.id)
        self.assertIn("Monthly realisasi", detail.text)
        self.assertIn("/my/skp/%s/month/%s" % (skp.id, self.month_of(skp, 3).id), detail.text)

    def test_incomplete_draft_is_not_submitted(self):
        skp = self.make_skp("S.dseksi", rhk_count=0)
        self.authenticate("asn_pegawai", "asn_pegawai")
        response = self._post("/my/skp/%s/submit" % skp.id)
        self.assertIn("needs at least one Rencana Hasil Kerja utama", response.text)
        skp.invalidate_recordset()
        self.assertEqual(skp.state, "draft")

    def test_monthly_realisasi_with_bukti_dukung(self):
        skp, march, line, url = self.open_march()
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(line.iki_id.name, page.text)
        self.assertIn('type="file"', page.text)

        # a refused number: nothing of the form is written
        response = self._post(url, {"target_value_%s" % line.id: "1", "realisasi_%s" % line.id: "Laporan tersusun",
                                    "realisasi_value_%s" % line.id: "satu", "action": "save"})
        self.assertIn("is not a number", response.text)
        line.invalidate_recordset()
        self.assertEqual((line.target_value, line.realisasi), (0.0, False))

        response = self._post(url, {"target_value_%s" % line.id: "1", "action": "confirm"})
        self.assertIn("done=confirm", response.url)
        march.invalidate_recordset()
        self.assertEqual(march.plan_date.isoformat(), "2026-03-15", "the server thread sees the frozen day")
        self.assertEqual(line.target_value, 1.0)

        with freeze_time("2026-03-31"):  # the realisasi is reported from the month's last day (issue 12)
            response = self._post(
                url,
                {"realisasi_%s" % line.id: "Laporan tersusun", "realisasi_value_%s" % line.id: "1",
                 "action": "report"},
                files={"bukti_%s" % line.id: ("notulen.pdf", b"%PDF-1.4 bukti", "application/pdf")},
            )
        self.assertIn("done=report", response.url)
        march.invalidate_recordset()
        line.invalidate_recordset()
        self.assertEqual(march.state, "reported")
        self.assertEqual((line.realisasi, line.realisasi_value), ("Laporan tersusun", 1.0))
        attachment = line.attachment_ids
        self.assertEqual(attachment.name, "notulen.pdf")
        self.assertEqual((attachment.res_model, attachment.res_id), ("hr.asn.skp.month.line", line.id))
        self.assertEqual(attachment.raw, b"%PDF-1.4 bukti")
        self.assertIn("notulen.pdf", response.text)

        # April has not begun: no realisasi yet
        april = self.month_of(skp, 4)
        april_line = april.line_ids
        response = self._post("/my/skp/%s/month/%s" % (skp.id, april.id),
                              {"realisasi_%s" % april_line.id: "Terlalu dini", "action": "save"})
        self.assertIn("has not begun", response.text)
        april_line.invalidate_recordset()
        self.assertFalse(april_line.realisasi)

        # reviewed by the leader: closed
        march.with_user(self.user_penilai).action_review("Sesuai target")
        response = self._post(url, {"realisasi_%s" % line.id: "Diubah", "action": "save"},
                              files={"bukti_%s" % line.id: ("lain.pdf", b"%PDF-1.4 lain", "application/pdf")})
        self.assertIn("reviewed by the leader and is closed", response.text)
        line.invalidate_recordset()
        self.assertEqual(line.realisasi, "Laporan tersusun")
        self.assertEqual(line.attachment_ids, attachment)
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "lain.pdf")]),
                         "the upload of a refused entry is not kept")
        self.assertIn("Sesuai target", self.url_open(url).text)

    def test_detail_shows_feedback_takeover_and_pdf(self):
        skp = self.make_skp("S.dseksi", parent_rhk=self.superior_rhk)
        skp.action_submit()
        # the Pejabat Penilai Kinerja clarifies the expectations, then sets the SKP
        skp.behavior_ids[0].with_user(self.user_penilai).special_expectation = "Responsif terhadap keluhan warga"
        skp.with_user(self.user_penilai).action_set()
        rhk = skp.rhk_ids[0]
        as_penilai = self.env["hr.asn.skp.feedback"].with_user(self.user_penilai)
        as_penilai.create({"skp_id": skp.id, "topic": "rhk", "rhk_id": rhk.id,
                           "name": "Percepat penyusunan draf akreditasi"})
        followups = self.env["hr.asn.skp.followup"].with_user(self.user_penilai)
        followups.create({"skp_id": skp.id, "action": "bimbingan", "note": "Bimbingan teknis penyusunan"})
        followups.create({"skp_id": skp.id, "action": "pengambilalihan", "rhk_id": rhk.id,
                          "note": "Diambil alih karena cuti besar"})
        self.assertTrue(rhk.taken_over)
        self.authenticate("asn_pegawai", "asn_pegawai")
        page = self.url_open("/my/skp/%s" % skp.id)
        self.assertEqual(page.status_code, 200)
        for text in ("Percepat penyusunan draf akreditasi", "Bimbingan teknis penyusunan", "Taken over by the leader",
                     "Diambil alih karena cuti besar", "Responsif terhadap keluhan warga", "Ekspektasi Khusus Pimpinan",
                     skp.penilai_name):
            self.assertIn(text, page.text)
        self.assertNotIn("Add a Rencana Hasil Kerja", page.text, "a set SKP is read-only")
        pdf = self.url_open("/my/skp/%s/pdf?download=1" % skp.id)
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers.get("Content-Type"), "application/pdf")
        self.assertIn("attachment", pdf.headers.get("Content-Disposition", ""))
        self.assertIn("SKP", pdf.headers.get("Content-Disposition", ""))
        # under --test-enable Odoo hands back the report's HTML instead of running wkhtmltopdf
        self.assertIn(skp.employee_nip.encode(), pdf.content)

    # ------------------------------------------------------------------------------------------
    # Everybody else
    # ------------------------------------------------------------------------------------------
    def test_others_are_sent_away(self):
        draft = self.make_skp("S.dseksi")
        rhk, iki = draft.rhk_ids, draft.iki_ids
        set_skp = self.kasi  # set, with months
        month = self.month_of(set_skp, 3)
        line = month.line_ids
        self.authenticate("asn_other", "asn_other")
        self.assertNotIn("/my/skp/%s" % draft.id, self.url_open("/my/skp").text)
        for url in ("/my/skp/%s" % draft.id, "/my/skp/%s/month/%s" % (set_skp.id, month.id),
                    "/my/skp/%s/pdf" % set_skp.id, "/my/skp/%s/pdf?access_token=wrong" % set_skp.id):
            response = self.url_open(url)
            self.assertSentAway(response)
            self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf")
        for url, data in (
            ("/my/skp/%s/rhk/add" % draft.id, {"kind": "utama", "name": "Disusupkan"}),
            ("/my/skp/%s/rhk/%s/iki/add" % (draft.id, rhk.id), {"name": "Disusupkan", "target_text": "x"}),
            ("/my/skp/%s/iki/%s/delete" % (draft.id, iki.id), {}),
            ("/my/skp/%s/rhk/%s/delete" % (draft.id, rhk.id), {}),
            ("/my/skp/%s/edit" % draft.id, {"approach": "kuantitatif"}),
            ("/my/skp/%s/submit" % draft.id, {}),
            ("/my/skp/%s/month/%s" % (set_skp.id, month.id), {"realisasi_%s" % line.id: "Disusupkan",
                                                             "action": "report"}),
        ):
            self.assertSentAway(self._post(url, data))
        draft.invalidate_recordset()
        line.invalidate_recordset()
        self.assertEqual((draft.state, draft.approach, draft.rhk_ids, draft.iki_ids), ("draft", "kualitatif", rhk, iki))
        self.assertFalse(line.realisasi)
        self.assertEqual(month.state, "open")
        # nor through RPC
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request("/web/dataset/call_kw/hr.asn.skp/read", {
                "model": "hr.asn.skp", "method": "read", "args": [draft.ids, ["name"]], "kwargs": {},
            })

    def test_cascade_reader_and_assessor_do_not_edit_here(self):
        draft = self.make_skp("S.dseksi")
        # the staff member may read the set SKP of their Pejabat Penilai (for cascading), not open it here
        self.authenticate("asn_pegawai", "asn_pegawai")
        self.assertSentAway(self.url_open("/my/skp/%s" % self.kasi.id))
        self.assertSentAway(self.url_open("/my/skp/%s/month/%s" % (self.kasi.id, self.kasi.month_ids[0].id)))
        # the Pejabat Penilai Kinerja reads the draft but acts from the backend
        self.authenticate("asn_penilai", "asn_penilai")
        page = self.url_open("/my/skp/%s" % draft.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn(draft.rhk_ids.name, page.text)
        self.assertNotIn("Add a Rencana Hasil Kerja", page.text)
        self.assertSentAway(self._post("/my/skp/%s/rhk/add" % draft.id, {"kind": "utama", "name": "Dari atasan"}))
        draft.invalidate_recordset()
        self.assertEqual(len(draft.rhk_ids), 1)

    def test_month_of_another_skp_is_refused(self):
        skp = self.make_set_skp()
        other_month = self.month_of(self.kasi, 3)
        other_line = other_month.line_ids
        self.authenticate("asn_pegawai", "asn_pegawai")
        url = "/my/skp/%s/month/%s" % (skp.id, other_month.id)
        self.assertSentAway(self.url_open(url))
        self.assertSentAway(self._post(url, {"realisasi_%s" % other_line.id: "Disusupkan", "action": "report"}))
        other_line.invalidate_recordset()
        other_month.invalidate_recordset()
        self.assertFalse(other_line.realisasi)
        self.assertEqual(other_month.state, "open")
        # an IKI of somebody else's SKP under one's own SKP id
        draft_of_other = self.make_skp("S.dsub")
        response = self._post("/my/skp/%s/iki/%s/delete" % (skp.id, draft_of_other.iki_ids.id))
        self.assertSentAway(response)
        self.assertTrue(draft_of_other.iki_ids.exists())

    # ------------------------------------------------------------------------------------------
    # Bad input (issue 9, finding 10): the rule's message on the page sent, what was typed kept
    # ------------------------------------------------------------------------------------------
    ABSURD_NUMBERS = (("9" * 400, "is too large"), ("NaN", "is not a number"), ("Infinity", "is not a number"),
                      ("-inf", "is not a number"), ("1e308", "is not a number"), ("1e-400", "is not a number"),
                      ("1.000.000.000.000", "is too large"))

    def test_absurd_targets_on_the_portal(self):
        skp = self.make_skp("S.dseksi", approach="kuantitatif", rhk_count=1, iki_count=0,
                            parent_rhk=self.superior_rhk)
        rhk = skp.rhk_ids
        self.authenticate("asn_pegawai", "asn_pegawai")
        url = "/my/skp/%s/rhk/%s/iki/add" % (skp.id, rhk.id)
        for value, message in self.ABSURD_NUMBERS:
            with self.subTest(value=value[:20]):
                response = self._post(url, {"aspect": "kuantitas", "name": "Jumlah dokumen akreditasi",
                                            "target_value": value, "target_unit": "dokumen"})
                self.assertEqual(response.status_code, 200)
                self.assertIn("The target %s" % message, response.text)
                self.assertIn("Jumlah dokumen akreditasi", response.text, "what was typed is kept")
                if len(value) > 40:
                    self.assertIn('&#34;%s...&#34;' % value[:37], response.text, "the message shows its start only")
        skp.invalidate_recordset()
        self.assertFalse(skp.iki_ids, "nothing stored")

    def test_absurd_realisasi_on_the_portal(self):
        skp, march, line, url = self.open_march()
        for field in ("target_value_%s", "realisasi_value_%s"):
            for value, message in self.ABSURD_NUMBERS:
                with self.subTest(field=field, value=value[:20]):
                    response = self._post(url, {field % line.id: value, "realisasi_%s" % line.id: "Laporan disusun",
                                                "action": "save"})
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(message, response.text)
                    self.assertIn("Laporan disusun", response.text, "the typed realisasi is kept")
        line.invalidate_recordset()
        self.assertEqual((line.target_value, line.realisasi_value, line.realisasi), (0.0, 0.0, False))

    def test_text_too_long_on_the_portal(self):
        skp = self.make_skp("S.dseksi", rhk_count=0)
        self.authenticate("asn_pegawai", "asn_pegawai")
        form = self.url_open("/my/skp/%s?open=rhk" % skp.id)
        self.assertIn('maxlength="1000"', form.text, "the browser stops typing at the limit")
        megabyte = "Rencana " * (128 * 1024)
        response = self._post("/my/skp/%s/rhk/add" % skp.id, {"kind": "utama", "name": megabyte,
                                                              "assigned_by": "Kepala Seksi"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Rencana Hasil Kerja is too long: %s characters, at most 1000." % len(megabyte.strip()),
                      response.text)
        skp.invalidate_recordset()
        self.assertFalse(skp.rhk_ids)
        response = self._post("/my/skp/%s/support/add" % skp.id, {"kind": "sumber_daya", "name": "x" * 1001})
        self.assertIn("at most 1000", response.text)
        self.assertFalse(skp.support_ids)

    def test_bukti_dukung_types_and_size(self):
        skp, march, line, url = self.open_march()
        page = self.url_open(url)
        # announced before upload, checked in the browser before sending
        self.assertIn('accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx,.odt,.ods"', page.text)
        self.assertIn("at most 5 MB per file", page.text)
        self.assertIn('data-max-bytes="%s"' % (5 * 1024 * 1024), page.text)
        self.assertIn("setCustomValidity", page.text)
        typed = {"realisasi_%s" % line.id: "Rapat koordinasi terlaksana", "realisasi_value_%s" % line.id: "1",
                 "action": "save"}
        for upload, message in (
            (("program.exe", b"MZ\x90\x00", "application/octet-stream"),
             "&#34;program.exe&#34; cannot be a bukti dukung"),
            (("halaman.html", b"<script>alert(1)</script>", "text/html"),
             "&#34;halaman.html&#34; cannot be a bukti dukung"),
            (("besar.pdf", b"%PDF-1.4 " + b"0" * (5 * 1024 * 1024), "application/pdf"),
             "&#34;besar.pdf&#34; is larger than 5 MB"),
        ):
            with self.subTest(file=upload[0]):
                response = self._post(url, typed, files={"bukti_%s" % line.id: upload})
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertIn("Rapat koordinasi terlaksana", response.text, "the typed realisasi is kept")
        line.invalidate_recordset()
        self.assertEqual((line.realisasi, line.realisasi_value, line.attachment_ids), (False, 0.0,
                                                                                       self.env["ir.attachment"]))
        self.assertFalse(self.env["ir.attachment"].search([("res_model", "=", line._name), ("res_id", "=", line.id)]))
        # the documented types, up to the limit itself, are kept
        response = self._post(url, typed, files={"bukti_%s" % line.id: (
            "FOTO.JPG", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 - 2), "image/jpeg")})
        self.assertIn("done=save", response.url)
        line.invalidate_recordset()
        self.assertEqual(line.attachment_ids.name, "FOTO.JPG")
