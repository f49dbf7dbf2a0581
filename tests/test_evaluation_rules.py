"""Evaluation rules (hr_asn_evaluation/rules/evaluation.py): kuadran, pola distribusi, ranking, angka kredit,
TPP, roll-up, capaian %, periods, keberatan window, checks of edited tables."""
import datetime
import itertools
from decimal import ROUND_HALF_UP, Decimal

import pytest

from hr_asn_evaluation_rules import evaluation as ev

SB, B, BP, K, SK = "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"


# --- kuadran (national_rules.md §2) ---

@pytest.mark.parametrize("hasil, perilaku, expected", [
    ("diatas", "dibawah", K), ("diatas", "sesuai", B), ("diatas", "diatas", SB),
    ("sesuai", "dibawah", K), ("sesuai", "sesuai", B), ("sesuai", "diatas", B),
    ("dibawah", "dibawah", SK), ("dibawah", "sesuai", BP), ("dibawah", "diatas", BP),
])
def test_kuadran(hasil, perilaku, expected):
    assert ev.predikat(hasil, perilaku) == expected


@pytest.mark.parametrize("hasil, perilaku", [("istimewa", "sesuai"), ("sesuai", None), (3, 2)])
def test_kuadran_unknown(hasil, perilaku):
    with pytest.raises(ValueError):
        ev.predikat(hasil, perilaku)


def test_kuadran_edited_table_is_used():
    table = tuple((h, p, SB if (h, p) == ("sesuai", "diatas") else c) for h, p, c in ev.DEFAULT_KUADRAN)
    assert ev.predikat("sesuai", "diatas", table) == SB
    assert ev.predikat("sesuai", "diatas") == B


def test_scales_best_first():
    assert ev.PREDIKAT_CODES == (SB, B, BP, K, SK)  # Kurang below Butuh Perbaikan (§1)
    assert [ev.RATING_BKN[c] for c in ev.RATING_CODES] == [3, 2, 1]
    assert ev.CAPAIAN_CODES == ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")


# --- pola distribusi (national_rules.md §3) ---

@pytest.mark.parametrize("n, percent, count", [
    (3, 70, 2), (10, 70, 7), (5, 70, 4), (1, 70, 1), (2, 70, 1), (5, 10, 1), (4, 10, 0), (15, 10, 2),
    (5, 60, 3), (1, 60, 1), (7, 0, 0), (10, 100, 10),
])
def test_share_count_half_up(n, percent, count):
    assert ev.share_count(n, percent) == count


def _all_distributions(n):
    """Independent of ev.distributions: every 5-tuple of counts summing to n."""
    for combo in itertools.product(range(n + 1), repeat=5):
        if sum(combo) == n:
            yield dict(zip(ev.PREDIKAT_CODES, combo, strict=True))


@pytest.mark.parametrize("capaian", ev.CAPAIAN_CODES)
@pytest.mark.parametrize("n", range(1, 8))
def test_every_small_team_can_comply(capaian, n):
    complying = [c for c in _all_distributions(n) if not ev.curve_violations(capaian, c)]
    assert complying, f"no team of {n} complies under {capaian}"
    # and the table does not let everything pass: some distribution breaks it
    assert any(ev.curve_violations(capaian, c) for c in _all_distributions(n))


def test_distributions_enumerates_all():
    for n in range(0, 8):
        ours = sorted(tuple(d.values()) for d in ev.distributions(n))
        assert ours == sorted(tuple(d.values()) for d in _all_distributions(n))


def codes(violations):
    return {v.code for v in violations}


def test_baik_team_of_three():
    assert ev.curve_violations("baik", {B: 2, BP: 1}) == []
    assert ev.curve_violations("baik", {B: 2, K: 1}) == []
    violations = ev.curve_violations("baik", {B: 3})
    assert "butuh_perbaikan_kurang_min" in codes(violations)
    row = next(v for v in violations if v.code == "butuh_perbaikan_kurang_min")
    assert (row.predikats, row.op, row.limit_count, row.actual_count) == ((BP, K), "min", 1, 0)
    assert ("baik_max", (B,), "max", 2, 3) in violations  # 70% of 3 = 2.1 -> 2


def test_baik_team_of_one_needs_no_butuh_perbaikan():
    assert ev.curve_violations("baik", {B: 1}) == []
    assert codes(ev.curve_violations("baik", {B: 1, BP: 1})) == set()


def test_istimewa_team_of_ten():
    violations = ev.curve_violations("istimewa", {SB: 8, B: 2})
    assert violations == [("sangat_baik_max", (SB,), "max", 7, 8)]
    assert ev.curve_violations("istimewa", {SB: 7, B: 3}) == []


def test_istimewa_sangat_baik_must_be_largest():
    violations = ev.curve_violations("istimewa", {SB: 1, B: 2, BP: 1})
    assert violations == [("sangat_baik_largest", (SB,), "largest", 2, 1)]
    assert ev.curve_violations("istimewa", {SB: 2, B: 2}) == []  # a tie is still the largest


def test_lower_capaian():
    assert ev.curve_violations("butuh_perbaikan", {SB: 1, BP: 3, B: 1}) == []
    assert codes(ev.curve_violations("butuh_perbaikan", {SB: 2, BP: 3})) == {"sangat_baik_max"}
    assert codes(ev.curve_violations("butuh_perbaikan", {B: 3, BP: 2})) == {"butuh_perbaikan_min"}
    assert ev.curve_violations("kurang", {BP: 1, K: 3, B: 1}) == []
    assert codes(ev.curve_violations("kurang", {K: 5})) == {"butuh_perbaikan_min"}  # 10% of 5 -> 1
    assert ev.curve_violations("sangat_kurang", {SK: 3, K: 1, B: 1}) == []
    assert codes(ev.curve_violations("sangat_kurang", {SK: 4, SB: 1})) == {"sangat_baik_none",
                                                                           "butuh_perbaikan_kurang_min"}


def test_curve_empty_team_and_bad_input():
    assert ev.curve_violations("istimewa", {}) == []
    with pytest.raises(ValueError):
        ev.curve_violations("luar_biasa", {B: 1})
    with pytest.raises(ValueError):
        ev.curve_violations("baik", {"misconduct": 1})
    with pytest.raises(ValueError):
        ev.curve_violations("baik", {B: -1})
    with pytest.raises(ValueError):
        ev.curve_violations("baik", {B: 1.5})


def test_curve_limits():
    assert ev.curve_limits("baik", 1) == [
        {"code": "baik_largest", "predikats": (B,), "op": "largest", "percent": None, "count": None},
        {"code": "baik_max", "predikats": (B,), "op": "max", "percent": 70, "count": 1},
    ]
    limits = {row["code"]: row["count"] for row in ev.curve_limits("baik", 10)}
    assert limits == {"baik_largest": None, "baik_max": 7, "butuh_perbaikan_kurang_min": 1}
    limits = {row["code"]: row["count"] for row in ev.curve_limits("kurang", 20)}
    assert limits == {"sangat_baik_max": 2, "butuh_perbaikan_min": 2, "kurang_min": 12}
    with pytest.raises(ValueError):
        ev.curve_limits("baik", -1)


def test_curve_shares_and_peak():
    shares = ev.curve_shares("kurang")
    assert shares == {SB: (None, 10), B: (None, None), BP: (10, None), K: (60, None), SK: (None, None)}
    assert ev.curve_shares("istimewa")[SB] == (None, 70)
    assert ev.curve_shares("sangat_kurang")[SB] == (None, 0)
    assert ev.curve_shares("sangat_kurang")[SK] == (60, None)
    assert ev.curve_peak("istimewa") == (SB,)
    assert ev.curve_peak("baik") == (B,)
    assert ev.curve_peak("kurang") == ()


# --- ranking (Perwal Pasal 31) ---

def test_rank_competition():
    items = [("a", 3), ("b", 1), ("c", 1), ("d", 2), ("e", 5), ("f", 5)]
    assert ev.rank(items) == {"b": 1, "c": 1, "d": 3, "a": 4, "e": 5, "f": 5}
    assert ev.rank([]) == {}
    assert ev.rank([("x", 9), ("y", 4)], key=lambda value: -value) == {"x": 1, "y": 2}


def test_rank_key_tie_rule():
    items = [
        ("baik_sesuai", ev.rank_key(B, "sesuai", "sesuai", 90, 4.1)),
        ("sangat_baik", ev.rank_key(SB, "diatas", "diatas", None, None)),
        ("baik_diatas", ev.rank_key(B, "diatas", "sesuai", 80, 3.0)),
        ("baik_sesuai_more", ev.rank_key(B, "sesuai", "sesuai", 95, 3.0)),
        ("baik_sesuai_twin", ev.rank_key(B, "sesuai", "sesuai", 90.001, 4.104)),  # equal at 2 decimals
        ("baik_no_pct", ev.rank_key(B, "sesuai", "sesuai", None, 5.0)),
        ("kurang", ev.rank_key(K, "diatas", "dibawah", 120, 5.0)),
        ("none", ev.rank_key(None)),
    ]
    assert ev.rank(items) == {
        "sangat_baik": 1, "baik_diatas": 2, "baik_sesuai_more": 3, "baik_sesuai": 4, "baik_sesuai_twin": 4,
        "baik_no_pct": 6, "kurang": 7, "none": 8,
    }


def test_rank_key_360_breaks_last_tie_and_unknown_refused():
    assert ev.rank_key(B, "sesuai", "sesuai", 90, 4.5) < ev.rank_key(B, "sesuai", "sesuai", 90, 4.4)
    assert ev.rank_key(B, "sesuai", "sesuai", 90, 0.0) < ev.rank_key(B, "sesuai", "sesuai", 90, None)
    with pytest.raises(ValueError):
        ev.rank_key("misconduct")
    with pytest.raises(ValueError):
        ev.rank_key(B, "istimewa")


# --- angka kredit (national_rules.md §4) ---

PERCENT = {SB: "150", B: "100", BP: "75", K: "50", SK: "25"}
COEFFICIENT = {"ahli_pertama": "12.5", "ahli_muda": "25", "ahli_madya": "37.5", "ahli_utama": "50",
               "pemula": "3.75", "terampil": "5", "mahir": "12.5", "penyelia": "25"}


@pytest.mark.parametrize("months", [12, 1, 3])
@pytest.mark.parametrize("jenjang", list(COEFFICIENT))
@pytest.mark.parametrize("code", list(PERCENT))
def test_angka_kredit_every_cell(months, jenjang, code):
    expected = (Decimal(months) * Decimal(PERCENT[code]) * Decimal(COEFFICIENT[jenjang]) / Decimal(1200)
                ).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    assert ev.angka_kredit(months, code, jenjang) == float(expected)


@pytest.mark.parametrize("months, code, jenjang, expected", [
    (1, B, "ahli_muda", 2.083),
    (12, SB, "ahli_utama", 75.0),
    (12, SK, "pemula", 0.938),      # 0.9375 half up
    (3, K, "pemula", 0.469),        # 0.46875 half up (round() on the float gives 0.468)
    (3, BP, "ahli_pertama", 2.344),  # 2.34375
    (12, B, "penyelia", 25.0),
])
def test_angka_kredit_values(months, code, jenjang, expected):
    assert ev.angka_kredit(months, code, jenjang) == expected


def test_angka_kredit_tables_and_errors():
    assert ev.angka_kredit(12, B, "ahli_muda", ((B, 80),) + ev.DEFAULT_ANGKA_KREDIT_PERCENT) == 20.0
    assert ev.angka_kredit(12, B, "ahli_muda", coefficients=(("ahli_muda", 30),)) == 30.0
    for months in (0, 13, -1, None, True):
        with pytest.raises(ValueError):
            ev.angka_kredit(months, B, "ahli_muda")
    with pytest.raises(ValueError):
        ev.angka_kredit(12, B, "ahli_super")
    with pytest.raises(ValueError):
        ev.angka_kredit(12, "misconduct", "ahli_muda")


# --- TPP (Pasal 33, §7) ---

def test_tpp_percent():
    assert [ev.tpp_percent(c) for c in ev.PREDIKAT_CODES] == [100.0, 100.0, 80.0, 60.0, 40.0]
    assert "ILLUSTRATIVE" in open(ev.__file__, encoding="utf-8").read()
    assert ev.tpp_percent(SB, ((SB, 110.5),)) == 110.5
    with pytest.raises(ValueError):
        ev.tpp_percent(B, ((SB, 100),))
    with pytest.raises(ValueError):
        ev.tpp_percent("misconduct")


# --- roll-up (§6) ---

def test_rollup_policies():
    results = [(3, SB), (3, BP), (3, B), (3, B)]
    assert ev.rollup(results) == B
    assert ev.rollup([(3, B), (3, SB)], "last") == SB
    assert ev.rollup(results, "worst") == BP
    assert ev.rollup([(1, SK), (11, SB)], "worst") == SK
    assert ev.rollup(results, "weighted") == B
    assert ev.rollup([(7, SB), (5, B)], "weighted") == SB
    assert ev.rollup([(6, SB), (6, B)], "weighted") == B          # tie: the later one
    assert ev.rollup([(3, B), (6, SB), (3, B)], "weighted") == B  # tie: B's latest result is later
    assert {code for code, _label in ev.ROLLUP_POLICIES} == {"last", "worst", "weighted"}


def test_rollup_refuses():
    with pytest.raises(ValueError):
        ev.rollup([])
    with pytest.raises(ValueError):
        ev.rollup([(3, B)], "best")
    with pytest.raises(ValueError):
        ev.rollup([(0, B)])
    with pytest.raises(ValueError):
        ev.rollup([(3, "misconduct")])


# --- capaian % ---

@pytest.mark.parametrize("target, realisasi, expected", [
    (100, 50, 50.0), (3, 1, 33.33), (3, 2, 66.67), (10, 15, 150.0), (8, 0, 0.0), (200, 1, 0.5),
    (None, 5, None), (0, 5, None), (-2, 5, None), (5, None, None), (0.3, 0.1, 33.33),
])
def test_capaian_pct(target, realisasi, expected):
    assert ev.capaian_pct(target, realisasi) == expected


# --- periods ---

D = datetime.date


@pytest.mark.parametrize("year, kind, number, bounds", [
    (2026, "month", 1, (D(2026, 1, 1), D(2026, 1, 31))),
    (2028, "month", 2, (D(2028, 2, 1), D(2028, 2, 29))),
    (2026, "month", 12, (D(2026, 12, 1), D(2026, 12, 31))),
    (2026, "quarter", 1, (D(2026, 1, 1), D(2026, 3, 31))),
    (2026, "quarter", 2, (D(2026, 4, 1), D(2026, 6, 30))),
    (2026, "quarter", 4, (D(2026, 10, 1), D(2026, 12, 31))),
    (2026, "year", 0, (D(2026, 1, 1), D(2026, 12, 31))),
])
def test_period_bounds(year, kind, number, bounds):
    assert ev.period_bounds(year, kind, number) == bounds


@pytest.mark.parametrize("kind, number, label", [
    ("month", 1, "JANUARI 2026"), ("month", 5, "MEI 2026"), ("month", 12, "DESEMBER 2026"),
    ("quarter", 1, "TRIWULAN I 2026"), ("quarter", 3, "TRIWULAN III 2026"), ("quarter", 4, "TRIWULAN IV-AKHIR 2026"),
    ("year", 0, "TAHUN 2026"),
])
def test_period_label(kind, number, label):
    assert ev.period_label(kind, number, 2026) == label


@pytest.mark.parametrize("year, kind, number", [
    (2026, "month", 0), (2026, "month", 13), (2026, "quarter", 5), (2026, "year", 1), (2026, "week", 1),
    ("2026", "month", 1), (2026, "month", True), (0, "month", 1), (2026, "month", 1.0),
])
def test_period_refuses(year, kind, number):
    with pytest.raises(ValueError):
        ev.period_bounds(year, kind, number)
    with pytest.raises(ValueError):
        ev.period_label(kind, number, year)


def test_period_kinds():
    assert [ev.months_in(k) for k in ev.PERIOD_KIND_CODES] == [1, 3, 12]
    assert ev.periods_of_year("month") == list(range(1, 13))
    assert ev.periods_of_year("quarter") == [1, 2, 3, 4]
    assert ev.periods_of_year("year") == [0]
    with pytest.raises(ValueError):
        ev.months_in("semester")
    with pytest.raises(ValueError):
        ev.periods_of_year(None)


@pytest.mark.parametrize("day, kind, number", [
    (D(2026, 1, 1), "month", 1), (D(2026, 12, 31), "month", 12), (D(2026, 3, 31), "quarter", 1),
    (D(2026, 4, 1), "quarter", 2), (D(2026, 12, 31), "quarter", 4), (D(2026, 7, 9), "year", 0),
    (datetime.datetime(2026, 9, 30, 23, 59), "quarter", 3),
])
def test_period_of(day, kind, number):
    assert ev.period_of(day, kind) == number
    bounds = ev.period_bounds(day.year, kind, number)
    assert bounds[0] <= D(day.year, day.month, day.day) <= bounds[1]


def test_period_of_refuses():
    with pytest.raises(ValueError):
        ev.period_of("2026-01-01", "month")
    with pytest.raises(ValueError):
        ev.period_of(D(2026, 1, 1), "week")


# --- keberatan window (§5) ---

def test_objection_window():
    set_date = D(2026, 4, 6)
    assert ev.objection_deadline(set_date) == D(2026, 4, 20)
    assert ev.check_objection_window(set_date, D(2026, 4, 6))
    assert ev.check_objection_window(set_date, D(2026, 4, 20))
    assert not ev.check_objection_window(set_date, D(2026, 4, 21))
    assert ev.check_objection_window(datetime.datetime(2026, 4, 6, 15), datetime.datetime(2026, 4, 20, 23, 59))
    assert not ev.check_objection_window(set_date, D(2026, 4, 10), days=3)
    assert ev.check_objection_window(set_date, D(2026, 4, 9), days=3)
    for bad in (None, "2026-04-06"):
        with pytest.raises(ValueError):
            ev.check_objection_window(bad, set_date)
    with pytest.raises(ValueError):
        ev.check_objection_window(set_date, set_date, days=-1)


# --- checks of edited tables ---

def test_default_tables_are_valid():
    assert ev.validate_table_kuadran(ev.DEFAULT_KUADRAN) == []
    assert ev.validate_table_curve(ev.DEFAULT_CURVE) == []
    assert ev.validate_table_tpp(ev.DEMO_TPP_PERCENT) == []
    assert ev.validate_table_angka_kredit(ev.DEFAULT_ANGKA_KREDIT_PERCENT, ev.DEFAULT_ANGKA_KREDIT_COEFFICIENT) == []


def test_validate_kuadran():
    table = list(ev.DEFAULT_KUADRAN[:-1]) + [("sesuai", "sesuai", "misconduct"), ("bagus", "sesuai", B), (1, 2)]
    problems = ev.validate_table_kuadran(table)
    assert ("missing", None, ("dibawah", "diatas")) in problems
    assert ("unknown_predikat", 9, "misconduct") in problems
    assert ("duplicate", 9, ("sesuai", "sesuai")) in problems
    assert ("unknown_rating", 10, "bagus") in problems
    assert ("bad_row", 11, (1, 2)) in problems
    assert {p[0] for p in problems} <= set(ev.PROBLEMS)


def test_validate_curve_rows():
    table = ev.DEFAULT_CURVE + (
        ("luar_biasa", "x", (SB,), "max", 10, 1),
        ("baik", "baik_max", (B,), "max", 50, 1),
        ("baik", "y", (), "min", 10, 1),
        ("baik", "z", ("misconduct",), "most", 120, 0),
        ("baik", "w", (SB,), "max", None, 1),
        ("baik",),
    )
    problems = ev.validate_table_curve(table)
    n = len(ev.DEFAULT_CURVE)
    assert ("unknown_capaian", n + 1, "luar_biasa") in problems
    assert ("duplicate", n + 2, "baik_max") in problems
    assert ("bad_row", n + 3, ()) in problems
    assert ("unknown_predikat", n + 4, "misconduct") in problems
    assert ("bad_op", n + 4, "most") in problems
    assert ("bad_percent", n + 4, 120) in problems
    assert ("bad_min_team", n + 4, 0) in problems
    assert ("bad_percent", n + 5, None) in problems
    assert ("bad_row", n + 6, ("baik",)) in problems


def test_validate_curve_infeasible_for_small_teams():
    # "at least one Butuh Perbaikan or Kurang" from a team of one: that one cannot also be the Baik peak
    table = tuple(row if row[1] != "butuh_perbaikan_kurang_min" else row[:5] + (1,) for row in ev.DEFAULT_CURVE)
    assert ev.validate_table_curve(table) == [("infeasible", "baik", 1)]
    # rounding that would not let small teams comply: at least 60% Kurang and 50% Butuh Perbaikan
    table = ev.DEFAULT_CURVE + (("kurang", "more_bp", (BP,), "min", 50, 1),)
    assert ("infeasible", "kurang", 1) in ev.validate_table_curve(table)


def test_validate_percent_tables():
    problems = ev.validate_table_tpp(((SB, 120), (B, 100), (B, 90), (BP, -1), ("misconduct", 50), (K, "60")))
    assert ("bad_percent", 1, 120) in problems
    assert ("duplicate", 3, B) in problems
    assert ("bad_percent", 4, -1) in problems
    assert ("unknown_predikat", 5, "misconduct") in problems
    assert ("bad_percent", 6, "60") in problems
    assert ("missing", None, SK) in problems
    problems = ev.validate_table_angka_kredit(
        ev.DEFAULT_ANGKA_KREDIT_PERCENT, (("ahli_muda", 0), ("ahli_muda", 25), ("ahli_super", 3)))
    assert ("bad_coefficient", "ahli_muda", 0) in problems
    assert ("duplicate", 2, "ahli_muda") in problems
    assert ("unknown_jenjang", 3, "ahli_super") in problems
    assert ("missing", None, "penyelia") in problems
    assert not any(p[0] == "bad_percent" for p in problems)  # 150% is fine for angka kredit
