from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HrAsnEvaluationCase

KUADRAN = {  # national_rules.md §2: (hasil, perilaku) -> predikat
    ("diatas", "dibawah"): "kurang", ("diatas", "sesuai"): "baik", ("diatas", "diatas"): "sangat_baik",
    ("sesuai", "dibawah"): "kurang", ("sesuai", "sesuai"): "baik", ("sesuai", "diatas"): "baik",
    ("dibawah", "dibawah"): "sangat_kurang", ("dibawah", "sesuai"): "butuh_perbaikan",
    ("dibawah", "diatas"): "butuh_perbaikan",
}


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationGenerate(HrAsnEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        march = cls.skp.month_ids.filtered(lambda month: month.month == 3)
        march.line_ids.sudo().write({"realisasi": "Laporan Maret tersusun"})
        cls.env["hr.asn.skp.feedback"].sudo().create({
            "skp_id": cls.skp.id, "giver_id": cls.emp["H.dseksi"].id, "topic": "rhk",
            "rhk_id": cls.skp.rhk_ids[0].id, "name": "Laporan rapi, kirim lebih awal", "date": "2026-03-10",
        })
        cls.period = cls.make_period("month", 3)
        cls.teams = cls.generate(cls.period)
        cls.evaluation = cls.period.evaluation_ids.filtered(lambda e: e.employee_id == cls.emp["S.dseksi"])

    def test_team_per_pejabat_penilai(self):
        """One team per Pejabat Penilai Kinerja (Pasal 26): the Kepala Seksi's holds her staff member."""
        team = self.team_of(self.period, self.user_penilai)
        self.assertEqual(team.evaluation_ids.employee_id, self.emp["S.dseksi"])
        self.assertEqual(team.department_id, self.units["dseksi"])
        # the Kepala Dinas is assessed by the Wali Kota: a team of the head of region's office, no user
        kadis = self.period.evaluation_ids.filtered(lambda e: e.employee_id == self.emp["H.dinas"])
        self.assertFalse(kadis.team_id.penilai_user_id)
        self.assertEqual(kadis.team_id.penilai_name, self.region_head)

    def test_evaluation_reads_the_skp_of_the_period(self):
        """Pasal 24(3): realisasi with bukti dukung and the Umpan Balik of the period, per IKI; the seven
        BerAKHLAK values with the leader's expectations; the parties as Lampiran I prints them."""
        evaluation = self.evaluation
        self.assertEqual(evaluation.skp_id, self.skp)
        self.assertEqual(evaluation.period_label, "MARET 2026")
        self.assertEqual(len(evaluation.line_ids), len(self.skp.iki_ids))
        self.assertIn("Laporan Maret tersusun", evaluation.line_ids[0].realisasi)
        self.assertIn("kirim lebih awal", evaluation.line_ids[0].feedback)
        self.assertEqual(evaluation.feedback_count, 1)
        self.assertEqual(len(evaluation.behavior_ids), 7)
        self.assertEqual(evaluation.employee_jabatan, "Analis")
        self.assertEqual(evaluation.penilai_jabatan, "Kepala Seksi")
        self.assertEqual(evaluation.atasan_pejabat_penilai_id, self.emp["H.dbid"])
        self.assertEqual(evaluation.state, "draft")

    def test_generated_period_keeps_its_dates(self):
        with self.assertRefused(UserError, "already has its evaluations"):
            self.period.with_user(self.user_admin).write({"period": 4})
        self.assertEqual(self.period.period_label, "MARET 2026")

    def test_generate_twice_adds_nothing(self):
        before = self.period.evaluation_ids
        self.period._asn_make_teams()._asn_generate()
        self.period.invalidate_recordset()
        self.assertEqual(self.period.evaluation_ids, before)

    def test_period_without_set_skp_refused(self):
        """A period no set SKP covers has nothing to evaluate: said so, nothing made."""
        period = self.make_period("month", 2, year=2025)
        with self.assertRefused(UserError, "nothing to evaluate"):
            period.action_generate()
        self.assertFalse(period.team_ids)

    def test_every_kuadran_cell(self):
        """national_rules.md §2: each of the nine cells gives its predikat, as the Pejabat Penilai rates."""
        for (hasil, perilaku), predikat in KUADRAN.items():
            with self.subTest(hasil=hasil, perilaku=perilaku):
                self.rate(self.evaluation, hasil, perilaku)
                self.assertEqual(self.evaluation.predikat, predikat)
                self.assertEqual(self.evaluation.state, "dinilai")

    def test_kuadran_is_the_pemda_table(self):
        """The kuadran is editable data: BKPSDM's change of a cell is what the evaluation follows."""
        cell = self.env["hr.asn.kuadran"].sudo().search([("company_id", "=", self.company.id),
                                                         ("rating_hasil", "=", "sesuai"),
                                                         ("rating_perilaku", "=", "diatas")])
        cell.predikat = "sangat_baik"
        self.rate(self.evaluation, "sesuai", "diatas")
        self.assertEqual(self.evaluation.predikat, "sangat_baik")


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationWorkflow(HrAsnEvaluationCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        cls.evaluation = cls.period.evaluation_ids.filtered(lambda e: e.employee_id == cls.emp["S.dseksi"])
        cls.team = cls.evaluation.team_id

    def test_only_the_pejabat_penilai_rates(self):
        for user in (self.user_pegawai, self.user_kabid, self.user_other, self.user_admin_opd):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.rate(self.evaluation, "diatas", "diatas", user=user)
        self.assertFalse(self.evaluation.rating_hasil)

    def test_forged_context_changes_nothing(self):
        """RPC callers choose their context: no key lets them write the workflow's fields or rate another's."""
        forged = {"hr_asn_skp_action": True, "hr_asn_no_recompute": True, "tracking_disable": True,
                  "active_test": False, "install_mode": True}
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.user_pegawai).with_context(**forged).write({"rating_hasil": "diatas"})
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.user_penilai).with_context(**forged).write({"state": "ditetapkan"})
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.user_penilai).with_context(**forged).write({"predikat": "sangat_baik"})
        with self.assertRaises(AccessError):
            self.Evaluation.with_user(self.user_admin).with_context(**forged).create({
                "employee_id": self.emp["S.dseksi"].id, "skp_id": self.skp.id, "year": 2026})
        self.assertEqual(self.evaluation.state, "draft")

    def test_set_needs_every_rating_and_the_capaian(self):
        with self.assertRefused(UserError, "Rate every employee"):
            self.team.with_user(self.user_penilai).action_set()
        self.rate(self.evaluation, "sesuai", "sesuai")
        with self.assertRefused(UserError, "capaian kinerja organisasi"):
            self.team.with_user(self.user_penilai).action_set()
        self.assertEqual(self.evaluation.state, "dinilai")

    def test_whole_cycle(self):
        """rated -> ditetapkan (curve kept) -> diterima (the employee signs) -> dilaporkan (BKPSDM), and locked."""
        self.set_capaian(self.units["dinas"], "baik")
        self.rate(self.evaluation, "sesuai", "sesuai")
        self.team.with_user(self.user_penilai).action_set()
        self.assertEqual(self.evaluation.state, "ditetapkan")
        self.assertEqual(self.team.capaian, "baik", "the Seksi takes its Perangkat Daerah's capaian")
        self.assertEqual(str(self.evaluation.objection_deadline), "2026-04-20")
        with self.assertRefused(UserError, "keberatan"):
            self.rate(self.evaluation, "diatas", "diatas")
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.user_other).action_accept()
        todo = self.evaluation.activity_ids.filtered(lambda a: a.user_id == self.user_pegawai)
        self.assertTrue(todo, "the employee is asked to sign")
        self.evaluation.with_user(self.user_pegawai).action_accept()
        self.assertEqual(self.evaluation.state, "diterima")
        with self.assertRaises(AccessError):
            self.evaluation.with_user(self.user_penilai).action_report()
        self.evaluation.with_user(self.user_admin).action_report()
        self.assertEqual(self.evaluation.state, "dilaporkan")
        with self.assertRefused(UserError, "keberatan"):
            self.rate(self.evaluation, "dibawah", "dibawah")
        self.assertEqual(self.evaluation.predikat, "baik")
        bodies = " ".join(self.evaluation.message_ids.mapped("body"))
        for step in ("Dinilai", "Ditetapkan", "Diterima", "Dilaporkan"):
            self.assertIn(step, bodies)

    def test_report_waits_for_the_window(self):
        self.set_capaian(self.units["dinas"], "baik")
        self.rate(self.evaluation, "sesuai", "sesuai")
        self.team.with_user(self.user_penilai).action_set()
        with self.assertRefused(UserError, "cannot be reported yet"):
            self.evaluation.with_user(self.user_admin).action_report()
        with freeze_time("2026-04-21"):
            self.evaluation.with_user(self.user_admin).action_report()
        self.assertEqual(self.evaluation.state, "dilaporkan")

    def test_notes_too_long_refused(self):
        with self.assertRefused(Exception, "too long"):
            self.evaluation.with_user(self.user_penilai).write({"catatan": "x" * 5000})
        self.assertFalse(self.evaluation.catatan)


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationCurve(HrAsnEvaluationCase):
    """The team's predikat against the pola distribusi of the unit's capaian (national_rules.md §3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_staff(2)
        cls.set_capaian(cls.units["dinas"], "baik")
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        cls.team = cls.team_of(cls.period, cls.user_penilai)

    def test_team_of_three_under_baik(self):
        """3 Baik breaks "at least one Butuh Perbaikan or Kurang" (and Baik at most 2 of 3): a justification is
        needed by default; 2 Baik and 1 Butuh Perbaikan comply."""
        self.assertEqual(len(self.team.evaluation_ids), 3)
        self.rate(self.team.evaluation_ids, "sesuai", "sesuai")
        self.assertFalse(self.team.complies)
        self.assertIn("at most 2 of 3", self.team.violations)
        self.assertIn("at least 1 of 3", self.team.violations)
        with self.assertRefused(UserError, "Write a justification"):
            self.team.with_user(self.user_penilai).action_set()
        self.assertEqual(set(self.team.evaluation_ids.mapped("state")), {"dinilai"})
        self.rate(self.team.evaluation_ids[0], "dibawah", "sesuai")
        self.assertTrue(self.team.complies)
        self.team.with_user(self.user_penilai).action_set()
        self.assertFalse(self.team.curve_broken)
        self.assertEqual(set(self.team.evaluation_ids.mapped("state")), {"ditetapkan"})

    def test_justification_sets_against_the_curve(self):
        self.rate(self.team.evaluation_ids, "sesuai", "sesuai")
        self.team.with_user(self.user_penilai).write({"justification": "Seluruh staf menuntaskan target"})
        self.team.with_user(self.user_penilai).action_set()
        self.assertTrue(self.team.curve_broken)
        self.assertIn("Seluruh staf menuntaskan target", self.team.message_ids[0].body)

    def test_block_refuses_even_with_justification(self):
        self.company.asn_curve_enforcement = "block"
        self.rate(self.team.evaluation_ids, "sesuai", "sesuai")
        self.team.with_user(self.user_penilai).write({"justification": "Alasan"})
        with self.assertRefused(UserError, "break the pola distribusi"):
            self.team.with_user(self.user_penilai).action_set()
        self.assertEqual(self.team.state, "draft")

    def test_chart_follows_the_ratings(self):
        self.rate(self.team.evaluation_ids, "sesuai", "sesuai")
        self.assertEqual(self.team.count_baik, 3)
        self.assertIn("KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI", str(self.team.curve_html))
        self.assertIn("DENGAN CAPAIAN KINERJA ORGANISASI BAIK", str(self.team.curve_html))
        self.assertIn("3 (100%)", str(self.team.curve_html))

    def test_other_penilai_cannot_set_or_justify(self):
        self.rate(self.team.evaluation_ids, "sesuai", "sesuai")
        with self.assertRaises(AccessError):
            self.team.with_user(self.user_kabid).write({"justification": "x"})
        with self.assertRaises(AccessError):
            self.team.with_user(self.user_kabid).action_set()
        self.assertEqual(self.team.state, "draft")


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationJobs(HrAsnEvaluationCase):
    """City-wide work runs as a background job (hr.asn.job), never inside the clerk's request."""

    def test_generate_in_two_lanes_makes_each_evaluation_once(self):
        """A city's teams split in two jobs (the two crons' lanes): together every member once, and running
        the crons again adds nothing."""
        period = self.make_period("month", 3)
        teams = period._asn_make_teams()
        self.assertGreaterEqual(len(teams), 2, "the test city has a team per Pejabat Penilai")
        jobs = self.env["hr.asn.job"].with_user(self.user_admin)._asn_enqueue(
            teams.with_user(self.user_admin), "_asn_job_generate", "Generate", batch_size=1, lanes=2)
        self.assertEqual(len(jobs), 2)
        self.assertEqual(sorted(jobs[0].record_ids + jobs[1].record_ids), sorted(teams.ids))
        self.assertFalse(set(jobs[0].record_ids) & set(jobs[1].record_ids))
        self.env["hr.asn.job"]._cron_run()
        self.assertEqual(jobs.mapped("state"), ["done", "done"])
        period.invalidate_recordset()
        evaluations = period.evaluation_ids
        self.assertEqual(len(evaluations), 4, "Kepala Dinas, Kepala Bidang, Kepala Seksi, staff")
        self.assertEqual(len(evaluations.employee_id), 4, "one evaluation per employee")
        self.env["hr.asn.job"]._asn_enqueue(teams, "_asn_job_generate", "Again", batch_size=1, lanes=2)
        self.env["hr.asn.job"]._cron_run()
        period.invalidate_recordset()
        self.assertEqual(period.evaluation_ids, evaluations, "generating again adds nothing")

    def test_generate_and_rank_as_jobs(self):
        period = self.make_period("month", 3)
        action = period.with_user(self.user_admin).action_generate()
        job = self.env["hr.asn.job"].browse(action["res_id"])
        self.assertEqual((job.state, job.user_id), ("queued", self.user_admin))
        self.assertFalse(period.evaluation_ids, "nothing is made inside the request")
        self.env["hr.asn.job"]._cron_run()
        self.assertEqual((job.state, job.progress), ("done", 100))
        period.invalidate_recordset()
        self.assertEqual(len(period.evaluation_ids), 4, "Kepala Dinas, Kepala Bidang, Kepala Seksi, staff")
        self.set_capaian(self.units["dinas"], "butuh_perbaikan")
        for team in period.team_ids:
            self.rate(team.evaluation_ids, "dibawah", "sesuai", user=team.penilai_user_id or self.user_admin)
        action = period.with_user(self.user_admin).action_rank()
        self.env["hr.asn.job"]._cron_run()
        self.assertEqual(set(period.evaluation_ids.mapped("rank_city")), {1}, "equal figures share the rank")
        # the Pemeringkatan list: ranked evaluations grouped by period, ordered by rank
        action = self.env.ref("hr_asn_evaluation.hr_asn_evaluation_action_ranking")
        groups = self.Evaluation.with_user(self.user_admin).web_read_group(
            [("rank_city", ">", 0)], ["rank_city:min"], ["period_id"], orderby="rank_city")
        self.assertEqual(groups["groups"][0]["period_id_count"], 4, action.name)

    def test_only_bkpsdm_runs_the_city(self):
        period = self.make_period("month", 3)
        for user in (self.user_penilai, self.user_admin_opd, self.user_pegawai):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                period.with_user(user).action_generate()
        self.assertFalse(self.env["hr.asn.job"].search([("res_model", "=", "hr.asn.evaluation.team")]))


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestEvaluationCurveSizes(HrAsnEvaluationCase):
    """Every capaian's curve as the Pemda's table holds it, for teams of 1 to 7 (national_rules.md §3: small
    teams must be able to comply, rounded half up to whole employees), and its enforcement on a team of 7."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_staff(6)
        cls.period = cls.make_period("month", 3)
        cls.generate(cls.period)
        cls.team = cls.team_of(cls.period, cls.user_penilai)

    def test_every_capaian_every_size_can_comply(self):
        from ..rules import evaluation as rules

        for capaian in rules.CAPAIAN_CODES:
            self.team.sudo().capaian = capaian
            for size in range(1, 8):
                with self.subTest(capaian=capaian, size=size):
                    results = [not self.team._asn_violations(counts) for counts in rules.distributions(size)]
                    self.assertTrue(any(results), "some team of %s complies" % size)
                    if size > 1:
                        self.assertFalse(all(results), "and some team of %s does not" % size)

    def test_team_of_seven_under_istimewa(self):
        """At most 70% of 7 is 4.9, rounded half up to 5 Sangat Baik; Sangat Baik the largest group."""
        self.set_capaian(self.units["dinas"], "istimewa")
        evaluations = self.team.evaluation_ids
        self.assertEqual(len(evaluations), 7)
        self.rate(evaluations[:6], "diatas", "diatas")
        self.rate(evaluations[6:], "sesuai", "sesuai")
        self.team._asn_refresh_capaian()
        self.assertIn("at most 5 of 7 employees, now 6", self.team.violations)
        self.rate(evaluations[5], "sesuai", "sesuai")
        self.assertTrue(self.team.complies)
        self.team.with_user(self.user_penilai).action_set()
        self.assertEqual(self.team.state, "ditetapkan")
        self.assertFalse(self.team.curve_broken)


@tagged("post_install", "-at_install")
class TestEvaluationReminders(HrAsnEvaluationCase):
    """Whoever is late gets a to-do: the Pejabat Penilai past the rating days, the employee a set evaluation."""

    @classmethod
    def setUpClass(cls):
        with freeze_time("2026-04-06"):
            super().setUpClass()
            cls.period = cls.make_period("month", 3)
            cls.generate(cls.period)
        cls.evaluation = cls.period.evaluation_ids.filtered(lambda e: e.employee_id == cls.emp["S.dseksi"])

    def test_late_rating_reminded_once(self):
        with freeze_time("2026-04-08"):
            self.assertFalse(self.evaluation.is_late)
            self.Evaluation._cron_remind()
            self.assertFalse(self.evaluation.activity_ids, "within the Pemda's 10 days")
            self.assertNotIn(self.evaluation, self.Evaluation.search([("is_late", "=", True)]))
            self.assertIn(self.evaluation, self.Evaluation.search([("is_late", "=", False)]))
        with freeze_time("2026-04-15"):
            self.evaluation.invalidate_recordset(["is_late"])
            self.assertTrue(self.evaluation.is_late)
            self.assertIn(self.evaluation, self.Evaluation.search([("is_late", "=", True)]))
            self.Evaluation._cron_remind()
            self.Evaluation._cron_remind()
        todo = self.evaluation.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.user_penilai)
        self.assertIn(self.emp["S.dseksi"].name, todo.summary)


@tagged("post_install", "-at_install")
class TestReportAll(HrAsnEvaluationCase):
    def test_report_the_period_as_a_job(self):
        """Pasal 29: BKPSDM reports what may be reported; a pending keberatan or open window waits."""
        with freeze_time("2026-04-06"):
            self.set_capaian(self.units["dinas"], "butuh_perbaikan")
            period = self.make_period("month", 3)
            self.generate(period)
            for team in period.team_ids:
                self.rate(team.evaluation_ids, "dibawah", "sesuai", user=team.penilai_user_id or self.user_admin)
                team.with_user(team.penilai_user_id or self.user_admin).action_set()
            staff = period.evaluation_ids.filtered(lambda e: e.employee_id == self.emp["S.dseksi"])
            staff.with_user(self.user_pegawai).action_object("Keberatan")
            kasi = period.evaluation_ids.filtered(lambda e: e.employee_id == self.emp["H.dseksi"])
            kasi.with_user(kasi.employee_user_id).action_accept()
        with freeze_time("2026-04-10"):
            period.with_user(self.user_admin).action_report_all()
            self.env["hr.asn.job"]._cron_run()
        self.assertEqual(kasi.state, "dilaporkan", "signed: reported")
        others = period.evaluation_ids - kasi
        self.assertEqual(set(others.mapped("state")), {"ditetapkan"}, "window open or keberatan pending: waits")
        with freeze_time("2026-04-25"):
            period.with_user(self.user_admin).action_report_all()
            self.env["hr.asn.job"]._cron_run()
        self.assertEqual(staff.state, "ditetapkan", "the keberatan still awaits its decision")
        self.assertEqual(set((others - staff).mapped("state")), {"dilaporkan"})
