"""Bench: the SKP year of a city of N employees (issues #4 and #13).

Run through ``bench/run-skp`` (which makes a fresh database); executed by ``odoo-bin shell``, so ``env``
is given. HR_ASN_BENCH_STEPS (comma-separated, default ``sync,job,pdf``) chooses the passes:

``sync`` builds the city of benchlib (Dinas with Sekretariat, 4 Bidang x 3 Seksi, staff), then, level by
level down the cascade (heads of Perangkat Daerah, then Sekretaris and Kepala Bidang, Kepala Seksi,
staff), creates the drafts of the whole city, writes one RHK with two IKI into each (the typing, not
measured: one create), submits them and sets them in this process, printing time and queries of each step.
Then a month of realisasi for everybody (written in one statement), reported and reviewed in batch, the
overdue list by Perangkat Daerah, and the peak memory. Rolled back at the end.

``job`` builds the city again (every employee with a work e-mail: setting an SKP e-mails its employee) and,
as the BKPSDM administrator, through the lists' actions: creates the drafts of the whole city in one
background job, fills and submits them level by level (setup; a level is marked set in SQL only so that
the next one may cascade from it, then all are submitted again), and sets all N SKPs with "Set (Tetapkan)
Selected SKP": the request that checks and queues is timed, then the jobs run in an Odoo server with two
cron workers (``--workers 2``, as production), whose processes' peak memory (VmHWM) is sampled. Committed.

``pdf`` (after ``job``) prints SKPs one at a time as the Print button does: ``/report/pdf/...`` of an
Odoo server (``--workers 2``) with the BKPSDM administrator's session, timed from the client; Odoo's
report.print_delay is left at its default.
"""
import os
import random
import resource

from freezegun import freeze_time

from odoo import fields

N = int(os.environ.get("HR_ASN_BENCH_N", "10000"))
STEPS = os.environ.get("HR_ASN_BENCH_STEPS") or "sync,job,pdf"
ODOO = os.environ.get("HR_ASN_BENCH_ODOO", "odoo")  # scripts/odoo, for the servers of the job and pdf passes
PDF_COUNT = int(os.environ.get("HR_ASN_BENCH_PDF", "10"))
YEAR = 2026
ADMIN_LOGIN = "bench_bkpsdm"
Skp = env["hr.asn.skp"]  # noqa: F821


def levels(employees):
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


def bench_sync():
    rng = random.Random(4)
    print("hr_asn_performance SKP bench: %d employees" % N)
    heads, seksi = build_units(N)  # noqa: F821 - from benchlib
    _t, _q, employees = timed("create %d employees + assessors (setup)" % N,  # noqa: F821
                              lambda: create_employees(employee_vals(N, heads, seksi, rng), heads))  # noqa: F821
    totals = [0.0, 0, 0.0, 0, 0.0, 0]
    with freeze_time("%d-01-15" % YEAR, tick=True):
        for depth, wave in enumerate(levels(employees), start=1):
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


def fake_set(skps):
    """Mark ``skps`` set in SQL only (no months, no mail): the next level cascades from their RHK."""
    env.flush_all()  # noqa: F821
    env.cr.execute("UPDATE hr_asn_skp SET state = 'set' WHERE id IN %s", [tuple(skps.ids)])  # noqa: F821
    env.invalidate_all()  # noqa: F821


def bench_job():
    year = fields.Date.today().year  # the cron workers run today, not in a frozen time
    rng = random.Random(4)
    print("hr_asn_performance SKP job bench: %d employees (year %d)" % (N, year))
    heads, seksi = build_units(N)  # noqa: F821 - from benchlib
    _t, _q, employees = timed("create %d employees + assessors (setup)" % N,  # noqa: F821
                              lambda: create_employees(employee_vals(N, heads, seksi, rng), heads))  # noqa: F821
    env.flush_all()  # noqa: F821
    env.cr.execute("UPDATE hr_employee SET work_email = 'pegawai' || id || '@bench.invalid' WHERE id IN %s",  # noqa: F821
                   [tuple(employees.ids)])
    env.cr.execute("UPDATE res_partner p SET email = e.work_email FROM hr_employee e "  # noqa: F821
                   "WHERE e.work_contact_id = p.id AND e.id IN %s", [tuple(employees.ids)])
    env.invalidate_all()  # noqa: F821
    admin = env["res.users"].with_context(no_reset_password=True).create({  # noqa: F821
        "name": "BKPSDM Bench", "login": ADMIN_LOGIN, "password": ADMIN_LOGIN, "email": "bkpsdm@bench.invalid",
        "groups_id": [(4, env.ref("hr_asn_performance.group_hr_asn_performance_admin").id)],  # noqa: F821
    })
    env.cr.commit()  # noqa: F821

    queued, elapsed, peaks, _idle, _marks = run_in_cron_workers(  # noqa: F821
        ODOO, lambda: Skp.with_user(admin).action_create_for_employees(employees.with_user(admin)))
    jobs = env["hr.asn.job"].sudo().search([("method", "=", "_asn_job_create_skp")])  # noqa: F821
    skps = Skp.search([("year", "=", year)])
    print("%-58s %8.2f s  (%d drafts, jobs %s, busiest process %.0f MiB)" % (
        "create the drafts of the city: the job", elapsed, len(skps), jobs.mapped("state"), max(peaks.values())))

    _t, _q, _r = timed("fill and submit level by level (setup)", lambda: [  # noqa: F821
        (fill_skps(wave_skps, year), wave_skps.action_submit(), fake_set(wave_skps))  # noqa: F821
        for wave_skps in [skps.filtered(lambda s, w=wave: s.employee_id in w) for wave in levels(employees)]])
    env.cr.execute("UPDATE hr_asn_skp SET state = 'submitted' WHERE id IN %s", [tuple(skps.ids)])  # noqa: F821
    env.invalidate_all()  # noqa: F821
    env.cr.commit()  # noqa: F821
    print("%-58s %8d" % ("submitted SKPs", Skp.search_count([("year", "=", year), ("state", "=", "submitted")])))

    mails_before = env["mail.mail"].sudo().search_count([])  # noqa: F821
    marks = [mark for mark in (1000, 5000, 10000, 15000) if mark < len(skps)]
    queued, elapsed, peaks, idle, progress = run_in_cron_workers(  # noqa: F821
        ODOO, lambda: skps.with_user(admin).action_set_selected(), marks=marks)
    jobs = env["hr.asn.job"].sudo().search([("method", "=", "_asn_job_set")])  # noqa: F821
    set_count = Skp.search_count([("year", "=", year), ("state", "=", "set")])
    months = env["hr.asn.skp.month"].search_count([("skp_id", "in", skps.ids)])  # noqa: F821
    mails = env["mail.mail"].sudo().search_count([]) - mails_before  # noqa: F821
    print("%-58s %8.2f s  (%s)" % ("set %d SKPs: the jobs in 2 cron workers" % len(skps), elapsed,
                                   ", ".join("%s %s/%s" % (j.state, j.done, j.total) for j in jobs)))
    for job in jobs.filtered(lambda j: j.state == "failed"):
        print("    FAILED job %s (%s): %s" % (job.id, job.name, job.error))
    print("%-58s %8d  (months %d, e-mails queued %d)" % ("set SKPs", set_count, months, mails))
    grown = sorted(((peak, pid) for pid, peak in peaks.items() if peak > idle.get(pid, 0) + 1), reverse=True)
    print("%-58s %s" % ("peak RSS of the server's processes that worked (MiB)",
                        ", ".join("%.0f" % peak for peak, _pid in grown) or "-"))
    for mark, (seconds, peak) in sorted(progress.items()):
        label = "peak RSS of the busiest process, %d SKPs set" % mark
        print("%-58s %8.0f MiB  (after %.0f s)" % (label, peak, seconds))
    print("%-58s %8.0f MiB" % ("peak RSS of the busiest cron worker, all set", grown[0][0] if grown else 0))
    print("%-58s %8.2f s" % ("set %d SKPs: request + jobs" % len(skps), queued[0] + elapsed))
    env.cr.commit()  # noqa: F821


def bench_pdf():
    """One SKP's PDF as the Print button gets it: /report/pdf/<report>/<id> of a running Odoo."""
    import http.cookiejar
    import json
    import statistics
    import time
    import urllib.request

    skps = Skp.search([("state", "=", "set")], order="id", limit=PDF_COUNT * 50)
    # staff (format 3, cascading) and heads of Perangkat Daerah (format 1) alike
    picks = (skps.filtered(lambda s: s.skp_format == "3")[:PDF_COUNT - 2]
             | skps.filtered(lambda s: s.skp_format == "1")[:2])
    env["ir.config_parameter"].sudo().search([("key", "in", ("report.url", "report.print_delay"))]).unlink()  # noqa: F821
    env.cr.commit()  # noqa: F821
    server, base = start_server(ODOO)  # noqa: F821 - from benchlib
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    times = []
    try:
        # web.base.url is where wkhtmltopdf fetches the assets: this server
        env["ir.config_parameter"].set_param("web.base.url", base)  # noqa: F821
        env["ir.config_parameter"].set_param("web.base.url.freeze", "1")  # noqa: F821
        env.cr.commit()  # noqa: F821
        login = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
            "db": env.cr.dbname, "login": ADMIN_LOGIN, "password": ADMIN_LOGIN}}).encode()  # noqa: F821
        opener.open(urllib.request.Request(base + "/web/session/authenticate", data=login,
                                           headers={"Content-Type": "application/json"}), timeout=60)
        for skp in picks:
            start = time.perf_counter()
            content = opener.open(base + "/report/pdf/hr_asn_performance.report_skp/%d" % skp.id, timeout=120).read()
            times.append(time.perf_counter() - start)
            if not content.startswith(b"%PDF"):
                raise RuntimeError("no PDF for %s" % skp.display_name)
    finally:
        server.terminate()
        server.wait(timeout=60)
    warm = times[1:] or times
    print("%-58s %8.3f s" % ("one SKP PDF, first (assets bundled)", times[0]))
    print("%-58s %8.3f s  (max %.3f, %d PDFs, formats 3 and 1)" % (
        "one SKP PDF, median after the first", statistics.median(warm), max(warm), len(warm)))


if "sync" in STEPS:
    bench_sync()
if "job" in STEPS:
    bench_job()
if "pdf" in STEPS:
    bench_pdf()
