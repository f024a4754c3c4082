"""One open station database: the lock, the engine, migrations, the writer and read sessions."""

from __future__ import annotations

import threading
from contextlib import contextmanager
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
        if not create and (problem := paths.database_problem()):
            raise UserError(problem)  # never a new empty database in place of a lost one
        from sfs_desktop.core import models  # every table known before the first query

        models.load()
        paths.ensure()
        self._lock = InstanceLock(paths.lockfile).acquire()
        Path(str(paths.database) + ".restore").unlink(missing_ok=True)  # a restore cut short before its swap
        try:
            self.engine = open_engine(paths.database, key)
            self.migration_backup = migrate.upgrade(self.engine, paths.backups)
        except BaseException:
            self._lock.release()
            raise
        self.writer = Writer(self.engine)
        self._reads = 0  # read sessions open on any thread: close() waits for them
        self._mine = threading.local()  # this thread's own (close() inside a read does not wait on itself)
        self._reads_done = threading.Condition()
        self._closed = False
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
        them, so callers may keep using what they read. The audited reads it made (a juvenile
        subject's records, C33) are written to the audit log then, through the writer.
        """
        from sfs_desktop.core.security import audit  # late: security builds on the storage layer

        with self._reads_done:
            if self._closed:  # work that outlived its window: refused, never run on a closed database
                raise UserError("数据库已关闭（程序正在退出或已注销），本次读取未进行")
            self._reads += 1
        self._mine.n = getattr(self._mine, "n", 0) + 1
        pending = None
        try:
            with Session(self.engine, autoflush=False, expire_on_commit=False) as session:
                try:
                    yield session
                finally:
                    pending = session.info.pop(audit.PENDING, None)
        finally:
            self._mine.n -= 1
            with self._reads_done:
                self._reads -= 1
                self._reads_done.notify_all()
            if pending:  # audited reads (a juvenile record), written once the read is over
                self._write_soon(lambda s: audit.write_pending(s, pending))

    def _write_soon(self, fn: Callable[[Session], object]) -> None:
        """`fn` through the writer: waited for, or queued when a write job is the one reading."""
        if self.writer.in_job():
            self.writer.submit(fn, lambda outcome: outcome.clear())
        else:
            self.writer.run(fn)

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
        """A safety copy the program itself takes (before an import, a migration, a restore)."""
        return _backup.backup_to(self.engine, Path(target))

    def user_backup(self, target: Path, principal) -> Path:
        return _backup.user_backup(self.engine, Path(target), principal, self.paths.attachments)

    def check(self) -> list[str]:
        return _backup.integrity_problems(self.engine)

    def digest(self, owner: str | None = None) -> str:
        return _backup.digest(self.engine, owner=owner)

    def table_digests(self, owner: str | None = None) -> tuple[dict[str, tuple[int, str]], str]:
        return _backup.table_digests(self.engine, owner=owner)

    def close(self, wait: float = 30.0) -> None:
        """Refuse new reads, let the ones under way on other threads finish (a page's read that
        outlived its window), then stop the writer and the engine."""
        with self._reads_done:
            self._closed = True
            own = getattr(self._mine, "n", 0)
            self._reads_done.wait_for(lambda: self._reads <= own, timeout=wait)
        filestore.unregister(self.files)
        self.writer.close()
        self.engine.dispose()
        self._lock.release()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def restore(paths: DataPaths, key: bytes, source: Path, username: str) -> Path:
    """See :mod:`sfs_desktop.core.db.restore`; the restore is then on the audit record."""
    from sfs_desktop.core.db import restore as _restore
    from sfs_desktop.core.security import audit

    safety = _restore.restore(paths, key, source, username)
    with Database(paths, key) as db:
        db.write(lambda s: audit.record(s, username, "restore", None, None, ()))
    return safety
