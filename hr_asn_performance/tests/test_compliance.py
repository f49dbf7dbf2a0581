"""The compliance table of BKPSDM and the Admin Kepegawaian OPD (issue 12, Must have 2): per Perangkat
Daerah and year, headcount, employees without a set SKP (those without any SKP included), SKPs by state,
months' targets and realisasi on time, late or missing, and the leader's reviews (Pasal 13, 16-17;
Kota Semarang seed 002: targets by the 2nd of the month, realisasi by the 3rd of the next).

The date is frozen on 10 April 2026: January to March are due for realisasi (their days, 3 February to
3 April, have passed), January to April for targets (2 January to 2 April).
"""
import io
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import HrAsnSkpCase

DINAS_UNITS = ("dinas", "dsek", "dsub", "dbid", "dseksi")


@tagged("post_install", "-at_install")
@freeze_time("2026-04-10")
class TestCompliance(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        # neither counts: an honorer (no ASN status) and a retired PNS (archived)
        Employee.create([
            {"name": "Honorer", "department_id": cls.units["dseksi"].id, "company_id": cls.company.id},
            {"name": "Pensiunan", "department_id": cls.units["dbid"].id, "company_id": cls.company.id,
             "asn_status": "pns", "nip": cls.make_nip(800), "active": False},
        ])
        cls.dinas_staff = cls.env["hr.employee"].union(*(
            employee for key, employee in cls.emp.items() if key.split(".", 1)[1] in DINAS_UNITS))
        with freeze_time("2026-01-10"):
            # set SKPs: Kepala Dinas, Kepala Bidang, Kepala Seksi and the staff member S.dseksi
            cls.make_staff_skp()
            # a draft that is not set; every other employee of the Dinas has no SKP at all
            cls.draft = cls.make_skp("S.dsub")
        cls.month = {m.month: m for m in cls.skp.month_ids}
        cls.Compliance = cls.env["hr.asn.compliance"]

    def document(self, number, plan_day, report_day, review_day=None):
        """The staff member confirms the targets of month ``number``, reports its realisasi, and her
        leader reviews it, on the days given (None: not done)."""
        month = self.month[number].with_user(self.user_pegawai)
        if plan_day:
            with freeze_time(plan_day):
                month.line_ids.target_text = "Target bulan %s" % number
                month.action_confirm_plan()
        if report_day:
            with freeze_time(report_day):
                month.line_ids.realisasi = "Realisasi bulan %s" % number
                month.action_report()
        if review_day:
            with freeze_time(review_day):
                self.month[number].with_user(self.user_penilai).action_review("Baik")

    def row(self, department, year=2026, user=None):
        rows = self.Compliance.with_user(user or self.user_admin).search(
            [("opd_id", "=", department.id), ("year", "=", year)])
        self.assertEqual(len(rows), 1, "one row per Perangkat Daerah and year")
        return rows

    def test_counts(self):
        self.document(1, "2026-01-10", "2026-02-02", "2026-02-03")  # targets late, reported and reviewed on time
        self.document(2, "2026-02-01", "2026-03-05")                # targets on time, reported late, not reviewed
        self.document(3, "2026-03-02", None)                        # targets on time, not reported
        row = self.row(self.units["dinas"])
        headcount = len(self.dinas_staff)
        self.assertEqual((row.headcount, row.with_set_skp_count, row.without_set_skp_count),
                         (headcount, 4, headcount - 4),
                         "the honorer and the retired PNS are not counted; the draft and those without any SKP are")
        self.assertAlmostEqual(row.set_rate, 100.0 * 4 / headcount, places=2)
        self.assertEqual((row.skp_draft_count, row.skp_submitted_count, row.skp_set_count, row.skp_closed_count),
                         (1, 0, 4, 0))
        self.assertEqual(row.skp_overdue_count, 1, "the draft is past the end of January")
        # four set SKPs, each with January to March due for realisasi: 12 months
        self.assertEqual((row.report_on_time_count, row.report_late_count, row.report_missing_count,
                          row.report_due_count), (1, 1, 10, 12))
        self.assertAlmostEqual(row.report_on_time_rate, 100.0 / 12, places=2)
        # January to April due for targets: 16 months
        self.assertEqual((row.plan_on_time_count, row.plan_late_count, row.plan_missing_count), (2, 1, 13))
        # February was reported on 5 March: its review was due 7 days later (the default) and has not come
        self.assertEqual((row.review_on_time_count, row.review_late_count, row.review_missing_count,
                          row.review_due_count), (1, 0, 1, 2))
        self.assertEqual(row.review_on_time_rate, 50.0)
        # another Perangkat Daerah: headcount, nobody with an SKP, nothing due
        insp = self.row(self.units["insp"])
        self.assertEqual((insp.headcount, insp.without_set_skp_count, insp.set_rate, insp.report_due_count),
                         (8, 8, 0.0, 0))

    def test_review_late_and_year_totals(self):
        self.document(1, "2026-01-10", "2026-02-02", "2026-02-11")  # reviewed 8 days after the realisasi day
        january = self.month[1]
        self.assertEqual(january.review_deadline, date(2026, 2, 10), "the realisasi day (3 February) + 7 days")
        row = self.row(self.units["dinas"])
        self.assertEqual((row.review_on_time_count, row.review_late_count, row.review_missing_count), (0, 1, 0))
        # the Pemda gives its leaders more days: the same review is on time
        self.company.asn_review_days = 10
        self.assertEqual(january.review_deadline, date(2026, 2, 13))
        self.env.flush_all()
        self.Compliance.invalidate_model()  # a view read again, not its cached row
        row = self.row(self.units["dinas"])
        self.assertEqual((row.review_on_time_count, row.review_late_count), (1, 0))
        with self.assertRaises(ValidationError):
            self.company.asn_review_days = 29
        # grouped, a ratio is the ratio of the sums, not the mean of the rows' ratios
        rows = self.Compliance.with_user(self.user_admin).search([("year", "=", 2026)])
        self.assertGreater(len(rows), 2)
        [(rate, with_set, heads)] = self.Compliance.with_user(self.user_admin)._read_group(
            [("year", "=", 2026)], [], ["set_rate:avg", "with_set_skp_count:sum", "headcount:sum"])
        self.assertEqual(with_set, 4)
        self.assertAlmostEqual(rate, 100.0 * 4 / heads, places=2)
        self.assertNotAlmostEqual(rate, sum(rows.mapped("set_rate")) / len(rows), places=2)

    def test_drill_down(self):
        self.document(2, "2026-02-01", "2026-03-05")
        row = self.row(self.units["dinas"], user=self.user_admin_opd)
        env = self.env(user=self.user_admin_opd)

        def found(action):
            return env[action["res_model"]].search(action["domain"])

        expected = self.dinas_staff - self.skp.employee_id - self.kadis.employee_id - self.kabid.employee_id \
            - self.kasi.employee_id
        self.assertEqual(found(row.action_open_without_set_skp()), expected)
        self.assertIn(self.emp["S.dsub"], expected, "a draft is no set SKP")
        self.assertEqual(found(row.action_open_headcount()), self.dinas_staff)
        self.assertEqual(found(row.action_open_skps()), self.skp | self.kadis | self.kabid | self.kasi | self.draft)
        self.assertEqual(len(found(row.action_open_months_not_reported())), row.report_missing_count)
        self.assertEqual(found(row.action_open_months_reported_late()), self.month[2])
        self.assertEqual(found(row.action_open_months_not_reviewed()), self.month[2])

    def test_access(self):
        dinas, insp = self.row(self.units["dinas"]), self.row(self.units["insp"])
        as_opd = self.Compliance.with_user(self.user_admin_opd)
        self.assertEqual(as_opd.search([("year", "=", 2026)]), dinas.with_user(self.user_admin_opd),
                         "an Admin OPD sees its own Perangkat Daerah only")
        with self.assertRaises(AccessError):
            insp.with_user(self.user_admin_opd).read(["headcount"])
        for user in (self.user_penilai, self.user_pegawai):
            with self.assertRaises(AccessError):
                self.Compliance.with_user(user).search([])
            with self.assertRaises(AccessError):
                dinas.with_user(user).read(["headcount"])

    def test_export_granted(self):
        """Odoo's "Access to export" (base.group_allow_export) comes with the Pejabat Penilai, Admin OPD
        and BKPSDM roles; a Pegawai's export is refused."""
        row = self.row(self.units["dinas"], user=self.user_admin_opd)
        for user in (self.user_admin_opd, self.user_admin):
            data = self.Compliance.with_user(user).browse(row.id).export_data(["opd_id", "headcount"])["datas"]
            self.assertEqual(data, [[self.units["dinas"].display_name, len(self.dinas_staff)]])
        skps = self.env["hr.asn.skp"].with_user(self.user_penilai).search(
            [("employee_id", "=", self.emp["S.dseksi"].id)])
        self.assertEqual(skps.export_data(["employee_nip"])["datas"], [[self.skp.employee_nip]])
        with self.assertRaises(UserError):
            self.env["hr.asn.skp"].with_user(self.user_pegawai).search([]).export_data(["employee_nip"])

    def test_xlsx_data(self):
        self.document(1, "2026-01-10", "2026-02-02", "2026-02-03")
        rows = self.Compliance.with_user(self.user_admin).search([("year", "=", 2026)])
        data = rows._asn_xlsx_data()
        self.assertEqual(len(data["rows"]), len(rows))
        self.assertEqual([total[:2] for total in data["totals"]], [[2026, "Total"]])
        columns = data["columns"]
        total = dict(zip(columns, data["totals"][0], strict=True))
        self.assertEqual(total["Headcount"], sum(rows.mapped("headcount")))
        self.assertEqual(total["With a Set SKP"], 4)
        self.assertAlmostEqual(total["SKP Set (%)"], 400.0 / total["Headcount"], places=2)

    def test_read_query_count(self):
        """The list's read is a few queries whatever the number of Perangkat Daerah and employees."""
        fields_list = ["opd_id", "year", "headcount", "without_set_skp_count", "set_rate", "report_on_time_rate",
                       "review_on_time_rate", "report_missing_count", "review_missing_count"]
        Compliance = self.Compliance.with_user(self.user_admin)
        Compliance.search_read([], fields_list)  # warm the caches (access rules, fields)
        self.env.invalidate_all()
        with self.assertQueryCount(4):  # the rows in one query, the names of their Perangkat Daerah, rules
            self.assertTrue(Compliance.search_read([], fields_list))
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            Compliance.read_group([], ["headcount:sum", "set_rate:avg"], ["year"])


@tagged("post_install", "-at_install")
@freeze_time("2026-04-10")
class TestComplianceXlsx(HttpCase, HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10"):
            cls.make_staff_skp()

    def test_download_own_perangkat_daerah_only(self):
        import openpyxl

        rows = self.env["hr.asn.compliance"].search([("year", "=", 2026), ("company_id", "=", self.company.id)])
        dinas = rows.filtered(lambda r: r.opd_id == self.units["dinas"])
        self.assertGreater(len(rows), 2)
        self.authenticate("asn_admin_opd", "asn_admin_opd")
        response = self.url_open("/hr_asn_performance/compliance/xlsx?ids=%s" % ",".join(map(str, rows.ids)))
        self.assertEqual(response.status_code, 200)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        names = [sheet.cell(row=index, column=2).value for index in range(4, sheet.max_row + 1)]
        self.assertEqual(names, [self.units["dinas"].name, "Total"], "the other Perangkat Daerah are left out")
        self.assertEqual(sheet.cell(row=4, column=3).value, dinas.headcount)
        self.assertEqual(sheet.cell(row=4, column=4).value, 4)
        self.authenticate("asn_pegawai", "asn_pegawai")
        response = self.url_open("/hr_asn_performance/compliance/xlsx?ids=%s" % dinas.id)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK", response.content[:2])


@tagged("post_install", "-at_install")
@freeze_time("2026-04-10")
class TestComplianceIndonesian(HttpCase, HrAsnSkpCase):
    """The table in Indonesian, its XLSX headers too. Odoo's PO reader merges the .pot into id.po and drops
    every entry the .pot lacks: with a .pot exported before the table existed, the whole table stayed
    English although id.po translated it (issue 12)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(["hr_asn_performance"], ["id_ID"], overwrite=True)
        cls.user_admin_opd.lang = "id_ID"

    def test_labels_menu_and_xlsx_in_indonesian(self):
        Compliance = self.env["hr.asn.compliance"].with_context(lang="id_ID")
        fields = Compliance.fields_get(["headcount", "without_set_skp_count"], ["string"])
        self.assertEqual(fields["headcount"]["string"], "Jumlah Pegawai")
        self.assertEqual(fields["without_set_skp_count"]["string"], "Tanpa SKP Ditetapkan")
        action = self.env.ref("hr_asn_performance.hr_asn_compliance_action").with_context(lang="id_ID")
        self.assertEqual(action.name, "Kepatuhan per Perangkat Daerah")
        self.assertEqual(self.env.ref("hr_asn_performance.hr_asn_compliance_menu").with_context(lang="id_ID").name,
                         "Kepatuhan per Perangkat Daerah")
        arch = Compliance.get_views([(False, "list")])["views"]["list"]["arch"]
        self.assertIn("Unduh XLSX", arch)

        import openpyxl

        row = Compliance.search([("year", "=", 2026), ("opd_id", "=", self.units["dinas"].id)])
        self.authenticate("asn_admin_opd", "asn_admin_opd")
        response = self.url_open("/hr_asn_performance/compliance/xlsx?ids=%s" % row.id)
        self.assertEqual(response.status_code, 200)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual(sheet.title, "Kepatuhan")
        self.assertEqual([sheet.cell(row=3, column=index).value for index in (1, 2, 3, 5)],
                         ["Tahun", "Perangkat Daerah", "Jumlah Pegawai", "Tanpa SKP Ditetapkan"])
