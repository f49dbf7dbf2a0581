"""The database side of the month-end portal load (issue 13); run through ``bench/run-portal-load``.

Executed by ``odoo-bin shell`` after benchlib.py, so ``env`` is given. Two steps:

``HR_ASN_BENCH_STEP=city`` builds the city of benchlib (HR_ASN_BENCH_N employees, each with a user of the
Pegawai group, one known password hashed once and written in one UPDATE), sets every SKP of this year level
by level down the cascade (as bench_skp does; frozen on 15 January so that the SKP is on time), and gives
HR_ASN_BENCH_LEADERS Kepala Seksi reported months to review: the months before this one of their staff
(January itself in January), reported as the superuser (bench data, no rule bypassed by the load). It writes
HR_ASN_BENCH_CITY (JSON): the password, the logins of the portal users (staff not assessed by those leaders,
so the two kinds of users never touch the same month) and of the leaders. Committed.

``HR_ASN_BENCH_STEP=check`` reads HR_ASN_BENCH_ACCEPTED (one JSON line per save the load tool saw accepted)
and counts what the database holds: every bukti dukung file accepted is attached to its line exactly once
(lost: not there, duplicated: more than once), each line's last accepted realisasi and target are the ones
stored, each review accepted left its month reviewed by that leader. Prints the counts and one line
``CHECK lost=N duplicated=N`` that the wrapper reads.
"""
import collections
import datetime
import json
import os
import random
import time

from freezegun import freeze_time

N = int(os.environ.get("HR_ASN_BENCH_N", "2000"))
LEADERS = int(os.environ.get("HR_ASN_BENCH_LEADERS", "10"))
USERS = int(os.environ.get("HR_ASN_BENCH_USERS", "100"))
STEP = os.environ.get("HR_ASN_BENCH_STEP", "city")
PASSWORD = os.environ.get("HR_ASN_BENCH_PASSWORD", "")


def build_city():
    today = datetime.date.today()
    year = today.year
    rng = random.Random(13)
    heads, seksi = build_units(N)  # noqa: F821 - from benchlib
    vals_list = employee_vals(N, heads, seksi, rng)  # noqa: F821
    group = env.ref("hr_asn_performance.group_hr_asn_performance_employee")  # noqa: F821
    users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True,  # noqa: F821
                                         mail_create_nolog=True, mail_create_nosubscribe=True).create([{
                                             "name": vals["name"], "login": "load.%d" % index,
                                             "email": "load.%d@example.invalid" % index,
                                             "groups_id": [(6, 0, [group.id])],
                                         } for index, vals in enumerate(vals_list)])
    # one hash for everybody (a real one, Odoo's rounds: logging in costs what it costs in production)
    env.flush_all()  # noqa: F821
    start = time.perf_counter()
    hashed = users._crypt_context().hash(PASSWORD)
    print("password hash (Odoo's %s): %.0f ms here, what each login costs the server" % (
        hashed.split("$")[1] + " " + hashed.split("$")[2] + " rounds", (time.perf_counter() - start) * 1000))
    env.cr.execute("UPDATE res_users SET password = %s WHERE id IN %s", (hashed, tuple(users.ids)))  # noqa: F821
    for vals, user in zip(vals_list, users, strict=True):
        vals["user_id"] = user.id
    employees = create_employees(vals_list, heads)  # noqa: F821
    with freeze_time("%d-01-15" % year, tick=True):
        skps = set_skps_of_city(employees, year)  # noqa: F821
    skps = skps.with_env(env)  # noqa: F821
    print("city: %d employees with users, %d SKPs of %d set" % (
        len(employees), len(skps.filtered(lambda skp: skp.state == "set")), year))

    # leaders: Kepala Seksi (pengawas) who assess staff
    employees = employees.with_env(env)  # noqa: F821
    kasi = employees.filtered(lambda e: e.asn_position_kind == "pengawas" and e.assessee_ids)
    leaders = kasi[:LEADERS]
    if len(leaders) < LEADERS:
        raise SystemExit("only %d Kepala Seksi with staff in a city of %d" % (len(leaders), N))
    team = employees.filtered(lambda e: e.pejabat_penilai_id in leaders)
    months = env["hr.asn.skp.month"].search([  # noqa: F821
        ("skp_id", "in", skps.filtered(lambda skp: skp.employee_id in team).ids),
        ("month", "<=", max(today.month - 1, 1)), ("state", "=", "open")])
    months.line_ids.write({"target_text": "1 dokumen", "realisasi": "Tersusun (bench)"})
    months.write({"state": "reported", "report_date": today, "plan_date": today})
    # portal users: staff whose month nobody of the load reviews
    staff = employees.filtered(lambda e: e.asn_position_kind in ("pelaksana", "fungsional")
                               and e.pejabat_penilai_id and e not in team)
    if len(staff) < USERS:
        raise SystemExit("only %d staff for %d portal users in a city of %d" % (len(staff), USERS, N))
    picked = staff[:USERS]
    this_month = env["hr.asn.skp.month"].search_count([  # noqa: F821
        ("employee_id", "in", picked.ids), ("month", "=", today.month), ("state", "=", "open")])
    print("leaders: %d Kepala Seksi with %d months to review; portal users: %d with %d open months of %s" % (
        len(leaders), len(months), len(picked), this_month, today.strftime("%B %Y")))
    env.cr.commit()  # noqa: F821
    with open(os.environ["HR_ASN_BENCH_CITY"], "w", encoding="utf-8") as out:
        json.dump({"password": PASSWORD, "employees": picked.user_id.mapped("login"),
                   "leaders": leaders.user_id.mapped("login"), "month": today.month, "year": year}, out)


def check():
    accepted = collections.defaultdict(list)
    with open(os.environ["HR_ASN_BENCH_ACCEPTED"], encoding="utf-8") as log:
        for line in log:
            if line.strip():
                entry = json.loads(line)
                accepted[entry["kind"]].append(entry)
    cr = env.cr  # noqa: F821
    lost = duplicated = 0
    # bukti dukung: each accepted file once on its line
    files = accepted["bukti"]
    names = [entry["name"] for entry in files]
    counts = collections.Counter()
    if names:
        cr.execute("""
            SELECT rel.line_id, a.name, count(*) FROM hr_asn_skp_month_line_attachment_rel rel
              JOIN ir_attachment a ON a.id = rel.attachment_id
             WHERE a.name IN %s GROUP BY rel.line_id, a.name""", (tuple(names),))
        counts = collections.Counter({(line_id, name): count for line_id, name, count in cr.fetchall()})
    file_lost = sum(1 for entry in files if not counts[(entry["line_id"], entry["name"])])
    file_dup = sum(1 for entry in files if counts[(entry["line_id"], entry["name"])] > 1)
    # files stored under a load name that the tool never saw accepted (a timeout after the commit)
    cr.execute("SELECT count(*) FROM ir_attachment WHERE name LIKE 'bukti-load-%%' "
               "AND res_model = 'hr.asn.skp.month.line'")
    stored_files = cr.fetchone()[0]
    lost += file_lost
    duplicated += file_dup
    print("%-44s %8d accepted %8d lost %8d duplicated   (%d load files stored)" % (
        "bukti dukung files", len(files), file_lost, file_dup, stored_files))
    # texts: each line's last accepted value is the stored one
    Line = env["hr.asn.skp.month.line"]  # noqa: F821
    for kind, field in (("realisasi", "realisasi"), ("target", "target_text")):
        last = {}
        for entry in sorted(accepted[kind], key=lambda e: e["t"]):
            last[entry["line_id"]] = entry["value"]
        lines = Line.browse(list(last)).exists()
        stored = {line.id: (line[field] or "").strip() for line in lines}
        missing = sum(1 for line_id, value in last.items() if stored.get(line_id) != value)
        lost += missing
        print("%-44s %8d accepted %8d lost %8s             (%d lines)" % (
            "%s texts (last per line stored)" % kind, len(accepted[kind]), missing, "-", len(last)))
    # reviews: each accepted review left its month reviewed by that leader, once
    reviews = accepted["review"]
    month_ids = [entry["month_id"] for entry in reviews]
    twice = sum(count - 1 for count in collections.Counter(month_ids).values() if count > 1)
    Month = env["hr.asn.skp.month"]  # noqa: F821
    by_id = {month.id: month for month in Month.browse(month_ids).exists()}
    missing = sum(1 for entry in reviews if not (by_id.get(entry["month_id"]) and by_id[entry["month_id"]].state
                                                 == "reviewed" and by_id[entry["month_id"]].reviewed_by_id.login
                                                 == entry["login"]))
    lost += missing
    duplicated += twice
    print("%-44s %8d accepted %8d lost %8d duplicated" % ("months reviewed by leaders", len(reviews), missing, twice))
    print("CHECK lost=%d duplicated=%d" % (lost, duplicated))


if STEP == "city":
    build_city()
else:
    check()
