"""Evaluation results in SIASN's shape (BKN's web service for SKP 2022+ and periodic results).

Source: ../shared/reference/national_rules.md §8 (what SIASN records: the assessed NIP; the assessor's name,
NIP, golongan, jabatan, unit and whether the assessor is ASN; the year, and the start/end month and year of
a periodic result; hasil kerja, perilaku kerja and kuadran as integer codes; document paths; angka kredit
of a Jabatan Fungsional as a separate record) and §1 (e-Kinerja prints the ratings as codes 3, 2, 1).

How sure we are: §8 was gathered from public implementations of the web service, not from a published
specification, and §1's codes are what e-Kinerja prints, not checked against SIASN's reference list. No
source gives the kuadran's integer codes: the default below (5 for Sangat Baik down to 1 for Sangat Kurang)
is an assumption. Hence the codes are data (``DEFAULT_CODES``) that the Odoo side loads into a table BKPSDM
edits, and the functions take the table as an argument. The key names follow the public implementations of
the web service (camelCase); the assessed employee is named by NIP (SIASN's own person id is not known
here). Nothing here imports odoo; bad input raises ``ValueError``, table checks return problems as data.
"""
import csv
import hashlib
import io
import json
import re

KINDS = ("hasil_kerja", "perilaku", "kuadran")
# the values each kind maps (the evaluation's selection codes: rules/evaluation.py RATINGS, PREDIKATS)
VALUES = {
    "hasil_kerja": ("diatas", "sesuai", "dibawah"),
    "perilaku": ("diatas", "sesuai", "dibawah"),
    "kuadran": ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"),
}
# (kind, value, integer code): §1 for the two ratings; the kuadran's codes are assumed (see above).
DEFAULT_CODES = (
    ("hasil_kerja", "diatas", 3),
    ("hasil_kerja", "sesuai", 2),
    ("hasil_kerja", "dibawah", 1),
    ("perilaku", "diatas", 3),
    ("perilaku", "sesuai", 2),
    ("perilaku", "dibawah", 1),
    ("kuadran", "sangat_baik", 5),
    ("kuadran", "baik", 4),
    ("kuadran", "butuh_perbaikan", 3),
    ("kuadran", "kurang", 2),
    ("kuadran", "sangat_kurang", 1),
)

# One record of a result (annual: SKP 2022+; periodic: with its months), in this order in files.
RESULT_COLUMNS = (
    "jenis", "nipDinilai", "penilaiNama", "penilaiNipNrp", "penilaiGolongan", "penilaiJabatanNama",
    "penilaiUnorNama", "statusPenilai", "tahun", "bulanMulaiPenilaian", "tahunMulaiPenilaian",
    "bulanSelesaiPenilaian", "tahunSelesaiPenilaian", "hasilKinerjaNilai", "perilakuKerjaNilai",
    "kuadranKinerjaNilai", "pathDokumen", "idempotencyKey",
)
# The separate record of angka kredit of a Jabatan Fungsional (§8, computed as §4 says).
ANGKA_KREDIT_COLUMNS = (
    "jenis", "nipDinilai", "tahun", "bulanMulaiPenilaian", "tahunMulaiPenilaian", "bulanSelesaiPenilaian",
    "tahunSelesaiPenilaian", "jenjang", "kuadranKinerjaNilai", "kreditBaruTotal", "pathDokumen",
    "idempotencyKey",
)
ANNUAL, PERIODIC, ANGKA_KREDIT = "tahunan", "periodik", "angka_kredit"
STATUS_ASN, STATUS_NON_ASN = "ASN", "NON ASN"


# --- the code table ----------------------------------------------------------------------------------

def validate_codes(rows):
    """Problems of a code table (rows ``(kind, value, code)``) as ``(problem, where, value)``: an unknown kind
    or value, a value given twice, a value of a kind missing, a code that is not a whole number from 0 to
    999, or two values of one kind sharing a code (SIASN could not tell them apart)."""
    problems, seen, codes = [], set(), {}
    for index, row in enumerate(rows, start=1):
        try:
            kind, value, code = row
        except (TypeError, ValueError):
            problems.append(("malformed", index, row))
            continue
        if kind not in VALUES:
            problems.append(("unknown_kind", index, kind))
            continue
        if value not in VALUES[kind]:
            problems.append(("unknown_value", index, value))
            continue
        if (kind, value) in seen:
            problems.append(("duplicate", index, (kind, value)))
            continue
        seen.add((kind, value))
        if isinstance(code, bool) or not isinstance(code, int) or not 0 <= code <= 999:
            problems.append(("bad_code", index, code))
            continue
        if (kind, code) in codes:
            problems.append(("same_code", index, (kind, code)))
        codes[kind, code] = value
    for kind in KINDS:
        for value in VALUES[kind]:
            if (kind, value) not in seen:
                problems.append(("missing", None, (kind, value)))
    return problems


def code_map(rows):
    """{(kind, value): code} of a valid table; ``ValueError`` naming the first problem otherwise."""
    problems = validate_codes(rows)
    if problems:
        raise ValueError("invalid SIASN code table: %s %r" % (problems[0][0], problems[0][2]))
    return {(kind, value): code for kind, value, code in rows}


# --- rows ----------------------------------------------------------------------------------------------

def idempotency_key(row):
    """The key the push sends with a record: the same record with the same content gives the same key,
    so the server can drop a retry it already accepted; any change of content gives another key."""
    payload = {name: value for name, value in row.items() if name != "idempotencyKey"}
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
    return "hrasn-%s" % digest[:40]


def _months(result):
    if result["kind"] == "annual":
        return {"bulanMulaiPenilaian": None, "tahunMulaiPenilaian": None,
                "bulanSelesaiPenilaian": None, "tahunSelesaiPenilaian": None}
    month_from, month_to = result["month_from"], result["month_to"]
    if not (isinstance(month_from, int) and isinstance(month_to, int) and 1 <= month_from <= month_to <= 12):
        raise ValueError("a periodic result runs from a month to a later month of the year: %r" % (
            (month_from, month_to),))
    return {"bulanMulaiPenilaian": month_from, "tahunMulaiPenilaian": result["year"],
            "bulanSelesaiPenilaian": month_to, "tahunSelesaiPenilaian": result["year"]}


def result_row(result, codes):
    """One SIASN record of a result. ``result`` (plain data): kind ``annual``/``periodic``, nip, year,
    month_from, month_to, rating_hasil, rating_perilaku, predikat, penilai_name, penilai_nip,
    penilai_golongan, penilai_jabatan, penilai_unit, penilai_is_asn, document. ``codes``: ``code_map``."""
    if result.get("kind") not in ("annual", "periodic"):
        raise ValueError("a result is annual or periodic, not %r" % (result.get("kind"),))
    if not result.get("nip"):
        raise ValueError("a result without the assessed NIP cannot go to SIASN")
    try:
        hasil = codes["hasil_kerja", result["rating_hasil"]]
        perilaku = codes["perilaku", result["rating_perilaku"]]
        kuadran = codes["kuadran", result["predikat"]]
    except KeyError as error:
        raise ValueError("no SIASN code for %r" % (error.args[0],)) from None
    row = {
        "jenis": ANNUAL if result["kind"] == "annual" else PERIODIC,
        "nipDinilai": result["nip"],
        "penilaiNama": result.get("penilai_name") or "",
        "penilaiNipNrp": result.get("penilai_nip") or "",
        "penilaiGolongan": result.get("penilai_golongan") or "",
        "penilaiJabatanNama": result.get("penilai_jabatan") or "",
        "penilaiUnorNama": result.get("penilai_unit") or "",
        "statusPenilai": STATUS_ASN if result.get("penilai_is_asn") else STATUS_NON_ASN,
        "tahun": result["year"],
        **_months(result),
        "hasilKinerjaNilai": hasil,
        "perilakuKerjaNilai": perilaku,
        "kuadranKinerjaNilai": kuadran,
        "pathDokumen": result.get("document") or "",
    }
    row["idempotencyKey"] = idempotency_key(row)
    return row


def angka_kredit_row(result, codes):
    """The separate angka kredit record of a Jabatan Fungsional's result (``result`` as ``result_row``
    takes it, with jenjang and angka_kredit), or None for anyone else (no jenjang of JF or no angka kredit)."""
    if result.get("position_kind") != "fungsional" or not result.get("jenjang") or result.get(
            "angka_kredit") is None:
        return None
    row = {
        "jenis": ANGKA_KREDIT,
        "nipDinilai": result["nip"],
        "tahun": result["year"],
        **_months(result),
        "jenjang": result["jenjang"],
        "kuadranKinerjaNilai": codes["kuadran", result["predikat"]],
        "kreditBaruTotal": round(float(result["angka_kredit"]), 3),
        "pathDokumen": result.get("document") or "",
    }
    row["idempotencyKey"] = idempotency_key(row)
    return row


def build_rows(results, code_rows):
    """(result records, angka kredit records) of ``results`` with the code table ``code_rows``, in the
    order given; a result that cannot be coded raises ``ValueError``."""
    codes = code_map(code_rows)
    rows, credits = [], []
    for result in results:
        rows.append(result_row(result, codes))
        credit = angka_kredit_row(result, codes)
        if credit:
            credits.append(credit)
    return rows, credits


# --- files ---------------------------------------------------------------------------------------------

def _plain(value):
    return "" if value is None else value


def to_csv(rows, credits):
    """One CSV (UTF-8, comma, header row) of both kinds of record: the columns of results, then those of
    angka kredit not among them; ``jenis`` tells the kind of each line."""
    columns = list(RESULT_COLUMNS) + [name for name in ANGKA_KREDIT_COLUMNS if name not in RESULT_COLUMNS]
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(columns)
    for row in (*rows, *credits):
        writer.writerow([_plain(row.get(name)) for name in columns])
    return output.getvalue()


def to_json(rows, credits, meta=None):
    """The JSON document: ``meta`` (period, source), the results under ``kinerja``, angka kredit under
    ``angkaKredit``; keys sorted so the same export gives the same bytes."""
    return json.dumps({"meta": meta or {}, "kinerja": list(rows), "angkaKredit": list(credits)},
                      ensure_ascii=False, indent=1, sort_keys=True)


# --- the push ------------------------------------------------------------------------------------------

def backoff_seconds(attempts, base=60, cap=86400):
    """Seconds to wait before the next try after ``attempts`` failed ones: base, 2 base, 4 base ... capped."""
    if attempts < 1:
        return 0
    return min(cap, base * 2 ** (attempts - 1))


def sanitize(text, secrets=(), limit=500):
    """``text`` (an error, a response) fit to store and show: each of ``secrets`` and any credentials in a
    URL (``user:password@``) or an Authorization value replaced by ``***``, cut to ``limit`` characters."""
    text = str(text or "")
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = re.sub(r"(://)[^/\s:@]+:[^/\s@]+@", r"\1***@", text)
    text = re.sub(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)[^\"'\r\n,}]+", r"\1***", text)
    text = re.sub(r"(?i)(bearer\s+)[^\s\"',}]+", r"\1***", text)
    text = re.sub(r"(?i)(password|secret|token)([\"']?\s*[:=]\s*[\"']?)[^\s\"',}&]+", r"\1\2***", text)
    return text[:limit]
