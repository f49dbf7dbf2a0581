"""Pejabat Penilai Kinerja and Atasan Pejabat Penilai (Perwal Bekasi 38/2023 Pasal 26, Lampiran II).

Plain Python: nothing here imports odoo. The Lampiran II table is data (``lampiran2_bekasi.csv`` is
Bekasi's default, another Pemda edits its own rows); the organisation is given as plain ``Unit`` and
``Employee`` records, and ``resolve`` answers, for every employee, who assesses them, who is the
assessor's superior, and the table row that decided it.

How a row is read:

* ``role`` -- ``head`` matches the head of a unit of one of ``unit_kinds``, ``staff`` an employee
  placed in such a unit who does not head it, ``any`` both. ``opd`` is the kind of the Perangkat Daerah
  itself (its head: Kepala Dinas, Camat, Lurah ...); ``*`` matches any unit.
* ``special`` -- rows that only match employees so marked (6.h Pengawas/Penilik Sekolah, 6.o-q guru
  diperbantukan/dipekerjakan); they win over the ordinary rows for those employees.
* ``penilai_ref``/``atasan_ref`` -- "A|B" alternatives, read as a pair (the "Kepala Sub Bagian/ Kepala
  Bagian" cells): the first alternative whose post exists in the employee's organisation is used, and
  the atasan takes the alternative of the same rank.

References to posts:

``kepala_daerah``         the Wali Kota / Bupati (not an employee)
``sekda``                 head of the Sekretariat Daerah (the Perangkat Daerah of kind ``setda``)
``opd_head``              head of the employee's own Perangkat Daerah
``opd_sekretaris``        head of the ``sekretariat`` unit directly under that Perangkat Daerah
``parent_opd_head``       head of the Perangkat Daerah above it (the Camat, for a Kelurahan)
``parent_opd_sekretaris`` its ``sekretariat`` head (the Sekretaris Kecamatan, for a Kelurahan)
``unit:<code>``           head of the unit of that function code in the same Perangkat Daerah
                          (Dinas Pendidikan's "Kepala Seksi SD", "Kepala Bidang Pendidikan Dasar" ...)
``<unit kind>``           head of the nearest unit of that kind above the employee (for a staff
                          member: their own unit included), inside their Perangkat Daerah

A post held by nobody is filled by its Plt/Plh (Pasal 26(2)); a post with neither is vacant, and the
assessment passes to the officials who would assess that post (Pasal 26(3): "atasan dari pejabat
penilai kinerja secara hierarki"). Nobody assesses themselves: a post held or acted for by the employee
being assessed is treated as vacant, and so is the atasan's post when its holder is already the penilai.
Where no row fits, Pasal 26(1) applies: the head of the unit directly above ("atasan langsung").
"""

import csv
import os
from dataclasses import dataclass, field

KEPALA_DAERAH = "kepala_daerah"
OPD = "opd"
ANY_UNIT = "*"
ROLES = ("head", "staff", "any")

# Flags explaining a result, besides the row (read by the Odoo side to build a readable reason).
FLAG_PENILAI_ACTING = "penilai_acting"  # the penilai holds the post as Plt/Plh (Pasal 26(2))
FLAG_ATASAN_ACTING = "atasan_acting"
FLAG_PENILAI_VACANT = "penilai_vacant"  # vacant post passed up the hierarchy (Pasal 26(3))
FLAG_ATASAN_VACANT = "atasan_vacant"
FLAG_ALTERNATIVE = "alternative"  # the second (or later) alternative of an "A/B" cell was used
FLAG_NO_ROW = "no_row"  # no Lampiran II row fits: atasan langsung (Pasal 26(1))
FLAG_NO_UNIT = "no_unit"  # the employee has no unit in a Perangkat Daerah
FLAG_UNRESOLVED = "unresolved"  # a post the row names does not exist in this organisation

DEFAULT_TABLE_PATH = os.path.join(os.path.dirname(__file__), "lampiran2_bekasi.csv")
TABLE_COLUMNS = (
    "section", "code", "subject", "role", "unit_kinds", "special",
    "penilai_label", "penilai_ref", "atasan_label", "atasan_ref", "note",
)


@dataclass(frozen=True)
class Row:
    section: str
    code: str
    subject: str
    role: str
    unit_kinds: tuple
    penilai_ref: tuple
    atasan_ref: tuple
    special: str = ""
    penilai_label: str = ""
    atasan_label: str = ""
    note: str = ""

    @classmethod
    def from_dict(cls, values):
        """Build a row from a CSV/record dict; ``|``-separated strings become tuples."""
        def split(value):
            if isinstance(value, (tuple, list)):
                return tuple(value)
            return tuple(part.strip() for part in (value or "").split("|") if part.strip())

        return cls(
            section=values["section"],
            code=values["code"],
            subject=values.get("subject") or "",
            role=values["role"],
            unit_kinds=split(values["unit_kinds"]),
            penilai_ref=split(values["penilai_ref"]),
            atasan_ref=split(values["atasan_ref"]),
            special=values.get("special") or "",
            penilai_label=values.get("penilai_label") or "",
            atasan_label=values.get("atasan_label") or "",
            note=values.get("note") or "",
        )


@dataclass(frozen=True)
class Unit:
    """A department: a Perangkat Daerah (``opd_kind`` set) or a unit inside one (``unit_kind``)."""

    id: int
    parent_id: int = None
    opd_kind: str = ""
    unit_kind: str = ""
    function_code: str = ""
    head_id: int = None
    acting_id: int = None  # the Plt/Plh acting for the head today (Pasal 26(2))


@dataclass(frozen=True)
class Employee:
    id: int
    unit_id: int = None
    special: str = ""


@dataclass(frozen=True)
class Result:
    """``penilai``/``atasan``: an employee id, ``KEPALA_DAERAH`` or ``None`` (could not be resolved)."""

    penilai: object
    atasan: object
    row: str = ""
    flags: tuple = field(default=())


def load_table(path=DEFAULT_TABLE_PATH):
    """Read a Lampiran II table in the CSV layout of ``lampiran2_bekasi.csv``."""
    with open(path, newline="", encoding="utf-8") as handle:
        return tuple(Row.from_dict(values) for values in csv.DictReader(handle))


def check_table(rows, known_unit_kinds=None):
    """Return a list of problems in a table (empty when sound); used before saving edited rows."""
    problems = []
    seen = set()
    for row in rows:
        if row.code in seen:
            problems.append("%s: duplicate code" % row.code)
        seen.add(row.code)
        if row.role not in ROLES:
            problems.append("%s: role %r is not one of %s" % (row.code, row.role, ", ".join(ROLES)))
        if not row.unit_kinds:
            problems.append("%s: no unit kind" % row.code)
        if not row.penilai_ref or not row.atasan_ref:
            problems.append("%s: penilai and atasan are required" % row.code)
        for ref in row.penilai_ref + row.atasan_ref:
            if not _ref_is_valid(ref, known_unit_kinds):
                problems.append("%s: unknown reference %r" % (row.code, ref))
        for kind in row.unit_kinds:
            if known_unit_kinds is not None and kind not in known_unit_kinds + (OPD, ANY_UNIT):
                problems.append("%s: unknown unit kind %r" % (row.code, kind))
    return problems


_FIXED_REFS = (
    KEPALA_DAERAH, "sekda", "opd_head", "opd_sekretaris", "parent_opd_head", "parent_opd_sekretaris",
)


def _ref_is_valid(ref, known_unit_kinds):
    if ref in _FIXED_REFS:
        return True
    if ref.startswith("unit:"):
        return bool(ref[5:])
    return known_unit_kinds is None or ref in known_unit_kinds


class _Organisation:
    """Indexes over the units, built once per ``resolve`` call (all lookups are dict reads)."""

    def __init__(self, units, rows):
        self.units = {unit.id: unit for unit in units}
        self.opd_of = {}
        for unit in units:
            self.opd_of[unit.id] = self._find_opd(unit)
        self.by_code = {}
        self.sekretariat_of = {}
        self.setda = None
        for unit in sorted(units, key=lambda u: u.id):
            opd = self.opd_of[unit.id]
            if unit.opd_kind == "setda" and self.setda is None:
                self.setda = unit.id
            if opd is None:
                continue
            if unit.function_code:
                self.by_code.setdefault((opd, unit.function_code), unit.id)
            if unit.unit_kind == "sekretariat" and unit.parent_id == opd:
                self.sekretariat_of.setdefault(opd, unit.id)
        self.heads = {}
        for unit in sorted(units, key=lambda u: u.id):
            if unit.head_id is not None:
                self.heads.setdefault(unit.head_id, []).append(unit.id)
        self.rows = {}
        for row in rows:
            self.rows.setdefault(row.section, []).append(row)

    def _find_opd(self, unit):
        seen = set()
        while unit is not None and unit.id not in seen:
            if unit.opd_kind:
                return unit.id
            seen.add(unit.id)
            unit = self.units.get(unit.parent_id)
        return None

    def kind_of(self, unit_id):
        unit = self.units[unit_id]
        return OPD if unit.opd_kind else unit.unit_kind

    def parent_opd(self, opd_id):
        parent = self.units[opd_id].parent_id
        return self.opd_of.get(parent) if parent in self.units else None

    def find_row(self, section, role, kind, special):
        candidates = [
            row for row in self.rows.get(section, ())
            if row.role in (role, "any") and (kind in row.unit_kinds or ANY_UNIT in row.unit_kinds)
        ]
        if special:
            for row in candidates:
                if row.special == special:
                    return row
        for row in candidates:
            if not row.special:
                return row
        return None

    def locate(self, ref, start_unit_id, opd_id):
        """The unit whose head the reference names, ``KEPALA_DAERAH``, or None if no such post."""
        if ref == KEPALA_DAERAH:
            return KEPALA_DAERAH
        if ref == "sekda":
            return self.setda
        if ref == "opd_head":
            return opd_id
        if ref == "opd_sekretaris":
            return self.sekretariat_of.get(opd_id)
        if ref == "parent_opd_head":
            return self.parent_opd(opd_id)
        if ref == "parent_opd_sekretaris":
            parent = self.parent_opd(opd_id)
            return self.sekretariat_of.get(parent) if parent else None
        if ref.startswith("unit:"):
            return self.by_code.get((opd_id, ref[5:]))
        unit_id = start_unit_id
        while unit_id is not None and unit_id in self.units:
            if self.units[unit_id].unit_kind == ref and not self.units[unit_id].opd_kind:
                return unit_id
            if unit_id == opd_id:
                break
            unit_id = self.units[unit_id].parent_id
        return None


class _Resolver:
    def __init__(self, org):
        self.org = org
        self.position_cache = {}
        self.in_progress = set()

    def holder(self, target, *exclude):
        """Who fills the post ``target``, passing over ``exclude``: (holder, acting, vacant)."""
        if target == KEPALA_DAERAH:
            return KEPALA_DAERAH, False, False
        unit = self.org.units[target]
        if unit.head_id is not None and unit.head_id not in exclude:
            return unit.head_id, False, False
        if unit.acting_id is not None and unit.acting_id not in exclude:
            return unit.acting_id, True, False
        return None, False, True

    def position(self, unit_id):
        """The assessment of the head's post of ``unit_id``, whoever holds it (memoised)."""
        if unit_id in self.position_cache:
            return self.position_cache[unit_id]
        if unit_id in self.in_progress:  # a table whose references loop: stop, say so
            return Result(None, None, "", (FLAG_UNRESOLVED,))
        self.in_progress.add(unit_id)
        result = self.assess("head", unit_id, "", self.org.units[unit_id].head_id)
        self.in_progress.discard(unit_id)
        self.position_cache[unit_id] = result
        return result

    def assess(self, role, unit_id, special, exclude):
        org = self.org
        opd_id = org.opd_of.get(unit_id)
        if opd_id is None:
            return Result(None, None, "", (FLAG_NO_UNIT,))
        unit = org.units[unit_id]
        # a head looks for posts above their own unit, a staff member from their own unit up
        start = unit.parent_id if role == "head" else unit_id
        row = org.find_row(org.units[opd_id].opd_kind, role, org.kind_of(unit_id), special)
        if row is None:
            return self.direct_superior(start, opd_id, exclude)
        flags = []
        penilai_target = atasan_target = None
        for rank, ref in enumerate(row.penilai_ref):
            penilai_target = org.locate(ref, start, opd_id)
            if penilai_target is not None:
                atasan_ref = row.atasan_ref[min(rank, len(row.atasan_ref) - 1)]
                atasan_target = org.locate(atasan_ref, start, opd_id)
                if rank:
                    flags.append(FLAG_ALTERNATIVE)
                break
        if penilai_target is None:
            return Result(None, None, row.code, (FLAG_UNRESOLVED,))
        penilai, acting, vacant = self.holder(penilai_target, exclude)
        if acting:
            flags.append(FLAG_PENILAI_ACTING)
        if vacant:
            # Pasal 26(3): the officials who would assess the vacant post take its place
            upper = self.position(penilai_target)
            flags.append(FLAG_PENILAI_VACANT)
            return Result(upper.penilai, upper.atasan, row.code, tuple(flags) + upper.flags)
        if atasan_target is None:
            return Result(penilai, None, row.code, tuple(flags) + (FLAG_UNRESOLVED,))
        # the atasan is somebody else than the penilai (a Kepala Seksi who is also Plt of his Kepala
        # Bidang assesses his staff; the Kepala Dinas above is their atasan)
        atasan, acting, vacant = self.holder(atasan_target, exclude, penilai)
        if acting:
            flags.append(FLAG_ATASAN_ACTING)
        if vacant:
            atasan = self.position(atasan_target).penilai
            flags.append(FLAG_ATASAN_VACANT)
        return Result(penilai, atasan, row.code, tuple(flags))

    def direct_superior(self, start, opd_id, exclude):
        """Pasal 26(1): the head of the unit directly above, when Lampiran II has no row."""
        if start is None or start not in self.org.units:
            return Result(None, None, "", (FLAG_NO_ROW, FLAG_UNRESOLVED))
        penilai, acting, vacant = self.holder(start, exclude)
        above = self.position(start)
        if vacant:
            return Result(above.penilai, above.atasan, "", (FLAG_NO_ROW, FLAG_PENILAI_VACANT))
        flags = (FLAG_NO_ROW,) + ((FLAG_PENILAI_ACTING,) if acting else ())
        return Result(penilai, above.penilai, "", flags)


def resolve(units, employees, rows):
    """Assess every employee: ``{employee id: Result}``.

    ``units``: iterable of ``Unit``; ``employees``: iterable of ``Employee``; ``rows``: the Lampiran II
    table (``Row``s). Runs in time linear in the number of employees and units.
    """
    org = _Organisation(list(units), rows)
    resolver = _Resolver(org)
    results = {}
    for employee in employees:
        headed = org.heads.get(employee.id, ())
        if headed:
            unit_id = employee.unit_id if employee.unit_id in headed else headed[0]
            if employee.special:
                results[employee.id] = resolver.assess("head", unit_id, employee.special, employee.id)
            else:
                result = resolver.position(unit_id)
                if employee.id in (result.penilai, result.atasan):
                    result = resolver.assess("head", unit_id, "", employee.id)
                results[employee.id] = result
        elif employee.unit_id in org.units:
            results[employee.id] = resolver.assess("staff", employee.unit_id, employee.special, employee.id)
        else:
            results[employee.id] = Result(None, None, "", (FLAG_NO_UNIT,))
    return results
