"""NIP parsing (hr_asn_performance/rules/nip.py)."""
import datetime

import pytest

from hr_asn_performance_rules import nip

TODAY = datetime.date(2026, 11, 23)


def test_pns_nip_parts():
    parsed = nip.parse("198507122010011003", today=TODAY)
    assert parsed.birth_date == datetime.date(1985, 7, 12)
    assert (parsed.appointment_year, parsed.appointment_month) == (2010, 1)
    assert parsed.gender == "male"
    assert parsed.sequence == 3
    assert not parsed.is_pppk


def test_pppk_nip_form():
    parsed = nip.parse("199002142023212012", today=TODAY)
    assert parsed.is_pppk
    assert parsed.appointment_year == 2023 and parsed.appointment_month == 0
    assert parsed.gender == "female" and parsed.sequence == 12


def test_spaces_and_dots_are_ignored():
    assert nip.parse("19850712 201001 1 003", today=TODAY).number == "198507122010011003"


@pytest.mark.parametrize(
    "value, part",
    [
        ("19850712201001100", "length"),
        ("1985071220100110031", "length"),
        ("19850712201001100a", "format"),
        ("198513122010011003", "birth_date"),  # month 13
        ("198502302010011003", "birth_date"),  # 30 February
        ("203001012010011003", "birth_date"),  # born in the future
        ("198507122010131003", "appointment"),  # month 13
        ("198507122010001003", "appointment"),  # month 00
        ("198507121999011003", "appointment"),  # appointed at 13
        ("198507122031011003", "appointment"),  # appointed in the future
        ("198507122010013003", "gender"),
        ("198507122010011000", "sequence"),
    ],
)
def test_bad_nip_names_the_wrong_part(value, part):
    with pytest.raises(nip.NipError) as error:
        nip.parse(value, today=TODAY)
    assert error.value.part == part
    assert error.value.message


@pytest.mark.parametrize("month", [0, 1, 12])
def test_build_is_the_inverse_of_parse(month):
    number = nip.build(datetime.date(1990, 2, 14), 2015, month, "female", 7)
    parsed = nip.parse(number, today=TODAY)
    assert parsed.number == number
    assert parsed.is_pppk == (month == 0)
    assert parsed.birth_date == datetime.date(1990, 2, 14)

