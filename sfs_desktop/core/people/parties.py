"""Choosing a person or a unit by name, as every duty does for its parties and mediators.

A typed name that matches exactly one record is that record. Namesakes are common in a
township, so several matches are never guessed between: the form lists `candidates`, told
apart by masked ID number, birth date and village, and passes the one chosen as a `PartyRef`,
which is checked again here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.security.masking import display_value
from sfs_desktop.core.station.models import AdminArea


@dataclass(frozen=True)
class PartyRef:
    """One record of the registry: a person or a unit."""

    person_id: str | None = None
    organization_id: str | None = None


@dataclass(frozen=True)
class Candidate:
    ref: PartyRef
    name: str
    detail: str  # what tells namesakes apart, sensitive parts masked


class AmbiguousName(UserError):
    """Several records bear the typed name: the person must choose one."""


def _people(name: str):
    return select(Person).where(Person.name == name, Person.deleted == False,  # noqa: E712
                                Person.merged_into == None)  # noqa: E711


def _units(name: str):
    return select(Organization).where(Organization.name == name, Organization.deleted == False)  # noqa: E712


def candidates(s: Session, name: str, limit: int = 50) -> list[Candidate]:
    """The people and units bearing exactly `name`, each with what tells it apart."""
    name = name.strip()
    if not name:
        return []
    id_spec = next(f for f in specs(Person) if f.name == "id_number")
    areas = {a.code: a.name for a in s.exec(select(AdminArea))}
    found = []
    for p in s.exec(_people(name).limit(limit)):
        bits = [display_value(id_spec, p.id_number) or "未登记证件号码",
                f"{p.birth_date:%Y-%m-%d}" if p.birth_date else "", areas.get(p.area_code or "", "")]
        found.append(Candidate(PartyRef(person_id=p.id), p.name, "　".join(b for b in bits if b)))
    for o in s.exec(_units(name).limit(limit)):
        found.append(Candidate(PartyRef(organization_id=o.id), o.name,
                               "　".join(b for b in ("单位", o.uscc or "", o.legal_rep or "") if b)))
    return found


def resolve(s: Session, choice: PartyRef | str) -> PartyRef:
    """The record chosen (still there), or the only one bearing a typed name; otherwise a refusal."""
    if isinstance(choice, PartyRef):
        row = s.get(Person, choice.person_id) if choice.person_id else s.get(Organization, choice.organization_id)
        if row is None or row.deleted or getattr(row, "merged_into", None):
            raise UserError("所选人员或单位已不在人员信息库中，请重新选择")
        return choice
    name = choice.strip()
    if not name:
        raise UserError("请填写当事人姓名或单位名称")
    found = candidates(s, name, limit=2)
    if not found:
        raise UserError(f"人员信息库中没有“{name}”，请先在人员信息库中登记")
    if len(found) > 1:
        raise AmbiguousName(f"人员信息库中有不止一个“{name}”，请点“选择…”，按证件号码、出生日期区分")
    return found[0].ref
