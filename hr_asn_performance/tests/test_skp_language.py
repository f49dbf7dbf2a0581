"""Issue 10: what the SKP workflow writes for somebody is in that person's language (the to-dos of the
daily job run as OdooBot in en_US; the leader's to-do after the employee acts), and its chatter notes come
in one batch per step. The Indonesian texts are those of i18n/id.po."""
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpRecipientLanguage(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"]._load_module_terms(["hr_asn_performance"], ["id_ID"], overwrite=True)
        # the Kepala Seksi and his staff member read Indonesian; user_other (staff of the Sub Bagian) English
        (cls.user_penilai | cls.user_pegawai).lang = "id_ID"
        cls.user_other.lang = "en_US"
        cls.kadis, cls.kabid, cls.kasi = cls.make_cascade()
        cls.odoobot = cls.env.ref("base.user_root")

    def cron_as_odoobot(self):
        """The daily job as ir.cron runs it: OdooBot, whose language is en_US."""
        self.assertEqual(self.odoobot.lang, "en_US")
        self.env["hr.asn.skp"].with_user(self.odoobot).with_context(lang="en_US")._cron_remind()

    def summaries(self, records, user):
        return records.activity_ids.filtered(lambda activity: activity.user_id == user).mapped("summary")

    def test_daily_job_writes_each_todo_in_its_recipients_language(self):
        staff = self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0])
        staff.with_user(self.user_pegawai).with_context(lang="en_US").action_submit()
        self.assertEqual(self.summaries(staff, self.user_penilai), ["Tetapkan SKP S.dseksi"],
                         "the employee acted in English; the Pejabat Penilai Kinerja reads Indonesian")
        staff.activity_ids.unlink()
        english = self.make_skp("S.dsub")
        with freeze_time("2026-02-02"):
            self.cron_as_odoobot()
        self.assertEqual(self.summaries(staff, self.user_penilai), ["Terlambat: tetapkan SKP S.dseksi"])
        self.assertEqual(self.summaries(english, self.user_other),
                         ["Your SKP is overdue: submit it to your Pejabat Penilai Kinerja"])

    def test_late_months_are_named_in_the_recipients_language(self):
        skp = self.set_skp(self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0]))
        with freeze_time("2026-04-04"):
            self.cron_as_odoobot()
        march = skp.month_ids.filtered(lambda month: month.month == 3)
        self.assertEqual(self.summaries(march, self.user_pegawai), ["Terlambat: isi target Anda untuk Maret 2026"])
        self.user_pegawai.lang = "en_US"
        march.activity_ids.unlink()
        with freeze_time("2026-04-05"):
            self.cron_as_odoobot()
        self.assertEqual(self.summaries(march, self.user_pegawai), ["Late: enter your targets for March 2026"])

    def test_review_request_in_the_leaders_language(self):
        skp = self.set_skp(self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0]))
        self.user_pegawai.lang = "en_US"
        february = skp.month_ids.filtered(lambda month: month.month == 2)
        with freeze_time("2026-02-28"):  # reported from the month's last day (issue 12)
            february.with_user(self.user_pegawai).line_ids.realisasi = "Draf tersusun"
            february.with_user(self.user_pegawai).with_context(lang="en_US").action_report()
        self.assertEqual(self.summaries(february, self.user_penilai),
                         ["Tinjau realisasi S.dseksi, Februari 2026"])

    def test_return_and_revision_dialogs_in_the_users_language(self):
        skp = self.make_skp("S.dseksi", parent_rhk=self.kasi.rhk_ids[0])
        skp.with_user(self.user_pegawai).action_submit()
        as_penilai = skp.with_user(self.user_penilai)
        self.assertEqual(as_penilai.with_context(lang="id_ID").action_open_return()["name"],
                         "Kembalikan untuk Perbaikan")
        self.assertEqual(as_penilai.with_context(lang="en_US").action_open_return()["name"], "Return for Revision")
        self.assertEqual(self.kasi.with_user(self.user_penilai).with_context(lang="id_ID").action_open_revision()
                         ["name"], "Revisi Baru")
        as_penilai.with_context(lang="en_US").action_return("Target terlalu rendah")
        self.assertEqual(self.summaries(skp, self.user_pegawai), ["Perbaiki SKP Anda: Target terlalu rendah"])


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpChatterBatch(HrAsnSkpCase):
    def notes(self, skp, text):
        return skp.message_ids.filtered(lambda message: text in (message.body or "")).mapped("body")

    def test_mutation_logs_one_note_per_skp(self):
        """Two employees move on the same day: their set SKPs close with one note each and the new drafts
        open with one note each (one ``_message_log_batch`` per step)."""
        kadis, kabid, kasi = self.make_cascade()
        first = self.set_skp(self.make_skp("S.dseksi", parent_rhk=kasi.rhk_ids[0]))
        with freeze_time("2026-06-15"):
            new = self.Skp._asn_on_position_change(self.emp["S.dseksi"] | self.emp["H.dseksi"], "mutation")
        self.assertEqual(new.previous_id, first | kasi)
        for closed in (first, kasi):
            self.assertEqual((closed.state, closed.close_date.isoformat()), ("closed", "2026-06-14"))
            self.assertEqual(len(self.notes(closed, "Closed: Mutation to another unit")), 1)
        for opened in new:
            self.assertEqual(len(self.notes(opened, "Opened for the new position (Mutation to another unit)")), 1)

    def test_followups_of_one_create_share_a_batch(self):
        skp = self.make_staff_skp()
        self.env["hr.asn.skp.followup"].with_user(self.user_penilai).create([
            {"skp_id": skp.id, "action": "bimbingan", "note": "Bimbingan penyusunan laporan"},
            {"skp_id": skp.id, "action": "konseling", "note": "Konseling kinerja"},
        ])
        notes = self.notes(skp, "Follow-up (")
        self.assertEqual(len(notes), 1, "one note for the SKP, a line per follow-up")
        self.assertIn("Bimbingan penyusunan laporan", notes[0])
        self.assertIn("Konseling kinerja", notes[0])


@tagged("post_install", "-at_install")
@freeze_time("2026-01-10")
class TestSkpPartsStay(HrAsnSkpCase):
    def test_parts_of_a_set_skp_are_not_deleted(self):
        """Pasal 13(3) through ``@api.ondelete``: BKPSDM deleting an RHK of a set SKP is refused and the
        RHK stays; a user who may not delete it at all gets the access error, not the lock's message."""
        skp = self.make_staff_skp()
        rhk = skp.rhk_ids[0]
        with self.assertRefused(UserError, "can no longer be changed"):
            rhk.with_user(self.user_admin).unlink()
        with self.assertRaises(AccessError):
            rhk.with_user(self.user_other).unlink()
        self.assertTrue(rhk.exists())
        self.assertEqual(skp.rhk_ids, rhk)
