"""One running program per data dir: two writers on one database would break the single-writer rule."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from sfs_desktop.core.errors import UserError


class LockBusy(UserError):
    """Another process holds this data dir (the relay waits for it instead of failing)."""


class InstanceLock:
    def __init__(self, path: Path):
        self._lock = FileLock(str(path), timeout=0, is_singleton=False)
        self.path = path

    def acquire(self) -> "InstanceLock":
        try:
            self._lock.acquire()
        except Timeout:
            raise LockBusy(f"数据目录 {self.path.parent} 正被另一个 sfs-desktop 程序使用；请先关闭它再试") from None
        return self

    def release(self) -> None:
        self._lock.release()
