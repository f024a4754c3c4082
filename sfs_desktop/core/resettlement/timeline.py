"""A released person's dated events, for the timeline, one source per table: the person's own steps
(notice, release, 衔接, category changes, agreement, ending, and the correction history it came
from), contacts (走访, 谈话, 思想动态了解), help measures (R11), re-offence and lost contact.

Each source is ``(session, who, person_id) -> list[Event]``; ``core.timeline.events`` checks that
`who` may read the person (S3) first. Titles name codes, never an ID number. The quick entries save
through ``core.timeline.add`` and then the rule of `.work`: one path, one rule.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, select

from sfs_desktop.core import codes, timeline
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.models import (ReleasedPerson, RpCategoryChange, RpContact, RpLostContact,
                                                  RpReoffence, RpResettlement)
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.timeline import Event

PERSON = ReleasedPerson.__tablename__


def _rows(s: Session, model, person_id: str) -> list:
    return list(s.exec(live(select(model), model).where(model.person_id == person_id)).all())


def _name(s: Session, kind: str, code: str | None) -> str:
    return codes.code_name(s, kind, code)


def person_steps(s: Session, who: Principal, person_id: str) -> list[Event]:
    """收到通知书, 释放, 衔接 (by method), each category change, 协议, the ending; a person handed over
    from correction names the correction subject, so its history opens from here."""
    r = s.get(ReleasedPerson, person_id)
    out = []
    for day, title, detail in (
            (r.notice_received_on, "收到刑满释放人员通知书", r.prison or ""),
            (r.release_date, _name(s, "rp_release_type", r.release_type), r.certificate_no or ""),
            (r.handover_on, f"衔接：{_name(s, 'rp_handover', r.handover_method)}", r.handover_staff or ""),
            (r.agreement_on, "签订帮教协议", ""),
            (r.ended_on, f"{_name(s, 'rp_status', r.status)}", (r.end_summary or "")[:200])):
        if day:
            out.append(Event(day, "step", "帮教", title, detail, PERSON, r.id))
    if r.correction_subject_id:
        out.append(Event(r.release_date, "step", "帮教", "由社区矫正移交（原矫正档案）", "", "correction_subject",
                         r.correction_subject_id))
    for x in _rows(s, RpCategoryChange, person_id):
        risk = f"，风险{_name(s, 'cc_risk', x.risk)}" if x.risk else ""
        out.append(Event(x.changed_on, "step", "帮教", f"帮教类别：{_name(s, 'rp_category', x.category)}{risk}", x.reason,
                         RpCategoryChange.__tablename__, x.id, x.created_by, x.created_at))
    return out


def contacts(s: Session, who: Principal, person_id: str) -> list[Event]:
    return [Event(e.day, e.kind, TIMELINE.label(e.kind), _name(s, "rp_contact_kind", e.kind) + (f"（{e.place}）" if e.place
                                                                                                 else ""),
                  (e.content or "")[:200], RpContact.__tablename__, e.id, e.staff or e.created_by, e.created_at)
            for e in _rows(s, RpContact, person_id)]


def measures(s: Session, who: Principal, person_id: str) -> list[Event]:
    return [Event(m.day, "measure", "安置帮扶", f"安置帮扶：{_name(s, 'rp_measure', m.kind)}",
                  "；".join(x for x in (m.provider, m.result) if x), RpResettlement.__tablename__, m.id, m.created_by,
                  m.created_at)
            for m in _rows(s, RpResettlement, person_id)]


def incidents(s: Session, who: Principal, person_id: str) -> list[Event]:
    """重新违法犯罪, 失联 and when found again."""
    out = [Event(x.day, "reoffence", "重新犯罪", "重新违法犯罪", x.source or "", RpReoffence.__tablename__, x.id,
                 x.created_by, x.created_at) for x in _rows(s, RpReoffence, person_id)]
    for x in _rows(s, RpLostContact, person_id):
        out.append(Event(x.lost_on, "lost", "失联", "失联", (x.measures or "")[:200], RpLostContact.__tablename__, x.id,
                         x.created_by, x.created_at))
        if x.found_on:
            out.append(Event(x.found_on, "lost", "失联", "已找到", "", RpLostContact.__tablename__, x.id))
    return out


def save_contact(s: Session, who: Principal, person_id: str, values: dict[str, Any]) -> RpContact:
    values = {k: v for k, v in values.items() if k != "person_id"}
    return work.record_contact(s, who, person_id, values, today=date.today())


def save_measure(s: Session, who: Principal, person_id: str, values: dict[str, Any]) -> RpResettlement:
    values = {k: v for k, v in values.items() if k != "person_id"}
    return work.add_measure(s, who, person_id, values, today=date.today())


_HERE = "sfs_desktop.core.resettlement.timeline"


def _contact(key: str, label: str) -> timeline.QuickEntry:
    return timeline.QuickEntry(key, key, label, "sfs_desktop.core.resettlement.models:RpContact",
                               f"{_HERE}:save_contact", "person_id", fixed={"kind": key},
                               only=("day", "place", "content", "staff"), date_field="day")


TIMELINE = timeline.Timeline(
    kinds=(timeline.Kind("visit", "走访"), timeline.Kind("talk", "谈话"), timeline.Kind("check", "思想动态"),
           timeline.Kind("measure", "安置帮扶"), timeline.Kind("reoffence", "重新犯罪"), timeline.Kind("lost", "失联"),
           timeline.Kind("step", "帮教")),
    sources=tuple(f"{_HERE}:{name}" for name in ("person_steps", "contacts", "measures", "incidents")),
    quick=(_contact("visit", "登记走访"), _contact("talk", "登记谈话"), _contact("check", "思想动态了解"),
           timeline.QuickEntry("measure", "measure", "安置帮扶", "sfs_desktop.core.resettlement.models:RpResettlement",
                               f"{_HERE}:save_measure", "person_id", only=("kind", "day", "provider", "result"),
                               date_field="day")),
)
