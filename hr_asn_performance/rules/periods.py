"""Date windows (Plt/Plh assignments, tugas belajar): open-ended when there is no end date."""


def covers(date_from, date_to, day):
    """True when ``day`` lies in [date_from, date_to]; no start means no window, no end means open."""
    return bool(date_from) and date_from <= day and (not date_to or date_to >= day)


def domain(from_field, to_field, day, inside=True):
    """The same test as a search domain (a list of tuples, as Odoo reads it)."""
    window = ["&", (from_field, "<=", day), "|", (to_field, "=", False), (to_field, ">=", day)]
    return window if inside else ["!"] + window
