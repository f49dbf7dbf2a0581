"""Briefing attendance (Kota Semarang's monitoring notes, ../shared/seeds/002_cd5802e3eb0dfd0c.txt,
"Pengisian Briefing": "ASN yang tidak hadir pada briefing dikarenakan cuti/sakit/dinas tidak diinput hadir,
seharusnya tetap diinput hadir namun diberi keterangan").

Whoever misses a briefing on leave (cuti), sick (sakit) or on official travel (dinas) counts as present,
with the reason as a note; only an absence without one of these reasons counts as absent.
"""

# (code, label): the statuses of one person at one briefing
STATUSES = (
    ("present", "Present"),
    ("leave", "Present: on leave (cuti)"),
    ("sick", "Present: sick (sakit)"),
    ("duty", "Present: official travel (dinas)"),
    ("absent", "Absent"),
)
# the statuses that seed 002 records as present with a note
NOTED_STATUSES = ("leave", "sick", "duty")
PRESENT_STATUSES = ("present", *NOTED_STATUSES)

# words in a Time Off type's name that tell sickness or official travel from other leave (Odoo's own types
# are "Sick Time Off", "Paid Time Off", ...; a Pemda names its own: "Cuti Sakit", "Dinas Luar", ...)
_SICK_WORDS = ("sick", "sakit")
_DUTY_WORDS = ("dinas", "travel", "perjalanan", "business trip")


def is_present(status):
    """Whether ``status`` counts as present in the recap (seed 002)."""
    return status in PRESENT_STATUSES


def leave_status(leave_type_name):
    """The attendance status of somebody on an approved leave of the type named ``leave_type_name``."""
    name = (leave_type_name or "").lower()
    if any(word in name for word in _SICK_WORDS):
        return "sick"
    if any(word in name for word in _DUTY_WORDS):
        return "duty"
    return "leave"


def attendance_rate(present, held):
    """Percent of the briefings held that a person attended (noted absences included); None when none was
    held."""
    if not held:
        return None
    return round(100.0 * present / held, 1)
