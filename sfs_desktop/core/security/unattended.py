"""Unattended runs (scheduled `sync`, the county's `relay`): the database key in the OS credential store.

Only where `credstore.available()` (never a plaintext file), only a 所长 turns it on, and turning it
off deletes the secret. The secret is the database key plus the name of the 所长 who turned it on
and a digest of that account's password wrap: a changed password, a disabled account or a key
file of another database makes it stale, and a stale secret refuses to run instead of guessing.
The entry's name is a hash of the key file's public verify key and the data dir, so the store
never shows a path (which may name a person) in clear.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts, audit, credstore, keys
from sfs_desktop.core.security.access import require
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.paths import DataPaths

UNAVAILABLE, OFF, ON, BROKEN = "unavailable", "off", "on", "broken"
STATE_NAMES = {UNAVAILABLE: "本机没有可用的系统凭据库", OFF: "未开启", ON: "已开启", BROKEN: "已失效，需所长重新开启"}
OFF_ADVICE = "请设置环境变量 SFS_USER / SFS_PASSWORD，或由所长运行 sfs-desktop unattended on 开启无人值守运行"
STALE_ADVICE = "请所长登录后运行 sfs-desktop unattended on（或在“设置”中）重新开启"


@dataclass(frozen=True)
class Status:
    state: str
    username: str = ""
    why: str = ""

    @property
    def text(self) -> str:
        who = f"（{self.username}）" if self.state == ON and self.username else ""
        return STATE_NAMES[self.state] + who + (f"：{self.why}" if self.why else "")


def entry_name(paths: DataPaths, keyfile: keys.KeyFile) -> str:
    seed = f"sfs-desktop/unattended\x00{keyfile.data.get('verify_key', '')}\x00{paths.root}"
    return "unattended:" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]


def _wrap_digest(keyfile: keys.KeyFile, username: str) -> str | None:
    entry = keyfile.wraps.get(f"user:{username}")
    if entry is None:
        return None
    body = json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(body).hexdigest()[:32]


def _read(paths: DataPaths) -> tuple[keys.KeyFile, str | None]:
    keyfile = keys.KeyFile.load(paths.keyfile)
    return keyfile, credstore.get_secret(entry_name(paths, keyfile))


def _decode(keyfile: keys.KeyFile, secret: str) -> tuple[str, bytes, str]:
    """(username, key) from a stored secret, or ("", b"", why it no longer unlocks)."""
    try:
        data = json.loads(secret)
        username, dek = data["user"], base64.b64decode(data["dek"])
    except (ValueError, KeyError, TypeError):
        return "", b"", "凭据库中的条目已损坏"
    if len(dek) != 32 or not keyfile.signed or not keyfile.belongs_to(dek):
        return username, b"", "保存的数据库密钥与本数据目录的密钥文件不符（数据目录被替换或恢复过）"
    if _wrap_digest(keyfile, username) != data.get("wrap"):
        return username, b"", f"开启它的所长账户“{username}”的密码已更改或账户已删除"
    return username, dek, ""


def status(paths: DataPaths) -> Status:
    """What the switch shows; reads the key file and the credential store, never the database."""
    if not credstore.available():
        return Status(UNAVAILABLE)
    keyfile, secret = _read(paths)
    if secret is None:
        return Status(OFF)
    username, dek, why = _decode(keyfile, secret)
    return Status(ON, username) if dek else Status(BROKEN, username, why)


def enable(app: AppSession) -> Status:
    """Store this station's database key for unattended runs, acting as the signed-in 所长."""
    require(app.principal, "user.admin")
    if not credstore.available():
        raise UserError(credstore.NOTICE)
    keyfile = keys.KeyFile.load(app.paths.keyfile)
    if not keyfile.signed or not keyfile.belongs_to(app.dek):
        raise keys.file_error(app.paths.keyfile, "的签名不是本所密钥所签（文件被替换或改动）")
    username = app.principal.username
    secret = json.dumps({"v": 1, "user": username, "dek": base64.b64encode(app.dek).decode("ascii"),
                         "wrap": _wrap_digest(keyfile, username)})
    name = entry_name(app.paths, keyfile)
    try:
        credstore.store_secret(name, secret)
        stored = credstore.get_secret(name)
    except Exception as exc:  # noqa: BLE001 - any backend failure is one plain sentence
        raise UserError(f"无法写入系统凭据库（{type(exc).__name__}），无人值守运行未开启") from None
    if stored != secret:  # a backend that drops secrets silently must not look like success
        credstore.delete_secret(name)
        raise UserError("系统凭据库没有保存数据库密钥（写入后读不回），无人值守运行未开启")
    app.write(lambda s: audit.record(s, username, "unattended_on"))
    return status(app.paths)


def disable(app: AppSession) -> Status:
    """Delete the stored key (also a broken one); audited."""
    require(app.principal, "user.admin")
    keyfile = keys.KeyFile.load(app.paths.keyfile)
    credstore.delete_secret(entry_name(app.paths, keyfile))
    app.write(lambda s: audit.record(s, app.principal.username, "unattended_off"))
    return status(app.paths)


def unlock(paths: DataPaths) -> tuple[str, bytes]:
    """(username, database key) for an unattended run, or a clear refusal."""
    if problem := paths.keys_problem():
        raise UserError(problem)
    if not credstore.available():
        raise UserError(f"没有提供密码，而本机没有可用的系统凭据库，无法无人值守运行：{OFF_ADVICE}")
    keyfile, secret = _read(paths)
    if secret is None:
        raise UserError(f"没有提供密码，且本数据目录未开启无人值守运行：{OFF_ADVICE}")
    username, dek, why = _decode(keyfile, secret)
    if not dek:
        raise UserError(f"系统凭据库中保存的数据库密钥已失效（{why}），无人值守运行被拒绝：{STALE_ADVICE}")
    return username, dek


def open_session(paths: DataPaths, command: str) -> AppSession:
    """A session as the 所长 who turned unattended runs on (not a login: no login is recorded,
    no failed attempts are cleared); the run itself is audited."""
    username, dek = unlock(paths)
    db = Database(paths, dek)
    try:
        with db.read() as s:
            account = accounts.get(s, username)
            if account is None or account.disabled or account.role != "head":
                raise UserError(f"开启无人值守运行的账户“{username}”已停用或不再是所长，无人值守运行被拒绝：{STALE_ADVICE}")
            principal = account.principal()
        record_run(db, username, command)
    except BaseException:
        db.close()
        raise
    return AppSession(db, principal, paths, 0.0, dek)


def record_run(db: Database, username: str, command: str) -> None:
    db.write(lambda s: audit.record(s, username, "unattended_run", fields=(command,)))
