"""Opening one record of criminal-record data (S3: 社区矫正, 安置帮教), in one place for every S3 duty:
the account's rights, the row's own access rule (committee scope, the juvenile lock), the step's
allowed statuses in one wording for the refusal and the greyed button, and the audited view."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlmodel import Session

from sfs_desktop.core import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, check_row, require

M = TypeVar("M")


def require_s3(who: Principal, write: bool) -> None:
    require(who, "record.write" if write else "record.read")
    require(who, "s3.read")


def status_refusal(status: str, statuses: tuple[str, ...], names: dict[str, str]) -> str | None:
    """Why a step does not apply in `status` (None when it does)."""
    if not statuses or status in statuses:
        return None
    return (f"该对象当前为“{names[status]}”，不能办理此事项"
            f"（只有{'、'.join(names[x] for x in statuses)}的对象可以）")


def open_record(s: Session, who: Principal, model: type[M], row_id: str, *, missing: str, names: dict[str, str],
                write: bool = False, statuses: tuple[str, ...] = (), audited: bool = True) -> M:
    """The row, if `who` may read (or change) it and its status allows the step; a read is an
    audited S3 view (`audited=False`: the same view read again after a step)."""
    require_s3(who, write)
    row: Any = s.get(model, row_id)
    if row is None or row.deleted:
        raise UserError(missing)
    check_row(who, model, row, write=write)
    refusal = status_refusal(row.status, statuses, names)
    if refusal:
        raise UserError(refusal)
    if not write and audited:
        audit.record_read(s, who.username, "view_s3", model.__tablename__, row.id)
    return row


def checked(s: Session, model: type, values: dict[str, Any], parent: str | None = None) -> dict[str, Any]:
    """`values` stripped and checked against `model`'s declarations; `parent` (the field naming the
    record a child row belongs to, which `add` sets) is taken as given when absent."""
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    given = {parent: "-"} if parent and parent in model.model_fields and parent not in clean else {}
    codes.refuse_invalid(s, model, {**given, **clean})
    return clean


def not_future(day: date | None, label: str, today: date) -> None:
    if day is not None and day > today:
        raise UserError(f"{label}不能晚于今天")


def add(s: Session, model: type[M], values: dict[str, Any]) -> M:
    """A new row, flushed (its id is known)."""
    row = model(**values)
    s.add(row)
    s.flush()
    return row
