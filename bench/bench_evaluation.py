"""Bench: a month's evaluations for a city of N employees (issue 11).

Run through ``bench/run-evaluation`` (which makes a fresh database); executed by ``odoo-bin shell``, so
``env`` is given. Two passes, each a process of its own so that each reports its own peak memory:

``HR_ASN_BENCH_STEP=city`` builds the city of benchlib (Dinas with Sekretariat, 4 Bidang x 3 Seksi, staff),
sets every SKP of the year (level by level, as bench_skp does; setup, not measured), January's realisasi
(one statement) and the capaian kinerja organisasi of every Perangkat Daerah (Baik), then measures, as the
BKPSDM administrator: generating January's evaluations (the teams in the request, the evaluations in two
background jobs run by an Odoo server with two cron workers, as in production), setting them team by team
(each team rated Sesuai/Sesuai in one write, a justification where the curve breaks, then action_set),
ranking the city (job) and the TPP export (job); these two jobs run in this process (hr.asn.job
``_cron_run`` called until done). Nobody of the bench city has a user: BKPSDM acts for every Pejabat
Penilai (Pasal 26(1)a). Everything is committed (the jobs commit between batches).

``HR_ASN_BENCH_STEP=print`` prints HR_ASN_BENCH_PRINT (default 1,000) of those evaluations in one print job
(hr.asn.evaluation ``_asn_print_in_background``; wkhtmltopdf) and reports the time per document and the
peak memory of Odoo and of its wkhtmltopdf children.
"""
import cProfile
import io
import os
import pstats
import random
import resource
import socket
import subprocess
import time
import urllib.request

from freezegun import freeze_time

from odoo.tools import pdf as pdf_tools

N = int(os.environ.get("HR_ASN_BENCH_N", "2000"))
STEP = os.environ.get("HR_ASN_BENCH_STEP", "city")
PRINT = int(os.environ.get("HR_ASN_BENCH_PRINT", "1000"))
# ir.config_parameter report.print_delay: what wkhtmltopdf waits for each document's scripts (Odoo's default
# 1000 ms when unset); the evaluation documents have none (the same pages at 0, checked with pdftoppm)
PRINT_DELAY = os.environ.get("HR_ASN_BENCH_PRINT_DELAY") or None
# a path: the generate job's run is profiled (cProfile) into it, its top functions printed, and the bench
# stops after generating (for finding where the time goes, not for the figures: profiling slows it)
PROFILE = os.environ.get("HR_ASN_BENCH_PROFILE") or None
ODOO = os.environ.get("HR_ASN_BENCH_ODOO", "odoo")  # scripts/odoo, for the server of the cron workers
YEAR = 2026
ADMIN_LOGIN = "bench_bkpsdm"
Job = env["hr.asn.job"]  # noqa: F821 - given by odoo-bin shell
summary = []


def run_jobs(label, enqueue):
    """``enqueue()`` queues the job(s); the cron's code runs until none is queued or running. Prints and
    returns (seconds, queries, jobs)."""
    cr = env.cr  # noqa: F821
    env.flush_all()  # noqa: F821
    start_queries, start = cr.sql_log_count, time.perf_counter()
    enqueue()
    env.flush_all()  # noqa: F821
    jobs = Job.sudo().search([("state", "in", ("queued", "running"))])
    runs = 0
    while Job.sudo().search_count([("state", "in", ("queued", "running"))]):
        Job._cron_run()
        runs += 1
    elapsed = time.perf_counter() - start
    queries = cr.sql_log_count - start_queries
    jobs.invalidate_recordset()
    failed = jobs.filtered(lambda job: job.state != "done")
    print("%-58s %8.2f s %8d queries  (%d cron runs)" % (label, elapsed, queries, runs))
    for job in failed:
        print("    FAILED job %s (%s): %s" % (job.id, job.name, job.error))
    summary.append((label, elapsed, queries, "failed" if failed else ""))
    return elapsed, queries, jobs


def run_jobs_in_crons(label, enqueue):
    """The jobs run as in production: an Odoo server of the bench database with two cron workers
    (``--workers``, each a process of its own, the two lanes of hr.asn.job) is started and serving;
    ``enqueue()`` (timed) queues the jobs and its commit wakes the workers (ir.cron._trigger), which are
    polled until no job is queued or running. The database's other crons are switched off first (reminders
    would run beside the jobs). Returns enqueue's (seconds, queries) and the seconds from its commit to the
    last job done."""
    db = env.cr.dbname  # noqa: F821
    env["ir.cron"].search([("id", "not in", [env.ref(x).id for x in Job._asn_crons])]).write(  # noqa: F821
        {"active": False})
    env.cr.commit()  # noqa: F821
    port = free_port()
    server = subprocess.Popen([ODOO, "-d", db, "--db-filter=^%s$" % db, "--http-interface=127.0.0.1",
                               "--http-port=%d" % port, "--workers=2", "--max-cron-threads=2",
                               "--log-level=warn"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _attempt in range(120):  # serving: its cron workers listen for triggers
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/web/login" % port, timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        time.sleep(2)
        t_enqueue, queries, _result = enqueue()
        start = time.perf_counter()
        env.cr.commit()  # noqa: F821 - the jobs are seen and the workers woken
        while True:
            env.cr.commit()  # noqa: F821 - a new snapshot: what the cron workers committed
            jobs = Job.sudo().search([("state", "in", ("queued", "running"))])
            if not jobs:
                break
            if server.poll() is not None:
                raise RuntimeError("the Odoo server of the cron workers stopped (exit %s)" % server.returncode)
            if time.perf_counter() - start > 3600:
                raise RuntimeError("the jobs did not finish within an hour")
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)
    env.invalidate_all()  # noqa: F821
    failed = Job.sudo().search([("state", "=", "failed")])
    print("%-58s %8.2f s  (%d failed jobs)" % (label, elapsed, len(failed)))
    for job in failed:
        print("    FAILED job %s (%s): %s" % (job.id, job.name, job.error))
    return t_enqueue, queries, elapsed


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def record(label, seconds, queries, note=""):
    summary.append((label, seconds, queries, note))


def print_summary():
    print()
    print("%-58s %10s %10s  %s" % ("summary (%d employees)" % N, "seconds", "queries", "note"))
    for label, seconds, queries, note in summary:
        print("%-58s %10.2f %10s  %s" % (label, seconds, queries if queries is not None else "-", note))


def peak_rss():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def bench_city():
    rng = random.Random(11)
    print("hr_asn_evaluation bench: %d employees" % N)
    heads, seksi = build_units(N)  # noqa: F821 - from benchlib
    _t, _q, employees = timed("create %d employees + assessors (setup)" % N,  # noqa: F821
                              lambda: create_employees(employee_vals(N, heads, seksi, rng), heads))  # noqa: F821
    with freeze_time("%d-01-15" % YEAR, tick=True):
        _t, _q, skps = timed("set the SKP of every employee (setup)",  # noqa: F821
                             lambda: set_skps_of_city(employees, YEAR))  # noqa: F821
    january = env["hr.asn.skp.month"].search([("year", "=", YEAR), ("month", "=", 1)])  # noqa: F821
    env.flush_all()  # noqa: F821
    env.cr.execute("UPDATE hr_asn_skp_month_line l SET realisasi = 'Tercapai', target_text = '1 dokumen' "  # noqa: F821
                   "FROM hr_asn_skp_month m WHERE m.id = l.month_id AND m.id IN %s", (tuple(january.ids),))
    env.invalidate_all()  # noqa: F821
    opds = env["hr.department"].search([("asn_opd_kind", "!=", False)])  # noqa: F821
    Capaian = env["hr.asn.capaian.organisasi"]  # noqa: F821
    capaian = Capaian.create([{
        "department_id": opd.id, "year": YEAR, "period_kind": "month", "period": 1, "mode": "manual",
        "capaian": "baik", "basis": "Laporan capaian kinerja %s Januari" % opd.name,
    } for opd in opds])
    capaian.action_set()
    admin = env["res.users"].with_context(no_reset_password=True).create({  # noqa: F821
        "name": "BKPSDM Bench", "login": ADMIN_LOGIN,
        "groups_id": [(4, env.ref("hr_asn_performance.group_hr_asn_performance_admin").id)],  # noqa: F821
    })
    print("%-58s %8d  (%d Perangkat Daerah, capaian Baik)" % ("set SKPs", len(skps), len(opds)))
    env.cr.commit()  # noqa: F821 - the jobs commit anyway; the print pass reads this city

    with freeze_time("%d-02-05 08:00:00" % YEAR, tick=True):
        period = env["hr.asn.evaluation.period"].with_user(admin).create({  # noqa: F821
            "kind": "periodic", "period_kind": "month", "year": YEAR, "period": 1})
        if PROFILE:
            t1, q1, _r = timed("generate: the teams (in the request)", period.action_generate)
        # action_generate makes the teams and queues the jobs; the jobs' batches are the rest
        if PROFILE:  # in this process, one lane after the other
            profiler = cProfile.Profile()
            profiler.enable()
            run_jobs("generate: the evaluations (jobs, batches of 20 teams)", lambda: None)
            profiler.disable()
            profiler.dump_stats(PROFILE)
            pstats.Stats(PROFILE).sort_stats("tottime").print_stats(40)
            return
        t1, q1, t2 = run_jobs_in_crons("generate: the evaluations (2 jobs, 2 cron workers)", lambda: timed(
            "generate: the teams (in the request)", period.action_generate))
        record("generate January's evaluations (teams + jobs)", t1 + t2, None,
               "queries: teams %d, jobs in the server" % q1)
        period.invalidate_recordset()
        evaluations = period.evaluation_ids
        teams = period.team_ids
        print("%-58s %8d  (%d teams, %d lines)" % ("evaluations", len(evaluations), len(teams),
                                                  len(evaluations.line_ids)))
        env.cr.commit()  # noqa: F821

        def set_all():
            justified = refused = 0
            for team in teams.with_user(admin).sorted("id"):
                env["hr.asn.evaluation"].with_user(admin).browse(team.evaluation_ids.ids).write(  # noqa: F821
                    {"rating_hasil": "sesuai", "rating_perilaku": "sesuai"})
                if team.violations:
                    team.write({"justification": "Seluruh anggota tim memenuhi ekspektasi bulan ini."})
                    justified += 1
                try:
                    team.action_set()
                except Exception as error:  # noqa: BLE001 - counted and shown, the bench goes on
                    refused += 1
                    if refused <= 3:
                        print("    refused: %s: %s" % (team.name, error))
                env.flush_all()  # noqa: F821
            return justified, refused

        elapsed, queries, (justified, refused) = timed(  # noqa: F821
            "set team by team (%d teams: rate, justify, action_set)" % len(teams), set_all)
        record("set team by team (rate + justification + action_set)", elapsed, queries,
               "%d teams, %.3f s a team, %d justified, %d refused" % (len(teams), elapsed / max(len(teams), 1),
                                                                      justified, refused))
        states = {}
        for state in evaluations.mapped("state"):
            states[state] = states.get(state, 0) + 1
        print("%-58s %s" % ("states", states))
        env.cr.commit()  # noqa: F821

        run_jobs("rank the city (job)", lambda: period.with_user(admin).action_rank())
        period.invalidate_recordset()
        ranked = period.evaluation_ids.filtered("rank_city")
        print("%-58s %8d" % ("evaluations with a rank in the Pemda", len(ranked)))
        summary[-1] = summary[-1][:3] + ("%d ranked" % len(ranked),)

        _t, _q, jobs = run_jobs("TPP export of the period (job, XLSX)",
                                lambda: period.with_user(admin).action_export_tpp())
        attachment = jobs.result_attachment_id
        note = "%s: %d KiB" % (attachment.name, attachment.file_size // 1024) if attachment else "no file"
        summary[-1] = summary[-1][:3] + (note,)
    own, children = peak_rss()
    print("%-58s %8.0f MiB" % ("peak RSS (Odoo)", own))
    record("peak RSS of this pass (Odoo process)", 0.0, None, "%.0f MiB" % own)
    env.cr.commit()  # noqa: F821
    print_summary()


def bench_print():
    admin = env["res.users"].search([("login", "=", ADMIN_LOGIN)])  # noqa: F821
    period = env["hr.asn.evaluation.period"].search([("year", "=", YEAR), ("period", "=", 1)], limit=1)  # noqa: F821
    evaluations = env["hr.asn.evaluation"].search([("period_id", "=", period.id)], order="id", limit=PRINT)  # noqa: F821
    print("hr_asn_evaluation print bench: %d of %d evaluations (%s)" % (len(evaluations), N, period.name))
    if os.environ.get("HR_ASN_BENCH_PORT"):
        # wkhtmltopdf loads the report's assets from the bench's server (bench/run-evaluation starts it)
        env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:%s" % os.environ["HR_ASN_BENCH_PORT"])  # noqa: F821
    if PRINT_DELAY is not None:
        env["ir.config_parameter"].set_param("report.print_delay", PRINT_DELAY)  # noqa: F821
    env.cr.commit()  # noqa: F821
    delay = env["ir.config_parameter"].get_param("report.print_delay") or "1000 (Odoo's default)"  # noqa: F821
    print("%-58s %s ms" % ("report.print_delay (wkhtmltopdf --javascript-delay)", delay))
    before = peak_rss()[0]
    with freeze_time("%d-02-10 08:00:00" % YEAR, tick=True):
        elapsed, queries, jobs = run_jobs("print %d documents in one job (wkhtmltopdf)" % len(evaluations),
                                          lambda: evaluations.with_user(admin)._asn_print_in_background())
    attachment = jobs.result_attachment_id
    pages = len(pdf_tools.PdfFileReader(io.BytesIO(attachment.raw)).pages) if attachment else 0
    own, children = peak_rss()
    per_doc = elapsed / max(len(evaluations), 1)
    summary[-1] = summary[-1][:3] + ("%.3f s a document, %d pages, %d MiB PDF, print delay %s ms" % (
        per_doc, pages, (attachment.file_size if attachment else 0) // (1024 * 1024), delay.split()[0]),)
    print("%-58s %8.3f s" % ("per document", per_doc))
    print("%-58s %8.0f MiB (%.0f before the job)" % ("peak RSS (Odoo)", own, before))
    print("%-58s %8.0f MiB" % ("peak RSS (largest wkhtmltopdf child)", children))
    record("peak RSS of the print pass (Odoo process)", 0.0, None, "%.0f MiB" % own)
    record("peak RSS of the largest wkhtmltopdf child", 0.0, None, "%.0f MiB" % children)
    env.cr.commit()  # noqa: F821
    print_summary()


if STEP == "print":
    bench_print()
else:
    bench_city()
