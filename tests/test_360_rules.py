"""Rules of the 360° rating (hr_asn_360/rules): weights, thresholds, anonymity merge, rank, peer sampling.

Sources: Kota Semarang e-Perilaku 360 (seed 000: 7 BerAKHLAK values, 1-5 stars, atasan/rekan/bawahan;
seed 002: Diatas/Sesuai/Dibawah Ekspektasi); national_rules.md §6 (no national weights).
"""
import itertools

import pytest

from hr_asn_360_rules import sampling, scoring
from hr_asn_360_rules.sampling import Person

A, P, S = scoring.ATASAN, scoring.PEER, scoring.SUBORDINATE


# -- weights ------------------------------------------------------------------------------------
def test_all_zero_weights_are_equal_over_the_roles_present():
    assert scoring.effective_weights({}, {A, P, S}) == {A: 1 / 3, P: 1 / 3, S: 1 / 3}
    assert scoring.effective_weights({A: 0, P: 0, S: 0}, {A, P}) == {A: 0.5, P: 0.5}


def test_configured_weights_renormalised_when_a_role_is_absent():
    weights = {A: 60, P: 20, S: 20}  # the pre-2022 local habit (national_rules.md §6)
    assert scoring.effective_weights(weights, {A, P, S}) == pytest.approx({A: 0.6, P: 0.2, S: 0.2})
    assert scoring.effective_weights(weights, {A, P}) == pytest.approx({A: 0.75, P: 0.25})
    assert scoring.effective_weights(weights, {P}) == pytest.approx({P: 1.0})


def test_present_roles_all_weighted_zero_fall_back_to_equal():
    assert scoring.effective_weights({A: 1, P: 0, S: 0}, {P, S}) == {P: 0.5, S: 0.5}
    assert scoring.effective_weights({A: 1}, set()) == {}
    assert scoring.effective_weights({A: -3, P: 1}, {A, P}) == {P: 1.0, A: 0.0}


# -- thresholds --------------------------------------------------------------------------------
@pytest.mark.parametrize("score, rating", [
    (5.0, "diatas"), (4.2, "diatas"), (4.195, "diatas"), (4.19, "sesuai"), (3.0, "sesuai"),
    (2.99, "dibawah"), (1.0, "dibawah"), (None, None),
])
def test_default_thresholds(score, rating):
    assert scoring.rating_for(score) == rating


def test_thresholds_are_per_round():
    assert scoring.rating_for(4.0, threshold_diatas=3.9) == "diatas"
    assert scoring.rating_for(2.6, threshold_sesuai=2.5) == "sesuai"
    assert scoring.valid_thresholds(4.2, 3.0)
    assert not scoring.valid_thresholds(3.0, 4.2)
    assert not scoring.valid_thresholds(5.5, 3.0)
    assert not scoring.valid_thresholds(4.0, 0.5)


def test_stars_are_whole_numbers_from_one_to_five():
    assert all(scoring.valid_stars(stars) for stars in range(1, 6))
    assert not any(scoring.valid_stars(stars) for stars in (0, 6, -1, 3.0, "3", None, True))


# -- anonymity ---------------------------------------------------------------------------------
def test_split_roles_threshold():
    assert scoring.split_roles({A: 1, P: 3, S: 2}, 3) == ([A, P], [S], False)
    assert scoring.split_roles({A: 1, P: 2, S: 1}, 3) == ([A], [P, S], True)
    assert scoring.split_roles({P: 2}, 3) == ([], [P], False)
    assert scoring.split_roles({A: 1, P: 5, S: 4}, 3) == ([A, P, S], [], False)
    assert scoring.split_roles({P: 1}, 1) == ([P], [], False)


def answers(role_stars):
    """{role: [stars of each rater]} -> the grouped sums for every value."""
    grouped = {}
    for role, stars in role_stars.items():
        for code in scoring.VALUE_CODES:
            grouped[(role, code)] = (sum(stars), len(stars))
    return grouped, {role: len(stars) for role, stars in role_stars.items()}


def test_two_peers_and_a_subordinate_merged_into_others():
    grouped, raters = answers({A: [5], P: [3, 3], S: [4]})
    outcome = scoring.score_employee(grouped, raters)
    roles = {(line.role) for line in outcome.lines}
    assert roles == {A, scoring.OTHERS, scoring.ALL}
    others = [line for line in outcome.lines if line.role == scoring.OTHERS][0]
    assert (others.mean, others.count) == (3.33, 3)
    assert outcome.merged == [P, S]
    # the score weighs the groups shown: the atasan and "others" (pooled), nothing else
    assert outcome.score == pytest.approx((5 + 10 / 3) / 2, abs=0.005)


def test_two_peers_alone_are_left_out_everywhere():
    """Issue 9 finding 3: a group too small to be shown counts nowhere, else "all" minus the shown
    groups gives it back."""
    grouped, raters = answers({A: [4], P: [2, 5]})
    outcome = scoring.score_employee(grouped, raters)
    assert {line.role for line in outcome.lines} == {A, scoring.ALL}
    assert all(line.mean == 4.0 and line.count == 1 for line in outcome.lines)
    assert (outcome.score, outcome.rater_count, outcome.merged) == (4.0, 1, [P])
    alone = scoring.score_employee(*answers({P: [2, 4]}))
    assert (alone.lines, alone.score, alone.rating, alone.rater_count) == ([], None, None, 0)


def test_three_peers_shown():
    grouped, raters = answers({A: [4], P: [5, 4, 3]})
    outcome = scoring.score_employee(grouped, raters)
    assert {line.role for line in outcome.lines} == {A, P, scoring.ALL}
    assert outcome.score == 4.0
    assert outcome.by_value == dict.fromkeys(scoring.VALUE_CODES, 4.0)


def test_weighted_score():
    grouped, raters = answers({A: [5], P: [3, 3, 3]})
    outcome = scoring.score_employee(grouped, raters, weights={A: 3, P: 1, S: 1})
    assert outcome.score == 4.5
    assert outcome.rating == "diatas"


def test_no_answers_no_score():
    outcome = scoring.score_employee({}, {})
    assert (outcome.score, outcome.rating, outcome.lines) == (None, None, [])


# -- rank --------------------------------------------------------------------------------------
def test_competition_rank_inside_each_unit():
    ranks = scoring.rank_in_units({
        "a": ("u1", 4.5), "b": ("u1", 4.0), "c": ("u1", 4.0), "d": ("u1", 3.0), "e": ("u2", 2.0), "f": ("u1", None),
    })
    assert ranks == {"a": 1, "b": 2, "c": 2, "d": 4, "e": 1}


# -- raters ------------------------------------------------------------------------------------
def person(id_, department=1, kind="pelaksana", penilai=None, official=None, on_tb=False):
    return Person(id_, department, kind, penilai, official, on_tb)


def test_plan_roles_and_gaps():
    people = {
        1: person(1, kind="jpt", official="Wali Kota"),  # head of the unit, assessed by the Wali Kota
        2: person(2, penilai=1), 3: person(3, penilai=1), 4: person(4, penilai=1),
        5: person(5, penilai=1, on_tb=True),  # tugas belajar
        6: person(6, department=2, penilai=1),  # alone in its unit
    }
    plan = sampling.plan(people, [1, 2, 3, 4, 5, 6], max_peers=5, round_id=1)
    pairs = set(plan.pairs)
    assert {(2, 1, A), (3, 1, A), (4, 1, A), (6, 1, A)} <= pairs
    assert {(1, 2, S), (1, 3, S), (1, 4, S), (1, 6, S)} <= pairs
    assert {(2, 3, P), (2, 4, P), (3, 2, P), (3, 4, P), (4, 2, P), (4, 3, P)} <= pairs
    assert not any(5 in (ratee, rater) for ratee, rater, _role in plan.pairs)
    assert not any(ratee == rater for ratee, rater, _role in plan.pairs)
    assert plan.notes[1] == (True, sampling.GAP_REGION_HEAD)
    assert plan.notes[5] == (False, sampling.GAP_TUGAS_BELAJAR)
    assert plan.notes[6] == (True, None)
    assert not [pair for pair in plan.pairs if pair[0] == 6 and pair[2] == P]


def test_penilai_on_tugas_belajar_or_missing_is_a_gap():
    people = {1: person(1, on_tb=True), 2: person(2, penilai=1), 3: person(3, penilai=99), 4: person(4)}
    plan = sampling.plan(people, [2, 3, 4], max_peers=5, round_id=1)
    assert plan.notes[2] == (True, sampling.GAP_PENILAI_AWAY)
    assert plan.notes[3] == (True, sampling.GAP_PENILAI_AWAY)
    assert plan.notes[4] == (True, sampling.GAP_NO_PENILAI)


@pytest.mark.parametrize("size, cap", list(itertools.product(range(2, 25), (1, 2, 3, 5))))
def test_peers_spread_evenly_and_deterministically(size, cap):
    people = {n: person(n) for n in range(100, 100 + size)}
    plan = sampling.plan(people, list(people), max_peers=cap, round_id=size * 7)
    load = {}
    for _ratee, rater, _role in plan.pairs:
        load[rater] = load.get(rater, 0) + 1
    expected = min(cap, size - 1)
    assert sorted(load.values()) == [expected] * size  # everybody rates the same number
    per_ratee = {}
    for ratee, _rater, _role in plan.pairs:
        per_ratee[ratee] = per_ratee.get(ratee, 0) + 1
    assert set(per_ratee.values()) == {expected}
    assert sampling.plan(people, list(people), max_peers=cap, round_id=size * 7) == plan


def test_peer_choice_changes_with_the_round_not_with_ids():
    people = {n: person(n) for n in range(1, 21)}
    first = sampling.plan(people, list(people), max_peers=2, round_id=1).pairs
    second = sampling.plan(people, list(people), max_peers=2, round_id=2).pairs
    assert set(first) != set(second)
    assert {rater for ratee, rater, _ in first if ratee == 1} != {2, 3}  # not simply the next ids


def test_raters_kept_by_hand_count():
    people = {n: person(n) for n in range(1, 7)}
    kept = [(1, 2, P), (1, 3, P)]
    plan = sampling.plan(people, list(people), max_peers=3, round_id=5, existing=kept)
    mine = [pair for pair in plan.pairs if pair[0] == 1]
    assert len(mine) == 1 and mine[0][1] not in (1, 2, 3)


def test_has_gap():
    assert not sampling.has_gap(True, None, {A: 1, P: 3})
    assert not sampling.has_gap(True, None, {A: 1, P: 1, S: 1})  # few: merged into others, noted only
    assert sampling.has_gap(True, None, {A: 1})
    assert sampling.has_gap(True, None, {P: 3})
    assert sampling.has_gap(True, sampling.GAP_REGION_HEAD, {P: 5})
    assert sampling.has_gap(False, sampling.GAP_TUGAS_BELAJAR, {})


# -- peers widened step by step (issue 12) ----------------------------------------------------------
def staff(id_, unit, parent, opd, kind="pelaksana", level=None, penilai=None):
    return Person(id_, unit, kind, penilai, None, False, level, parent, opd, False)


def head(id_, parent, opd, kind="pengawas", penilai=None):
    return Person(id_, parent, kind, penilai, None, False, None, None, opd, True)


def widening_city():
    """Perangkat Daerah 100; Bidang 10 (head 1) with Seksi 11 (two staff, head 2) and Seksi 12 (two
    staff, head 3); Bidang 20 with Seksi 21 (one Pelaksana, two Fungsional of other levels)."""
    return {
        1: head(1, 100, 100, kind="administrator"),
        2: head(2, 10, 100, penilai=1), 3: head(3, 10, 100, penilai=1),
        11: staff(11, 11, 10, 100, penilai=2), 12: staff(12, 11, 10, 100, penilai=2),
        13: staff(13, 12, 10, 100, penilai=3), 14: staff(14, 12, 10, 100, penilai=3),
        21: staff(21, 21, 20, 100), 22: staff(22, 21, 20, 100, kind="fungsional", level="ahli_muda"),
        23: staff(23, 21, 20, 100, kind="fungsional", level="ahli_pertama"),
        24: staff(24, 21, 20, 100, kind="fungsional", level="ahli_muda"),
    }


def peers_of(plan, ratee):
    return {rater: plan.reasons[(ratee, rater)] for r, rater, role in plan.pairs if r == ratee and role == P}


def test_without_a_minimum_peers_stay_in_the_unit():
    plan = sampling.plan(widening_city(), [11, 21], max_peers=5, round_id=3)
    assert peers_of(plan, 11) == {12: sampling.REASON_SAME_UNIT}
    assert peers_of(plan, 21) == {}


def test_peers_widened_to_sibling_units_then_the_perangkat_daerah():
    """Seksi 11 has one colleague: the sibling Seksi 12 under the same Bidang gives the rest of the
    minimum of 3; the lone Pelaksana of Seksi 21 (sibling units hold only Fungsional) finds them in the
    Perangkat Daerah."""
    plan = sampling.plan(widening_city(), [11, 21], max_peers=5, round_id=3, min_peers=3)
    assert peers_of(plan, 11) == {12: sampling.REASON_SAME_UNIT, 13: sampling.REASON_SIBLING_UNITS,
                                  14: sampling.REASON_SIBLING_UNITS}
    peers = peers_of(plan, 21)
    assert len(peers) == 3 and set(peers.values()) == {sampling.REASON_OPD}
    assert set(peers) <= {11, 12, 13, 14}  # Pelaksana, not the Fungsional of its own Seksi


def test_same_kind_and_level_at_every_step():
    plan = sampling.plan(widening_city(), [22, 23], max_peers=5, round_id=3, min_peers=3)
    assert peers_of(plan, 22) == {24: sampling.REASON_SAME_UNIT}  # ahli muda: nobody else anywhere
    assert peers_of(plan, 23) == {}  # the only Fungsional Ahli Pertama


def test_widening_stops_at_the_minimum_and_never_passes_max_peers():
    plan = sampling.plan(widening_city(), [11], max_peers=2, round_id=3, min_peers=3)
    assert len(peers_of(plan, 11)) == 2
    peers = peers_of(sampling.plan(widening_city(), [11], max_peers=5, round_id=3, min_peers=2), 11)
    assert len(peers) == 2 and peers[12] == sampling.REASON_SAME_UNIT
    assert sorted(peers.values()) == [sampling.REASON_SAME_UNIT, sampling.REASON_SIBLING_UNITS]


def test_heads_peers_are_the_heads_of_sibling_units():
    plan = sampling.plan(widening_city(), [2], max_peers=5, round_id=3, min_peers=3)
    assert peers_of(plan, 2) == {3: sampling.REASON_SIBLING_HEADS}  # no other Pengawas in the OPD
    assert plan.reasons[(2, 1)] == sampling.REASON_ATASAN
    assert plan.reasons[(2, 11)] == sampling.REASON_SUBORDINATE


def test_minimum_raters_of_a_result_widens_too():
    """With 1 atasan and a minimum of 5 raters, 4 peers are wanted even if the peer minimum is 1."""
    assert sampling.peers_wanted(5, 1, 5, 1) == 4
    assert sampling.peers_wanted(3, 1, 5, 1) == 3  # capped by max_peers
    assert sampling.peers_wanted(5, 3, 0, 7) == 3
    assert sampling.peers_wanted(0, 3, 3, 0) == 0
    plan = sampling.plan(widening_city(), [11], max_peers=5, round_id=3, min_peers=1, min_raters=5)
    assert peers_of(plan, 11) == {12: sampling.REASON_SAME_UNIT, 13: sampling.REASON_SIBLING_UNITS,
                                  14: sampling.REASON_SIBLING_UNITS, 21: sampling.REASON_OPD}  # + atasan 2


def test_widened_load_is_spread():
    """Everybody of a Bidang of five one-person Seksi, minimum 2: each rates about two (not one rater
    taking all the widened work)."""
    people = {n: staff(n, n, 10, 100) for n in range(1, 6)}
    plan = sampling.plan(people, list(people), max_peers=5, round_id=9, min_peers=2)
    load = {}
    for _ratee, rater, _role in plan.pairs:
        load[rater] = load.get(rater, 0) + 1
    assert sorted(load.values()) == [2] * 5
    assert {reason for reason in plan.reasons.values()} == {sampling.REASON_SIBLING_UNITS}


def test_too_few_raters_no_rating():
    answers = {(A, code): (5, 1) for code in scoring.VALUE_CODES}
    outcome = scoring.score_employee(answers, {A: 1}, min_raters_result=3)
    assert outcome.too_few and outcome.rating is None and outcome.score == 5.0
    outcome = scoring.score_employee(answers, {A: 1}, min_raters_result=1)
    assert not outcome.too_few and outcome.rating == scoring.DIATAS
    assert not scoring.score_employee({}, {}, min_raters_result=3).too_few  # no score: nothing to warn
    assert scoring.too_few_raters(2) and not scoring.too_few_raters(3)
