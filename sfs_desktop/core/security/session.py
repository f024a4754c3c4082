"""Logging in and the signed-in session: unwrap the key, open the database, lock when idle.

Failed attempts are counted in the key file, since a wrong password cannot open the database;
each wrong password waits a little longer, N of them lock the account for a while, and on the
next successful login the attempts are written to the audit log.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from sfs_desktop.core import codes
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import acting_as, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts, audit, keys
from sfs_desktop.core.security.access import Principal
from sfs_desktop.paths import DataPaths

DEFAULT_POLICY = {"max_failed": 5, "lockout_minutes": 15, "autolock_minutes": 10}


def pause(seconds: float) -> None:
    """The growing delay after a wrong password (tests replace it)."""
    time.sleep(seconds)


def _policy(keyfile: keys.KeyFile) -> dict[str, int]:
    return {**DEFAULT_POLICY, **keyfile.data.get("policy", {})}


def _state(keyfile: keys.KeyFile, username: str) -> dict:
    return keyfile.data.setdefault("logins", {}).setdefault(username, {"failed": [], "locked_until": None})


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
        keyfile = keys.KeyFile.load(self.paths.keyfile)
        _check_not_locked(keyfile, self.principal.username)
        if keyfile.unlock(self.principal.username, password) is None:
            _failed(keyfile, self.principal.username)
            raise UserError("密码不正确")
        self._locked = False
        self.touch()

    def write(self, fn):
        """A write as this person (created_by/updated_by, audit actor)."""
        with acting_as(self.principal.username):
            return self.db.write(fn)

    def close(self) -> None:
        self.db.close()


def _check_not_locked(keyfile: keys.KeyFile, username: str) -> None:
    until = _state(keyfile, username).get("locked_until")
    if until and datetime.fromisoformat(until) > utcnow():
        local = datetime.fromisoformat(until).astimezone()
        raise UserError(f"密码错误次数过多，账户已锁定到 {local:%H:%M}，请稍后再试或请所长协助")


def _failed(keyfile: keys.KeyFile, username: str) -> None:
    policy = _policy(keyfile)
    state = _state(keyfile, username)
    state["failed"].append(utcnow().isoformat())
    n = len(state["failed"])
    if n >= policy["max_failed"]:
        state["locked_until"] = (utcnow() + timedelta(minutes=policy["lockout_minutes"])).isoformat()
    keyfile.save()
    pause(min(2 ** (n - 1), 8) * 0.25)


def login(paths: DataPaths, username: str, password: str) -> AppSession:
    if not paths.is_initialised():
        raise UserError(f"数据目录 {paths.root} 尚未初始化：请先运行 sfs-desktop init")
    keyfile = keys.KeyFile.load(paths.keyfile)
    _check_not_locked(keyfile, username)
    dek = keyfile.unlock(username, password)
    if dek is None:
        if keyfile.has_account(username):
            _failed(keyfile, username)
            state = _state(keyfile, username)
            if state.get("locked_until"):
                _check_not_locked(keyfile, username)
        raise UserError("用户名或密码不正确")
    return _open(paths, keyfile, username, dek)


def login_recovery(paths: DataPaths, recovery_key: str) -> tuple[Database, bytes]:
    """Open with the recovery key (for `recover`); returns the database and its key."""
    keyfile = keys.KeyFile.load(paths.keyfile)
    dek = keyfile.unlock_recovery(recovery_key)
    if dek is None:
        pause(1.0)
        raise UserError("恢复密钥不正确（请逐组核对证书上的字母和数字）")
    return Database(paths, dek), dek


def _open(paths: DataPaths, keyfile: keys.KeyFile, username: str, dek: bytes) -> AppSession:
    db = Database(paths, dek)
    try:
        state = _state(keyfile, username)
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
