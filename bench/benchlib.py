"""Shared by the bench scripts; the run-* wrappers feed this file to ``odoo-bin shell`` before the bench
itself, so ``env`` is the shell's environment."""
import time


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
