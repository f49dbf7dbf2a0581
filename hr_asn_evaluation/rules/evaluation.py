"""Evaluation rules: kuadran, pola distribusi, ranking, angka kredit, TPP, roll-up, periods, keberatan.

Sources:
- Perwal Bekasi 38/2023 Pasal 23-25 (periodic and annual evaluation: capaian organisasi, pola distribusi,
  predikat), Pasal 30 (keberatan), Pasal 31 (pemeringkatan), Pasal 33 (TPP); Lampiran I (the printed
  evaluation documents, "PERIODE: TRIWULAN I/II/III/IV-AKHIR").
- ../shared/reference/national_rules.md §1 (scales), §2 (kuadran), §3 (pola distribusi), §4 (angka kredit),
  §5 (keberatan window), §6 (annual roll-up), §7 (TPP).

Every table is a tuple of plain rows; the functions take the table as an argument, so the Odoo side can
load the defaults into records BKPSDM edits and pass the edited rows back. Nothing here imports odoo.
Bad input raises ``ValueError``; table checks (``validate_table_*``) return problems as data, never text,
so the Odoo side words (and translates) them.
"""
import calendar
import datetime
import itertools
import math
from collections import namedtuple
from decimal import Decimal
from fractions import Fraction

# --- Scales (national_rules.md §1) -------------------------------------------------------------------

# Rating hasil kerja / rating perilaku kerja, best first, with BKN's e-Kinerja codes (3, 2, 1).
RATINGS = (("diatas", "Diatas Ekspektasi"), ("sesuai", "Sesuai Ekspektasi"), ("dibawah", "Dibawah Ekspektasi"))
RATING_CODES = tuple(code for code, _label in RATINGS)
RATING_BKN = {"diatas": 3, "sesuai": 2, "dibawah": 1}

# Predikat kinerja pegawai, best first (Kurang sits below Butuh Perbaikan: §1 warns of the opposite).
PREDIKATS = (
    ("sangat_baik", "Sangat Baik"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang/Misconduct"),
    ("sangat_kurang", "Sangat Kurang"),
)
PREDIKAT_CODES = tuple(code for code, _label in PREDIKATS)

# Capaian kinerja organisasi, best first.
CAPAIAN = (
    ("istimewa", "Istimewa"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang"),
    ("sangat_kurang", "Sangat Kurang"),
)
CAPAIAN_CODES = tuple(code for code, _label in CAPAIAN)

PERIOD_KINDS = (("month", "Month"), ("quarter", "Quarter"), ("year", "Year"))
PERIOD_KIND_CODES = tuple(code for code, _label in PERIOD_KINDS)

# Jenjang jabatan fungsional (national_rules.md §4), keahlian then keterampilan.
JENJANG = (
    ("ahli_pertama", "Ahli Pertama"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_utama", "Ahli Utama"),
    ("pemula", "Pemula"),
    ("terampil", "Terampil"),
    ("mahir", "Mahir"),
    ("penyelia", "Penyelia"),
)


def _index(code, codes, what):
    try:
        return codes.index(code)
    except ValueError:
        raise ValueError(f"unknown {what}: {code!r}") from None


def predikat_index(predikat):
    """0 for Sangat Baik ... 4 for Sangat Kurang (national_rules.md §1, best first)."""
    return _index(predikat, PREDIKAT_CODES, "predikat")


# --- Kuadran kinerja (national_rules.md §2) ------------------------------------------------------------

DEFAULT_KUADRAN = (
    # (rating hasil kerja, rating perilaku kerja, predikat) -- national_rules.md §2, verbatim
    ("diatas", "dibawah", "kurang"),
    ("diatas", "sesuai", "baik"),
    ("diatas", "diatas", "sangat_baik"),
    ("sesuai", "dibawah", "kurang"),
    ("sesuai", "sesuai", "baik"),
    ("sesuai", "diatas", "baik"),
    ("dibawah", "dibawah", "sangat_kurang"),
    ("dibawah", "sesuai", "butuh_perbaikan"),
    ("dibawah", "diatas", "butuh_perbaikan"),
)


def predikat(hasil, perilaku, table=DEFAULT_KUADRAN):
    """The predikat of a rating hasil kerja and a rating perilaku kerja by the kuadran kinerja
    (Perwal Pasal 24(1)c, 25(1)c; national_rules.md §2). ``ValueError`` for a rating not in the table."""
    for row_hasil, row_perilaku, row_predikat in table:
        if row_hasil == hasil and row_perilaku == perilaku:
            return row_predikat
    raise ValueError(f"no kuadran cell for hasil {hasil!r}, perilaku {perilaku!r}")


# --- Pola distribusi (national_rules.md §3) ------------------------------------------------------------

CurveRow = namedtuple("CurveRow", "capaian code predikats op percent min_team")
Violation = namedtuple("Violation", "code predikats op limit_count actual_count")

CURVE_OPS = ("largest", "max", "min")
SMALL_TEAM_MAX = 7  # every team of 1..7 employees must be able to comply (checked by validate_table_curve)

DEFAULT_CURVE = (
    # (capaian, code, predikats, op, percent, min_team) -- national_rules.md §3
    CurveRow("istimewa", "sangat_baik_largest", ("sangat_baik",), "largest", None, 1),
    CurveRow("istimewa", "sangat_baik_max", ("sangat_baik",), "max", 70, 1),
    CurveRow("baik", "baik_largest", ("baik",), "largest", None, 1),
    CurveRow("baik", "baik_max", ("baik",), "max", 70, 1),
    CurveRow("baik", "butuh_perbaikan_kurang_min", ("butuh_perbaikan", "kurang"), "min", None, 2),
    CurveRow("butuh_perbaikan", "sangat_baik_max", ("sangat_baik",), "max", 10, 1),
    CurveRow("butuh_perbaikan", "butuh_perbaikan_min", ("butuh_perbaikan",), "min", 60, 1),
    CurveRow("kurang", "sangat_baik_max", ("sangat_baik",), "max", 10, 1),
    CurveRow("kurang", "butuh_perbaikan_min", ("butuh_perbaikan",), "min", 10, 1),
    CurveRow("kurang", "kurang_min", ("kurang",), "min", 60, 1),
    CurveRow("sangat_kurang", "sangat_baik_none", ("sangat_baik",), "max", 0, 1),
    CurveRow("sangat_kurang", "butuh_perbaikan_kurang_min", ("butuh_perbaikan", "kurang"), "min", 10, 1),
    CurveRow("sangat_kurang", "sangat_kurang_min", ("sangat_kurang",), "min", 60, 1),
)


def _rows(capaian, table):
    _index(capaian, CAPAIAN_CODES, "capaian")
    return [CurveRow(*row) for row in table if row[0] == capaian]


def share_count(n, percent):
    """Whole employees for ``percent`` of a team of ``n`` (national_rules.md §3: "round to whole
    employees, say how"): half up, ``floor(n * percent / 100 + 0.5)``, the same for "at most" and
    "at least". Computed exactly (no float error at the half: 5 x 10% is 0.5, hence 1).

    With the default table this lets every team of 1 to 7 comply (tested): e.g. a team of 3 under
    capaian Baik may hold 2 Baik (70% of 3 = 2.1 -> 2), a team of 10 under Istimewa at most 7 Sangat
    Baik (7.0), a team of 5 under Kurang needs 3 Kurang (3.0 -> 3) and 1 Butuh Perbaikan (0.5 -> 1)."""
    return math.floor(Fraction(n) * Fraction(str(percent)) / 100 + Fraction(1, 2))


def _limit(row, n):
    """The count limit of a max/min row for a team of ``n``: from the percent, or 1 ("at least one
    employee", national_rules.md §3, capaian Baik) when the row has no percent."""
    if row.percent is None:
        return 1
    return share_count(n, row.percent)


def _check_counts(counts):
    counts = dict(counts)
    for code, count in counts.items():
        _index(code, PREDIKAT_CODES, "predikat")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise ValueError(f"count of {code!r} must be a whole number >= 0, not {count!r}")
    return {code: counts.get(code, 0) for code in PREDIKAT_CODES}


def curve_violations(capaian, counts, table=DEFAULT_CURVE):
    """The rows of the pola distribusi for ``capaian`` (Perwal Pasal 24(1)b, 25(1)b; national_rules.md §3)
    that a team with ``counts`` ({predikat: employees}) breaks; an empty list means it complies.

    Each violation is ``Violation(code, predikats, op, limit_count, actual_count)``:
    - "largest": the group's count must be >= every other predikat's count; ``limit_count`` is the
      largest other count, ``actual_count`` the group's;
    - "max": the group's count must be <= ``limit_count``; "min": >= ``limit_count``.
    Counts come from percents by ``share_count`` (half up); a row applies only when the team has at
    least ``min_team`` employees (and at least one). ``ValueError`` for an unknown capaian or predikat.
    """
    counts = _check_counts(counts)
    n = sum(counts.values())
    violations = []
    for row in _rows(capaian, table):
        if n < max(row.min_team, 1):
            continue
        actual = sum(counts[code] for code in row.predikats)
        if row.op == "largest":
            others = [count for code, count in counts.items() if code not in row.predikats]
            limit = max(others, default=0)
            broken = actual < limit
        elif row.op == "max":
            limit = _limit(row, n)
            broken = actual > limit
        elif row.op == "min":
            limit = _limit(row, n)
            broken = actual < limit
        else:
            raise ValueError(f"unknown curve operator {row.op!r}")
        if broken:
            violations.append(Violation(row.code, tuple(row.predikats), row.op, limit, actual))
    return violations


def curve_limits(capaian, n, table=DEFAULT_CURVE):
    """The rows of the pola distribusi for ``capaian`` that apply to a team of ``n`` (national_rules.md §3),
    as dicts ``{code, predikats, op, percent, count}``: ``count`` is the whole-employee limit of a
    max/min row (``share_count``, half up), None for a "largest" row. For the chart and the team form."""
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"team size must be a whole number >= 0, not {n!r}")
    limits = []
    for row in _rows(capaian, table):
        if n < max(row.min_team, 1):
            continue
        count = None if row.op == "largest" else _limit(row, n)
        limits.append({
            "code": row.code, "predikats": tuple(row.predikats), "op": row.op, "percent": row.percent,
            "count": count,
        })
    return limits


def curve_shares(capaian, table=DEFAULT_CURVE):
    """{predikat: (min_pct, max_pct)} of the pola distribusi for ``capaian`` (national_rules.md §3), for
    drawing the reference curve: the percents of the rows on that one predikat, None where the table
    sets no bound. Rows on a group of predikats ("Butuh Perbaikan and/or Kurang together") and rows
    without a percent bound no single predikat and are left out (``curve_limits`` has them); the
    predikat of a "largest" row is given by ``curve_peak``."""
    shares = {code: [None, None] for code in PREDIKAT_CODES}
    for row in _rows(capaian, table):
        if len(row.predikats) != 1 or row.percent is None or row.op == "largest":
            continue
        bounds = shares[row.predikats[0]]
        if row.op == "min":
            bounds[0] = row.percent if bounds[0] is None else max(bounds[0], row.percent)
        else:
            bounds[1] = row.percent if bounds[1] is None else min(bounds[1], row.percent)
    return {code: tuple(bounds) for code, bounds in shares.items()}


def curve_peak(capaian, table=DEFAULT_CURVE):
    """The predikats that must be the largest group under ``capaian`` (national_rules.md §3: Sangat Baik
    under Istimewa, Baik under Baik), as a tuple; empty when the table sets none."""
    peak = ()
    for row in _rows(capaian, table):
        if row.op == "largest":
            peak += tuple(code for code in row.predikats if code not in peak)
    return peak


def distributions(n):
    """Every distribution of ``n`` employees over the five predikats, as {predikat: count} dicts."""
    for bars in itertools.combinations(range(n + len(PREDIKAT_CODES) - 1), len(PREDIKAT_CODES) - 1):
        edges = (-1,) + bars + (n + len(PREDIKAT_CODES) - 1,)
        yield {code: edges[i + 1] - edges[i] - 1 for i, code in enumerate(PREDIKAT_CODES)}


def curve_feasible(capaian, n, table=DEFAULT_CURVE):
    """True when some team of ``n`` employees complies with the pola distribusi of ``capaian``
    (national_rules.md §3: a small team must be able to comply; the table must allow it)."""
    return any(not curve_violations(capaian, counts, table) for counts in distributions(n))


# --- Pemeringkatan (Perwal Pasal 31) -------------------------------------------------------------------

RANK_DIGITS = 2  # capaian % and 360 scores are compared at two decimals (as hr_asn_360 keeps them)


def _missing_last(value, best_first_index=None):
    if value is None:
        return (1, 0)
    return (0, best_first_index if best_first_index is not None else -round(value, RANK_DIGITS))


def rank_key(predikat, hasil=None, perilaku=None, capaian_pct=None, score360=None):
    """Sort key (ascending = best first) of the ranking of Perwal Pasal 31, which ranks by the predikat
    set under Pasal 24/25. Ties within a predikat are broken, in order, by: the rating hasil kerja
    (Diatas first), the rating perilaku kerja, the kuantitatif capaian % (higher first) and the 360
    score (higher first); the two numbers compare at two decimals. A missing value (None) sorts after
    every present one at its place. ``ValueError`` for an unknown predikat or rating."""
    return (
        _missing_last(predikat, None if predikat is None else predikat_index(predikat)),
        _missing_last(hasil, None if hasil is None else _index(hasil, RATING_CODES, "rating")),
        _missing_last(perilaku, None if perilaku is None else _index(perilaku, RATING_CODES, "rating")),
        _missing_last(capaian_pct),
        _missing_last(score360),
    )


def rank(items, key=None):
    """Competition ranking ("1, 1, 3") for Perwal Pasal 31: ``items`` is a list of ``(id, value)``;
    ``key(value)`` (default: the value itself, e.g. a ``rank_key`` tuple) sorts best first. Items with
    equal keys share a rank and the next rank skips as many places. Returns ``{id: rank}``."""
    key = key or (lambda value: value)
    keyed = sorted(((key(value), item_id) for item_id, value in items), key=lambda pair: pair[0])
    ranks = {}
    previous, previous_rank = object(), 0
    for position, (item_key, item_id) in enumerate(keyed, start=1):
        if item_key != previous:
            previous, previous_rank = item_key, position
        ranks[item_id] = previous_rank
    return ranks


# --- Angka kredit (national_rules.md §4) ---------------------------------------------------------------

DEFAULT_ANGKA_KREDIT_PERCENT = (
    # (predikat, % of the annual coefficient) -- national_rules.md §4 (PermenPANRB 1/2023)
    ("sangat_baik", 150), ("baik", 100), ("butuh_perbaikan", 75), ("kurang", 50), ("sangat_kurang", 25),
)
DEFAULT_ANGKA_KREDIT_COEFFICIENT = (
    # (jenjang, annual coefficient) -- national_rules.md §4 (PermenPANRB 1/2023, Peraturan BKN 3/2023)
    ("ahli_pertama", 12.5), ("ahli_muda", 25), ("ahli_madya", 37.5), ("ahli_utama", 50),
    ("pemula", 3.75), ("terampil", 5), ("mahir", 12.5), ("penyelia", 25),
)
ANGKA_KREDIT_DIGITS = 3


def _lookup(table, code, what):
    for row_code, value in table:
        if row_code == code:
            return value
    raise ValueError(f"unknown {what}: {code!r}")


def _round_half_up(value, digits):
    """``value`` (a Fraction) rounded half up to ``digits`` decimals, as a float: exact, so 0.46875
    becomes 0.469 (``round`` on the float would give 0.468)."""
    scaled = value * 10 ** digits
    whole = math.floor(scaled + Fraction(1, 2)) if scaled >= 0 else -math.floor(-scaled + Fraction(1, 2))
    return float(Decimal(whole).scaleb(-digits))


def angka_kredit(months, predikat, jenjang, percents=DEFAULT_ANGKA_KREDIT_PERCENT,
                 coefficients=DEFAULT_ANGKA_KREDIT_COEFFICIENT):
    """Angka kredit of a Jabatan Fungsional for a period (national_rules.md §4): months / 12 x the
    percentage of ``predikat`` x the annual coefficient of ``jenjang``, rounded half up to 3 decimals
    (Ahli Muda, Baik, one month: 25 x 100% / 12 = 2.083). ``months`` from 1 to 12 (a part of a month is
    allowed, e.g. 0.5); ``ValueError`` otherwise and for an unknown predikat or jenjang."""
    if isinstance(months, bool) or not isinstance(months, int | float) or not 0 < months <= 12:
        raise ValueError(f"months must be more than 0 and at most 12, not {months!r}")
    predikat_index(predikat)
    percent = Fraction(str(_lookup(percents, predikat, "predikat")))
    coefficient = Fraction(str(_lookup(coefficients, jenjang, "jenjang")))
    return _round_half_up(Fraction(str(months)) / 12 * percent / 100 * coefficient, ANGKA_KREDIT_DIGITS)


# --- TPP (Perwal Pasal 33; national_rules.md §7) -------------------------------------------------------

DEMO_TPP_PERCENT = (
    # ILLUSTRATIVE ONLY, not law: each Pemda sets its own TPP percentages by predikat in its own
    # regulation (national_rules.md §7); Perwal Bekasi 38/2023 Pasal 33 only makes the evaluation the
    # basis of TPP payment. Demo data and tests use these figures.
    ("sangat_baik", 100), ("baik", 100), ("butuh_perbaikan", 80), ("kurang", 60), ("sangat_kurang", 40),
)


def tpp_percent(predikat, table=DEMO_TPP_PERCENT):
    """The TPP percentage paid for ``predikat`` by ``table`` (Perwal Pasal 33: the evaluation is the basis
    of TPP). The table is the Pemda's own (national_rules.md §7); ``DEMO_TPP_PERCENT`` is an illustration,
    not law. ``ValueError`` for a predikat not in the table."""
    predikat_index(predikat)
    return float(_lookup(table, predikat, "predikat"))


# --- Annual roll-up (national_rules.md §6) -------------------------------------------------------------

ROLLUP_POLICIES = (
    ("last", "Take the last periodic result"),
    ("worst", "The lowest periodic predikat"),
    ("weighted", "Weighted by months per SKP"),
)
DEFAULT_ROLLUP_POLICY = "last"


def rollup(results, policy=DEFAULT_ROLLUP_POLICY):
    """A suggested annual predikat from periodic ones (national_rules.md §6: no national rule; the
    Pejabat Penilai Kinerja decides, Perwal Pasal 25(1)c; "take the last periodic result" is the default).
    ``results``: list of ``(months, predikat)``, oldest first. Policies:
    - "last": the predikat of the last result;
    - "worst": the lowest predikat of all;
    - "weighted": the predikat held for the most months (summed); a tie goes to the predikat whose
      latest result is later.
    ``ValueError`` for no results, an unknown policy or predikat, or months not above 0."""
    results = list(results)
    if not results:
        raise ValueError("no periodic results to roll up")
    for months, code in results:
        predikat_index(code)
        if isinstance(months, bool) or not isinstance(months, int | float) or months <= 0:
            raise ValueError(f"months must be more than 0, not {months!r}")
    if policy == "last":
        return results[-1][1]
    if policy == "worst":
        return max((code for _months, code in results), key=predikat_index)
    if policy == "weighted":
        totals, latest = {}, {}
        for position, (months, code) in enumerate(results):
            totals[code] = totals.get(code, 0) + months
            latest[code] = position
        return max(totals, key=lambda code: (totals[code], latest[code]))
    raise ValueError(f"unknown roll-up policy: {policy!r}")


# --- Kuantitatif hint ----------------------------------------------------------------------------------

CAPAIAN_PCT_DIGITS = 2


def capaian_pct(target, realisasi):
    """Realisasi as a percentage of the target, a hint for the rating hasil kerja of a kuantitatif SKP
    (Perwal Pasal 23(2)a: the evaluation covers hasil kerja): realisasi / target x 100, rounded half up
    to 2 decimals, may exceed 100. None when there is no target (None or not above 0) or no realisasi."""
    if target is None or realisasi is None or target <= 0:
        return None
    return _round_half_up(Fraction(str(realisasi)) / Fraction(str(target)) * 100, CAPAIAN_PCT_DIGITS)


# --- Periods (Perwal Pasal 24(2), 25; Lampiran I) ------------------------------------------------------

MONTH_NAMES = (
    "JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI",
    "JULI", "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER",
)
QUARTER_NAMES = ("TRIWULAN I", "TRIWULAN II", "TRIWULAN III", "TRIWULAN IV-AKHIR")
_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}


def months_in(kind):
    """Months in a period of ``kind``: month 1, quarter 3, year 12 (Perwal Pasal 24(2): periodic evaluation
    is monthly; Lampiran I prints quarters; Pasal 25: the annual evaluation)."""
    try:
        return _MONTHS_IN[kind]
    except KeyError:
        raise ValueError(f"unknown period kind: {kind!r}") from None


def periods_of_year(kind):
    """The period numbers of a year: months 1-12, quarters 1-4, the year itself 0."""
    return [0] if months_in(kind) == 12 else list(range(1, 12 // months_in(kind) + 1))


def _check_period(year, kind, number):
    if isinstance(year, bool) or not isinstance(year, int) or not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise ValueError(f"not a year: {year!r}")
    if isinstance(number, bool) or not isinstance(number, int) or number not in periods_of_year(kind):
        raise ValueError(f"no {kind} number {number!r}")


def period_bounds(year, kind, number):
    """(first day, last day) of period ``number`` of ``kind`` in ``year``: a month (1-12), a quarter
    (1-4: January-March ...) or the year (0, January to December as Lampiran I prints it)."""
    _check_period(year, kind, number)
    first_month = 1 if kind == "year" else (number - 1) * months_in(kind) + 1
    last_month = first_month + months_in(kind) - 1
    return (datetime.date(year, first_month, 1),
            datetime.date(year, last_month, calendar.monthrange(year, last_month)[1]))


def period_label(kind, number, year):
    """The period as Lampiran I prints it, in upper case: "JANUARI 2026", "TRIWULAN I 2026" ...
    "TRIWULAN IV-AKHIR 2026" (the Lampiran's "PERIODE: TRIWULAN I/II/III/IV-AKHIR": the fourth quarter
    ends the year), "TAHUN 2026" for the annual evaluation."""
    _check_period(year, kind, number)
    if kind == "month":
        return f"{MONTH_NAMES[number - 1]} {year}"
    if kind == "quarter":
        return f"{QUARTER_NAMES[number - 1]} {year}"
    return f"TAHUN {year}"


def period_of(day, kind):
    """The number of the period of ``kind`` holding ``day`` (a date): its month, its quarter, 0 for a year."""
    if not isinstance(day, datetime.date):
        raise ValueError(f"not a date: {day!r}")
    if months_in(kind) == 12:
        return 0
    return (day.month - 1) // months_in(kind) + 1


# --- Keberatan (Perwal Pasal 30; national_rules.md §5) -------------------------------------------------

DEFAULT_OBJECTION_DAYS = 14


def _as_date(value, what):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise ValueError(f"{what} is not a date: {value!r}")


def objection_deadline(set_date, days=DEFAULT_OBJECTION_DAYS):
    """The last day a keberatan may be filed: ``days`` after the result was set (national_rules.md §5,
    PP 30/2019 Pasal 59: 14 days of receiving the result; Perwal Pasal 30 names the atasan of the
    Pejabat Penilai Kinerja as the one who hears it)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValueError(f"days must be a whole number >= 0, not {days!r}")
    return _as_date(set_date, "set date") + datetime.timedelta(days=days)


def check_objection_window(set_date, today, days=DEFAULT_OBJECTION_DAYS):
    """True while a keberatan may still be filed: ``today`` <= ``set_date`` + ``days`` (national_rules.md
    §5, PP 30/2019; default 14 days; Perwal Pasal 30)."""
    return _as_date(today, "today") <= objection_deadline(set_date, days)


# --- Checks of edited tables (BKPSDM edits the defaults: national_rules.md §3, §4, §7) -----------------

# Each problem is a tuple (code, *details); the Odoo side words and translates them. English wording:
PROBLEMS = {
    "bad_row": "Row %(row)s is not well formed.",
    "unknown_rating": "Unknown rating %(value)s.",
    "unknown_predikat": "Unknown predikat %(value)s.",
    "unknown_capaian": "Unknown capaian %(value)s.",
    "unknown_jenjang": "Unknown jenjang %(value)s.",
    "duplicate": "%(value)s appears more than once.",
    "missing": "%(value)s is missing.",
    "bad_op": "Row %(row)s: unknown operator %(value)s.",
    "bad_percent": "Row %(row)s: the percentage %(value)s is not between 0 and the maximum.",
    "bad_min_team": "Row %(row)s: the minimum team size %(value)s is not a whole number of at least 1.",
    "bad_coefficient": "Jenjang %(row)s: the coefficient %(value)s is not above 0.",
    "infeasible": "Under capaian %(row)s no team of %(value)s employees can comply.",
}


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def validate_table_kuadran(table):
    """Problems of an edited kuadran table (national_rules.md §2): every one of the 9 (hasil, perilaku)
    cells exactly once, each with a known predikat. Returns a list of ``(code, row, value)``; empty = fine."""
    problems, seen = [], set()
    for position, row in enumerate(table, start=1):
        if not isinstance(row, tuple | list) or len(row) != 3:
            problems.append(("bad_row", position, row))
            continue
        hasil, perilaku, code = row
        for rating in (hasil, perilaku):
            if rating not in RATING_CODES:
                problems.append(("unknown_rating", position, rating))
        if code not in PREDIKAT_CODES:
            problems.append(("unknown_predikat", position, code))
        if (hasil, perilaku) in seen:
            problems.append(("duplicate", position, (hasil, perilaku)))
        seen.add((hasil, perilaku))
    for cell in itertools.product(RATING_CODES, RATING_CODES):
        if cell not in seen:
            problems.append(("missing", None, cell))
    return problems


def validate_table_curve(table, max_team=SMALL_TEAM_MAX):
    """Problems of an edited pola distribusi table (national_rules.md §3): each row
    ``(capaian, code, predikats, op, percent, min_team)`` with a known capaian, a code unique within its
    capaian, known predikats, an operator of ``CURVE_OPS``, a percent from 0 to 100 (None allowed for
    "largest" and for "min" = at least one employee; required for "max") and a whole ``min_team`` >= 1.
    When the rows are well formed, also every team of 1..``max_team`` employees must be able to comply
    under every capaian ("infeasible" otherwise). Returns a list of ``(code, row, value)``."""
    problems, codes = [], set()
    for position, row in enumerate(table, start=1):
        if not isinstance(row, tuple | list) or len(row) != 6:
            problems.append(("bad_row", position, row))
            continue
        capaian, code, predikats, op, percent, min_team = row
        if capaian not in CAPAIAN_CODES:
            problems.append(("unknown_capaian", position, capaian))
        if not isinstance(code, str) or not code:
            problems.append(("bad_row", position, code))
        elif (capaian, code) in codes:
            problems.append(("duplicate", position, code))
        codes.add((capaian, code))
        if not isinstance(predikats, tuple | list) or not predikats or len(set(predikats)) != len(predikats):
            problems.append(("bad_row", position, predikats))
        else:
            problems.extend(("unknown_predikat", position, p) for p in predikats if p not in PREDIKAT_CODES)
        if op not in CURVE_OPS:
            problems.append(("bad_op", position, op))
        if percent is None:
            if op == "max":
                problems.append(("bad_percent", position, percent))
        elif not _is_number(percent) or not 0 <= percent <= 100:
            problems.append(("bad_percent", position, percent))
        if isinstance(min_team, bool) or not isinstance(min_team, int) or min_team < 1:
            problems.append(("bad_min_team", position, min_team))
    if not problems:
        for capaian in CAPAIAN_CODES:
            for n in range(1, max_team + 1):
                if not curve_feasible(capaian, n, table):
                    problems.append(("infeasible", capaian, n))
    return problems


def validate_table_percent(table, maximum=100):
    """Problems of an edited (predikat, percent) table -- TPP (national_rules.md §7, 0..100) or the angka
    kredit percentages (§4, ``maximum=None``: any percent >= 0, Sangat Baik earns 150%): every predikat
    exactly once, each percent a number from 0 to ``maximum``. Returns a list of ``(code, row, value)``."""
    problems, seen = [], set()
    for position, row in enumerate(table, start=1):
        if not isinstance(row, tuple | list) or len(row) != 2:
            problems.append(("bad_row", position, row))
            continue
        code, percent = row
        if code not in PREDIKAT_CODES:
            problems.append(("unknown_predikat", position, code))
        elif code in seen:
            problems.append(("duplicate", position, code))
        seen.add(code)
        if not _is_number(percent) or percent < 0 or (maximum is not None and percent > maximum):
            problems.append(("bad_percent", position, percent))
    problems.extend(("missing", None, code) for code in PREDIKAT_CODES if code not in seen)
    return problems


def validate_table_tpp(table):
    """Problems of an edited TPP table (Perwal Pasal 33; national_rules.md §7): percents 0..100."""
    return validate_table_percent(table, maximum=100)


def validate_table_angka_kredit(percents, coefficients):
    """Problems of the edited angka kredit tables (national_rules.md §4): the percentages (every predikat,
    >= 0; 150% is the default for Sangat Baik) and the coefficients (every known jenjang exactly once,
    each above 0)."""
    problems = validate_table_percent(percents, maximum=None)
    jenjang_codes = tuple(code for code, _label in JENJANG)
    seen = set()
    for position, row in enumerate(coefficients, start=1):
        if not isinstance(row, tuple | list) or len(row) != 2:
            problems.append(("bad_row", position, row))
            continue
        code, coefficient = row
        if code not in jenjang_codes:
            problems.append(("unknown_jenjang", position, code))
        elif code in seen:
            problems.append(("duplicate", position, code))
        seen.add(code)
        if not _is_number(coefficient) or coefficient <= 0:
            problems.append(("bad_coefficient", code, coefficient))
    problems.extend(("missing", None, code) for code in jenjang_codes if code not in seen)
    return problems
