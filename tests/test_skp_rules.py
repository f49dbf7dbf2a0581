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



def test_review_deadline_counts_from_the_later_of_the_realisasi_day_and_the_report():
    due = datetime.date(2026, 2, 3)
    assert skp.review_deadline(due) == datetime.date(2026, 2, 10)  # default 7 days (assumed, no rule)
    assert skp.review_deadline(due, datetime.date(2026, 1, 31), 7) == datetime.date(2026, 2, 10)
    assert skp.review_deadline(due, datetime.date(2026, 2, 9), 7) == datetime.date(2026, 2, 16)
    assert skp.review_deadline(due, None, 0) == due
    assert skp.review_deadline(None, datetime.date(2026, 2, 9)) is None

def test_months_and_realisasi_window():
    assert skp.months_of(datetime.date(2026, 6, 15), datetime.date(2026, 12, 31)) == list(range(6, 13))
    start, end = datetime.date(2026, 6, 15), datetime.date(2026, 12, 31)
    skp.check_realisasi_month(2026, 6, start, end, datetime.date(2026, 6, 20))
    with pytest.raises(skp.SkpRuleError, match="future_month"):
        skp.check_realisasi_month(2026, 7, start, end, datetime.date(2026, 6, 20))
    with pytest.raises(skp.SkpRuleError, match="outside_period"):
        skp.check_realisasi_month(2026, 5, start, end, datetime.date(2026, 6, 20))


def test_report_window():
    """Seed 002 / Pasal 16(3): a month's realisasi is reported from its last day (issue 12: December's on
    2 December), or from the SKP's last day when a mutation ends it earlier in that month."""
    assert skp.report_opens(2026, 12) == datetime.date(2026, 12, 31)
    assert skp.report_opens(2026, 2) == datetime.date(2026, 2, 28)
    assert skp.report_opens(2026, 6, datetime.date(2026, 6, 14)) == datetime.date(2026, 6, 14)
    assert skp.report_opens(2026, 6, datetime.date(2026, 12, 31)) == datetime.date(2026, 6, 30)
    with pytest.raises(skp.SkpRuleError, match="report_not_open"):
        skp.check_report_window(2026, 12, datetime.date(2026, 12, 31), datetime.date(2026, 12, 2))
    skp.check_report_window(2026, 12, datetime.date(2026, 12, 31), datetime.date(2026, 12, 31))
    skp.check_report_window(2026, 11, datetime.date(2026, 12, 31), datetime.date(2026, 12, 2))


def test_reminder_due():
    deadline = datetime.date(2026, 3, 3)
    assert skp.reminder_due(deadline, datetime.date(2026, 2, 28), 3)
    assert skp.reminder_due(deadline, datetime.date(2026, 3, 3), 3)
    assert not skp.reminder_due(deadline, datetime.date(2026, 2, 27), 3)
    assert not skp.reminder_due(deadline, datetime.date(2026, 3, 4), 3)
    assert not skp.reminder_due(deadline, datetime.date(2026, 3, 3), 0)


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


# ----------------------------------------------------------------------------------------------
# Bad input (issue 9, finding 10): what a person or an RPC caller may type is refused with a key
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, key", [
    ("9" * 400, "too_large"),                      # a 400-digit number: float() would give inf
    ("1" + "0" * 12, "too_large"),                 # 10^12 > MAX_AMOUNT
    ("1.000.000.000.000", "too_large"),            # the same in Indonesian notation
    ("NaN", "not_a_number"), ("nan", "not_a_number"), ("Infinity", "not_a_number"),
    ("-inf", "not_a_number"), ("inf", "not_a_number"), ("1e308", "not_a_number"), ("1e-400", "not_a_number"),
    ("0x10", "not_a_number"), ("１２", "not_a_number"), ("12\x00", "not_a_number"), (["12"], "not_a_number"),
    (float("nan"), "not_a_number"), (float("inf"), "not_a_number"), (float("-inf"), "not_a_number"),
    (1e308, "too_large"), (-1e308, "too_large"), (True, "not_a_number"),
    ("0,001", "not_positive"),                      # rounds to the stored 0,00
    (1e-300, "not_positive"),
])
def test_parse_target_refuses_absurd_values(value, key):
    with pytest.raises(skp.SkpRuleError) as error:
        skp.parse_target(value)
    assert error.value.args[0] == key


@pytest.mark.parametrize("value", ["999.999.999.999", "999999999999,99", skp.MAX_AMOUNT, 1])
def test_parse_target_accepts_up_to_the_maximum(value):
    assert 0 < skp.parse_target(value) <= skp.MAX_AMOUNT


def test_format_amount_reads_back():
    assert skp.format_amount(skp.MAX_AMOUNT) == "999.999.999.999,99"
    assert skp.format_amount(12.5) == "12,50"
    assert skp.parse_target(skp.format_amount(skp.MAX_AMOUNT)) == skp.MAX_AMOUNT


def test_parse_target_rounds_to_the_stored_decimals():
    assert skp.parse_target("12,345") == 12.35
    assert skp.parse_target("-0", allow_zero=True) == 0.0
    assert str(skp.parse_target("-0,001", allow_zero=True)) == "0.0"


@pytest.mark.parametrize("value, key", [
    (float("nan"), "not_a_number"), (float("inf"), "not_a_number"), (1e308, "too_large"), (-1e12, "too_large"),
])
def test_check_amount(value, key):
    with pytest.raises(skp.SkpRuleError) as error:
        skp.check_amount(value)
    assert error.value.args[0] == key
    skp.check_amount(0.0)
    skp.check_amount(-1.0)   # the sign is the model's rule
    skp.check_amount(skp.MAX_AMOUNT)


@pytest.mark.parametrize("year", [0, -1, 99999, 1999, 2101, None, "2026", True])
def test_year_out_of_range(year):
    with pytest.raises(skp.SkpRuleError) as error:
        skp.check_year(year)
    assert error.value.args == ("year_out_of_range", year, skp.MIN_YEAR, skp.MAX_YEAR)
    with pytest.raises(skp.SkpRuleError):
        skp.year_bounds(year)


def test_year_in_range():
    for year in (skp.MIN_YEAR, 2026, skp.MAX_YEAR):
        skp.check_year(year)
        assert skp.year_bounds(year) == (datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def test_check_text():
    skp.check_text("", 3)
    skp.check_text(None, 3)
    skp.check_text("abc", 3)
    with pytest.raises(skp.SkpRuleError) as error:
        skp.check_text("x" * (1024 * 1024), skp.NOTE_MAX)   # a 1 MB paste
    assert error.value.args == ("too_long", 1024 * 1024, skp.NOTE_MAX)
    assert skp.LINE_MAX < skp.STATEMENT_MAX < skp.NOTE_MAX


@pytest.mark.parametrize("name", ["notulen.pdf", "FOTO.JPG", "foto.jpeg", "a.png", "b.docx", "c.doc", "d.xlsx",
                                  "e.xls", "f.odt", "g.ods", " laporan.PDF "])
def test_bukti_accepted(name):
    skp.check_bukti(name, skp.BUKTI_MAX_BYTES)


@pytest.mark.parametrize("name, size, key", [
    ("virus.exe", 10, "bukti_type"), ("page.html", 10, "bukti_type"), ("script.svg", 10, "bukti_type"),
    ("noextension", 10, "bukti_type"), ("", 10, "bukti_type"), (None, 10, "bukti_type"),
    ("laporan.pdf.exe", 10, "bukti_type"), ("besar.pdf", skp.BUKTI_MAX_BYTES + 1, "bukti_size"),
])
def test_bukti_refused(name, size, key):
    with pytest.raises(skp.SkpRuleError) as error:
        skp.check_bukti(name, size)
    assert error.value.args[0] == key


def test_format_quantity_reads_as_written():
    assert skp.format_quantity(12.0) == "12"
    assert skp.format_quantity(12.5) == "12,5"
    assert skp.format_quantity(1250) == "1.250"
    assert skp.format_quantity(0.333) == "0,33"
    assert skp.format_quantity(0) == "0"


def test_running_capaian_against_the_yearly_target():
    assert skp.running_capaian(12, [1, 2, 2]) == (5, 41.67)
    assert skp.running_capaian(12, []) == (0, 0.0)
    assert skp.running_capaian(10, [6, 6]) == (12, 120.0)  # may exceed the target
    assert skp.running_capaian(0, [3]) == (3, None)  # no numeric target: no percentage
