"""Who rates whom in a 360° round: atasan, peers (sampled fairly) and subordinates, with the gaps.

Sources: Kota Semarang (seed 000): every employee is rated by their Atasan, Rekan Sejawat and Bawahan.
The atasan is the Pejabat Penilai Kinerja (Perwal Bekasi 38/2023 Pasal 26, Lampiran II, resolved by
hr_asn_performance); when that is the head of region (Wali Kota/Bupati), nobody in the organisation rates
as atasan. Peers are colleagues of the same unit and kind of position (for the head of a unit: the heads
of the sibling units, e.g. the Kepala Seksi of one Bidang); subordinates are the employees the
rated employee assesses. Employees on tugas belajar (Perwal Bekasi Pasal 14) are out of the unit's work:
they neither rate nor are rated.
"""
import hashlib
import heapq
from collections import namedtuple

from .scoring import ATASAN, PEER, SUBORDINATE

# One employee as the planner needs it; ``penilai_official`` is set when the head of region assesses.
# ``department_id`` is the peer group: the unit for staff, the parent unit for the head of a unit.
Person = namedtuple("Person", "id department_id position_kind penilai_id penilai_official on_tb")

# Why a rated employee has no atasan rater, or is not rated.
GAP_TUGAS_BELAJAR = "tugas_belajar"  # on tugas belajar: not rated
GAP_REGION_HEAD = "region_head"  # the head of region assesses: no atasan rater
GAP_NO_PENILAI = "no_penilai"  # no Pejabat Penilai resolved
GAP_PENILAI_AWAY = "penilai_away"  # the Pejabat Penilai is on tugas belajar or outside the round

Plan = namedtuple("Plan", "pairs notes")  # pairs: [(ratee, rater, role)]; notes: {ratee: (rated, atasan gap)}


def tie_break(round_id, employee_id):
    """A stable pseudo-random rank of an employee in a round (a hash of round id and employee id)."""
    digest = hashlib.sha1(b"%d:%d" % (round_id, employee_id)).digest()
    return int.from_bytes(digest[:8], "big")


def pick_peers(candidates, load, count, ratee_id, position):
    """Up to ``count`` of ``candidates`` (ids): the fewest peer ratings so far first (``load``: {id:
    count}), then the nearest after the rated employee in the group's hashed circle (``position``:
    {id: place}). Without exclusions this is a circulant: everybody rates exactly ``count`` peers."""
    if count <= 0:
        return []
    size = len(position)
    return heapq.nsmallest(
        count, candidates,
        key=lambda candidate: (load.get(candidate, 0), (position[candidate] - position[ratee_id]) % size),
    )


def plan(people, ratee_ids, max_peers, round_id, existing=()):
    """Plan a round's assignments.

    ``people``: {id: Person} for every employee who may rate (active ASN of the Pemda); ``ratee_ids``:
    the employees in the round's scope; ``existing``: (ratee, rater, role) already assigned and kept
    (added by hand). Returns Plan(pairs, notes): the new (ratee, rater, role) to create, and for every
    ratee (rated, atasan gap code or None).

    Peers are colleagues of the same unit and kind of position. Each group is ordered by
    ``tie_break(round_id, id)`` (deterministic, different every round, not by id); each rated employee
    takes up to ``max_peers`` colleagues, those rating the fewest so far first, then the next ones in
    that order: the load is spread evenly.
    """
    taken, load, peers_kept = _kept_assignments(existing)
    assessed_by, colleagues = _index_people(people)
    pairs, notes, used = [], {}, {}
    rated = []
    for ratee_id in sorted(ratee_ids):
        ratee = people[ratee_id]
        if ratee.on_tb:
            notes[ratee_id] = (False, GAP_TUGAS_BELAJAR)
            continue
        rated.append(ratee_id)
        mine = used[ratee_id] = set(taken.get(ratee_id, ())) | {ratee_id}
        gap = atasan_gap(ratee, people)
        if gap is None and ratee.penilai_id not in mine:
            pairs.append((ratee_id, ratee.penilai_id, ATASAN))
            mine.add(ratee.penilai_id)
        for subordinate in sorted(assessed_by.get(ratee_id, ())):
            if subordinate not in mine:
                pairs.append((ratee_id, subordinate, SUBORDINATE))
                mine.add(subordinate)
        notes[ratee_id] = (True, gap)
    pairs += _plan_peers(people, rated, colleagues, used, load, peers_kept, max_peers, round_id)
    return Plan(pairs, notes)


def _kept_assignments(existing):
    """From the kept (ratee, rater, role): raters taken per ratee, peer ratings per rater, peers per ratee."""
    taken, load, peers_kept = {}, {}, {}
    for ratee, rater, role in existing:
        taken.setdefault(ratee, set()).add(rater)
        if role == PEER:
            load[rater] = load.get(rater, 0) + 1
            peers_kept[ratee] = peers_kept.get(ratee, 0) + 1
    return taken, load, peers_kept


def _index_people(people):
    """({penilai id: [assessed ids]}, {(peer group, kind of position): [ids]}), without tugas belajar."""
    assessed_by, colleagues = {}, {}
    for person in people.values():
        if person.on_tb:
            continue
        if person.penilai_id:
            assessed_by.setdefault(person.penilai_id, []).append(person.id)
        if person.department_id:
            colleagues.setdefault((person.department_id, person.position_kind or None), []).append(person.id)
    return assessed_by, colleagues


def atasan_gap(ratee, people):
    """Why ``ratee`` has no atasan rater (a GAP_* code), or None when the Pejabat Penilai Kinerja rates."""
    penilai = people.get(ratee.penilai_id) if ratee.penilai_id else None
    if ratee.penilai_official and not ratee.penilai_id:
        return GAP_REGION_HEAD
    if not ratee.penilai_id:
        return GAP_NO_PENILAI
    if penilai is None or penilai.on_tb or penilai.id == ratee.id:
        return GAP_PENILAI_AWAY
    return None


def _plan_peers(people, rated, colleagues, used, load, peers_kept, max_peers, round_id):
    """Peer pairs, group by group in a fixed order, the load spread evenly (``used`` and ``load`` updated)."""
    groups = {}
    for ratee_id in rated:
        ratee = people[ratee_id]
        if ratee.department_id:
            groups.setdefault((ratee.department_id, ratee.position_kind or None), []).append(ratee_id)
    pairs = []
    for key in sorted(groups, key=lambda key: (key[0], key[1] or "")):
        members = sorted(colleagues.get(key, ()), key=lambda member: tie_break(round_id, member))
        position = {member: place for place, member in enumerate(members)}
        for ratee_id in sorted(groups[key], key=lambda member: tie_break(round_id, member)):
            candidates = [member for member in members if member not in used[ratee_id]]
            wanted = max_peers - peers_kept.get(ratee_id, 0)
            for peer in pick_peers(candidates, load, wanted, ratee_id, position):
                pairs.append((ratee_id, peer, PEER))
                load[peer] = load.get(peer, 0) + 1
    return pairs


def has_gap(rated, atasan_gap, counts):
    """True when a role is missing for an employee: not rated (tugas belajar), no atasan rater, or no peer
    (``counts``: {role: raters planned}). Having no bawahan is normal for staff; too few peers or bawahan
    to be shown on their own is noted on the result, not counted as a gap."""
    return bool(not rated or atasan_gap or not counts.get(ATASAN, 0) or not counts.get(PEER, 0))
