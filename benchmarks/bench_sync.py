"""Benchmark: sync bundles for 100,000 changed records, and a county collecting 30 stations.

Budgets (issue 7, sync-design.md §5 tests 25–26): export, verify and import of 100,000 records
each ≤ 10 s; import ≤ 10× raw sqlcipher3 inserting the same rows in the same run; peak memory
≤ 500 MiB; 30 stations × 20,000 records imported at the county in ≤ 5 minutes. Prints the
figures; the exit status says whether every budget held.

Usage: python benchmarks/bench_sync.py [N] [STATIONS] [PER_STATION]
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import secrets
import sys
import tempfile
import time
from pathlib import Path

import sqlcipher3

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import setup
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security import keys
from sfs_desktop.core.sync import exporter, identity, importer
from sfs_desktop.paths import DataPaths

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
STATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 30
PER_STATION = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
STEP_BUDGET_S = 10.0
RATIO_BUDGET = 10.0
MEMORY_BUDGET_MIB = 500
COUNTY_BUDGET_S = 300.0
PASSWORD = "Bench-pass-2024"


def rows(n: int, tag: str) -> list[dict]:
    return [{"name": f"人员{tag}{i}", "gender": "1" if i % 2 else "2", "occupation": "务农",
             "area_code": "430922101201", "employer": "桃江县竹业有限公司"} for i in range(n)]


def fast_kdf() -> None:
    keys.DEFAULT_KDF = keys.KdfParams(1, 8 * 1024, 1)  # set-up cost is not what is measured
    keys.RECOVERY_KDF = keys.DEFAULT_KDF


def open_db(paths: DataPaths) -> Database:
    return Database(paths, keys.KeyFile.load(paths.keyfile).unlock("admin", PASSWORD))


def node(root: Path, role: str, code: str) -> Database:
    paths = DataPaths.resolve(root / code)
    setup.initialise(paths, setup.SetupRequest(role, code, f"单位{code}", "admin", PASSWORD))
    return open_db(paths)


def fill(paths: DataPaths, n: int, tag: str) -> None:
    """Runs in a child process, so building the test rows does not count in our peak memory."""
    fast_kdf()
    with open_db(paths) as db:
        db.write(lambda s: insert_synced(s, Person, rows(n, tag)))


def fill_apart(db: Database, n: int, tag: str) -> Database:
    paths = db.paths
    db.close()
    proc = multiprocessing.get_context("spawn").Process(target=fill, args=(paths, n, tag))
    proc.start()
    proc.join()
    assert proc.exitcode == 0
    return open_db(paths)


def enroll(county: Database, station: Database, stick: Path) -> None:
    with station.read() as s:
        card = identity.public_card(s)
    county.write(lambda s: identity.add_station(s, card, f"司法所{card['node']}", SYSTEM))
    path = exporter.write_enrollment(county, card["node"], stick, SYSTEM)
    [res] = importer.import_files(station, [path], principal=SYSTEM, backup=False)
    assert res.status == "enrolled", res.message


def raw_baseline(tmp: Path, db: Database) -> float:
    """The same rows, every column, inserted with one DB-API executemany into an encrypted file."""
    with db.engine.connect() as c:
        data = [tuple(r) for r in c.exec_driver_sql("SELECT * FROM person WHERE owner != 'county'")]
        cols = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(person)")]
    conn = sqlcipher3.connect(str(tmp / "raw.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{secrets.token_bytes(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"CREATE TABLE person ({', '.join(cols)})")
    t = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO person VALUES ({', '.join('?' * len(cols))})", data)
    conn.commit()
    conn.close()
    return time.perf_counter() - t


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    fast_kdf()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        county = node(tmp, "county", "430922000")
        station = node(tmp, "station", "430922101")
        (tmp / "enroll").mkdir()
        enroll(county, station, tmp / "enroll")
        station = fill_apart(station, N, "")
        stick = tmp / "stick"
        stick.mkdir()
        t = time.perf_counter()
        [res] = exporter.export(station, stick, principal=SYSTEM)
        t_export = time.perf_counter() - t
        t = time.perf_counter()
        for f in res.files:
            importer.verify(county, f)
        t_verify = time.perf_counter() - t
        t = time.perf_counter()
        results = importer.import_files(county, res.files, principal=SYSTEM)  # includes the pre-import backup
        t_import = time.perf_counter() - t
        assert all(r.status == "imported" for r in results), results
        assert county.digest("430922101") == station.digest("430922101")
        raw = raw_baseline(tmp, county)
        mem = peak_mib()
        size = sum(f.stat().st_size for f in res.files)
        print(f"records: {N:,} in {len(res.files)} bundles, {size / 2**20:.1f} MiB on the stick")
        print(f"raw sqlcipher3 executemany of the same rows: {raw:.2f} s")
        for label, secs in (("export", t_export), ("verify", t_verify), ("import", t_import)):
            within = secs <= STEP_BUDGET_S
            ok &= within
            print(f"{label:7s} {secs:6.2f} s   ({N / secs:,.0f} records/s)   budget ≤ {STEP_BUDGET_S:.0f} s   "
                  f"{'OK' if within else 'OVER BUDGET'}")
        ratio = t_import / raw
        ok &= ratio <= RATIO_BUDGET
        print(f"ratio import / raw: {ratio:.1f}×   budget ≤ {RATIO_BUDGET:.0f}×   "
              f"{'OK' if ratio <= RATIO_BUDGET else 'OVER BUDGET'}")
        ok &= mem <= MEMORY_BUDGET_MIB
        print(f"peak memory (export + verify + import, this process): {mem:.0f} MiB   budget ≤ {MEMORY_BUDGET_MIB} MiB   "
              f"{'OK' if mem <= MEMORY_BUDGET_MIB else 'OVER BUDGET'}")
        station.close()
        county.close()

        county = node(tmp / "many", "county", "430922000")
        files = []
        for i in range(STATIONS):
            st = node(tmp / "many", "station", f"4309221{i:02d}")
            d = tmp / "many" / f"stick-{i}"
            d.mkdir()
            enroll(county, st, d)
            st = fill_apart(st, PER_STATION, f"{i}-")
            files += [f for r in exporter.export(st, d, principal=SYSTEM) for f in r.files]
            st.close()
        t = time.perf_counter()
        results = importer.import_files(county, files, principal=SYSTEM)
        t_county = time.perf_counter() - t
        assert all(r.status == "imported" for r in results)
        county.close()
        within = t_county <= COUNTY_BUDGET_S
        ok &= within
        print(f"county: {STATIONS} stations × {PER_STATION:,} records ({len(files)} bundles) imported in "
              f"{t_county:.1f} s   budget ≤ {COUNTY_BUDGET_S:.0f} s   {'OK' if within else 'OVER BUDGET'}")
        print(f"peak memory (whole run): {peak_mib():.0f} MiB")
    print(json.dumps({"export_s": round(t_export, 2), "verify_s": round(t_verify, 2), "import_s": round(t_import, 2),
                      "raw_s": round(raw, 2), "county_s": round(t_county, 1)}))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
