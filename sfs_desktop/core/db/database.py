"""One open station database: the lock, the engine, migrations, the writer and read sessions."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlmodel import Session

from sfs_desktop.core import filestore
from sfs_desktop.core.db import backup as _backup
from sfs_desktop.core.db import migrate
from sfs_desktop.core.db.engine import open_engine
from sfs_desktop.core.db.lock import InstanceLock
from sfs_desktop.core.db.synced import LocalNode
from sfs_desktop.core.db.writer import Writer
from sfs_desktop.core.errors import UserError
from sfs_desktop.paths import DataPaths

T = TypeVar("T")


class Database:
    """Open with the unwrapped key; all writes go through :meth:`write` (the single writer)."""

    def __init__(self, paths: DataPaths, key: bytes, *, create: bool = False):
        self.paths = paths
        if not create and not paths.database.exists():
            raise UserError(f"数据目录 {paths.root} 尚未初始化：请先运行 sfs-desktop init")
        paths.ensure()
        self._lock = InstanceLock(paths.lockfile).acquire()
        try:
            self.engine = open_engine(paths.database, key)
            self.migration_backup = migrate.upgrade(self.engine, paths.backups)
        except BaseException:
            self._lock.release()
            raise
        self.writer = Writer(self.engine)
        self.files = filestore.FileStore(paths.attachments, key)  # scans and kept PDFs, encrypted
        filestore.register(self.files)
        self.files.upgrade(paths.exports)
        if self.migration_backup:
            self._add_new_defaults()
        self.refresh_calendar()

    # --- sessions ------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read session; it never commits (writes belong to the writer).

        Closing it ends the read transaction and detaches the loaded objects without expiring
        them, so callers may keep using what they read.
        """
        with Session(self.engine, autoflush=False, expire_on_commit=False) as session:
            yield session

    def write(self, fn: Callable[[Session], T]) -> T:
        return self.writer.run(fn)

    def _add_new_defaults(self) -> None:
        """After an upgrade, code tables and parameters new in this release join the baseline."""
        from sfs_desktop.core import codes

        with self.read() as s:
            if s.get(LocalNode, 1) is None:  # not initialised yet: init loads them
                return
        self.write(codes.load_defaults)

    def refresh_calendar(self) -> None:
        """Make every due date use the county-supplied holidays; call again after they change."""
        from sfs_desktop.core import calendar, codes

        with self.read() as s:
            calendar.set_default_calendar(calendar.WorkCalendar(codes.holiday_overrides(s)))

    def node(self) -> LocalNode:
        with self.read() as s:
            node = s.get(LocalNode, 1)
            if node is None:
                raise UserError("数据库缺少本机节点信息，请重新初始化")
            s.expunge(node)
            return node

    # --- safety --------------------------------------------------------------------------
    def backup(self, target: Path) -> Path:
        return _backup.backup_to(self.engine, Path(target))

    def check(self) -> list[str]:
        return _backup.integrity_problems(self.engine)

    def digest(self, owner: str | None = None) -> str:
        return _backup.digest(self.engine, owner=owner)

    def close(self) -> None:
        filestore.unregister(self.files)
        self.writer.close()
        self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def restore(paths: DataPaths, key: bytes, source: Path) -> Path:
    """Replace the data dir's database with a verified backup; returns the safety copy made first.

    The restored database starts a new epoch so that counters issued after the backup was
    taken are never issued again for different content (sync-design.md §4.2).
    """
    _backup.check_backup_file(Path(source), key)
    with Database(paths, key) as db:
        old_epoch = db.node().epoch
        safety = db.backup(paths.backups / f"pre-restore-{datetime.now():%Y%m%d-%H%M%S}.db")
        db.engine.dispose()
        staged = paths.database.with_name(paths.database.name + ".restore")
        shutil.copyfile(source, staged)
        with open(staged, "rb+") as fh:
            os.fsync(fh.fileno())
        for suffix in ("-wal", "-shm"):
            Path(str(paths.database) + suffix).unlink(missing_ok=True)
        staged.replace(paths.database)
    with Database(paths, key) as db:
        def bump(s: Session) -> None:
            node = s.get(LocalNode, 1)
            node.epoch = max(node.epoch, old_epoch) + 1
        db.write(bump)
    return safety
