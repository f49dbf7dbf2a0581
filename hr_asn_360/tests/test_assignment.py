"""Who rates whom: atasan, peers (sampled fairly), subordinates, and the gaps (Semarang seed 000)."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HrAsn360Case


@tagged("post_install", "-at_install")
class TestAssignment(HrAsn360Case):
    def raters(self, round_, ratee, role):
        return sorted(self.assignments(round_, ratee, role).mapped("rater_id.name"))

    def test_staff_rated_by_atasan_and_peers(self):
        round_ = self.make_round()
        self.assertEqual(self.raters(round_, "S.dseksi", "atasan"), ["H.dseksi"])
        self.assertEqual(self.raters(round_, "S.dseksi", "peer"), ["P1.dseksi", "P2.dseksi", "P3.dseksi",
                                                                     "P4.dseksi", "P5.dseksi"])
        self.assertEqual(self.raters(round_, "S.dseksi", "subordinate"), [])
        result = self.result(round_, "S.dseksi")
        self.assertEqual((result.atasan_count, result.peer_count, result.subordinate_count), (1, 5, 0))
        self.assertFalse(result.has_gap)
        self.assertFalse(result.gap_note)

    def test_head_rated_by_subordinates(self):
        round_ = self.make_round()
        self.assertEqual(self.raters(round_, "H.dseksi", "atasan"), ["H.dbid"])
        self.assertEqual(self.raters(round_, "H.dseksi", "subordinate"), [
            "P1.dseksi", "P2.dseksi", "P3.dseksi", "P4.dseksi", "P5.dseksi", "S.dseksi"])

    def test_head_of_region_assesses_no_atasan_rater(self):
        """Lampiran II 4.a: the Wali Kota assesses the Kepala Dinas: nobody rates as atasan, gap shown."""
        round_ = self.make_round()
        self.assertFalse(self.assignments(round_, "H.dinas", "atasan"))
        self.assertEqual(self.raters(round_, "H.dinas", "subordinate"), ["H.dbid", "H.dsek", "S.dinas"])
        result = self.result(round_, "H.dinas")
        self.assertEqual(result.atasan_gap, "region_head")
        self.assertTrue(result.has_gap)
        self.assertIn("head of region", result.gap_note)
        self.assertIn("Budi Santoso", result.gap_note)

    def test_no_peers_gap(self):
        """Nobody of the same kind and level of position anywhere in the Perangkat Daerah: no peer."""
        self.emp["S.bsub"].write({"asn_position_kind": "fungsional", "asn_jenjang": "ahli_utama"})
        round_ = self.make_round()
        self.assertFalse(self.assignments(round_, "S.bsub", "peer"))
        result = self.result(round_, "S.bsub")
        self.assertEqual((result.atasan_count, result.peer_count), (1, 0))
        self.assertIn("No peer", result.gap_note)

    def test_heads_of_sibling_units_are_peers(self):
        """The Kepala Seksi of one Bidang rate each other; the heads of Perangkat Daerah likewise."""
        seksi2 = self.env["hr.department"].create({
            "name": "Seksi 2", "parent_id": self.units["dbid"].id, "asn_unit_kind": "seksi",
            "company_id": self.company.id,
        })
        kasi2 = self.env["hr.employee"].create({
            "name": "H.seksi2", "department_id": seksi2.id, "company_id": self.company.id, "asn_status": "pns",
            "asn_position_kind": "pengawas",
        })
        seksi2.manager_id = kasi2
        round_ = self.make_round(min_raters_per_role=1)
        peers = self.assignments(round_, "H.dseksi", "peer")
        self.assertEqual(peers.rater_id, kasi2)
        self.assertEqual(peers.reason, "sibling_heads")
        kadis_peers = self.assignments(round_, "H.dinas", "peer").rater_id
        self.assertTrue(kadis_peers)
        self.assertTrue(all(peer.department_id.asn_opd_kind for peer in kadis_peers), kadis_peers.mapped("name"))

    def test_peers_capped_and_spread_evenly(self):
        """Six Pelaksana in one Seksi, two peers each: everybody rates exactly two, the same on a rerun."""
        round_ = self.make_round(max_peers=2)
        staff = ["S.dseksi"] + ["P%d.dseksi" % n for n in range(1, 6)]
        peers = self.Assignment.search([("round_id", "=", round_.id), ("role", "=", "peer"),
                                        ("ratee_id", "in", [self.emp[k].id for k in staff])])
        self.assertEqual(len(peers), 12)
        load = {}
        for assignment in peers:
            load[assignment.rater_id.name] = load.get(assignment.rater_id.name, 0) + 1
        self.assertEqual(sorted(load.values()), [2] * 6)
        self.assertIn("fewer than 3", self.result(round_, "S.dseksi").gap_note)
        pairs = sorted((a.ratee_id.id, a.rater_id.id) for a in peers)
        self.generate(round_)
        again = self.Assignment.search([("round_id", "=", round_.id), ("role", "=", "peer"),
                                        ("ratee_id", "in", [self.emp[k].id for k in staff])])
        self.assertEqual(sorted((a.ratee_id.id, a.rater_id.id) for a in again), pairs)

    def test_tugas_belajar_neither_rated_nor_rater(self):
        self.emp["P5.dseksi"].write({"tb_date_from": "2026-01-01", "tb_date_to": "2027-12-31"})
        round_ = self.make_round()
        self.assertFalse(self.assignments(round_, "P5.dseksi"))
        self.assertFalse(self.Assignment.search([("round_id", "=", round_.id),
                                                 ("rater_id", "=", self.emp["P5.dseksi"].id)]))
        result = self.result(round_, "P5.dseksi")
        self.assertFalse(result.is_rated)
        self.assertIn("tugas belajar", result.gap_note)
        with self.assertRefused(ValidationError, "tugas belajar"):
            self.add_rater(round_, "S.dseksi", "P5.dseksi", "peer")

    def test_plt_rates_as_atasan(self):
        """Pasal 26(2): the Plt of the vacant Kepala Seksi post is the Pejabat Penilai, so the atasan rater."""
        self.units["dseksi"].manager_id = False
        self.env["hr.asn.acting.assignment"].create({
            "employee_id": self.emp["S.dbid"].id, "department_id": self.units["dseksi"].id,
            "kind": "plt", "date_from": "2026-01-05",
        })
        round_ = self.make_round()
        self.assertEqual(self.raters(round_, "S.dseksi", "atasan"), ["S.dbid"])
        self.assertIn("S.dseksi", self.raters(round_, "S.dbid", "subordinate"))

    def test_nobody_rates_themselves_nor_twice(self):
        round_ = self.make_round()
        count = self.Assignment.search_count([("round_id", "=", round_.id)])
        with self.assertRefused(ValidationError, "Nobody rates themselves"):
            self.add_rater(round_, "S.dseksi", "S.dseksi", "peer")
        with self.assertRefused(ValidationError, "already rates"):
            self.add_rater(round_, "S.dseksi", "P1.dseksi", "peer")
        self.assertEqual(self.Assignment.search_count([("round_id", "=", round_.id)]), count)

    def test_admin_opd_plans_raters_of_their_unit_in_draft(self):
        round_ = self.make_round()
        Assignment = self.Assignment.with_user(self.user_admin_opd)
        added = Assignment.create({"round_id": round_.id, "ratee_id": self.emp["S.dseksi"].id,
                                   "rater_id": self.emp["S.dsub"].id, "role": "peer"})
        self.assertEqual(added.origin, "manual")
        self.assertEqual(self.result(round_, "S.dseksi").peer_count, 6)
        Assignment.browse(self.assignments(round_, "S.dseksi", rater="P5.dseksi").id).unlink()
        self.assertEqual(self.result(round_, "S.dseksi").peer_count, 5)
        # a manual rater survives generating again
        self.generate(round_)
        self.assertTrue(self.assignments(round_, "S.dseksi", rater="S.dsub"))
        with self.assertRaises(AccessError):  # another Perangkat Daerah
            Assignment.create({"round_id": round_.id, "ratee_id": self.emp["S.bsubbid"].id,
                               "rater_id": self.emp["H.bsub"].id, "role": "peer"})
        round_.action_open()
        with self.assertRaises(AccessError):
            Assignment.create({"round_id": round_.id, "ratee_id": self.emp["S.dseksi"].id,
                               "rater_id": self.emp["S.dbid"].id, "role": "peer"})

    def test_mutation_during_open_round(self):
        """The rated employee moves to another unit: their raters stay, a rater of the new unit is added."""
        round_ = self.make_round()
        round_.action_open()
        before = self.assignments(round_, "S.dseksi")
        self.emp["S.dseksi"].department_id = self.units["dsub"]
        self.assertEqual(self.emp["S.dseksi"].pejabat_penilai_id, self.emp["H.dsub"])
        self.assertEqual(self.assignments(round_, "S.dseksi"), before)
        self.assertEqual(set(before.mapped("ratee_department_id")), {self.units["dsub"]})
        self.answer(before.filtered(lambda a: a.role == "peer")[:1], 4)
        added = self.add_rater(round_, "S.dseksi", "S.dsub", "peer").with_user(self.user_admin)
        self.assertEqual(self.result(round_, "S.dseksi").peer_count, 6)
        # Admin BKPSDM may also swap the atasan while nobody answered yet ...
        atasan = self.assignments(round_, "S.dseksi", "atasan")
        atasan.with_user(self.user_admin).rater_id = self.emp["H.dsub"]
        # ... but not take back a rating already given; and the Admin OPD plans in draft only
        answered = before.filtered(lambda a: a.state == "submitted")
        with self.assertRefused(UserError, "already answered"):
            answered.with_user(self.user_admin).unlink()
        with self.assertRaises(AccessError):
            self.Assignment.with_user(self.user_admin_opd).create({
                "round_id": round_.id, "ratee_id": self.emp["S.dseksi"].id,
                "rater_id": self.emp["H.dsek"].id, "role": "peer"})
        self.assertIn(added, self.assignments(round_, "S.dseksi"))

    def test_one_round_per_semester_and_perangkat_daerah(self):
        self.make_round(generate=False, scope="some", department_ids=[(6, 0, self.units["dinas"].ids)])
        self.make_round(generate=False, scope="some", department_ids=[(6, 0, self.units["bdn"].ids)])
        with self.assertRefused(ValidationError, "one round per Perangkat Daerah"):
            self.make_round(generate=False, scope="some", department_ids=[(6, 0, self.units["dinas"].ids)])
        with self.assertRefused(ValidationError, "one round per Perangkat Daerah"):
            self.make_round(generate=False)  # scope: all
        self.make_round(semester="2", generate=False)

    def test_scope_some_rates_only_its_perangkat_daerah(self):
        round_ = self.make_round(scope="some", department_ids=[(6, 0, self.units["kec"].ids)])
        rated = round_.result_ids.employee_id
        self.assertIn(self.emp["S.lseksi"], rated)  # the Kelurahan inside the Kecamatan
        self.assertNotIn(self.emp["S.dseksi"], rated)
        self.assertEqual(set(round_.assignment_ids.opd_id.ids) - {self.units["kec"].id, self.units["kel"].id}, set())
