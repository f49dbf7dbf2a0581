import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import HrAsnEvaluationCase


@tagged("post_install", "-at_install")
@freeze_time("2026-04-06")
class TestQuarterly(HrAsnEvaluationCase):
    """Lampiran I prints TRIWULAN I-IV: under the quarterly cadence a period reads three months."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.asn_eval_cadence = "quarter"
        cls.staff = cls.add_staff(1)
        cls.skp_k = cls.env["hr.asn.skp"].search([("employee_id", "=", cls.staff.id)])

    def test_quarter_reads_its_three_months(self):
        skp = self.make_skp("H.insp", approach="kuantitatif")
        self.set_skp(skp)
        for month in skp.month_ids.filtered(lambda m: m.month <= 4):
            month.line_ids.sudo().write({"target_value": 4, "realisasi_value": 3 if month.month <= 3 else 9,
                                         "realisasi": "Bulan %s" % month.month})
        period = self.Period.sudo().create({"company_id": self.company.id, "kind": "periodic", "year": 2026,
                                            "period": 1})
        self.assertEqual(period.period_kind, "quarter", "the Pemda's cadence is the default")
        self.assertEqual(period.period_label, "TRIWULAN I 2026")
        self.assertEqual((str(period.date_from), str(period.date_to)), ("2026-01-01", "2026-03-31"))
        self.generate(period)
        evaluation = period.evaluation_ids.filtered(lambda e: e.skp_id == skp)
        line = evaluation.line_ids
        self.assertEqual((line.period_target, line.realisasi_value), (12.0, 9.0), "January to March, not April")
        self.assertEqual(line.capaian_pct, 75.0)
        self.assertEqual(evaluation.hint_capaian_pct, 75.0, "an input for the rating, shown not imposed")
        self.assertFalse(evaluation.rating_hasil)
        self.assertIn("Bulan 1", line.realisasi)
        self.assertNotIn("Bulan 4", line.realisasi)


@tagged("post_install", "-at_install")
class TestAnnualRollup(HrAsnEvaluationCase):
    """Pasal 25(2); national_rules.md §6: a mutation in July gives two SKPs; each is evaluated and the year
    combines them by the Pemda's policy; the Pejabat Penilai of the last SKP decides."""

    @classmethod
    def setUpClass(cls):
        with freeze_time("2026-06-05"):
            super().setUpClass()
            cls.employee = cls.emp["S.dseksi"]
            cls.set_capaian(cls.units["dinas"], "kurang", "month", 5)
            may = cls.make_period("month", 5)
            cls.generate(may)
            cls.first = may.evaluation_ids.filtered(lambda e: e.employee_id == cls.employee)
            cls.rate(cls.first, "sesuai", "dibawah")  # kurang, as the curve of capaian Kurang wants
            cls.first.team_id.with_user(cls.user_penilai).action_set()
        with freeze_time("2026-07-01"):
            cls.employee.department_id = cls.units["dbid"]  # mutation: the Kepala Bidang assesses now
            cls.second_skp = cls.env["hr.asn.skp"].search([("employee_id", "=", cls.employee.id),
                                                            ("state", "=", "draft")])
            cls.second_skp.write({"rhk_ids": [fields.Command.create({
                "kind": "utama", "name": "RHK Bidang", "parent_rhk_id": cls.kabid.rhk_ids[0].id,
                "iki_ids": [fields.Command.create({"aspect": "kuantitas", "name": "IKI Bidang",
                                                   "target_text": "Tersusun"})]})]})
            cls.set_skp(cls.second_skp)
        with freeze_time("2026-10-05"):
            cls.set_capaian(cls.units["dinas"], "baik", "month", 9)
            september = cls.make_period("month", 9)
            cls.generate(september)
            cls.second = september.evaluation_ids.filtered(lambda e: e.employee_id == cls.employee)
            team = cls.second.team_id  # the Kepala Bidang's: the Kepala Seksi and the newcomer
            cls.rate(team.evaluation_ids, "sesuai", "sesuai", user=cls.user_kabid)
            team.with_user(cls.user_kabid).write({"justification": "Tim satu orang"})
            team.with_user(cls.user_kabid).action_set()

    def annual(self, policy):
        self.company.asn_rollup_policy = policy
        with freeze_time("2027-01-10"):
            period = self.make_period(kind="annual", year=2026)
            self.generate(period)
        return period.evaluation_ids.filtered(lambda e: e.employee_id == self.employee)

    def test_each_skp_is_a_component(self):
        evaluation = self.annual("last")
        self.assertEqual(evaluation.period_label, "TAHUN 2026")
        self.assertEqual(evaluation.skp_id, self.second_skp, "the last SKP of the year")
        self.assertEqual(evaluation.penilai_user_id, self.user_kabid, "its Pejabat Penilai decides")
        components = evaluation.component_ids
        self.assertEqual(len(components), 2)
        first, second = components.sorted("date_from")
        self.assertEqual((first.predikat, first.months, first.date_to), ("kurang", 6, datetime.date(2026, 6, 30)))
        self.assertEqual((second.predikat, second.months), ("baik", 6))
        self.assertEqual(evaluation.hint_predikat, "baik")
        self.assertFalse(evaluation.predikat, "the policy proposes; the Pejabat Penilai rates")

    def test_policies(self):
        self.assertEqual(self.annual("worst").hint_predikat, "kurang")

    def test_weighted_tie_goes_to_the_later(self):
        self.assertEqual(self.annual("weighted").hint_predikat, "baik")
