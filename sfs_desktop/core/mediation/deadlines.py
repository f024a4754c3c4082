"""Mediation deadlines for the dashboard and `sfs-desktop due` (domain.md §3.4 table)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable

from sqlmodel import Session, select

from sfs_desktop.core import calendar, deadlines, params
from sfs_desktop.core.deadlines import DueItem
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.core.mediation.rules import CONFIRMATION_DAYS, running_limit

DUTY = "人民调解"


@deadlines.register
def mediation_due(s: Session, today: date) -> Iterable[DueItem]:
    yield from _renewals(s, today)
    warn_day = params.get(s, "mediation.warn_day")
    follow_days = params.get(s, "mediation.follow_up_days")
    archive_days = params.get(s, "mediation.archive_days")
    open_cases = s.exec(select(MediationCase).where(
        MediationCase.deleted == False, MediationCase.status.in_(["accepted", "mediating", "agreed", "follow_up",  # noqa: E712
                                                                 "terminated", "withdrawn", "rejected"]))).all()
    for c in open_cases:
        ref = c.case_no or "（未编号）"
        due = running_limit(c)
        if due:
            yield DueItem(DUTY, ref, "调解期限（一个月）", "人民调解工作若干规定第三十三条；超期须双方同意继续", due,
                          "mediation_case", c.id, notice_from=c.received_date + timedelta(days=warn_day))
        if c.status in ("agreed", "follow_up") and c.agreement_date and c.confirmation_applied_on is None \
                and c.agreement_form == "1":
            due = calendar.due_date(c.agreement_date, CONFIRMATION_DAYS, "day")
            if due >= today:
                yield DueItem(DUTY, ref, "司法确认申请期限", "人民调解法第三十三条：协议生效之日起三十日内", due,
                              "mediation_case", c.id)
        if c.status == "agreed" and c.performance_deadline:
            yield DueItem(DUTY, ref, "履行期满回访", f"履行期满后 {follow_days} 日内回访",
                          calendar.due_date(c.performance_deadline, follow_days, "day"), "mediation_case", c.id)
        if c.status in ("terminated", "withdrawn", "rejected", "follow_up") and c.closed_date:
            yield DueItem(DUTY, ref, "结案归档", f"结案后 {archive_days} 日内归档",
                          calendar.due_date(c.closed_date, archive_days, "day"), "mediation_case", c.id)


RENEWAL_NOTICE_DAYS = 90  # elections take organising: remind a quarter ahead


def _renewals(s: Session, today: date) -> Iterable[DueItem]:
    """调委会换届 (人民调解法 §9: a three-year term), from a quarter before the term ends."""
    rows = s.exec(select(MediationCommittee).where(
        MediationCommittee.deleted == False, MediationCommittee.active == True,  # noqa: E712
        MediationCommittee.term_end != None,  # noqa: E711
        MediationCommittee.term_end <= today + timedelta(days=RENEWAL_NOTICE_DAYS))).all()
    for c in rows:
        yield DueItem(DUTY, c.name, "调解委员会换届", "人民调解法第九条：委员每届任期三年", c.term_end,
                      "mediation_committee", c.id, notice_from=c.term_end - timedelta(days=RENEWAL_NOTICE_DAYS))
