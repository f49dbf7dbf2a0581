"""Import of the organisation from SIASN-shaped data (hr_asn_performance/rules/siasn_import.py)."""
import datetime
import io

import openpyxl
import pytest

from hr_asn_performance_rules import nip as nip_rules
from hr_asn_performance_rules import siasn_import as si

TODAY = datetime.date(2026, 11, 23)
HEADER = "NIP;NAMA;STATUS;GOLONGAN;JABATAN;JENIS JABATAN;UNOR"
NIP_A = nip_rules.build(datetime.date(1985, 7, 12), 2010, 1, "male", 3)
NIP_B = nip_rules.build(datetime.date(1990, 2, 1), 2015, 3, "female", 7)
NIP_P = nip_rules.build(datetime.date(1992, 5, 5), 2023, 0, "female", 11)  # PPPK form


def csv_bytes(*lines, header=HEADER, encoding="utf-8"):
    return ("\n".join((header,) + lines) + "\n").encode(encoding)


def rows_of(data):
    header, rows, _kind = si.read_table(data)
    return si.parse_rows(header, rows, today=TODAY)


def reasons(row):
    return [code for code, _params in row.reasons]


def current(employee_id, unit_id=10, **values):
    base = {"name": "Ani", "status": "pns", "golongan": "III/a", "jabatan": "Analis", "position_kind": "pelaksana"}
    base.update(values)
    return si.Current(id=employee_id, unit_id=unit_id, **base)


# ------------------------------------------------------------------ reading
def test_reads_semicolon_csv_with_bom():
    data = b"\xef\xbb\xbf" + csv_bytes("%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A)
    (row,) = rows_of(data)
    assert not row.reasons
    assert row.values == {"nip": NIP_A, "name": "Ani", "status": "pns", "golongan": "III/a", "jabatan": "Analis",
                          "unor": "U-10", "position_kind": "pelaksana"}
    assert row.line == 2


def test_reads_comma_csv_and_header_aliases():
    data = csv_bytes('%s,"Budi, S.E.",cpns,3 b,Pranata,Jabatan Fungsional Umum,U-11' % NIP_A,
                     header="nip_baru,Nama Lengkap,Status Pegawai,Gol.Ruang,Nama Jabatan,jenis_jabatan,Unor ID")
    (row,) = rows_of(data)
    assert not row.reasons
    assert (row.values["name"], row.values["golongan"], row.values["position_kind"]) == ("Budi, S.E.", "III/b",
                                                                                          "pelaksana")


def test_reads_utf16_with_bom():
    data = csv_bytes("%s\tSiti Nurhaliza\tPNS\tIII/a\tAnalis\tPelaksana\tU-10" % NIP_A,
                     header=HEADER.replace(";", "\t"), encoding="utf-16")
    (row,) = rows_of(data)
    assert row.values["name"] == "Siti Nurhaliza" and not row.reasons


def test_refuses_latin1_with_the_position():
    data = csv_bytes("%s;Désirée;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A, encoding="latin-1")
    with pytest.raises(si.SiasnFileError) as error:
        si.read_table(data)
    assert error.value.code == "encoding"
    assert error.value.params["byte"] == "0xe9"


def test_refuses_utf16_without_bom_and_binary():
    data = csv_bytes("%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A, encoding="utf-16-le")
    with pytest.raises(si.SiasnFileError) as error:
        si.read_table(data)
    assert error.value.code == "binary"


@pytest.mark.parametrize("data, code", [
    (b"", "empty"),
    (b"\n\n  \n", "empty"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "xls"),
    (b"PK\x03\x04 not really a zip", "malformed"),
])
def test_refuses_unreadable_files(data, code):
    with pytest.raises(si.SiasnFileError) as error:
        si.read_table(data)
    assert error.value.code == code


def test_refuses_too_many_rows_before_reading_them_all():
    line = "%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A
    with pytest.raises(si.SiasnFileError) as error:
        si.read_table(csv_bytes(*[line] * 11), max_rows=10)
    assert (error.value.code, error.value.params) == ("too_many_rows", {"limit": 10})
    header, rows, _kind = si.read_table(csv_bytes(*[line] * 10), max_rows=10)
    assert len(rows) == 10


def test_refuses_a_huge_file():
    with pytest.raises(si.SiasnFileError) as error:
        si.read_table(b"x" * (si.MAX_BYTES + 1))
    assert error.value.code == "too_big"


def test_missing_and_duplicate_columns():
    with pytest.raises(si.SiasnFileError) as error:
        rows_of(csv_bytes("1;Ani", header="NIP;NAMA"))
    assert error.value.code == "missing_columns"
    assert error.value.params["columns"] == ["STATUS", "GOLONGAN", "JABATAN", "JENIS JABATAN", "UNOR"]
    with pytest.raises(si.SiasnFileError) as error:
        rows_of(csv_bytes("", header=HEADER + ";Nama"))
    assert error.value.code == "duplicate_columns"


def test_reads_xlsx_and_refuses_a_numeric_nip():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append([NIP_A, "Ani", "PNS", "III/a", "Analis", "Pelaksana", "U-10"])
    sheet.append([None] * 7)
    sheet.append([int(NIP_B), "Budi", "PNS", "III/c", "Analis", "Pelaksana", 10])
    stream = io.BytesIO()
    book.save(stream)
    header, rows, kind = si.read_table(stream.getvalue())
    assert kind == "xlsx"
    first, second = si.parse_rows(header, rows, today=TODAY)
    assert not first.reasons and first.values["nip"] == NIP_A
    assert reasons(second) == ["nip_number"]
    assert second.line == 4 and second.values["unor"] == "10"


# ------------------------------------------------------------------ checking rows
def test_row_reasons():
    rows = rows_of(csv_bytes(
        "12345;Ani;PNS;III/a;Analis;Pelaksana;U-10",
        "%s;Budi;Honorer;III/a;Analis;Pelaksana;U-10" % NIP_B,
        "%s;Cici;PNS;IX;Analis;Pelaksana;U-10" % nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 1),
        "%s;Dedi;PNS;III/a;Analis;Pelaksana;U-10" % NIP_P,
        "%s;;PNS;III/a;Analis;Manager;" % nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 2),
        "%s;%s;PNS;III/a;Analis;Pelaksana;U-10" % (nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 3),
                                                   "x" * 201),
        "%s;Eka;PNS" % nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 4),
    ))
    assert [reasons(row) for row in rows] == [
        ["nip"], ["status"], ["golongan"], ["nip_status"], ["required", "required", "jenis_jabatan"],
        ["too_long"], ["columns", "required"],
    ]
    assert rows[0].reasons[0][1]["part"] == "length"
    assert rows[5].reasons[0][1] == {"column": "name", "length": 201, "limit": 200}


def test_pppk_golongan_and_status():
    (row,) = rows_of(csv_bytes("%s;Ani;PPPK;PPPK IX;Perawat;Fungsional Tertentu;U-10" % NIP_P))
    assert not row.reasons
    assert (row.values["status"], row.values["golongan"], row.values["position_kind"]) == ("pppk", "pppk_IX",
                                                                                           "fungsional")
    assert si.golongan_code("III/b", "pppk") is None
    assert si.golongan_code("XVIII", "pppk") is None
    assert si.golongan_code("IV/e", "pns") == "IV/e"
    assert si.golongan_code("I/e", "pns") is None  # golongan I stops at I/d


def test_duplicate_nip_rejects_every_copy():
    spaced = " ".join((NIP_A[:8], NIP_A[8:14], NIP_A[14], NIP_A[15:]))  # as printed on an SK
    rows = rows_of(csv_bytes(*["%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A] * 2,
                             "%s;Budi;PNS;III/a;Analis;Pelaksana;U-10" % NIP_B,
                             "%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % spaced))
    assert [reasons(row) for row in rows] == [["duplicate_nip"], ["duplicate_nip"], [], ["duplicate_nip"]]
    assert rows[0].reasons[0][1]["lines"] == [3, 5]


# ------------------------------------------------------------------ comparing
def plan_of(*lines, employees=None, units=None):
    return si.plan(rows_of(csv_bytes(*lines)), employees or {}, units or {"U-10": 10, "U-11": 11})


def test_plan_kinds():
    employees = {
        NIP_A: current(1),
        NIP_B: current(2, name="Budi"),
        NIP_P: current(3, name="Cici", status="pppk", golongan="pppk_VII", position_kind="fungsional"),
    }
    other = nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 9)
    lines = plan_of(
        "%s;Ani;PNS;III/a;Analis;Pelaksana;U-11" % NIP_A,  # moved
        "%s;Budi;PNS;III/b;Analis;Pelaksana;U-10" % NIP_B,  # promoted (golongan)
        "%s;Cici, S.Kep.;PPPK;VII;;Fungsional;U-10" % NIP_P,  # changed (name); empty jabatan: kept
        "%s;Dedi;CPNS;II/a;Pengadministrasi;Pelaksana;U-10" % other,  # new
        employees=employees,
    )
    assert [line.kind for line in lines] == ["moved", "promoted", "changed", "new"]
    assert lines[0].changes == {"unit": (10, 11)} and lines[0].values == {"unit": 11}
    assert lines[1].changes == {"golongan": ("III/a", "III/b")}
    assert lines[2].values == {"name": "Cici, S.Kep."}
    assert lines[3].values == {"name": "Dedi", "status": "cpns", "golongan": "II/a", "jabatan": "Pengadministrasi",
                               "position_kind": "pelaksana", "unit": 10}
    assert si.summary(lines) == {"rejected": 0, "new": 1, "moved": 1, "promoted": 1, "changed": 1, "unchanged": 0}


def test_plan_same_data_is_unchanged_and_digest_stable():
    employees = {NIP_A: current(1)}
    line = "%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A
    first, second = plan_of(line, employees=employees), plan_of(line, employees=employees)
    assert [item.kind for item in first] == ["unchanged"] and not first[0].values
    assert si.digest(first) == si.digest(second)
    moved = plan_of(line.replace("U-10", "U-11"), employees=employees)
    assert si.digest(moved) != si.digest(first)


def test_plan_rejects_unknown_unit_archived_and_structural():
    employees = {NIP_A: current(1, position_kind="administrator"), NIP_B: current(2, active=False)}
    other = nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 9)
    lines = plan_of(
        "%s;Ani;PNS;IV/a;Kepala Bidang;Struktural;U-10" % NIP_A,  # keeps administrator
        "%s;Budi;PNS;III/a;Analis;Pelaksana;U-10" % NIP_B,
        "%s;Dedi;PNS;III/a;Kepala Seksi;Jabatan Struktural;U-10" % other,
        "%s;Ani;PNS;III/a;Analis;Pelaksana;X-99" % nip_rules.build(datetime.date(1991, 1, 1), 2015, 3, "male", 8),
        employees=employees,
    )
    assert [line.kind for line in lines] == ["promoted", "rejected", "rejected", "rejected"]
    assert "position_kind" not in lines[0].changes
    assert [[code for code, _ in line.reasons] for line in lines[1:]] == [["archived"], ["structural"],
                                                                          ["unit_unknown"]]
    assert lines[3].reasons[0][1] == {"code": "X-99"}


def test_plan_clears_a_jenjang_the_new_kind_does_not_have():
    employees = {NIP_A: current(1, position_kind="fungsional", jenjang="ahli_muda"),
                 NIP_B: current(2, position_kind="fungsional", jenjang="ahli_muda")}
    lines = plan_of("%s;Ani;PNS;III/a;Analis;Pelaksana;U-10" % NIP_A,
                    "%s;Ani;PNS;III/a;Analis;Fungsional;U-10" % NIP_B, employees=employees)
    assert lines[0].values == {"position_kind": "pelaksana", "jenjang": False}
    assert lines[0].kind == "promoted"
    assert lines[1].kind == "unchanged"
