"""What every headless command shares: finding the data dir, logging in, running a duty's step as the
signed-in user, and reading what a person typed (a date, 字段=值 pairs)."""

from __future__ import annotations

import getpass
import json
import logging
import os
import sys
from argparse import Namespace
from datetime import date
from typing import Any, Callable

from sfs_desktop.core import logs
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import credstore
from sfs_desktop.core.security.session import AppSession, login
from sfs_desktop.paths import DataPaths

log = logging.getLogger("sfs_desktop.cli")


def data_paths(args: Namespace) -> DataPaths:
    return DataPaths.resolve(getattr(args, "data_dir", None))


def ask(prompt: str, *, secret: bool = False) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"需要输入{prompt}，但当前不是交互终端：请设置环境变量 SFS_USER / SFS_PASSWORD")
    return getpass.getpass(f"{prompt}：") if secret else input(f"{prompt}：")


def credentials() -> tuple[str, str]:
    user = os.environ.get("SFS_USER") or ask("用户名")
    password = os.environ.get("SFS_PASSWORD") or ask("密码", secret=True)
    return user, password


NOTICE_MARK = ".keyring-notice-shown"


def say_keyring_notice(paths: DataPaths | None = None) -> None:
    """The no-credential-store notice, once per data dir (remembered there), not on every command."""
    mark = paths.root / NOTICE_MARK if paths is not None and paths.root.is_dir() else None
    if mark is not None and mark.exists():
        return
    text = credstore.notice()
    if text:
        print(text, file=sys.stderr)
        if mark is not None:
            try:
                mark.write_text("1\n", encoding="utf-8")
            except OSError:
                pass


def open_session(args: Namespace) -> AppSession:
    """Log in with SFS_USER/SFS_PASSWORD (or prompts): failed attempts count and are audited."""
    paths = data_paths(args)
    if paths.is_initialised():
        logs.setup(paths.logs)
    user, password = credentials()
    try:
        app = login(paths, user, password)
    except UserError:
        log.info("login refused for a command")
        raise
    log.info("%s ran %s", user, getattr(args, "command", "?"))
    say_keyring_notice(paths)
    return app


def _unattended(paths: DataPaths) -> bool:
    """No password given: use the stored key (or refuse clearly) unless a person can type one."""
    from sfs_desktop.core.security import unattended

    if os.environ.get("SFS_PASSWORD"):
        return False
    interactive = sys.stdin is not None and sys.stdin.isatty()
    return not interactive or unattended.status(paths).state in (unattended.ON, unattended.BROKEN)


def open_session_unattended(args: Namespace) -> AppSession:
    """`open_session`, or without SFS_PASSWORD the key in the credential store (`unattended on`)."""
    from sfs_desktop.core.security import unattended

    paths = data_paths(args)
    if not _unattended(paths):
        return open_session(args)
    if paths.is_initialised():
        logs.setup(paths.logs)
    app = unattended.open_session(paths, getattr(args, "command", "?"))
    log.info("%s ran %s unattended", app.principal.username, getattr(args, "command", "?"))
    return app


def unlock_unattended(args: Namespace):
    """The first half of a login for a long-running service: SFS_USER/SFS_PASSWORD (or prompts),
    or without SFS_PASSWORD the stored key; returns (username, database key, whether unattended)."""
    from sfs_desktop.core.security import attempts, unattended

    paths = data_paths(args)
    if paths.is_initialised():
        logs.setup(paths.logs)
    if _unattended(paths):
        return (*unattended.unlock(paths), True)
    user, password = credentials()
    unlocked = attempts.unlock(paths, user, password)
    return unlocked.username, unlocked.dek, False


def open_database(args: Namespace) -> tuple[str, Database]:
    app = open_session(args)
    return app.principal.username, app.db


def work(args: Namespace, fn: Callable[[Any, Any, date], Any]) -> Any:
    """Run fn(session, principal, today) in one write (so S3 views are audited) as the signed-in user."""
    from sfs_desktop.core.db.synced import acting_as

    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        return db.write(lambda s: fn(s, app.principal, date.today()))


def day(text: str | None, label: str) -> date:
    """A date option as core reads it (its message when it cannot); today when not given."""
    from sfs_desktop.core.tabular_import import DATE_HINT, to_date

    if text is None:
        return date.today()
    try:
        return to_date(text)
    except (ValueError, OverflowError):
        raise UserError(f"“{label}”{DATE_HINT}（填的是“{text}”）") from None


def print_ledger(labels: list[str], rows: list[tuple[str, list[str]]], *, as_json: bool, empty: str) -> None:
    """A duty's ledger as core.record_lists reads it: JSON (full ids), or tab-separated lines under
    the column labels, each starting with the short id a person may type."""
    from sfs_desktop.core.record_lists import SHORT_ID

    if as_json:
        print(json.dumps([{"id": i, **dict(zip(labels, texts))} for i, texts in rows], ensure_ascii=False, indent=1))
    elif not rows:
        print(empty)
    else:
        print("\t".join(["编号", *labels]))
        for i, texts in rows:
            print("\t".join([i[:SHORT_ID], *texts]))


def print_fields(row_id: str, fields: list[tuple[str, str]]) -> None:
    """One record's id and its fields in words, a line each."""
    print(f"编号\t{row_id}")
    for label, text in fields:
        print(f"{label}\t{text}")


def pairs(items: list[str]) -> dict[str, str]:
    """`--set 字段=值` options as a dict, each field once."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserError(f"--set {item}：应写成 字段=值")
        if name.strip() in out:
            raise UserError(f"--set：“{name.strip()}”填了两次")
        out[name.strip()] = value
    return out
