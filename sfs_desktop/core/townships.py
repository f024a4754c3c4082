"""The county's townships (乡镇区划代码): what `init` and the set-up wizard accept as units."""

from __future__ import annotations

COUNTY_CODE = "430922"  # 桃江县
COUNTY_UNIT_CODE = COUNTY_CODE + "000"  # the county bureau's own unit code (node "county")
TOWNSHIPS = [
    ("430922100", "桃花江镇"), ("430922101", "灰山港镇"), ("430922102", "武潭镇"), ("430922103", "马迹塘镇"),
    ("430922104", "三堂街镇"), ("430922105", "大栗港镇"), ("430922106", "松木塘镇"), ("430922107", "修山镇"),
    ("430922108", "鸬鹚渡镇"), ("430922109", "石牛江镇"), ("430922110", "牛田镇"), ("430922111", "沾溪镇"),
    ("430922112", "高桥镇"), ("430922200", "浮邱山乡"), ("430922201", "鲊埠回族乡"),
]


def township_name(code: str) -> str | None:
    return dict(TOWNSHIPS).get(code)


def station_name(code: str) -> str | None:
    """桃江县司法局××司法所 for a township code (the wizard's naming)."""
    name = township_name(code)
    return f"桃江县司法局{name.rstrip('镇乡').removesuffix('回族')}司法所" if name else None
