"""Killing the program mid-write never corrupts the database or splits a change from its outbox row."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import text

from tests.conftest import open_dir

WRITER = textwrap.dedent("""
    import sys
    from sfs_desktop.core.db.database import Database
    from sfs_desktop.core.db.synced import insert_synced
    from sfs_desktop.core.people.models import Person
    from sqlmodel import select
    from sfs_desktop.core.security import keys
    from sfs_desktop.paths import DataPaths
    paths = DataPaths.resolve(sys.argv[1])
    key = keys.KeyFile.load(paths.keyfile).unlock("admin", sys.argv[2])
    db = Database(paths, key)
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        if i % 3:
            db.write(lambda s: insert_synced(s, Person, [{"name": f"批量{i}-{k}"} for k in range(200)]))
        else:
            def edit(s, i=i):
                for p in s.exec(select(Person).limit(20)):
                    p.occupation = f"第{i}次"
            db.write(edit)
""")


def _consistent(paths):
    with open_dir(paths) as db:
        assert db.check() == []
        with db.engine.connect() as c:
            rows = c.execute(text("SELECT count(*) FROM person")).scalar()
            inserts = c.execute(text("SELECT count(*) FROM sync_outbox WHERE table_name='person' AND op='insert'")).scalar()
            total = c.execute(text("SELECT count(*) FROM sync_outbox")).scalar()
            counter = c.execute(text("SELECT counter FROM local_node")).scalar()
    assert rows == inserts, "every committed row has exactly its outbox entry"
    assert total == counter, "the node counter and the outbox advance together"
    return rows


def _kill_runs(paths, runs, seed):
    from tests.conftest import PASSWORD

    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    last = 0
    for _ in range(runs):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(paths.root), PASSWORD],
                                stdout=subprocess.PIPE, env=env)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        rows = _consistent(paths)
        assert rows >= last  # nothing committed is ever lost
        last = rows


def test_kill_during_writes_leaves_a_consistent_database(station_paths):
    _kill_runs(station_paths, runs=3, seed=1)


@pytest.mark.slow
def test_many_kills_during_writes(station_paths):
    _kill_runs(station_paths, runs=40, seed=2)
