"""County → station pushes (sync-design.md §4.10): assignments and reference data.

An assignment is an ordinary row the county creates with the receiving station as its owner
(e.g. an entrusted correction subject, a released person to receive); it travels in the
county's next bundle for that station only, with the fields the county supplied — including
S2 ones, which the station needs for its work. Reference data (code tables, parameters, the
holiday calendar, the checklist) are county-owned tables that every station receives: the
county just edits them.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlmodel import Session

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.fields import validate
from sfs_desktop.core.sync import identity

M = TypeVar("M", bound=SyncedModel)


def assign(session: Session, model: type[M], values: dict[str, Any], station: str) -> M:
    """County: create a `model` row for `station` (validated like any entry form)."""
    identity.require_county(session)
    p = identity.peer(session, station)
    if p is None or p.role != "station":
        raise UserError(f"名册中没有司法所 {station}，不能向其交办")
    if p.revoked_at is not None:
        raise UserError(f"司法所 {station} 已被吊销，不能向其交办")
    if model.__owner_rule__ == "county":
        raise UserError("参考数据（代码表、参数、节假日）由县司法局统一维护，直接修改即可下发到各所")
    problems = [pr for pr in validate(model, values) if pr.is_error]
    if problems:
        raise ValidationError(problems)
    obj = model(**values, owner=station)
    session.add(obj)
    session.flush()
    return obj
