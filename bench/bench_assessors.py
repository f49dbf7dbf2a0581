"""Bench: recompute every Pejabat Penilai of a city of N employees (issue: foundation, item 11).

Run through ``bench/run-assessors`` (which makes a fresh database); executed by ``odoo-bin shell``, so
``env`` is given. Prints: time to create N employees without ASN data (plain hr), with ASN data (NIP,
status, golongan; assessors recomputed as they come), the ratio, and the time, query count and peak
memory of recomputing every assessor from nothing.
"""
import datetime
import os
import random
import resource

from odoo.addons.hr_asn_performance.rules import nip as nip_rules

N = int(os.environ.get("HR_ASN_BENCH_N", "20000"))
STAFF_PER_SEKSI = 8
rng = random.Random(38)


def build_units(prefix):
    """Perangkat Daerah of kind Dinas: Sekretariat, 4 Bidang x 3 Seksi; sized so N employees fit."""
    Department = env["hr.department"].with_context(hr_asn_no_recompute=True, tracking_disable=True)
    per_opd_heads = 1 + 1 + 4 + 12
    per_opd = per_opd_heads + 12 * STAFF_PER_SEKSI + 2 * STAFF_PER_SEKSI
    n_opd = max(1, N // per_opd)
    setda = Department.create({"name": "%s Sekretariat Daerah" % prefix, "asn_opd_kind": "setda"})
    seksi_units, heads = [], [setda]
    for i in range(n_opd):
        opd = Department.create({"name": "%s Dinas %d" % (prefix, i), "asn_opd_kind": "dinas"})
        sek = Department.create({"name": "Sekretariat", "parent_id": opd.id, "asn_unit_kind": "sekretariat"})
        heads += [opd, sek]
        seksi_units += [sek, sek]
        for b in range(4):
            bid = Department.create({"name": "Bidang %d" % b, "parent_id": opd.id, "asn_unit_kind": "bidang"})
            heads.append(bid)
            for s in range(3):
                seksi = Department.create({"name": "Seksi %d.%d" % (b, s), "parent_id": bid.id,
                                           "asn_unit_kind": "seksi"})
                heads.append(seksi)
                seksi_units.append(seksi)
    return heads, seksi_units


def employee_vals(heads, seksi_units, with_asn):
    vals_list = []
    for unit in heads:
        vals_list.append({"name": "Head %s" % unit.id, "department_id": unit.id})
    i = 0
    while len(vals_list) < N:
        vals_list.append({"name": "Staff %d" % i, "department_id": seksi_units[i % len(seksi_units)].id})
        i += 1
    if with_asn:
        for seq, vals in enumerate(vals_list):
            pppk = rng.random() < 0.15
            birth = datetime.date(1965 + rng.randrange(35), 1 + rng.randrange(12), 1 + rng.randrange(28))
            vals.update({
                "nip": nip_rules.build(birth, birth.year + 23, 0 if pppk else 3, "male", 1 + seq % 999),
                "asn_status": "pppk" if pppk else "pns",
                "asn_golongan": "pppk_VII" if pppk else "III/b",
                "asn_position_kind": "pelaksana",
            })
    return vals_list


def unique_nips(vals_list):
    """Make NIPs unique across the bench (the sequence has only 3 digits): vary the birth date."""
    seen = set()
    for vals in vals_list:
        number = vals["nip"]
        while number in seen:
            parsed = nip_rules.parse(number)
            number = nip_rules.build(parsed.birth_date + datetime.timedelta(days=1), parsed.appointment_year,
                                     parsed.appointment_month, parsed.gender, parsed.sequence)
        seen.add(number)
        vals["nip"] = number


Employee = env["hr.employee"]
print("hr_asn bench: %d employees" % N)
heads, seksi = build_units("Plain")
plain_vals = employee_vals(heads, seksi, False)


def create_plain():
    # plain hr: no ASN data, no assessor recomputation
    return Employee.with_context(hr_asn_no_recompute=True, tracking_disable=True).create(plain_vals)


t_plain, _q, plain = timed("create %d employees without ASN data" % N, create_plain)
plain.with_context(hr_asn_no_recompute=True).unlink()
env["hr.department"].search([("name", "like", "Plain%")]).with_context(hr_asn_no_recompute=True).unlink()
heads, seksi = build_units("City")
asn_vals = employee_vals(heads, seksi, True)
unique_nips(asn_vals)


def create_asn():
    employees = Employee.with_context(tracking_disable=True, hr_asn_no_recompute=True).create(asn_vals)
    head_count = len(heads)
    for unit, head in zip(heads, employees[:head_count], strict=True):
        unit.with_context(hr_asn_no_recompute=True).manager_id = head
    Employee._asn_recompute_assessors()
    return employees


t_asn, _q, employees = timed("create %d employees with ASN data + assessors" % N, create_asn)
print("%-58s %8.2f" % ("ratio (with ASN data / without)", t_asn / t_plain))
# "From nothing": every assessor column empty and committed, the cache empty, as after a table change on
# a city whose assessors were never computed (the database is the bench's own and dropped afterwards)
env.cr.commit()
env.cr.execute("""UPDATE hr_employee SET pejabat_penilai_id = NULL, pejabat_penilai_official = NULL,
                  atasan_pejabat_penilai_id = NULL, atasan_pejabat_penilai_official = NULL,
                  lampiran2_row_id = NULL, lampiran2_row = NULL, assessor_flags = NULL, assessor_source = NULL""")
env.cr.commit()
env.invalidate_all()
t_rec, q_rec, changed = timed("recompute every assessor from nothing", Employee._asn_recompute_assessors)
print("%-58s %8d" % ("employees changed by the recompute", changed))
unresolved = Employee.search_count([("assessor_source", "=", "unresolved")])
print("%-58s %8d" % ("employees left unresolved", unresolved))
t_noop, q_noop, _ = timed("recompute again (nothing changes)", Employee._asn_recompute_assessors)
sample = Employee.browse(employees[-1].id)  # without the creation context
t_move, q_move, _ = timed("mutation of one employee to another Seksi",
                          lambda: sample.write({"department_id": seksi[0].id}))
print("%-58s %8.0f MiB" % ("peak RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
env.cr.rollback()
