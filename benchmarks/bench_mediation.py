"""Benchmark: 100,000 mediation cases — annual statistics and the case ledger.

Budgets (issue 6): annual statistics ≤ 1 s; the case ledger opens and paints ≤ 150 ms (the GUI
ledger budget). Baseline in the same run: a raw SQL count of the year's cases, to show what
the statistics cost beyond reading the rows.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N = 100_000
USER, PASSWORD = "admin", "Bench-med-2024"


def settle(ms: int = 500) -> None:
    """Let the shown window finish its deferred work, so only the ledger is timed."""
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def main() -> int:
    from sqlalchemy import text

    from sfs_desktop.core import setup
    from sfs_desktop.core.db.synced import insert_synced
    from sfs_desktop.core.mediation import stats
    from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
    from sfs_desktop.core.security import keys
    from sfs_desktop.core.security.session import login
    from sfs_desktop.paths import DataPaths

    keys.DEFAULT_KDF = keys.KdfParams(1, 8 * 1024, 1)  # set-up cost is not what is measured
    paths = DataPaths.resolve(Path(tempfile.mkdtemp()) / "station")
    setup.initialise(paths, setup.SetupRequest("station", "430922101", "桃江县司法局灰山港司法所", USER, PASSWORD, "灰山港镇"))
    app = login(paths, USER, PASSWORD)
    rng = random.Random(1)
    committees = app.write(lambda s: insert_synced(s, MediationCommittee, [
        {"name": f"委员会{i}", "committee_type": "03" if i == 0 else "01", "active": True} for i in range(18)]))
    start = date(2024, 1, 1)
    app.write(lambda s: insert_synced(s, MediationCase, [
        {"committee_id": rng.choice(committees), "dispute_type": rng.choice(["01", "02", "03", "04", "99"]),
         "summary": "…", "received_date": start + timedelta(days=rng.randrange(730)),
         "result": rng.choice(["01", "01", "02", "03"]), "amount_involved": str(rng.choice([0, 500, 2000])),
         "agreement_form": "1", "status": "archived"} for _ in range(N)]))

    with app.db.read() as s:
        t = time.perf_counter()
        raw = s.execute(text("SELECT count(*) FROM mediation_case WHERE received_date BETWEEN '2024-01-01' AND '2024-12-31'")).scalar()
        raw_s = time.perf_counter() - t
        t = time.perf_counter()
        st = stats.compute(s, "2024")
        stats_s = time.perf_counter() - t
    assert st.received == raw

    from PySide6.QtWidgets import QApplication

    from sfs_desktop.ui.app import make_app
    from sfs_desktop.ui.main_window import MainWindow

    make_app()
    window = MainWindow(app)
    window.show()
    settle()  # the dashboard finishes what it builds after its first paint (counts, charts)
    t = time.perf_counter()
    window.show_page("mediation")
    page = window.page("mediation")
    page.cases.view.viewport().repaint()
    QApplication.processEvents()
    paint_ms = (time.perf_counter() - t) * 1000
    rows = page.cases.model.rowCount()
    app.close()
    ok = stats_s <= 1.0 and paint_ms <= 150
    print(f"cases: {N:,} ({raw:,} received in 2024)")
    print(f"raw SQL count of the year: {raw_s * 1000:.0f} ms")
    print(f"annual statistics (all §3.6 indicators): {stats_s * 1000:.0f} ms (budget ≤ 1000 ms), "
          f"{stats_s / raw_s:.0f}× the bare count")
    print(f"case ledger open and paint, {rows:,} rows: {paint_ms:.0f} ms (budget ≤ 150 ms)")
    print("budgets held" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
