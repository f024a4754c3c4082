"""Backups, restore, integrity checks and the logical digest of synced data.

Backups go through SQLCipher's ``sqlcipher_export`` (a consistent online copy, encrypted with
the same key): a file copy of a live WAL database can miss committed pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from sqlalchemy import Engine, text

from sfs_desktop.core.db.engine import open_engine
from sfs_desktop.core.db.synced import canonical_json, synced_tables
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import fsync_dir


def backup_to(engine: Engine, target: Path) -> Path:
    """Write a consistent encrypted copy to `target` (temp file, fsync, rename)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    key_literal = engine.url.password  # x'…' raw key, the same as the live database
    raw = engine.raw_connection()  # autocommit DB-API connection: ATTACH/DETACH need no open transaction
    try:
        try:
            cur = raw.cursor()
            path_sql = str(tmp).replace("'", "''")
            cur.execute(f"ATTACH DATABASE '{path_sql}' AS backup KEY \"{key_literal}\"")
            try:
                cur.execute("SELECT sqlcipher_export('backup')")
            finally:
                cur.execute("DETACH DATABASE backup")
            cur.close()
        finally:
            raw.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:  # a full disk: no half copy left to be mistaken for a backup
        for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal")):
            leftover.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
    return target


def user_backup(engine: Engine, target: Path, principal, files: Path | None = None) -> Path:
    """A backup someone asked for: a full copy of every record leaves the program's hands, so it
    needs the right to export (the automatic safety copies before risky steps do not). The kept
    files (scans, printed PDFs, encrypted under the same key) go beside it in `<name>.files/`."""
    from sfs_desktop.core.security.access import require  # late: security builds on storage

    require(principal, "export")
    target = backup_to(engine, target)
    if files is not None and files.is_dir() and any(files.rglob("*")):
        copy_files(files, files_folder(target))
    return target


def files_folder(backup: Path) -> Path:
    """Where a backup's kept files lie: beside it, named after it."""
    return Path(backup).with_name(Path(backup).name + ".files")


def copy_files(source: Path, target: Path) -> int:
    """Copy the encrypted files of `source` that `target` lacks (whole files or none: temp, rename)."""
    n = 0
    for f in sorted(p for p in Path(source).rglob("*") if p.is_file() and not p.name.endswith(".part")):
        dest = target / f.relative_to(source)
        if dest.exists():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        try:
            shutil.copyfile(f, part)
            os.replace(part, dest)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        n += 1
    return n


def integrity_problems(engine: Engine) -> list[str]:
    """Empty when PRAGMA integrity_check and foreign_key_check are clean."""
    problems: list[str] = []
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
        if rows != ["ok"]:
            problems.extend(f"完整性检查：{r}" for r in rows)
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
            problems.append(f"外键检查：表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    return problems


def check_backup_file(path: Path, key: bytes) -> None:
    """Refuse a file that is not a readable, intact backup of this station."""
    if not Path(path).is_file():
        raise UserError(f"备份文件不存在：{path}")
    engine = open_engine(Path(path), key)
    try:
        problems = integrity_problems(engine)
        with engine.connect() as conn:
            has_node = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'local_node'").scalar()
    finally:
        engine.dispose()
    if problems:
        raise UserError(f"备份文件已损坏，未恢复：{problems[0]}")
    if not has_node:
        raise UserError("该文件不是 sfs-desktop 的备份，未恢复")


def digest(engine: Engine, *, owner: str | None = None) -> str:
    """SHA-256 over the logical content of every synced table (sorted, canonical JSON).

    Two databases holding the same records give the same digest, whatever their file layout;
    with `owner`, only that node's partition is covered (what a station and the county compare),
    without the S2/S3 fields that minimisation keeps from travelling (core.sync.policy).
    """
    return table_digests(engine, owner=owner)[1]


def table_digests(engine: Engine, *, owner: str | None = None) -> tuple[dict[str, tuple[int, str]], str]:
    """({table: (rows, SHA-256)} for every synced table, overall SHA-256): what `check --digest
    --tables` prints, so two data dirs can be compared table by table."""
    from sfs_desktop.core.sync.policy import withheld  # late: sync builds on the storage layer

    h = hashlib.sha256()
    per: dict[str, tuple[int, str]] = {}
    with engine.connect() as conn:
        existing = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for name, model in synced_tables().items():
            if name not in existing:
                raise UserError(f"数据库缺少数据表 {name}：请用最新版本的程序打开一次以完成升级")
            cols = [c.name for c in model.__table__.columns if c.name != "in_conflict"]
            json_cols = {c.name for c in model.__table__.columns if c.type.__class__.__name__ == "JSON"}
            sql = "SELECT {} FROM {}".format(", ".join(f'"{c}"' for c in cols), name)  # quoted: a column may be a keyword
            params = {}
            if owner is not None:
                sql += " WHERE owner = :owner"
                params["owner"] = owner
            h.update(f"\x00table:{name}\x00".encode())
            ht = hashlib.sha256()
            n = 0
            for row in conn.execute(text(sql + " ORDER BY id"), params):
                rec = {}
                for col, value in zip(cols, row):
                    if col in json_cols and isinstance(value, str):
                        value = json.loads(value)
                    rec[col] = value
                if owner is not None:  # a partition as both its holders see it: never-sent fields left out
                    for col in withheld(model, rec.get("origin") or ""):
                        rec.pop(col, None)
                line = canonical_json(rec).encode() + b"\n"
                h.update(line)
                ht.update(line)
                n += 1
            per[name] = (n, ht.hexdigest())
    return per, h.hexdigest()
