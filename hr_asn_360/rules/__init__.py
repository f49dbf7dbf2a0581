"""The 360° rating's rules in plain Python: nothing in this package imports odoo.

Each function cites its source: Kota Semarang's e-Perilaku 360 (seed 000: seven BerAKHLAK values,
1-5 stars; seed 002: the three behaviour levels), ../shared/reference/national_rules.md §1 and §6.
"""
from . import scoring
from . import sampling
