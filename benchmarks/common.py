"""Shared parts of the benchmarks: fair sampling, result rows, demo data, raw same-schema databases.

Every benchmark prints and (with ``--json PATH``) writes a list of rows; ``benchmarks/run.py``
collects them into one table and ``benchmarks/results.json``. A row names its baseline, which
does the same work at the level a hand-written program would (raw sqlcipher3 on the same schema,
indexes and FTS5 search index, same rows, same cache state; raw ReportLab; a bare PySide6
window). Baseline and ours are interleaved (B O, O B, B O, …) and each figure is the median of
several runs with its spread (min–max).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "Bench-pass-2024"
USER = "admin"


# --- arguments and rows ---------------------------------------------------------------------

def parse_args(description: str, extra: Callable[[argparse.ArgumentParser], None] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="tiny sizes and few runs: a smoke run")
    p.add_argument("--json", type=Path, help="write the result rows here (run.py collects them)")
    p.add_argument("--runs", type=int, help="samples per slow figure (default 3, --quick 1); fast ones take at least 5")
    p.add_argument("--data", type=Path, help="a demo station data dir to use (run.py makes one for all)")
    if extra:
        extra(p)
    a = p.parse_args()
    a.runs = a.runs or (1 if a.quick else 3)
    a.fast_runs = a.runs if a.quick else max(a.runs, 5)  # figures of milliseconds: more samples cost little
    return a


def stats(samples: Sequence[float]) -> dict[str, Any]:
    s = sorted(samples)
    return {"median": statistics.median(s), "min": s[0], "max": s[-1], "n": len(s), "samples": list(samples)}


def interleaved(ours: Callable[[], float], base: Callable[[], float], runs: int) -> tuple[list[float], list[float]]:
    """Each callable returns its own measured seconds (set-up outside its timer). The order
    alternates each round so neither side always runs first (on a cold or a busy machine)."""
    o, b = [], []
    for i in range(runs):
        if i % 2 == 0:
            b.append(base())
            o.append(ours())
        else:
            o.append(ours())
            b.append(base())
    return o, b


def row(key: str, figure: str, ours: Sequence[float], unit: str, baseline_name: str,
        base: Sequence[float] | None = None, *, budget_ratio: float | None = None,
        budget_abs: float | None = None, note: str = "", scale: float = 1.0) -> dict[str, Any]:
    """One result row; `unit` is 's', 'ms' or 'MiB' (samples are given in that unit)."""
    o = stats(ours)
    b = stats(base) if base else None
    ratio = o["median"] / b["median"] if b and b["median"] > 0 else None
    pair = [x / y for x, y in zip(ours, base) if y > 0] if base else []
    over = False
    parts = []
    if budget_ratio is not None:
        parts.append(f"≤ {budget_ratio:g}×")
        over |= ratio is not None and ratio > budget_ratio
    if budget_abs is not None:
        parts.append(f"≤ {budget_abs:g} {unit}")
        over |= o["median"] > budget_abs
    return {"key": key, "figure": figure, "unit": unit, "ours": o, "baseline_name": baseline_name,
            "baseline": b, "ratio": ratio, "ratio_range": [min(pair), max(pair)] if pair else None,
            "budget": ", ".join(parts) or "—", "budget_ratio": budget_ratio, "budget_abs": budget_abs,
            "over": over, "note": note}


def fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "—"
    if unit == "ms":
        return f"{v:.0f}" if v >= 10 else f"{v:.1f}"
    if unit == "s":
        return f"{v:.2f}" if v < 10 else f"{v:.1f}"
    return f"{v:.0f}"


def describe(st: dict | None, unit: str) -> str:
    if not st:
        return "—"
    return f"{fmt(st['median'], unit)} {unit} ({fmt(st['min'], unit)}–{fmt(st['max'], unit)}, n={st['n']})"


def emit(args: argparse.Namespace, rows: list[dict[str, Any]]) -> int:
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
        print(f"{r['figure']}\n    ours {describe(r['ours'], r['unit'])} | baseline [{r['baseline_name']}] "
              f"{describe(r['baseline'], r['unit'])} | ratio {ratio} | budget {r['budget']}"
              f"{'  OVER BUDGET' if r['over'] else ''}" + (f"\n    note: {r['note']}" if r["note"] else ""))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1))
    return 1 if any(r["over"] for r in rows) else 0


def peak_mib() -> float:
    """This process's own peak resident memory (VmHWM: not inherited across exec, unlike ru_maxrss)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timer() -> Callable[[], float]:
    t = time.perf_counter()
    return lambda: time.perf_counter() - t


# --- stations with demo data ----------------------------------------------------------------

def fast_kdf() -> None:
    """Set-up cost is not what is measured (the GUI start keeps the production KDF)."""
    from sfs_desktop.core.security import keys

    keys.DEFAULT_KDF = keys.KdfParams(1, 8 * 1024, 1)
    keys.RECOVERY_KDF = keys.DEFAULT_KDF


def init_node(root: Path, role: str = "station", code: str = "430922101", township: str = "灰山港镇"):
    from sfs_desktop.core import setup
    from sfs_desktop.paths import DataPaths

    paths = DataPaths.resolve(root)
    name = f"桃江县司法局{township}司法所" if role == "station" else f"单位{code}"
    setup.initialise(paths, setup.SetupRequest(role, code, name, USER, PASSWORD, township if role == "station" else ""))
    return paths


def unlock(paths) -> bytes:
    from sfs_desktop.core.security import keys

    return keys.KeyFile.load(paths.keyfile).unlock(USER, PASSWORD)


def open_db(paths):
    from sfs_desktop.core.db.database import Database

    return Database(paths, unlock(paths))


def demo_station(root: Path, scale: int, seed: int = 2024, code: str = "430922101", township: str = "灰山港镇"):
    """A station data dir filled by the demo generator: every duty's tables, parties, ID numbers, villages."""
    from sfs_desktop.core import demo
    from sfs_desktop.core.security.access import SYSTEM

    paths = init_node(root, "station", code, township)
    with open_db(paths) as db:
        counts = demo.generate(db, SYSTEM, scale=scale, seed=seed)
    return paths, counts


def copy_node(paths, dest: Path):
    from sfs_desktop.paths import DataPaths

    shutil.copytree(paths.root, dest)
    (dest / paths.lockfile.name).unlink(missing_ok=True)
    return DataPaths.resolve(dest)


# --- the raw side: sqlcipher3 on the same schema --------------------------------------------

def raw_connect(path: Path, key: bytes | None = None):
    """A DB-API connection with the program's own settings (core/db/engine.py): WAL, FULL sync,
    16 MiB page cache, foreign keys on."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{(key or secrets.token_bytes(32)).hex()}'\"")
    for pragma in ("cipher_log_level = NONE", "foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL",
                   "cache_size = -16384"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def schema_sql(db) -> list[str]:
    """The CREATE statements of every table, index and the FTS5 index of an open program database
    (FTS5's shadow tables are made by its CREATE VIRTUAL TABLE)."""
    with db.engine.connect() as c:
        rows = c.exec_driver_sql("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                 "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid").fetchall()
    shadow = {f"search_index_{s}" for s in ("data", "idx", "content", "docsize", "config")}
    return [sql for _t, name, sql in rows if name not in shadow and not name.startswith("sqlite_")]


def raw_db(path: Path, schema: list[str], key: bytes | None = None):
    conn = raw_connect(path, key)
    conn.execute("BEGIN")
    for sql in schema:
        conn.execute(sql)
    conn.execute("COMMIT")
    return conn


@lru_cache(maxsize=8192)
def _first_letter(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(ch, style=Style.FIRST_LETTER, errors="ignore")
    return letters[0].lower() if letters else ""


def raw_initials(name: str) -> str:
    return "".join(_first_letter(c) for c in name)


def fts_key(table: str, row_id: str) -> int:
    import hashlib

    return int(hashlib.blake2b(f"{table}/{row_id}".encode(), digest_size=8).hexdigest()[:15], 16)


def new_id() -> str:
    return str(uuid.uuid4())


def env_for_children() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


# --- the shared demo station ------------------------------------------------------------------

def make_demo_dir(root: Path, scale: int, seed: int = 2024, *, quick: bool = False) -> None:
    """A station data dir (production Argon2id key derivation: the GUI start logs in with it)
    filled by the demo generator. Runs in its own process (the GUI start's peak memory is read
    with ru_maxrss, which a child inherits from its parent)."""
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--make-demo", str(root), str(scale), str(seed),
                    *(["--fast-kdf"] if quick else [])], check=True, env=env_for_children())


def demo_dir_arg(args, scale: int, tmp: Path) -> Path:
    """The shared demo station run.py made (--data), else one made here."""
    if getattr(args, "data", None):
        return Path(args.data)
    make_demo_dir(tmp / "demo-station", scale, quick=args.quick)
    return tmp / "demo-station"


if __name__ == "__main__" and sys.argv[1:2] == ["--make-demo"]:
    _root, _scale, _seed = Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if "--fast-kdf" in sys.argv:
        fast_kdf()
    from sfs_desktop.core import demo as _demo
    from sfs_desktop.core.security.access import SYSTEM as _SYSTEM

    _paths = init_node(_root)
    with open_db(_paths) as _db:
        print(json.dumps(_demo.generate(_db, _SYSTEM, scale=_scale, seed=_seed), ensure_ascii=False))
