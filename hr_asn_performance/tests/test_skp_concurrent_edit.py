"""Concurrent edits never lose data silently (issue 13, Must have 4): two sessions saving the same month
line or the same draft SKP. The second save, made from a page rendered before the first, is refused
with "changed by someone else meanwhile, reload" and nothing of it is written (hr.asn.version.mixin).

TestSkpConcurrentEdit drives two real sessions through HTTP (two portal sessions of the employee, the
portal against the backend's JSON-RPC ``web_save``), and the ORM for what the version may not open.
The date is frozen on 15 March 2026 (as test_skp_portal.py): March has begun.
"""
import json
import re

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, tagged

from .common import HrAsnSkpCase

CONFLICT = "was changed by someone else meanwhile"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpConcurrentEdit(HttpCase, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()

    # ------------------------------------------------------------------------------------------
    # Helpers: sessions of their own, each remembering its last page (its CSRF token, its versions)
    # ------------------------------------------------------------------------------------------
    def login(self, login):
        """A new session of ``login`` (the previous session stays valid: another browser)."""
        self.session = None
        self.authenticate(login, login)
        return {"opener": self.opener, "page": ""}

    def get(self, session, url):
        self.opener = session["opener"]
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        session["page"] = response.text
        return response

    def post(self, session, url, data):
        """POST ``data`` as the page last shown to ``session`` would (its CSRF token)."""
        self.opener = session["opener"]
        token = re.search(r'name="csrf_token" value="([^"]+)"', session["page"]).group(1)
        response = self.url_open(url, data=dict(data, csrf_token=token))
        self.assertNotEqual(response.status_code, 500)
        session["page"] = response.text
        return response

    @staticmethod
    def version(page, name="asn_version"):
        """The version a page's form carries in its hidden input ``name``."""
        return int(re.search(r'name="%s" value="(\d+)"' % re.escape(name), page).group(1))

    def rpc(self, session, model, method, args, kwargs=None):
        """(result, error message) of a JSON-RPC call as the web client makes it."""
        self.opener = session["opener"]
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1,
                   "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}}}
        response = self.url_open("/web/dataset/call_kw/%s/%s" % (model, method), data=json.dumps(payload),
                                 headers={"Content-Type": "application/json"})
        self.assertEqual(response.status_code, 200)
        body = response.json()
        return body.get("result"), body.get("error", {}).get("data", {}).get("message")

    def march_lines(self):
        skp = self.set_skp(self.make_skp("S.dseksi", approach="kuantitatif", parent_rhk=self.kasi.rhk_ids[0],
                                         iki_count=2))
        march = skp.month_ids.filtered(lambda month: month.month == 3)
        return skp, march, march.line_ids, "/my/skp/%s/month/%s" % (skp.id, march.id)

    # ------------------------------------------------------------------------------------------
    # The month line
    # ------------------------------------------------------------------------------------------
    def test_month_line_second_portal_session_is_refused(self):
        skp, march, (first, second), url = self.march_lines()
        phone, desktop = self.login("asn_pegawai"), self.login("asn_pegawai")
        self.get(phone, url)
        self.get(desktop, url)
        stale = self.version(desktop["page"], "version_%s" % first.id)
        self.assertEqual(stale, first.asn_version)

        # the phone saves first: the targets of the first line
        response = self.post(phone, url, {
            "target_value_%s" % first.id: "2", "target_value_%s" % second.id: "",
            "version_%s" % first.id: self.version(phone["page"], "version_%s" % first.id),
            "version_%s" % second.id: self.version(phone["page"], "version_%s" % second.id),
            "action": "save"})
        self.assertIn("done=save", response.url)
        first.invalidate_recordset()
        self.assertEqual(first.target_value, 2.0)
        self.assertGreater(first.asn_version, stale)

        # the desktop, still showing the first line empty, saves the second line's target: its form
        # sends the first line as it showed it, which would silently undo the phone's target
        response = self.post(desktop, url, {
            "target_value_%s" % first.id: "", "target_value_%s" % second.id: "5",
            "version_%s" % first.id: stale,
            "version_%s" % second.id: self.version(desktop["page"], "version_%s" % second.id),
            "action": "save"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(CONFLICT, response.text)
        self.assertIn(first.iki_id.name, response.text.split(CONFLICT)[0][-400:], "the refusal names the line")
        (first | second).invalidate_recordset()
        self.assertEqual((first.target_value, second.target_value), (2.0, 0.0), "nothing of the second save")
        # the page shows what is stored now (the phone's target), with the current versions
        self.assertRegex(response.text, r'name="target_value_%s"[^>]*value="2"' % first.id)
        self.assertEqual(self.version(response.text, "version_%s" % first.id), first.asn_version)

        # saved again from that page (with the current versions): both targets are kept
        response = self.post(desktop, url, {
            "target_value_%s" % first.id: "2", "target_value_%s" % second.id: "5",
            "version_%s" % first.id: self.version(desktop["page"], "version_%s" % first.id),
            "version_%s" % second.id: self.version(desktop["page"], "version_%s" % second.id),
            "action": "save"})
        self.assertIn("done=save", response.url)
        (first | second).invalidate_recordset()
        self.assertEqual((first.target_value, second.target_value), (2.0, 5.0))

    def test_month_line_portal_against_backend(self):
        skp, march, lines, url = self.march_lines()
        line = lines[0]
        portal, backend = self.login("asn_pegawai"), self.login("asn_pegawai")
        self.get(portal, url)
        shown = line.asn_version
        # the backend's month form saves the line with the version it loaded (static/src/js/version_field.js)
        result, error = self.rpc(backend, "hr.asn.skp.month", "web_save", [
            [march.id], {"line_ids": [[1, line.id, {"realisasi": "Dari kantor", "asn_version": shown}]]}],
            {"specification": {"line_ids": {"fields": {"asn_version": {}}}}})
        self.assertFalse(error)
        self.assertGreater(result[0]["line_ids"][0]["asn_version"], shown)
        # the portal's page, rendered before, is refused
        response = self.post(portal, url, {"realisasi_%s" % line.id: "Dari rumah",
                                           "version_%s" % line.id: shown, "action": "save"})
        self.assertIn(CONFLICT, response.text)
        line.invalidate_recordset()
        self.assertEqual(line.realisasi, "Dari kantor")
        # and the other way round: the backend's form, loaded before the portal's save, is refused
        loaded = line.asn_version
        response = self.post(portal, url, {"realisasi_%s" % line.id: "Dari rumah",
                                           "version_%s" % line.id: self.version(portal["page"], "version_%s" % line.id),
                                           "action": "save"})
        self.assertIn("done=save", response.url)
        result, error = self.rpc(backend, "hr.asn.skp.month", "web_save", [
            [march.id], {"line_ids": [[1, line.id, {"realisasi": "Lagi dari kantor", "asn_version": loaded}]]}],
            {"specification": {}})
        self.assertIn(CONFLICT, error)
        line.invalidate_recordset()
        self.assertEqual(line.realisasi, "Dari rumah")

    # ------------------------------------------------------------------------------------------
    # The draft SKP and its RHK/IKI
    # ------------------------------------------------------------------------------------------
    def test_draft_skp_portal_against_backend(self):
        skp = self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0])
        rhk = skp.rhk_ids
        url = "/my/skp/%s" % skp.id
        employee, kepegawaian = self.login("asn_pegawai"), self.login("asn_admin_opd")
        self.get(employee, url)
        shown = self.version(employee["page"])
        self.assertEqual(shown, skp.asn_version)

        # the Kepegawaian administrator corrects the RHK in the backend's SKP form
        result, error = self.rpc(kepegawaian, "hr.asn.skp", "web_save", [
            [skp.id], {"rhk_ids": [[1, rhk.id, {"name": "RHK as corrected by the Kepegawaian"}]],
                       "asn_version": shown}], {"specification": {"asn_version": {}}})
        self.assertFalse(error)
        self.assertGreater(result[0]["asn_version"], shown)

        # the employee's page shows the RHK as it was: adding an IKI to it, or changing the approach, is refused
        response = self.post(employee, "/my/skp/%s/rhk/%s/iki/add" % (skp.id, rhk.id), {
            "asn_version": shown, "name": "Laporan tepat waktu", "aspect": "waktu", "target_text": "12 laporan"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(CONFLICT, response.text)
        self.assertIn("RHK as corrected by the Kepegawaian", response.text, "the page shows what is stored now")
        response = self.post(employee, "/my/skp/%s/edit" % skp.id, {"asn_version": shown, "approach": "kuantitatif"})
        self.assertIn(CONFLICT, response.text)
        skp.invalidate_recordset()
        self.assertEqual((len(skp.iki_ids), skp.approach, rhk.name),
                         (1, "kualitatif", "RHK as corrected by the Kepegawaian"), "nothing of the refused saves")

        # from the page as it is now, the IKI is added
        response = self.post(employee, "/my/skp/%s/rhk/%s/iki/add" % (skp.id, rhk.id), {
            "asn_version": self.version(employee["page"]), "name": "Laporan tepat waktu", "aspect": "waktu",
            "target_text": "12 laporan"})
        self.assertIn("done=1", response.url)
        skp.invalidate_recordset()
        self.assertEqual(len(skp.iki_ids), 2)
        # now the administrator's form, loaded before that, is refused in its turn
        result, error = self.rpc(kepegawaian, "hr.asn.skp", "web_save", [
            [skp.id], {"rhk_ids": [[1, rhk.id, {"name": "Corrected again"}]], "asn_version": result[0]["asn_version"]}],
            {"specification": {}})
        self.assertIn(CONFLICT, error)
        rhk.invalidate_recordset()
        self.assertEqual(rhk.name, "RHK as corrected by the Kepegawaian")

    def test_two_environments_on_one_draft(self):
        """The ORM as the two users' requests call it: the version each loaded decides."""
        skp = self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0])
        loaded = skp.asn_version
        skp.with_user(self.user_pegawai).write({"perjanjian_kerja_ref": "PK 1", "asn_version": loaded})
        with self.assertRaisesRegex(UserError, CONFLICT):
            skp.with_user(self.user_admin_opd).write({"perjanjian_kerja_ref": "PK 2", "asn_version": loaded})
        # a part changed elsewhere (its own RPC, no version) counts as a change of the SKP
        current = skp.asn_version
        skp.rhk_ids.with_user(self.user_admin_opd).write({"name": "Renamed"})
        with self.assertRaisesRegex(UserError, CONFLICT):
            skp.with_user(self.user_pegawai).write({"approach": "kuantitatif", "asn_version": current})
        skp.invalidate_recordset()
        self.assertEqual((skp.perjanjian_kerja_ref, skp.approach), ("PK 1", "kualitatif"))
        skp.with_user(self.user_pegawai).write({"approach": "kuantitatif", "asn_version": skp.asn_version})
        self.assertEqual(skp.approach, "kuantitatif")

    def test_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(["hr_asn_performance"], ["id_ID"], overwrite=True)
        skp, march, lines, url = self.march_lines()
        line = lines[0].with_user(self.user_pegawai).with_context(lang="id_ID")
        stale = line.asn_version
        line.write({"realisasi": "Pertama", "asn_version": stale})
        with self.assertRaisesRegex(UserError, "telah diubah oleh orang lain sementara itu") as refusal:
            line.write({"realisasi": "Kedua", "asn_version": stale})
        self.assertIn('Baris "%s" pada' % line.iki_id.name, str(refusal.exception))
        self.assertEqual(line.realisasi, "Pertama")

    # ------------------------------------------------------------------------------------------
    # The version opens nothing
    # ------------------------------------------------------------------------------------------
    def test_version_is_no_way_around_anything(self):
        skp = self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0])
        as_employee = skp.with_user(self.user_pegawai)
        version = skp.asn_version
        # never written as such: a chosen value is a refused save, the current one counts one more
        with self.assertRaisesRegex(UserError, CONFLICT):
            as_employee.write({"asn_version": version + 50})
        self.assertEqual(skp.asn_version, version)
        chosen, plain = self.Skp.create([
            {"employee_id": self.emp["S.dsub"].id, "year": self.YEAR, "asn_version": 40},
            {"employee_id": self.emp["S.dsek"].id, "year": self.YEAR}])
        self.assertEqual(chosen.asn_version, plain.asn_version, "a new SKP counts its own saves, not 40")
        # with the right version, the workflow's fields stay the workflow's
        with self.assertRaises(AccessError):
            as_employee.write({"state": "set", "asn_version": version})
        with self.assertRaises(UserError):
            as_employee.write({"asn_version": "latest"})
        skp.invalidate_recordset()
        self.assertEqual((skp.state, skp.asn_version), ("draft", version))
        # who may not write the record gets the access error, not the record's name in a conflict message
        with self.assertRaises(AccessError):
            skp.with_user(self.user_other).write({"approach": "kuantitatif", "asn_version": version + 1})
        # nothing skips the comparison: the superuser's outdated save is refused too
        skp.write({"approach": "kuantitatif"})
        with self.assertRaisesRegex(UserError, CONFLICT):
            skp.sudo().write({"approach": "kualitatif", "asn_version": version})
        self.assertEqual(skp.approach, "kuantitatif")

    def test_line_version_opens_no_other_field(self):
        skp, march, lines, url = self.march_lines()
        line = lines[0].with_user(self.user_pegawai)
        with self.assertRaises(UserError):  # only targets and realisasi, the version changes nothing
            line.write({"month_id": skp.month_ids[0].id, "asn_version": line.asn_version})
        with self.assertRaises(AccessError):
            lines[0].with_user(self.user_other).write({"target_value": 3, "asn_version": line.asn_version + 1})
        line.write({"target_value": 3, "asn_version": line.asn_version})
        self.assertEqual((line.target_value, line.month_id), (3.0, march))
