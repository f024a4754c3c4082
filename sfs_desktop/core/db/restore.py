"""Restoring a backup with no window in which the county could be fooled.

The restored copy is prepared beside the database, gets its new sync epoch, and only then
replaces the current file in one atomic rename: a crash at any step leaves either the old
database or the restored one with a new epoch, never the restored one with an epoch whose
counters were already issued for other content (sync-design.md §4.2). A current database that
cannot be opened (damaged, emptied, deleted) does not block the restore: the key comes from
keys.json, the old epoch from the note the last restore left, and the account's role from the
backup itself.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from sfs_desktop.core.db import backup as _backup
from sfs_desktop.core.db.engine import open_engine
from sfs_desktop.core.db.lock import InstanceLock
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.fsio import atomic_write, fsync_dir
from sfs_desktop.paths import DataPaths

STEPS = ("checked", "safety-copy", "staged", "epoch-set", "swapped")
step_hook: Callable[[str], None] | None = None
"""Tests name a step to stop at (a kill there must leave a consistent data dir)."""


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def staged_path(paths: DataPaths) -> Path:
    return paths.database.with_name(paths.database.name + ".restore")


def clean_leftovers(paths: DataPaths) -> None:
    """A restore cut short before its rename left a staged copy: the old database is current."""
    staged_path(paths).unlink(missing_ok=True)
    Path(str(staged_path(paths)) + "-journal").unlink(missing_ok=True)


def _facts(engine: Engine, username: str) -> tuple[int, str | None]:
    """(sync epoch, the account's role, None when it is missing or disabled) of one database."""
    with engine.connect() as conn:
        epoch = conn.execute(text("SELECT epoch FROM local_node WHERE id = 1")).scalar() or 1
        row = conn.execute(text("SELECT role, disabled FROM account WHERE username = :u"), {"u": username}).first()
    return int(epoch), (row[0] if row and not row[1] else None)


def _noted_epoch(paths: DataPaths) -> int:
    try:
        return int(paths.epoch_note.read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return 0


def restore(paths: DataPaths, key: bytes, source: Path, username: str) -> Path:
    """Replace the data dir's database with a verified backup; returns the safety copy made first.

    Only a 所长 may restore: checked in the current database, or in the backup when the current
    one cannot be opened. The data dir stays locked against other programs throughout.
    """
    source = Path(source)
    _backup.check_backup_file(source, key)
    engine = open_engine(source, key)
    try:
        backup_epoch, backup_role = _facts(engine, username)
    finally:
        engine.dispose()
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    paths.backups.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(paths.lockfile).acquire()
    try:
        clean_leftovers(paths)
        current = _current(paths, key, username)
        if current is not None:
            old_epoch, role, engine = current
            try:
                _require_head(role)
                _step("checked")
                safety = _backup.backup_to(engine, paths.backups / f"pre-restore-{stamp}.db")
                with engine.connect() as conn:  # nothing of the old database left in its WAL
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                engine.dispose()
        else:  # damaged, empty or missing: keep what there is, judge by the backup
            _require_head(backup_role)
            old_epoch = 0
            _step("checked")
            safety = _keep_damaged(paths, stamp)
        _step("safety-copy")
        new_epoch = max(old_epoch, backup_epoch, _noted_epoch(paths)) + 1
        staged = staged_path(paths)
        shutil.copyfile(source, staged)
        _step("staged")
        engine = open_engine(staged, key)
        try:
            with engine.begin() as conn:
                conn.execute(text("UPDATE local_node SET epoch = :e WHERE id = 1"), {"e": new_epoch})
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        for suffix in ("-wal", "-shm"):
            Path(str(staged) + suffix).unlink(missing_ok=True)
        with open(staged, "rb+") as fh:
            os.fsync(fh.fileno())
        atomic_write(paths.epoch_note, f"{new_epoch}\n".encode("ascii"))  # before the swap: never behind
        _step("epoch-set")
        for suffix in ("-wal", "-shm"):  # the old database was checkpointed (or is beyond use)
            Path(str(paths.database) + suffix).unlink(missing_ok=True)
        os.replace(staged, paths.database)
        fsync_dir(paths.database.parent)
        _step("swapped")
        if _backup.files_folder(source).is_dir():  # the backup's kept files: those missing come back
            _backup.copy_files(_backup.files_folder(source), paths.attachments)
    finally:
        lock.release()
    return safety


def _current(paths: DataPaths, key: bytes, username: str) -> tuple[int, str | None, Engine] | None:
    """(epoch, the account's role, an engine) of the current database, or None when it cannot be read."""
    if paths.database_problem() is not None:
        return None
    try:
        engine = open_engine(paths.database, key)
    except UserError:
        return None
    try:
        return (*_facts(engine, username), engine)
    except DBAPIError:
        engine.dispose()
        return None


def _keep_damaged(paths: DataPaths, stamp: str) -> Path:
    """A raw copy of a database that cannot be opened (someone may still rescue it)."""
    if not (paths.database.exists() and paths.database.stat().st_size):
        return Path("（原数据库文件已不存在或为空，未另存）")
    safety = paths.backups / f"pre-restore-{stamp}-damaged.db"
    for suffix in ("", "-wal"):
        src = Path(str(paths.database) + suffix)
        if src.exists():
            shutil.copyfile(src, Path(str(safety) + suffix))
    return safety


def _require_head(role: str | None) -> None:
    if role != "head":
        raise PermissionDenied("只有所长账户可以恢复备份（恢复会替换全部数据）")
