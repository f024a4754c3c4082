"""`python benchmarks/run.py --quick` runs every benchmark on tiny sizes and writes one results file
whose every row names its baseline; the README's table is generated from that file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {"gui_start", "gui_peak", "ledger_cold", "ledger_warm", "ledger_filter", "case_ledger_cold", "write_path",
            "sync_export", "sync_verify", "sync_import_new", "sync_import_update", "sync_backup", "sync_memory",
            "county_import", "mediation_stats", "print_form", "print_batch", "correction_due"}


def test_quick_run_writes_every_row_with_a_named_baseline(tmp_path):
    out = tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=280)
    assert proc.returncode in (0, 1), proc.stdout[-4000:] + proc.stderr[-2000:]  # 1: a budget over, still a result
    results = json.loads(out.read_text())
    rows = results["rows"]
    keys = {r["key"] for r in rows}
    assert not [r for r in rows if r.get("crashed")], [r["note"] for r in rows if r.get("crashed")]
    assert EXPECTED <= keys, EXPECTED - keys
    assert sum(k.startswith("search_") for k in keys) >= 3  # 1, 2 (the LIKE path) and 3+ characters
    for r in rows:
        assert r["baseline_name"] and r["baseline_name"] != "—", r
        assert r["ours"]["n"] >= 1 and r["ours"]["median"] >= 0, r
        if r["baseline"] is not None:
            assert r["ratio"] is not None and r["baseline"]["n"] == r["ours"]["n"], r  # interleaved pairs
        assert isinstance(r["over"], bool) and r["budget"]
    assert "─" not in proc.stdout and "over?" in proc.stdout  # the one table was printed

    readme = tmp_path / "README.md"
    readme.write_text("before\n<!-- benchmarks:begin (x) -->\nSTALE-TABLE-XYZ\n<!-- benchmarks:end -->\nafter\n")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--readme", "--out", str(out),
                    "--readme-file", str(readme)], check=True, cwd=ROOT, capture_output=True, timeout=60)
    text = readme.read_text()
    assert text.startswith("before\n") and text.endswith("after\n") and "STALE-TABLE-XYZ" not in text
    for r in rows:
        assert r["figure"] in text and r["baseline_name"] in text
