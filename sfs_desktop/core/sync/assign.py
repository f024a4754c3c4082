"""County → station pushes (sync-design.md §4.10): assignments and reference data.

An assignment (县局交办) is an ordinary row the county creates with the receiving station as its
owner (a dispute handed over, later an entrusted correction subject or a released person to
receive); it travels in the county's next bundle for that station only, with the fields the
county supplied — including S2 ones, which the station needs for its work (policy.may_send:
the county speaks for a station's rows towards that station). Who assigned it and when are the
row's own ``created_by``/``created_at``; ``origin`` = county marks it as handed over. Reference
data (code tables, parameters, the holiday calendar, the checklist) are county-owned tables that
every station receives: the county just edits them.

Duties declare which of their tables the county may hand over (``Duty.assignables``); the
command line and the GUI offer those, and apply the duty's own rules to what the county enters.
"""

from __future__ import annotations

from typing import Any, Sequence, TypeVar

from sqlmodel import Session, select

from sfs_desktop.core import duties
from sfs_desktop.core.codes import code_exists
from sfs_desktop.core.db.synced import SyncedModel, synced_tables
from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.fields import Problem, validate
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import identity
from sfs_desktop.core.sync.models import SyncPeer
from sfs_desktop.core.textvalues import typed_values

M = TypeVar("M", bound=SyncedModel)
Rows = Sequence[tuple["int | None", dict[str, Any]]]  # (row number in the file, or None; values)


def declared(table: str) -> tuple[type[SyncedModel], duties.Assignable]:
    """The model and declaration of a table the county may hand over, or a refusal naming those it may."""
    found = duties.assignables().get(table)
    if found is None:
        known = "、".join(f"{t}（{a.label}）" for t, (_d, a) in duties.assignables().items()) or "无"
        raise UserError(f"“{table}”不是可交办的记录类型；可交办：{known}")
    return synced_tables()[table], found[1]


def assign(session: Session, who: Principal, model: type[M], values: dict[str, Any], station: str) -> M:
    """County: create one `model` row for `station` (validated like any entry form)."""
    return _create(session, who, model, [(None, values)], station)[0]


def assign_records(session: Session, who: Principal, table: str, station: str, rows: Rows) -> list[SyncedModel]:
    """County: hand `station` one or more records of a declared type, from typed values or from
    text (`--set`, a spreadsheet): every bad value of every row is named, and nothing is written
    unless all are valid."""
    model, _a = declared(table)
    return _create(session, who, model, rows, station)


def assign_one(session: Session, who: Principal, table: str, station: str, values: dict[str, Any]) -> SyncedModel:
    """One record from a form (the GUI's 交办 dialog): `assign_records` for a single row."""
    return assign_records(session, who, table, station, [(None, values)])[0]


def stations(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the stations the county may hand records over to: registered, not revoked."""
    identity.require_county(session)
    rows = session.exec(select(SyncPeer).where(SyncPeer.role == "station", SyncPeer.revoked_at == None)  # noqa: E711
                        .order_by(SyncPeer.node_id)).all()
    return [(p.node_id, p.name) for p in rows]


def _create(session: Session, who: Principal, model: type[M], rows: Rows, station: str) -> list[M]:
    require(who, "record.write")
    if identity.local_node(session).role != "county":
        raise UserError("只有县司法局可以交办记录；司法所请在“县局交办”中查看县局交办给本所的事项")
    p = identity.peer(session, station)
    if p is None or p.role != "station":
        raise UserError(f"名册中没有司法所 {station}，不能向其交办")
    if p.revoked_at is not None:
        raise UserError(f"司法所 {station} 已被吊销，不能向其交办")
    if model.__owner_rule__ == "county":
        raise UserError("参考数据（代码表、参数、节假日）由县司法局统一维护，直接修改即可下发到各所")
    if not rows:
        raise UserError("没有要交办的记录")
    found = duties.assignables().get(model.__tablename__)
    check = duties.resolve(found[1].check) if found and found[1].check else None
    checked, problems = [], []
    for number, raw in rows:
        values, found_problems = _problems(session, model, raw, check)
        where = f"第 {number} 行：" if number is not None else ""
        problems += [Problem(p.field, where + p.message) for p in found_problems]
        checked.append(values)
    if problems:
        raise ValidationError(problems)
    out = []
    for values in checked:
        row = model(**values, owner=station)
        session.add(row)
        session.flush()
        audit.record(session, who.username, "assign", model.__tablename__, row.id, sorted(values))
        out.append(row)
    return out


def _problems(session: Session, model: type[M], raw: dict[str, Any], check) -> tuple[dict[str, Any], list[Problem]]:
    """One record's typed values and everything wrong with them (declarations, codes, the duty's rules)."""
    values, problems = typed_values(session, model, raw)
    unreadable = {p.field for p in problems}
    problems += [p for p in validate(model, values, lambda kind, code: code_exists(session, kind, code))
                 if p.is_error and p.field not in unreadable]
    if not problems and check is not None:
        try:
            check(session, model(**values))
        except UserError as exc:
            problems.append(Problem("", str(exc)))
    return values, problems
