"""Rules of the capaian kinerja organisasi (hr_asn_evaluation/rules/capaian.py): Semarang's criteria and
weights (seed 002), the assumed score bands, the fallback of a month to its quarter and year."""
import pytest

from hr_asn_evaluation_rules import capaian as rules

WITH, WITHOUT = rules.WITH_REVENUE, rules.WITHOUT_REVENUE


# -- defaults ----------------------------------------------------------------------------------
def test_default_weights_sum_to_100_per_profile():
    assert rules.validate_weights(rules.DEFAULT_WEIGHTS) == {}
    assert sum(rules.DEFAULT_WEIGHTS[WITH].values()) == 100
    assert sum(rules.DEFAULT_WEIGHTS[WITHOUT].values()) == 100


def test_seed_weights_are_the_seeds_and_the_rest_assumed():
    # seed 002: Rencana Aksi 30% with a revenue target, 40% without; Penyerapan Anggaran 40%
    assert rules.DEFAULT_WEIGHTS[WITH]["rencana_aksi"] == 30
    assert rules.DEFAULT_WEIGHTS[WITHOUT]["rencana_aksi"] == 40
    assert rules.DEFAULT_WEIGHTS[WITH]["penyerapan_anggaran"] == 40
    assert rules.DEFAULT_WEIGHTS[WITHOUT]["penyerapan_anggaran"] == 40
    assert rules.DEFAULT_WEIGHT_ASSUMED == {"iku", "target_pendapatan", "p3dn"}


def test_revenue_criterion_only_with_a_revenue_target():
    assert "target_pendapatan" in rules.criteria_for(WITH)
    assert "target_pendapatan" not in rules.criteria_for(WITHOUT)
    assert set(rules.criteria_for(WITHOUT)) == set(rules.DEFAULT_WEIGHTS[WITHOUT])
    assert set(rules.criteria_for(WITH)) == set(rules.DEFAULT_WEIGHTS[WITH])
    assert rules.profile_of(True) == WITH and rules.profile_of(False) == WITHOUT


def test_default_bands_are_valid_and_best_first():
    assert rules.validate_bands(rules.DEFAULT_BANDS) == []
    assert [code for code, _minimum in rules.DEFAULT_BANDS] == list(rules.CAPAIAN_CODES)


# -- weighted score ----------------------------------------------------------------------------
def test_weighted_score_with_revenue_target():
    scores = {"rencana_aksi": 80, "iku": 90, "penyerapan_anggaran": 70, "target_pendapatan": 100, "p3dn": 50}
    # 80*.3 + 90*.1 + 70*.4 + 100*.1 + 50*.1 = 24 + 9 + 28 + 10 + 5
    assert rules.weighted_score(scores, rules.DEFAULT_WEIGHTS[WITH]) == 76.0


def test_weighted_score_without_revenue_target():
    scores = {"rencana_aksi": 80, "iku": 90, "penyerapan_anggaran": 70, "p3dn": 50}
    # 80*.4 + 90*.1 + 70*.4 + 50*.1 = 32 + 9 + 28 + 5
    assert rules.weighted_score(scores, rules.DEFAULT_WEIGHTS[WITHOUT]) == 74.0


def test_weighted_score_rounds_half_up_at_two_decimals():
    weights = {"a": 33.0, "b": 67.0}
    assert rules.weighted_score({"a": 0.015, "b": 0.015}, weights) == 0.02
    assert rules.weighted_score({"a": 100, "b": 100}, weights) == 100.0


@pytest.mark.parametrize("scores", [
    {"rencana_aksi": 101, "iku": 0, "penyerapan_anggaran": 0, "p3dn": 0},
    {"rencana_aksi": -1, "iku": 0, "penyerapan_anggaran": 0, "p3dn": 0},
    {"rencana_aksi": True, "iku": 0, "penyerapan_anggaran": 0, "p3dn": 0},
    {"rencana_aksi": "80", "iku": 0, "penyerapan_anggaran": 0, "p3dn": 0},
])
def test_scores_outside_0_100_are_refused(scores):
    with pytest.raises(ValueError):
        rules.weighted_score(scores, rules.DEFAULT_WEIGHTS[WITHOUT])


def test_a_missing_or_extra_criterion_is_refused():
    weights = rules.DEFAULT_WEIGHTS[WITHOUT]
    with pytest.raises(ValueError, match="p3dn"):
        rules.weighted_score({"rencana_aksi": 80, "iku": 90, "penyerapan_anggaran": 70}, weights)
    with pytest.raises(ValueError, match="target_pendapatan"):
        rules.weighted_score(dict.fromkeys(list(weights) + ["target_pendapatan"], 50), weights)


def test_weights_not_summing_to_100_are_refused():
    assert rules.validate_weights({WITH: {"a": 50, "b": 40}}) == {WITH: 90.0}
    assert rules.validate_weights({WITH: {"a": 150, "b": -50}}) == {WITH: 100.0}
    assert rules.validate_weights({WITH: {}}) == {WITH: 0.0}
    assert rules.validate_weights({WITH: {"a": 33.33, "b": 33.33, "c": 33.34}}) == {}
    with pytest.raises(ValueError, match="90"):
        rules.weighted_score({"a": 50, "b": 50}, {"a": 50, "b": 40})


# -- bands -------------------------------------------------------------------------------------
@pytest.mark.parametrize("score, capaian", [
    (100, "istimewa"), (90, "istimewa"), (89.995, "istimewa"), (89.99, "baik"), (76, "baik"),
    (75.99, "butuh_perbaikan"), (61, "butuh_perbaikan"), (60.99, "kurang"), (51, "kurang"),
    (50.99, "sangat_kurang"), (0, "sangat_kurang"), (None, None),
])
def test_default_bands_at_their_edges(score, capaian):
    assert rules.capaian_for_score(score) == capaian


def test_bands_are_data():
    bands = (("istimewa", 95.0), ("baik", 80.0), ("sangat_kurang", 0.0))
    assert rules.capaian_for_score(94.99, bands) == "baik"
    assert rules.capaian_for_score(79, bands) == "sangat_kurang"
    assert rules.capaian_for_score(50, (("baik", 60.0),)) is None


@pytest.mark.parametrize("bands", [
    (),
    (("istimewa", 90.0), ("istimewa", 80.0), ("sangat_kurang", 0.0)),
    (("istimewa", 70.0), ("baik", 80.0), ("sangat_kurang", 0.0)),
    (("istimewa", 90.0), ("baik", 80.0)),
    (("istimewa", 120.0), ("sangat_kurang", 0.0)),
    (("luar_biasa", 90.0), ("sangat_kurang", 0.0)),
])
def test_bad_band_tables_are_reported(bands):
    assert rules.validate_bands(bands)


# -- periods -----------------------------------------------------------------------------------
@pytest.mark.parametrize("year, kind, period, problem", [
    (2026, "month", 1, None), (2026, "month", 12, None), (2026, "quarter", 4, None), (2026, "year", 0, None),
    (2000, "year", 0, None), (2100, "month", 6, None),
    (1999, "year", 0, "year"), (2101, "year", 0, "year"), (2026, "month", 0, "period"),
    (2026, "month", 13, "period"), (2026, "quarter", 5, "period"), (2026, "year", 1, "period"),
    (2026, "week", 1, "kind"),
])
def test_periods(year, kind, period, problem):
    assert rules.validate_period(year, kind, period) == problem


def test_a_month_falls_back_to_its_quarter_then_the_year():
    assert rules.fallback_periods("month", 1) == (("month", 1), ("quarter", 1), ("year", 0))
    assert rules.fallback_periods("month", 6) == (("month", 6), ("quarter", 2), ("year", 0))
    assert rules.fallback_periods("month", 12) == (("month", 12), ("quarter", 4), ("year", 0))
    assert rules.fallback_periods("quarter", 3) == (("quarter", 3), ("year", 0))
    assert rules.fallback_periods("year", 0) == (("year", 0),)
