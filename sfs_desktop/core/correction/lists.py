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

from sqlalchemy import or_
from sqlmodel import Session, select

from sfs_desktop.core import codes, ledger
from sfs_desktop.core.correction.models import CcLeave, CcSanctionDecision, CcSupervision, CcViolation, CorrectionSubject
from sfs_desktop.core.correction.work import require_s3, subject
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import Sensitivity, spec_of, specs
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal, scoped
from sfs_desktop.core.security.masking import display_value

SHORT_ID = 8  # how many characters of an id the list shows (and a person may type)


def subject_rows(s: Session, who: Principal) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The 社区矫正对象台账 as the ledger shows it (its columns, scope, order and masking, core.ledger):
    the column labels and (id, texts) per subject; refused without "s3.read"."""
    require_s3(who, False)
    columns = ledger.columns(CorrectionSubject)
    row_ids = ledger.ids(s, who, CorrectionSubject)
    shown = ledger.fetch(s, CorrectionSubject, row_ids, [c.name for c in columns])
    return [c.label for c in columns], [(i, shown[i]) for i in row_ids if i in shown]


def find_subject(s: Session, who: Principal, text: str) -> str:
    """The id of the subject `text` names (an id, its first characters, or a name borne by one)."""
    require_s3(who, False)
    text = (text or "").strip()
    if not text:
        raise UserError("请指明社区矫正对象（编号或姓名）")
    stmt = scoped(who, live(select(CorrectionSubject.id), CorrectionSubject), CorrectionSubject)
    found = list(s.exec(stmt.where(CorrectionSubject.id == text)).all())
    if not found and len(text) >= 4:
        found = list(s.exec(stmt.where(or_(CorrectionSubject.id.startswith(text),
                                          CorrectionSubject.name == text))).all())
    elif not found:
        found = list(s.exec(stmt.where(CorrectionSubject.name == text)).all())
    if not found:
        raise UserError(f"没有社区矫正对象“{text}”（用 correction list 查看编号）")
    if len(found) > 1:
        raise UserError(f"“{text}”对应 {len(found)} 名社区矫正对象，请改用编号（correction list 的第一列）")
    return found[0]


def proposal_id(s: Session, who: Principal, text: str) -> str:
    """The id of the proposal (a violation the station proposed a measure for) `text` names: its id
    or its first characters, as `proposals` lists them."""
    require_s3(who, False)
    text = (text or "").strip()
    stmt = scoped(who, live(select(CcViolation.id), CcViolation), CcViolation).where(CcViolation.proposed != None)  # noqa: E711
    found = list(s.exec(stmt.where(CcViolation.id == text)).all()) or (
        list(s.exec(stmt.where(CcViolation.id.startswith(text))).all()) if len(text) >= 4 else [])
    if len(found) != 1:
        raise UserError(f"没有提请“{text}”（用 correction proposals --pending 查看编号）" if not found
                        else f"“{text}”对应 {len(found)} 条提请，请多写几位编号")
    return found[0]


def subject_detail(s: Session, who: Principal, subject_id: str) -> list[tuple[str, str]]:
    """(label, text) of every declared field of one subject: an audited S3 view (criminal-record
    data in clear for the account entitled to it); S2 values (addresses) masked as in a form."""
    row = subject(s, who, subject_id)
    out = []
    for spec in specs(CorrectionSubject):
        value = getattr(row, spec.name)
        if value is None or spec.widget.value == "hidden":
            continue
        if spec.code_table:
            text = codes.code_name(s, spec.code_table, value)
        elif spec.ref == "person":
            person = s.get(Person, value)
            number = display_value(spec_of(Person, "id_number"), person.id_number) if person else ""
            text = f"{person.name}（{number or '未登记证件号码'}）" if person else value
        elif spec.ref in ledger.REF_LABELS:
            key, label = ledger.REF_LABELS[spec.ref]
            text = s.exec(select(label).where(key == value)).first() or value
        elif spec.sensitivity is Sensitivity.S3:
            text = "是" if value is True else "否" if value is False else str(value)
        else:
            text = display_value(spec, value)
        out.append((spec.label, text))
    return out


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
