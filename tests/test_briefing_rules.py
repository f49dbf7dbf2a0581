"""Briefing attendance (hr_asn_performance/rules/briefing.py; seed 002 "Pengisian Briefing")."""
from hr_asn_performance_rules import briefing


def test_away_with_a_reason_counts_present():
    assert all(briefing.is_present(status) for status in ("present", "leave", "sick", "duty"))
    assert not briefing.is_present("absent")


def test_leave_type_names():
    assert briefing.leave_status("Sick Time Off") == "sick"
    assert briefing.leave_status("Cuti Sakit") == "sick"
    assert briefing.leave_status("Dinas Luar") == "duty"
    assert briefing.leave_status("Cuti Tahunan") == "leave"
    assert briefing.leave_status(None) == "leave"


def test_attendance_rate():
    assert briefing.attendance_rate(5, 6) == 83.3
    assert briefing.attendance_rate(0, 0) is None
