"""What the command line shows of 安置帮教 work, read in core as plain rows.

The ledger is the GUI's own sheet (same scope and masking, core.record_lists); one person is an
audited S3 view (call it inside a write so the entry is kept): its fields, the timeline (contacts,
measures, category changes, lost contact, re-offence), the team (phones masked) and its due items.
A person is named by id, the first characters the list shows, or a name only one person bears; a
pre-release list entry by id or its first characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import codes, record_lists, timeline
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.fields import spec_of
from sfs_desktop.core.resettlement import work, workspace
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpCategoryChange, RpPrerelease, RpTeamMember
from sfs_desktop.core.resettlement.timeline import TIMELINE
from sfs_desktop.core.s3records import require_s3
from sfs_desktop.core.security.access import Principal, scoped
from sfs_desktop.core.security.masking import display_value

LISTING = "resettlement list"


def person_rows(s: Session, who: Principal) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The 安置帮教对象台账 as the ledger shows it; refused without "s3.read"."""
    require_s3(who, False)
    return record_lists.ledger_rows(s, who, ReleasedPerson)


def find_person(s: Session, who: Principal, text: str) -> str:
    require_s3(who, False)
    return record_lists.find_id(s, who, ReleasedPerson, text, noun="安置帮教对象", listing=LISTING)


@dataclass(frozen=True)
class PersonView:
    """One released person as `resettlement show` prints it."""

    fields: list[tuple[str, str]]
    events: list[tuple[date, str, str]]  # (day, title, detail), newest first
    team: list[str]
    categories: list[str]  # R7's history, oldest first
    due: list[tuple[date, str, bool]]  # (due day, what, overdue), soonest first


def person_view(s: Session, who: Principal, row_id: str, today: date) -> PersonView:
    """An audited S3 view of one person (recorded once)."""
    row = work.released(s, who, row_id)
    events = [(e.day, e.title, e.detail) for e in timeline.events(s, who, TIMELINE, ReleasedPerson.__tablename__,
                                                                     row.id)]
    phone = spec_of(RpTeamMember, "phone")
    team = ["\t".join(x for x in (m.name, codes.code_name(s, "rp_team_role", m.role), display_value(phone, m.phone),
                                  m.duties, None if m.active else "（已退出）") if x)
            for m in s.exec(live(select(RpTeamMember), RpTeamMember).where(RpTeamMember.person_id == row.id)
                            .order_by(RpTeamMember.created_at)).all()]
    categories = [f"{c.changed_on:%Y-%m-%d}\t{codes.code_name(s, 'rp_category', c.category)}"
                  + (f"\t风险{codes.code_name(s, 'cc_risk', c.risk)}" if c.risk else "") + f"\t{c.reason}"
                  for c in s.exec(live(select(RpCategoryChange), RpCategoryChange)
                                  .where(RpCategoryChange.person_id == row.id)
                                  .order_by(RpCategoryChange.changed_on, RpCategoryChange.created_at)).all()]
    return PersonView(record_lists.field_texts(s, ReleasedPerson, row), events, team, categories,
                      workspace.parts(s, who, row, today).due)


@dataclass(frozen=True)
class Entry:
    """A person on the county's pre-release list and whether the station has found them."""

    id: str
    month: str
    name: str
    release_date: date
    found: str | None  # the released person's name once matched (衔接)
    steps: str | None
    reported_on: date | None


def entries(s: Session, who: Principal, month: str | None = None) -> list[Entry]:
    """The pre-release list (one month's, or every month's): found and not yet found (未衔接)."""
    require_s3(who, False)
    stmt = scoped(who, live(select(RpPrerelease), RpPrerelease), RpPrerelease)
    if month:
        stmt = stmt.where(RpPrerelease.list_month == month)
    rows = s.exec(stmt.order_by(RpPrerelease.list_month, RpPrerelease.release_date, RpPrerelease.name)).all()
    names = dict(s.exec(select(ReleasedPerson.id, ReleasedPerson.name).where(
        ReleasedPerson.id.in_([r.matched_id for r in rows if r.matched_id]))).all())
    return [Entry(r.id, r.list_month, r.name, r.release_date, r.matched_id and names.get(r.matched_id, r.name),
                  r.steps, r.reported_on) for r in rows]


def find_entry(s: Session, who: Principal, text: str) -> str:
    """The id of the list entry `text` names: its id or its first characters, as `prelist` shows them."""
    require_s3(who, False)
    stmt = scoped(who, live(select(RpPrerelease.id), RpPrerelease), RpPrerelease)
    return record_lists.by_id(s, stmt, RpPrerelease, text, missing=f"预释放名单中没有“{text}”（用 resettlement prelist 查看编号）",
                              many=f"“{text}”对应 {{n}} 条名单记录，请多写几位编号")
