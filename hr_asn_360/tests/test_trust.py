"""Issue 9, tried as the attacks were: RPC calls with the context the caller chooses, other read paths
(copy_data, grouped reads, exports), a second company, bad input. Each test first failed on main 8541715.

Through the ORM as JSON-RPC does: ``record.with_user(user).with_context(forged).method(...)``.
"""
import random
import threading

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api, http, sql_db
from odoo.api import Transaction
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .common import HrAsn360Case

FORGED = {"hr_asn360_transition": True, MODULE_UNINSTALL_FLAG: True, "hr_asn360_bulk": True}
MODELS_OF_A_ROUND = ("hr.asn360.round", "hr.asn360.round.question", "hr.asn360.assignment", "hr.asn360.answer",
                     "hr.asn360.result", "hr.asn360.result.line", "hr.asn360.access.log")


class HrAsn360TrustCase(HrAsn360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = cls.make_round()
        cls.round.action_open()
        # P2.dseksi (user_peer) rates S.dseksi as a peer; P3.dseksi rated S.dseksi too, with a comment
        cls.own = cls.Assignment.search([("round_id", "=", cls.round.id), ("ratee_id", "=", cls.emp["S.dseksi"].id),
                                         ("rater_id", "=", cls.emp["P2.dseksi"].id)])
        cls.other = cls.Assignment.search([("round_id", "=", cls.round.id),
                                           ("ratee_id", "=", cls.emp["S.dseksi"].id),
                                           ("rater_id", "=", cls.emp["P3.dseksi"].id)])
        cls.other.action_save_answers(dict.fromkeys(cls.round.question_ids.ids, 4) | {"comment": "Teliti"})
        cls.other.action_submit()

    def snapshot(self, records, fnames):
        records.invalidate_recordset()
        return records.sudo().read(fnames)


@tagged("post_install", "-at_install")
class TestForgedContext(HrAsn360TrustCase):
    """Finding 1: no context key switches a check off."""

    def test_rater_cannot_set_state_or_date_with_the_transition_key(self):
        mine = self.own.with_user(self.user_peer).with_context(**FORGED)
        before = self.snapshot(self.own, ["state", "submitted_on", "comment", "origin"])
        for vals in ({"state": "submitted"}, {"submitted_on": "2026-06-02 08:00:00"}, {"comment": "x"},
                     {"origin": "auto"}):
            with self.assertRefused(UserError, "saved and submitted by its rater"):
                mine.write(vals)
        self.assertEqual(self.snapshot(self.own, ["state", "submitted_on", "comment", "origin"]), before)

    def test_bkpsdm_cannot_reopen_a_published_round_or_change_it(self):
        self.answer(self.assignments(self.round, "S.dseksi", "atasan"), 5)
        self.close(self.round)
        self.round.action_publish()
        Round = self.round.with_user(self.user_admin).with_context(**FORGED)
        fnames = ["state", "threshold_diatas", "reminder_last_date"]
        before = self.snapshot(self.round, fnames)
        with self.assertRefused(UserError, "buttons Open, Close and Publish"):
            Round.write({"state": "open"})
        with self.assertRefused(UserError, "buttons Open, Close and Publish"):
            Round.write({"reminder_last_date": "2026-06-19"})
        with self.assertRefused(UserError, "closed"):
            Round.write({"threshold_diatas": 3.0})
        with self.assertRefused(UserError, "Only a draft round"):
            Round.unlink()
        with self.assertRefused(UserError, "cannot go back"):  # not even as superuser
            self.round.sudo().with_context(**FORGED).write({"state": "open"})
        self.assertEqual(self.snapshot(self.round, fnames), before)
        # another rater's comment and answers
        with self.assertRefused(UserError, "closed"):
            self.other.with_user(self.user_admin).with_context(**FORGED).write({"comment": "forged"})
        with self.assertRefused(UserError, "closed"):
            self.other.with_user(self.user_admin).with_context(**FORGED).unlink()
        with self.assertRaises(AccessError):
            self.other.answer_ids.with_user(self.user_admin).with_context(**FORGED).unlink()
        # frozen even for the superuser (only uninstalling, as superuser with the flag, removes them)
        result = self.result(self.round, "S.dseksi")
        self.assertTrue(result.line_ids)
        for frozen in (self.other.answer_ids, result.line_ids, result):
            with self.assertRefused(UserError, "closed"):
                frozen.sudo().unlink()
        self.assertEqual(self.snapshot(self.other, ["comment"])[0]["comment"], "Teliti")
        self.assertEqual(len(self.other.sudo().answer_ids), 7)

    def test_bkpsdm_cannot_close_by_writing_the_state(self):
        with self.assertRefused(UserError, "buttons Open, Close and Publish"):
            self.round.with_user(self.user_admin).with_context(**FORGED).write({"state": "closed"})
        self.assertEqual(self.round.state, "open")
        self.assertFalse(self.round.result_ids.line_ids)

    def test_bulk_key_does_not_skip_the_pair_check(self):
        draft = self.make_round(semester="2")
        pair = self.assignments(draft, "S.dseksi", "peer")[:1]
        with self.assertRefused(ValidationError, "already rates this employee"):
            self.Assignment.with_user(self.user_admin).with_context(**FORGED).create({
                "round_id": draft.id, "ratee_id": pair.ratee_id.id, "rater_id": pair.rater_id.id, "role": "peer"})


@tagged("post_install", "-at_install")
class TestParentLinks(HrAsn360TrustCase):
    """Finding 4 (360): rules are checked before a write, so parent links must not move records away."""

    def test_answer_does_not_move_into_another_rating(self):
        mine = self.own.with_user(self.user_peer)
        mine.action_save_answers({self.round.question_ids[0].id: 5})
        answer = mine.answer_ids
        with self.assertRefused(UserError, "stays with its rating"):
            answer.with_context(**FORGED).write({"assignment_id": self.other.id})
        answer.invalidate_recordset()
        self.assertEqual(answer.sudo().assignment_id, self.own)
        self.assertEqual(len(self.other.sudo().answer_ids), 7)

    def test_admin_opd_cannot_move_a_rating_out_of_their_perangkat_daerah(self):
        draft = self.make_round(semester="2")
        planned = self.assignments(draft, "S.dseksi", "peer")[:1]
        with self.assertRaises(AccessError):
            planned.with_user(self.user_admin_opd).write({"ratee_id": self.emp["S.bsubbid"].id})
        planned.invalidate_recordset()
        self.assertEqual(planned.ratee_id, self.emp["S.dseksi"])


@tagged("post_install", "-at_install")
class TestWhoRatedWhomReadPaths(HrAsn360TrustCase):
    """Findings 2 and 8: every read path of somebody else's rating is refused, or audited and logged."""

    def readers(self):
        return {"admin_opd": self.user_admin_opd, "bkpsdm": self.user_admin, "other rater": self.user_peer,
                "rated employee": self.user_pegawai}

    def test_copy_data_and_copy_refused(self):
        for name, user in self.readers().items():
            with self.subTest(name):
                with self.assertRaises(AccessError):
                    self.other.with_user(user).copy_data()
                with self.assertRaises(AccessError):
                    self.other.with_user(user).copy()
                with self.assertRaises(AccessError):
                    self.other.answer_ids.with_user(user).copy_data()
        self.assertEqual(self.Assignment.search_count([("ratee_id", "=", self.emp["S.dseksi"].id),
                                                      ("round_id", "=", self.round.id)]), 6)
        self.assertFalse(self.env["hr.asn360.access.log"].search([]))

    def test_grouped_reads_of_answers_show_no_stars_of_others(self):
        attack = (["assignment_id", "role", "value_code"], ["stars:sum"])
        for name, user in self.readers().items():
            with self.subTest(name):
                Answer = self.env["hr.asn360.answer"].with_user(user).with_context(hr_asn360_audit=name != "bkpsdm")
                self.assertEqual(Answer._read_group([], *attack), [])
                self.assertFalse(Answer.read_group([], ["stars:avg"], ["ratee_id", "role"], lazy=False))
                self.assertFalse(Answer.search_read([], ["stars"]))
                self.assertEqual(Answer.search_count([("stars", "=", 4)]), 0)
                with self.assertRaises(AccessError):
                    self.other.answer_ids.with_user(user).export_data(["stars", "assignment_id/rater_id/name"])
        self.assertFalse(self.env["hr.asn360.access.log"].search([]))
        # the audited list: shown, and the look is logged
        Audited = self.env["hr.asn360.answer"].with_user(self.user_admin).with_context(hr_asn360_audit=True)
        groups = Audited._read_group([], *attack)
        self.assertEqual({assignment.id for assignment, _role, _code, _stars in groups}, set(self.other.ids))
        log = self.env["hr.asn360.access.log"].search([])
        self.assertEqual((log.user_id, log.what), (self.user_admin, "search"))

    def test_grouped_reads_and_exports_of_assignments(self):
        for name, user in self.readers().items():
            Assignment = self.Assignment.with_user(user)
            with self.subTest(name):
                for groupby, aggregates in ((["rater_id"], ["__count"]), (["ratee_id"], ["rater_id:array_agg"]),
                                            (["role"], ["comment:array_agg"]), (["rater_user_id"], [])):
                    with self.assertRaises(AccessError):
                        Assignment._read_group([], groupby, aggregates)
                with self.assertRaises(AccessError):
                    Assignment.web_read_group([], ["__count"], ["rater_id"])
                with self.assertRaises(AccessError):
                    self.other.with_user(user).web_read({"rater_id": {}, "comment": {}})
                with self.assertRaises(AccessError):
                    self.other.with_user(user).export_data(["comment"])
        self.assertFalse(self.env["hr.asn360.access.log"].search([]))
        Audited = self.Assignment.with_user(self.user_admin).with_context(hr_asn360_audit=True)
        Audited._read_group([("round_id", "=", self.round.id)], ["rater_id"], ["__count"])
        self.assertEqual(self.env["hr.asn360.access.log"].search([]).what, "search")
        self.assertEqual(self.other.with_user(self.user_admin).with_context(hr_asn360_audit=True).copy_data()[0][
            "comment"], "Teliti")
        self.assertEqual(self.env["hr.asn360.access.log"].search([], limit=1).what, "answers")


@tagged("post_install", "-at_install")
class TestSecondCompany(HrAsn360TrustCase):
    """Finding 7: a user of a second Pemda reads nothing of the first, whatever their role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Pemda B"})
        cls.users_b = {
            role: new_test_user(cls.env, "asn360_b_%s" % role, company_id=cls.company_b.id,
                                company_ids=[(6, 0, cls.company_b.ids)],
                                groups="hr_asn_performance.group_hr_asn_performance_%s" % role)
            for role in ("admin", "admin_opd", "penilai", "employee")
        }
        cls.answer(cls, cls.assignments(cls, cls.round, "S.dseksi", "atasan"), 5)
        cls.close(cls.round)
        cls.round.action_publish()
        cls.Assignment.with_user(cls.user_admin).with_context(hr_asn360_audit=True).browse(cls.other.ids).read(
            ["rater_id"])  # an access log row of company A

    def test_nothing_of_company_a_is_readable(self):
        for role, user in self.users_b.items():
            for model in MODELS_OF_A_ROUND:
                records = self.env[model].search([])
                self.assertTrue(records, model)
                Model = self.env[model].with_user(user).with_context(allowed_company_ids=self.company_b.ids)
                with self.subTest(role=role, model=model):
                    if Model.has_access("read"):
                        self.assertFalse(Model.search([]))
                        self.assertEqual(Model._read_group([], [], ["__count"]), [(0,)])
                    else:  # no access right at all: nothing either
                        with self.assertRaises(AccessError):
                            Model.search([])
                    with self.assertRaises(AccessError):
                        Model.browse(records[:1].ids).read(["display_name"])
        Answer = self.env["hr.asn360.answer"].with_user(self.users_b["admin"]).with_context(
            allowed_company_ids=self.company_b.ids, hr_asn360_audit=True)
        self.assertFalse(Answer.read_group([], ["stars:avg"], ["ratee_id", "role"], lazy=False))


@tagged("post_install", "-at_install")
class TestAnonymityBySubtraction(HrAsn360Case):
    """Finding 3: from what a published result shows (portal page, PDF, result record: means and counts
    per group, "all", the score, the number of raters), no answer of a hidden group can be derived."""

    def test_no_hidden_group_is_derivable_from_any_published_result(self):
        round_ = self.make_round()
        self.add_rater(round_, "S.dseksi", "S.dsub", "subordinate")
        round_.action_open()
        rng = random.Random(9)
        for assignment in round_.assignment_ids.sorted("id"):
            if rng.random() < 0.6:
                self.answer(assignment, {code: rng.randint(1, 5) for code in round_.question_ids.mapped("value_code")})
        self.close(round_)
        round_.action_publish()
        hidden = 0
        for result in round_.result_ids.filtered("line_ids"):
            submitted = self.Assignment.search([("round_id", "=", round_.id), ("ratee_id", "=", result.employee_id.id),
                                                ("state", "=", "submitted")])
            shown_roles = set(result.line_ids.mapped("role"))
            merged = [role for role in ("peer", "subordinate") if role in submitted.mapped("role")
                      and role not in shown_roles]
            if merged and "others" not in shown_roles:
                hidden += 1
            self.assertNothingDerivable(result)
        self.assertGreater(hidden, 0, "the generated round must have hidden groups to attack")

    def assertNothingDerivable(self, result):
        groups_seen = set()
        for line in result._get_report_lines():
            total, count = line["all"][0] * line["all"][1], line["all"][1]
            shown_total = sum(mean * raters for mean, raters in line["roles"].values())
            shown_count = sum(raters for _mean, raters in line["roles"].values())
            # "all" minus the groups shown leaves nobody: no answer to work back
            self.assertEqual(count - shown_count, 0, result.display_name)
            self.assertAlmostEqual(total - shown_total, 0, delta=0.01 * count + 1e-9, msg=result.display_name)
            self.assertEqual(result.rater_count, count, result.display_name)
            # the value's score comes from the shown groups' means alone (equal weights)
            means = [mean for mean, _raters in line["roles"].values()]
            self.assertAlmostEqual(line["score"], sum(means) / len(means), delta=0.01, msg=result.display_name)
            groups_seen |= set(line["roles"])
        self.assertTrue(groups_seen)


@tagged("post_install", "-at_install")
class TestBadInputAndUniqueness(HrAsn360TrustCase):
    """Findings 9 and 10 (360)."""

    def test_one_rating_per_rater_and_ratee_in_the_database(self):
        pair = {"round_id": self.round.id, "ratee_id": self.other.ratee_id.id, "rater_id": self.other.rater_id.id,
                "role": "peer"}
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            # as superuser with the bulk key the Python check is skipped: the database still refuses
            self.Assignment.sudo().with_context(hr_asn360_bulk=True).create(pair)

    def test_too_long_comment_refused_nothing_written(self):
        mine = self.own.with_user(self.user_peer)
        values = dict.fromkeys(self.round.question_ids.ids, 3) | {"comment": "x" * 2001}
        with self.assertRefused(ValidationError, "at most 2000"):
            mine.action_save_answers(values)
        self.assertFalse(self.own.sudo().answer_ids)
        self.assertEqual(self.own.state, "todo")
        mine.action_save_answers(values | {"comment": "x" * 2000})
        self.assertEqual(len(self.own.comment), 2000)

    def test_round_name_length(self):
        with self.assertRefused(ValidationError, "at most 200 characters"):
            self.make_round(semester="2", generate=False, name="R" * 201)


@tagged("post_install", "-at_install")
class TestPortalActors(HttpCase, HrAsn360Case):
    """Finding 2 (portal), 9 and 10: only the rater (or their token) sees the stars and answers; a double
    submit stores one rating and shows success; a refused comment comes back as typed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = cls.make_round(semester="2")
        cls.round.action_open()
        # P1.dseksi (portal user) has rated P3.dseksi, a Pelaksana of the Dinas: readable by its Admin OPD
        cls.rating = cls.Assignment.search([("round_id", "=", cls.round.id),
                                            ("rater_id", "=", cls.emp["P1.dseksi"].id)])[:1]
        cls.rating.action_save_answers(dict.fromkeys(cls.round.question_ids.ids, 4) | {"comment": "Asli"})
        cls.rating.action_submit()

    def post(self, assignment, stars, submit=True, **extra):
        data = {"csrf_token": http.Request.csrf_token(self), "comment": "Palsu"}
        data.update({"q_%s" % question.id: stars for question in assignment.round_id.question_ids})
        if submit:
            data["submit"] = "1"
        data.update(extra)
        return self.url_open("/my/perilaku360/%s" % assignment.id, data=data)

    def stored(self, assignment):
        assignment.invalidate_recordset()
        return sorted(assignment.sudo().answer_ids.mapped("stars")), assignment.sudo().comment

    def test_readers_who_are_not_the_rater_are_sent_away(self):
        self.assertEqual(self.rating.with_user(self.user_admin_opd).read(["state"])[0]["state"], "submitted",
                         "Admin OPD reads it")
        for login in ("asn_admin_opd", "asn_bkpsdm", "asn360_peer"):
            with self.subTest(login):
                self.authenticate(login, login)
                page = self.url_open("/my/perilaku360/%s" % self.rating.id)
                self.assertSentAway(page)
                self.assertNotIn('checked="checked"', page.text)
                response = self.post(self.rating, "1")
                self.assertSentAway(response)
                self.assertEqual(self.stored(self.rating), ([4] * 7, "Asli"))
        # a token of another rating opens nothing either
        token = self.Assignment.search([("round_id", "=", self.round.id), ("id", "!=", self.rating.id)],
                                       limit=1)._portal_ensure_token()
        self.authenticate(None, None)
        page = self.url_open("/my/perilaku360/%s?access_token=%s" % (self.rating.id, token))
        self.assertSentAway(page, ("/my", "/web/login"))
        self.assertNotIn("Asli", page.text)

    def test_double_submit_stores_one_rating_and_shows_success(self):
        first = self.Assignment.search([("round_id", "=", self.round.id), ("rater_id", "=", self.emp["P1.dseksi"].id),
                                        ("state", "=", "todo")], limit=1)
        self.authenticate("asn360_portal", "asn360_portal")
        for _click in range(2):
            response = self.post(first, "5", comment="Sekali")
            self.assertEqual(response.status_code, 200)
            self.assertIn("saved=submitted", response.url)
            self.assertIn("Your rating is submitted", response.text)
        self.assertEqual(self.stored(first), ([5] * 7, "Sekali"))

    def test_too_long_comment_comes_back_as_typed(self):
        self.authenticate("asn360_portal", "asn360_portal")
        typed = "Teliti dan ramah. " * 150  # 2,700 characters
        response = self.post(self.rating, "2", comment=typed)
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 2000", response.text)
        self.assertIn(typed.strip(), response.text)
        self.assertEqual(response.text.count('value="2" checked'), 7)  # the stars typed, too
        self.assertEqual(self.stored(self.rating), ([4] * 7, "Asli"))


@tagged("post_install", "-at_install")
class TestDoubleSubmitRace(TransactionCase):
    """Finding 9 (360): two first submissions of one rating at the same time, each in its own database
    transaction and retried as Odoo retries an HTTP request (odoo/service/model.py ``retrying``: a
    concurrency error is retried, an IntegrityError becomes the 400 page): one set of answers, both
    succeed. The data is committed (another connection must see it) and removed afterwards."""

    def connect(self, context=None):
        """An environment on a connection of its own (the registry lock is the test runner's: the
        transaction gets this registry directly)."""
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        cr.transaction = Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, context or {})

    def setUp(self):
        super().setUp()
        env = self.connect({"tracking_disable": True})
        self.cr_setup = env.cr
        self.addCleanup(self.cr_setup.close)
        company = env.ref("base.main_company")
        rater, ratee = env["hr.employee"].create([{"name": "Race %s" % key, "company_id": company.id}
                                                   for key in ("rater", "ratee")])
        round_ = env["hr.asn360.round"].create({"name": "Race 2031", "year": 2031, "semester": "1",
                                                "company_id": company.id, "date_open": "2031-06-01",
                                                "date_close": "2031-06-20"})
        self.assignment_id = env["hr.asn360.assignment"].create({
            "round_id": round_.id, "ratee_id": ratee.id, "rater_id": rater.id, "role": "peer"}).id
        round_.action_open()
        self.values = dict.fromkeys(round_.question_ids.ids, 4) | {"comment": "Sekali"}
        self.cr_setup.commit()
        self.addCleanup(self.remove, round_.id, (rater | ratee).ids)

    def remove(self, round_id, employee_ids):
        self.cr_setup.rollback()
        self.cr_setup.execute("DELETE FROM hr_asn360_round WHERE id = %s", [round_id])
        api.Environment(self.cr_setup, SUPERUSER_ID, {})["hr.employee"].browse(employee_ids).unlink()
        self.cr_setup.commit()

    def request(self, env, barrier=None):
        """One request: read the rating (both see no answers yet), then save and submit."""
        assignment = env["hr.asn360.assignment"].browse(self.assignment_id)
        assignment.answer_ids.mapped("stars")
        if barrier:
            barrier.wait(timeout=20)
        assignment.action_save_answers(dict(self.values))
        return assignment.action_submit()

    def submit(self, barrier, outcomes):
        """``retrying`` itself cannot run here (its reset looks the registry up, whose lock the test runner
        holds): the same loop, on a fresh environment for each try."""
        env = self.connect()
        try:
            for attempt in range(5):
                try:
                    outcomes.append(self.request(env, barrier if not attempt else None))
                    env.cr.commit()
                    return
                except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                    env.cr.rollback()
                    env.cr.transaction = Transaction(self.registry)
                    env = api.Environment(env.cr, SUPERUSER_ID, {})
        except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
            outcomes.append(error)
        finally:
            env.cr.close()

    def test_two_first_submissions_at_once_store_one_rating(self):
        barrier, outcomes = threading.Barrier(2), []
        with mute_logger("odoo.sql_db", "odoo.service.model"):
            threads = [threading.Thread(target=self.submit, args=(barrier, outcomes)) for _index in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertEqual(outcomes, [True, True])
        self.cr_setup.rollback()
        self.cr_setup.execute("SELECT count(*), min(stars), max(stars) FROM hr_asn360_answer WHERE assignment_id = %s",
                              [self.assignment_id])
        self.assertEqual(self.cr_setup.fetchone(), (7, 4, 4))
        self.cr_setup.execute("SELECT state FROM hr_asn360_assignment WHERE id = %s", [self.assignment_id])
        self.assertEqual(self.cr_setup.fetchone(), ("submitted",))
