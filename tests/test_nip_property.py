"""NIP parsing under 10,000 generated strings (issue 9, finding 10): ``parse`` never crashes, and every
refusal is a ``NipError`` whose message names the wrong part."""
import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hr_asn_performance_rules import nip

TODAY = datetime.date(2026, 11, 23)

DIGIT = st.sampled_from("0123456789")
# what people and scripts paste into the field: digits, separators, near-digits ("²", Arabic-Indic
# and full-width digits, which str.isdigit() takes for digits), letters, control characters, NUL
NEAR_DIGIT = st.sampled_from("0123456789 .-\t\n\u00a0²³١٩٨٥０１Oo lIx\x00\ufeff")
NIPISH = st.one_of(
    st.text(DIGIT, min_size=0, max_size=40),
    st.text(DIGIT, min_size=18, max_size=18),  # the right length: the parts decide
    st.text(NEAR_DIGIT, min_size=0, max_size=30),
    st.builds(lambda head, tail: head + tail, st.text(DIGIT, min_size=14, max_size=14),
              st.sampled_from(["1001", "2001", "3001", "1000", "10001", "100", "1 001"])),
    st.text(max_size=60),  # any unicode
    st.text(DIGIT, min_size=300, max_size=500),
)


def check(value):
    try:
        parsed = nip.parse(value, today=TODAY)
    except nip.NipError as error:
        assert error.part in nip.PARTS, error.part
        assert error.message.startswith(nip.PARTS[error.part]), error.message
        assert str(error) == error.message
        return None
    assert len(parsed.number) == nip.LENGTH and all("0" <= ch <= "9" for ch in parsed.number)
    assert parsed.number == nip.normalize(value)
    assert parsed.birth_date <= TODAY and parsed.gender in ("male", "female") and parsed.sequence > 0
    assert nip.build(parsed.birth_date, parsed.appointment_year, parsed.appointment_month, parsed.gender,
                     parsed.sequence) == parsed.number
    return parsed


@settings(max_examples=10000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NIPISH)
def test_parse_never_crashes_and_names_the_wrong_part(value):
    check(value)


@settings(max_examples=500, deadline=None)
@given(st.dates(datetime.date(1940, 1, 1), datetime.date(2004, 12, 31)), st.integers(0, 12),
       st.sampled_from(["male", "female"]), st.integers(1, 999), st.integers(18, 40))
def test_every_built_nip_parses_back(birth, month, gender, sequence, age):
    year = min(birth.year + age, TODAY.year)
    number = nip.build(birth, year, month, gender, sequence)
    parsed = check(number)
    assert parsed and (parsed.birth_date, parsed.appointment_year, parsed.is_pppk) == (birth, year, month == 0)


def test_unicode_digits_are_not_digits():
    """``str.isdigit()`` takes "²" and "١" for digits; a NIP has ASCII digits only."""
    for value in ("19850712201001100²", "١٩٨٥٠٧١٢٢٠١٠٠١١٠٠٣", "１９８５０７１２２０１００１１００３"):
        try:
            nip.parse(value, today=TODAY)
        except nip.NipError as error:
            assert error.part == "format" and error.found not in "0123456789"
        else:
            raise AssertionError("%r accepted" % value)


def test_non_strings_are_read_as_text():
    assert nip.normalize(198507122010011003) == "198507122010011003"
    assert nip.normalize(None) == nip.normalize(False) == ""
