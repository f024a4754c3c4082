"""Logging in and the signed-in session: open the database with the unlocked key, lock when idle.

`attempts.unlock` is the first half of a login (the key, wrong-password counting, lockout); `start`
is the second. On a successful login the wrong attempts before it are written to the audit log.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlmodel import Session

from sfs_desktop.core import codes
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import acting_as, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts, attempts, audit, keys
from sfs_desktop.core.security.access import Principal
from sfs_desktop.paths import DataPaths

@dataclass
class AppSession:
    """One signed-in person at this PC; the GUI and commands act through it."""

    db: Database
    principal: Principal
    paths: DataPaths
    autolock_seconds: float
    dek: bytes = field(repr=False, default=b"")
    _last: float = field(default_factory=time.monotonic)
    _locked: bool = False

    def touch(self) -> None:
        self._last = time.monotonic()

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last

    def is_locked(self) -> bool:
        if not self._locked and self.autolock_seconds > 0 and self.idle_seconds() >= self.autolock_seconds:
            self._locked = True
        return self._locked

    def lock(self) -> None:
        self._locked = True

    def unlock(self, password: str) -> None:
        """Only the same person unlocks; a wrong password counts like a failed login."""
        attempts.verify(keys.KeyFile.load(self.paths.keyfile), self.principal.username, password)
        self._locked = False
        self.touch()

    def write(self, fn):
        """A write as this person (created_by/updated_by, audit actor)."""
        with acting_as(self.principal.username):
            return self.db.write(fn)

    def close(self) -> None:
        self.db.close()


def login(paths: DataPaths, username: str, password: str) -> AppSession:
    return start(paths, attempts.unlock(paths, username, password))


def login_recovery(paths: DataPaths, recovery_key: str) -> tuple[Database, bytes]:
    """Open with the recovery key (for `recover`); returns the database and its key."""
    keyfile = keys.KeyFile.load(paths.keyfile)
    dek = keyfile.unlock_recovery(recovery_key)
    if dek is None:
        attempts.pause(1.0)
        raise UserError("恢复密钥不正确（请逐组核对证书上的字母和数字）")
    return Database(paths, dek), dek


def start(paths: DataPaths, unlocked: attempts.Unlocked) -> AppSession:
    """The second half of a login: open the database and record the login and the failures before it."""
    keyfile, username, dek = unlocked.keyfile, unlocked.username, unlocked.dek
    db = Database(paths, dek)
    try:
        state = attempts.state(keyfile, username)
        failed, was_locked = list(state["failed"]), bool(state.get("locked_until"))

        def record_login(s: Session) -> tuple[Principal, dict]:
            account = accounts.get(s, username)
            if account is None or account.disabled:
                raise UserError("该账户已停用，请联系所长")
            for _ in failed:
                audit.record(s, username, "login_failed")
            if was_locked:
                audit.record(s, username, "lockout")
            audit.record(s, username, "login")
            account.last_login = utcnow()
            policy = {
                "max_failed": codes.param(s, "security.max_failed_logins", 5, int),
                "lockout_minutes": codes.param(s, "security.lockout_minutes", 15, int),
                "autolock_minutes": codes.param(s, "security.autolock_minutes", 10, int),
            }
            return account.principal(), policy

        principal, policy = db.write(record_login)
    except BaseException:
        db.close()
        raise
    keyfile.data["policy"] = policy
    keyfile.data.setdefault("logins", {})[username] = {"failed": [], "locked_until": None}
    keyfile.save()
    return AppSession(db, principal, paths, policy["autolock_minutes"] * 60.0, dek)
