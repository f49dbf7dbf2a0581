"""Import of the organisation from SIASN-shaped data (issue 14, item 4): read, check and compare.

BKN's SIASN exports the ASN of an instansi as a table, one row per employee; the columns this import
reads are NIP, name, status (PNS, CPNS, PPPK), golongan, jabatan, jenis jabatan and the unit (unor)
the employee sits in (../shared/reference/national_rules.md section 8: data moves both ways between the
city's application and BKN). The unit is matched by the code kept on the unit (``asn_unor_code``);
a code nobody holds is reported, never created.

Plain Python, no odoo import: ``read_table`` turns the bytes of a CSV or XLSX into a header and rows,
``parse_rows`` checks each row, ``plan`` compares them with the current state given as plain data and
says per row what applying it would do. File-level problems raise ``SiasnFileError``; a row's problems
are ``(code, params)`` pairs in its ``reasons`` (the Odoo side words them, translated).

Not in any regulation (assumed, stated in the README): the limits below, that an empty golongan,
jabatan or jenis jabatan leaves the current value, and that employees absent from the file are left as
they are (an export may cover part of the city).
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass, field

from . import asn_data
from . import nip as nip_rules

# Limits. 25,000 rows is more than the ASN of any Kota/Kabupaten (the largest keep about 20,000):
# a bigger file is a province's or a mistake, refused before any work with a message saying to split it.
MAX_ROWS = 25000
MAX_BYTES = 16 * 1024 * 1024
CELL_MAX = {"nip": 32, "name": 200, "status": 32, "golongan": 32, "jabatan": 200, "jenis_jabatan": 64, "unor": 64}

# Column keys in the order of the file SIASN gives, with the headers accepted for each (compared
# case-insensitively, with spaces, dots, dashes and underscores alike).
COLUMNS = (
    ("nip", ("nip", "nip baru")),
    ("name", ("nama", "name", "nama lengkap", "nama pegawai")),
    ("status", ("status", "status pegawai", "status asn", "jenis pegawai", "kedudukan")),
    ("golongan", ("golongan", "gol", "gol ruang", "golongan ruang", "pangkat golongan", "golongan pppk")),
    ("jabatan", ("jabatan", "nama jabatan", "jabatan nama")),
    ("jenis_jabatan", ("jenis jabatan", "jenis jabatan nama")),
    ("unor", ("unor", "unor id", "kode unor", "unit", "unit code", "kode unit", "unor kode")),
)
REQUIRED_CELLS = ("nip", "name", "status", "unor")  # the others may be empty: the current value stays

KINDS = ("rejected", "new", "moved", "promoted", "changed", "unchanged")  # the preview's order

STATUSES = {"pns": "pns", "cpns": "cpns", "pppk": "pppk", "p3k": "pppk"}

# Jenis jabatan (UU 20/2023 Pasal 13-19; PermenPANRB 17/2021 turned the jabatan fungsional umum into
# jabatan pelaksana). SIASN's older exports say "Struktural", which does not tell JPT, Administrator and
# Pengawas apart: it keeps a structural kind already recorded, and is refused otherwise.
STRUCTURAL = "structural"
POSITION_KINDS = {
    "jpt": "jpt", "jabatan pimpinan tinggi": "jpt", "pimpinan tinggi": "jpt", "jpt pratama": "jpt",
    "jpt madya": "jpt",
    "administrator": "administrator", "jabatan administrator": "administrator",
    "pengawas": "pengawas", "jabatan pengawas": "pengawas",
    "pelaksana": "pelaksana", "jabatan pelaksana": "pelaksana", "fungsional umum": "pelaksana",
    "jabatan fungsional umum": "pelaksana", "jfu": "pelaksana",
    "fungsional": "fungsional", "jabatan fungsional": "fungsional", "fungsional tertentu": "fungsional",
    "jabatan fungsional tertentu": "fungsional", "jft": "fungsional",
    "struktural": STRUCTURAL, "jabatan struktural": STRUCTURAL,
}
STRUCTURAL_KINDS = ("jpt", "administrator", "pengawas")

_PNS_ROMANS = {"I": "I", "II": "II", "III": "III", "IV": "IV", "1": "I", "2": "II", "3": "III", "4": "IV"}
_PNS_GOLONGAN = re.compile(r"(IV|III|II|I|[1-4])\s*[/.\- ]?\s*([A-E])")
_PPPK_GOLONGAN = re.compile(r"(?:PPPK\s*)?([IVX]+)")
_PNS_CODES = {code for code, _name in asn_data.PNS_GOLONGAN}
_PPPK_NUMERALS = {numeral for numeral, _label in asn_data.PPPK_GOLONGAN}
_HEADER_SPACES = re.compile(r"[\s._\-/]+")


class SiasnFileError(ValueError):
    """The file cannot be read at all; ``code`` says why, ``params`` gives the details."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass
class Row:
    line: int  # the line (CSV) or row (XLSX) of the file, the header being line 1
    values: dict  # column key -> normalised value (None: empty cell)
    reasons: list = field(default_factory=list)  # [(code, params)]


@dataclass(frozen=True)
class Current:
    """An employee as the database holds it (keys as the columns; ``unit_id`` the unit's id)."""

    id: int
    name: str
    status: str | None
    golongan: str | None
    jabatan: str | None
    position_kind: str | None
    unit_id: int | None
    active: bool = True
    jenjang: str | None = None


@dataclass
class Line:
    """What applying one row does: ``kind`` one of KINDS; ``changes`` {key: (old, new)}; ``values`` what
    to write (keys as the columns, ``unit`` a unit id); ``reasons`` why a row is rejected."""

    line: int
    nip: str
    name: str
    kind: str
    employee_id: int | None = None
    unit_id: int | None = None
    changes: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    reasons: list = field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# Reading the file
# ----------------------------------------------------------------------------------------------
def read_table(data, max_rows=MAX_ROWS):
    """``(header, rows, kind)`` of a CSV or XLSX given as bytes; the kind is told by the content, not
    the file name. ``rows`` are ``(line, [cells])`` with blank rows left out; cells are text, or the
    number an XLSX cell holds."""
    if not data:
        raise SiasnFileError("empty")
    if len(data) > MAX_BYTES:
        raise SiasnFileError("too_big", size=len(data), limit=MAX_BYTES)
    if data[:4] == b"PK\x03\x04":
        header, rows = _read_xlsx(data, max_rows)
        kind = "xlsx"
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise SiasnFileError("xls")
    else:
        header, rows = _read_csv(decode(data), max_rows)
        kind = "csv"
    if not header:
        raise SiasnFileError("empty")
    return header, rows, kind


def decode(data):
    """The text of a CSV: UTF-8 (with or without its BOM) or UTF-16 with its BOM, as Excel saves
    "CSV UTF-8" and "Unicode Text". Anything else is refused rather than guessed: a Latin-1 file read as
    UTF-8 or the reverse would store misspelt names."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SiasnFileError("binary")  # UTF-16 without its BOM, or a binary file
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, data = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SiasnFileError("encoding", encoding=encoding.upper(), position=error.start + 1,
                             byte="0x%02x" % data[error.start]) from None
    if "\x00" in text:  # UTF-16 without its BOM, or a binary file
        raise SiasnFileError("binary")
    return text


def _read_csv(text, max_rows):
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, rows = None, []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = cells
                continue
            rows.append((reader.line_num, cells))
            if len(rows) > max_rows:
                raise SiasnFileError("too_many_rows", limit=max_rows)
    except csv.Error as error:
        raise SiasnFileError("malformed", line=reader.line_num, detail=str(error)) from None
    return header, rows


def _read_xlsx(data, max_rows):
    import zipfile

    import openpyxl  # a requirement of Odoo itself

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SiasnFileError("malformed", line=0, detail=str(error) or type(error).__name__) from None
    try:
        sheet = workbook.worksheets[0]
        header, rows = None, []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if not any(cell not in (None, "") and str(cell).strip() for cell in cells):
                continue
            if header is None:
                header = ["" if cell is None else str(cell) for cell in cells]
                continue
            rows.append((number, list(cells)))
            if len(rows) > max_rows:
                raise SiasnFileError("too_many_rows", limit=max_rows)
        return header, rows
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise SiasnFileError("malformed", line=0, detail=str(error) or type(error).__name__) from None
    finally:
        workbook.close()


def map_header(header):
    """{column key: index} of ``header``; every column is required, each once."""
    aliases = {alias: key for key, names in COLUMNS for alias in names}
    found, duplicates = {}, []
    for index, title in enumerate(header):
        key = aliases.get(_HEADER_SPACES.sub(" ", str(title).strip().lstrip("\ufeff").casefold()).strip())
        if key is None:
            continue
        if key in found:
            duplicates.append(str(title).strip())
        found.setdefault(key, index)
    if duplicates:
        raise SiasnFileError("duplicate_columns", columns=duplicates)
    missing = [names[0].upper() for key, names in COLUMNS if key not in found]
    if missing:
        raise SiasnFileError("missing_columns", columns=missing)
    return found


# ----------------------------------------------------------------------------------------------
# Checking each row
# ----------------------------------------------------------------------------------------------
def parse_rows(header, rows, today=None):
    """Check each row of ``read_table``; returns ``Row`` objects with normalised values and reasons."""
    columns = map_header(header)
    width = max(columns.values()) + 1
    parsed = []
    for line, cells in rows:
        row = Row(line, {})
        if len(cells) < width:
            row.reasons.append(("columns", {"found": len(cells), "expected": width}))
            cells = list(cells) + [None] * (width - len(cells))
        raw = {key: cells[index] for key, index in columns.items()}
        _check_row(row, raw, today)
        parsed.append(row)
    _reject_duplicate_nips(parsed)
    return parsed


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.isoformat()
    return " ".join(str(value).split())


def _check_row(row, raw, today):
    values, reasons = row.values, row.reasons
    for key, value in raw.items():
        text = _text(value)
        if len(text) > CELL_MAX[key]:
            reasons.append(("too_long", {"column": key, "length": len(text), "limit": CELL_MAX[key]}))
            text = ""
        values[key] = text or None
    for key in REQUIRED_CELLS:
        if values[key] is None and not any(r[0] == "too_long" and r[1]["column"] == key for r in reasons):
            reasons.append(("required", {"column": key}))
    status = STATUSES.get((values["status"] or "").casefold()) if values["status"] else None
    if values["status"] and not status:
        reasons.append(("status", {"value": values["status"]}))
    values["status"] = status
    if isinstance(raw["nip"], int | float):
        # a spreadsheet keeps 15 significant digits: an 18-digit NIP typed as a number is already wrong
        reasons.append(("nip_number", {}))
        values["nip"] = None
    elif values["nip"]:
        _check_nip(values, reasons, today)
    _check_golongan(values, reasons)
    if values["jenis_jabatan"]:
        kind = POSITION_KINDS.get(_HEADER_SPACES.sub(" ", values["jenis_jabatan"].casefold()))
        if not kind:
            reasons.append(("jenis_jabatan", {"value": values["jenis_jabatan"]}))
        values["position_kind"] = kind
    else:
        values["position_kind"] = None
    del values["jenis_jabatan"]


def _check_nip(values, reasons, today):
    try:
        parsed = nip_rules.parse(values["nip"], today=today)
    except nip_rules.NipError as error:
        reasons.append(("nip", {"value": values["nip"], "part": error.part, "found": error.found,
                                "name": values["name"]}))
        return
    values["nip"] = parsed.number
    if values["status"] and parsed.is_pppk != (values["status"] == "pppk"):
        reasons.append(("nip_status", {"nip": parsed.number, "status": values["status"]}))


def _check_golongan(values, reasons):
    text = values["golongan"]
    if not text:
        return
    code = golongan_code(text, values["status"])
    if code is None:
        reasons.append(("golongan", {"value": text}))
    values["golongan"] = code


def golongan_code(text, status):
    """The selection value of a golongan as SIASN writes it (``III/b``, ``III b``, ``3/b``; PPPK ``IX``
    or ``PPPK IX``) for ``status``, or None when it is not one or does not fit the status."""
    text = text.strip().upper()
    if status == "pppk":
        match = _PPPK_GOLONGAN.fullmatch(text)
        return "pppk_%s" % match.group(1) if match and match.group(1) in _PPPK_NUMERALS else None
    match = _PNS_GOLONGAN.fullmatch(text)
    if not match:
        return None
    code = "%s/%s" % (_PNS_ROMANS[match.group(1)], match.group(2).lower())
    return code if code in _PNS_CODES else None


def _reject_duplicate_nips(rows):
    lines = {}
    for row in rows:
        if row.values.get("nip"):
            lines.setdefault(row.values["nip"], []).append(row)
    for number, same in lines.items():
        if len(same) > 1:
            for row in same:
                others = [other.line for other in same if other is not row]
                row.reasons.append(("duplicate_nip", {"nip": number, "lines": others}))


# ----------------------------------------------------------------------------------------------
# Comparing with the current state
# ----------------------------------------------------------------------------------------------
def plan(rows, employees, units):
    """What applying ``rows`` does. ``employees``: {NIP: Current} of the Pemda (archived included);
    ``units``: {unor code: unit id}. Returns ``Line`` objects in the order of the file."""
    lines = []
    for row in rows:
        values = row.values
        reasons = list(row.reasons)
        unit_id = units.get(values["unor"]) if values["unor"] else None
        if values["unor"] and unit_id is None:
            reasons.append(("unit_unknown", {"code": values["unor"]}))
        current = employees.get(values["nip"]) if values["nip"] else None
        if current is not None and not current.active:
            reasons.append(("archived", {"nip": values["nip"]}))
        kind_value = values["position_kind"]
        if kind_value == STRUCTURAL:
            if current is not None and current.position_kind in STRUCTURAL_KINDS:
                kind_value = current.position_kind
            else:
                reasons.append(("structural", {}))
        line = Line(row.line, values["nip"] or "", values["name"] or "", "rejected",
                    employee_id=current.id if current else None, unit_id=unit_id, reasons=reasons)
        lines.append(line)
        if reasons:
            continue
        wanted = {"name": values["name"], "status": values["status"], "golongan": values["golongan"],
                  "jabatan": values["jabatan"], "position_kind": kind_value, "unit": unit_id}
        if current is None:
            line.kind = "new"
            line.values = {key: value for key, value in wanted.items() if value is not None}
            continue
        before = {"name": current.name, "status": current.status, "golongan": current.golongan,
                  "jabatan": current.jabatan, "position_kind": current.position_kind, "unit": current.unit_id}
        line.changes = {key: (before[key], value) for key, value in wanted.items()
                        if value is not None and value != (before[key] or None)}
        new_kind = line.changes.get("position_kind", (None, None))[1]
        if new_kind and current.jenjang and current.jenjang not in asn_data.JENJANG_BY_KIND.get(new_kind, ()):
            line.changes["jenjang"] = (current.jenjang, False)  # a jenjang belongs to JF and JPT only
        line.values = {key: new for key, (_old, new) in line.changes.items()}
        line.kind = classify(line.changes)
    return lines


def classify(changes):
    """moved (another unit) before promoted (golongan, jabatan or its kind) before changed."""
    if "unit" in changes:
        return "moved"
    if {"golongan", "jabatan", "position_kind"} & set(changes):
        return "promoted"
    return "changed" if changes else "unchanged"


def summary(lines):
    """{kind: count} for every kind."""
    counts = dict.fromkeys(KINDS, 0)
    for line in lines:
        counts[line.kind] += 1
    return counts


def digest(lines):
    """A fingerprint of what applying does: the apply step refuses when it differs from the preview's
    (the file or the organisation changed in between)."""
    text = repr([(line.line, line.nip, line.kind, line.employee_id, sorted(line.changes.items()),
                  sorted(line.values.items()))
                 for line in lines])
    return hashlib.sha256(text.encode()).hexdigest()
