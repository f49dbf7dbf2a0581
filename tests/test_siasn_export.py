"""SIASN's shape of results (hr_asn_evaluation/rules/siasn_export.py; national_rules.md §8, §1)."""
import csv
import io
import json

import pytest

from hr_asn_evaluation_rules import siasn_export as sx

PERIODIC = {
    "kind": "periodic", "nip": "198001012005011001", "year": 2026, "month_from": 1, "month_to": 3,
    "rating_hasil": "diatas", "rating_perilaku": "sesuai", "predikat": "baik",
    "penilai_name": "Budi", "penilai_nip": "197501012000031002", "penilai_golongan": "IV/a",
    "penilai_jabatan": "Kepala Seksi", "penilai_unit": "Seksi Rujukan", "penilai_is_asn": True,
    "document": "/my/evaluations/7",
}


def test_default_table_is_valid_and_complete():
    assert sx.validate_codes(sx.DEFAULT_CODES) == []
    codes = sx.code_map(sx.DEFAULT_CODES)
    # §1: e-Kinerja prints Diatas, Sesuai, Dibawah as 3, 2, 1
    assert [codes["hasil_kerja", value] for value in ("diatas", "sesuai", "dibawah")] == [3, 2, 1]
    assert [codes["perilaku", value] for value in ("diatas", "sesuai", "dibawah")] == [3, 2, 1]
    assert len({codes["kuadran", value] for value in sx.VALUES["kuadran"]}) == 5


def test_periodic_row():
    rows, credits = sx.build_rows([PERIODIC], sx.DEFAULT_CODES)
    assert credits == []
    row = rows[0]
    assert list(row) == list(sx.RESULT_COLUMNS)
    assert (row["jenis"], row["nipDinilai"], row["tahun"]) == ("periodik", PERIODIC["nip"], 2026)
    assert (row["bulanMulaiPenilaian"], row["tahunMulaiPenilaian"]) == (1, 2026)
    assert (row["bulanSelesaiPenilaian"], row["tahunSelesaiPenilaian"]) == (3, 2026)
    assert (row["hasilKinerjaNilai"], row["perilakuKerjaNilai"], row["kuadranKinerjaNilai"]) == (3, 2, 4)
    assert (row["penilaiNama"], row["penilaiNipNrp"], row["penilaiGolongan"]) == (
        "Budi", "197501012000031002", "IV/a")
    assert (row["penilaiJabatanNama"], row["penilaiUnorNama"], row["statusPenilai"]) == (
        "Kepala Seksi", "Seksi Rujukan", "ASN")
    assert row["pathDokumen"] == "/my/evaluations/7"


def test_annual_row_has_no_months_and_head_of_region_is_non_asn():
    annual = {**PERIODIC, "kind": "annual", "month_from": None, "month_to": None, "penilai_is_asn": False,
              "penilai_nip": "", "penilai_golongan": "", "penilai_name": "Wali Kota Semarang"}
    row = sx.build_rows([annual], sx.DEFAULT_CODES)[0][0]
    assert row["jenis"] == "tahunan"
    assert row["bulanMulaiPenilaian"] is None and row["bulanSelesaiPenilaian"] is None
    assert (row["statusPenilai"], row["penilaiNipNrp"]) == ("NON ASN", "")


def test_edited_table_changes_the_codes():
    table = [(kind, value, code + 10 if kind == "kuadran" else code) for kind, value, code in sx.DEFAULT_CODES]
    row = sx.build_rows([PERIODIC], table)[0][0]
    assert row["kuadranKinerjaNilai"] == 14
    assert row["idempotencyKey"] != sx.build_rows([PERIODIC], sx.DEFAULT_CODES)[0][0]["idempotencyKey"]


def test_angka_kredit_is_a_separate_record_for_jf_only():
    jf = {**PERIODIC, "position_kind": "fungsional", "jenjang": "ahli_muda", "angka_kredit": 6.25}
    other = {**PERIODIC, "nip": "199001012015031003", "position_kind": "pelaksana", "angka_kredit": 0.0}
    rows, credits = sx.build_rows([jf, other], sx.DEFAULT_CODES)
    assert len(rows) == 2
    assert [credit["nipDinilai"] for credit in credits] == [PERIODIC["nip"]]
    assert list(credits[0]) == list(sx.ANGKA_KREDIT_COLUMNS)
    assert (credits[0]["kreditBaruTotal"], credits[0]["jenjang"], credits[0]["jenis"]) == (
        6.25, "ahli_muda", "angka_kredit")


def test_idempotency_key_is_stable_and_follows_content():
    first = sx.build_rows([PERIODIC], sx.DEFAULT_CODES)[0][0]
    again = sx.build_rows([dict(PERIODIC)], sx.DEFAULT_CODES)[0][0]
    assert first["idempotencyKey"] == again["idempotencyKey"]
    changed = sx.build_rows([{**PERIODIC, "rating_perilaku": "diatas", "predikat": "sangat_baik"}],
                            sx.DEFAULT_CODES)[0][0]
    assert changed["idempotencyKey"] != first["idempotencyKey"]
    assert first["idempotencyKey"].startswith("hrasn-") and len(first["idempotencyKey"]) == 46


@pytest.mark.parametrize("change, problem", [
    (lambda t: t[:-1], "missing"),
    (lambda t: t + [("kuadran", "baik", 9)], "duplicate"),
    (lambda t: t[:-1] + [("kuadran", "sangat_kurang", "1")], "bad_code"),
    (lambda t: t[:-1] + [("kuadran", "sangat_kurang", -1)], "bad_code"),
    (lambda t: t[:-1] + [("kuadran", "sangat_kurang", True)], "bad_code"),
    (lambda t: t[:-1] + [("kuadran", "sangat_kurang", 5)], "same_code"),
    (lambda t: t + [("golongan", "III/a", 31)], "unknown_kind"),
    (lambda t: t + [("kuadran", "istimewa", 6)], "unknown_value"),
    (lambda t: t + [("kuadran", "baik")], "malformed"),
])
def test_bad_tables(change, problem):
    table = change(list(sx.DEFAULT_CODES))
    assert problem in [code for code, _where, _value in sx.validate_codes(table)]
    with pytest.raises(ValueError):
        sx.code_map(table)


@pytest.mark.parametrize("change", [
    {"kind": "triwulan"}, {"nip": ""}, {"rating_hasil": None}, {"predikat": "istimewa"},
    {"month_from": 4, "month_to": 3}, {"month_to": 13}, {"month_from": None},
])
def test_bad_results(change):
    with pytest.raises(ValueError):
        sx.build_rows([{**PERIODIC, **change}], sx.DEFAULT_CODES)


def test_csv_and_json():
    jf = {**PERIODIC, "position_kind": "fungsional", "jenjang": "ahli_muda", "angka_kredit": 6.25}
    rows, credits = sx.build_rows([jf], sx.DEFAULT_CODES)
    lines = list(csv.DictReader(io.StringIO(sx.to_csv(rows, credits))))
    assert [line["jenis"] for line in lines] == ["periodik", "angka_kredit"]
    assert lines[0]["kuadranKinerjaNilai"] == "4" and lines[0]["kreditBaruTotal"] == ""
    assert lines[1]["kreditBaruTotal"] == "6.25" and lines[1]["hasilKinerjaNilai"] == ""
    document = json.loads(sx.to_json(rows, credits, {"period": "TRIWULAN I 2026"}))
    assert document["meta"] == {"period": "TRIWULAN I 2026"}
    assert document["kinerja"][0]["hasilKinerjaNilai"] == 3
    assert document["angkaKredit"][0]["kreditBaruTotal"] == 6.25
    assert sx.to_json(rows, credits) == sx.to_json(rows, credits)


def test_backoff_doubles_up_to_the_cap():
    assert [sx.backoff_seconds(n, base=60) for n in range(0, 5)] == [0, 60, 120, 240, 480]
    assert sx.backoff_seconds(30, base=60, cap=3600) == 3600


@pytest.mark.parametrize("text", [
    "401 for url https://bkpsdm:s3cr3t-pw@siasn.example/api",
    "Authorization: Bearer s3cr3t-pw rejected",
    '{"password": "s3cr3t-pw", "detail": "bad"}',
    "token=s3cr3t-pw&x=1",
    "the secret s3cr3t-pw itself",
])
def test_sanitize_removes_credentials(text):
    clean = sx.sanitize(text, secrets=("s3cr3t-pw",))
    assert "s3cr3t-pw" not in clean
    assert "***" in clean


def test_sanitize_cuts_long_text():
    assert len(sx.sanitize("x" * 5000)) == 500
