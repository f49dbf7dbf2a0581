"""TPP basis (Pasal 33; national_rules.md §7), angka kredit (§4), ranking (Pasal 31) and their XLSX files;
tindak lanjut (Pasal 32, 34); who may export or decide."""
import base64
import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..rules import evaluation as rules
from .common import HrAsnEvaluationCase

FORGED = {"hr_asn_skp_action": True, "tracking_disable": True, "active_test": False, "install_mode": True,
          "default_decided_by_id": 1}


class ExportCase(HrAsnEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.emp["S.dseksi"]
        # an Analis Kebijakan Ahli Muda: a Jabatan Fungsional earns angka kredit (national_rules.md §4)
        cls.staff.write({"asn_position_kind": "fungsional", "asn_jenjang": "ahli_muda"})

    @classmethod
    def load_tpp_table(cls):
        cls.env["hr.asn.tpp.rate"]._asn_load_rows(cls.company, rules.DEMO_TPP_PERCENT, {"illustrative": True})

    @classmethod
    def evaluate(cls, period_kind, period, hasil="sesuai", perilaku="sesuai", capaian="baik"):
        """The period generated, the staff member rated and their team set by the Kepala Seksi."""
        cls.set_capaian(cls.units["dinas"], capaian, period_kind=period_kind, period=period)
        record = cls.make_period(period_kind, period)
        cls.generate(record)
        evaluation = record.evaluation_ids.filtered(lambda e: e.employee_id == cls.staff)
        cls.rate(evaluation, hasil, perilaku)
        evaluation.team_id.with_user(cls.user_penilai).action_set()
        return record, evaluation

    def run_export(self, period, action, user=None):
        """Press the button as ``user``, run the job as the cron does; return (job, workbook)."""
        job_action = getattr(period.with_user(user or self.user_admin), action)()
        job = self.env["hr.asn.job"].browse(job_action["res_id"])
        cron, _progress = self.env.ref("hr_asn_performance.ir_cron_hr_asn_job")._add_progress()
        cron.env["hr.asn.job"]._cron_run()
        self.assertEqual(job.state, "done", job.error)
        attachment = job.result_attachment_id
        self.assertTrue(attachment.name.endswith(".xlsx"))
        content = base64.b64decode(attachment.with_user(user or self.user_admin).datas)
        return job, openpyxl.load_workbook(io.BytesIO(content))

    @staticmethod
    def table(sheet):
        """{column code: value} of each data row (codes on the row before the labels)."""
        rows = list(sheet.iter_rows(values_only=True))
        starts = (("opd", "nip"), ("rank_city", "rank_opd"), ("nip", "name"))
        codes_at = next(index for index, row in enumerate(rows) if row[:2] in starts)
        codes = rows[codes_at]
        return rows[:codes_at], [dict(zip(codes, row, strict=False)) for row in rows[codes_at + 2:]]


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestTppBasis(ExportCase):
    def test_tpp_percent_from_the_pemda_table_in_the_xlsx(self):
        """Butuh Perbaikan pays the share the Pemda's table gives it (the illustrative 80%), one row per
        employee and month in the sheet of their Perangkat Daerah, the illustrative table said so."""
        self.load_tpp_table()
        period, evaluation = self.evaluate("month", 3, hasil="dibawah", capaian="butuh_perbaikan")
        self.assertEqual((evaluation.predikat, evaluation.tpp_percent), ("butuh_perbaikan", 80.0))
        _job, workbook = self.run_export(period, "action_export_tpp")
        self.assertEqual(workbook.sheetnames, ["Unit dinas"], "one sheet per Perangkat Daerah")
        head, rows = self.table(workbook["Unit dinas"])
        self.assertIn("MARET 2026", head[0][0])
        self.assertTrue(any("ILLUSTRATIVE" in (row[0] or "") for row in head))
        mine = [row for row in rows if row["nip"] == self.staff.nip]
        self.assertEqual(len(mine), 1)
        self.assertEqual({key: mine[0][key] for key in ("month", "year", "predikat", "tpp_percent", "state",
                                                         "golongan", "jabatan")},
                         {"month": 3, "year": 2026, "predikat": "butuh_perbaikan", "tpp_percent": 80,
                          "state": "ditetapkan", "golongan": "III/b", "jabatan": "Analis"})
        # the Kepala Seksi, not rated yet: a row without a TPP share until set
        kasi = [row for row in rows if row["nip"] == self.emp["H.dseksi"].nip]
        self.assertEqual((kasi[0]["state"], kasi[0]["tpp_percent"]), ("draft", None))

    def test_no_table_no_tpp(self):
        """There is no national TPP table (§7): without the Pemda's own, the share is 0 and the file says why."""
        period, evaluation = self.evaluate("month", 3)
        self.assertEqual((evaluation.predikat, evaluation.tpp_percent), ("baik", 0.0))
        _job, workbook = self.run_export(period, "action_export_tpp")
        head, rows = self.table(workbook.worksheets[0])
        self.assertTrue(any("No TPP table" in (row[0] or "") for row in head))
        self.assertEqual([row["tpp_percent"] for row in rows if row["nip"] == self.staff.nip], [0])

    def test_quarterly_each_month_carries_the_quarter(self):
        """Quarterly cadence: the TPP file has the three months of the quarter, each with its predikat."""
        self.company.asn_eval_cadence = "quarter"
        self.load_tpp_table()
        period, evaluation = self.evaluate("quarter", 1, hasil="dibawah", capaian="butuh_perbaikan")
        self.assertEqual(evaluation.period_label, "TRIWULAN I 2026")
        rows = [row for row in period.with_user(self.user_admin).get_tpp_basis() if row["nip"] == self.staff.nip]
        self.assertEqual([(row["month"], row["predikat"], row["tpp_percent"]) for row in rows],
                         [(1, "butuh_perbaikan", 80.0), (2, "butuh_perbaikan", 80.0), (3, "butuh_perbaikan", 80.0)])
        _job, workbook = self.run_export(period, "action_export_tpp")
        head, rows = self.table(workbook.worksheets[0])
        self.assertEqual([row["month"] for row in rows if row["nip"] == self.staff.nip], [1, 2, 3])
        self.assertTrue(any("each month of the quarter" in (row[0] or "") for row in head))
        # angka kredit of a quarter: 3/12 x 100% x 25 (Butuh Perbaikan 75%) = 4.688
        self.assertAlmostEqual(evaluation.angka_kredit, 4.688, places=3)

    def test_annual_period_has_no_tpp_basis(self):
        annual = self.make_period("year", 0, kind="annual")
        with self.assertRefused(UserError, "monthly"):
            annual.with_user(self.user_admin).get_tpp_basis()


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestAngkaKredit(ExportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.periods = {}
        for month in (1, 2, 3):
            cls.periods[month] = cls.evaluate("month", month)

    def test_per_period_and_accumulated_on_the_employee(self):
        """Ahli Muda, Baik each month: 25 x 100% / 12 = 2.083 a month (§4); the year's sum on the employee."""
        for month, (_period, evaluation) in self.periods.items():
            with self.subTest(month=month):
                self.assertEqual((evaluation.predikat, evaluation.angka_kredit), ("baik", 2.083))
        self.staff.invalidate_recordset(["asn_angka_kredit_year", "asn_evaluation_count"])
        self.assertAlmostEqual(self.staff.asn_angka_kredit_year, 6.249, places=3)
        self.assertEqual(self.staff.asn_evaluation_count, 3)
        action = self.staff.with_user(self.user_admin).action_open_asn_evaluations()
        self.assertEqual(self.env["hr.asn.evaluation"].with_user(self.user_admin).search(action["domain"]),
                         self.staff.env["hr.asn.evaluation"].search([("employee_id", "=", self.staff.id)]))
        # the next year starts again from nothing
        with freeze_time("2027-01-15"):
            self.staff.invalidate_recordset(["asn_angka_kredit_year"])
            self.assertEqual(self.staff.asn_angka_kredit_year, 0.0)

    def test_angka_kredit_private_to_colleagues(self):
        """Derived from the predikat: a colleague reads the employee (public) but not their angka kredit."""
        self.assertEqual(self.env["hr.employee"]._fields["asn_angka_kredit_year"].groups,
                         "hr.group_hr_user,hr_asn_performance.group_hr_asn_performance_admin_opd")
        with self.assertRaises(AccessError):
            self.staff.with_user(self.user_other).read(["asn_angka_kredit_year"])

    def test_xlsx_period_and_year(self):
        """February's file: 2.083 for February, 4.166 accumulated in the year so far; only the JF."""
        _job, workbook = self.run_export(self.periods[2][0], "action_export_angka_kredit")
        _head, rows = self.table(workbook.worksheets[0])
        self.assertEqual([row["nip"] for row in rows], [self.staff.nip], "only Jabatan Fungsional")
        self.assertEqual((rows[0]["jenjang"], rows[0]["period"], rows[0]["predikat"]),
                         ("ahli_muda", "FEBRUARI 2026", "Baik"))
        self.assertAlmostEqual(rows[0]["angka_kredit"], 2.083, places=3)
        self.assertAlmostEqual(rows[0]["angka_kredit_year"], 4.166, places=3)


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestRankingExport(ExportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.more = cls.add_staff(2)
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        cls.team = cls.team_of(cls.period, cls.user_penilai)

    def of(self, employee):
        return self.team.evaluation_ids.filtered(lambda e: e.employee_id == employee)

    def test_ties_share_a_rank(self):
        """Pasal 31: equal predikat and equal deciding figures share a rank, the next skips (1, 1, 3)."""
        self.assertEqual(len(self.team.evaluation_ids), 3)
        self.rate(self.of(self.staff) | self.of(self.more[0]), "sesuai", "sesuai")
        self.rate(self.of(self.more[1]), "dibawah", "sesuai")
        self.period._asn_rank()
        self.assertEqual([self.of(e).rank_team for e in (self.staff, self.more[0], self.more[1])], [1, 1, 3])
        # a better rating perilaku decides among equal predikat (Baik: sesuai/diatas before sesuai/sesuai)
        self.rate(self.of(self.more[0]), "sesuai", "diatas")
        self.period._asn_rank()
        self.assertEqual([self.of(e).rank_team for e in (self.more[0], self.staff, self.more[1])], [1, 2, 3])

    def test_ranking_xlsx(self):
        self.rate(self.of(self.staff) | self.of(self.more[0]), "sesuai", "sesuai")
        self.rate(self.of(self.more[1]), "dibawah", "sesuai")
        with self.assertRefused(UserError, "not ranked yet"):
            self.period.with_user(self.user_admin).get_ranking()
        self.period._asn_rank()
        _job, workbook = self.run_export(self.period, "action_export_ranking")
        _head, rows = self.table(workbook["Pemeringkatan"])
        team = {row["nip"]: row for row in rows if row["nip"] in (self.staff | self.more).mapped("nip")}
        self.assertEqual(sorted(row["rank_team"] for row in team.values()), [1, 1, 3])
        self.assertEqual(team[self.more[1].nip]["predikat"], "Butuh Perbaikan")
        self.assertEqual(team[self.staff.nip]["rating_hasil"], "Sesuai Ekspektasi")
        self.assertEqual([row["rank_city"] for row in rows], sorted(row["rank_city"] for row in rows),
                         "best first")


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestExportAccess(ExportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an employee of another Perangkat Daerah, outside the Admin OPD's Dinas
        cls.outside = cls.emp["H.insp"]
        cls.set_skp(cls.make_skp("H.insp"))
        cls.period, cls.evaluation = cls.evaluate("month", 3)

    def test_employee_and_penilai_cannot_export(self):
        for user in (self.user_pegawai, self.user_penilai):
            for action in ("action_export_tpp", "action_export_ranking", "action_export_angka_kredit"):
                with self.subTest(user=user.login, action=action), self.assertRaises(AccessError):
                    getattr(self.period.with_user(user).with_context(**FORGED), action)()
            with self.assertRaises(AccessError):
                self.period.with_user(user).with_context(**FORGED).get_tpp_basis()
        self.assertFalse(self.env["hr.asn.job"].search([("res_model", "=", "hr.asn.evaluation.period")]))

    def test_job_queued_by_an_employee_fails(self):
        """Queued around the button (RPC on hr.asn.job's helper), the job runs as the employee: refused."""
        job = self.env["hr.asn.job"].with_user(self.user_pegawai)._asn_enqueue(
            self.period.with_user(self.user_pegawai), "_asn_job_export_tpp", "TPP")
        cron, _progress = self.env.ref("hr_asn_performance.ir_cron_hr_asn_job")._add_progress()
        with self.assertLogs("odoo.addons.hr_asn_performance.models.hr_asn_job", level="ERROR"):
            cron.env["hr.asn.job"]._cron_run()
        self.assertEqual(job.state, "failed")
        self.assertIn("Only BKPSDM and the Admin Kepegawaian", job.error or "")
        self.assertFalse(job.result_attachment_id)

    def test_admin_opd_exports_their_perangkat_daerah(self):
        """The Admin Kepegawaian of the Dinas gets the Dinas's rows only; BKPSDM gets the Pemda's."""
        city = {row["nip"] for row in self.period.with_user(self.user_admin).get_tpp_basis()}
        self.assertIn(self.outside.nip, city)
        self.assertIn(self.staff.nip, city)
        job, workbook = self.run_export(self.period, "action_export_tpp", user=self.user_admin_opd)
        nips = {row["nip"] for sheet in workbook.worksheets for row in self.table(sheet)[1]}
        self.assertIn(self.staff.nip, nips)
        self.assertNotIn(self.outside.nip, nips)
        self.assertEqual(workbook.sheetnames, ["Unit dinas"])
        # the file is its requester's: not another reader of the period or of the job
        with self.assertRaises(AccessError):
            job.result_attachment_id.with_user(self.user_admin).check("read")
        with self.assertRaises(AccessError):
            job.result_attachment_id.with_user(self.user_pegawai).check("read")


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestFollowup(ExportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period, cls.evaluation = cls.evaluate("month", 3, hasil="diatas", perilaku="diatas", capaian="istimewa")
        cls.Followup = cls.env["hr.asn.evaluation.followup"]

    def vals(self, **extra):
        return dict({"evaluation_id": self.evaluation.id, "kind": "penghargaan", "penghargaan_type": "suksesi",
                     "description": "Masuk kelompok rencana suksesi"}, **extra)

    def test_penilai_and_admins_record_a_penghargaan(self):
        for user in (self.user_penilai, self.user_admin_opd, self.user_admin):
            with self.subTest(user=user.login):
                followup = self.Followup.with_user(user).create(self.vals())
                self.assertEqual(followup.decided_by_id, user)
                self.assertEqual(followup.employee_id, self.staff)
        self.assertEqual(self.evaluation.followup_count, 3)
        # the employee reads what was decided about them
        self.assertEqual(len(self.Followup.with_user(self.user_pegawai).search([])), 3)
        self.assertFalse(self.Followup.with_user(self.user_other).search([]))

    def test_employee_cannot_decide_their_own(self):
        with self.assertRaises(AccessError):
            self.Followup.with_user(self.user_pegawai).with_context(**FORGED).create(self.vals())
        # nor a colleague, nor by writing the decider on somebody's record
        with self.assertRaises(AccessError):
            self.Followup.with_user(self.user_other).create(self.vals())
        followup = self.Followup.with_user(self.user_penilai).create(self.vals())
        with self.assertRaises(AccessError):
            followup.with_user(self.user_penilai).write({"decided_by_id": self.user_admin.id})
        with self.assertRaises(AccessError):
            followup.with_user(self.user_pegawai).write({"description": "Saya sendiri"})
        self.assertEqual(followup.description, "Masuk kelompok rencana suksesi")
        self.assertFalse(self.Followup.search([("decided_by_id", "=", self.user_pegawai.id)]))

    def test_admin_opd_not_on_their_own_evaluation(self):
        """An Admin Kepegawaian of the Dinas who is evaluated in it does not reward themself."""
        self.user_pegawai.write({
            "groups_id": [(4, self.env.ref("hr_asn_performance.group_hr_asn_performance_admin_opd").id)],
            "asn_admin_department_ids": [(6, 0, self.units["dinas"].ids)]})
        with self.assertRefused(AccessError, "own evaluation"):
            self.Followup.with_user(self.user_pegawai).create(self.vals())
        self.assertFalse(self.evaluation.followup_ids)

    def test_only_on_a_set_evaluation(self):
        kasi = self.period.evaluation_ids.filtered(lambda e: e.employee_id == self.emp["H.dseksi"])
        self.assertEqual(kasi.state, "draft")
        with self.assertRefused(UserError, "not set"):
            self.Followup.with_user(self.user_admin).create(self.vals(evaluation_id=kasi.id, kind="sanksi",
                                                                      penghargaan_type=False))
        self.assertFalse(self.Followup.search([("evaluation_id", "=", kasi.id)]))
