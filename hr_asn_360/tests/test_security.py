"""Who sees what (Semarang e-Perilaku 360: peers and subordinates are anonymous), through the ORM as RPC
and the portal do: rater, rated employee, leader, Admin Kepegawaian OPD, Admin BKPSDM, portal user."""
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VALUES, HrAsn360Case


@tagged("post_install", "-at_install")
class TestSecurity(HrAsn360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = cls.make_round()
        cls.round.action_open()

    def close_and_rate(self, publish=True):
        for key in ("S.dseksi", "P1.dseksi", "S.bsubbid"):
            self.answer(self.assignments(self.round, key, "atasan"), 4)
            self.answer(self.assignments(self.round, key, "peer")[:3], 5)
        self.close(self.round)
        if publish:
            self.round.action_publish()

    def test_rater_sees_and_changes_only_own_ratings(self):
        Assignment = self.Assignment.with_user(self.user_pegawai)  # S.dseksi
        mine = Assignment.search([("is_mine", "=", True)])
        self.assertTrue(mine)
        self.assertEqual(Assignment.search([]), mine)
        self.assertEqual(set(mine.sudo().rater_id.mapped("name")), {"S.dseksi"})
        mine.read(["ratee_id", "role", "state", "comment", "answer_ids", "rater_id"])  # own row: fine
        other = self.assignments(self.round, "P1.dseksi", rater="P2.dseksi")
        with self.assertRaises(AccessError):
            other.with_user(self.user_pegawai).read(["state"])
        with self.assertRaises(AccessError):
            self.env["hr.asn360.answer"].with_user(self.user_pegawai).create({
                "assignment_id": other.id, "question_id": self.round.question_ids[0].id, "stars": 3})

    def test_rated_employee_never_reads_ratings_about_them(self):
        about_me = self.assignments(self.round, "S.dseksi")
        self.answer(about_me, 4)
        Assignment = self.Assignment.with_user(self.user_pegawai)
        self.assertFalse(Assignment.search([("ratee_id", "=", self.emp["S.dseksi"].id)]))
        with self.assertRaises(AccessError):
            about_me.with_user(self.user_pegawai).read(["role", "state"])
        with self.assertRaises(AccessError):
            about_me.answer_ids.with_user(self.user_pegawai).read(["stars"])
        with self.assertRaises(AccessError):  # filtering by rater is looking at who rated whom
            Assignment.search([("rater_id", "=", self.emp["P3.dseksi"].id)])

    def test_rated_employee_reads_own_result_once_published(self):
        self.close_and_rate(publish=False)
        Result = self.Result.with_user(self.user_pegawai)
        self.assertFalse(Result.search([]))
        self.round.action_publish()
        mine = Result.search([])
        self.assertEqual(mine.employee_id, self.emp["S.dseksi"])
        self.assertEqual(mine.score, 4.5)
        rows = mine.line_ids.read(["value_code", "role", "mean", "count"])
        self.assertEqual({row["value_code"] for row in rows if row["role"] == "all"}, set(VALUES))
        # every answer of the groups shown: one atasan with 4 stars and three peers with 5, per value
        self.assertEqual({(row["mean"], row["count"]) for row in rows if row["role"] == "all"}, {(4.75, 4)})
        with self.assertRaises(AccessError):
            self.result(self.round, "P1.dseksi").with_user(self.user_pegawai).read(["score"])
        # "My results" of the backend
        action = self.env.ref("hr_asn_360.hr_asn360_result_action_my")
        from odoo.tools.safe_eval import safe_eval
        self.assertEqual(Result.search(safe_eval(action.domain, {"uid": self.user_pegawai.id})), mine)

    def test_leader_reads_published_results_of_whom_they_assess(self):
        self.close_and_rate(publish=False)
        Result = self.Result.with_user(self.user_penilai)  # H.dseksi
        self.assertFalse(Result.search([("employee_id", "=", self.emp["S.dseksi"].id)]))
        self.round.action_publish()
        team = Result.search([])
        self.assertIn(self.emp["S.dseksi"], team.employee_id)
        self.assertIn(self.emp["P1.dseksi"], team.employee_id)
        self.assertNotIn(self.emp["S.bsubbid"], team.employee_id)
        with self.assertRaises(AccessError):
            self.result(self.round, "S.bsubbid").with_user(self.user_penilai).read(["score"])
        # the leader is a rater too, but never sees the peers' ratings of their staff
        with self.assertRaises(AccessError):
            self.assignments(self.round, "S.dseksi", "peer").with_user(self.user_penilai).read(["state"])

    def test_admin_opd_sees_own_perangkat_daerah_without_raters(self):
        self.close_and_rate(publish=False)
        Result = self.Result.with_user(self.user_admin_opd)  # Admin of the Dinas
        visible = Result.search([])
        self.assertIn(self.emp["S.dseksi"], visible.employee_id)
        self.assertNotIn(self.emp["S.bsubbid"], visible.employee_id)
        self.assertEqual(set(visible.opd_id.ids), {self.units["dinas"].id})
        Assignment = self.Assignment.with_user(self.user_admin_opd)
        about = Assignment.search([("ratee_id", "=", self.emp["S.dseksi"].id)])
        rows = about.read(["ratee_id", "role", "state"])  # completion: fine
        self.assertEqual(len(rows), len(about.sudo()))
        self.assertEqual({row["ratee_id"][0] for row in rows}, {self.emp["S.dseksi"].id})
        self.assertEqual({row["state"] for row in rows}, set(about.sudo().mapped("state")))
        with self.assertRaises(AccessError):
            about.read(["rater_id"])
        with self.assertRaises(AccessError):
            Assignment.read_group([], ["__count"], ["rater_id"])
        completion = Assignment.read_group([], ["__count"], ["opd_id", "state"], lazy=False)
        self.assertEqual({group["opd_id"][0] for group in completion}, {self.units["dinas"].id})
        self.assertFalse(self.env["hr.asn360.access.log"].search([]))

    def test_admin_bkpsdm_sees_who_rated_whom_only_audited(self):
        self.answer(self.assignments(self.round, "S.dseksi", "peer")[:1], 4, comment="Teliti")
        Assignment = self.Assignment.with_user(self.user_admin)
        about = Assignment.search([("ratee_id", "=", self.emp["S.dseksi"].id)])
        self.assertEqual(len(about), 6)
        with self.assertRaises(AccessError):
            about.read(["rater_id"])
        with self.assertRaises(AccessError):
            about.export_data(["rater_id/name"])
        self.assertFalse(about.answer_ids)  # outside the audited list: own answers only
        with self.assertRaises(AccessError):
            about.sudo().answer_ids.with_user(self.user_admin).read(["stars"])
        Log = self.env["hr.asn360.access.log"]
        self.assertFalse(Log.search([]))
        audit = self.env.ref("hr_asn_360.hr_asn360_assignment_action_audit")
        Audited = Assignment.with_context(hr_asn360_audit=True)
        self.assertIn("'hr_asn360_audit': True", audit.context)
        rows = Audited.search_read([("ratee_id", "=", self.emp["S.dseksi"].id)], ["rater_id", "role"])
        self.assertEqual(len(rows), 6)
        log = Log.search([])
        self.assertEqual(len(log), 1)
        self.assertEqual((log.user_id, log.round_id, log.ratee_id, log.what),
                         (self.user_admin, self.round, self.emp["S.dseksi"], "raters"))
        answered = about.filtered(lambda a: a.state == "submitted").with_context(hr_asn360_audit=True)
        self.assertEqual(answered.read(["comment"])[0]["comment"], "Teliti")
        self.assertEqual(Log.search([], limit=1).what, "answers")
        Audited.read_group([], ["__count"], ["rater_id"])
        self.assertEqual(Log.search([], limit=1).what, "search")
        self.assertEqual(Log.with_user(self.user_admin).search_count([]), 3)
        with self.assertRaises(AccessError):  # nobody else reads the log
            Log.with_user(self.user_admin_opd).search([])
        with self.assertRaises(AccessError):  # the audit context does not open it to others
            self.Assignment.with_user(self.user_admin_opd).with_context(hr_asn360_audit=True).browse(
                about.ids).read(["rater_id"])

    def test_admin_opd_plans_in_draft_reads_raters_there(self):
        draft = self.make_round(semester="2")
        Assignment = self.Assignment.with_user(self.user_admin_opd)
        plan = Assignment.search([("round_id", "=", draft.id), ("ratee_id", "=", self.emp["S.dseksi"].id)])
        self.assertEqual(len(plan.read(["rater_id"])), 6)  # a plan: nobody has rated yet

    def test_portal_user_rates_and_reads_own_published_result(self):
        Assignment = self.Assignment.with_user(self.user_portal)  # P1.dseksi
        mine = Assignment.search([("is_mine", "=", True)])
        self.assertTrue(mine)
        self.assertEqual([row["ratee_name"] for row in mine.read(["ratee_name"])], mine.sudo().ratee_id.mapped("name"))
        self.answer(mine, 4)
        self.assertEqual(set(mine.mapped("state")), {"submitted"})
        self.close_and_rate()
        with self.assertRaises(AccessError):  # read-only after close
            mine[0].write({"access_token": "x"})
        result = self.Result.with_user(self.user_portal).search([])
        self.assertEqual(result.employee_id, self.emp["P1.dseksi"])
        self.assertEqual([line["value_code"] for line in result._get_report_lines()],
                         self.round.question_ids.mapped("value_code"))
        round_ = self.env["hr.asn360.round"].with_user(self.user_portal).browse(self.round.id)
        self.assertEqual(round_.read(["name"])[0]["name"], self.round.name)

    def test_employee_cannot_run_rounds(self):
        with self.assertRaises(AccessError):
            self.Round.with_user(self.user_pegawai).create({
                "name": "X", "year": 2027, "semester": "1", "date_open": "2027-06-01", "date_close": "2027-06-20"})
        with self.assertRaises(AccessError):
            self.round.with_user(self.user_pegawai).action_close()
        with self.assertRaises(AccessError):
            self.round.with_user(self.user_admin_opd).action_close()
        with self.assertRaises(AccessError):
            self.Assignment.with_user(self.user_pegawai).create({
                "round_id": self.round.id, "ratee_id": self.emp["S.bsubbid"].id,
                "rater_id": self.emp["S.dseksi"].id, "role": "peer"})
