"""Shared by the bench scripts; the run-* wrappers feed this file to ``odoo-bin shell`` before the bench
itself, so ``env`` is the shell's environment."""
import datetime
import os
import time

from odoo.addons.hr_asn_performance.rules import nip as nip_rules

STAFF_PER_SEKSI = 8
SERVER_LOG = "/tmp/hr_asn_bench_server_%d.log" % os.getpid()


def timed(label, func):
    """Run ``func``, flushed before and after; print and return (seconds, queries, result)."""
    cr = env.cr  # noqa: F821 - given by odoo-bin shell
    env.flush_all()  # noqa: F821
    start_queries = cr.sql_log_count
    start = time.perf_counter()
    result = func()
    env.flush_all()  # noqa: F821
    elapsed = time.perf_counter() - start
    queries = cr.sql_log_count - start_queries
    print("%-58s %8.2f s %8d queries" % (label, elapsed, queries))
    return elapsed, queries, result


def build_units(n):
    """Perangkat Daerah of kind Dinas (Sekretariat, 4 Bidang x 3 Seksi) and a Setda, sized so that n
    employees fit. Returns ([(unit, position kind of its head)], [units where staff sit])."""
    Department = env["hr.department"].with_context(hr_asn_no_recompute=True, tracking_disable=True)  # noqa: F821
    per_opd = 1 + 1 + 4 + 12 + 12 * STAFF_PER_SEKSI + 2 * STAFF_PER_SEKSI
    n_opd = max(1, n // per_opd)
    setda = Department.create({"name": "Sekretariat Daerah", "asn_opd_kind": "setda"})
    seksi_units, heads = [], [(setda, "jpt")]
    for i in range(n_opd):
        opd = Department.create({"name": "Dinas %d" % i, "asn_opd_kind": "dinas"})
        sek = Department.create({"name": "Sekretariat", "parent_id": opd.id, "asn_unit_kind": "sekretariat"})
        heads += [(opd, "jpt"), (sek, "administrator")]
        seksi_units += [sek, sek]
        for b in range(4):
            bid = Department.create({"name": "Bidang %d" % b, "parent_id": opd.id, "asn_unit_kind": "bidang"})
            heads.append((bid, "administrator"))
            for s in range(3):
                seksi = Department.create({"name": "Seksi %d.%d" % (b, s), "parent_id": bid.id,
                                           "asn_unit_kind": "seksi"})
                heads.append((seksi, "pengawas"))
                seksi_units.append(seksi)
    return heads, seksi_units


def employee_vals(n, heads, seksi_units, rng):
    """n employees: the heads first (in the order of ``heads``), then staff spread over the units."""
    vals_list = [{"name": "Head %s" % unit.id, "department_id": unit.id, "asn_position_kind": kind}
                 for unit, kind in heads]
    i = 0
    while len(vals_list) < n:
        vals_list.append({"name": "Staff %d" % i, "department_id": seksi_units[i % len(seksi_units)].id,
                          "asn_position_kind": "fungsional" if i % 10 == 0 else "pelaksana"})
        i += 1
    seen = set()
    for seq, vals in enumerate(vals_list):
        birth = datetime.date(1965 + rng.randrange(35), 1 + rng.randrange(12), 1 + rng.randrange(28))
        number = nip_rules.build(birth, birth.year + 23, 3, "male", 1 + seq % 999)
        while number in seen:
            birth += datetime.timedelta(days=1)
            number = nip_rules.build(birth, birth.year + 23, 3, "male", 1 + seq % 999)
        seen.add(number)
        vals.update({"nip": number, "asn_status": "pns", "asn_golongan": "III/b"})
    return vals_list


def create_employees(vals_list, heads):
    """Create the employees, make the first ones heads of their units, compute every assessor."""
    Employee = env["hr.employee"].with_context(tracking_disable=True, hr_asn_no_recompute=True)  # noqa: F821
    employees = Employee.create(vals_list)
    for (unit, _kind), head in zip(heads, employees[:len(heads)], strict=True):
        unit.with_context(hr_asn_no_recompute=True).manager_id = head
    env["hr.employee"]._asn_recompute_assessors()  # noqa: F821
    return employees


def cascade_levels(employees):
    """Employees by depth of the cascade: whose Pejabat Penilai has no SKP comes first."""
    remaining, done, waves = employees, env["hr.employee"], []  # noqa: F821
    while remaining:
        wave = remaining.filtered(lambda e, done=done: not e.pejabat_penilai_id or e.pejabat_penilai_id in done)
        waves.append(wave)
        done |= wave
        remaining -= wave
    return waves


def fill_skps(skps, year):
    """What each employee writes in their draft: one RHK (cascading from their Pejabat Penilai's first RHK
    in Formats 3/4) with two IKI."""
    from odoo import fields

    parents = {}
    for rhk in env["hr.asn.skp.rhk"].search([("skp_id.state", "=", "set"), ("skp_id.year", "=", year)]):  # noqa: F821
        parents.setdefault(rhk.employee_id.id, rhk.id)
    env["hr.asn.skp.rhk"].create([{  # noqa: F821
        "skp_id": skp.id, "kind": "utama", "name": "Hasil kerja %s" % skp.employee_id.name,
        "parent_rhk_id": parents.get(skp.pejabat_penilai_id.id, False) if skp.skp_format in ("3", "4") else False,
        "iki_ids": [fields.Command.create({"name": "Dokumen tersusun", "target_text": "12 dokumen"}),
                    fields.Command.create({"name": "Tepat waktu", "aspect": "waktu", "target_text": "12 bulan"})],
    } for skp in skps])


def set_skps_of_city(employees, year):
    """Draft, fill, submit and set the SKP of every employee, level by level down the cascade (as
    bench_skp measures it); returns the SKPs."""
    Skp = env["hr.asn.skp"]  # noqa: F821
    skps = Skp
    for wave in cascade_levels(employees):
        drafts = Skp._asn_create_for_employees(wave, year)
        fill_skps(drafts, year)
        drafts.action_submit()
        drafts.action_set()
        env.invalidate_all()  # noqa: F821
        skps |= drafts
    return skps


def process_tree(pid):
    """``pid`` and its descendants (from /proc)."""
    import os

    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


def peak_rss_mib(pid):
    """VmHWM (the peak resident memory) of a process in MiB, None once it is gone."""
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def start_server(odoo, cron_threads=0):
    """An Odoo server of this database as production runs it (``--workers 2``, ``cron_threads`` cron
    workers) on a free port of 127.0.0.1, once it serves; returns (process, base URL)."""
    import socket
    import subprocess
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = env.cr.dbname  # noqa: F821
    # Odoo's default limits (60 s of CPU, 120 s per unit of work): hr.asn.job ends its runs inside them; the
    # workers' log (with the server's notes of limits reached) goes to SERVER_LOG
    log = open(SERVER_LOG, "a")  # noqa: SIM115 - the server's, closed with it
    server = subprocess.Popen([odoo, "-d", db, "--db-filter=^%s$" % db, "--http-interface=127.0.0.1",
                               "--http-port=%d" % port, "--workers=2", "--max-cron-threads=%d" % cron_threads,
                               "--log-level=warn", "--log-handler=odoo.service.server:INFO"],
                              stdout=log, stderr=log)
    log.close()
    base = "http://127.0.0.1:%d" % port
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(base + "/web/login", timeout=5)
            break
        except OSError:
            time.sleep(0.5)
    time.sleep(2)  # its cron workers listen for triggers
    return server, base


def run_in_cron_workers(odoo, enqueue, timeout=3600, marks=None):
    """Run background jobs as production does: an Odoo server of this database with two cron workers
    (``--workers 2``: each cron a process of its own, the two lanes of hr.asn.job) is started; the
    database's other crons are switched off (reminders would run beside the jobs). ``enqueue()`` is timed
    (the request that queues), its commit wakes the workers; they are polled until no job is queued or
    running, and the peak memory of every process of the server is sampled meanwhile. Returns (enqueue's
    seconds, queries and result, seconds from the commit to the last job done, {pid: peak RSS MiB}, the
    same before the jobs, {mark: (seconds, peak RSS MiB of the busiest process) once ``mark`` records of
    the jobs are done})."""
    Job = env["hr.asn.job"]  # noqa: F821
    crons = [env.ref(xmlid).id for xmlid in Job._asn_crons]  # noqa: F821
    env["ir.cron"].search([("id", "not in", crons)]).write({"active": False})  # noqa: F821
    env.cr.commit()  # noqa: F821
    server, _base = start_server(odoo, cron_threads=2)
    peaks = {}

    def sample():
        for pid in process_tree(server.pid):
            rss = peak_rss_mib(pid)
            if rss is not None:
                peaks[pid] = max(peaks.get(pid, 0), rss)

    marks = sorted(marks or ())
    progress = {}
    try:
        sample()
        idle = dict(peaks)
        env.cr.execute("SELECT now() AT TIME ZONE 'UTC'")  # noqa: F821
        since = env.cr.fetchone()[0]  # noqa: F821
        queued = timed("queue the job (the request of the list's action)", enqueue)
        start = time.perf_counter()
        env.cr.commit()  # noqa: F821 - the jobs are seen and the workers woken
        while True:
            env.cr.commit()  # noqa: F821 - a new snapshot: what the cron workers committed
            sample()
            done = sum(Job.sudo().search_fetch([("create_date", ">=", since)], ["done"]).mapped("done"))
            for mark in marks:
                if done >= mark and mark not in progress:
                    # the busiest process's peak once this many records are done
                    progress[mark] = (time.perf_counter() - start, max(peaks.values()))
            if not Job.sudo().search_count([("state", "in", ("queued", "running"))]):
                break
            if server.poll() is not None:
                raise RuntimeError("the Odoo server of the cron workers stopped (exit %s)" % server.returncode)
            if time.perf_counter() - start > timeout:
                raise RuntimeError("the jobs did not finish within %d s" % timeout)
            time.sleep(0.5)
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)
    env.invalidate_all()  # noqa: F821
    with open(SERVER_LOG) as log:
        killed = [line.strip() for line in log if any(note in line for note in ("time limit", "timeout", "timed out"))]
    print("%-58s %8d  %s" % ("cron workers stopped by Odoo's limits (server log)", len(killed),
                              "; ".join(killed[:3])))
    return queued, elapsed, peaks, idle, progress
