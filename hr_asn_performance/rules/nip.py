"""Nomor Induk Pegawai (NIP) of ASN: 18 digits, parsed into its parts.

PNS (Peraturan BKN on NIP, as printed on every SK): ``YYYYMMDD`` date of birth, ``YYYYMM`` TMT CPNS
(year and month of appointment as CPNS), ``G`` gender (1 male, 2 female), ``NNN`` sequence.
PPPK: the same, but the month of the appointment part is the fixed code ``21`` (``YYYY21``): the
year of appointment as PPPK followed by 21.
"""

import datetime
from dataclasses import dataclass

PPPK_CODE = "21"
MIN_AGE_AT_APPOINTMENT = 18  # UU 20/2023 (ASN): an applicant is at least 18 years old


class NipError(ValueError):
    """A NIP that cannot be right; ``part`` names the offending part, ``message`` says why."""

    def __init__(self, part, message):
        super().__init__(message)
        self.part = part
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
    """Strip the spaces and dots people type inside a NIP (``19850712 201001 1 003``)."""
    return "".join(ch for ch in (value or "") if ch not in " .-\t")


def parse(value, today=None):
    """Parse a NIP or raise ``NipError`` naming the part that is wrong."""
    number = normalize(value)
    if not number.isdigit():
        raise NipError("format", "a NIP has digits only")
    if len(number) != 18:
        raise NipError("length", "a NIP has 18 digits, this one has %d" % len(number))
    today = today or datetime.date.today()
    try:
        birth = datetime.date(int(number[0:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        raise NipError("birth_date", "digits 1-8 (date of birth, YYYYMMDD) are not a date: %s" % number[:8])
    if birth.year < 1900 or birth > today:
        raise NipError("birth_date", "digits 1-8 (date of birth) give an impossible year: %s" % number[:8])
    year, month_code = int(number[8:12]), number[12:14]
    is_pppk = month_code == PPPK_CODE
    if not is_pppk and not 1 <= int(month_code) <= 12:
        raise NipError(
            "appointment",
            "digits 13-14 (month of TMT CPNS) must be 01-12, or 21 for PPPK: %s" % month_code,
        )
    if year < birth.year + MIN_AGE_AT_APPOINTMENT:
        raise NipError(
            "appointment",
            "digits 9-12 (year of appointment %d) make the employee younger than %d at appointment"
            % (year, MIN_AGE_AT_APPOINTMENT),
        )
    if year > today.year + 1:
        raise NipError("appointment", "digits 9-12 (year of appointment %d) lie in the future" % year)
    if number[14] not in "12":
        raise NipError("gender", "digit 15 (gender) must be 1 (male) or 2 (female): %s" % number[14])
    sequence = int(number[15:18])
    if not sequence:
        raise NipError("sequence", "digits 16-18 (sequence number) cannot be 000")
    return Nip(
        number=number,
        birth_date=birth,
        appointment_year=year,
        appointment_month=0 if is_pppk else int(month_code),
        gender="male" if number[14] == "1" else "female",
        sequence=sequence,
        is_pppk=is_pppk,
    )


def build(birth_date, appointment_year, appointment_month, gender, sequence):
    """Compose a NIP (``appointment_month`` 0 makes the PPPK form); the inverse of ``parse``."""
    month = PPPK_CODE if not appointment_month else "%02d" % appointment_month
    return "%s%04d%s%s%03d" % (
        birth_date.strftime("%Y%m%d"), appointment_year, month, "1" if gender == "male" else "2", sequence,
    )
