"""Aktivitas harian and dialog kinerja (Perwal Bekasi 38/2023 Pasal 16: the execution of the plan is
documented; the mind map of PermenPANRB 6/2022, seed 003: documentation "harian ... tahunan"; Kota
Semarang runs its own application for Aktivitas Harian and Dialog Kinerja beside BKN's e-Kinerja, seed
002). Plain Python: no odoo import."""
from .skp import SkpRuleError

# A day has 24 hours: what one employee logs for one day never exceeds them (issue 14).
DAY_HOURS = 24.0

ACTIVITY_STATES = (
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("commented", "Commented"),
)
# the employee changes, deletes and (re)submits these; accepted and submitted ones wait or stay
ACTIVITY_EDITABLE_STATES = ("draft", "commented")

# Dialog kinerja: planning (Pasal 6(2): penetapan dan klarifikasi Ekspektasi), monitoring (Pasal 17, 20:
# pemantauan and its tindak lanjut) and coaching (Pasal 21: bimbingan and konseling kinerja).
DIALOG_KINDS = (
    ("planning", "Planning (Pasal 6(2))"),
    ("monitoring", "Monitoring (Pasal 17, 20)"),
    ("coaching", "Coaching (Pasal 21)"),
)


def check_duration(hours):
    """An activity lasts more than nothing and at most a day (keys ``duration_positive``,
    ``duration_day``)."""
    if not hours or hours <= 0:
        raise SkpRuleError("duration_positive", hours)
    if hours > DAY_HOURS:
        raise SkpRuleError("duration_day", hours)


def check_activity_date(day, today, date_from, date_to):
    """An activity is logged for a day that has come, within the SKP's period (keys ``future``,
    ``outside_period``)."""
    if day > today:
        raise SkpRuleError("future", day)
    if not date_from <= day <= date_to:
        raise SkpRuleError("outside_period", day)


def over_day(totals):
    """The (key, day, hours) of ``totals`` ({(key, day): hours}) above DAY_HOURS, by day."""
    return sorted((key, day, hours) for (key, day), hours in totals.items() if hours > DAY_HOURS + 1e-6)

