"""Capaian kinerja organisasi: scored criteria, weights per kind of Perangkat Daerah, score bands.

Sources:
- Perwal Bekasi 38/2023 Pasal 24(1)a and 25(1)a: the periodic and the annual evaluation start from the
  capaian kinerja organisasi, which Pasal 24(3) / 25(2) leave to the rules on organisation performance.
- The five levels, best first: Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang
  (../shared/reference/national_rules.md §1; Lampiran I prints "ISTIMEWA/BAIK/BUTUH PERBAIKAN/KURANG/
  SANGAT KURANG").
- Criteria and weights: Kota Semarang, "Kriteria Penilaian Kinerja Organisasi Periodik" and "Bobot
  Penilaian Kinerja Organisasi Periodik" (seed 002). The seed prints Rencana Aksi Triwulanan 30% for an OPD
  with a revenue target and 40% for one without, and Penyerapan Anggaran Belanja 40% (printed once, read as
  both kinds). Every other weight and every score band below is an ASSUMED default, marked as such in the
  data the addon loads, and editable by BKPSDM.
"""
from decimal import ROUND_HALF_UP, Decimal

# The levels of capaian kinerja organisasi, best first (national_rules.md §1).
CAPAIAN = (
    ("istimewa", "Istimewa"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang"),
    ("sangat_kurang", "Sangat Kurang"),
)
CAPAIAN_CODES = tuple(code for code, _label in CAPAIAN)

# Weight profiles: Semarang weighs an OPD with a revenue target (target pendapatan) differently (seed 002).
WITH_REVENUE, WITHOUT_REVENUE = "with_revenue", "without_revenue"
PROFILES = (WITH_REVENUE, WITHOUT_REVENUE)

SCORE_MIN, SCORE_MAX = 0.0, 100.0
DIGITS = 2  # scores are kept and compared at two decimals, rounded half up
TOTAL = 100.0  # the weights of a profile sum to 100 (percent)

# (code, name, revenue_only, source) — seed 002 names the five criteria; the revenue criterion applies
# only to an OPD that has a revenue target ("bagi OPD yang memiliki target pendapatan").
DEFAULT_CRITERIA = (
    ("rencana_aksi", "Rencana Aksi Triwulanan", False, "Semarang seed 002"),
    ("iku", "Pencapaian Indikator Kinerja Utama (IKU)", False, "Semarang seed 002"),
    ("penyerapan_anggaran", "Penyerapan Anggaran Belanja", False, "Semarang seed 002"),
    ("target_pendapatan", "Realisasi Target Pendapatan", True, "Semarang seed 002"),
    ("p3dn", "Program Peningkatan Penggunaan Produk Dalam Negeri (P3DN)", False, "Semarang seed 002"),
)
REVENUE_CRITERIA = frozenset(code for code, _name, revenue_only, _source in DEFAULT_CRITERIA if revenue_only)

# {profile: {criterion: weight in percent}}. Seed 002 gives rencana_aksi (30 / 40) and penyerapan_anggaran
# (40); the rest are ASSUMED so that each profile sums to 100 (see DEFAULT_WEIGHT_ASSUMED).
DEFAULT_WEIGHTS = {
    WITH_REVENUE: {"rencana_aksi": 30.0, "iku": 10.0, "penyerapan_anggaran": 40.0, "target_pendapatan": 10.0,
                   "p3dn": 10.0},
    WITHOUT_REVENUE: {"rencana_aksi": 40.0, "iku": 10.0, "penyerapan_anggaran": 40.0, "p3dn": 10.0},
}
# The criteria whose default weights the seed does not print: assumed, to be confirmed by the Pemda.
DEFAULT_WEIGHT_ASSUMED = frozenset({"iku", "target_pendapatan", "p3dn"})

# (capaian, minimum score) best first — ALL ASSUMED defaults (no source prints score bands): a score of at
# least the minimum, and below the band above, takes that capaian.
DEFAULT_BANDS = (
    ("istimewa", 90.0),
    ("baik", 76.0),
    ("butuh_perbaikan", 61.0),
    ("kurang", 51.0),
    ("sangat_kurang", 0.0),
)

# Periods of a capaian (Pasal 24: periodic, by month or quarter; Pasal 25: annual, period 0).
PERIOD_KINDS = ("month", "quarter", "year")
PERIOD_RANGE = {"month": (1, 12), "quarter": (1, 4), "year": (0, 0)}
YEAR_MIN, YEAR_MAX = 2000, 2100


def round_score(value):
    """``value`` at two decimals, half up (89.995 -> 90.0), as a float."""
    return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def valid_score(value):
    """True for a number from 0 to 100 (a criterion's score is a percentage of its target); bool is not."""
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and SCORE_MIN <= value <= SCORE_MAX)


def profile_of(has_revenue_target):
    """The weight profile of an OPD: with or without a revenue target (seed 002)."""
    return WITH_REVENUE if has_revenue_target else WITHOUT_REVENUE


def criteria_for(profile, criteria=DEFAULT_CRITERIA):
    """Codes of the criteria that apply to ``profile``: the revenue criterion only with a revenue target."""
    return tuple(code for code, _name, revenue_only, _source in criteria
                 if profile == WITH_REVENUE or not revenue_only)


def validate_weights(weights):
    """Problems of ``weights`` ({profile: {criterion: weight}}) as {profile: total}: a profile is wrong
    when a weight lies outside 0..100 or its weights do not sum to 100 (seed 002 gives percentages of
    one whole). An empty dict means every profile is valid."""
    problems = {}
    for profile, table in weights.items():
        values = list(table.values())
        total = round_score(sum(values)) if values else 0.0
        if total != TOTAL or any(not valid_score(value) for value in values):
            problems[profile] = total
    return problems


def weighted_score(scores, weights):
    """The organisation's score: sum of score x weight / 100 over the criteria, at two decimals.

    ``scores``: {criterion: 0..100}; ``weights``: {criterion: weight} of one profile, summing to 100.
    Every weighted criterion needs a score and every score a weight (ValueError otherwise): a criterion
    left out would silently count as zero.
    """
    problems = validate_weights({"weights": weights})
    if problems:
        raise ValueError("The weights sum to %s, not 100." % problems["weights"])
    if set(scores) != set(weights):
        raise ValueError("Scores and weights name different criteria: %s."
                         % ", ".join(sorted(set(scores) ^ set(weights))))
    for criterion, score in scores.items():
        if not valid_score(score):
            raise ValueError("The score of %s must lie between 0 and 100, not %r." % (criterion, score))
    return round_score(sum(scores[code] * weights[code] for code in weights) / TOTAL)


def validate_bands(bands):
    """Problems of a band table ((capaian, minimum), ...) as a list of strings; empty means valid.

    Each capaian at most once, minimums from 0 to 100, a better capaian needs a higher minimum, and the
    lowest minimum is 0 so that every score has a capaian."""
    problems = []
    codes = [code for code, _minimum in bands]
    if not bands:
        return ["no bands"]
    if len(set(codes)) != len(codes):
        problems.append("a capaian appears twice")
    if any(code not in CAPAIAN_CODES for code in codes):
        problems.append("unknown capaian")
        return problems
    if any(not valid_score(minimum) for _code, minimum in bands):
        problems.append("a minimum lies outside 0..100")
        return problems
    ordered = sorted(bands, key=lambda band: CAPAIAN_CODES.index(band[0]))
    minimums = [minimum for _code, minimum in ordered]
    if any(better <= worse for better, worse in zip(minimums[:-1], minimums[1:], strict=True)):
        problems.append("a better capaian needs a higher minimum")
    if min(minimums) != SCORE_MIN:
        problems.append("the lowest band must start at 0")
    return problems


def capaian_for_score(score, bands=DEFAULT_BANDS):
    """The capaian of ``score`` (rounded to two decimals): the best band whose minimum it reaches.

    ``None`` when there is no score or no band reaches it (a table without a band from 0)."""
    if score is None:
        return None
    score = round_score(score)
    for code, minimum in sorted(bands, key=lambda band: -band[1]):
        if score >= round_score(minimum):
            return code
    return None


def validate_period(year, kind, period):
    """A message for a bad period, or None: year 2000..2100, month 1..12, quarter 1..4, year 0."""
    if not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        return "year"
    if kind not in PERIOD_RANGE:
        return "kind"
    low, high = PERIOD_RANGE[kind]
    if not isinstance(period, int) or not low <= period <= high:
        return "period"
    return None


def fallback_periods(kind, period):
    """The periods whose capaian serves an evaluation of (kind, period), most specific first.

    A month takes the capaian set for it, else the enclosing quarter's (Semarang evaluates organisations
    per triwulan, seed 002), else the year's; a quarter its own, else the year's; a year its own."""
    if kind == "month":
        return (("month", period), ("quarter", (period - 1) // 3 + 1), ("year", 0))
    if kind == "quarter":
        return (("quarter", period), ("year", 0))
    return (("year", 0),)
