"""Benchmark: every due item of 社区矫正 (issue 16) for 2,000 subjects with three years of logs each.

Data: a fresh station with 2,000 subjects under supervision (every type and level, received three
years ago), each with the supervision log the county's frequency table asks for over those three
years (reports, check-ins, visits, talks, education and public-benefit hours, as the demo writes
them), about one subject in five short of something last month. Ours: `deadlines.collect` as the
dashboard and `sfs-desktop due` run it (every source: report-in, frequencies per week, month and
quarter, leaves, timers, release, investigations). Baseline: the raw SQL count of the log rows
(`SELECT count(*) FROM cc_supervision`) over the same connection. Both warm, interleaved.
Budget (issue 16): ≤ 1 s.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

BUDGET_MS = 1000.0
SUBJECTS, QUICK_SUBJECTS = 2_000, 100
YEARS = 3


def fill(db, subjects: int, seed: int = 16) -> int:
    """`subjects` supervised subjects with YEARS years of logs; returns the number of log rows."""
    from sqlmodel import select

    from sfs_desktop.core.correction import demo, rules
    from sfs_desktop.core.correction.constants import CONTROL, PAROLE, PROBATION, SUPERVISED, TEMP_EXEC
    from sfs_desktop.core.correction.models import CcFrequency, CcSupervision, CorrectionSubject
    from sfs_desktop.core.db.synced import insert_synced
    from sfs_desktop.core.people.models import Person

    rng = random.Random(seed)
    today = date.today()
    received = today.replace(year=today.year - YEARS)

    def people(s):
        return insert_synced(s, Person, [{"name": f"对象{i:04d}", "gender": "12"[i % 2],
                                          "birth_date": date(1960 + i % 40, 1 + i % 12, 1 + i % 28)}
                                         for i in range(subjects)])
    person_ids = db.write(people)
    kinds = (PROBATION, PROBATION, PAROLE, CONTROL, TEMP_EXEC)

    def subjects_(s):
        rows = [{"person_id": pid, "name": f"对象{i:04d}", "correction_type": kinds[i % len(kinds)],
                 "level": "123"[i % 3], "effective_date": received - timedelta(days=5), "term_start": received,
                 "term_end": rules.term_end(received, 12 * (YEARS + 1)), "reported_on": received,
                 "received_on": received, "status": SUPERVISED}
                for i, pid in enumerate(person_ids)]
        return rows, insert_synced(s, CorrectionSubject, rows)
    rows, ids = db.write(subjects_)
    with db.read() as s:
        freq = list(s.exec(select(CcFrequency)).all())
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    logs = []
    for row, sid in zip(rows, ids):
        skip = ("visit", last_month) if rng.random() < 0.2 else ()
        logs += demo._events(rng, sid, row["level"], received, today - timedelta(days=1), freq, skip)
    db.write(lambda s: _bulk_logs(s, ids[0], logs))
    return len(logs)


def _bulk_logs(s, model_id: str, logs: list[dict]) -> None:
    """The log rows in one executemany, stamped like the subject rows (the sync columns copied from one):
    the outbox is not what this benchmark measures, and the ORM path would take minutes for 700,000 rows."""
    conn = s.connection()
    stamp = conn.exec_driver_sql("SELECT origin, owner, ver_node, created_at, created_by FROM correction_subject "
                                 "WHERE id = ?", (model_id,)).one()
    conn.exec_driver_sql(
        "INSERT INTO cc_supervision (id, origin, owner, ver_node, ver_ctr, vv, deleted, purged, row_schema, extra, "
        "in_conflict, created_at, created_by, updated_at, updated_by, subject_id, kind, day, mode, hours, result, staff) "
        "VALUES (?, ?, ?, ?, ?, '{}', 0, 0, 1, '{}', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(str(uuid.uuid4()), stamp[0], stamp[1], stamp[2], 10**9 + i, stamp[3], stamp[4], stamp[3], stamp[4],
          r["subject_id"], r["kind"], r["day"].isoformat(), r["mode"], r["hours"], r["result"], r["staff"])
         for i, r in enumerate(logs)])


def main() -> int:
    args = common.parse_args(__doc__.splitlines()[0])
    subjects = QUICK_SUBJECTS if args.quick else SUBJECTS
    tmp = Path(tempfile.mkdtemp(prefix="bench-correction-"))
    paths = common.init_node(tmp / "station")
    from sfs_desktop.core import deadlines
    from sfs_desktop.core.security.access import SYSTEM

    today = date.today()
    with common.open_db(paths) as db:
        t = common.timer()
        logs = fill(db, subjects)
        made = t()
        with db.read() as s:
            conn = s.connection()
            items = deadlines.collect(s, today, who=SYSTEM)  # warm: imports, code tables, pages in the cache
            count = conn.exec_driver_sql("SELECT count(*) FROM cc_supervision").scalar_one()
            assert count == logs, (count, logs)
            due = [i for i in items if i.duty == "社区矫正"]

            def ours() -> float:
                t = common.timer()
                deadlines.collect(s, today, who=SYSTEM)
                return t() * 1000

            def base() -> float:
                t = common.timer()
                conn.exec_driver_sql("SELECT count(*) FROM cc_supervision").scalar_one()
                return t() * 1000

            o, b = common.interleaved(ours, base, args.fast_runs)
    print(f"{subjects:,} subjects, {logs:,} log rows made in {made:.0f} s; {len(due):,} correction items due")
    note = "" if subjects == SUBJECTS else f"{subjects} subjects (quick run); the budget is for 2,000"
    rows = [common.row("correction_due", f"社区矫正 due items (dashboard, `due`) for {subjects:,} subjects with "
                       f"{YEARS} years of logs ({logs:,} rows): {len(due):,} items", o, "ms",
                       "raw SQL count of the log rows, same connection warm", b, budget_abs=BUDGET_MS, note=note)]
    shutil.rmtree(tmp, ignore_errors=True)
    return common.emit(args, rows)


if __name__ == "__main__":
    raise SystemExit(main())
