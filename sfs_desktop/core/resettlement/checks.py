"""Every resettlement rule, run over the data already stored: what an operation of `.work` would
have refused, and dangling references. The demo generator must pass it; messages name the person by
name only (never an ID number or the offence).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.resettlement import rules, work
from sfs_desktop.core.resettlement.constants import ACTIVE, AWAITING, PICK_UP
from sfs_desktop.core.resettlement.models import (ReleasedPerson, RpCategoryChange, RpContact, RpLostContact,
                                                  RpPrerelease, RpReoffence, RpResettlement, RpTeamMember)

EVENTS = ((RpContact, "day"), (RpResettlement, "day"), (RpReoffence, "day"), (RpLostContact, "lost_on"),
          (RpCategoryChange, "changed_on"))


def _live(s: Session, model) -> list:
    return list(s.exec(select(model).where(model.deleted == False)).all())  # noqa: E712


def problems(s: Session, today: date | None = None) -> list[str]:
    today = today or date.today()
    out: list[str] = []
    persons = {r.id: r for r in _live(s, ReleasedPerson)}
    years = work.period_years(s)
    for model in (ReleasedPerson, RpTeamMember, RpPrerelease) + tuple(m for m, _ in EVENTS):
        for row in _live(s, model):
            try:
                codes.refuse_invalid(s, model, {f.name: getattr(row, f.name) for f in specs(model)})
            except UserError as e:
                out.append(f"{model.__title__}：{e}")
    for r in persons.values():
        if (r.period_to or r.status != AWAITING) and r.period_to != rules.period_end(r.release_date, years):
            out.append(f"{r.name}：帮教期止与释放日期、帮教期不符")
        if r.status != AWAITING:
            if r.person_id is None or r.handover_on is None:
                out.append(f"{r.name}：已衔接但没有关联人员或衔接日期")
            else:
                out += [f"{r.name}：{p}" for p in rules.handover_problems(r.release_date, r.handover_method,
                                                                          r.handover_on, today, r.handover_staff)]
        if r.agreement_on and not any(m.person_id == r.id and m.active for m in _live(s, RpTeamMember)):
            out.append(f"{r.name}：签订了帮教协议但没有帮教小组")
        if r.handover_method == PICK_UP and r.status != AWAITING and not r.handover_staff:
            out.append(f"{r.name}：必接必送没有接送人员")
    active = Counter(r.person_id for r in persons.values() if r.status in ACTIVE and r.person_id)
    out += [f"{persons_name(persons, pid)}：重复在册" for pid, n in active.items() if n > 1]
    for model, day in EVENTS:
        for e in _live(s, model):
            r = persons.get(e.person_id)
            if r is None:
                out.append(f"{model.__title__}指向不存在的安置帮教对象")
                continue
            d = getattr(e, day)
            if d > today or d < (r.handover_on or r.release_date):
                out.append(f"{r.name}：{model.__title__}的日期不在衔接之后、今天之前")
    for e in _live(s, RpPrerelease):
        if not rules.is_list_month(e.list_month):
            out.append(f"预释放人员名单：名单月份“{e.list_month}”格式不对")
        if e.matched_id and e.matched_id not in persons:
            out.append(f"预释放人员名单：{e.name}指向不存在的安置帮教对象")
    return out


def persons_name(persons: dict, person_id: str) -> str:
    return next((r.name for r in persons.values() if r.person_id == person_id), "？")
