"""Roles, permissions and row scopes, checked in core so no caller can skip them.

The GUI hides what a role may not do; these checks are what actually forbid it, so a script
using the core with a staff account cannot do more than the GUI allows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Sequence

from sqlalchemy import false, not_, select

from sfs_desktop.core.errors import PermissionDenied

ROLE_NAMES = {"head": "所长", "staff": "工作人员", "mediator": "调解员", "inspector": "只读（检查）"}

PERMISSION_NAMES = {
    "record.read": "查看记录", "record.write": "新增或修改记录", "s2.reveal": "查看完整的身份证号、电话、住址",
    "s3.read": "查看涉罪（社区矫正、安置帮教）信息", "user.admin": "管理账户", "export": "导出数据",
    "import": "导入数据", "print": "打印文书", "settings": "修改系统设置", "demo": "填入演示数据",
    "juvenile.read": "查看未成年社区矫正对象的记录",
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "head": frozenset(PERMISSION_NAMES),  # 所长 only: user.admin, settings, demo
    "staff": frozenset({"record.read", "record.write", "s2.reveal", "s3.read", "export", "import", "print"}),
    "mediator": frozenset({"record.read", "record.write", "print"}),
    "inspector": frozenset({"record.read"}),
}

GRANTABLE: dict[str, frozenset[str]] = {"staff": frozenset({"juvenile.read"})}
"""Permissions the 所长 gives one account of a role, on top of what the role holds.

"juvenile.read" (C33; 社区矫正法 §54, 刑事诉讼法 §286: a juvenile's identity and files are confidential,
disclosed only where the law requires): the 所长 holds it by role, being answerable for the
station's correction work; a 工作人员 holds it only when the 所长 designates them to supervise the
juvenile subjects (their 矫正小组 needs people who know minors), so the other staff work the adult
caseload without seeing who the juveniles are. Never a 调解员 or an 只读 account: they cannot read
criminal-record data at all.
"""


@dataclass(frozen=True)
class Principal:
    """Who is acting: what every core check is asked about."""

    username: str
    role: str
    display_name: str = ""
    committee_ids: frozenset[str] = field(default_factory=frozenset)
    grants: frozenset[str] = field(default_factory=frozenset)  # GRANTABLE permissions the 所长 gave

    def can(self, permission: str) -> bool:
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset()) or (
            permission in self.grants and permission in GRANTABLE.get(self.role, frozenset()))


SYSTEM = Principal("system", "head", "系统")


def require(principal: Principal, permission: str) -> None:
    if not principal.can(permission):
        raise PermissionDenied(
            f"当前账户（{ROLE_NAMES.get(principal.role, principal.role)}）无权{PERMISSION_NAMES.get(permission, permission)}")


@dataclass(frozen=True)
class RowLock:
    """Rows whose boolean `field` is true are readable only with `permission` (C33: a juvenile
    subject). A row whose rule names a parent is locked with its parent (a juvenile's leave,
    violations and events are juvenile records too)."""

    field: str
    permission: str
    refusal: str  # what a refused reader is told


@dataclass(frozen=True)
class AccessRule:
    """Declared on a model as ``__access__``: who may see its rows.

    committee_field: mediators see only rows whose field holds one of their committees.
    parent: (field, table) when the row belongs to a row of another table (a case's record or
    visit): the parent's rule decides (checked by `check_record`), its lock included.
    s3: the table holds criminal-record data (S3): readable only with "s3.read", never by mediators.
    not_mediators: the table is the station's own work (合法性审查): a mediator is refused it whole,
    with this sentence.
    lock: a row predicate (:class:`RowLock`) every read path applies: `scoped` (ledgers, their
    exports, report details) filters in SQL, `check_row` refuses one row, `hidden_ids` drops
    due items and other lists built in Python.
    """

    committee_field: str | None = None
    parent: tuple[str, str] | None = None
    s3: bool = False
    lock: RowLock | None = None
    not_mediators: str | None = None  # the refusal a 调解员 gets for the whole table (the station's own work)


def _rule(model: Any) -> AccessRule:
    return getattr(model, "__access__", None) or AccessRule()


@lru_cache(maxsize=None)
def lock_of(model: Any) -> RowLock | None:
    """The lock a model's rows fall under, its own or its parent's."""
    rule = _rule(model)
    if rule.lock or not rule.parent:
        return rule.lock
    return lock_of(model_for(rule.parent[1]))


def locked(model: Any):
    """SQL: true for the rows of `model` that are locked (through the parent for a child table);
    None when the table has no lock."""
    rule = _rule(model)
    if rule.lock:
        return getattr(model, rule.lock.field).is_(True)  # IS 1: a NULL flag is not locked
    if rule.parent:
        parent = model_for(rule.parent[1])
        clause = locked(parent)
        if clause is not None:
            return getattr(model, rule.parent[0]).in_(select(parent.id).where(clause))
    return None


def _hidden(principal: Principal, model: Any) -> bool:
    lock = lock_of(model)
    return lock is not None and not principal.can(lock.permission)


def scoped(principal: Principal, stmt, model: Any):
    """`stmt` narrowed to the rows the principal may read (raises if the table is closed to them)."""
    require(principal, "record.read")
    rule = _rule(model)
    if rule.s3 and not principal.can("s3.read"):
        raise PermissionDenied(f"当前账户（{ROLE_NAMES.get(principal.role)}）无权查看涉罪（社区矫正、安置帮教）信息")
    if principal.role == "mediator" and rule.not_mediators:
        raise PermissionDenied(rule.not_mediators)
    if _hidden(principal, model):
        stmt = stmt.where(not_(locked(model)))
    if principal.role == "mediator" and rule.committee_field:
        column = getattr(model, rule.committee_field)
        ids = sorted(principal.committee_ids)
        return stmt.where(column.in_(ids)) if ids else stmt.where(false())
    return stmt


def _row_locked(session: Any, model: Any, row: Any) -> bool | None:
    """Whether one row is locked; None when it cannot be told (a detached child row)."""
    rule = _rule(model)
    if rule.lock:
        return bool(getattr(row, rule.lock.field))
    field_name, parent_table = rule.parent
    if session is None:
        return None
    parent = session.get(model_for(parent_table), getattr(row, field_name))
    return parent is not None and _row_locked(session, type(parent), parent)


def check_row(principal: Principal, model: Any, row: Any, *, write: bool = False, session: Any = None) -> None:
    """Refuse reading (or, with `write`, changing) one row the principal may not touch; a locked
    row that is read is an audited access."""
    require(principal, "record.write" if write else "record.read")
    rule = _rule(model)
    if rule.s3 and not principal.can("s3.read"):
        raise PermissionDenied("当前账户无权查看涉罪（社区矫正、安置帮教）信息")
    if principal.role == "mediator" and rule.not_mediators:
        raise PermissionDenied(rule.not_mediators)
    if principal.role == "mediator" and rule.committee_field:
        if getattr(row, rule.committee_field) not in principal.committee_ids:
            raise PermissionDenied("调解员只能查看和办理本调解委员会的案件")
    lock = lock_of(model)
    if lock is None:
        return
    from sqlalchemy.orm import object_session

    session = session or object_session(row)
    is_locked = _row_locked(session, model, row)
    if is_locked is not False and not principal.can(lock.permission):
        raise PermissionDenied(lock.refusal)
    if is_locked and session is not None:
        from sfs_desktop.core.security import audit

        audit.record_read(session, principal.username, "view_juvenile", model.__tablename__, row.id)


def hidden_ids(session: Any, principal: Principal, table: str, ids: Iterable[str]) -> set[str]:
    """Of `ids` (rows of `table`), those locked away from the principal: what a list built in
    Python (due items) leaves out."""
    try:
        model = model_for(table)
    except LookupError:  # not a record table: nothing of it can be locked
        return set()
    return set(locked_ids(session, model, sorted(set(ids)))) if _hidden(principal, model) else set()


def locked_ids(session: Any, model: Any, ids: Sequence[str]) -> list[str]:
    """Of `ids`, the rows that are locked."""
    clause = locked(model)
    if clause is None or not ids:
        return []
    out: list[str] = []
    for i in range(0, len(ids), 500):
        out += session.execute(select(model.id).where(model.id.in_(list(ids[i:i + 500])), clause)).scalars().all()
    return out


def model_for(table: str) -> Any:
    """The model class of a table name (every table is imported by core.models)."""
    from sqlmodel import SQLModel

    for mapper in SQLModel._sa_registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise LookupError(f"no model for table {table}")


def is_s3(table: str) -> bool:
    """Whether a table holds criminal-record data (readable only with "s3.read")."""
    return _rule(model_for(table)).s3


def committee_of(session: Any, table: str | None, record_id: str | None) -> str | None:
    """The mediation committee a record belongs to (through its parent), or None if none does."""
    if table is None or record_id is None:
        return None
    model = model_for(table)
    row = session.get(model, record_id)
    rule = _rule(model)
    if row is None:
        return None
    if rule.committee_field:
        return getattr(row, rule.committee_field)
    if rule.parent:
        field_name, parent_table = rule.parent
        return committee_of(session, parent_table, getattr(row, field_name))
    return None


def check_record(session: Any, principal: Principal, table: str, record_id: str, *, write: bool = False) -> Any:
    """`check_row` for a record named by table and id, following its parent (a case's record is the
    case's); returns the row."""
    model = model_for(table)
    row = session.get(model, record_id)
    if row is None or getattr(row, "deleted", False):
        from sfs_desktop.core.errors import UserError

        raise UserError("记录不存在或已删除")
    check_row(principal, model, row, write=write, session=session)
    rule = _rule(model)
    if rule.parent:
        field_name, parent_table = rule.parent
        check_record(session, principal, parent_table, getattr(row, field_name), write=write)
    return row


def require_committee_scope(session: Any, principal: Principal, table: str | None, record_id: str | None,
                            what: str) -> None:
    """A mediator acts only on records of their own committee: anything else (station-wide
    documents, other committees' cases) is refused."""
    if principal.role != "mediator":
        return
    committee = committee_of(session, table, record_id)
    if committee is None or committee not in principal.committee_ids:
        raise PermissionDenied(f"调解员只能{what}本调解委员会的案件")
