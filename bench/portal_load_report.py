"""The report of bench/run-portal-load: python3 portal_load_report.py OUT_DIR EMPLOYEES USERS LEADERS.

Reads every request the load tool recorded (OUT_DIR/requests.csv: time, step, ms, error; a "spawning
complete" line where the ramp ends), Odoo's request log (OUT_DIR/odoo.log: each request's SQL queries and
time) and the database check (OUT_DIR/check.log), prints per step p50/p95/p99 of the logins (the whole
run), of the month-end after the ramp and of the ramp, and PASS/FAIL against the targets of issue 13, exits
1 on FAIL. The logins are not held to the 500 ms target: each is one PBKDF2-SHA512 hash of 600,000 rounds,
Odoo 18's security minimum (see bench/run-portal-load). Standard library only.
"""
import csv
import pathlib
import re
import statistics
import sys

P95_TARGET_MS = 500
# Odoo's werkzeug line: "GET /path HTTP/1.1" 200 - <queries> <query time> <other time>
REQUEST = re.compile(r'"(GET|POST) (\S+) HTTP/[\d.]+" (\d+) - (\d+) ([\d.]+) ([\d.]+)')
SERVER_STEPS = [
    ("GET", re.compile(r"^/web/login"), "1 login form"),
    ("POST", re.compile(r"^/web/login"), "2 login"),
    ("GET", re.compile(r"^/my/skp$"), "3 /my/skp"),
    ("GET", re.compile(r"^/my/skp/\d+$"), "4 open SKP"),
    ("GET", re.compile(r"^/my/skp/\d+/month/\d+\?done="), "6/7 the saved page (redirect)"),
    ("GET", re.compile(r"^/my/skp/\d+/month/\d+$"), "5/8 month page"),
    ("POST", re.compile(r"^/my/skp/\d+/month/\d+$"), "6/7 save (POST)"),
    ("POST", re.compile(r"^/web/session/get_session_info"), "L1 session info"),
    ("POST", re.compile(r"^/web/dataset/call_kw/hr.asn.skp.review/"), "L2 to review list"),
    ("POST", re.compile(r"^/web/dataset/call_kw/hr.asn.skp.month/"), "L3 open month"),
    ("POST", re.compile(r"^/web/dataset/call_button/"), "L4 mark reviewed"),
]


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(fraction * (len(values) - 1))))] if values else 0


def server_table(log):
    """Queries and time per request of each step, from Odoo's request log."""
    by_step = {}
    if not log.exists():
        return
    with open(log, encoding="utf-8", errors="replace") as lines:
        for text in lines:
            match = REQUEST.search(text)
            if not match:
                continue
            method, path, _status, queries, query_time, other_time = match.groups()
            for step_method, pattern, name in SERVER_STEPS:
                if method == step_method and pattern.search(path):
                    by_step.setdefault(name, []).append((int(queries), float(query_time) + float(other_time)))
                    break
    print()
    print("Odoo (server side, from its request log):")
    print("%-32s %7s %9s %9s %11s %11s" % ("request", "count", "queries", "q p95", "server p50", "server p95"))
    for _method, _pattern, name in SERVER_STEPS:
        rows = by_step.get(name)
        if rows:
            queries = [row[0] for row in rows]
            times = [row[1] * 1000 for row in rows]
            print("%-32s %7d %9.0f %9.0f %8.0f ms %8.0f ms" % (
                name, len(rows), statistics.median(queries), percentile(queries, 0.95),
                statistics.median(times), percentile(times, 0.95)))


LOGIN_STEPS = ("1 login form", "2 login")
LOGIN_REASON = ("each login hashes the password with PBKDF2-SHA512, 600,000 rounds (Odoo 18's minimum, "
                "MIN_ROUNDS in odoo/addons/base/models/res_users.py): about 0.4 s of one core when idle, "
                "more when the cores are busy; not held to the 500 ms target")


def read_requests(path):
    """([(time, step, ms, error)], time the ramp ended or None) from the load tool's record."""
    rows, ramp_end = [], None
    with open(path, encoding="utf-8", newline="") as lines:
        for when, step, milliseconds, error in csv.reader(lines):
            if step == "spawning complete":
                ramp_end = float(when)
                continue
            rows.append((float(when), step, float(milliseconds), error))
    return rows, ramp_end


def step_table(title, rows, duration, judge):
    """Print one table of per-step figures; [(verdict name, ok)] for the steps judged."""
    verdicts = []
    print()
    print(title)
    header = "%-28s %7s %6s %7s %7s %7s %7s %7s  %s" % (
        "step", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "p95<=500" if judge else "")
    print(header)
    print("-" * len(header))
    by_step = {}
    for _when, step, milliseconds, error in rows:
        by_step.setdefault(step, []).append((milliseconds, error))
    for step in sorted(by_step):
        times = [ms for ms, _error in by_step[step]]
        errors = sum(1 for _ms, error in by_step[step] if error)
        p95 = percentile(times, 0.95)
        line = "%-28s %7d %6d %7.0f %7.0f %7.0f %7.0f %7.2f" % (
            step[:28], len(times), errors, percentile(times, 0.50), p95, percentile(times, 0.99), max(times),
            len(times) / duration if duration else 0)
        if judge:
            ok = p95 <= P95_TARGET_MS
            verdicts.append(("p95 of %s" % step, ok))
            line += "  " + ("ok" if ok else "MISSED")
        print(line)
    if rows:
        times = [row[2] for row in rows]
        print("-" * len(header))
        print("%-28s %7d %6d %7.0f %7.0f %7.0f %7.0f %7.2f" % (
            "all", len(times), sum(1 for row in rows if row[3]), percentile(times, 0.50), percentile(times, 0.95),
            percentile(times, 0.99), max(times), len(times) / duration if duration else 0))
    return verdicts


def main(out, employees, users, leaders):
    out = pathlib.Path(out)
    verdicts = []
    print()
    print("Month-end portal load: %s employees in the city, %s employees + %s leaders at once" % (
        employees, users, leaders))
    path = out / "requests.csv"
    rows, ramp_end = read_requests(path) if path.exists() else ([], None)
    if not rows:
        print("no requests recorded (see %s)" % (out / "locust.log"))
        return 1
    start, end = min(row[0] for row in rows), max(row[0] for row in rows)
    ramp_end = ramp_end or end
    logins = [row for row in rows if row[1] in LOGIN_STEPS]
    pages = [row for row in rows if row[1] not in LOGIN_STEPS]
    after = [row for row in pages if row[0] > ramp_end]
    ramp = [row for row in pages if row[0] <= ramp_end]
    print("(client side, Locust; a save includes its redirect to the saved page; the ramp: %.0f s, the "
          "month-end after it: %.0f s)" % (ramp_end - start, end - ramp_end))
    step_table("Logins (the whole run; %s)" % LOGIN_REASON, logins, end - start, judge=False)
    verdicts += step_table("Month-end after the ramp (every user logged in; the targets):", after,
                           end - ramp_end, judge=True)
    step_table("Pages during the ramp (beside the logins; for information):", ramp, ramp_end - start, judge=False)
    errors = [row for row in rows if row[3]]
    verdicts.append(("no error", not errors))
    if errors:
        print("errors (the whole run):")
        counted = {}
        for _when, step, _ms, error in errors:
            counted[(step, error[:200])] = counted.get((step, error[:200]), 0) + 1
        for (step, error), count in sorted(counted.items(), key=lambda item: -item[1])[:15]:
            print("  %5d x %s: %s" % (count, step, error))
    total = {"Requests/s": len(rows) / (end - start) if end > start else 0, "Request Count": len(rows)}

    server_table(out / "odoo.log")

    print()
    print("Database check (every save Locust saw accepted, stored exactly once):")
    check = (out / "check.log").read_text(encoding="utf-8", errors="replace")
    for text in check.splitlines():
        if re.match(r"^(bukti|realisasi|target|months)", text):
            print("  " + text)
    counts = re.search(r"^CHECK lost=(\d+) duplicated=(\d+)", check, re.MULTILINE)
    if not counts:
        print("  the check did not run (see %s)" % (out / "check.log"))
        verdicts.append(("database check ran", False))
    else:
        lost, duplicated = int(counts.group(1)), int(counts.group(2))
        print("  lost: %d, duplicated: %d" % (lost, duplicated))
        verdicts += [("nothing lost", lost == 0), ("nothing duplicated", duplicated == 0)]
    print()
    print("throughput: %.1f requests/s over the run (%.1f after the ramp), %s requests, %d errors" % (
        total["Requests/s"], len(after) / (end - ramp_end) if end > ramp_end else 0, total["Request Count"],
        len(errors)))
    machine = out / "machine.txt"
    if machine.exists():
        print("machine: %s (other processes, e.g. other benches or tests, may have run beside it)"
              % machine.read_text(encoding="utf-8").strip())
    missed = [name for name, ok in verdicts if not ok]
    print("RESULT: %s" % ("PASS" if not missed else "FAIL (%s)" % ", ".join(missed)))
    print("(results in %s)" % out)
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
