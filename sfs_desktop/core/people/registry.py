"""The one person registry, duplicate-proof (architecture.md §7, anchors-casemgmt A4).

A valid 身份证号 that is already registered blocks a second record: every duty reuses the
existing person. Name + birth date + village only *suggest* candidates, since namesakes are
common in a township; merging stays a privileged, reviewed action.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes, idcheck
from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.fields import Problem, specs, validate
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal, require

MAINLAND_ID_TYPES = idcheck.GB11643_ID_TYPES  # declared once, in idcheck


class DuplicatePerson(UserError):
    """The ID number is registered already; `existing_id` is the record to use instead."""

    def __init__(self, existing: Person):
        self.existing_id = existing.id
        super().__init__(f"该证件号码已登记为“{existing.name}”（出生日期 {existing.birth_date or '未填'}），请直接选用已有人员")


def _live(stmt):
    return stmt.where(Person.deleted == False, Person.merged_into == None)  # noqa: E711, E712


def find_by_id_number(session: Session, id_number: str) -> Person | None:
    result = idcheck.check_id_number(id_number)
    key = result.normalized if result.ok else id_number.strip().upper()
    return session.exec(_live(select(Person).where(Person.id_number == key))).first()


def candidates(session: Session, name: str, birth_date: date | None = None, area_code: str | None = None,
               limit: int = 20) -> list[Person]:
    """Possible matches to show before creating a person: same name, then narrowed by what is known."""
    stmt = _live(select(Person).where(Person.name == name.strip()))
    if birth_date is not None:
        stmt = stmt.where(Person.birth_date == birth_date)
    if area_code:
        stmt = stmt.where(Person.area_code == area_code)
    return list(session.exec(stmt.limit(limit)).all())


def prepare(session: Session, values: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Normalise the ID number and derive birth date and sex from it; returns warnings too."""
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    warnings: list[Problem] = []
    number = values.get("id_number")
    if number and values.get("id_type", "01") in MAINLAND_ID_TYPES:
        result = idcheck.check_id_number(number)
        if result.ok:
            values["id_number"] = result.normalized
            if values.get("birth_date") is None:
                values["birth_date"] = result.birth_date
            sex_code = "1" if result.sex == "男" else "2"
            if values.get("gender") in (None, ""):
                values["gender"] = sex_code
            elif values["gender"] != sex_code:
                warnings.append(Problem("gender", f"“性别”与证件号码不一致（号码显示为{result.sex}）", "warning"))
            if values["birth_date"] != result.birth_date:
                warnings.append(Problem("birth_date", "“出生日期”与证件号码中的出生日期不一致", "warning"))
    # other document types are only checked for length: the declaration says so (only_when)
    problems = validate(Person, values, code_lookup=lambda kind, code: codes.code_exists(session, kind, code))
    return values, problems + warnings


def register_person(session: Session, who: Principal, values: dict[str, Any], *,
                    confirm_warnings: bool = False) -> Person:
    """Create a person after checking every value; refuses a second record for a known ID number."""
    require(who, "record.write")
    values, problems = prepare(session, values)
    errors = [p for p in problems if p.is_error]
    if errors or (problems and not confirm_warnings):
        raise ValidationError(problems)
    if values.get("id_number"):
        existing = find_by_id_number(session, values["id_number"])
        if existing is not None:
            raise DuplicatePerson(existing)
    person = Person(**values)
    session.add(person)
    session.flush()
    return person


def update_person(session: Session, who: Principal, person_id: str, values: dict[str, Any], *,
                  confirm_warnings: bool = False) -> Person:
    require(who, "record.write")
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise UserError("要修改的人员不存在或已删除")
    current = {spec.name: getattr(person, spec.name) for spec in specs(Person)}
    person_number_before = person.id_number
    merged, problems = prepare(session, {**current, **values})
    errors = [p for p in problems if p.is_error]
    if errors or (problems and not confirm_warnings):
        raise ValidationError(problems)
    if merged.get("id_number") and merged["id_number"] != person.id_number:
        existing = find_by_id_number(session, merged["id_number"])
        if existing is not None and existing.id != person.id:
            raise DuplicatePerson(existing)
    for name in values:
        setattr(person, name, merged[name])
    if merged.get("id_number") != person_number_before:
        person.person_key = None  # recomputed from the new number before the next export (sync.personkey)
    session.flush()
    return person


def id_label(session: Session, id_type: str | None) -> str:
    """How a form names a person's number: from the document type (居民身份证号码, 护照号码 …),
    else the declared label — never a hard-coded 身份证号 whatever the document is."""
    name = codes.code_name(session, "id_type", id_type) if id_type else ""
    if name and name != id_type:
        return f"{name}号码"
    return next(s.label for s in specs(Person) if s.name == "id_number")
