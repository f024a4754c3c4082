"""Logging in and the signed-in session: open the database with the unlocked key, lock when idle.

`attempts.unlock` is the first half of a login (the key, wrong-password counting, lockout); `start`
is the second. On a successful login the wrong attempts before it are written to the audit log.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timezone

from sqlmodel import Session, select

from sfs_desktop.core import params
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import acting_as, utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts, attempts, audit, keys
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.security.keyfile_format import POLICY_LIMITS, parse_time
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
    """Open with the recovery key (for `recover`); returns the database and its key. The key file's
    signature is not required here: recovery is how a damaged file is repaired."""
    keyfile = keys.KeyFile.load(paths.keyfile, check_signature=False, repair=True)
    dek = keyfile.unlock_recovery(recovery_key)
    if dek is None:
        attempts.pause(1.0)
        raise UserError("恢复密钥不正确（请逐组核对证书上的字母和数字）")
    return Database(paths, dek), dek


def policy_of(s: Session) -> dict[str, int]:
    """The lockout policy from the encrypted database (kept within the key file's limits)."""
    values = {
        "max_failed": params.get(s, "security.max_failed_logins"),
        "lockout_minutes": params.get(s, "security.lockout_minutes"),
        "autolock_minutes": params.get(s, "security.autolock_minutes"),
    }
    return {k: min(max(v, POLICY_LIMITS[k][0]), POLICY_LIMITS[k][1]) for k, v in values.items()}


def was_signed(s: Session) -> bool:
    """Whether this station's key file has been a signed (format 2) one: then an unsigned one is an old copy."""
    return s.exec(select(audit.AuditLog.seq).where(audit.AuditLog.action == "keyfile").limit(1)).first() is not None


def _pending_failures(keyfile: keys.KeyFile, max_failed: int) -> list[tuple[str, str, object]]:
    """(account, action, time) of every failed attempt not yet audited, and the lockouts they caused."""
    out = []
    for user, entry in keyfile.data.get("logins", {}).items():
        failed = entry.get("failed", [])
        for i in range(entry.get("audited", 0), len(failed)):
            at = parse_time(failed[i]).astimezone(timezone.utc)
            out.append((user, "login_failed", at))
            if (i + 1) % max(max_failed, 1) == 0:
                out.append((user, "lockout", at))
    return sorted(out, key=lambda item: item[2])


def _upgrade(keyfile: keys.KeyFile, unlocked: attempts.Unlocked, roles: dict[str, str], role: str) -> None:
    """A format-1 file becomes a signed one: every wrap gets its account's role (wraps of accounts
    that no longer exist go), this account's wrap is bound to it; the others on their next login."""
    for label in [k for k in keyfile.wraps if k.startswith("user:")]:
        name = label.removeprefix("user:")
        if name in roles:
            keyfile.wraps[label]["role"] = roles[name]
        else:
            del keyfile.wraps[label]
    keyfile.set_account(unlocked.username, unlocked.dek, unlocked.password, role)


def start(paths: DataPaths, unlocked: attempts.Unlocked) -> AppSession:
    """The second half of a login: open the database, check the key file against it, and record
    the login and every failed attempt not yet recorded (each with its own time)."""
    keyfile, username, dek = unlocked.keyfile, unlocked.username, unlocked.dek
    if not keyfile.belongs_to(dek):
        raise keys.file_error(paths.keyfile, "的签名不是本所密钥所签（文件被替换或改动）")
    db = Database(paths, dek)
    try:
        with db.read() as s:
            account = accounts.get(s, username)
            if account is None or account.disabled:
                raise UserError("该账户已停用，请联系所长")
            if keyfile.role(username) not in (None, account.role):
                raise keys.file_error(paths.keyfile, f"账户“{username}”的角色与数据库中的不符")
            upgrade = not keyfile.signed
            if upgrade and was_signed(s):
                raise keys.file_error(paths.keyfile, "是没有签名的旧格式，而本所的密钥文件早已升级（可能被换成了旧副本）")
            policy = policy_of(s)
            roles = {a.username: a.role for a in s.exec(select(accounts.Account)).all() if not a.disabled}
            principal = account.principal()
        if upgrade:
            _upgrade(keyfile, unlocked, roles, account.role)
        elif unlocked.password:  # a format-1 wrap left in a signed file: bind it now
            keyfile.set_account(username, dek, unlocked.password, account.role)
        if upgrade or unlocked.password:
            keyfile.data["policy"] = policy
            keyfile.save(dek)
        events = _pending_failures(keyfile, attempts.policy(keyfile)["max_failed"])

        def record_login(s: Session) -> None:
            for user, action, at in events:
                audit.record(s, user, action, at=at)
            if upgrade:
                audit.record(s, username, "keyfile", fields=("upgrade",))
            audit.record(s, username, "login")
            s.exec(select(accounts.Account).where(accounts.Account.username == username)).one().last_login = utcnow()

        db.write(record_login)
        seen = {u: len(e.get("failed", [])) for u, e in keyfile.data.get("logins", {}).items()}
        settle(paths, dek, username, policy, seen)
    except BaseException:
        db.close()
        raise
    return AppSession(db, principal, paths, policy["autolock_minutes"] * 60.0, dek)


def settle(paths: DataPaths, dek: bytes, username: str, policy: dict[str, int], audited: dict[str, int]) -> None:
    """After a login: the policy from the database, this account's failures cleared, the others'
    marked as audited, all signed. Re-read first: a failure may have been counted meanwhile."""
    keyfile = keys.KeyFile.load(paths.keyfile)
    keyfile.data["policy"] = policy
    logins = keyfile.data.setdefault("logins", {})
    logins[username] = {"failed": [], "tally": logins.get(username, {}).get("tally", 0)}
    for user, entry in logins.items():
        if user != username:
            entry["audited"] = min(max(entry.get("audited", 0), audited.get(user, 0)), len(entry.get("failed", [])))
    keyfile.save(dek)
