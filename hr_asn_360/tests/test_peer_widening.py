"""Peers widened step by step until the round's minimum is met (issue 12, "a 360 people can trust"):
the unit, then the sibling units under the same head, then the Perangkat Daerah, always of the same kind
and level of position; each generated rater keeps the step that picked it (rules/sampling.py)."""
from odoo.tests import tagged

from .common import HrAsn360Case


@tagged("post_install", "-at_install")
class TestPeerWidening(HrAsn360Case):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
        # a second Seksi under the Bidang of dseksi, with one Pelaksana and one Fungsional Ahli Muda
        cls.seksi2 = cls.env["hr.department"].create({
            "name": "Seksi 2", "parent_id": cls.units["dbid"].id, "asn_unit_kind": "seksi",
            "company_id": cls.company.id,
        })
        for name, kind, jenjang, unit in (
            ("S.seksi2", "pelaksana", False, cls.seksi2),
            ("F.seksi2", "fungsional", "ahli_muda", cls.seksi2),
            ("F.dseksi", "fungsional", "ahli_pertama", cls.units["dseksi"]),  # other level: never a peer
            ("F.dsub", "fungsional", "ahli_muda", cls.units["dsub"]),  # same level, elsewhere in the Dinas
        ):
            employee = Employee.create({
                "name": name, "department_id": unit.id, "company_id": cls.company.id, "asn_status": "pns",
                "asn_position_kind": kind, "asn_jenjang": jenjang,
            })
            cls.emp[name] = employee.with_env(cls.env)
        cls.env["hr.employee"]._asn_recompute_assessors()

    def peers(self, round_, ratee):
        return {a.rater_id.name: a.reason for a in self.assignments(round_, ratee, "peer")}

    def test_lone_staff_widened_to_the_sibling_seksi(self):
        """S.seksi2 is alone in its Seksi: the minimum of 3 peers comes from the sibling Seksi dseksi
        (same Bidang), all Pelaksana; the Fungsional are not taken."""
        round_ = self.make_round()
        peers = self.peers(round_, "S.seksi2")
        self.assertEqual(len(peers), 3, peers)
        self.assertEqual(set(peers.values()), {"sibling_units"})
        self.assertLessEqual(set(peers), {"S.dseksi", "P1.dseksi", "P2.dseksi", "P3.dseksi", "P4.dseksi",
                                          "P5.dseksi"})
        self.assertFalse(self.result(round_, "S.seksi2").has_gap)

    def test_no_sibling_unit_widened_to_the_perangkat_daerah(self):
        """S.dsub: nobody in Sub Bagian dsub nor in a sibling unit of the Sekretariat: 3 Pelaksana of the
        Dinas, marked as such."""
        round_ = self.make_round()
        peers = self.peers(round_, "S.dsub")
        self.assertEqual(len(peers), 3, peers)
        self.assertEqual(set(peers.values()), {"opd"})
        raters = self.assignments(round_, "S.dsub", "peer").rater_id
        self.assertEqual(set(raters.department_id.asn_opd_id.mapped("name")), {self.units["dinas"].name})
        self.assertEqual(set(raters.mapped("asn_position_kind")), {"pelaksana"})

    def test_same_kind_and_level_at_every_step(self):
        """The Fungsional Ahli Muda of Seksi 2 finds the Ahli Muda of Sub Bagian dsub (the Perangkat
        Daerah step), never the Ahli Pertama of the sibling Seksi; the Ahli Pertama has nobody."""
        round_ = self.make_round()
        self.assertEqual(self.peers(round_, "F.seksi2"), {"F.dsub": "opd"})
        self.assertEqual(self.peers(round_, "F.dseksi"), {})
        self.assertIn("No peer", self.result(round_, "F.dseksi").gap_note)

    def test_a_full_unit_stays_in_the_unit(self):
        round_ = self.make_round()
        self.assertEqual(set(self.peers(round_, "S.dseksi").values()), {"same_unit"})
        self.assertEqual(len(self.peers(round_, "S.dseksi")), 5)
        atasan = self.assignments(round_, "S.dseksi", "atasan")
        self.assertEqual(atasan.reason, "atasan")
        self.assertEqual(set(self.assignments(round_, "H.dseksi", "subordinate").mapped("reason")), {"subordinate"})

    def test_round_minimum_decides_how_far(self):
        """A round asking one peer only: S.seksi2 gets one (from the sibling Seksi), not three."""
        round_ = self.make_round(min_raters_per_role=1, min_raters_result=1)
        self.assertEqual(list(self.peers(round_, "S.seksi2").values()), ["sibling_units"])
        # the minimum number of raters of a result widens too: atasan + 4 peers for 5 raters
        wide = self.make_round(semester="2", min_raters_per_role=1, min_raters_result=5)
        atasan = self.result(wide, "S.seksi2").atasan_count
        self.assertEqual(len(self.peers(wide, "S.seksi2")), 5 - atasan)

    def test_reason_shown_and_only_the_generation_sets_it(self):
        round_ = self.make_round()
        Assignment = self.env["hr.asn360.assignment"]
        for view in ("hr_asn_360.hr_asn360_assignment_view_list", "hr_asn_360.hr_asn360_assignment_view_form",
                     "hr_asn_360.hr_asn360_assignment_view_list_plan"):
            arch = Assignment.get_view(self.env.ref(view).id)["arch"]
            self.assertIn('name="reason"', arch, view)
        taken = set(self.peers(round_, "S.dsub"))
        rater = next(key for key in ("S.dinas", "S.dsek", "S.dbid", "S.dseksi", "P1.dseksi", "P2.dseksi")
                     if key not in taken)
        added = self.Assignment.with_user(self.user_admin_opd).create({
            "round_id": round_.id, "ratee_id": self.emp["S.dsub"].id, "rater_id": self.emp[rater].id,
            "role": "peer", "reason": "same_unit", "origin": "auto",
        })
        self.assertEqual((added.sudo().reason, added.sudo().origin), ("manual", "manual"))
        # kept when generated again, generated ones planned again with their reasons
        self.generate(round_)
        self.assertTrue(added.exists())
        self.assertEqual(self.peers(round_, "S.dsub")[rater], "manual")
        self.assertEqual(len(self.peers(round_, "S.dsub")), 3)  # the kept one counts towards the minimum
