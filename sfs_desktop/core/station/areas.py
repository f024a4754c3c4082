"""The villages and communities of the station's township (统计用区划代码), added by the station.

A new station starts without them; the committees register, the 登记 form and the coverage
notice all need them, so staff add them here (or the county pushes them in a bundle).
"""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.station.models import AdminArea, Station

LEVELS = {"village": "村", "community": "社区"}


def add_area(s: Session, who: Principal, values: dict[str, Any]) -> AdminArea:
    """One village or community; the code must be a 12-digit code inside this township."""
    require(who, "record.write")
    code = str(values.get("code") or "").strip()
    name = str(values.get("name") or "").strip()
    level = values.get("level") or "village"
    station = s.exec(select(Station)).first()
    township = (station.township_code if station else "")[:9]
    if not re.fullmatch(r"\d{12}", code):
        raise UserError(f"区划代码“{code}”应为 12 位数字（统计用区划代码）")
    if township and not code.startswith(township):
        raise UserError(f"区划代码“{code}”不属于本乡镇（应以 {township} 开头）")
    if not name:
        raise UserError("请填写村（社区）名称")
    if level not in LEVELS:
        raise UserError("层级应为村或社区")
    taken = s.exec(select(AdminArea).where(AdminArea.code == code, AdminArea.deleted == False)).first()  # noqa: E712
    if taken is not None:
        raise UserError(f"区划代码“{code}”已登记为“{taken.name}”")
    area = AdminArea(code=code, name=name, level=level, parent_code=township or None)
    s.add(area)
    s.flush()
    return area


def village_count(s: Session) -> int:
    rows = s.exec(select(AdminArea.code).where(AdminArea.level.in_(list(LEVELS)),
                                               AdminArea.deleted == False)).all()  # noqa: E712
    return len(rows)
