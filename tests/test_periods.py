"""Date windows (hr_asn_performance/rules/periods.py)."""
import datetime

from hr_asn_performance_rules import periods

DAY = datetime.date(2026, 3, 1)


def test_open_ended_window_covers():
    assert periods.covers(datetime.date(2026, 1, 5), None, DAY)


def test_ended_window_does_not_cover():
    assert not periods.covers(datetime.date(2026, 1, 5), datetime.date(2026, 2, 28), DAY)


def test_no_start_is_no_window():
    assert not periods.covers(None, None, DAY)


def test_domain_negation():
    assert periods.domain("a", "b", DAY) == ["&", ("a", "<=", DAY), "|", ("b", "=", False), ("b", ">=", DAY)]
    assert periods.domain("a", "b", DAY, inside=False)[0] == "!"
