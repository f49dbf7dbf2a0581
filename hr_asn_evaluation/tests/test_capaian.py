"""Capaian kinerja organisasi (issue 11, must-have 1; Pasal 24(1)a, 25(1)a): Semarang's weighted criteria
(seed 002) with and without a revenue target, the score bands at their edges, the manual capaian and its
basis, the fallback of a unit to its Perangkat Daerah and of a month to its quarter and year, the lock of a
set capaian, and who may read and act."""
import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.hr_asn_performance.tests.common import HrAsnRoleUsersCase

SCORES = {"rencana_aksi": 80, "iku": 90, "penyerapan_anggaran": 70, "target_pendapatan": 100, "p3dn": 50}


@tagged("post_install", "-at_install")
@freeze_time("2026-07-10")
class TestCapaian(HrAsnRoleUsersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Capaian = cls.env["hr.asn.capaian.organisasi"]
        cls.dinas, cls.dbid, cls.dseksi = cls.units["dinas"], cls.units["dbid"], cls.units["dseksi"]
        cls.other_opd = cls.units["du"]
        cls.dinas.asn_has_revenue_target = True

    # -- helpers -------------------------------------------------------------------------------
    def make(self, department, kind="quarter", period=2, year=2026, user=None, **vals):
        env = self.env(user=user or self.user_admin)
        return env["hr.asn.capaian.organisasi"].create(dict(
            {"department_id": department.id, "year": year, "period_kind": kind, "period": period}, **vals))

    def score(self, capaian, scores):
        capaian.write({"line_ids": [Command.update(line.id, {"score": scores[line.criterion_id.code]})
                                    for line in capaian.line_ids]})
        return capaian

    def make_set(self, department, kind="quarter", period=2, capaian="baik", **vals):
        record = self.make(department, kind, period, mode="manual", capaian=capaian,
                           basis="LKjIP %s" % department.name, **vals)
        record.action_set()
        return record

    # -- computation -----------------------------------------------------------------------------
    def test_weighted_score_with_revenue_target(self):
        capaian = self.make(self.dinas)
        self.assertTrue(capaian.has_revenue_target)
        self.assertEqual({line.criterion_id.code: line.weight for line in capaian.line_ids},
                         {"rencana_aksi": 30, "iku": 10, "penyerapan_anggaran": 40, "target_pendapatan": 10,
                          "p3dn": 10})
        self.score(capaian, SCORES)
        # 80*.3 + 90*.1 + 70*.4 + 100*.1 + 50*.1 = 76: the assumed band of Baik starts at 76
        self.assertEqual(capaian.score, 76.0)
        self.assertEqual(capaian.capaian, "baik")
        self.assertTrue(capaian.uses_assumed, "the weights of IKU, pendapatan and P3DN are assumed")
        self.assertEqual(capaian.date_from.isoformat(), "2026-04-01")
        self.assertEqual(capaian.date_to.isoformat(), "2026-06-30")

    def test_weighted_score_without_revenue_target(self):
        capaian = self.make(self.other_opd)
        self.assertFalse(capaian.has_revenue_target)
        self.assertNotIn("target_pendapatan", capaian.line_ids.criterion_id.mapped("code"),
                         "the revenue criterion is only for OPD with a revenue target")
        self.assertEqual(capaian.line_ids.mapped("weight"), [40, 10, 40, 10])
        self.score(capaian, SCORES)
        # 80*.4 + 90*.1 + 70*.4 + 50*.1 = 74
        self.assertEqual(capaian.score, 74.0)
        self.assertEqual(capaian.capaian, "butuh_perbaikan")
        revenue = self.env.ref("hr_asn_evaluation.hr_asn_capaian_criterion_target_pendapatan")
        with self.assertRefused(ValidationError, "revenue target"):
            capaian.write({"line_ids": [Command.create({"criterion_id": revenue.id, "score": 100})]})

    def test_bands_at_their_edges(self):
        capaian = self.make(self.other_opd)
        for score, expected in ((100, "istimewa"), (90, "istimewa"), (89.99, "baik"), (76, "baik"),
                                (75.99, "butuh_perbaikan"), (61, "butuh_perbaikan"), (60.99, "kurang"),
                                (51, "kurang"), (50.99, "sangat_kurang"), (0, "sangat_kurang")):
            self.score(capaian, dict.fromkeys(SCORES, score))
            self.assertEqual((capaian.score, capaian.capaian), (score, expected))

    def test_bands_and_weights_are_data(self):
        capaian = self.score(self.make(self.other_opd), dict.fromkeys(SCORES, 92))
        self.assertEqual(capaian.capaian, "istimewa")
        self.env.ref("hr_asn_evaluation.hr_asn_capaian_band_istimewa").min_score = 95
        capaian.action_load_criteria()
        self.assertEqual(capaian.capaian, "baik", "a draft follows the current bands once reloaded")
        # weights that no longer sum to 100: no capaian, and setting it is refused
        self.env.ref("hr_asn_evaluation.hr_asn_capaian_criterion_p3dn").weight_without_revenue = 20
        capaian.action_load_criteria()
        self.assertEqual(capaian.weight_total, 110)
        self.assertFalse(capaian.capaian)
        with self.assertRefused(ValidationError, "not 100%"):
            capaian.action_set()
        self.assertEqual(capaian.state, "draft")

    def test_bad_input_is_refused(self):
        capaian = self.make(self.other_opd)
        with self.assertRefused(ValidationError, "between 0 and 100"):
            capaian.line_ids[0].score = 101
        with self.assertRefused(ValidationError, "between 0 and 100"):
            capaian.line_ids[0].score = -1
        with self.assertRefused(ValidationError, "basis"):
            self.make(self.dbid, mode="manual", capaian="baik")
        with self.assertRefused(ValidationError, "basis"):
            self.make(self.dbid, mode="manual", capaian="baik", basis="   ")
        with self.assertRefused(ValidationError, "basis"):
            self.make(self.dbid, mode="manual", basis="LKjIP")
        with self.assertRefused(ValidationError, "month from 1 to 12"):
            self.make(self.dbid, "month", 13)
        with self.assertRefused(ValidationError, "month from 1 to 12"):
            self.make(self.dbid, "quarter", 5)
        with self.assertRefused(ValidationError, "month from 1 to 12"):
            self.make(self.dbid, "year", 1)
        with self.assertRefused(ValidationError, "between 2000 and 2100"):
            self.make(self.dbid, "year", 0, year=1999)
        with self.assertRefused(ValidationError, "between 2000 and 2100"):
            self.make(self.dbid, "year", 0, year=2101)
        with self.assertRefused(AccessError, "follows from the scored criteria"):
            capaian.capaian = "istimewa"
        for field, value in (("state", "set"), ("score", 99.0), ("has_revenue_target", True)):
            with self.assertRefused(AccessError, "cannot be written here"):
                capaian.write({field: value})
        with self.assertRefused(AccessError, "cannot be written here"):
            capaian.line_ids[0].weight = 100
        annual = self.Capaian.create({"department_id": self.dbid.id, "year": 2026, "period_kind": "year"})
        self.assertEqual((annual.period, annual.period_label), (0, "TAHUN 2026"), "an annual capaian is period 0")
        self.assertFalse(self.Capaian.search([("department_id", "=", self.dbid.id), ("period_kind", "!=", "year")]),
                         "nothing half-written")

    def test_one_capaian_per_unit_and_period(self):
        self.make(self.dinas, "month", 3)
        with self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.make(self.dinas, "month", 3)

    def test_manual_mode(self):
        capaian = self.make(self.dinas, "year", 0, mode="manual", capaian="istimewa", basis="LKjIP 2026: A")
        self.assertEqual(capaian.capaian, "istimewa")
        self.assertFalse(capaian.uses_assumed)
        self.env.flush_all()
        self.cr.precommit.clear()  # as if created in an earlier transaction: mail tracks later changes only
        capaian.action_set()
        self.env.flush_all()
        self.cr.precommit.run()  # mail's tracking is written before the commit
        capaian.invalidate_recordset(["message_ids"])
        self.assertEqual((capaian.state, capaian.set_by_id), ("set", self.user_admin))
        self.assertEqual(capaian.set_date.isoformat(), "2026-07-10")
        tracked = capaian.sudo().message_ids.tracking_value_ids.filtered(lambda value: value.field_id.name == "state")
        self.assertEqual(tracked.new_value_char, "Ditetapkan", "the chatter shows that it was set")

    # -- lookup for the evaluation -------------------------------------------------------------------
    def test_unit_falls_back_to_its_opd_and_month_to_quarter_then_year(self):
        opd_quarter = self.make_set(self.dinas, "quarter", 2, "baik")
        opd_year = self.make_set(self.dinas, "year", 0, "kurang")
        unit_month = self.make_set(self.dbid, "month", 5, "istimewa")
        opd_month = self.make_set(self.dinas, "month", 6, "butuh_perbaikan")
        self.make(self.dseksi, "month", 5, mode="manual", capaian="sangat_kurang", basis="draft only")
        departments = self.dinas | self.dbid | self.dseksi | self.other_opd
        found = self.Capaian._asn_capaian_for(departments, 2026, "month", 5)
        self.assertEqual(found[self.dbid.id], unit_month, "the unit's own month")
        self.assertEqual(found[self.dseksi.id], opd_quarter, "a draft never counts: the OPD's quarter")
        self.assertEqual(found[self.dinas.id], opd_quarter, "May falls back to TRIWULAN II")
        self.assertFalse(found[self.other_opd.id])
        found = self.Capaian._asn_capaian_for(departments, 2026, "month", 6)
        self.assertEqual(found[self.dbid.id], opd_month, "the OPD's month beats the unit's quarter")
        found = self.Capaian._asn_capaian_for(departments, 2026, "month", 8)
        self.assertEqual(found[self.dseksi.id], opd_year, "August: no quarter III, the year")
        found = self.Capaian._asn_capaian_for(departments, 2026, "year", 0)
        self.assertEqual(found[self.dbid.id], opd_year)
        self.assertFalse(self.Capaian._asn_capaian_for(departments, 2025, "year", 0)[self.dbid.id])
        with self.assertRefused(ValidationError, "No such period"):
            self.Capaian._asn_capaian_for(departments, 2026, "month", 13)
        # every employee reads the set capaian that is printed on their evaluation
        as_employee = self.Capaian.with_user(self.user_pegawai)._asn_capaian_for(self.dseksi, 2026, "month", 5)
        self.assertEqual(as_employee[self.dseksi.id].capaian, "baik")

    def test_lookup_costs_the_same_for_few_and_many_units(self):
        self.make_set(self.dinas, "quarter", 2)
        few = self.dseksi
        many = self.env["hr.department"].search([("company_id", "=", self.company.id)])
        self.assertGreater(len(many), 20)
        counts = []
        for departments in (few, many):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.Capaian._asn_capaian_for(departments, 2026, "month", 4)
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])

    # -- workflow and locks ---------------------------------------------------------------------------
    def test_set_locks_and_only_bkpsdm_reopens(self):
        capaian = self.score(self.make(self.dinas), SCORES)
        with self.assertRefused(AccessError, "Only BKPSDM"):
            capaian.with_user(self.user_admin_opd).action_set()
        capaian.action_set()
        self.assertEqual((capaian.state, capaian.capaian), ("set", "baik"))
        with self.assertRefused(UserError, "can no longer be changed"):
            capaian.basis = "changed"
        with self.assertRefused(UserError, "can no longer be changed"):
            capaian.line_ids[0].score = 100
        with self.assertRefused(UserError, "can no longer be changed"):
            capaian.line_ids[0].unlink()
        with self.assertRefused(UserError, "cannot be deleted"):
            capaian.unlink()
        with self.assertRefused(UserError, "Only a draft"):
            capaian.action_set()
        for user in (self.user_admin_opd, self.user_pegawai, self.user_penilai):
            with self.assertRefused(AccessError, "Only BKPSDM"):
                capaian.with_user(user).action_reopen()
        self.assertEqual(capaian.state, "set")
        capaian.action_reopen()
        self.assertEqual(capaian.state, "draft")
        capaian.line_ids.filtered(lambda line: line.criterion_id.code == "p3dn").score = 100
        self.assertEqual(capaian.score, 81.0)

    def test_forged_context_does_not_unlock(self):
        capaian = self.score(self.make(self.dinas), SCORES)
        capaian.action_set()
        forged = {"bypass": True, "hr_asn_no_recompute": True, "install_mode": True, "tracking_disable": True,
                  "su": True, "module": "hr_asn_evaluation"}
        bkpsdm = capaian.with_user(self.user_admin).with_context(**forged)
        with self.assertRefused(UserError, "can no longer be changed"):
            bkpsdm.basis = "changed"
        with self.assertRefused(AccessError, "cannot be written here"):
            bkpsdm.write({"state": "draft"})
        with self.assertRefused(AccessError, "Only BKPSDM"):
            capaian.with_user(self.user_admin_opd).with_context(**forged).action_reopen()
        draft = self.make(self.other_opd)
        with self.assertRefused(AccessError, "follows from the scored criteria"):
            draft.with_context(**forged).write({"capaian": "istimewa"})
        self.assertEqual(capaian.state, "set")

    # -- access ---------------------------------------------------------------------------------------
    def test_admin_opd_reads_own_opd_only_and_cannot_set(self):
        own_draft = self.make(self.dbid)
        other_draft = self.make(self.other_opd)
        other_set = self.make_set(self.units["ubid"])
        Capaian = self.Capaian.with_user(self.user_admin_opd)
        self.assertEqual(Capaian.search([("id", "in", (own_draft | other_draft | other_set).ids)]),
                         own_draft | other_set)
        # a unit has its own kind: the Bidang has no revenue target although its Dinas has one
        self.assertEqual(own_draft.with_user(self.user_admin_opd).line_ids.mapped("weight"), [40, 10, 40, 10])
        with self.assertRaises(AccessError):
            other_draft.with_user(self.user_admin_opd).read(["capaian"])
        with self.assertRaises(AccessError):
            own_draft.with_user(self.user_admin_opd).write({"basis": "from the OPD"})
        with self.assertRaises(AccessError):
            own_draft.line_ids[0].with_user(self.user_admin_opd).write({"score": 100})
        with self.assertRefused(AccessError, "Only BKPSDM"):
            own_draft.with_user(self.user_admin_opd).action_set()
        with self.assertRaises(AccessError):
            other_draft.with_user(self.user_admin_opd).action_set()
        with self.assertRaises(AccessError):
            self.make(self.dbid, "month", 1, user=self.user_admin_opd)
        self.assertEqual(own_draft.state, "draft")

    def test_employee_reads_set_capaian_but_never_writes(self):
        draft = self.make(self.dseksi)
        done = self.make_set(self.dinas)
        Capaian = self.Capaian.with_user(self.user_pegawai)
        self.assertEqual(Capaian.search([("id", "in", (draft | done).ids)]), done)
        self.assertEqual(done.with_user(self.user_pegawai).capaian, "baik")
        with self.assertRaises(AccessError):
            draft.with_user(self.user_pegawai).read(["capaian"])
        with self.assertRaises(AccessError):
            done.with_user(self.user_pegawai).write({"basis": "mine"})
        with self.assertRaises(AccessError):
            self.make(self.dseksi, "month", 1, user=self.user_pegawai)
        with self.assertRaises(AccessError):
            self.env["hr.asn.capaian.criterion"].with_user(self.user_pegawai).search([], limit=1).write(
                {"weight_with_revenue": 100})
        self.assertTrue(self.env["hr.asn.capaian.band"].with_user(self.user_pegawai).search([]),
                        "the bands are readable by everyone")

    def test_another_pemda_sees_nothing(self):
        company, units, _employees = self.make_pemda("Kabupaten Lain")
        mine = self.make_set(self.dinas)
        theirs = self.Capaian.sudo().create({"department_id": units["dinas"].id, "year": 2026,
                                              "period_kind": "quarter", "period": 2, "mode": "manual",
                                              "capaian": "istimewa", "basis": "LKjIP"})
        self.assertEqual(theirs.company_id, company)
        self.assertEqual(self.Capaian.with_user(self.user_pegawai).search([("id", "in", (mine | theirs).ids)]), mine)

    def test_department_shows_its_capaian(self):
        capaian = self.make_set(self.dinas)
        self.assertEqual(self.dinas.asn_capaian_ids, capaian)
        self.assertEqual(self.dinas.asn_capaian_count, 1)
        self.assertEqual(self.dbid.asn_capaian_count, 0)
