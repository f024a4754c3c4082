"""Code tables, parameters and the holiday calendar (domain.md §0.2, §1.3).

Category lists and every number that is not statute live in the database, so the county can
change them by a sync bundle without a new release. Defaults ship as JSON under
``resources/codes/`` (one file per duty) and are loaded at ``init`` as the shared baseline.
"""

from __future__ import annotations

import json
import uuid
from datetime import date
from functools import lru_cache
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core.db.synced import SyncedModel, baseline_load
from sfs_desktop.core.errors import ValidationError
from sfs_desktop.core.fields import FieldSpec, Widget as W, code_text, field, validate
from sfs_desktop.resources import resource

_BASELINE_NS = uuid.UUID("6f1c1c8e-4b7e-4c53-9a43-7a2b3c1d0e01")


def baseline_id(*parts: str) -> str:
    """The same id on every node for the same shipped row, so baselines never duplicate."""
    return str(uuid.uuid5(_BASELINE_NS, "/".join(parts)))


class CodeTable(SyncedModel, table=True):
    __tablename__ = "code_table"
    __title__ = "代码表"
    __owner_rule__ = "county"
    kind: str = field("代码表", required=True, max_length=32, index=True)
    code: str = field("代码", required=True, max_length=16)
    name: str = field("名称", required=True, max_length=64, searchable=True)
    parent_code: str | None = field("上级代码", max_length=16)
    active: bool = field("启用", True, widget=W.BOOL)
    sort: int = field("排序", 0, widget=W.INT)
    stat_column: str | None = field("统计栏目", max_length=32)


class Param(SyncedModel, table=True):
    """A configurable number or setting with its source tag ([G], [W-n], [B], [L])."""

    __tablename__ = "param"
    __title__ = "参数"
    __owner_rule__ = "county"
    key: str = field("参数", required=True, max_length=64, index=True)
    value: str = field("值", required=True, max_length=256)
    unit: str | None = field("单位", max_length=16)
    label: str = field("说明", "", max_length=128)
    source_tag: str | None = field("来源", max_length=16)
    effective_from: date | None = field("生效日期", widget=W.DATE)


class HolidayDay(SyncedModel, table=True):
    """A county-supplied calendar day: a statutory holiday or an official make-up workday (调休)."""

    __tablename__ = "holiday_calendar"
    __title__ = "节假日"
    __owner_rule__ = "county"
    day: date = field("日期", required=True, widget=W.DATE, index=True)
    kind: str = field("类型", required=True, code_table="holiday_kind", max_length=16)
    note: str | None = field("说明", max_length=32)


@lru_cache(maxsize=1)
def default_data() -> dict[str, Any]:
    """All shipped defaults merged: {"codes": {kind: [rows]}, "params": [rows], "reference": {table: [rows]}}."""
    codes: dict[str, list[dict[str, Any]]] = {}
    params: list[dict[str, Any]] = []
    reference: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(resource("codes").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for kind, rows in data.get("codes", {}).items():
            codes.setdefault(kind, []).extend(rows)
        params.extend(data.get("params", []))
        for table, rows in data.get("reference", {}).items():
            reference.setdefault(table, []).extend(rows)
    return {"codes": codes, "params": params, "reference": reference}


def load_defaults(session: Session) -> int:
    """Insert shipped code tables and parameters that are not there yet; returns rows added."""
    data = default_data()
    have_codes = {(k, c) for k, c in session.exec(select(CodeTable.kind, CodeTable.code)).all()}
    have_params = set(session.exec(select(Param.key)).all())
    added = 0
    with baseline_load():
        for kind, rows in data["codes"].items():
            for i, row in enumerate(rows):
                if (kind, row["code"]) in have_codes:
                    continue
                session.add(CodeTable(id=baseline_id("code", kind, row["code"]), kind=kind, code=row["code"],
                                      name=row["name"], parent_code=row.get("parent"),
                                      active=row.get("active", True), sort=row.get("sort", i),
                                      stat_column=row.get("stat")))
                added += 1
        for row in data["params"]:
            if row["key"] in have_params:
                continue
            session.add(Param(id=baseline_id("param", row["key"]), key=row["key"], value=str(row["value"]),
                              unit=row.get("unit"), label=row.get("label", ""), source_tag=row.get("tag")))
            added += 1
        added += _load_reference(session, data["reference"])
        session.flush()
    return added


def _load_reference(session: Session, tables: dict[str, list[dict[str, Any]]]) -> int:
    """A duty's county-owned reference table (cc_frequency …) gets its shipped rows once: each row's
    id comes from the table's ``__baseline_key__`` fields, so every node holds the same rows, and a
    row the county deleted stays a tombstone rather than coming back."""
    from sfs_desktop.core.db.synced import synced_tables

    models = synced_tables()
    added = 0
    for table, rows in tables.items():
        model = models[table]
        for row in rows:
            row_id = baseline_id("ref", table, *(str(row[k]) for k in model.__baseline_key__))
            if session.get(model, row_id) is None:
                session.add(model(id=row_id, **row))
                added += 1
    return added


def codes(session: Session, kind: str, *, active_only: bool = True) -> list[CodeTable]:
    stmt = select(CodeTable).where(CodeTable.kind == kind, CodeTable.deleted == False)  # noqa: E712
    if active_only:
        stmt = stmt.where(CodeTable.active == True)  # noqa: E712
    return list(session.exec(stmt.order_by(CodeTable.sort, CodeTable.code)).all())


def code_name(session: Session, kind: str, code: str | None) -> str:
    if code is None:
        return ""
    row = session.exec(select(CodeTable.name).where(CodeTable.kind == kind, CodeTable.code == code)).first()
    return row or code


def value_text(session: Session, spec: FieldSpec, value: Any) -> str:
    """A code field's value as printed: its name, or a checklist's names joined with 、."""
    return code_text(spec, value, lambda c: code_name(session, spec.code_table or "", c))


def code_exists(session: Session, kind: str, code: str) -> bool:
    """Inactive codes still validate, so old records stay valid (sync-design §4.9)."""
    return session.exec(select(CodeTable.id).where(CodeTable.kind == kind, CodeTable.code == code)).first() is not None


def refuse_invalid(session: Session, model: Any, values: dict[str, Any]) -> None:
    """Raise ValidationError naming every refused value, codes checked against this database's tables."""
    errors = [p for p in validate(model, values, lambda kind, code: code_exists(session, kind, code)) if p.is_error]
    if errors:
        raise ValidationError(errors)


def param(session: Session, key: str, default: Any = None, cast: type = str) -> Any:
    value = session.exec(select(Param.value).where(Param.key == key, Param.deleted == False)).first()  # noqa: E712
    if value is None:
        for row in default_data()["params"]:
            if row["key"] == key:
                value = row["value"]
                break
    if value is None:
        return default
    return cast(value)


def holiday_overrides(session: Session) -> dict[date, str]:
    """County-supplied calendar days for calendar.WorkCalendar."""
    rows = session.exec(select(HolidayDay.day, HolidayDay.kind).where(HolidayDay.deleted == False)).all()  # noqa: E712
    return {d: k for d, k in rows}
