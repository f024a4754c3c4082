"""Benchmark: the write path — N (default 30,000) demo-style person rows through the single writer vs raw sqlcipher3.

Ours: `insert_synced` through the writer (stamping, sync columns, outbox, FTS5 trigram + pinyin
search index), one transaction. Baseline: a hand-written program doing the same work with the
DB-API: the same rows (names, ID numbers, addresses, villages from the demo generator) into the
same schema (primary key, indexes, the FTS5 search index, the outbox), counter taken from
local_node, sync columns filled, one transaction, sqlcipher3 `executemany`. Both start from a
fresh database file and a fresh connection (same cache state), rows given as dicts; runs are
interleaved; budget (issue 2): ours ≤ 6× the baseline.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

BUDGET = 6.0


def person_rows(n: int, seed: int = 7) -> list[dict]:
    from sfs_desktop.core import demo

    rng = random.Random(seed)
    villages = [f"{w}村" for w in demo.VILLAGE_WORDS[:18]]
    out = []
    for i in range(n):
        male = rng.random() < 0.52
        birth = demo._birth(rng)
        v = rng.randrange(len(villages))
        address = f"灰山港镇{villages[v]}{rng.randint(1, 15)}组{rng.randint(1, 60)}号"
        out.append({"name": demo.person_name(rng), "gender": "1" if male else "2", "ethnicity": "01",
                    "birth_date": birth, "id_type": "01", "id_number": demo.demo_id_number(rng, birth, male),
                    "household_address": address, "residence_address": address, "area_code": f"430922101{200 + v:03d}",
                    "phone": demo.demo_phone(rng), "education": rng.choice(["04", "05", "06", "07"]),
                    "occupation": rng.choice(demo.OCCUPATIONS), "marital_status": rng.choice(["10", "20", "30"])})
    return out


def raw_write(conn, cols: list[str], data: list[dict]) -> float:
    """What a hand-written program does: fill every column, one transaction, three executemany."""
    elapsed = common.timer()
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.execute("BEGIN")
    node, epoch, last = conn.execute("UPDATE local_node SET counter = counter + ? WHERE id = 1 "
                                     "RETURNING node_id, epoch, counter", (len(data),)).fetchone()
    first = last - len(data) + 1
    key = f"{node}.{epoch}"
    rows, outbox, fts = [], [], []
    for i, r in enumerate(data):
        ctr = first + i
        rid = common.new_id()
        full = dict.fromkeys(cols)
        full.update(r, id=rid, origin=node, owner=node, ver_node=key, ver_ctr=ctr, vv=json.dumps({key: ctr}),
                    deleted=0, purged=0, row_schema=1, extra="{}", in_conflict=0, created_at=now, created_by="system",
                    updated_at=now, updated_by="system", birth_date=r["birth_date"].isoformat())
        rows.append(tuple(full[c] for c in cols))
        outbox.append((epoch, ctr, "person", rid, "insert"))
        fts.append((common.fts_key("person", rid), "person", rid, r["name"], common.raw_initials(r["name"])))
    conn.executemany(f"INSERT INTO person ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
    conn.executemany("INSERT INTO sync_outbox (epoch, ctr, table_name, row_id, op) VALUES (?, ?, ?, ?, ?)", outbox)
    conn.executemany("INSERT OR REPLACE INTO search_index (rowid, table_name, row_id, text, initials) "
                     "VALUES (?, ?, ?, ?, ?)", fts)
    conn.execute("COMMIT")
    return elapsed()


def main() -> int:
    args = common.parse_args(__doc__.splitlines()[0])
    n = 2_000 if args.quick else 30_000
    common.fast_kdf()
    from sfs_desktop.core.db.synced import insert_synced
    from sfs_desktop.core.people.models import Person

    data = person_rows(n)
    tmp = Path(tempfile.mkdtemp(prefix="bench-storage-"))
    template = common.init_node(tmp / "template")
    with common.open_db(template) as db:
        schema = common.schema_sql(db)
        node_row = db.engine.connect().exec_driver_sql("SELECT id, node_id, role, epoch, counter FROM local_node").fetchone()
        cols = [c.name for c in Person.__table__.columns]
    # warm both sides once on a few rows (imports, the pinyin dictionary), neither timed
    with common.open_db(common.copy_node(template, tmp / "warm")) as db:
        db.write(lambda s: insert_synced(s, Person, data[:50]))
    warm = common.raw_db(tmp / "warm-raw.db", schema)
    warm.execute("INSERT INTO local_node VALUES (?, ?, ?, ?, ?)", tuple(node_row))
    raw_write(warm, cols, data[:50])
    warm.close()

    counter = iter(range(1000))

    def ours() -> float:
        paths = common.copy_node(template, tmp / f"ours-{next(counter)}")
        with common.open_db(paths) as db:  # a fresh engine: an empty page cache
            elapsed = common.timer()
            db.write(lambda s: insert_synced(s, Person, data))
            secs = elapsed()
            with db.engine.connect() as c:
                assert c.exec_driver_sql("SELECT count(*) FROM search_index WHERE table_name = 'person'").scalar() == n
        return secs

    import secrets

    def base() -> float:
        key = secrets.token_bytes(32)
        path = tmp / f"raw-{next(counter)}.db"
        conn = common.raw_db(path, schema, key)
        conn.execute("INSERT INTO local_node VALUES (?, ?, ?, ?, ?)", tuple(node_row))
        conn.close()
        conn = common.raw_connect(path, key)  # a fresh connection: an empty page cache
        secs = raw_write(conn, cols, data)
        assert conn.execute("SELECT count(*) FROM search_index WHERE table_name = 'person'").fetchone()[0] == n
        conn.close()
        return secs

    o, b = common.interleaved(ours, base, args.runs)
    rows = [common.row("write_path", f"write path: {n:,} person rows through the writer (outbox, FTS5 index)",
                       o, "s", "raw sqlcipher3 executemany, same schema + indexes + FTS5 + outbox, fresh file",
                       b, budget_ratio=BUDGET)]
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    return common.emit(args, rows)


if __name__ == "__main__":
    raise SystemExit(main())
