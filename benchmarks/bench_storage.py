"""Benchmark: 100,000 synced rows through the single writer (stamping + outbox) vs raw executemany.

Budget (issue 2): writer ≤ 6× raw. The raw baseline inserts the same rows, same columns, into
the same kind of encrypted file with the same cipher (sqlcipher3 DB-API executemany, one
transaction); plain unencrypted sqlite3 is printed for reference. Prints the figures; the
exit status says whether the budget held.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import sqlcipher3

from sfs_desktop.core import setup
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import insert_synced, new_id
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security import keys
from sfs_desktop.paths import DataPaths

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
BUDGET = 6.0


def rows(n: int) -> list[dict]:
    return [{"name": f"人员{i}", "gender": "1" if i % 2 else "2", "occupation": "务农", "area_code": "430922101201"}
            for i in range(n)]


def raw_insert(conn, data: list[dict]) -> float:
    cols = [c.name for c in Person.__table__.columns]
    conn.execute(f"CREATE TABLE person ({', '.join(cols)})")
    conn.execute("CREATE TABLE sync_outbox (seq INTEGER PRIMARY KEY, epoch, ctr, table_name, row_id, op)")
    params = []
    for i, r in enumerate(data):
        row = dict.fromkeys(cols)
        row.update(r, id=new_id(), vv=json.dumps({"n.1": i + 1}), extra="{}", ver_ctr=i + 1)
        params.append(tuple(row[c] for c in cols))
    t = time.perf_counter()  # the baseline is the database work alone, rows already built
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO person VALUES ({', '.join('?' * len(cols))})", params)
    conn.commit()
    return time.perf_counter() - t


def main() -> int:
    data = rows(N)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        key = secrets.token_bytes(32)
        conn = sqlcipher3.connect(str(tmp / "raw.db"), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        raw_cipher = raw_insert(conn, data)
        conn.close()
        plain = sqlite3.connect(str(tmp / "plain.db"), isolation_level=None)
        plain.execute("PRAGMA journal_mode = WAL")
        raw_plain = raw_insert(plain, data)
        plain.close()

        keys.DEFAULT_KDF = keys.KdfParams(1, 8 * 1024, 1)  # set-up cost is not what is measured
        keys.RECOVERY_KDF = keys.DEFAULT_KDF
        paths = DataPaths.resolve(tmp / "station")
        setup.initialise(paths, setup.SetupRequest("station", "430922101", "桃江县司法局灰山港司法所", "admin", "Bench-pass-2024"))
        dek = keys.KeyFile.load(paths.keyfile).unlock("admin", "Bench-pass-2024")
        with Database(paths, dek) as db:
            t = time.perf_counter()
            db.write(lambda s: insert_synced(s, Person, data))
            writer = time.perf_counter() - t
            with db.engine.connect() as c:
                outbox = c.exec_driver_sql("SELECT count(*) FROM sync_outbox WHERE table_name = 'person'").scalar()
    assert outbox == N, outbox
    ratio = writer / raw_cipher
    print(f"rows: {N:,}")
    print(f"raw sqlcipher3 executemany: {raw_cipher:.3f} s   (plain sqlite3: {raw_plain:.3f} s)")
    print(f"writer insert_synced + outbox: {writer:.3f} s   ({N / writer:,.0f} rows/s)")
    print(f"ratio writer / raw: {ratio:.2f}×   budget ≤ {BUDGET:.0f}×   {'OK' if ratio <= BUDGET else 'OVER BUDGET'}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
