"""Lampiran II resolver (hr_asn_performance/rules/lampiran2.py) on a city with every section."""
import dataclasses

import pytest

import lampiran2_cases as cases
from hr_asn_performance_rules import asn_data
from hr_asn_performance_rules import lampiran2 as l2

TABLE = l2.load_table()
UNIT_IDS = {key: index for index, (key, *_rest) in enumerate(cases.UNITS, start=1)}
EMPLOYEES = cases.employee_keys()
EMPLOYEE_IDS = {key: index for index, (key, *_rest) in enumerate(EMPLOYEES, start=1000)}
NAMES = {value: key for key, value in EMPLOYEE_IDS.items()}
NAMES[l2.KEPALA_DAERAH] = "KD"


def build_units(overrides=None):
    overrides = overrides or {}
    units = []
    for key, parent, kind, code in cases.UNITS:
        values = dict(
            id=UNIT_IDS[key],
            parent_id=UNIT_IDS.get(parent),
            opd_kind=kind[4:] if kind.startswith("opd:") else "",
            unit_kind="" if kind.startswith("opd:") else kind,
            function_code=code,
            head_id=EMPLOYEE_IDS["H." + key],
        )
        values.update(overrides.get(key, {}))
        units.append(l2.Unit(**values))
    return units


def build_employees(moves=None):
    moves = moves or {}
    return [
        l2.Employee(id=EMPLOYEE_IDS[key], unit_id=UNIT_IDS[moves.get(key, unit)], special=special)
        for key, unit, _head, special in EMPLOYEES
    ]


def resolve(unit_overrides=None, moves=None, table=TABLE):
    results = l2.resolve(build_units(unit_overrides), build_employees(moves), table)
    return {NAMES[emp_id]: result for emp_id, result in results.items()}


def names(result):
    return NAMES.get(result.penilai), NAMES.get(result.atasan)


def test_table_is_sound_and_complete():
    kinds = tuple(code for code, _label in asn_data.UNIT_KINDS)
    assert l2.check_table(TABLE, kinds) == []
    assert {row.section for row in TABLE} == {code for code, _label in asn_data.OPD_KINDS}
    per_section = {}
    for row in TABLE:
        per_section[row.section] = per_section.get(row.section, 0) + 1
    # the row counts of Lampiran II, section by section
    assert per_section == {
        "setda": 6, "setwan": 4, "inspektorat": 6, "dinas": 7, "dinas_uptd": 10,
        "dinas_pendidikan": 18, "badan": 7, "badan_upt": 10, "satpol_pp": 7, "rsud": 9,
        "kecamatan": 6, "kelurahan": 5, "bpbd": 5,
    }


def test_every_row_is_exercised():
    assert {row.code for row in TABLE} == {case[0] for case in cases.CASES}


@pytest.mark.parametrize("row, employee, penilai, atasan", cases.CASES)
def test_every_row(row, employee, penilai, atasan):
    result = resolve()[employee]
    assert result.row == row
    assert names(result) == (penilai, atasan)


def test_ab_pair_second_alternative_is_flagged():
    results = resolve()
    assert l2.FLAG_ALTERNATIVE in results["S.bagian2"].flags
    assert l2.FLAG_ALTERNATIVE not in results["S.subbag1"].flags


def test_plt_acts_as_assessor():
    """Pasal 26(2): a Plt or Plh is the Pejabat Penilai of the post they act for."""
    results = resolve({"dseksi": {"head_id": None, "acting_id": EMPLOYEE_IDS["S.dbid"]}})
    assert names(results["S.dseksi"]) == ("S.dbid", "H.dbid")
    assert l2.FLAG_PENILAI_ACTING in results["S.dseksi"].flags


def test_vacant_post_passes_up():
    """Pasal 26(3): a vacant post with no Plt/Plh passes to the officials above it."""
    results = resolve({"dseksi": {"head_id": None}})
    assert names(results["S.dseksi"]) == ("H.dbid", "H.dinas")
    assert l2.FLAG_PENILAI_VACANT in results["S.dseksi"].flags
    # two levels vacant: seksi and bidang
    results = resolve({"dseksi": {"head_id": None}, "dbid": {"head_id": None}})
    assert names(results["S.dseksi"]) == ("H.dinas", "H.setda")


def test_vacant_atasan_passes_up():
    results = resolve({"dbid": {"head_id": None}})
    assert names(results["S.dseksi"]) == ("H.dseksi", "H.dinas")
    assert l2.FLAG_ATASAN_VACANT in results["S.dseksi"].flags


def test_vacant_sekda_for_kepala_dinas_atasan():
    results = resolve({"setda": {"head_id": None}})
    # Sekretaris Dinas: atasan Sekda, vacant: the Wali Kota, who assesses the Sekda
    assert names(results["H.dsek"]) == ("H.dinas", "KD")


def test_nobody_assesses_themselves():
    """A Kepala Seksi who is also Plt Kepala Bidang is assessed by the Kepala Dinas."""
    results = resolve({"dbid": {"head_id": None, "acting_id": EMPLOYEE_IDS["H.dseksi"]}})
    assert names(results["H.dseksi"]) == ("H.dinas", "H.setda")
    # the Kepala Seksi assesses the Seksi's staff; their atasan is not him again but the Kepala Dinas
    assert names(results["S.dseksi"]) == ("H.dseksi", "H.dinas")


def test_mutation_moves_the_assessor():
    results = resolve(moves={"S.dseksi": "bsubbid"})
    assert names(results["S.dseksi"]) == ("H.bsubbid", "H.bbid")
    assert results["S.dseksi"].row == "7.g"


def test_no_row_falls_back_to_direct_superior():
    """Pasal 26(1): staff placed where Lampiran II has no row are assessed by their unit head."""
    results = resolve()
    assert results["S.asisten1"].row == ""
    assert l2.FLAG_NO_ROW in results["S.asisten1"].flags
    assert names(results["S.asisten1"]) == ("H.asisten1", "H.setda")


def test_employee_without_unit_is_unresolved():
    units = build_units()
    result = l2.resolve(units, [l2.Employee(id=1, unit_id=None)], TABLE)[1]
    assert (result.penilai, result.atasan) == (None, None)
    assert l2.FLAG_NO_UNIT in result.flags


def test_edited_table_changes_the_answer():
    """The table is data: a Pemda that lets the Kepala Bidang assess all Bidang staff says so in a row."""
    table = tuple(
        dataclasses.replace(row, penilai_ref=("bidang",), atasan_ref=("opd_head",)) if row.code == "4.g" else row
        for row in TABLE
    )
    assert names(resolve(table=table)["S.dseksi"]) == ("H.dbid", "H.dinas")


def test_check_table_reports_problems():
    bad = (
        l2.Row(section="dinas", code="x", subject="", role="boss", unit_kinds=("seksi",),
               penilai_ref=("nowhere",), atasan_ref=()),
        l2.Row(section="dinas", code="x", subject="", role="head", unit_kinds=("bogus",),
               penilai_ref=("opd_head",), atasan_ref=("sekda",)),
    )
    kinds = tuple(code for code, _label in asn_data.UNIT_KINDS)
    problems = l2.check_table(bad, kinds)
    assert any("duplicate code" in p for p in problems)
    assert any("role" in p for p in problems)
    assert any("'nowhere'" in p for p in problems)
    assert any("penilai and atasan are required" in p for p in problems)
    assert any("'bogus'" in p for p in problems)

