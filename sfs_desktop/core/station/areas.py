"""The villages and communities of the station's township (统计用区划代码), added by the station.

A new station starts without them; the committees register, the 登记 form and the coverage
notice all need them, so staff add them here (or the county pushes them in a bundle). Other
records point at an area by its code (every field declared with ``ref="admin_area"``, and the
areas below it by ``parent_code``): while any does, the area may be renamed but its code not
changed and the area not deleted, so no record is left pointing at nothing.
"""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import Session, SQLModel, func, select

from sfs_desktop.core import codes
from sfs_desktop.core.db.synced import save_values
from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.fields import Problem, specs, validate
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.station.models import AdminArea, Station
from sfs_desktop.core.station.staff import require_roster

LEVELS = {"village": "村", "community": "社区"}


def township_prefix(s: Session) -> str:
    """The first 9 digits every village code of this township starts with ("" when not set)."""
    station = s.exec(select(Station)).first()
    return ((station.township_code if station else None) or "")[:9]


def _live():
    return select(AdminArea).where(AdminArea.deleted == False)  # noqa: E712


def clean(values: dict[str, Any]) -> dict[str, Any]:
    out = {k: (v.strip() or None if isinstance(v, str) else v) for k, v in values.items()}
    out["level"] = out.get("level") or "village"
    return out


def problems(s: Session, values: dict[str, Any], *, area_id: str | None = None) -> list[Problem]:
    """Every refusal of a complete (cleaned) set of values, each under its field."""
    out = [p for p in validate(AdminArea, values, lambda kind, code: codes.code_exists(s, kind, code)) if p.is_error]
    bad = {p.field for p in out}
    code = values.get("code") or ""
    township = township_prefix(s)
    if "code" not in bad and code:
        if not re.fullmatch(r"\d{12}", code):
            out.append(Problem("code", f"区划代码“{code}”应为 12 位数字（统计用区划代码）"))
        elif township and not code.startswith(township):
            out.append(Problem("code", f"区划代码“{code}”不属于本乡镇（应以 {township} 开头）"))
    if "level" not in bad and values.get("level") not in LEVELS:
        out.append(Problem("level", "层级应为村或社区"))
    if not out:
        others = _live().where(AdminArea.id != area_id) if area_id else _live()
        taken = s.exec(others.where(AdminArea.code == code)).first()
        if taken is not None:
            out.append(Problem("code", f"区划代码“{code}”已登记为“{taken.name}”"))
    return out


def find(s: Session, values: dict[str, Any]) -> AdminArea | None:
    """The area `values` describe, by its code (the natural key)."""
    return s.exec(_live().where(AdminArea.code == values.get("code"))).first() if values.get("code") else None


def references(s: Session, code: str) -> list[tuple[str, int]]:
    """(what, how many) of the live records that point at the area `code`."""
    out = []
    children = s.exec(select(func.count()).select_from(AdminArea).where(
        AdminArea.parent_code == code, AdminArea.deleted == False)).one()  # noqa: E712
    if children:
        out.append(("下级区划", children))
    for mapper in SQLModel._sa_registry.mappers:
        model = mapper.class_
        if not hasattr(model, "__table__"):
            continue
        for spec in specs(model):
            if spec.ref != "admin_area":
                continue
            column = getattr(model, spec.name)
            stmt = select(func.count()).select_from(model).where(column == code)
            if hasattr(model, "deleted"):
                stmt = stmt.where(model.deleted == False)  # noqa: E712
            n = s.exec(stmt).one()
            if n:
                out.append((getattr(model, "__title__", model.__tablename__), n))
    return out


def _in_use(s: Session, code: str) -> str:
    return "、".join(f"{what} {n} 条" for what, n in references(s, code))


def save_area(s: Session, who: Principal, values: dict[str, Any], area_id: str | None = None) -> AdminArea:
    """A new village or community, or changes to one (a rename; a new code only while unreferenced)."""
    require_roster(who)
    row = s.get(AdminArea, area_id) if area_id else None
    if area_id and (row is None or row.deleted):
        raise UserError("要修改的村（社区）不存在或已删除")
    current = {spec.name: getattr(row, spec.name) for spec in specs(AdminArea)} if row else {}
    merged = clean({**current, **values})
    merged["parent_code"] = merged.get("parent_code") or township_prefix(s) or None
    found = problems(s, merged, area_id=area_id)
    if found:
        raise ValidationError(found)
    if row is not None and merged["code"] != row.code:
        used = _in_use(s, row.code)
        if used:
            raise UserError(f"“{row.name}”已被引用（{used}），不能修改区划代码；如只是改名，请保留原代码")
    return save_values(s, AdminArea, row, merged)


def add_area(s: Session, who: Principal, values: dict[str, Any]) -> AdminArea:
    """One village or community; the code must be a 12-digit code inside this township."""
    return save_area(s, who, values)


def delete_area(s: Session, who: Principal, area_id: str) -> None:
    """Delete an area entered by mistake; refused while any record points at it."""
    require_roster(who)
    row = s.get(AdminArea, area_id)
    if row is None or row.deleted:
        raise UserError("要删除的村（社区）不存在或已删除")
    used = _in_use(s, row.code)
    if used:
        raise UserError(f"“{row.name}”已被引用（{used}），不能删除")
    s.delete(row)  # a tombstone (sync): the county learns of it
    s.flush()


def village_count(s: Session) -> int:
    rows = s.exec(select(AdminArea.code).where(AdminArea.level.in_(list(LEVELS)),
                                               AdminArea.deleted == False)).all()  # noqa: E712
    return len(rows)
