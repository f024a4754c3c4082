"""The first half of a login: unlock the database key, counting wrong passwords and locking.

Failed attempts are counted in the key file, since a wrong password cannot open the database;
each wrong password waits a little longer, and N of them lock the account for a while. The
policy (N, how long) is the copy the last login took from the encrypted database and signed
into the key file; a format-1 file's own policy is not trusted and the defaults apply. Failures
already signed cannot be removed or changed unnoticed: a file where they were is treated as a
lockout until the 所长 resets the password (or `recover`), not as a reset.

Nothing here imports the database layer, so the GUI derives the key (Argon2id, which releases the
GIL) while SQLAlchemy and the models are still loading on another thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import keys
from sfs_desktop.core.security.keyfile_format import parse_time
from sfs_desktop.paths import DataPaths

DEFAULT_POLICY = {"max_failed": 5, "lockout_minutes": 15, "autolock_minutes": 10}


@dataclass(frozen=True)
class Unlocked:
    """A key file and the database key it gave `username`: what the second half opens with.
    `password` is kept only while the account's wrap still has to be upgraded (format 1)."""

    keyfile: keys.KeyFile
    username: str
    dek: bytes = field(repr=False)
    password: str | None = field(repr=False, default=None)


def pause(seconds: float) -> None:
    """The growing delay after a wrong password (tests replace it)."""
    time.sleep(seconds)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def policy(keyfile: keys.KeyFile) -> dict[str, int]:
    if not keyfile.signed:
        return dict(DEFAULT_POLICY)
    return {**DEFAULT_POLICY, **keyfile.data.get("policy", {})}


def state(keyfile: keys.KeyFile, username: str) -> dict:
    entry = keyfile.data.setdefault("logins", {}).setdefault(username, {"failed": []})
    entry.setdefault("failed", [])
    return entry


def locked_until(keyfile: keys.KeyFile, username: str) -> datetime | None:
    """Until when the account is locked (None: not locked now)."""
    limits, entry = policy(keyfile), state(keyfile, username)
    times = [parse_time(t) for t in entry["failed"]]
    until = None
    if len(times) >= limits["max_failed"]:
        until = max(times) + timedelta(minutes=limits["lockout_minutes"])
    if entry.get("locked_until"):  # written by format-1 files
        old = parse_time(entry["locked_until"])
        until = max(until, old) if until else old
    return until if until and until > _now() else None


def check_not_locked(keyfile: keys.KeyFile, username: str) -> None:
    if not keyfile.failures_intact(username):
        raise UserError(f"账户“{username}”的登录失败记录被改动过，已按锁定处理：请所长为该账户重设密码"
                        f"（所长本人用恢复密钥运行 sfs-desktop recover），或从备份中恢复 keys.json")
    until = locked_until(keyfile, username)
    if until:
        raise UserError(f"密码错误次数过多，账户已锁定到 {until.astimezone():%H:%M}，请稍后再试或请所长协助")


def failed(keyfile: keys.KeyFile, username: str) -> None:
    """Count a wrong password (with its own time), then wait a growing delay."""
    entry = state(keyfile, username)
    entry["failed"].append(_now().isoformat())
    entry["tally"] = entry.get("tally", 0) + 1
    keyfile.save()
    n = len(entry["failed"])
    pause(min(2 ** (n - 1), 8) * 0.25)


def verify(keyfile: keys.KeyFile, username: str, password: str) -> bytes:
    """The key for a signed-in person's password (unlocking after idle, changing it); a wrong
    one counts like a failed login."""
    check_not_locked(keyfile, username)
    dek = keyfile.unlock(username, password)
    if dek is None:
        failed(keyfile, username)
        check_not_locked(keyfile, username)
        raise UserError("密码不正确")
    return dek


def unlock(paths: DataPaths, username: str, password: str) -> Unlocked:
    if problem := paths.keys_problem():
        raise UserError(problem)
    keyfile = keys.KeyFile.load(paths.keyfile)
    if keyfile.has_account(username):
        check_not_locked(keyfile, username)
    dek = keyfile.unlock(username, password)
    if dek is None:
        if keyfile.has_account(username):
            failed(keyfile, username)
            check_not_locked(keyfile, username)
        raise UserError("用户名或密码不正确")
    return Unlocked(keyfile, username, dek, password if keyfile.needs_rewrap(username) else None)
