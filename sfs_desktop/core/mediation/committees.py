"""Committee and mediator registers (人民调解法 §8–9, §13–15): saved with their rules checked.

A committee's term is three years: a start date without an end gets one. A 村/社区 committee
belongs to one village or community, and one area has one working committee. A mediator is a
person of the registry; leaving office needs a reason.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.people.parties import PartyRef, resolve
from sfs_desktop.core.mediation.constants import AREA_TYPES, SERVING
from sfs_desktop.core.mediation.models import MediationCommittee, Mediator
from sfs_desktop.core.mediation.rules import TERM_YEARS
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal, check_row, require


def term_end_for(start: date) -> date:
    """The last day of a three-year term starting on `start`."""
    try:
        end = start.replace(year=start.year + TERM_YEARS)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + TERM_YEARS, day=28)
    return end - timedelta(days=1)


def save_committee(s: Session, who: Principal, values: dict[str, Any],
                   committee_id: str | None = None) -> MediationCommittee:
    """A new committee, or changes to one; a 调解员 account may change only its own."""
    row = s.get(MediationCommittee, committee_id) if committee_id else MediationCommittee(**values)
    if committee_id and (row is None or row.deleted):
        raise UserError("调解委员会不存在或已删除")
    check_row(who, MediationCommittee, row, write=True)
    codes.refuse_invalid(s, MediationCommittee, {**({f.name: getattr(row, f.name) for f in specs(MediationCommittee)}
                                         if committee_id else {}), **values})
    if committee_id:
        for k, v in values.items():
            setattr(row, k, v)
    if row.term_start and not row.term_end:
        row.term_end = term_end_for(row.term_start)
    if row.term_start and row.term_end and row.term_end <= row.term_start:
        raise UserError("本届任期届满日期应晚于任期开始日期")
    if row.committee_type in AREA_TYPES:
        if not row.area_code:
            raise UserError("村（社区）调解委员会须选择所在村（社区）")
        other = s.exec(select(MediationCommittee).where(
            MediationCommittee.area_code == row.area_code, MediationCommittee.active == True,  # noqa: E712
            MediationCommittee.deleted == False, MediationCommittee.id != row.id)).first()  # noqa: E712
        if other is not None and row.active:
            raise UserError(f"该村（社区）已有在运行的调解委员会“{other.name}”")
    s.add(row)
    return row


def save_mediator(s: Session, who: Principal, values: dict[str, Any], person: PartyRef | str | None = None,
                  mediator_id: str | None = None) -> Mediator:
    """A new mediator is chosen from the person registry; name and sex come from there."""
    require(who, "record.write")
    values = dict(values)
    if mediator_id is None:
        chosen = resolve(s, person or "")
        if chosen.person_id is None:
            raise UserError("调解员须为自然人，请在人员信息库中登记后选择")
        person = s.get(Person, chosen.person_id)
        values.update(person_id=person.id, name=person.name, gender=values.get("gender") or person.gender)
    codes.refuse_invalid(s, Mediator, values if mediator_id is None else {**_current(s, mediator_id), **values})
    if values.get("status", SERVING) != SERVING and not (values.get("status_reason") or "").strip():
        raise UserError("调解员不在任（罢免、解聘、离任）时须填写原因")
    committee = s.get(MediationCommittee, values.get("committee_id")) if values.get("committee_id") else None
    if mediator_id is None and (committee is None or committee.deleted):
        raise UserError("请选择调解员所在的调解委员会")
    if mediator_id is None:
        dup = s.exec(select(Mediator).where(Mediator.person_id == values["person_id"],
                                            Mediator.committee_id == values["committee_id"],
                                            Mediator.status == SERVING, Mediator.deleted == False)).first()  # noqa: E712
        if dup is not None:
            raise UserError(f"{values['name']}已是该调解委员会的在任调解员")
        row = Mediator(**values)
        check_row(who, Mediator, row, write=True)
    else:
        row = s.get(Mediator, mediator_id)
        check_row(who, Mediator, row, write=True)
        for k, v in values.items():
            setattr(row, k, v)
    s.add(row)
    return row


def _current(s: Session, mediator_id: str) -> dict[str, Any]:
    row = s.get(Mediator, mediator_id)
    if row is None or row.deleted:
        raise UserError("调解员不存在或已删除")
    return {k: getattr(row, k) for k in ("person_id", "name", "committee_id")}
