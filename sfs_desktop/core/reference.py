"""Reference data the county owns and pushes (issue 15): parameters, code tables, the holiday
calendar, and every later table whose owner rule is "county" (listed from the models, so a new
one appears here without a change).

Only the county's program edits them, with the 所长's right; both are checked here, not in a
dialog. An edit is an ordinary ORM write: change capture stamps it for the county's next bundle
(every station receives the reference tables, and refuses them from anyone else) and the audit
listener records it. A station reads the same lists with when each row arrived (`sync_received`,
written by the importer). Codes are never deleted, only disabled, so records that use them stay
valid (sync-design §4.9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, cast, func
from sqlmodel import Session, select

from sfs_desktop.core import calendar, params
from sfs_desktop.core.codes import CodeTable, HolidayDay, Param, baseline_id, code_name, refuse_invalid
from sfs_desktop.core.db.synced import SyncedModel, count_live, synced_tables
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import identity, policy
from sfs_desktop.core.sync.models import SyncReceived

READ, EDIT = "record.read", "settings"
COUNTY_ONLY = "修改参数、代码表和节假日安排：司法所的这些数据由县司法局统一维护并随同步包下发，在司法所只能查看"
CODE = re.compile(r"[0-9A-Za-z_]{1,16}")
FIXED_KINDS = {"holiday_kind": "节假日类型由日期计算规则决定，不能增加或停用，只能改名称"}
TYPE_NAMES = {int: "整数", float: "数字", str: "文字"}


def _may_edit(session: Session, who: Principal) -> None:
    require(who, EDIT)
    identity.require_county(session, COUNTY_ONLY)


def may_edit(session: Session, who: Principal) -> bool:
    """Whether `who` may edit reference data here (the GUI shows an editor or the read-only view)."""
    return who.can(EDIT) and identity.local_node(session).role == "county"


def county_tables() -> dict[str, type[SyncedModel]]:
    """Every synced table the county owns and pushes, by name."""
    return {name: model for name, model in synced_tables().items() if policy.is_broadcast(model)}


def _changed(row: SyncedModel) -> datetime | None:
    """When the row was last changed by an edit (the shipped baseline was never edited)."""
    return row.updated_at if row.ver_ctr else None


def _received(session: Session, table: str) -> dict[str, datetime]:
    rows = session.exec(select(SyncReceived.row_id, SyncReceived.at).where(SyncReceived.table_name == table)).all()
    return dict(rows)


def when(value: datetime | None, empty: str = "") -> str:
    """A stored (UTC) time as this PC's local time, to the minute."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else empty


# --- the tables ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TableSummary:
    name: str
    title: str
    rows: int
    changed_at: datetime | None  # the newest edit of any row (at the county, or the county's edit received)
    received_at: datetime | None  # the newest arrival of any row in a county bundle


def tables(session: Session, who: Principal) -> list[TableSummary]:
    require(who, READ)
    out = []
    for name, model in county_tables().items():
        changed = session.scalar(select(func.max(model.updated_at)).where(model.ver_ctr > 0))
        received = session.scalar(select(func.max(SyncReceived.at)).where(SyncReceived.table_name == name))
        out.append(TableSummary(name, model.__title__ or name, count_live(session, model), changed, received))
    return out


# --- parameters ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParamRow:
    key: str
    label: str
    unit: str
    type_name: str  # 整数 / 数字 / 文字
    value: Any
    default: Any
    changed_at: datetime | None
    received_at: datetime | None
    declared: bool = True  # False: pushed by a newer program this one does not know
    low: float | None = None  # the declared range a new value must lie in
    high: float | None = None


def param_rows(session: Session, who: Principal) -> list[ParamRow]:
    """Every declared parameter with its value here, then any row this program does not declare."""
    require(who, READ)
    rows = {r.key: r for r in session.exec(select(Param).where(Param.deleted == False)).all()}  # noqa: E712
    received = _received(session, Param.__tablename__)
    out = []
    for key, spec in params.declared().items():
        row = rows.pop(key, None)
        value = spec.default if row is None else _typed(spec, row.value)
        out.append(ParamRow(key, spec.label, spec.unit, TYPE_NAMES.get(spec.type, spec.type.__name__), value,
                            spec.default, _changed(row) if row else None, received.get(row.id) if row else None,
                            True, *spec.bounds()))
    for key, row in sorted(rows.items()):
        out.append(ParamRow(key, row.label or key, row.unit or "", "文字", row.value, None, _changed(row),
                            received.get(row.id), declared=False))
    return out


def _typed(spec: params.ParamSpec, raw: str) -> Any:
    try:
        return spec.type(raw)
    except (TypeError, ValueError):
        return raw


def set_param(session: Session, who: Principal, key: str, text: Any) -> ParamRow:
    """County: give a declared parameter a new value (checked against its declaration)."""
    _may_edit(session, who)
    spec = params.declared().get(key)
    if spec is None:
        raise UserError(f"没有参数“{key}”（用 ref params 查看全部参数）")
    value = spec.parse(text)
    row = session.exec(select(Param).where(Param.key == key)).first()
    if row is None:  # the baseline id: the same row everywhere, whoever loaded it first
        row = Param(id=baseline_id("param", key), key=key, value=str(value), unit=spec.unit or None,
                    label=spec.label)
    elif row.value == str(value) and not row.deleted:
        return _param_row(session, who, key)
    row.value, row.deleted = str(value), False
    session.add(row)
    session.flush()
    return _param_row(session, who, key)


def _param_row(session: Session, who: Principal, key: str) -> ParamRow:
    return next(r for r in param_rows(session, who) if r.key == key)


# --- code tables ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeKind:
    kind: str
    label: str  # what the fields using it call it (纠纷类型), from their declarations
    total: int
    active: int


@dataclass(frozen=True)
class CodeRow:
    kind: str
    code: str
    name: str
    active: bool
    sort: int
    changed_at: datetime | None
    received_at: datetime | None


def kind_labels() -> dict[str, str]:
    """Each code table's name in words, from the first declared field that uses it: its label
    (纠纷类型), preceded by its table's title where two tables say the same (调解组织类型, 节假日类型)."""
    first: dict[str, tuple[str, str]] = {}
    for model in synced_tables().values():
        for spec in specs(model):
            if spec.code_table:
                first.setdefault(spec.code_table, (spec.label, model.__title__))
    said = [label for label, _title in first.values()]
    return {kind: label if said.count(label) == 1 or not title or label.startswith(title) else f"{title}{label}"
            for kind, (label, title) in first.items()}


def code_kinds(session: Session, who: Principal) -> list[CodeKind]:
    require(who, READ)
    labels = kind_labels()
    q = (select(CodeTable.kind, func.count(), func.sum(cast(CodeTable.active, Integer))).where(CodeTable.deleted == False)  # noqa: E712
         .group_by(CodeTable.kind).order_by(CodeTable.kind))
    return [CodeKind(kind, labels.get(kind, kind), n, int(active or 0)) for kind, n, active in session.exec(q).all()]


def code_rows(session: Session, who: Principal, kind: str) -> list[CodeRow]:
    """Every code of one table, disabled ones too (they stay valid for old records)."""
    require(who, READ)
    _known_kind(session, kind)
    received = _received(session, CodeTable.__tablename__)
    rows = session.exec(select(CodeTable).where(CodeTable.kind == kind, CodeTable.deleted == False)  # noqa: E712
                        .order_by(CodeTable.sort, CodeTable.code)).all()
    return [CodeRow(r.kind, r.code, r.name, r.active, r.sort, _changed(r), received.get(r.id)) for r in rows]


def _known_kind(session: Session, kind: str) -> None:
    if session.exec(select(CodeTable.id).where(CodeTable.kind == kind)).first() is None:
        raise UserError(f"没有代码表“{kind}”（用 ref codes 查看全部代码表）")


def _code(session: Session, kind: str, code: str) -> CodeTable:
    _known_kind(session, kind)
    row = session.exec(select(CodeTable).where(CodeTable.kind == kind, CodeTable.code == code,
                                               CodeTable.deleted == False)).first()  # noqa: E712
    if row is None:
        raise UserError(f"代码表“{kind_labels().get(kind, kind)}”中没有代码“{code}”")
    return row


def _clean_name(name: Any) -> str:
    text = str(name or "").strip()
    if not text:
        raise UserError("代码名称不能为空")
    return text


def add_code(session: Session, who: Principal, kind: str, code: Any, name: Any) -> CodeRow:
    """County: a new code at the end of a table."""
    _may_edit(session, who)
    _known_kind(session, kind)
    if kind in FIXED_KINDS:
        raise UserError(FIXED_KINDS[kind])
    code, name = str(code or "").strip(), _clean_name(name)
    if not CODE.fullmatch(code):
        raise UserError(f"代码“{code}”无效：应为 1–16 位数字、字母或下划线")
    same = session.exec(select(CodeTable).where(CodeTable.kind == kind, CodeTable.code == code)).first()
    if same is not None:
        state = "（已停用，可用 ref code-enable 重新启用）" if not same.active else ""
        raise UserError(f"代码表“{kind_labels().get(kind, kind)}”已有代码 {code}：{same.name}{state}")
    refuse_invalid(session, CodeTable, {"kind": kind, "code": code, "name": name})
    last = session.scalar(select(func.max(CodeTable.sort)).where(CodeTable.kind == kind)) or 0
    row = CodeTable(kind=kind, code=code, name=name, active=True, sort=last + 1)
    session.add(row)
    session.flush()
    return CodeRow(kind, code, name, True, row.sort, _changed(row), None)


def rename_code(session: Session, who: Principal, kind: str, code: str, name: Any) -> CodeRow:
    """County: a code's name (its code, which records store, never changes)."""
    _may_edit(session, who)
    row = _code(session, kind, code)
    row.name = _clean_name(name)
    refuse_invalid(session, CodeTable, {"kind": kind, "code": code, "name": row.name})
    session.add(row)
    session.flush()
    return CodeRow(kind, code, row.name, row.active, row.sort, _changed(row), None)


def set_code_active(session: Session, who: Principal, kind: str, code: str, active: bool) -> CodeRow:
    """County: disable a code (no longer offered in forms; records that use it keep it) or enable it again."""
    _may_edit(session, who)
    row = _code(session, kind, code)
    if kind in FIXED_KINDS:
        raise UserError(FIXED_KINDS[kind])
    if row.active == active:
        raise UserError(f"代码 {code}（{row.name}）已经是{'启用' if active else '停用'}状态")
    if not active and session.scalar(select(func.count()).where(CodeTable.kind == kind, CodeTable.active == True,  # noqa: E712
                                                                 CodeTable.deleted == False)) <= 1:  # noqa: E712
        raise UserError(f"代码表“{kind_labels().get(kind, kind)}”至少要保留一个启用的代码")
    row.active = active
    session.add(row)
    session.flush()
    return CodeRow(kind, code, row.name, row.active, row.sort, _changed(row), None)


# --- the holiday calendar --------------------------------------------------------------------------

HOLIDAY_KINDS = {calendar.HOLIDAY: "法定节假日", calendar.MAKEUP_WORKDAY: "调休上班日"}


@dataclass(frozen=True)
class HolidayRow:
    day: date
    kind: str
    kind_name: str
    note: str
    changed_at: datetime | None
    received_at: datetime | None


def parse_day(text: Any) -> date:
    if isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise UserError(f"日期“{text}”格式不对，应写成 2025-10-01") from None


def _check_year(day: date) -> None:
    if not 2000 <= day.year <= 2100:
        raise UserError(f"日期 {day.isoformat()} 不在 2000 至 2100 年之间")


def holiday_rows(session: Session, who: Principal, year: int | None = None) -> list[HolidayRow]:
    require(who, READ)
    q = select(HolidayDay).where(HolidayDay.deleted == False)  # noqa: E712
    if year is not None:
        q = q.where(HolidayDay.day >= date(year, 1, 1), HolidayDay.day <= date(year, 12, 31))
    received = _received(session, HolidayDay.__tablename__)
    return [HolidayRow(r.day, r.kind, code_name(session, "holiday_kind", r.kind),
                       r.note or "", _changed(r), received.get(r.id))
            for r in session.exec(q.order_by(HolidayDay.day)).all()]


def _holiday(session: Session, day: date) -> HolidayDay | None:
    return session.exec(select(HolidayDay).where(HolidayDay.day == day).order_by(HolidayDay.deleted)).first()


def add_holiday(session: Session, who: Principal, day: Any, kind: str, note: Any = None) -> HolidayRow:
    """County: mark one day a statutory holiday or a make-up working day (调休上班, a Saturday or Sunday)."""
    _may_edit(session, who)
    day = parse_day(day)
    _check_year(day)
    if kind not in HOLIDAY_KINDS:
        raise UserError(f"节假日类型“{kind}”无效，应为 holiday（法定节假日）或 makeup_workday（调休上班日）")
    if kind == calendar.MAKEUP_WORKDAY and day.weekday() < 5:
        raise UserError(f"{day.isoformat()} 是工作日，调休上班日应为周六或周日")
    note = str(note).strip() if note else None
    refuse_invalid(session, HolidayDay, {"day": day, "kind": kind, "note": note})
    row = _holiday(session, day)
    if row is not None and not row.deleted:
        raise UserError(f"{day.isoformat()} 已登记为{HOLIDAY_KINDS.get(row.kind, row.kind)}；如需更改，请先删除")
    if row is None:
        row = HolidayDay(day=day, kind=kind, note=note)
    else:  # a removed day comes back: the same row, so stations never hold two rows for one day
        row.kind, row.note, row.deleted = kind, note, False
    session.add(row)
    session.flush()
    return HolidayRow(day, kind, HOLIDAY_KINDS[kind], note or "", _changed(row), None)


def remove_holiday(session: Session, who: Principal, day: Any) -> None:
    """County: take a day off the calendar (a tombstone: stations learn of the removal)."""
    _may_edit(session, who)
    day = parse_day(day)
    row = _holiday(session, day)
    if row is None or row.deleted:
        raise UserError(f"节假日安排中没有 {day.isoformat()}")
    session.delete(row)
    session.flush()
