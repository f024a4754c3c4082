"""The first half of a login: unlock the database key, counting wrong passwords and locking.

Failed attempts are counted in the key file, since a wrong password cannot open the database;
each wrong password waits a little longer, and N of them lock the account for a while. Nothing
here imports the database layer, so the GUI derives the key (Argon2id, which releases the GIL)
while SQLAlchemy and the models are still loading on another thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import keys
from sfs_desktop.paths import DataPaths

DEFAULT_POLICY = {"max_failed": 5, "lockout_minutes": 15, "autolock_minutes": 10}


@dataclass(frozen=True)
class Unlocked:
    """A key file and the database key it gave `username`: what the second half opens with."""

    keyfile: keys.KeyFile
    username: str
    dek: bytes = field(repr=False)


def pause(seconds: float) -> None:
    """The growing delay after a wrong password (tests replace it)."""
    time.sleep(seconds)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def policy(keyfile: keys.KeyFile) -> dict[str, int]:
    return {**DEFAULT_POLICY, **keyfile.data.get("policy", {})}


def state(keyfile: keys.KeyFile, username: str) -> dict:
    return keyfile.data.setdefault("logins", {}).setdefault(username, {"failed": [], "locked_until": None})


def check_not_locked(keyfile: keys.KeyFile, username: str) -> None:
    until = state(keyfile, username).get("locked_until")
    if until and datetime.fromisoformat(until) > _now():
        local = datetime.fromisoformat(until).astimezone()
        raise UserError(f"密码错误次数过多，账户已锁定到 {local:%H:%M}，请稍后再试或请所长协助")


def failed(keyfile: keys.KeyFile, username: str) -> None:
    """Count a wrong password, lock after the policy's limit, then wait a growing delay."""
    limits = policy(keyfile)
    entry = state(keyfile, username)
    entry["failed"].append(_now().isoformat())
    n = len(entry["failed"])
    if n >= limits["max_failed"]:
        entry["locked_until"] = (_now() + timedelta(minutes=limits["lockout_minutes"])).isoformat()
    keyfile.save()
    pause(min(2 ** (n - 1), 8) * 0.25)


def verify(keyfile: keys.KeyFile, username: str, password: str) -> bytes:
    """The key for a signed-in person's password (unlocking after idle, changing it); a wrong
    one counts like a failed login."""
    check_not_locked(keyfile, username)
    dek = keyfile.unlock(username, password)
    if dek is None:
        failed(keyfile, username)
        raise UserError("密码不正确")
    return dek


def unlock(paths: DataPaths, username: str, password: str) -> Unlocked:
    if problem := paths.keys_problem():
        raise UserError(problem)
    keyfile = keys.KeyFile.load(paths.keyfile)
    check_not_locked(keyfile, username)
    dek = keyfile.unlock(username, password)
    if dek is None:
        if keyfile.has_account(username):
            failed(keyfile, username)
            if state(keyfile, username).get("locked_until"):
                check_not_locked(keyfile, username)
        raise UserError("用户名或密码不正确")
    return Unlocked(keyfile, username, dek)
