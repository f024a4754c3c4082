"""Masked display of S2 values, audited reveal, audited S3 reads — all driven by field metadata.

Lists and forms show `430922********1234`, `138****5678`; the full value only comes from
:func:`reveal`, which checks the permission and writes an audit entry naming the field (never
the value).
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Mask, Sensitivity, specs
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, check_row, require


def mask(kind: Mask | None, text: str) -> str:
    if not text:
        return ""
    if kind is Mask.ID_NUMBER:
        return text[:6] + "*" * max(len(text) - 10, 0) + text[-4:] if len(text) > 10 else "*" * len(text)
    if kind is Mask.PHONE:
        return text[:3] + "****" + text[-4:] if len(text) >= 11 else text[:2] + "****"
    if kind is Mask.ADDRESS:
        return text[:6] + "****" if len(text) > 6 else "****"
    return "******"


def sort_key(spec: FieldSpec, column: Any) -> Any:
    """What a ledger may sort a column by: the value for S0/S1, for S2 only what its mask shows
    (sorting 身份证号 by the clear value would order people by birth date behind the mask); S3 and
    fully masked values not at all (None)."""
    from sqlalchemy import func

    if spec.sensitivity < Sensitivity.S2:
        return column
    if spec.sensitivity >= Sensitivity.S3:
        return None
    if spec.mask is Mask.ID_NUMBER:
        return func.substr(column, 1, 6).op("||")(func.substr(column, -4))
    if spec.mask is Mask.PHONE:
        return func.substr(column, 1, 3).op("||")(func.substr(column, -4))
    if spec.mask is Mask.ADDRESS:
        return func.substr(column, 1, 6)
    return None


def display_value(spec: FieldSpec, value: Any) -> str:
    """What a list or a form shows for a value: S2/S3 masked, others as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    text = str(value)
    if spec.sensitivity >= Sensitivity.S2:
        return mask(spec.mask, text)
    return text


def display_row(principal: Principal, model: Any, obj: Any) -> dict[str, str]:
    """A record's declared fields for display, with access checked and sensitive values masked."""
    check_row(principal, model, obj)
    return {s.name: display_value(s, getattr(obj, s.name, None)) for s in specs(model)}


def reveal(session: Session, principal: Principal, model: Any, record_id: str, field: str) -> str:
    """The full value of one sensitive field, permission-checked and written to the audit log."""
    spec = next((s for s in specs(model) if s.name == field), None)
    if spec is None:
        raise UserError(f"没有字段“{field}”")
    require(principal, "s3.read" if spec.sensitivity >= Sensitivity.S3 else "s2.reveal")
    obj = session.get(model, record_id)
    if obj is None:
        raise UserError("记录不存在")
    check_row(principal, model, obj)
    audit.record(session, principal.username, "view_s3" if spec.sensitivity >= Sensitivity.S3 else "reveal_s2",
                 model.__tablename__, record_id, (field,))
    value = getattr(obj, field)
    return "" if value is None else str(value)


def read_sensitive(session: Session, principal: Principal, model: Any, record_id: str) -> Any:
    """Open a record holding S3 data (a correction subject's file): checked and audited."""
    require(principal, "s3.read")
    obj = session.get(model, record_id)
    if obj is None:
        raise UserError("记录不存在")
    check_row(principal, model, obj)
    names = [s.name for s in specs(model) if s.sensitivity >= Sensitivity.S3]
    audit.record(session, principal.username, "view_s3", model.__tablename__, record_id, names)
    return obj
