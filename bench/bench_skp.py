"""Bench: the SKP year of a city of N employees (issue #4).

Run through ``bench/run-skp`` (which makes a fresh database); executed by ``odoo-bin shell``, so ``env``
is given. Builds the city of benchlib (Dinas with Sekretariat, 4 Bidang x 3 Seksi, staff), then, level by
level down the cascade (heads of Perangkat Daerah, then Sekretaris and Kepala Bidang, Kepala Seksi,
staff), creates the drafts of the whole city, writes one RHK with two IKI into each (the typing, not
measured: one create), submits them and sets them, printing time and queries of each step. Then a month
of realisasi for everybody (written in one statement), reported and reviewed in batch, the overdue list
by Perangkat Daerah, and the peak memory.
"""
import os
import random
import resource

from freezegun import freeze_time

from odoo import fields

N = int(os.environ.get("HR_ASN_BENCH_N", "10000"))
YEAR = 2026
rng = random.Random(4)
print("hr_asn_performance SKP bench: %d employees" % N)
heads, seksi = build_units(N)  # noqa: F821 - from benchlib
_t, _q, employees = timed("create %d employees + assessors (setup)" % N,  # noqa: F821
                          lambda: create_employees(employee_vals(N, heads, seksi, rng), heads))  # noqa: F821
Skp = env["hr.asn.skp"]  # noqa: F821


def levels():
    """Employees by depth of the cascade: whose Pejabat Penilai has no SKP comes first."""
    remaining, done, waves = employees, env["hr.employee"], []  # noqa: F821
    while remaining:
        wave = remaining.filtered(lambda e, done=done: not e.pejabat_penilai_id or e.pejabat_penilai_id in done)
        waves.append(wave)
        done |= wave
        remaining -= wave
    return waves


def fill(skps):
    parents = {}
    for rhk in env["hr.asn.skp.rhk"].search([("skp_id.state", "=", "set"), ("skp_id.year", "=", YEAR)]):  # noqa: F821
        parents.setdefault(rhk.employee_id.id, rhk.id)
    env["hr.asn.skp.rhk"].create([{  # noqa: F821
        "skp_id": skp.id, "kind": "utama", "name": "Hasil kerja %s" % skp.employee_id.name,
        "parent_rhk_id": parents.get(skp.pejabat_penilai_id.id, False) if skp.skp_format in ("3", "4") else False,
        "iki_ids": [fields.Command.create({"name": "Dokumen tersusun", "target_text": "12 dokumen"}),
                    fields.Command.create({"name": "Tepat waktu", "aspect": "waktu", "target_text": "12 bulan"})],
    } for skp in skps])


totals = [0.0, 0, 0.0, 0, 0.0, 0]
with freeze_time("%d-01-15" % YEAR, tick=True):
    for depth, wave in enumerate(levels(), start=1):
        t1, q1, skps = timed("level %d: create %d drafts" % (depth, len(wave)),  # noqa: F821
                             lambda w=wave: Skp._asn_create_for_employees(w, YEAR))
        fill(skps)
        env.invalidate_all()  # noqa: F821
        t2, q2, _r = timed("level %d: submit %d" % (depth, len(skps)), skps.action_submit)  # noqa: F821
        env.invalidate_all()  # noqa: F821
        t3, q3, _r = timed("level %d: set %d (12 months opened each)" % (depth, len(skps)), skps.action_set)  # noqa: F821
        for i, value in enumerate((t1, q1, t2, q2, t3, q3)):
            totals[i] += value
print("%-58s %8.2f s %8d queries" % ("whole city: create drafts", totals[0], totals[1]))
print("%-58s %8.2f s %8d queries" % ("whole city: submit", totals[2], totals[3]))
print("%-58s %8.2f s %8d queries" % ("whole city: set", totals[4], totals[5]))
all_skps = Skp.search([("year", "=", YEAR)])
print("%-58s %8d  (set %d)" % ("SKPs", len(all_skps), len(all_skps.filtered(lambda s: s.state == "set"))))

january = env["hr.asn.skp.month"].search([("year", "=", YEAR), ("month", "=", 1)])  # noqa: F821
env.flush_all()  # noqa: F821
env.cr.execute("UPDATE hr_asn_skp_month_line l SET realisasi = 'Tercapai', target_text = '1 dokumen' "  # noqa: F821
               "FROM hr_asn_skp_month m WHERE m.id = l.month_id AND m.id IN %s", (tuple(january.ids),))
env.invalidate_all()  # noqa: F821
with freeze_time("%d-02-02" % YEAR, tick=True):
    timed("January: %d months reported (batch)" % len(january), january.action_report)  # noqa: F821
    env.invalidate_all()  # noqa: F821
    timed("January: %d months reviewed (batch)" % len(january), january.action_review)  # noqa: F821
with freeze_time("%d-03-05" % YEAR, tick=True):
    env.invalidate_all()  # noqa: F821
    timed("daily reminders (February late for everybody)", Skp._cron_remind)  # noqa: F821
    timed("late months, counted by month (read_group)", lambda: env["hr.asn.skp.month"].read_group(  # noqa: F821
        [("is_late", "=", True)], ["__count"], ["month"], lazy=False))
    timed("overdue SKP by Perangkat Daerah (read_group)", lambda: Skp.read_group(
        [("is_overdue", "=", True)], ["__count"], ["opd_id"], lazy=False))
print("%-58s %8.0f MiB" % ("peak RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
env.cr.rollback()  # noqa: F821
