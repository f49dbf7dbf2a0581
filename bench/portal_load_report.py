"""The report of bench/run-portal-load: python3 portal_load_report.py OUT_DIR EMPLOYEES USERS LEADERS.

Reads Locust's CSV statistics (OUT_DIR/locust_stats.csv, locust_failures.csv), Odoo's request log
(OUT_DIR/odoo.log: each request's SQL queries and time) and the database check (OUT_DIR/check.log), prints
the per-step table and PASS/FAIL against the targets of issue 13, exits 1 on FAIL. Standard library only.
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


def main(out, employees, users, leaders):
    out = pathlib.Path(out)
    verdicts = []
    print()
    print("Month-end portal load: %s employees in the city, %s employees + %s leaders at once" % (
        employees, users, leaders))
    print("Locust (client side; a save includes its redirect to the saved page):")
    header = "%-28s %7s %6s %7s %7s %7s %7s %8s  %s" % (
        "step", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "p95<=500")
    print(header)
    print("-" * len(header))
    total = None
    with open(out / "locust_stats.csv", encoding="utf-8") as stats:
        for row in csv.DictReader(stats):
            p50, p95, p99 = (float(row[key]) for key in ("50%", "95%", "99%"))
            line = "%-28s %7s %6s %7.0f %7.0f %7.0f %7.0f %8.2f" % (
                row["Name"][:28], row["Request Count"], row["Failure Count"], p50, p95, p99,
                float(row["Max Response Time"]), float(row["Requests/s"]))
            if row["Name"] == "Aggregated":
                total = row
                print("-" * len(header))
                print(line)
                continue
            ok = p95 <= P95_TARGET_MS
            verdicts.append(("p95 of %s" % row["Name"], ok))
            print(line + "  " + ("ok" if ok else "MISSED"))
    if total is None:
        print("no Locust statistics (see %s)" % (out / "locust.log"))
        return 1
    errors = int(total["Failure Count"])
    verdicts.append(("no error", errors == 0))
    failures = out / "locust_failures.csv"
    if failures.exists():
        with open(failures, encoding="utf-8") as lines:
            rows = list(csv.DictReader(lines))
        if rows:
            print("errors:")
            for row in rows[:15]:
                print("  %5s x %s %s: %s" % (row["Occurrences"], row["Method"], row["Name"], row["Error"][:160]))

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
    print("throughput: %.1f requests/s over the run, %s requests, %d errors" % (
        float(total["Requests/s"]), total["Request Count"], errors))
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
