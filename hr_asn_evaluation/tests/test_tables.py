"""The editable rule tables of the evaluation (kuadran, pola distribusi, TPP, angka kredit) and its
settings: each Pemda gets the shipped tables of rules/evaluation.py, BKPSDM edits them (validated by the
rules, refused whole when wrong), everybody else only reads them, and one Pemda never sees another's."""
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..rules import evaluation as rules

TABLES = ("hr.asn.kuadran", "hr.asn.curve.rule", "hr.asn.tpp.rate", "hr.asn.angka.kredit.percent",
          "hr.asn.angka.kredit.coefficient")
GROUP = "hr_asn_performance.group_hr_asn_performance_%s"
# a context a caller might forge to slip past a check: none of these keys may open a door
FORGED = {"install_mode": True, "active_test": False, "hr_asn_no_recompute": True, "module": "hr_asn_evaluation",
          "tracking_disable": True, "import_file": True, "su": True}


@tagged("post_install", "-at_install")
class TestTables(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company = Company.create({"name": "Pemerintah Kota Uji Tabel"})
        cls.company_b = Company.create({"name": "Pemerintah Kabupaten Lain"})
        cls.users = {}
        for role in ("employee", "penilai", "admin_opd", "admin"):
            cls.users[role] = new_test_user(
                cls.env, login="tbl_%s" % role, groups=GROUP % role,
                company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
            )
        cls.admin_b = new_test_user(
            cls.env, login="tbl_admin_b", groups=GROUP % "admin",
            company_id=cls.company_b.id, company_ids=[Command.set(cls.company_b.ids)],
        )
        # Settings administrator of Odoo with full rights on companies, but not BKPSDM
        cls.erp_manager = new_test_user(
            cls.env, login="tbl_erp", groups="base.group_erp_manager,base.group_user",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )

    def as_user(self, role, model):
        user = self.users[role] if role in self.users else role
        return self.env[model].with_user(user).with_company(user.company_id)

    def cell(self, hasil, perilaku, company=None):
        return self.env["hr.asn.kuadran"].search([
            ("company_id", "=", (company or self.company).id), ("rating_hasil", "=", hasil),
            ("rating_perilaku", "=", perilaku),
        ])

    def curve_row(self, capaian, code, company=None):
        return self.env["hr.asn.curve.rule"].search([
            ("company_id", "=", (company or self.company).id), ("capaian", "=", capaian), ("code", "=", code),
        ])

    # --------------------------------------------------------------------------------------------------
    def test_new_company_gets_the_shipped_tables(self):
        """A Pemda created today holds the rules' own tuples as editable rows, in their order; no TPP table."""
        company = self.env["res.company"].create({"name": "Pemerintah Kota Baru"})
        self.assertEqual(self.env["hr.asn.kuadran"]._asn_table(company), rules.DEFAULT_KUADRAN)
        self.assertEqual(self.env["hr.asn.curve.rule"]._asn_table(company), rules.DEFAULT_CURVE)
        self.assertEqual(self.env["hr.asn.angka.kredit.percent"]._asn_table(company),
                         rules.DEFAULT_ANGKA_KREDIT_PERCENT)
        self.assertEqual(self.env["hr.asn.angka.kredit.coefficient"]._asn_table(company),
                         rules.DEFAULT_ANGKA_KREDIT_COEFFICIENT)
        self.assertEqual(self.env["hr.asn.tpp.rate"]._asn_table(company), ())
        counts = {model: self.env[model].search_count([("company_id", "=", company.id)]) for model in TABLES}
        self.assertEqual(counts, {
            "hr.asn.kuadran": 9, "hr.asn.curve.rule": len(rules.DEFAULT_CURVE), "hr.asn.tpp.rate": 0,
            "hr.asn.angka.kredit.percent": 5, "hr.asn.angka.kredit.coefficient": 8,
        })
        curve = self.env["hr.asn.curve.rule"].search([("company_id", "=", company.id)])
        self.assertTrue(all(curve.mapped("assumed")), "the shipped shares are marked assumed (§3)")
        at_least_one = curve.filtered(lambda row: row.code == "butuh_perbaikan_kurang_min" and row.capaian == "baik")
        self.assertEqual((at_least_one.op, at_least_one.count, at_least_one.min_team), ("min", 1, 2))
        self.assertEqual((at_least_one.in_butuh_perbaikan, at_least_one.in_kurang, at_least_one.in_baik),
                         (True, True, False))

    def test_companies_at_install_have_the_tables(self):
        """The data file filled the companies that were there before the module."""
        main = self.env.ref("base.main_company")
        self.assertEqual(self.env["hr.asn.kuadran"].search_count([("company_id", "=", main.id)]), 9)
        self.assertEqual(self.env["hr.asn.kuadran"]._asn_table(main), rules.DEFAULT_KUADRAN)
        # loading again adds nothing to a company that has its table
        self.env["res.company"]._asn_eval_load_defaults()
        self.assertEqual(self.env["hr.asn.kuadran"].search_count([("company_id", "=", main.id)]), 9)

    def test_table_read_in_one_query(self):
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            table = self.env["hr.asn.curve.rule"]._asn_table(self.company)
        self.assertEqual(len(table), len(rules.DEFAULT_CURVE))

    # --------------------------------------------------------------------------------------------------
    def test_bkpsdm_edits_a_cell(self):
        Kuadran = self.as_user("admin", "hr.asn.kuadran")
        self.assertEqual(rules.predikat("sesuai", "diatas", Kuadran._asn_table(self.company)), "baik")
        self.cell("sesuai", "diatas").with_env(Kuadran.env).predikat = "sangat_baik"
        table = Kuadran._asn_table(self.company)
        self.assertEqual(rules.predikat("sesuai", "diatas", table), "sangat_baik")
        self.assertEqual(rules.predikat("diatas", "diatas", table), "sangat_baik")
        # the other Pemda keeps the national kuadran
        self.assertEqual(rules.predikat("sesuai", "diatas", Kuadran._asn_table(self.company_b)), "baik")

    def test_bkpsdm_edits_the_curve(self):
        Curve = self.as_user("admin", "hr.asn.curve.rule")
        row = self.curve_row("istimewa", "sangat_baik_max").with_env(Curve.env)
        row.percent = 50
        self.assertFalse(row.assumed, "an edited row is BKPSDM's, no longer the assumed default")
        table = Curve._asn_table(self.company)
        self.assertIn(rules.CurveRow("istimewa", "sangat_baik_max", ("sangat_baik",), "max", 50, 1), table)
        # 6 Sangat Baik of 10 complied with 70%, not with 50% (5 at most)
        counts = {"sangat_baik": 6, "baik": 4}
        self.assertEqual(rules.curve_violations("istimewa", counts, rules.DEFAULT_CURVE), [])
        self.assertEqual([v.code for v in rules.curve_violations("istimewa", counts, table)], ["sangat_baik_max"])

    def test_reset_to_default(self):
        Angka = self.as_user("admin", "hr.asn.angka.kredit.coefficient")
        Angka.search([("jenjang", "=", "ahli_muda")]).coefficient = 30
        self.assertIn(("ahli_muda", 30), Angka._asn_table(self.company))
        Angka.action_reset_to_default()
        self.assertEqual(Angka._asn_table(self.company), rules.DEFAULT_ANGKA_KREDIT_COEFFICIENT)

    # --------------------------------------------------------------------------------------------------
    def test_invalid_kuadran_refused(self):
        Kuadran = self.as_user("admin", "hr.asn.kuadran")
        cell = self.cell("dibawah", "dibawah").with_env(Kuadran.env)
        with self.assertRaisesRegex(ValidationError, "Dibawah Ekspektasi.*is missing"):
            cell.unlink()
        with self.assertRaisesRegex(ValidationError, "appears more than once"):
            cell.rating_perilaku = "sesuai"
        with self.assertRaisesRegex(ValidationError, "appears more than once"):
            Kuadran.create({"rating_hasil": "diatas", "rating_perilaku": "diatas", "predikat": "baik"})
        self.assertEqual(Kuadran._asn_table(self.company), rules.DEFAULT_KUADRAN, "nothing half-written")

    def test_invalid_curve_refused(self):
        Curve = self.as_user("admin", "hr.asn.curve.rule")
        row = self.curve_row("butuh_perbaikan", "butuh_perbaikan_min").with_env(Curve.env)
        with self.assertRaisesRegex(ValidationError, "Butuh Perbaikan / butuh_perbaikan_min: the percentage 120"):
            row.percent = 120
        with self.assertRaisesRegex(ValidationError, "no team of 1 employees can comply"):
            # Sangat Baik must be the largest group and may be none: a team of one cannot comply
            self.curve_row("istimewa", "sangat_baik_max").with_env(Curve.env).percent = 0
        with self.assertRaisesRegex(ValidationError, "a fixed count can only be 1"):
            row.count = 3
        with self.assertRaisesRegex(ValidationError, "appears more than once"):
            Curve.create({"capaian": "baik", "code": "baik_max", "in_baik": True, "op": "max", "percent": 60})
        self.assertEqual(Curve._asn_table(self.company), rules.DEFAULT_CURVE)
        self.assertTrue(row.assumed)

    def test_invalid_percent_tables_refused(self):
        Tpp = self.as_user("admin", "hr.asn.tpp.rate")
        with self.assertRaisesRegex(ValidationError, "Sangat Kurang is missing"):
            Tpp.create([{"predikat": code, "percent": 100} for code in rules.PREDIKAT_CODES[:4]])
        self.assertFalse(Tpp.search([("company_id", "=", self.company.id)]), "nothing half-written")
        with self.assertRaisesRegex(ValidationError, "Baik: the percentage 120"):
            Tpp.create([{"predikat": code, "percent": 120 if code == "baik" else 80} for code in rules.PREDIKAT_CODES])
        Tpp.create([{"predikat": code, "percent": percent} for code, percent in rules.DEMO_TPP_PERCENT])
        self.assertEqual(Tpp._asn_table(self.company), rules.DEMO_TPP_PERCENT)
        Percent = self.as_user("admin", "hr.asn.angka.kredit.percent")
        with self.assertRaisesRegex(ValidationError, "Sangat Baik: the percentage -1"):
            Percent.search([("predikat", "=", "sangat_baik")]).percent = -1
        Coefficient = self.as_user("admin", "hr.asn.angka.kredit.coefficient")
        with self.assertRaisesRegex(ValidationError, "Penyelia: the coefficient 0"):
            Coefficient.search([("jenjang", "=", "penyelia")]).coefficient = 0
        self.assertEqual(Percent._asn_table(self.company), rules.DEFAULT_ANGKA_KREDIT_PERCENT)
        self.assertEqual(Coefficient._asn_table(self.company), rules.DEFAULT_ANGKA_KREDIT_COEFFICIENT)

    # --------------------------------------------------------------------------------------------------
    def test_only_bkpsdm_writes_tables(self):
        """A Pejabat Penilai, an Admin OPD or an employee reads every table and changes none, whatever
        context they send."""
        for role in ("employee", "penilai", "admin_opd"):
            for model in TABLES:
                Table = self.as_user(role, model)
                self.assertEqual(Table._asn_table(self.company), self.env[model]._asn_table(self.company))
                Forged = Table.with_context(**FORGED)
                rows = Forged.search([])
                if model == "hr.asn.tpp.rate":
                    self.assertFalse(rows)
                else:
                    self.assertTrue(rows, "%s reads %s" % (role, model))
                    self.assertEqual(set(rows.company_id.ids), set(self.company.ids))
                    with self.assertRaises(AccessError, msg="%s writes %s" % (role, model)):
                        rows[0].write({"sequence": 99})
                    with self.assertRaises(AccessError, msg="%s deletes %s" % (role, model)):
                        rows.unlink()
                with self.assertRaises(AccessError, msg="%s creates %s" % (role, model)):
                    Forged.create(dict(Forged._asn_row_vals(Forged._asn_default_rows()[0]))
                                  if Forged._asn_default_rows() else {"predikat": "baik", "percent": 100})
                with self.assertRaises(AccessError, msg="%s resets %s" % (role, model)):
                    Forged.action_reset_to_default()
        self.assertEqual(self.env["hr.asn.kuadran"]._asn_table(self.company), rules.DEFAULT_KUADRAN)

    def test_only_bkpsdm_changes_settings(self):
        for user in (self.users["penilai"], self.users["admin_opd"], self.erp_manager):
            with self.assertRaises(AccessError, msg=user.login):
                self.company.with_user(user).with_context(**FORGED).write({"asn_curve_enforcement": "block"})
        self.assertEqual(self.company.asn_curve_enforcement, "warn")
        # an Odoo settings administrator still changes the company's other settings
        self.company.with_user(self.erp_manager).asn_sign_place = "Bekasi"
        self.assertEqual(self.company.asn_sign_place, "Bekasi")
        self.company.with_user(self.users["admin"]).write({"asn_curve_enforcement": "block", "asn_objection_days": 21})
        self.assertEqual((self.company.asn_curve_enforcement, self.company.asn_objection_days), ("block", 21))
        with self.assertRaises(AccessError):
            self.company_b.with_user(self.users["admin"]).asn_objection_days = 30
        self.assertEqual(self.company_b.asn_objection_days, 14)

    # --------------------------------------------------------------------------------------------------
    def test_companies_apart(self):
        Kuadran_b = self.as_user(self.admin_b, "hr.asn.kuadran")
        self.assertEqual(set(Kuadran_b.search([]).company_id.ids), set(self.company_b.ids))
        cell_a = self.cell("sesuai", "sesuai").with_env(Kuadran_b.env)
        with self.assertRaises(AccessError):
            cell_a.predikat = "sangat_kurang"
        with self.assertRaises(AccessError):
            cell_a.with_context(allowed_company_ids=[self.company.id, self.company_b.id]).predikat = "sangat_kurang"
        self.cell("sesuai", "sesuai", self.company_b).with_env(Kuadran_b.env).predikat = "butuh_perbaikan"
        self.assertEqual(rules.predikat("sesuai", "sesuai", self.env["hr.asn.kuadran"]._asn_table(self.company_b)),
                         "butuh_perbaikan")
        self.assertEqual(self.env["hr.asn.kuadran"]._asn_table(self.company), rules.DEFAULT_KUADRAN)
        # a row cannot be moved into another Pemda by BKPSDM of one
        with self.assertRaises(AccessError):
            Kuadran_b.create({"company_id": self.company.id, "rating_hasil": "diatas", "rating_perilaku": "diatas",
                              "predikat": "baik"})

    def test_settings_defaults(self):
        company = self.env["res.company"].create({"name": "Pemerintah Kota Setelan"})
        self.assertEqual(
            (company.asn_eval_cadence, company.asn_curve_scope, company.asn_curve_enforcement,
             company.asn_objection_days, company.asn_rollup_policy, company.asn_eval_deadline_days),
            ("month", "team", "warn", 14, "last", 10),
        )
        with self.assertRaisesRegex(ValidationError, "keberatan window"):
            company.asn_objection_days = 0
        # the settings page is Odoo's administrator's (base.group_system), who is BKPSDM too
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= self.company
        settings = self.env["res.config.settings"].with_user(admin).with_company(self.company).create({})
        self.assertEqual(settings.asn_rollup_policy, "last")
        settings.asn_rollup_policy = "worst"
        self.assertEqual(self.company.asn_rollup_policy, "worst")
