"""Issue 9, findings 1, 5, 10 and 11 on employees, written as the attacks were: RPC-like calls as the
attacking user, with the context the caller chooses."""
import random

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from ..rules import nip as nip_rules
from .common import HrAsnRoleUsersCase, HrAsnSkpCase

FORGED = {"hr_asn_no_recompute": True}


@tagged("post_install", "-at_install")
class TestForgedNoRecompute(HrAsnRoleUsersCase):
    """Finding 1: ``hr_asn_no_recompute`` defers the Lampiran II recomputation for data loaded as the
    superuser only; an RPC caller setting it still gets the assessors of Pasal 26."""

    def test_admin_opd_with_forged_key_gets_assessors(self):
        newcomer = self.env["hr.employee"].create({"name": "newcomer", "department_id": self.units["dseksi"].id})
        self.assertEqual(newcomer.pejabat_penilai_id, self.emp["H.dseksi"])
        newcomer.with_user(self.user_admin_opd).with_context(**FORGED).write({"department_id": self.units["dsub"].id})
        self.assertEqual(newcomer.pejabat_penilai_id, self.emp["H.dsub"])
        self.assertEqual(newcomer.lampiran2_row, self.emp["S.dsub"].lampiran2_row)

    def test_forged_key_on_a_unit_head_change(self):
        unit = self.env["hr.department"].with_user(self.user_admin_opd).with_context(**FORGED).browse(
            self.units["dseksi"].id)
        unit.manager_id = self.emp["S.dbid"]
        self.assertAssessors(self.emp["S.dseksi"], "S.dbid", "H.dbid", "4.g")

    def test_forged_key_on_the_table(self):
        row = self.env["hr.asn.lampiran2.row"].with_user(self.user_admin).with_context(**FORGED).search(
            [("code", "=", "4.g")])
        row.write({"penilai_ref": "bidang", "atasan_ref": "opd_head"})
        self.assertAssessors(self.emp["S.dseksi"], "H.dbid", "H.dinas", "4.g")
        row.action_reset_to_default()  # BKPSDM's button: replaced as the superuser, recomputed once
        self.assertAssessors(self.emp["S.dseksi"], "H.dseksi", "H.dbid", "4.g")


@tagged("post_install", "-at_install")
class TestAssessorFieldsOwned(HrAsnSkpCase):
    """Finding 5: the assessors are written by the Lampiran II resolver only; BKPSDM overrides them
    with a reason (tracked), nobody writes them directly."""

    def assertAssessorsUnchanged(self):
        self.assertAssessors(self.emp["S.dseksi"], "H.dseksi", "H.dbid", "4.g")
        self.assertEqual(self.emp["S.dseksi"].assessor_source, "lampiran2")

    def test_admin_opd_cannot_make_himself_pejabat_penilai(self):
        himself = self.emp["S.dsek"]  # user_admin_opd's own employee
        her = self.env["hr.employee"].with_user(self.user_admin_opd).with_context(**FORGED).browse(
            self.emp["S.dseksi"].id)
        with self.assertRefused(AccessError, "Pejabat Penilai Kinerja"):
            her.write({"pejabat_penilai_id": himself.id, "assessor_source": "lampiran2"})
        self.assertAssessorsUnchanged()
        for vals in ({"atasan_pejabat_penilai_id": himself.id}, {"assessor_source": "override"},
                     {"lampiran2_row_id": False}, {"assessor_flags": "x"}, {"pejabat_penilai_official": "x"},
                     {"lampiran2_row": "1.a"}, {"nip_birth_date": "1990-01-01"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                her.write(vals)
        self.assertAssessorsUnchanged()
        # through the other end of the link: his own record's Assessed Employees
        me = self.env["hr.employee"].with_user(self.user_admin_opd).browse(himself.id)
        with self.assertRaises(AccessError):
            me.write({"assessee_ids": [(4, self.emp["S.dseksi"].id)]})
        self.assertAssessorsUnchanged()
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.user_admin_opd).create({
                "name": "planted", "pejabat_penilai_id": himself.id, "assessor_source": "override",
            })
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "planted")]))

    def test_bkpsdm_overrides_instead(self):
        Employee = self.env["hr.employee"].with_user(self.user_admin)
        with self.assertRaises(AccessError):
            Employee.browse(self.emp["S.dseksi"].id).write({"pejabat_penilai_id": self.emp["H.dsub"].id})
        self.assertAssessorsUnchanged()
        Employee.browse(self.emp["S.dseksi"].id).write({
            "assessor_override": True, "override_penilai_id": self.emp["H.dsub"].id,
            "override_reason": "SK Wali Kota 800/12",
        })
        self.assertAssessors(self.emp["S.dseksi"], "H.dsub", "H.dbid")
        self.assertEqual(self.emp["S.dseksi"].assessor_source, "override")

    def test_admin_opd_then_cannot_review_her_month(self):
        with freeze_time("2026-01-10"):
            self.make_staff_skp()
        month = self.skp.month_ids.filtered(lambda m: m.month == 2)
        mine = month.with_user(self.user_pegawai)
        with freeze_time("2026-02-01"):
            mine.line_ids.target_text = "Draf dokumen akreditasi"
            mine.action_confirm_plan()
        with freeze_time("2026-02-28"):  # reported from the month's last day (issue 12)
            mine.line_ids.realisasi = "Draf tersusun"
            mine.action_report()
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.user_admin_opd).browse(self.emp["S.dseksi"].id).write(
                {"pejabat_penilai_id": self.emp["S.dsek"].id, "assessor_source": "lampiran2"})
        with self.assertRefused(AccessError, "Pejabat"):
            month.with_user(self.user_admin_opd).action_review("ok")
        self.assertEqual((month.state, month.reviewed_by_id.id), ("reported", False))


@tagged("post_install", "-at_install")
class TestForgedChangeDate(HrAsnSkpCase):
    """Finding 1 (the same door): ``hr_asn_change_date`` dates a mutation for the demo loaded as the
    superuser; an Admin OPD sending it over RPC does not choose when the set SKP closes."""

    def test_mutation_with_forged_date_closes_today(self):
        with freeze_time("2026-01-10"):
            self.make_staff_skp()
        with freeze_time("2026-06-15"):
            self.env["hr.employee"].with_user(self.user_admin_opd).with_context(
                hr_asn_change_date="2026-02-01").browse(self.emp["S.dseksi"].id).write(
                {"department_id": self.units["dsub"].id})
        self.assertEqual(self.skp.date_to.isoformat(), "2026-06-14", "closed the day before the recorded change")
        revision = self.Skp.search([("previous_id", "=", self.skp.id)])
        self.assertEqual(revision.date_from.isoformat(), "2026-06-15")


# What the ORM message says for each part the rule can refuse (English, the test language).
PART_TEXT = {
    "format": "digits 0-9 only", "length": "18 digits", "birth_date": "digits 1-8", "appointment": "digits 9-14",
    "gender": "digit 15", "sequence": "digits 16-18",
}


def nip_sample(count=50, seed=9):
    """NIP-like strings as people and scripts send them: right ones, one digit too many or few,
    400 digits, letters, separators, unicode digits, NUL and other control characters."""
    rng = random.Random(seed)
    good = "198507122010011003"
    fixed = [good[:-1] + "47", "1985071220100110031", good[:17], "9" * 400, "", "   ", "19850712 201001 1 047",
             "1985.0712.2010.01.1.048", "19850712201001100\x00", "19850712201001100²", "١٩٨٥٠٧١٢٢٠١٠٠١١٠٤٩",
             "198507122010011O03", "000001012010011003", "198507122010211049", "NaN", "1e308", "-198507122010011"]
    sample = list(fixed)
    alphabet = "0123456789" * 4 + " .-xO²\t\u00a0"
    while len(sample) < count:
        kind = rng.randrange(3)
        if kind == 0:  # a right shape with random digits: the parts decide
            sample.append("".join(rng.choice("0123456789") for _i in range(18)))
        elif kind == 1:  # a real NIP with one character changed
            position = rng.randrange(18)
            sample.append(good[:position] + rng.choice(alphabet) + good[position + 1:])
        else:
            sample.append("".join(rng.choice(alphabet) for _i in range(rng.randrange(0, 25))))
    return sample


@tagged("post_install", "-at_install")
class TestNipField(HrAsnRoleUsersCase):
    """Finding 10: the NIP field never cuts a value, never answers with a 500 or a raw database
    error; every refusal is the rule's translated message naming the wrong part."""

    def setUp(self):
        super().setUp()
        self.employee = self.env["hr.employee"].create({
            "name": "Sample", "department_id": self.units["dseksi"].id, "nip": "199001012015031001"})
        self.as_admin_opd = self.employee.with_user(self.user_admin_opd)

    def test_nineteen_digits_refused_not_cut(self):
        with self.assertRefused(ValidationError, "a NIP has 18 digits, this one has 19"):
            self.as_admin_opd.write({"nip": "1985071220100110031"})
        self.assertEqual(self.employee.nip, "199001012015031001")
        Employee = self.env["hr.employee"].with_user(self.user_admin_opd)
        with self.assertRefused(ValidationError, "this one has 19"):
            Employee.create({"name": "cut", "nip": "1985071220100110031", "department_id": self.units["dseksi"].id})
        self.assertFalse(self.env["hr.employee"].search([("nip", "like", "198507122010011003%")]))

    def test_duplicate_nip_on_write_is_a_clear_message(self):
        taken = self.emp["S.dinas"].nip
        with self.assertRefused(ValidationError, "already has NIP %s" % taken):
            self.as_admin_opd.write({"nip": taken})
        self.env.flush_all()  # nothing pending that the database would refuse
        self.assertEqual(self.employee.nip, "199001012015031001")
        # an employee of another Pemda holding the NIP moves into this one
        other_company = self.env["res.company"].create({"name": "Pemda Lain"})
        twin = self.env["hr.employee"].create({"name": "twin", "nip": taken, "company_id": other_company.id})
        with self.assertRefused(ValidationError, "already has NIP"):
            twin.write({"company_id": self.company.id})
        self.env.flush_all()
        self.assertEqual(twin.company_id, other_company)

    def test_nip_sent_as_a_number(self):
        self.as_admin_opd.write({"nip": 198507122010011047})
        self.assertEqual(self.employee.nip, "198507122010011047")

    def test_sample_of_generated_nips(self):
        taken = set(self.env["hr.employee"].with_context(active_test=False).search(
            [("company_id", "=", self.company.id)]).mapped("nip"))
        for value in nip_sample():
            with self.subTest(value=value):
                self._try_nip(value, taken)

    def _try_nip(self, value, taken):
        before = self.employee.nip
        number = nip_rules.normalize(value)
        try:
            if number:
                nip_rules.parse(number)
            refusal = "already has NIP" if number in taken and number != before else None
        except nip_rules.NipError as error:
            refusal = PART_TEXT[error.part]
        if refusal:
            with self.assertRefused(ValidationError, refusal) as catcher:
                self.as_admin_opd.write({"nip": value})
            self.assertIn("NIP", str(catcher.exception))
            self.assertEqual(self.employee.nip, before)
            return
        self.as_admin_opd.write({"nip": value})
        self.env.flush_all()
        self.employee.invalidate_recordset()
        self.assertEqual(self.employee.nip, number or False, "stored whole, not cut; only spaces clear it")
        self.assertEqual(self.employee.nip_birth_date, nip_rules.parse(number).birth_date if number else False)
        if number:
            taken.add(number)


@tagged("post_install", "-at_install")
class TestColleagueReadsEmployees(HrAsnRoleUsersCase):
    """Finding 11: a colleague's read of employees (the Employees app) reads what hr.employee.public
    mirrors and is refused only the private fields, as core's test_employee_fields_groups requires."""

    def test_plain_user_reads_every_field_offered(self):
        self.emp["S.dseksi"].write({"tb_date_from": "2025-08-25", "tb_date_to": "2099-08-31",
                                    "tb_institution": "UNPAD"})
        for user in (new_test_user(self.env, "asn_plain", groups="base.group_user", company_id=self.company.id,
                                   company_ids=[(6, 0, self.company.ids)]), self.user_pegawai):
            with self.subTest(user=user.login):
                Employee = self.env["hr.employee"].with_user(user)
                records = Employee.search([("company_id", "=", self.company.id)])
                records.read([])  # what core's test_employee_fields_groups does: no AccessError
                offered = Employee.fields_get()
                self.assertNotIn("tb_institution", offered)
                self.assertNotIn("nip_birth_date", offered)
                values = {row["id"]: row for row in records.read(
                    ["nip", "on_tugas_belajar", "tb_date_to", "pejabat_penilai_id", "assessee_ids", "assessor_flags",
                     "lampiran2_row_id", "asn_special_role", "assessor_reason"])}
                her = values[self.emp["S.dseksi"].id]
                self.assertTrue(her["on_tugas_belajar"])
                self.assertEqual(her["pejabat_penilai_id"][0], self.emp["H.dseksi"].id)
                self.assertIn(self.emp["S.dseksi"].id, values[self.emp["H.dseksi"].id]["assessee_ids"])
                self.assertEqual(her["lampiran2_row_id"][0], self.emp["S.dseksi"].lampiran2_row_id.id)
                self.assertIn("4.g", her["assessor_reason"])
                self.assertIn(records.browse(her["id"]), Employee.search([("on_tugas_belajar", "=", True)]))
                with self.assertRaises(AccessError):
                    records.browse(her["id"]).read(["nip_birth_date"])
