"""Regulation logic of hr_asn in plain Python: nothing in this package imports odoo.

Each module takes its tables as data and cites its source (Perwal Bekasi 38/2023, PermenPANRB 6/2022,
or ../shared/reference/national_rules.md).
"""
