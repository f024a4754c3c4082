"""What mediation's pages list, read in core with the principal's scope (the UI runs no query of its own)."""

from __future__ import annotations

from sqlmodel import Session, select

from sfs_desktop.core.db.synced import live
from sfs_desktop.core.mediation.constants import SERVING
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationCommittee, MediationRecord, Mediator
from sfs_desktop.core.security.access import Principal, check_record, scoped


def serving(stmt):
    """`stmt` over Mediator narrowed to mediators in office (the one spelling of "active mediator")."""
    return live(stmt, Mediator).where(Mediator.status == SERVING)


def committees(s: Session, who: Principal, *, working_only: bool = False) -> list[tuple[str, str]]:
    """(id, name) of the committees `who` may see; `working_only`: those marked active."""
    stmt = live(select(MediationCommittee.id, MediationCommittee.name), MediationCommittee)
    if working_only:
        stmt = stmt.where(MediationCommittee.active == True)  # noqa: E712
    return [tuple(r) for r in s.exec(scoped(who, stmt, MediationCommittee)).all()]


def first_working_committee(s: Session, who: Principal) -> str | None:
    """The usual choice for a new case: the first working committee `who` may use."""
    found = committees(s, who, working_only=True)
    return found[0][0] if found else None


def serving_mediators(s: Session, who: Principal, committee_id: str | None = None) -> list[tuple[str, str]]:
    """(id, name) of mediators in office, by name; of one committee when given."""
    stmt = serving(select(Mediator.id, Mediator.name))
    if committee_id is not None:
        stmt = stmt.where(Mediator.committee_id == committee_id)
    return [tuple(r) for r in s.exec(scoped(who, stmt.order_by(Mediator.name), Mediator)).all()]


def case_records(s: Session, who: Principal, case_id: str) -> list[MediationRecord]:
    """A case's 调查与调解记录, oldest first (the case's rule decides who may read them)."""
    check_record(s, who, "mediation_case", case_id)
    return list(s.exec(live(select(MediationRecord), MediationRecord).where(MediationRecord.case_id == case_id)
                       .order_by(MediationRecord.held_on)).all())


def case_visits(s: Session, who: Principal, case_id: str) -> list[FollowUpVisit]:
    """A case's 回访 records, oldest first."""
    check_record(s, who, "mediation_case", case_id)
    return list(s.exec(live(select(FollowUpVisit), FollowUpVisit).where(FollowUpVisit.case_id == case_id)
                       .order_by(FollowUpVisit.visit_date)).all())
