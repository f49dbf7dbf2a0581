"""The evaluation's rules in plain Python: nothing in this package imports odoo.

Each module takes its tables as data and cites its source (Perwal Bekasi 38/2023 Pasal 23-33,
../shared/reference/national_rules.md §1-7).
"""
from . import evaluation
from . import capaian
from . import siasn_export
