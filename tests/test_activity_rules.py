"""Aktivitas harian rules (hr_asn_performance/rules/activity.py): hours of an activity and of a day,
the day an activity may be logged for (issue 14; Perwal Bekasi 38/2023 Pasal 16)."""
import datetime

import pytest

from hr_asn_performance_rules import activity
from hr_asn_performance_rules.skp import SkpRuleError

D = datetime.date


@pytest.mark.parametrize("hours", [0.25, 1, 8, 24])
def test_duration_accepted(hours):
    activity.check_duration(hours)


@pytest.mark.parametrize("hours, key", [(0, "duration_positive"), (-1, "duration_positive"),
                                        (None, "duration_positive"), (24.01, "duration_day"), (25, "duration_day")])
def test_duration_refused(hours, key):
    with pytest.raises(SkpRuleError) as error:
        activity.check_duration(hours)
    assert error.value.args[0] == key


def test_activity_date():
    period = (D(2026, 1, 1), D(2026, 12, 31))
    activity.check_activity_date(D(2026, 3, 15), D(2026, 3, 15), *period)
    with pytest.raises(SkpRuleError, match="future"):
        activity.check_activity_date(D(2026, 3, 16), D(2026, 3, 15), *period)
    with pytest.raises(SkpRuleError, match="outside_period"):
        activity.check_activity_date(D(2025, 12, 31), D(2026, 3, 15), *period)


def test_over_day():
    totals = {("a", D(2026, 3, 1)): 24.0, ("a", D(2026, 3, 2)): 24.5, ("b", D(2026, 3, 1)): 30}
    assert activity.over_day(totals) == [("a", D(2026, 3, 2), 24.5), ("b", D(2026, 3, 1), 30)]
    assert activity.over_day({}) == []
