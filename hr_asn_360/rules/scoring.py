"""Scoring of a 360° round: role means, weights, anonymity merge, rank and the suggested rating.

Sources:
- Seven BerAKHLAK core values, each answered with 1 to 5 stars (1 = least fitting, 5 = most fitting):
  Kota Semarang, "Penilaian Perilaku 360" (seed 000).
- Three levels of rating perilaku kerja, Diatas / Sesuai / Dibawah Ekspektasi: Kota Semarang (seed 002),
  national_rules.md §1. No rule maps 360° stars to a level: the thresholds are per round, with defaults.
- No national weights exist for atasan / rekan / bawahan ratings (national_rules.md §6): weights are per
  round; by default every role present for the employee weighs the same.
"""
from collections import namedtuple

# Roles of a rater towards the rated employee (Semarang seed 000: "dinilai oleh Atasan, Rekan Sejawat,
# dan Bawahan").
ATASAN, PEER, SUBORDINATE = "atasan", "peer", "subordinate"
ROLES = (ATASAN, PEER, SUBORDINATE)
# Peers and subordinates are anonymous; the atasan (the Pejabat Penilai Kinerja) is one known person.
ANONYMOUS_ROLES = (PEER, SUBORDINATE)
OTHERS = "others"  # anonymous roles below the threshold, merged
ALL = "all"  # every answer of the groups shown

# The seven core values (BerAKHLAK, seed 000), in the order the questionnaire asks them.
VALUE_CODES = (
    "berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif",
)
STARS_MIN, STARS_MAX = 1, 5  # seed 000: "1 adalah yang paling tidak sesuai, 5 adalah yang paling sesuai"

# Levels of rating perilaku kerja (seed 002, national_rules.md §1), best first.
DIATAS, SESUAI, DIBAWAH = "diatas", "sesuai", "dibawah"
# Configurable defaults, not law: on the 1-5 scale, 4.2 and above is Diatas, 3.0 and above Sesuai.
DEFAULT_THRESHOLD_DIATAS = 4.2
DEFAULT_THRESHOLD_SESUAI = 3.0
DEFAULT_MIN_RATERS = 3
# A result resting on fewer raters (who answered and count in it) than this gets no suggested rating and
# no rank (issue 12: 78 of 227 results rested on one rater). Semarang's notes (seeds 000, 002) set no
# number: a round setting, by default the atasan and two more.
DEFAULT_MIN_RATERS_RESULT = 3
DIGITS = 2  # means and scores are kept, compared and ranked at two decimals

Line = namedtuple("Line", "value_code role mean count")
# ``too_few``: fewer raters than the round's minimum: no rating, no rank (the score stays, marked).
Outcome = namedtuple("Outcome", "lines by_value score rating rater_count merged too_few", defaults=(False,))


def valid_stars(stars):
    """True for a whole number of stars from 1 to 5 (seed 000); bool is not a number here."""
    return isinstance(stars, int) and not isinstance(stars, bool) and STARS_MIN <= stars <= STARS_MAX


def valid_thresholds(threshold_diatas, threshold_sesuai):
    """Both on the 1-5 scale, Sesuai not above Diatas."""
    return STARS_MIN <= threshold_sesuai <= threshold_diatas <= STARS_MAX


def effective_weights(weights, present):
    """Weights of the roles ``present`` for one employee, summing to 1 (national_rules.md §6).

    ``weights``: {role: weight >= 0} as configured on the round. All zero means "equal": every role
    present weighs the same. Otherwise the configured weights are relative and renormalised over the
    roles present (an employee without bawahan is scored on atasan and rekan alone); if every role
    present has weight zero, they weigh the same.
    """
    present = [role for role in ROLES if role in present]
    if not present:
        return {}
    return _group_weights(weights, {role: (role,) for role in ROLES}, present)


def rating_for(score, threshold_diatas=DEFAULT_THRESHOLD_DIATAS, threshold_sesuai=DEFAULT_THRESHOLD_SESUAI):
    """Suggested rating perilaku kerja for a score on the 1-5 scale (seed 002 levels), None without score.

    The score is compared at two decimals, as it is shown: 4.195 shows as 4.20 and is Diatas at 4.2.
    """
    if score is None:
        return None
    score = round(score, DIGITS)
    if score >= threshold_diatas:
        return DIATAS
    if score >= threshold_sesuai:
        return SESUAI
    return DIBAWAH


def split_roles(rater_counts, min_raters=DEFAULT_MIN_RATERS):
    """Which roles a result may show on their own (anonymity rule of the round).

    ``rater_counts``: {role: raters of that role who answered}. Returns (shown, merged, others_shown):
    the atasan is one known person and is always shown; peers and subordinates are shown only when at
    least ``min_raters`` of them answered, otherwise merged into "others"; "others" itself is shown only
    when the merged raters reach ``min_raters`` (else one peer would be shown alone), and their answers
    then count only in the overall mean and score.
    """
    shown, merged = [], []
    for role in ROLES:
        count = rater_counts.get(role, 0)
        if not count:
            continue
        if role == ATASAN or count >= min_raters:
            shown.append(role)
        else:
            merged.append(role)
    others_shown = bool(merged) and sum(rater_counts[role] for role in merged) >= min_raters
    return shown, merged, others_shown


def _mean(total, count):
    return round(total / count, DIGITS) if count else None


def shown_groups(rater_counts, min_raters=DEFAULT_MIN_RATERS):
    """The groups a result prints, {group: roles pooled in it}, in print order.

    Only these groups count anywhere in the result ("all raters", the score, the number of raters): an
    answer of a group too small to be shown must not be derivable by subtracting the shown groups from
    a total (issue 9, finding 3). Hidden answers are therefore left out, not folded into the totals.
    """
    shown, merged, others_shown = split_roles(rater_counts, min_raters)
    groups = {role: (role,) for role in shown}
    if others_shown:
        groups[OTHERS] = tuple(merged)
    return groups


def _group_weights(weights, groups, present):
    """Weights of the ``present`` groups summing to 1: a group weighs the sum of its roles' weights,
    renormalised as :func:`effective_weights` does (national_rules.md §6: no national weights)."""
    configured = {group: sum(max(float(weights.get(role) or 0.0), 0.0) for role in groups[group])
                  for group in present}
    total = sum(configured.values())
    if total > 0:
        return {group: configured[group] / total for group in present}
    return {group: 1.0 / len(present) for group in present}


def _pooled(answers, roles, code):
    return (sum(answers.get((role, code), (0, 0))[0] for role in roles),
            sum(answers.get((role, code), (0, 0))[1] for role in roles))


def too_few_raters(rater_count, min_raters_result=DEFAULT_MIN_RATERS_RESULT):
    """True when a result rests on fewer raters than the round's minimum: it is shown with a warning,
    without suggested rating and rank."""
    return rater_count < min_raters_result


def score_employee(answers, rater_counts, value_codes=VALUE_CODES, weights=None, min_raters=DEFAULT_MIN_RATERS,
                   threshold_diatas=DEFAULT_THRESHOLD_DIATAS, threshold_sesuai=DEFAULT_THRESHOLD_SESUAI,
                   min_raters_result=0):
    """The result of one rated employee, over the groups it shows (:func:`shown_groups`) only.

    ``answers``: {(role, value_code): (sum of stars, number of answers)} over submitted ratings;
    ``rater_counts``: {role: raters who submitted}. Returns an Outcome:

    - ``lines``: Line(value_code, group, mean, count) for each value and shown group (atasan, peer,
      subordinate, "others"), and "all" (every answer of the shown groups);
    - ``by_value``: {value_code: weighted mean of the shown groups' means};
    - ``score``: mean of ``by_value`` (every value weighs the same), ``rating`` its level;
    - ``rater_count``: raters of the shown groups; ``merged``: roles folded into "others" (or hidden);
    - ``too_few``: ``rater_count`` below ``min_raters_result``: then ``rating`` is None.
    """
    weights = weights or {}
    groups = shown_groups(rater_counts, min_raters)
    merged = split_roles(rater_counts, min_raters)[1]
    lines, by_value = [], {}
    for code in value_codes:
        group_means = {}
        for group, roles in groups.items():
            total, count = _pooled(answers, roles, code)
            if count:
                lines.append(Line(code, group, _mean(total, count), count))
                group_means[group] = total / count
        total, count = _pooled(answers, [role for roles in groups.values() for role in roles], code)
        if count:
            lines.append(Line(code, ALL, _mean(total, count), count))
        if group_means:
            group_weights = _group_weights(weights, groups, list(group_means))
            by_value[code] = sum(group_weights[group] * mean for group, mean in group_means.items())
    score = sum(by_value.values()) / len(by_value) if by_value else None
    rater_count = sum(rater_counts.get(role, 0) for roles in groups.values() for role in roles)
    too_few = score is not None and too_few_raters(rater_count, min_raters_result)
    return Outcome(
        lines=lines,
        by_value={code: round(mean, DIGITS) for code, mean in by_value.items()},
        score=round(score, DIGITS) if score is not None else None,
        rating=None if too_few else rating_for(score, threshold_diatas, threshold_sesuai),
        rater_count=rater_count,
        merged=merged,
        too_few=too_few,
    )


def rank_in_units(scores):
    """Standard competition ranking (1, 2, 2, 4) by score, highest first, inside each unit.

    ``scores``: {key: (unit, score)}; keys without a score get no rank. Returns {key: rank}.
    """
    by_unit = {}
    for key, (unit, score) in scores.items():
        if score is not None:
            by_unit.setdefault(unit, []).append((round(score, DIGITS), key))
    ranks = {}
    for members in by_unit.values():
        members.sort(key=lambda member: -member[0])
        previous, rank = None, 0
        for position, (score, key) in enumerate(members, start=1):
            if score != previous:
                rank, previous = position, score
            ranks[key] = rank
    return ranks
