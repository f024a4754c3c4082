"""Restore as a 所长 runs it: killed at each step, over a damaged database, with files missing
(issue 12, findings 4 and 5). The installed program in a subprocess each time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sfs_desktop.core.db import backup as dbbackup
from sfs_desktop.core.db.engine import open_engine
from sfs_desktop.core.db.restore import STEPS
from sfs_desktop.core.security import keys
from sfs_desktop.paths import DataPaths
from tests import program
from tests.program import ok, run

KILL_AT = """
import os, signal, sys
from sfs_desktop.core.db import restore
def hook(name):
    if name == sys.argv[1]:
        os.kill(os.getpid(), signal.SIGKILL)
restore.step_hook = hook
from sfs_desktop import cli
sys.exit(cli.main(sys.argv[2:]))
"""


def facts(path: Path, keyfile: Path) -> tuple[str, int]:
    """(digest, sync epoch) of a database file, read without the program's lock."""
    key = keys.KeyFile.load(keyfile).unlock(program.ADMIN, program.PASSWORD)
    engine = open_engine(path, key)
    try:
        with engine.connect() as conn:
            epoch = conn.exec_driver_sql("SELECT epoch FROM local_node").scalar()
        return dbbackup.digest(engine), int(epoch)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A station with a backup, and changes made after it."""
    root = tmp_path_factory.mktemp("restore")
    st = root / "st"
    ok(st, "init", "--role", "station", "--station-code", "430922101", "--station-name", "桃江县司法局灰山港司法所",
       "--township", "灰山港镇", "--admin", program.ADMIN)
    ok(st, "demo", "--scale", 20, "--seed", 3)
    ok(st, "backup", root / "b.db")
    ok(st, "demo", "--scale", 5, "--seed", 4)
    return st, root / "b.db"


@pytest.fixture
def station(prepared, tmp_path):
    st, backup = prepared
    shutil.copytree(st, tmp_path / "st")
    return tmp_path / "st", backup


@pytest.mark.parametrize("step", STEPS)
def test_a_restore_killed_at_any_step_never_keeps_the_old_epoch(station, step):
    st, backup = station
    paths = DataPaths.resolve(st)
    before = facts(paths.database, paths.keyfile)
    restored = facts(backup, paths.keyfile)[0]
    p = program.python(KILL_AT, step, "--data-dir", st, "restore", backup)
    assert p.returncode == -9, p.stderr
    digest, epoch = facts(paths.database, paths.keyfile)
    assert (digest, epoch) == before or (digest == restored and epoch > before[1]), step
    assert "检查通过" in ok(st, "check")
    ok(st, "restore", backup)  # and a full restore afterwards
    digest, epoch = facts(paths.database, paths.keyfile)
    assert digest == restored and epoch > before[1]
    assert not list(st.glob("*.restore"))


def test_restore_repairs_a_database_that_cannot_be_opened(station):
    st, backup = station
    paths = DataPaths.resolve(st)
    restored, backup_epoch = facts(backup, paths.keyfile)
    paths.database.write_bytes(b"\0" * 4096 * 3)  # overwritten: not a database any more
    p = run(st, "check")
    assert p.returncode == 2 and "无法打开数据库" in p.stderr
    out = ok(st, "restore", backup)
    assert "已从" in out and "damaged" in out
    digest, epoch = facts(paths.database, paths.keyfile)
    assert digest == restored and epoch > backup_epoch
    assert "检查通过" in ok(st, "check")
    assert "恢复备份" in ok(st, "audit", "list")


def test_an_empty_or_missing_database_is_refused_never_replaced(station):
    st, backup = station
    paths = DataPaths.resolve(st)
    paths.database.write_bytes(b"")
    for args in (["check"], ["demo", "--scale", 2]):
        p = run(st, *args)
        assert p.returncode == 2 and "sfs.db 是空的" in p.stderr and "restore" in p.stderr, p.stderr
        assert paths.database.stat().st_size == 0  # not silently a new empty database
    paths.database.unlink()
    p = run(st, "check")
    assert p.returncode == 2 and "sfs.db 不见了" in p.stderr
    assert not paths.database.exists()
    ok(st, "restore", backup)
    assert "检查通过" in ok(st, "check")


def test_a_missing_key_file_is_named_and_init_refuses(station):
    st, _backup = station
    (st / "keys.json").unlink()
    p = run(st, "check")
    assert p.returncode == 2 and "缺少密钥文件 keys.json" in p.stderr and "尚未初始化" not in p.stderr
    p = run(st, "init", "--role", "station", "--station-code", "430922101", "--station-name", "桃江县司法局灰山港司法所",
            "--township", "灰山港镇", "--admin", program.ADMIN)
    assert p.returncode == 2 and "已经初始化过" in p.stderr


def test_only_a_head_restores(station):
    st, backup = station
    ok(st, "user", "add", "clerk", "--role", "staff", SFS_NEW_PASSWORD="Huangshan-77-pass")
    p = run(st, "restore", backup, user="clerk", password="Huangshan-77-pass")
    assert p.returncode == 2 and "只有所长" in p.stderr, p.stderr
