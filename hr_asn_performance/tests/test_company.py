"""Each Pemda (company) keeps its ASN performance records to itself: Odoo's multi-company rule
``[('company_id', 'in', company_ids)]`` on every model of the addon, children through their SKP
(issue 9, finding 7). Tried as the attack was: RPC-like calls (search, read, read_group, search_count)
as users of a second Pemda whose role rules alone would let them in.

The scenario: staff moved from Pemda A (the test city) to Pemda B by mutasi antar daerah. Their users
now belong to B, but A keeps their former employee records, still linked to the user, so the rules
"own SKP", "as Pejabat Penilai" and "own Perangkat Daerah" all match A's records; BKPSDM's rule
matches everything. Only the company decides."""
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import HrAsnSkpCase

# every model of hr_asn_performance that holds records of a Pemda
MODELS = (
    "hr.asn.skp", "hr.asn.skp.rhk", "hr.asn.skp.iki", "hr.asn.skp.behavior", "hr.asn.skp.support",
    "hr.asn.skp.month", "hr.asn.skp.month.line", "hr.asn.skp.feedback", "hr.asn.skp.followup",
    "hr.asn.acting.assignment", "hr.asn.lampiran2.row",
)
ROLES = ("employee", "penilai", "admin_opd", "admin")
SUPPORT = [fields.Command.create({"kind": "sumber_daya", "name": "Akses aplikasi"})]


@tagged("post_install", "-at_install")
@freeze_time("2026-03-10")
class TestCompanySeparation(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
            cls.skp = cls.set_skp(cls.make_skp("S.dseksi", parent_rhk=cls.kasi.rhk_ids[0], support_ids=SUPPORT))
            cls.pemda_b, cls.units_b, employees_b = cls.make_pemda("Pemerintah Kota Lain")
            cls.emp.update({"B:" + key: employee.with_env(cls.env) for key, employee in employees_b.items()})
            cls.skps_b = {}
            parent_rhk = None
            for key in ("B:H.dinas", "B:H.dbid", "B:H.dseksi", "B:S.dseksi"):
                cls.skps_b[key] = cls.set_skp(cls.make_skp(key, parent_rhk=parent_rhk, support_ids=SUPPORT))
                parent_rhk = cls.skps_b[key].rhk_ids[0]
            cls.skp_b = cls.skps_b["B:S.dseksi"]
        for skp, leader in ((cls.skp, cls.emp["H.dseksi"]), (cls.skp_b, cls.emp["B:H.dseksi"])):
            cls.add_records(skp, leader)
        cls.env["hr.asn.lampiran2.row"]._load_default_table(cls.company)  # Pemda A's own Lampiran II
        cls.records_a = {name: cls.records_of(name, cls.company) for name in MODELS}
        cls.records_b = {name: cls.records_of(name, cls.pemda_b) for name in MODELS if name != "hr.asn.lampiran2.row"}
        cls.users_b = {role: cls.make_user_b(role) for role in ROLES}
        # mutasi antar daerah: the former employee records in A keep the link to the user
        cls.emp["S.dseksi"].user_id = cls.users_b["employee"]
        cls.emp["H.dseksi"].user_id = cls.users_b["penilai"]
        cls.emp["B:S.dseksi"].user_id = cls.users_b["employee"]
        cls.emp["B:H.dseksi"].user_id = cls.users_b["penilai"]
        cls.users_b["admin_opd"].asn_admin_department_ids = cls.units["dinas"] | cls.units_b["dinas"]

    @classmethod
    def add_records(cls, skp, leader):
        """Feedback, a follow-up and a past Plt in the SKP's Pemda."""
        cls.env["hr.asn.skp.feedback"].create({"skp_id": skp.id, "giver_id": leader.id, "topic": "perilaku",
                                              "behavior_value": "loyal", "name": "Baik"})
        cls.env["hr.asn.skp.followup"].create({"skp_id": skp.id, "action": "bimbingan", "note": "Bimbingan"})
        cls.env["hr.asn.acting.assignment"].create({
            "employee_id": skp.employee_id.id, "department_id": leader.department_id.id,
            "date_from": "2025-01-01", "date_to": "2025-06-30"})

    @classmethod
    def records_of(cls, name, company):
        path = "company_id" if "company_id" in cls.env[name]._fields else "skp_id.company_id"
        records = cls.env[name].with_context(active_test=False).search([(path, "=", company.id)])
        assert records, "the test needs records of %s in %s" % (name, company.name)
        return records

    @classmethod
    def make_user_b(cls, role):
        return new_test_user(cls.env, "b_" + role, groups="hr_asn_performance.group_hr_asn_performance_" + role,
                             company_id=cls.pemda_b.id, company_ids=[(6, 0, cls.pemda_b.ids)])

    def as_user(self, name, role, companies):
        return self.env[name].with_user(self.users_b[role]).with_context(allowed_company_ids=companies.ids)

    def assertNothingOfA(self, role, companies):
        for name, records in self.records_a.items():
            with self.subTest(model=name, role=role):
                Model = self.as_user(name, role, companies)
                domain = [("id", "in", records.ids)]
                self.assertFalse(Model.search(domain))
                self.assertEqual(Model.search_count(domain), 0)
                self.assertFalse(Model.search([]) & records)
                self.assertEqual(Model.read_group(domain, ["__count"], [])[0]["__count"], 0)
                with self.assertRaises(AccessError):
                    records.with_env(Model.env).read(["create_date"])

    def test_users_of_the_second_pemda_read_nothing_of_the_first(self):
        for role in ROLES:
            self.assertNothingOfA(role, self.pemda_b)
        for name, records in self.records_b.items():
            Model = self.as_user(name, "admin", self.pemda_b)
            self.assertEqual(Model.search([("id", "in", records.ids)]), records, "BKPSDM of B sees B: %s" % name)
        self.assertEqual(self.as_user("hr.asn.skp", "employee", self.pemda_b).search([]),
                         self.skp_b | self.skps_b["B:H.dseksi"], "her SKPs in B (hers, her assessor's), none in A")

    def test_user_of_both_pemda_sees_only_the_active_one(self):
        for user in self.users_b.values():
            user.company_ids = self.company | self.pemda_b
        for role in ROLES:
            self.assertNothingOfA(role, self.pemda_b)
        # with Pemda A active the same users reach A's records: the role rules match, the company decides
        for role in ROLES:
            for name, records in self.records_a.items():
                with self.subTest(model=name, role=role):
                    Model = self.as_user(name, role, self.company)
                    found = Model.search([("id", "in", records.ids)])
                    self.assertTrue(found)
                    self.assertEqual(Model.read_group([("id", "in", records.ids)], ["__count"], [])[0]["__count"],
                                     len(found))
        self.assertEqual(self.as_user("hr.asn.skp", "employee", self.company).search([]), self.skp | self.kasi)

    def test_second_pemda_cannot_act_on_the_first(self):
        """A follow-up, even an RHK taken over (Pasal 20(6)-(8)), or any step of the workflow on an SKP of
        another Pemda is refused, to BKPSDM of B and to the former Pejabat Penilai now in B."""
        rhk = self.skp.rhk_ids[0]
        for role in ("admin", "penilai"):
            Followup = self.as_user("hr.asn.skp.followup", role, self.pemda_b)
            with self.subTest(role=role), self.assertRaises(AccessError):
                Followup.create({"skp_id": self.skp.id, "action": "pengambilalihan", "rhk_id": rhk.id,
                                 "note": "Diambil alih dari Pemda lain"})
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.skp.with_env(Followup.env).action_new_revision("Dari Pemda lain")
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.skp.month_ids[0].with_env(Followup.env).action_review("Dari Pemda lain")
        self.assertFalse(rhk.taken_over)
        self.assertEqual(self.skp.followup_ids.mapped("action"), ["bimbingan"])
        self.assertEqual((self.skp.state, self.skp.next_ids), ("set", self.env["hr.asn.skp"]))
