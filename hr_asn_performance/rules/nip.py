"""Nomor Induk Pegawai (NIP) of ASN: 18 digits, parsed into its parts.

PNS (Peraturan BKN on NIP, as printed on every SK): ``YYYYMMDD`` date of birth, ``YYYYMM`` TMT CPNS
(year and month of appointment as CPNS), ``G`` gender (1 male, 2 female), ``NNN`` sequence.
PPPK: the same, but the month of the appointment part is the fixed code ``21`` (``YYYY21``): the
year of appointment as PPPK followed by 21.

``parse`` takes any string and either returns the parts or raises ``NipError`` naming the wrong part
(one of ``PARTS``); it raises nothing else.
"""

import datetime
import re
from dataclasses import dataclass

PPPK_CODE = "21"
LENGTH = 18
MIN_AGE_AT_APPOINTMENT = 18  # UU 20/2023 (ASN): an applicant is at least 18 years old
MIN_BIRTH_YEAR = 1900

# The parts of a NIP, as every refusal names them (its message starts with the label).
PARTS = {
    "format": "digits 0-9 only",
    "length": "18 digits",
    "birth_date": "digits 1-8 (date of birth, YYYYMMDD)",
    "appointment": "digits 9-14 (TMT CPNS year and month, or year and 21 for PPPK)",
    "gender": "digit 15 (gender)",
    "sequence": "digits 16-18 (sequence number)",
}
SEPARATORS = ".-"
_DIGITS = re.compile(r"[0-9]*")  # ASCII only: str.isdigit() also accepts "²" and "١"


class NipError(ValueError):
    """A NIP that cannot be right; ``part`` names the offending part (a key of ``PARTS``), ``found``
    is what was found there, ``message`` says why in plain English."""

    def __init__(self, part, detail, found=""):
        message = "%s: %s" % (PARTS[part], detail)
        super().__init__(message)
        self.part = part
        self.found = found
        self.message = message


@dataclass(frozen=True)
class Nip:
    number: str
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int  # 0 for PPPK, whose NIP carries no month
    gender: str  # 'male' | 'female'
    sequence: int
    is_pppk: bool


def normalize(value):
    """Strip the spaces, dots and dashes people type inside a NIP (``19850712 201001 1 003``).

    Anything that is not a string (a number sent over RPC) is read as its text.
    """
    text = value if isinstance(value, str) else ("" if value is None or value is False else str(value))
    return "".join(ch for ch in text if not ch.isspace() and ch not in SEPARATORS)


def parse(value, today=None):
    """Parse a NIP or raise ``NipError`` naming the part that is wrong."""
    number = normalize(value)
    if not _DIGITS.fullmatch(number):
        position, char = next((i, ch) for i, ch in enumerate(number, start=1) if not "0" <= ch <= "9")
        raise NipError("format", "character %d is %r" % (position, char), found=char)
    if len(number) != LENGTH:
        raise NipError("length", "this one has %d" % len(number), found=str(len(number)))
    today = today or datetime.date.today()
    birth = _parse_birth_date(number[:8], today)
    year, month_code = int(number[8:12]), number[12:14]
    is_pppk = month_code == PPPK_CODE
    _check_appointment(number[8:14], year, month_code, is_pppk, birth, today)
    if number[14] not in "12":
        raise NipError("gender", "must be 1 (male) or 2 (female), not %s" % number[14], found=number[14])
    sequence = int(number[15:18])
    if not sequence:
        raise NipError("sequence", "cannot be 000", found=number[15:18])
    return Nip(
        number=number,
        birth_date=birth,
        appointment_year=year,
        appointment_month=0 if is_pppk else int(month_code),
        gender="male" if number[14] == "1" else "female",
        sequence=sequence,
        is_pppk=is_pppk,
    )


def _parse_birth_date(digits, today):
    try:
        birth = datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise NipError("birth_date", "%s is not a date" % digits, found=digits) from None
    if birth.year < MIN_BIRTH_YEAR or birth > today:
        raise NipError("birth_date", "%s is an impossible date of birth" % digits, found=digits)
    return birth


def _check_appointment(digits, year, month_code, is_pppk, birth, today):
    if not is_pppk and not 1 <= int(month_code) <= 12:
        raise NipError("appointment", "month %s must be 01-12, or 21 for PPPK" % month_code, found=digits)
    if year < birth.year + MIN_AGE_AT_APPOINTMENT:
        raise NipError("appointment", "year %d makes the employee younger than %d at appointment"
                       % (year, MIN_AGE_AT_APPOINTMENT), found=digits)
    if year > today.year + 1:
        raise NipError("appointment", "year %d lies in the future" % year, found=digits)


def build(birth_date, appointment_year, appointment_month, gender, sequence):
    """Compose a NIP (``appointment_month`` 0 makes the PPPK form); the inverse of ``parse``."""
    month = PPPK_CODE if not appointment_month else "%02d" % appointment_month
    return "%s%04d%s%s%03d" % (
        birth_date.strftime("%Y%m%d"), appointment_year, month, "1" if gender == "male" else "2", sequence,
    )
