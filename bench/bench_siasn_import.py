"""Bench: import the organisation of a city of N employees from a SIASN file (issue 14, item 4).

Run through ``bench/run-siasn-import`` (which makes a fresh database); executed by ``odoo-bin shell``, so
``env`` is given. Builds benchlib's city (N employees, every unit with a SIASN unor code), then, as the
BKPSDM administrator, measures with a CSV of all N employees in which 2% moved to another Seksi, 3% have
a golongan up and 1% are new: the preview (read, check, compare, N preview lines), the apply (creates,
writes through hr.employee: Lampiran II recompute, the SKP flow), and the preview of the same file again
(every row unchanged). The issue's bar: 20,000 rows preview in at most 60 s.
"""
import base64
import csv
import datetime
import io
import random
import resource

N = int(__import__("os").environ.get("HR_ASN_BENCH_N", "20000"))
rng = random.Random(14)
print("hr_asn bench: import from SIASN, %d rows" % N)
heads, seksi = build_units(int(N * 0.99))
employees = create_employees(employee_vals(int(N * 0.99), heads, seksi, rng), heads)
for unit in {unit for unit, _kind in heads} | set(seksi):
    unit.asn_unor_code = "UNOR-%06d" % unit.id
env.flush_all()
env.cr.commit()

stream = io.StringIO()
writer = csv.writer(stream, delimiter=";")
writer.writerow(["NIP", "NAMA", "STATUS", "GOLONGAN", "JABATAN", "JENIS JABATAN", "UNOR"])
kinds = {"jpt": "JPT", "administrator": "Administrator", "pengawas": "Pengawas", "pelaksana": "Pelaksana",
         "fungsional": "Fungsional"}
moved = promoted = 0
for index, employee in enumerate(employees):
    unit, golongan = employee.department_id, "III/b"
    if index >= len(heads) and rng.random() < 0.02:
        unit = seksi[rng.randrange(len(seksi))]
        moved += unit != employee.department_id
    elif rng.random() < 0.03:
        golongan = "III/c"
        promoted += 1
    writer.writerow([employee.nip, employee.name, "PNS", golongan, employee.job_title or "",
                     kinds[employee.asn_position_kind], unit.asn_unor_code])
nips = set(employees.mapped("nip"))
new = 0
while new < N - len(employees):
    birth = datetime.date(1990 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28))
    number = nip_rules.build(birth, 2025, 6, "female", 1 + rng.randrange(999))
    if number in nips:
        continue
    nips.add(number)
    writer.writerow([number, "CPNS %d" % new, "CPNS", "II/a", "Pengadministrasi", "Pelaksana",
                     seksi[new % len(seksi)].asn_unor_code])
    new += 1
data = base64.b64encode(stream.getvalue().encode())
print("%-58s %8d bytes" % ("CSV file", len(base64.b64decode(data))))
print("%-58s %8d moved, %d golongan up, %d new" % ("planted changes", moved, promoted, new))

bkpsdm = env.ref("base.user_admin")
Import = env["hr.asn.siasn.import"].with_user(bkpsdm).with_context(tracking_disable=False)
wizard = Import.create({"file": data, "filename": "siasn.csv"})
t_preview, q_preview, _ = timed("preview %d rows" % N, wizard.action_preview)
print("%-58s %s" % ("counts", {kind: wizard["count_%s" % kind] for kind in
                               ("new", "moved", "promoted", "changed", "unchanged", "rejected")}))
t_apply, q_apply, _ = timed("apply", wizard.action_apply)
env.cr.commit()
again = Import.create({"file": data, "filename": "siasn.csv"})
t_again, q_again, _ = timed("preview the same file again", again.action_preview)
print("%-58s %8d of %d" % ("unchanged in the second preview", again.count_unchanged, N))
print("%-58s %8.0f MiB" % ("peak RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
print("%-58s %s" % ("within the issue's 60 s for the preview", "yes" if t_preview <= 60 else "NO"))
