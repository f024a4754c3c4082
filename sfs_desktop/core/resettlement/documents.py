"""Where the 安置帮教 forms (:mod:`.forms`) find their values: one source per form.

Person forms take the released person's record id; the 走访（谈话）记录 a contact; the 未衔接人员上报表
an entry of the month's pre-release list (so the print service checks S3 on a real row). Every
source only loads: who may print is checked by the print service on the record it returns, which
also numbers, keeps the PDF encrypted, logs and audits. Code values print as their names.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes, params
from sfs_desktop.core.calendar import age_on
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.fields import specs
from sfs_desktop.core.printing.formats import plain_date
from sfs_desktop.core.printing.service import Loaded, record, source, station
from sfs_desktop.core.resettlement import forms  # noqa: F401 - registers the templates
from sfs_desktop.core.reports import printed
from sfs_desktop.core.reports.printed import figures_context
from sfs_desktop.core.resettlement import rules, stats
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpContact, RpPrerelease, RpResettlement, RpTeamMember

PERSON = ReleasedPerson.__tablename__


def readable(s: Session, row: Any) -> dict[str, Any]:
    """A row's declared fields as a form prints them: a code as its name, nothing as blank."""
    out = {}
    for spec in specs(type(row)):
        value = getattr(row, spec.name)
        out[spec.name] = codes.code_name(s, spec.code_table, value) if spec.code_table and value is not None else value
    return out


def person_values(s: Session, r: ReleasedPerson) -> dict[str, Any]:
    v = readable(s, r)
    team = s.exec(live(select(RpTeamMember), RpTeamMember).where(RpTeamMember.person_id == r.id,
                                                                  RpTeamMember.active == True)).all()  # noqa: E712
    return {**v, "released": v, "station": station(s).name,
            "period": f"{plain_date(r.period_from)}至{plain_date(r.period_to)}" if r.period_from and r.period_to else "",
            "age": f"{age_on(r.birth_date, r.release_date)}岁" if r.birth_date else "",
            "members": "、".join(m.name for m in team),
            "team": [{**readable(s, m), "sign": ""} for m in team]}


def _person(s: Session, ref: str | None) -> ReleasedPerson:
    return record(s, ReleasedPerson, ref, "安置帮教对象")


def _form(s: Session, ref: str | None, **extra) -> Loaded:
    r = _person(s, ref)
    return Loaded(PERSON, r.id, {**person_values(s, r), **extra}, r.release_date.year)


@source("resettlement.handover")
def handover_context(s: Session, ref: str | None) -> Loaded:
    r = _person(s, ref)
    days = params.get(s, "resettlement.report_days")
    due = r.report_by or rules.handover_due(r.release_date, r.handover_method, days)
    outcome = "未衔接" if r.handover_on is None else ("按期衔接" if r.handover_on <= due else "逾期衔接")
    return Loaded(PERSON, r.id, {**person_values(s, r), "due": due, "outcome": outcome}, r.release_date.year)


@source("resettlement.basic")
def basic_context(s: Session, ref: str | None) -> Loaded:
    return _form(s, ref)


@source("resettlement.team")
def team_context(s: Session, ref: str | None) -> Loaded:
    return _form(s, ref)


@source("resettlement.measures")
def measures_context(s: Session, ref: str | None) -> Loaded:
    r = _person(s, ref)
    rows = s.exec(live(select(RpResettlement), RpResettlement).where(RpResettlement.person_id == r.id)
                  .order_by(RpResettlement.day)).all()
    return _form(s, ref, measures=[{k: v or "" for k, v in readable(s, m).items()} for m in rows])


@source("resettlement.ending")
def ending_context(s: Session, ref: str | None) -> Loaded:
    return _form(s, ref, opinion="")


@source("resettlement.contact")
def contact_context(s: Session, ref: str | None) -> Loaded:
    c = record(s, RpContact, ref, "走访（谈话）记录")
    r = s.get(ReleasedPerson, c.person_id)
    return Loaded(RpContact.__tablename__, c.id, {**person_values(s, r), **readable(s, c), "recorder": c.staff or ""},
                  c.day.year)


@source("resettlement.unmatched")
def unmatched_context(s: Session, ref: str | None) -> Loaded:
    e = record(s, RpPrerelease, ref, "预释放名单中的人员")
    rows = s.exec(live(select(RpPrerelease), RpPrerelease).where(
        RpPrerelease.list_month == e.list_month, RpPrerelease.matched_id == None)  # noqa: E711
        .order_by(RpPrerelease.release_date)).all()
    return Loaded(RpPrerelease.__tablename__, e.id, {
        "station": station(s).name, "month": e.list_month, "reported_on": e.reported_on or date.today(),
        "rows": [{k: v or "" for k, v in readable(s, x).items()} for x in rows]}, int(e.list_month[:4]))


@source("resettlement.half_year")
def half_year_context(s: Session, ref: str | None) -> Loaded:
    """The half-year report: `ref` is the period, 2024-H1 or 2024-H2."""
    return figures_context(s, stats.REPORT, ref, printed.HALF, "半年报的统计期间应写成 2024-H1（上半年）或 2024-H2（下半年）")


@source("resettlement.annual")
def annual_context(s: Session, ref: str | None) -> Loaded:
    """The annual report: `ref` is the year, 2024."""
    return figures_context(s, stats.REPORT, ref, printed.YEAR, "年报的统计期间应写成年份，如 2024")
