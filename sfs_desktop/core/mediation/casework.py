"""The parts of a case staff fill in between transitions: parties and the agreement text.

Refusals name what is wrong in plain Chinese and change nothing. The transitions themselves
(受理, 达成协议, 归档 …) stay in :mod:`.rules`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session

from sfs_desktop.core import calendar, codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.ledger import LedgerQuery
from sfs_desktop.core.mediation.models import MediationAgreement, MediationCase, MediationCommittee, MediationParty
from sfs_desktop.core.mediation.rules import (CONFIRMATION_DAYS, FINISH_MONTHS, OPEN, WHEN, _case, agreement,
                                              parties, running_limit)
from sfs_desktop.core.people.parties import PartyRef, resolve
from sfs_desktop.core.security.access import Principal, check_row

PARTY_STEPS = ("draft", "accepted", "mediating")  # parties change only before the case is decided


def working_committee(s: Session, committee_id: str | None) -> MediationCommittee:
    committee = s.get(MediationCommittee, committee_id) if committee_id else None
    if committee is None or committee.deleted or not committee.active:
        raise UserError("请选择一个在运行的调解委员会")
    return committee


def register_case(s: Session, who: Principal, values: dict[str, Any], applicant: PartyRef | str,
                  respondent: PartyRef | str) -> MediationCase:
    """登记: a draft case and its two sides, chosen from the person registry (or named, if unique)."""
    working_committee(s, values.get("committee_id"))
    codes.refuse_invalid(s, MediationCase, values)
    sides = [resolve(s, applicant), resolve(s, respondent)]
    if sides[0] == sides[1]:
        raise UserError("申请人和被申请人不能是同一人")
    case = MediationCase(**values)
    check_row(who, MediationCase, case, write=True)
    s.add(case)
    s.flush()
    for role, side in zip(("01", "02"), sides):
        s.add(MediationParty(case_id=case.id, role=role, person_id=side.person_id, organization_id=side.organization_id))
    return case


def add_party(s: Session, who: Principal, case_id: str, role: str, party: PartyRef | str,
              agent_name: str | None = None) -> MediationParty:
    _case(s, who, case_id, *PARTY_STEPS)
    if not codes.code_exists(s, "party_role", role or ""):
        raise UserError("请选择当事人类别")
    side = resolve(s, party)
    for p in parties(s, case_id):
        if PartyRef(p.person_id, p.organization_id) == side:
            raise UserError("该人员（单位）已是本案当事人")
    row = MediationParty(case_id=case_id, role=role, person_id=side.person_id, organization_id=side.organization_id,
                         agent_name=(agent_name or "").strip() or None)
    s.add(row)
    return row


def remove_party(s: Session, who: Principal, case_id: str, party_id: str) -> None:
    _case(s, who, case_id, *PARTY_STEPS)
    row = s.get(MediationParty, party_id)
    if row is None or row.deleted or row.case_id != case_id:
        raise UserError("该当事人不在本案中")
    s.delete(row)  # a tombstone: the history keeps who was a party


def _amount(text: Any) -> str | None:
    if text in (None, ""):
        return None
    try:
        value = Decimal(str(text).replace(",", "").strip())
    except InvalidOperation:
        raise UserError(f"金额“{text}”不是数字") from None
    if value < 0 or value.as_tuple().exponent < -2:
        raise UserError(f"金额“{text}”应为不小于 0、至多两位小数的数字")
    return str(value)


def save_agreement(s: Session, who: Principal, case_id: str, *, form: str, facts: str, terms: list[dict],
                   manner: str | None, parties_signed: bool, mediator_signed: bool,
                   seal_affixed: bool) -> MediationAgreement:
    """The agreement as drafted or re-drafted while mediating; it takes effect at 达成协议."""
    _case(s, who, case_id, "mediating")
    if form not in ("1", "2"):
        raise UserError("请选择协议形式（书面或口头）")
    if not facts.strip():
        raise UserError("请填写纠纷主要事实、争议事项及各方责任")
    clean = []
    for i, t in enumerate(terms, 1):
        content = (t.get("content") or "").strip()
        if not content:
            if any((t.get(k) or "") for k in ("obligor", "amount", "deadline")):
                raise UserError(f"第 {i} 条协议内容是空的")
            continue
        deadline = t.get("deadline") or None
        if isinstance(deadline, str):
            try:
                deadline = date.fromisoformat(deadline.strip())
            except ValueError:
                raise UserError(f"第 {i} 条的履行期限“{deadline}”应写成 年-月-日，例如 2024-05-01") from None
        if isinstance(deadline, date):
            deadline = f"{deadline:%Y-%m-%d}"
        clean.append({"obligor": (t.get("obligor") or "").strip(), "content": content,
                      "amount": _amount(t.get("amount")), "deadline": deadline or None})
    if not clean:
        raise UserError("调解协议至少要有一条协议内容")
    ag = agreement(s, case_id) or MediationAgreement(case_id=case_id, facts="")
    ag.form, ag.facts, ag.terms, ag.manner = form, facts.strip(), clean, (manner or "").strip() or None
    ag.mediator_signed, ag.seal_affixed = mediator_signed, seal_affixed
    for p in parties(s, case_id):
        p.signed = parties_signed
        s.add(p)
    s.add(ag)
    return ag


def overdue_query(q: LedgerQuery, today: date) -> LedgerQuery:
    """`q` narrowed, in SQL, to the cases `is_overdue` marks (the ledger's 超期 filter): open, no
    consent to continue recorded, and received on or before the last day whose limit has passed."""
    last = today
    while calendar.due_date(last, FINISH_MONTHS, "month") >= today:
        last -= timedelta(days=1)
    return replace(q, equals={**q.equals, "continue_consent_on": None}, within={"status": OPEN},
                   date_field="received_date", date_from=None, date_to=last)


def is_overdue(case, today: date) -> bool:
    due = running_limit(case)
    return due is not None and today > due


def record_confirmation(s: Session, who: Principal, case_id: str, on: date, court: str) -> None:
    """申请司法确认 (人民调解法 §33): a written agreement, within 30 days of taking effect."""
    case = _case(s, who, case_id, *WHEN["confirm"])
    if case.agreement_form != "1":
        raise UserError("口头协议不能申请司法确认，须为书面调解协议")
    if not court.strip():
        raise UserError("请填写受理申请的人民法院")
    if on > date.today() or (case.agreement_date and on < case.agreement_date):
        raise UserError("申请日期应在协议生效日之后、今天之前")
    last = calendar.due_date(case.agreement_date, CONFIRMATION_DAYS, "day") if case.agreement_date else None
    if last and on > last:
        raise UserError(f"已超过三十日申请期限（{last:%Y-%m-%d} 届满），人民法院不予受理")
    case.confirmation_applied_on, case.confirmation_court = on, court.strip()
    s.add(case)


def record_risk(s: Session, who: Principal, case_id: str, reported_to: str) -> None:
    """有激化风险 (M28): the immediate task is to report it; the unit told is required."""
    case = _case(s, who, case_id, *WHEN["risk"])
    if not reported_to.strip():
        raise UserError("有激化可能的纠纷须及时报告，请填写已报告的单位（如派出所、乡镇综治中心）")
    case.escalation_risk, case.escalation_reported_to = True, reported_to.strip()
    s.add(case)
