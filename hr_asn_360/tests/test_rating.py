"""Rating: 1-5 stars on the seven BerAKHLAK values (Semarang seed 000), saved, submitted, changed while
the round is open; bad input refused with nothing written; reminders before the round closes."""
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VALUES, HrAsn360Case


@tagged("post_install", "-at_install")
class TestRating(HrAsn360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round = cls.make_round()
        cls.round.action_open()

    def mine(self, user, ratee):
        """The assignment of ``user`` (as rater) about ``ratee``, seen by that user."""
        assignment = self.Assignment.with_user(user).search([("is_mine", "=", True),
                                                             ("ratee_id", "=", self.emp[ratee].id)])
        self.assertEqual(len(assignment), 1)
        return assignment

    def stars(self, assignment):
        return {a.question_id.value_code: a.stars for a in assignment.sudo().answer_ids}

    def test_questionnaire_is_frozen_into_the_round(self):
        self.assertEqual(self.round.question_ids.mapped("value_code"), list(VALUES))
        service = self.round.question_ids[0]
        self.assertEqual(service.name, "Berorientasi Pelayanan")
        self.assertTrue(service.question.startswith("Pegawai yang saudara nilai berperilaku ramah, cekatan, solutif"))
        template = self.env.ref("hr_asn_360.hr_asn360_question_berorientasi_pelayanan")
        template.question = "Edited by BKPSDM"
        self.assertNotEqual(service.question, "Edited by BKPSDM")
        with self.assertRefused(UserError, "frozen"):
            service.question = "Changed while open"

    def test_seven_values_enforced(self):
        with self.assertRefused(ValidationError, "one question per core value"):
            self.env["hr.asn360.question"].create({"value_code": "loyal", "name": "Loyal", "question": "Again"})
        round_ = self.make_round(semester="2")
        round_.question_ids = [(0, 0, {"value_code": code, "name": code, "question": code}) for code in VALUES[:6]]
        with self.assertRefused(UserError, "seven BerAKHLAK values"):
            round_.action_open()
        self.assertEqual(round_.state, "draft")

    def test_portal_rater_saves_submits_and_changes(self):
        assignment = self.mine(self.user_portal, "S.dseksi")
        self.assertEqual(assignment.access_url, "/my/perilaku360/%s" % assignment.id)
        self.assertEqual(assignment.ratee_name, "S.dseksi")
        questions = assignment.round_id.question_ids
        assignment.action_save_answers({str(questions[0].id): "4", questions[1].id: 5, "comment": "Ramah"})
        self.assertEqual(assignment.state, "draft")
        self.assertEqual(assignment.comment, "Ramah")
        with self.assertRefused(UserError, "every value"):
            assignment.action_submit()
        assignment.action_save_answers({question.id: 4 for question in questions})
        assignment.action_submit()
        self.assertEqual(assignment.state, "submitted")
        first = assignment.submitted_on
        self.assertTrue(first)
        # changed while the round is open: still submitted, the new stars count
        assignment.action_save_answers({questions[2].id: 2})
        assignment.action_submit()
        self.assertEqual(assignment.state, "submitted")
        self.assertEqual(self.stars(assignment)["kompeten"], 2)
        self.assertEqual(len(assignment.sudo().answer_ids), 7)

    def test_stars_outside_one_to_five_refused_nothing_written(self):
        assignment = self.mine(self.user_peer, "S.dseksi")
        questions = assignment.round_id.question_ids
        for bad in (0, 6, -1, 3.5, "x", None, True):
            with self.assertRefused(ValidationError, "1 to 5 stars"):
                assignment.action_save_answers({questions[0].id: 5, questions[1].id: bad})
        self.assertFalse(assignment.sudo().answer_ids)
        self.assertEqual(assignment.state, "todo")
        with self.assertRefused(ValidationError, "not asked"):
            assignment.action_save_answers({questions[0].id: 5, 999999: 3})
        self.assertFalse(assignment.sudo().answer_ids)
        # the database refuses too, whatever the path
        self.answer(assignment.sudo(), 3)
        with self.assertRefused(ValidationError, "1 to 5 stars"):
            assignment.sudo().answer_ids[0].stars = 9

    def test_rating_somebody_not_assigned_refused(self):
        other = self.assignments(self.round, "S.dseksi", rater="P3.dseksi")
        questions = self.round.question_ids
        with self.assertRaises(AccessError):
            other.with_user(self.user_portal).action_save_answers({questions[0].id: 5})
        with self.assertRaises(AccessError):
            other.with_user(self.user_admin).action_save_answers({questions[0].id: 5})
        with self.assertRaises(AccessError):
            self.env["hr.asn360.answer"].with_user(self.user_portal).create(
                {"assignment_id": other.id, "question_id": questions[0].id, "stars": 5})
        self.assertFalse(other.answer_ids)

    def test_state_moves_only_through_the_rating_methods(self):
        assignment = self.mine(self.user_portal, "S.dseksi")
        with self.assertRefused(UserError, "saved and submitted by its rater"):
            assignment.write({"state": "submitted"})
        with self.assertRefused(UserError, "saved and submitted by its rater"):
            assignment.with_user(self.user_admin).write({"comment": "by an admin"})

    def test_rating_after_close_refused(self):
        assignment = self.mine(self.user_portal, "S.dseksi")
        self.answer(assignment, 4)
        self.close(self.round)
        with self.assertRefused(UserError, "not open for rating"):
            assignment.action_save_answers({self.round.question_ids[0].id: 5})
        with self.assertRefused(UserError, "not open for rating"):
            assignment.action_submit()
        self.assertEqual(assignment.read(["state"])[0]["state"], "submitted")  # still readable

    def test_reminders_once_a_day_from_n_days_before_close(self):
        """Close on 2026-06-20, remind 3 days before: internal raters get one activity, portal raters a
        mail per day, at most once a day."""
        Activity, Mail = self.env["mail.activity"], self.env["mail.mail"]
        internal = [("res_model", "=", "hr.asn360.round"), ("res_id", "=", self.round.id),
                    ("user_id", "=", self.user_peer.id)]
        portal = [("model", "=", "hr.asn360.round"), ("res_id", "=", self.round.id),
                  ("recipient_ids", "in", self.user_portal.partner_id.ids)]
        self.user_portal.partner_id.email = "p1@example.com"
        with freeze_time(date(2026, 6, 16)):
            self.Round._cron_send_reminders()
        self.assertFalse(Activity.search(internal))
        with freeze_time(date(2026, 6, 17)):
            self.Round._cron_send_reminders()
            self.Round._cron_send_reminders()  # same day: nothing more
        self.assertEqual(len(Activity.search(internal)), 1)
        self.assertIn("rating(s) to finish", Activity.search(internal).summary)
        self.assertEqual(len(Mail.search(portal)), 1)
        self.assertEqual(self.round.reminder_last_date, date(2026, 6, 17))
        with freeze_time(date(2026, 6, 18)):
            self.Round._cron_send_reminders()
        self.assertEqual(len(Activity.search(internal)), 1)  # the open activity is not repeated
        self.assertEqual(len(Mail.search(portal)), 2)
        # a rater who finished is not reminded any more
        self.answer(self.Assignment.search([("round_id", "=", self.round.id),
                                            ("rater_id", "=", self.emp["P1.dseksi"].id)]), 4)
        with freeze_time(date(2026, 6, 19)):
            self.Round._cron_send_reminders()
        self.assertEqual(len(Mail.search(portal)), 2)

    def test_reminders_speak_the_recipients_language(self):
        """The daily job runs as OdooBot in en_US; each rater reads the to-do or e-mail in their own
        language (issue 10): an Indonesian internal rater gets an Indonesian to-do with an Indonesian
        date, an Indonesian portal rater an Indonesian e-mail, an English rater stays English."""
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(["hr_asn_360"], ["id_ID"], overwrite=True)
        self.user_peer.lang = "id_ID"
        self.user_portal.partner_id.write({"lang": "id_ID", "email": "p1@example.com"})
        english = self.Assignment.search([("round_id", "=", self.round.id), ("rater_user_id", "!=", False),
                                          ("rater_user_id.share", "=", False),
                                          ("rater_user_id", "!=", self.user_peer.id)]).rater_user_id[:1]
        self.assertEqual(english.lang, "en_US")
        odoobot = self.env.ref("base.user_root")
        with freeze_time(date(2026, 6, 17)):
            self.Round.with_user(odoobot).with_context(lang="en_US")._cron_send_reminders()
        Activity = self.env["mail.activity"]
        todo = Activity.search([("res_model", "=", "hr.asn360.round"), ("res_id", "=", self.round.id),
                                ("user_id", "=", self.user_peer.id)])
        self.assertRegex(todo.summary, r"^Penilaian Perilaku 360: \d+ penilaian belum selesai$")
        self.assertIn("Silakan nilai rekan kerja Anda", str(todo.note))
        self.assertIn("20/06/2026", str(todo.note))
        other = Activity.search([("res_model", "=", "hr.asn360.round"), ("res_id", "=", self.round.id),
                                 ("user_id", "=", english.id)])
        self.assertRegex(other.summary, r"^Penilaian Perilaku 360: \d+ rating\(s\) to finish$")
        mail = self.env["mail.mail"].search([("model", "=", "hr.asn360.round"), ("res_id", "=", self.round.id),
                                             ("recipient_ids", "in", self.user_portal.partner_id.ids)])
        self.assertIn("mohon selesaikan penilaian Anda", mail.subject)
