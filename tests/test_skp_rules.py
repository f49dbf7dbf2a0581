"""SKP rules (hr_asn_performance/rules/skp.py): formats of Lampiran I, targets, deadlines, follow-up."""
import datetime

import pytest

from hr_asn_performance_rules import skp


@pytest.mark.parametrize("kind, heads, tb, approach, expected", [
    ("jpt", False, False, "kualitatif", "1"),
    ("jpt", False, False, "kuantitatif", "2"),
    ("administrator", True, False, "kuantitatif", "2"),   # Camat: pimpinan unit kerja mandiri
    ("administrator", False, False, "kualitatif", "3"),
    ("pengawas", False, False, "kuantitatif", "4"),
    ("fungsional", False, False, "kuantitatif", "4"),
    ("pelaksana", False, False, "kualitatif", "3"),
    (None, False, False, "kualitatif", "3"),
    ("fungsional", False, True, "kuantitatif", "5"),       # Pasal 14: tugas belajar, kualitatif only
    ("jpt", True, True, "kualitatif", "5"),
])
def test_format(kind, heads, tb, approach, expected):
    assert skp.skp_format(kind, heads, tb, approach) == expected


def test_format_kinds():
    assert [f for f in "12345" if skp.needs_cascade(f)] == ["3", "4"]
    assert [f for f in "12345" if skp.is_leader_format(f)] == ["1", "2", "5"]
    assert set(skp.FORMATS) == {code for code, _label in skp.FORMAT_SELECTION}


def test_berakhlak_is_seven_by_three():
    assert [code for code, _name in skp.BERAKHLAK_VALUES] == [
        "berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
    assert all(len(behaviours) == 3 for _code, _name, behaviours in skp.BERAKHLAK)
    assert skp.BERAKHLAK[1][2][2] == "Tidak menyalahgunakan kewenangan jabatan"


@pytest.mark.parametrize("text, number", [
    ("12", 12.0), ("12,5", 12.5), ("12.5", 12.5), ("1.250", 1250.0), ("1.250,5", 1250.5), (" 7 ", 7.0), (3, 3.0),
])
def test_parse_target(text, number):
    assert skp.parse_target(text) == number


@pytest.mark.parametrize("text, key", [
    ("abc", "not_a_number"), ("", "not_a_number"), ("12 dokumen", "not_a_number"), ("1,2,3", "not_a_number"),
    ("-3", "not_positive"), ("0", "not_positive"), (-1, "not_positive"), (None, "not_a_number"),
])
def test_parse_target_refuses(text, key):
    with pytest.raises(skp.SkpRuleError) as error:
        skp.parse_target(text)
    assert error.value.args[0] == key


def test_realisasi_may_be_zero_never_negative():
    assert skp.parse_target("0", allow_zero=True) == 0.0
    assert skp.parse_target("0,0", allow_zero=True) == 0.0
    assert skp.parse_target("3,5", allow_zero=True) == 3.5
    with pytest.raises(skp.SkpRuleError, match="negative"):
        skp.parse_target("-1", allow_zero=True)
    with pytest.raises(skp.SkpRuleError, match="not_a_number"):
        skp.parse_target("nol", allow_zero=True)


def test_skp_deadline():
    assert skp.skp_deadline(datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 31)   # Pasal 13(1)
    assert skp.skp_deadline(datetime.date(2026, 2, 15)) == datetime.date(2026, 2, 28)


def test_month_deadlines():
    assert skp.month_deadlines(2026, 1) == (datetime.date(2026, 1, 2), datetime.date(2026, 2, 3))
    assert skp.month_deadlines(2026, 12) == (datetime.date(2026, 12, 2), datetime.date(2027, 1, 3))
    assert skp.month_deadlines(2026, 1, 5, 31) == (datetime.date(2026, 1, 5), datetime.date(2026, 2, 28))


def test_months_and_realisasi_window():
    assert skp.months_of(datetime.date(2026, 6, 15), datetime.date(2026, 12, 31)) == list(range(6, 13))
    start, end = datetime.date(2026, 6, 15), datetime.date(2026, 12, 31)
    skp.check_realisasi_month(2026, 6, start, end, datetime.date(2026, 6, 20))
    with pytest.raises(skp.SkpRuleError, match="future_month"):
        skp.check_realisasi_month(2026, 7, start, end, datetime.date(2026, 6, 20))
    with pytest.raises(skp.SkpRuleError, match="outside_period"):
        skp.check_realisasi_month(2026, 5, start, end, datetime.date(2026, 6, 20))


def test_followup_rules():
    skp.check_followup("apresiasi", True, False)
    skp.check_followup("bimbingan", False, False)
    skp.check_followup("pengambilalihan", False, True)
    for action, progress, earlier, key in (("apresiasi", False, False, "needs_progress"),
                                           ("konseling", True, False, "needs_no_progress"),
                                           ("pengambilalihan", False, False, "takeover_too_early")):
        with pytest.raises(skp.SkpRuleError, match=key):
            skp.check_followup(action, progress, earlier)


def test_feedback_source():
    # employee 1 is assessed by 2 (atasan 3); 4 is assessed by 1; 5 shares 1's assessor
    assert skp.feedback_source(2, 1, 3, 2, {2, 3}) == "pimpinan"
    assert skp.feedback_source(3, 1, 9, 2, {2, 3}) == "pimpinan"
    assert skp.feedback_source(4, 1, 1, 2, {2, 3}) == "bawahan"
    assert skp.feedback_source(5, 1, 2, 2, {2, 3}) == "rekan"
    assert skp.feedback_source(6, 1, 8, 2, {2, 3}) == "pihak_lain"
