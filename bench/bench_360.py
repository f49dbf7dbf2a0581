"""Bench: a semester's 360° round for a city of N employees (issue #5).

Run through ``bench/run-360`` (which makes a fresh database); executed by ``odoo-bin shell``, so ``env``
is given. Builds a city of Dinas (Sekretariat, 4 Bidang x 3 Seksi, 8 staff per Seksi, one in ten staff
Fungsional), then prints the time and query count of: generating the raters of the whole city, opening,
one rating through the portal methods (save + submit), the completion dashboard (grouped by Perangkat
Daerah), closing (every result computed), get_results for every employee; and the peak memory.
Answers of all raters but a few are written with one SQL statement: the bench measures the close, not
the typing.
"""
import os
import random
import resource


N = int(os.environ.get("HR_ASN_BENCH_N", "10000"))
rng = random.Random(360)
print("hr_asn_360 bench: %d employees" % N)
heads, seksi = build_units(N)


def create_city():
    return create_employees(employee_vals(N, heads, seksi, rng), heads)


_t, _q, employees = timed("create %d employees + assessors (setup)" % N, create_city)

admin = env["res.users"].with_context(no_reset_password=True).create({
    "name": "BKPSDM Bench", "login": "bench_bkpsdm_360",
    "groups_id": [(4, env.ref("hr_asn_performance.group_hr_asn_performance_admin").id)],
})
Job = env["hr.asn.job"]


def run_job(action):
    """Press the button as Admin BKPSDM (it queues the job), then run the job's batches as the cron does
    (hr.asn.job _cron_run, which commits after every batch) until none is queued or running."""
    action()
    while Job.sudo().search_count([("state", "in", ("queued", "running"))]):
        Job._cron_run()
    failed = Job.sudo().search([("state", "=", "failed")])
    for job in failed:
        print("    FAILED job %s (%s): %s" % (job.id, job.name, job.error))


Round = env["hr.asn360.round"]
round_ = Round.create({"name": "Bench Semester I 2026", "year": 2026, "semester": "1",
                       "date_open": "2026-06-01", "date_close": "2026-06-20"})
timed("generate raters of the whole city (job, end to end)",
      lambda: run_job(round_.with_user(admin).action_generate_assignments))
assignments = round_.assignment_ids
roles = {role: len(assignments.filtered(lambda a, r=role: a.role == r)) for role in ("atasan", "peer", "subordinate")}
print("%-58s %8d  (atasan %d, peer %d, subordinate %d)" % ("assignments", len(assignments), roles["atasan"],
                                                           roles["peer"], roles["subordinate"]))
print("%-58s %8d" % ("rated employees with a gap", round_.gap_count))
timed("open (questionnaire copied)", round_.action_open)

# all raters but 50 answer at once (SQL); the 50 rate through the portal methods
sample = assignments.sorted("id")[:50]
questions = round_.question_ids
env.flush_all()
env.cr.execute("""
    INSERT INTO hr_asn360_answer (assignment_id, question_id, stars, round_id, ratee_id, role, value_code,
                                  create_uid, create_date, write_uid, write_date)
    SELECT a.id, q.id, LEAST(5, 2 + a.ratee_id %% 3 + (a.id * 7 + q.id * 3) %% 5 / 2),
           a.round_id, a.ratee_id, a.role, q.value_code,
           1, now() at time zone 'UTC', 1, now() at time zone 'UTC'
      FROM hr_asn360_assignment a JOIN hr_asn360_round_question q ON q.round_id = a.round_id
     WHERE a.round_id = %s AND a.id NOT IN %s
""", (round_.id, tuple(sample.ids)))
env.cr.execute("UPDATE hr_asn360_assignment SET state = 'submitted', submitted_on = now() at time zone 'UTC' "
               "WHERE round_id = %s AND id NOT IN %s", (round_.id, tuple(sample.ids)))
env.invalidate_all()


def rate_sample():
    for assignment in sample:
        assignment.action_save_answers({question.id: 1 + rng.randrange(5) for question in questions})
        assignment.action_submit()


timed("50 ratings through action_save_answers + action_submit", rate_sample)
timed("completion by Perangkat Daerah (read_group)", lambda: env["hr.asn360.assignment"].read_group(
    [("round_id", "=", round_.id)], ["__count"], ["opd_id", "state"], lazy=False))
env.invalidate_all()
timed("close: compute every result (job, end to end)", lambda: run_job(round_.with_user(admin).action_close))
round_.invalidate_recordset()
round_.action_publish()
results = round_.result_ids.filtered("rating")
print("%-58s %8d" % ("results with a rating", len(results)))
counts = {}
for result in results:
    counts[result.rating] = counts.get(result.rating, 0) + 1
print("%-58s %s" % ("ratings", counts))
env.invalidate_all()
_t, _q, found = timed("get_results for every employee", lambda: env["hr.asn360.result"].get_results(employees, 2026))
print("%-58s %8d" % ("employees with a published result", len(found)))
print("%-58s %8.0f MiB" % ("peak RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
env.cr.rollback()
