"""Setting up a new installation: the key hierarchy, the schema, the node and the baseline data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from sfs_desktop.core import codes, townships
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import COUNTY_NODE, LocalNode, acting_as
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import accounts, audit, keys
from sfs_desktop.core.security.passwords import password_problem
from sfs_desktop.core.station.models import Station
from sfs_desktop.paths import DataPaths

ROLES = ("station", "county")
_CODE = re.compile(r"^\d{6,12}$")
_USER = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,31}$")


@dataclass(frozen=True)
class SetupResult:
    recovery_key: str
    fingerprint: str
    node_id: str


@dataclass(frozen=True)
class SetupRequest:
    role: str
    station_code: str
    station_name: str
    admin: str
    password: str
    township_name: str = ""
    head_name: str = ""


def validate(req: SetupRequest) -> None:
    """Every problem of the request as one UserError, checked before anything is written."""
    if req.role not in ROLES:
        raise UserError(f"角色应为 station（司法所）或 county（县司法局），而不是“{req.role}”")
    if not _CODE.match(req.station_code):
        raise UserError(f"单位代码“{req.station_code}”应为 6–12 位数字（如乡镇区划代码 430922101）")
    if req.role == "county" and not re.fullmatch(r"\d{6}000", req.station_code):
        raise UserError(f"县司法局的单位代码应为县的区划代码加 000（本县为 {townships.COUNTY_UNIT_CODE}），"
                        f"而不是“{req.station_code}”"
                        + ("（这是乡镇的代码：司法所请用 --role station）" if townships.township_name(req.station_code) else ""))
    if req.role == "station" and townships.township_name(req.station_code) is None:
        example = "、".join(f"{c} {n}" for c, n in townships.TOWNSHIPS[:3])
        raise UserError(f"单位代码“{req.station_code}”不是桃江县的乡镇代码（9 位，如 {example}；"
                        f"共 {len(townships.TOWNSHIPS)} 个乡镇，与初次使用设置的列表相同）")
    if not req.station_name.strip():
        raise UserError("单位名称不能为空")
    if not _USER.match(req.admin):
        raise UserError(f"管理员用户名“{req.admin}”应以字母开头，2–32 位字母、数字或 _ . -")
    problem = password_problem(req.password, username=req.admin, station_code=req.station_code)
    if problem:
        raise UserError(f"管理员密码不符合要求：{problem}")


def initialise(paths: DataPaths, req: SetupRequest) -> SetupResult:
    validate(req)
    if paths.database.exists() or paths.keyfile.exists():
        raise UserError(f"数据目录 {paths.root} 已经初始化过；如需重新开始，请换一个空目录")
    paths.ensure()
    dek = keys.new_dek()
    recovery = keys.new_recovery_key()
    keyfile = keys.KeyFile.create(paths.keyfile, dek)
    keyfile.set_account(req.admin, dek, req.password, "head")
    keyfile.set_recovery(dek, recovery)
    node_id = COUNTY_NODE if req.role == "county" else req.station_code
    try:
        with Database(paths, dek, create=True) as db, acting_as(req.admin):
            def populate(s: Session) -> None:
                s.add(LocalNode(id=1, node_id=node_id, role=req.role))
                s.flush()
                codes.load_defaults(s)
                s.add(Station(station_code=req.station_code, name=req.station_name.strip(),
                              township_code=req.station_code[:9], township_name=req.township_name,
                              head_name=req.head_name or None))
                accounts.add(s, req.admin, "head", display_name=req.head_name or req.admin)
                audit.record(s, req.admin, "user_admin", "account", fields=("init",))
                for hook in INIT_HOOKS:
                    hook(s, req)
            db.write(populate)
        # who this data dir belongs to, readable before login (the login dialog's title); not secret
        keyfile.data["node"] = {"role": req.role, "name": req.station_name.strip()}
        keyfile.save(dek)  # last: a data dir without a key file is "not initialised" and can be retried
    except BaseException:
        for p in (paths.database, paths.database.with_name(paths.database.name + "-wal"),
                  paths.database.with_name(paths.database.name + "-shm")):
            p.unlink(missing_ok=True)
        raise
    return SetupResult(recovery, keyfile.data["fingerprint"], node_id)


INIT_HOOKS: list = []
"""Callables (session, SetupRequest) run inside the init transaction, e.g. creating the admin account."""
