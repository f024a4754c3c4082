"""单位 (organizations), the other kind of party and employer: one record per unit.

Like the person registry, a unit is registered once and reused by every duty: a second record
with the same 统一社会信用代码, or with the same name, is refused and the existing one named, so
that a dispute with 某建筑公司 and its later return visit point at the same record.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.security.access import Principal, require


def _live():
    return select(Organization).where(Organization.deleted == False)  # noqa: E712


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    values = {k: (v.strip() or None if isinstance(v, str) else v) for k, v in values.items()}
    if values.get("uscc"):
        values["uscc"] = values["uscc"].upper()
    return values


def save_organization(s: Session, who: Principal, values: dict[str, Any], org_id: str | None = None) -> Organization:
    """A new unit, or changes to one; every value checked first, duplicates refused by code and by name."""
    require(who, "record.write")
    row = s.get(Organization, org_id) if org_id else None
    if org_id and (row is None or row.deleted):
        raise UserError("要修改的单位不存在或已删除")
    current = {spec.name: getattr(row, spec.name) for spec in specs(Organization)} if row else {}
    merged = {**current, **_clean(values)}
    codes.refuse_invalid(s, Organization, merged)
    others = _live().where(Organization.id != org_id) if org_id else _live()
    if merged.get("uscc"):
        same = s.exec(others.where(Organization.uscc == merged["uscc"])).first()
        if same is not None:
            raise UserError(f"该统一社会信用代码已登记为“{same.name}”，请直接选用已有单位")
    same = s.exec(others.where(Organization.name == merged["name"])).first()
    if same is not None:
        raise UserError(f"已登记同名单位“{same.name}”，请直接选用已有单位")
    if row is None:
        row = Organization(**merged)
    else:
        for name, value in merged.items():
            setattr(row, name, value)
    s.add(row)
    s.flush()
    return row
