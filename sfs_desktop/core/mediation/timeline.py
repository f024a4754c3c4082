"""A mediation case's dated events, for its timeline: the steps it went through (from the case's
own dates), its 调查/调解记录, 回访, the forms printed for it (print log) and the scans attached.

Each source is ``(session, who, case_id) -> list[Event]``; ``core.timeline.events`` checks that
`who` may read the case before any source runs, and merges and orders what they give.
"""

from __future__ import annotations

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.attachments import Attachment
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.mediation import queries
from sfs_desktop.core.mediation.casefile import CASE_TABLE
from sfs_desktop.core.mediation.constants import FAILED, REJECTED, SUCCESS, WITHDRAWN
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationCase, MediationRecord
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.timeline import Event, local_day, print_events

CLOSINGS = {REJECTED: "不予受理", FAILED: "终止调解", WITHDRAWN: "当事人撤回", SUCCESS: "结案"}


def _step(case: MediationCase, day, title: str, detail: str = "", **kw) -> Event:
    return Event(day, "step", "办理", title, detail, CASE_TABLE, case.id, **kw)


def case_steps(s: Session, who: Principal, case_id: str) -> list[Event]:
    """登记, 受理, 同意继续调解, 达成协议, 申请司法确认, 结案 and 归档, each on its recorded date."""
    case = s.get(MediationCase, case_id)
    out = [_step(case, local_day(case.created_at), "登记", case.summary[:60], who=case.created_by, at=case.created_at)]
    if case.received_date:
        out.append(_step(case, case.received_date, f"受理{('，' + case.case_no) if case.case_no else ''}"))
    if case.continue_consent_on:
        out.append(_step(case, case.continue_consent_on, "双方当事人同意继续调解"))
    if case.agreement_date:
        form = codes.code_name(s, "agreement_form", case.agreement_form)
        deadline = f"，履行期限 {case.performance_deadline:%Y-%m-%d}" if case.performance_deadline else ""
        out.append(_step(case, case.agreement_date, f"达成{form}协议{deadline}"))
    if case.confirmation_applied_on:
        out.append(_step(case, case.confirmation_applied_on, f"申请司法确认（{case.confirmation_court or ''}）"))
    if case.closed_date:
        title = CLOSINGS.get(case.result or "", "结案")
        detail = case.rejection_reason or ("已告知其他解决途径" if case.result == FAILED else "")
        out.append(_step(case, case.closed_date, title, detail))
    if case.archived_date:
        out.append(_step(case, case.archived_date, "结案归档"))
    return out


def records(s: Session, who: Principal, case_id: str) -> list[Event]:
    return [Event(r.held_on, "record", "调查调解", f"{codes.code_name(s, 'mediation_record_kind', r.kind)}："
                  f"{r.subject or r.place}", f"{r.place}，{r.conducted_by}", MediationRecord.__tablename__, r.id,
                  r.created_by, r.created_at)
            for r in queries.case_records(s, who, case_id)]


def visits(s: Session, who: Principal, case_id: str) -> list[Event]:
    out = []
    for v in queries.case_visits(s, who, case_id):
        how = codes.code_name(s, "visit_method", v.method)
        result = "，".join(x for x in (codes.code_name(s, "performance", v.performance),
                                      codes.code_name(s, "satisfaction", v.satisfaction)) if x)
        out.append(Event(v.visit_date, "visit", "回访", f"回访{v.visitee}（{how}）" + (f"：{result}" if result else ""),
                         v.notes or "", FollowUpVisit.__tablename__, v.id, v.created_by, v.created_at))
    return out


def prints(s: Session, who: Principal, case_id: str) -> list[Event]:
    """Forms printed or saved for the case, its records and visits."""
    return print_events(s, [case_id, *(r.id for r in queries.case_records(s, who, case_id)),
                            *(v.id for v in queries.case_visits(s, who, case_id))])


def attachments(s: Session, who: Principal, case_id: str) -> list[Event]:
    """Scans filed in the case: named for the contents-list item, never for a person."""
    rows = s.exec(live(select(Attachment), Attachment).where(Attachment.record_table == CASE_TABLE,
                                                             Attachment.record_id == case_id)).all()
    return [Event(local_day(a.created_at), "attachment", "附件", f"附加{a.original_name}",
                  f"{max(a.size // 1024, 1)} KB", Attachment.__tablename__, a.id, a.created_by, a.created_at)
            for a in rows]

