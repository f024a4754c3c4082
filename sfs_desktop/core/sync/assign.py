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

from datetime import date
from typing import Any, Sequence, TypeVar

from sqlmodel import Session, select

from sfs_desktop.core import duties
from sfs_desktop.core.codes import code_exists
from sfs_desktop.core.db.synced import SyncedModel, synced_tables
from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.fields import Problem, spec_of, validate
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.people.registry import prepare
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, is_s3, require
from sfs_desktop.core.sync import identity
from sfs_desktop.core.sync.models import SyncPeer
from sfs_desktop.core.sync.personkey import person_key
from sfs_desktop.core.textvalues import fillable, typed_values

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


def derived(session: Session, table: str, values: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) of what the duty's rules compute from the values typed so far (帮教期止 from
    the release date), for the 交办 dialog to show; nothing when the type derives nothing."""
    _model, a = declared(table)
    if not a.derive:
        return []
    model = synced_tables()[table]
    return [(spec_of(model, name).label, f"{value:%Y-%m-%d}" if isinstance(value, date) else str(value))
            for name, value in duties.resolve(a.derive)(session, values).items()]


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
    if is_s3(model.__tablename__):
        require(who, "s3.read")
    found = duties.assignables().get(model.__tablename__)
    check = duties.resolve(found[1].check) if found and found[1].check else None
    person = found[1].person if found else None
    checked, problems = [], []
    for number, raw in rows:
        found_problems: list[Problem] = []
        if person:  # written (flushed) now, so the check sees it; a refusal rolls the whole write back
            raw, found_problems = station_person(session, model, person, raw, station)
        if not found_problems:
            row, values, found_problems = _problems(session, model, raw, check, station)
            checked.append((row, values))
        where = f"第 {number} 行：" if number is not None else ""
        problems += [Problem(p.field, where + p.message) for p in found_problems]
    if problems:
        raise ValidationError(problems)
    for row, values in checked:
        session.add(row)
        session.flush()
        audit.record(session, who.username, "assign", model.__tablename__, row.id, sorted(values))
    return [row for row, _values in checked]


def _problems(session: Session, model: type[M], raw: dict[str, Any], check,
              station: str) -> tuple[M, dict[str, Any], list[Problem]]:
    """One record, owned by `station`, and everything wrong with it (declarations, codes, the duty's
    rules). The duty's check may complete fields the rules derive (a status); the row it saw is written."""
    values, problems = typed_values(session, model, raw)
    unreadable = {p.field for p in problems}
    problems += [p for p in validate(model, values, lambda kind, code: code_exists(session, kind, code))
                 if p.is_error and p.field not in unreadable]
    row = model(**values, owner=station)
    if not problems and check is not None:
        try:
            check(session, row)
        except UserError as exc:
            problems.append(Problem("", str(exc)))
    return row, values, problems


def station_person(session: Session, model: type[SyncedModel], field: str, raw: dict[str, Any],
                   station: str) -> tuple[dict[str, Any], list[Problem]]:
    """The record's person (``Assignable.person``): the person's own fields (by label or name) are
    taken out of `raw` and `field` is set to a person of `station`: the one the county already
    entered for it with that ID number, or the station's own whose keyed hash matches (the county
    holds station persons without their numbers), else a new person owned by the station. A person
    owned elsewhere never travels to the station, so it is never reused. Fields both tables declare
    (姓名, 所属村) go to both."""
    people, own = fillable(Person), fillable(model)
    key = {str(k).strip(): k for k in raw}
    person_raw = {k: v for k, v in raw.items() if str(k).strip() in people}
    rest = {k: v for k, v in raw.items() if str(k).strip() not in people or str(k).strip() in own}
    chosen = next((raw[key[n]] for n in (field, own[field].label) if n in key and n in own), None) \
        if field in own else None
    if chosen:
        existing = session.get(Person, str(chosen).strip())
        if existing is None or existing.deleted or existing.owner != station:
            return rest, [Problem(field, f"人员“{chosen}”不是司法所 {station} 的人员：请改填本人的姓名、证件号码等信息")]
        return rest, []
    values, problems = typed_values(session, Person, person_raw)
    if problems:
        return rest, problems
    values, problems = prepare(session, values)
    if problems:  # a warning (性别与证件号码不一致) too: nobody is there to confirm it
        return rest, [Problem(p.field, p.message) for p in problems]
    found = _station_person(session, values.get("id_number"), station)
    if found is None:
        found = Person(**values, owner=station)
        session.add(found)
        session.flush()
    return {**{k: v for k, v in rest.items() if str(k).strip() not in (field, own[field].label)},
            field: found.id}, []


def _station_person(session: Session, number: str | None, station: str) -> Person | None:
    if not number:
        return None
    same = session.exec(select(Person).where(Person.deleted == False, Person.owner == station,  # noqa: E712
                                             Person.id_number == number)).first()
    secret = identity.ensure_identity(session).county_secret
    if same is None and secret:
        same = session.exec(select(Person).where(Person.deleted == False, Person.owner == station,  # noqa: E712
                                                 Person.person_key == person_key(secret, number))).first()
    return same
