"""What the command line shows of correction work, read in core as plain rows.

The subject list is the ledger's own sheet (same scope and masking); one subject, the proposals
awaiting the county and the county's decisions are S3 views for an account with "s3.read", each
audited (call them inside a write so the entry is kept). A subject is named the way a person types
it: its id, the first characters of its id (as the list shows them), or its name when only one
subject on the register bears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import codes, record_lists
from sfs_desktop.core.correction.models import CcLeave, CcSanctionDecision, CcSupervision, CcViolation, CorrectionSubject
from sfs_desktop.core.correction.work import require_s3, subject
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, scoped

SHORT_ID = record_lists.SHORT_ID


def subject_rows(s: Session, who: Principal) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The 社区矫正对象台账 as the ledger shows it (core.record_lists): the column labels and
    (id, texts) per subject; refused without "s3.read"."""
    require_s3(who, False)
    return record_lists.ledger_rows(s, who, CorrectionSubject)


def find_subject(s: Session, who: Principal, text: str) -> str:
    """The id of the subject `text` names (an id, its first characters, or a name borne by one)."""
    require_s3(who, False)
    return record_lists.find_id(s, who, CorrectionSubject, text, noun="社区矫正对象", listing="correction list")


def proposal_id(s: Session, who: Principal, text: str) -> str:
    """The id of the proposal (a violation the station proposed a measure for) `text` names: its id
    or its first characters, as `proposals` lists them."""
    require_s3(who, False)
    stmt = scoped(who, live(select(CcViolation.id), CcViolation), CcViolation).where(CcViolation.proposed != None)  # noqa: E711
    return record_lists.by_id(s, stmt, CcViolation, text, missing=f"没有提请“{text}”（用 correction proposals --pending 查看编号）",
                              many=f"“{text}”对应 {{n}} 条提请，请多写几位编号")


def subject_detail(s: Session, who: Principal, subject_id: str) -> list[tuple[str, str]]:
    """(label, text) of every declared field of one subject: an audited S3 view (criminal-record
    data in clear for the account entitled to it); S2 values (addresses) masked as in a form."""
    return record_lists.field_texts(s, CorrectionSubject, subject(s, who, subject_id))


@dataclass(frozen=True)
class Month:
    """One month of a subject's supervision events, by kind: (kind name, events, hours)."""

    month: str
    kinds: tuple[tuple[str, int, int], ...]


def supervision_months(s: Session, who: Principal, subject_id: str) -> list[Month]:
    subject(s, who, subject_id)
    rows = s.exec(live(select(CcSupervision.day, CcSupervision.kind, CcSupervision.hours), CcSupervision)
                  .where(CcSupervision.subject_id == subject_id).order_by(CcSupervision.day)).all()
    months: dict[str, dict[str, list[int]]] = {}
    for day, kind, hours in rows:
        slot = months.setdefault(f"{day:%Y-%m}", {}).setdefault(kind, [0, 0])
        slot[0] += 1
        slot[1] += hours or 0
    return [Month(m, tuple((codes.code_name(s, "cc_activity", k), n, h) for k, (n, h) in kinds.items()))
            for m, kinds in months.items()]


def leaves(s: Session, who: Principal, subject_id: str) -> list[str]:
    subject(s, who, subject_id)
    rows = s.exec(live(select(CcLeave), CcLeave).where(CcLeave.subject_id == subject_id).order_by(CcLeave.start)).all()
    return [f"{x.start:%Y-%m-%d} 至 {x.end:%Y-%m-%d}（{x.days} 日）\t{x.destination}\t"
            f"审批机关 {codes.code_name(s, 'cc_approver', x.approver)}\t{codes.code_name(s, 'cc_decision', x.decision)}"
            for x in rows]


@dataclass(frozen=True)
class Proposal:
    """A violation and what the station proposed; `decision` once the county decided."""

    id: str
    station: str
    subject: str
    occurred_on: date
    kind: str
    suggested: str
    proposed: str
    proposed_on: date | None
    decision: str | None = None  # 批准 / 不批准
    measure: str | None = None  # what the county decided
    decided_on: date | None = None
    decision_no: str | None = None
    note: str | None = None


def proposals(s: Session, who: Principal, *, subject_id: str | None = None, pending: bool | None = None,
              station: str | None = None) -> list[Proposal]:
    """The station's proposals (提请) with the county's decision if made: `pending` True only those
    awaiting it, False only decided ones. An audited S3 view."""
    require_s3(who, False)
    v, d = CcViolation, CcSanctionDecision
    stmt = (scoped(who, live(select(v, CorrectionSubject.name), v), v)
            .join(CorrectionSubject, CorrectionSubject.id == v.subject_id)
            .where(v.proposed != None).order_by(v.proposed_on, v.occurred_on))  # noqa: E711
    if subject_id:
        stmt = stmt.where(v.subject_id == subject_id)
    if station:
        stmt = stmt.where(v.owner == station)
    found = s.exec(stmt).all()
    decided = {x.violation_id: x for x in s.exec(live(select(d), d).where(
        d.violation_id.in_([row.id for row, _n in found]))).all()}
    name = lambda table, code: codes.code_name(s, table, code) if code else ""  # noqa: E731
    out = []
    for row, subject_name in found:
        x = decided.get(row.id)
        if pending is not None and (x is None) != pending:
            continue
        out.append(Proposal(row.id, row.owner, subject_name, row.occurred_on, name("cc_violation_kind", row.kind),
                            name("cc_sanction", row.suggested), name("cc_sanction", row.proposed), row.proposed_on,
                            *((name("cc_decision", x.decision), name("cc_sanction", x.measure), x.decided_on,
                               x.decision_no, x.note) if x else ())))
    audit.record(s, who.username, "view_s3", CcViolation.__tablename__, subject_id)
    return out
