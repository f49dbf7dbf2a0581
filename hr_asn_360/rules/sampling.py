"""Who rates whom in a 360° round: atasan, peers (sampled fairly) and subordinates, with the gaps.

Sources: Kota Semarang (seed 000): every employee is rated by their Atasan, Rekan Sejawat and Bawahan.
The atasan is the Pejabat Penilai Kinerja (Perwal Bekasi 38/2023 Pasal 26, Lampiran II, resolved by
hr_asn_performance); when that is the head of region (Wali Kota/Bupati), nobody in the organisation rates
as atasan. Peers are colleagues of the same unit and kind of position (for the head of a unit: the heads
of the sibling units, e.g. the Kepala Seksi of one Bidang); subordinates are the employees the
rated employee assesses. Employees on tugas belajar (Perwal Bekasi Pasal 14) are out of the unit's work:
they neither rate nor are rated.

Peers are widened step by step (issue 12, "a 360 people can trust"): a Seksi of two staff has no rekan
sejawat of its own, so until the round's minimum is met they are sought in the unit, then in the sibling
units under the same head (the same parent unit), then in the whole Perangkat Daerah, always of the same
kind and level (jenjang) of position: "rekan sejawat" are colleagues of the same level (seed 000). The
steps are the table PEER_STEPS; every planned pair keeps the step (reason) that picked it. Semarang's
notes (seeds 000, 002) set no minimum number of raters: the minimum is a setting of the round.
"""
import hashlib
import heapq
from collections import namedtuple

from .scoring import ATASAN, PEER, SUBORDINATE

# One employee as the planner needs it; ``penilai_official`` is set when the head of region assesses.
# ``department_id`` is the first peer group: the unit for staff, the parent unit for the head of a unit
# (the heads of the sibling units), -1 for the heads of Perangkat Daerah. ``level`` is the jenjang (JF,
# JPT) or None; ``sibling_id`` the parent unit of a staff member's unit (None for heads: their first
# group already is the sibling units); ``opd_id`` the Perangkat Daerah (None for its head).
Person = namedtuple(
    "Person", "id department_id position_kind penilai_id penilai_official on_tb level sibling_id opd_id is_head",
    defaults=(None, None, None, False),
)

# Why a rated employee has no atasan rater, or is not rated.
GAP_TUGAS_BELAJAR = "tugas_belajar"  # on tugas belajar: not rated
GAP_REGION_HEAD = "region_head"  # the head of region assesses: no atasan rater
GAP_NO_PENILAI = "no_penilai"  # no Pejabat Penilai resolved
GAP_PENILAI_AWAY = "penilai_away"  # the Pejabat Penilai is on tugas belajar or outside the round

# Why a rater was planned (kept on each generated assignment).
REASON_ATASAN = "atasan"  # the rated employee's Pejabat Penilai Kinerja
REASON_SUBORDINATE = "subordinate"  # assessed by the rated employee
REASON_SAME_UNIT = "same_unit"  # peer: same unit
REASON_SIBLING_HEADS = "sibling_heads"  # peer of a head: head of a sibling unit (or of another Perangkat Daerah)
REASON_SIBLING_UNITS = "sibling_units"  # peer: a sibling unit under the same head (same parent unit)
REASON_OPD = "opd"  # peer: elsewhere in the same Perangkat Daerah

# Where peers are sought, nearest first: (Person field naming the group, reason). A wider step is taken
# only while a rated employee has fewer peers than the round's minimum; always same kind and level.
PEER_STEPS = (
    ("department_id", REASON_SAME_UNIT),
    ("sibling_id", REASON_SIBLING_UNITS),
    ("opd_id", REASON_OPD),
)

# pairs: [(ratee, rater, role)]; notes: {ratee: (rated, atasan gap)}; reasons: {(ratee, rater): REASON_*}
Plan = namedtuple("Plan", "pairs notes reasons")


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


def plan(people, ratee_ids, max_peers, round_id, existing=(), min_peers=0, min_raters=0):
    """Plan a round's assignments.

    ``people``: {id: Person} for every employee who may rate (active ASN of the Pemda); ``ratee_ids``:
    the employees in the round's scope; ``existing``: (ratee, rater, role) already assigned and kept
    (added by hand). Returns Plan(pairs, notes, reasons): the new (ratee, rater, role) to create, for
    every ratee (rated, atasan gap code or None), and for every new (ratee, rater) its REASON_*.

    Peers are first colleagues of the same unit and kind and level of position. Each group is ordered by
    ``tie_break(round_id, id)`` (deterministic, different every round, not by id); each rated employee
    takes up to ``max_peers`` colleagues, those rating the fewest so far first, then the next ones in
    that order: the load is spread evenly. Whoever then has fewer peers than wanted (:func:`peers_wanted`:
    ``min_peers``, or more while atasan, bawahan and peers together stay below ``min_raters``) gets more
    from the next step of PEER_STEPS, up to that number, never above ``max_peers``.
    """
    taken, load, peers_kept = _kept_assignments(existing)
    assessed_by, colleagues = _index_people(people)
    pairs, notes, used, reasons = [], {}, {}, {}
    rated, others = [], {}
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
            reasons[(ratee_id, ratee.penilai_id)] = REASON_ATASAN
            mine.add(ratee.penilai_id)
        for subordinate in sorted(assessed_by.get(ratee_id, ())):
            if subordinate not in mine:
                pairs.append((ratee_id, subordinate, SUBORDINATE))
                reasons[(ratee_id, subordinate)] = REASON_SUBORDINATE
                mine.add(subordinate)
        # raters other than peers (planned and kept), for the minimum number of raters of a result
        others[ratee_id] = len(mine) - 1 - peers_kept.get(ratee_id, 0)
        notes[ratee_id] = (True, gap)
    peers = dict(peers_kept)
    for step, (fname, reason) in enumerate(PEER_STEPS):
        wanted = {
            ratee_id: max_peers if step == 0 else peers_wanted(max_peers, min_peers, min_raters, others[ratee_id])
            for ratee_id in rated
        }
        for ratee_id, rater_id, role in _plan_peers(people, rated, colleagues[fname], used, load, peers, wanted,
                                                    round_id, fname):
            pairs.append((ratee_id, rater_id, role))
            heads = step == 0 and people[ratee_id].is_head
            reasons[(ratee_id, rater_id)] = REASON_SIBLING_HEADS if heads else reason
    return Plan(pairs, notes, reasons)


def peers_wanted(max_peers, min_peers, min_raters, other_raters):
    """How many peers a rated employee should have before the search stops widening: the round's
    minimum of peers (``min_peers``, for the peers to be shown as a group), or more when the other
    raters (``other_raters``: atasan and bawahan) and the peers would stay below ``min_raters`` (the
    minimum a result rests on); never above ``max_peers``."""
    return max(0, min(max_peers, max(min_peers, min_raters - other_raters)))


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
    """({penilai id: [assessed ids]}, {step field: {(group, kind, level): [ids]}}), without tugas belajar."""
    assessed_by, colleagues = {}, {fname: {} for fname, _reason in PEER_STEPS}
    for person in people.values():
        if person.on_tb:
            continue
        if person.penilai_id:
            assessed_by.setdefault(person.penilai_id, []).append(person.id)
        for fname, groups in colleagues.items():
            key = peer_key(person, fname)
            if key:
                groups.setdefault(key, []).append(person.id)
    return assessed_by, colleagues


def peer_key(person, fname):
    """The group of ``person`` at the step naming ``fname``: (group, kind, level), None outside any."""
    group = getattr(person, fname)
    return (group, person.position_kind or None, person.level or None) if group else None


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


def _plan_peers(people, rated, colleagues, used, load, peers, wanted, round_id, fname):
    """Peer pairs of one step, group by group in a fixed order, the load spread evenly, until each rated
    employee has ``wanted`` peers (``used``, ``load`` and ``peers``, {ratee: peers so far}, updated)."""
    groups = {}
    for ratee_id in rated:
        key = peer_key(people[ratee_id], fname)
        if key and peers.get(ratee_id, 0) < wanted[ratee_id]:
            groups.setdefault(key, []).append(ratee_id)
    pairs = []
    for key in sorted(groups, key=lambda key: (key[0], key[1] or "", key[2] or "")):
        members = sorted(colleagues.get(key, ()), key=lambda member: tie_break(round_id, member))
        position = {member: place for place, member in enumerate(members)}
        for ratee_id in sorted(groups[key], key=lambda member: tie_break(round_id, member)):
            candidates = [member for member in members if member not in used[ratee_id]]
            for peer in pick_peers(candidates, load, wanted[ratee_id] - peers.get(ratee_id, 0), ratee_id, position):
                pairs.append((ratee_id, peer, PEER))
                used[ratee_id].add(peer)
                load[peer] = load.get(peer, 0) + 1
                peers[ratee_id] = peers.get(ratee_id, 0) + 1
    return pairs


def has_gap(rated, atasan_gap, counts):
    """True when a role is missing for an employee: not rated (tugas belajar), no atasan rater, or no peer
    (``counts``: {role: raters planned}). Having no bawahan is normal for staff; too few peers or bawahan
    to be shown on their own is noted on the result, not counted as a gap."""
    return bool(not rated or atasan_gap or not counts.get(ATASAN, 0) or not counts.get(PEER, 0))
