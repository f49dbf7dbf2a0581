"""Bad input through RPC (issue 9, finding 10): what an RPC caller can send that the portal's parser never
lets through (NaN, Infinity, 1e308, years 0/-1/99999, a 1 MB text) gets the rule's clear, translated
ValidationError, and nothing is stored: never Python's ValueError, a value cut to fit or a raw database
error. Written as the attack: the owner's own calls, as that user, on her own draft or set SKP."""
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from ..rules import skp as skp_rules
from .common import HrAsnSkpCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestSkpInput(HrAsnSkpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.make_skp("S.dseksi", approach="kuantitatif")
        cls.iki = cls.draft.iki_ids

    def as_pegawai(self, records):
        return records.with_user(self.user_pegawai)

    def test_absurd_targets_are_refused(self):
        for value, message in ((float("nan"), "Target is not a number."), (float("inf"), "Target is not a number."),
                               (float("-inf"), "Target is not a number."), (1e308, "Target is too large: at most "),
                               (-1e308, "Target is too large"), (1e12, "Target is too large")):
            with self.subTest(value=value), self.assertRefused(ValidationError, message):
                self.as_pegawai(self.iki).write({"target_value": value})
            self.iki.invalidate_recordset()
            self.assertEqual(self.iki.target_value, 12.0, "nothing stored for %r" % value)
        self.as_pegawai(self.iki).write({"target_value": skp_rules.MAX_AMOUNT})
        self.assertEqual(self.iki.target_value, skp_rules.MAX_AMOUNT, "the documented maximum itself is kept")
        with self.assertRefused(ValidationError, "Target is"):
            self.as_pegawai(self.env["hr.asn.skp.iki"]).create({
                "rhk_id": self.draft.rhk_ids.id, "name": "Disusupkan", "target_value": float("inf"),
                "target_unit": "dokumen"})
        self.assertEqual(len(self.draft.rhk_ids.iki_ids), 1)

    def test_absurd_realisasi_is_refused(self):
        self.draft.unlink()
        skp = self.make_staff_skp()
        line = skp.month_ids.filtered(lambda month: month.month == 3).line_ids
        for vals, message in (({"realisasi_value": float("nan")}, "Realisasi (number) is not a number."),
                              ({"realisasi_value": 1e308}, "Realisasi (number) is too large: at most "),
                              ({"target_value": float("inf")}, "Month's Target is not a number.")):
            with self.subTest(vals=vals), self.assertRefused(ValidationError, message):
                self.as_pegawai(line).write(vals)
            line.invalidate_recordset()
            self.assertEqual((line.target_value, line.realisasi_value), (0.0, 0.0))

    def test_year_out_of_range(self):
        Skp = self.as_pegawai(self.Skp)
        self.draft.unlink()
        for year in (0, -1, 99999, 1999, 2101):
            with self.subTest(year=year), self.assertRefused(ValidationError, "The SKP year must lie between 2000 "
                                                                             "and 2100, not %s." % year):
                Skp.create({"employee_id": self.emp["S.dseksi"].id, "year": year, "approach": "kualitatif"})
        self.assertFalse(self.Skp.search([("employee_id", "=", self.emp["S.dseksi"].id)]))
        draft = Skp.create({"employee_id": self.emp["S.dseksi"].id, "year": 2026, "approach": "kualitatif"})
        with self.assertRefused(ValidationError, "The SKP year must lie between"):
            draft.write({"year": 99999})
        draft.invalidate_recordset()
        self.assertEqual(draft.year, 2026)

    def test_free_text_has_a_length_limit(self):
        rhk = self.draft.rhk_ids
        megabyte = "x" * (1024 * 1024)
        cases = (
            (rhk, "name", skp_rules.STATEMENT_MAX), (rhk, "assigned_by", skp_rules.LINE_MAX),
            (self.iki, "name", skp_rules.STATEMENT_MAX), (self.iki, "target_unit", skp_rules.LINE_MAX),
            (self.draft, "perjanjian_kerja_ref", skp_rules.LINE_MAX),
        )
        for record, field, limit in cases:
            before = record[field]
            with self.subTest(model=record._name, field=field):
                with self.assertRefused(ValidationError, "characters, at most %s." % limit):
                    self.as_pegawai(record).write({field: megabyte})
                with self.assertRefused(ValidationError, "%s characters" % (limit + 1)):
                    self.as_pegawai(record).write({field: "y" * (limit + 1)})
                record.invalidate_recordset()
                self.assertEqual(record[field], before, "nothing stored, nothing cut")
                self.as_pegawai(record).write({field: "z" * limit})
                self.assertEqual(len(record[field]), limit, "the limit itself is kept whole")
        with self.assertRefused(ValidationError, "too long"):
            self.as_pegawai(self.env["hr.asn.skp.support"]).create({
                "skp_id": self.draft.id, "kind": "sumber_daya", "name": megabyte})
        self.assertFalse(self.draft.support_ids)

    def test_feedback_and_realisasi_text_limits(self):
        self.draft.unlink()
        skp = self.make_staff_skp()
        line = skp.month_ids.filtered(lambda month: month.month == 3).line_ids
        with self.assertRefused(ValidationError, "at most %s." % skp_rules.NOTE_MAX):
            self.as_pegawai(line).write({"realisasi": "r" * (skp_rules.NOTE_MAX + 1)})
        line.invalidate_recordset()
        self.assertFalse(line.realisasi)
        Feedback = self.env["hr.asn.skp.feedback"].with_user(self.user_penilai)
        with self.assertRefused(ValidationError, "at most %s." % skp_rules.NOTE_MAX):
            Feedback.create({"skp_id": skp.id, "topic": "perilaku", "behavior_value": "akuntabel",
                             "name": "f" * (1024 * 1024)})
        self.assertFalse(self.env["hr.asn.skp.feedback"].search([("skp_id", "=", skp.id)]))
