"""The case workspace, declared: header, the steps of §3.4, the case's forms, its timeline, and
what its tabs show (parties, records, agreement, visits, 卷宗), read in core as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from sfs_desktop.core import codes
from sfs_desktop.core.mediation import casefile, casework, queries, rules
from sfs_desktop.core.mediation.documents import dispute_name
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.timeline import Kind, QuickEntry, Timeline
from sfs_desktop.core.workspace import HeaderItem, PrintAction, Step, Workspace

_TIMELINE = "sfs_desktop.core.mediation.timeline"
_HERE = "sfs_desktop.core.mediation.workspace"

STEPS = tuple(Step(key, label, rules.WHEN[key]) for key, label in (
    ("accept", "受理"), ("reject", "不予受理"), ("start", "指定调解员"), ("consent", "记录同意继续调解"),
    ("agree", "达成协议"), ("terminate", "终止调解"), ("withdraw", "撤回"), ("risk", "报告激化风险"),
    ("confirm", "记录司法确认"), ("archive", "归档")))

WORKSPACE = Workspace(
    table="mediation_case", title="调解案件",
    header=f"{_HERE}:header", refusal=f"{_HERE}:refusal", parts=f"{_HERE}:parts",
    steps=STEPS,
    prints=(PrintAction("mediation.cover", "卷宗封面（含封底）"), PrintAction("mediation.contents", "卷内目录"),
            PrintAction("mediation.application", "人民调解申请书"),
            PrintAction("mediation.registration", "人民调解受理登记表"),
            PrintAction("mediation.notice", "当事人权利义务告知书"), PrintAction("mediation.closing", "人民调解结案报告表")),
    timeline=Timeline(
        kinds=(Kind("step", "办理"), Kind("record", "调查调解"), Kind("visit", "回访"), Kind("print", "打印"),
               Kind("attachment", "附件")),
        sources=(f"{_TIMELINE}:case_steps", f"{_TIMELINE}:records", f"{_TIMELINE}:visits", f"{_TIMELINE}:prints",
                 f"{_TIMELINE}:attachments"),
        quick=(QuickEntry("visit", "visit", "登记回访", "sfs_desktop.core.mediation.models:FollowUpVisit",
                          "sfs_desktop.core.mediation.work:add_visit", "case_id", date_field="visit_date"),
               QuickEntry("investigation", "record", "调查记录", "sfs_desktop.core.mediation.models:MediationRecord",
                          "sfs_desktop.core.mediation.work:add_record", "case_id", fixed={"kind": "1"},
                          only=("held_on", "place", "conducted_by", "recorder", "present", "subject", "body"),
                          date_field="held_on"),
               QuickEntry("sitting", "record", "调解记录", "sfs_desktop.core.mediation.models:MediationRecord",
                          "sfs_desktop.core.mediation.work:add_record", "case_id", fixed={"kind": "2"},
                          only=("held_on", "place", "conducted_by", "recorder", "present", "body", "outcome"),
                          date_field="held_on"))),
)


def refusal(case: MediationCase, step: Step) -> str | None:
    return rules.status_refusal(case, step.when)


def header(s: Session, case: MediationCase, today: date) -> list[HeaderItem]:
    """Number, dispute, state, committee, dates, and in red what needs doing now."""
    committee = s.get(MediationCommittee, case.committee_id)
    items = [HeaderItem(case.case_no or "登记草稿（受理后编号）", strong=True), HeaderItem(dispute_name(s, case)),
             HeaderItem(f"状态：{rules.STATUS_NAMES[case.status]}"),
             HeaderItem(f"调解委员会：{committee.name if committee else ''}")]
    if case.received_date:
        items.append(HeaderItem(f"受理日期：{case.received_date:%Y-%m-%d}"))
    if case.escalation_risk:
        items.append(HeaderItem(f"有激化风险（已报告{case.escalation_reported_to or ''}）", alert=True))
    if case.confirmation_applied_on:
        items.append(HeaderItem(f"已申请司法确认：{case.confirmation_applied_on:%Y-%m-%d}"))
    due = rules.due_to_finish(case)
    if due and case.status in rules.OPEN:
        late = casework.is_overdue(case, today)
        items.append(HeaderItem(f"办理期限：{due:%Y-%m-%d}" + ("（已超期，须双方同意继续调解）" if late else ""), alert=late))
    return items


@dataclass
class CaseParts:
    """What the case's tabs show, as display text (codes named, dates written out)."""

    parties: list[tuple[str, list[str], bool]] = field(default_factory=list)  # (id, [类别, 姓名, 代理人], signed)
    parties_open: bool = True  # parties may still be added or removed
    records: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (id, kind code, [类别, 时间, …])
    visits: list[tuple[str, list[str]]] = field(default_factory=list)
    agreement: dict | None = None  # form, facts, terms, manner, signed flags
    drafting: bool = False  # the agreement is written while mediating, then fixed
    contents: list[casefile.Entry] = field(default_factory=list)
    mediators: list[tuple[str, str]] = field(default_factory=list)  # serving mediators of the case's committee


def parts(s: Session, who: Principal, case: MediationCase, today: date) -> CaseParts:
    out = CaseParts(parties_open=case.status in casework.PARTY_STEPS, drafting=case.status == "mediating")
    ps = rules.parties(s, case.id)
    for p in ps:
        party = s.get(Person, p.person_id) if p.person_id else s.get(Organization, p.organization_id)
        out.parties.append((p.id, [codes.code_name(s, "party_role", p.role), party.name if party else "",
                                   p.agent_name or ""], p.signed))
    for r in queries.case_records(s, who, case.id):
        out.records.append((r.id, r.kind, [codes.code_name(s, "mediation_record_kind", r.kind), f"{r.held_on:%Y-%m-%d}",
                                           r.place, r.conducted_by, r.subject or ""]))
    for v in queries.case_visits(s, who, case.id):
        out.visits.append((v.id, [f"{v.visit_date:%Y-%m-%d}", v.visitee, codes.code_name(s, "visit_method", v.method),
                                  codes.code_name(s, "performance", v.performance),
                                  codes.code_name(s, "satisfaction", v.satisfaction)]))
    ag = rules.agreement(s, case.id)
    if ag is not None:
        out.agreement = {"form": ag.form, "facts": ag.facts, "terms": list(ag.terms), "manner": ag.manner or "",
                         "parties": bool(ps) and all(p.signed for p in ps), "mediator": ag.mediator_signed,
                         "seal": ag.seal_affixed}
    out.contents = casefile.contents(s, case)
    out.mediators = queries.serving_mediators(s, who, case.committee_id)
    return out
