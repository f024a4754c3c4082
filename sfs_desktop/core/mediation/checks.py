"""Every rule the mediation duty enforces, run over the data already stored: what a transition
would have refused (rules.py, casework.py), what a register would have refused (committees.py),
what a 卷宗 lacks (casefile.py), and duplicates and dangling references.

The demo generator must pass it (tests/mediation/test_demo_rules.py); a station may run it to
find records entered before a rule existed. Messages name the record by 案号 or committee name,
never a party.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs
from sfs_desktop.core.mediation import casefile, casework, rules
from sfs_desktop.core.mediation.committees import AREA_TYPES, SERVING
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, GuidanceRecord, MediationAgreement,
                                               MediationCase, MediationCommittee, MediationParty, MediationRecord,
                                               Mediator, MediatorTraining)
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.station.models import AdminArea, Staff

DECIDED = ("terminated", "withdrawn", "rejected", "archived")  # the transitions into these set 结案日期


def _live(s: Session, model) -> list:
    return list(s.exec(select(model).where(model.deleted == False)).all())  # noqa: E712


def _valid(s: Session, model, row, what: str) -> list[str]:
    values = {f.name: getattr(row, f.name) for f in specs(model)}
    try:
        codes.refuse_invalid(s, model, values)
    except UserError as e:
        return [f"{what}：{e}"]
    return []


def _duplicates(what: str, keys: list) -> list[str]:
    return [f"{what}重复：{k}（{n} 条）" for k, n in Counter(k for k in keys if k).items() if n > 1]


def problems(s: Session, today: date | None = None) -> list[str]:
    """Every violation found, in plain Chinese; [] when the data keeps every rule."""
    today = today or date.today()
    out: list[str] = []
    committees = {c.id: c for c in _live(s, MediationCommittee)}
    mediators = {m.id: m for m in _live(s, Mediator)}
    cases = _live(s, MediationCase)

    # registers: villages, staff, people, committees, mediators
    out += _duplicates("村（社区）代码", [a.code for a in _live(s, AdminArea)])
    out += _duplicates("工作人员身份证号", [p.id_number for p in _live(s, Staff)])
    out += _duplicates("人员身份证号", [p.id_number for p in _live(s, Person)])
    out += _duplicates("调解委员会", [c.name for c in committees.values()])
    out += _duplicates("村（社区）在运行的调解委员会",
                       [c.area_code for c in committees.values() if c.active and c.committee_type in AREA_TYPES])
    out += _duplicates("在任调解员", [(m.person_id, m.committee_id) for m in mediators.values() if m.status == SERVING])
    out += _duplicates("案号", [c.case_no for c in cases])
    for c in committees.values():
        out += _valid(s, MediationCommittee, c, c.name)
        if c.committee_type in AREA_TYPES and not c.area_code:
            out.append(f"{c.name}：村（社区）调解委员会没有所在村（社区）")
        if c.term_start and c.term_end and c.term_end <= c.term_start:
            out.append(f"{c.name}：任期届满日期不晚于开始日期")
        if c.active:
            out += [f"{c.name}：{p}" for p in rules.committee_problems(s, c)]
    persons = {p.id: p for p in s.exec(select(Person).where(Person.id.in_([m.person_id for m in mediators.values()])))}
    for m in mediators.values():
        if m.committee_id not in committees:
            out.append(f"调解员{m.name}：所在调解委员会不存在")
        person = persons.get(m.person_id)
        if person is None:
            out.append(f"调解员{m.name}：人员信息库中没有此人")
        elif person.gender != m.gender:
            out.append(f"调解员{m.name}：性别与人员信息库不一致")

    # cases: what each transition on the way to the current state checks
    party_count = Counter(p.case_id for p in _live(s, MediationParty))
    agreements = {a.case_id: a for a in _live(s, MediationAgreement)}
    for case in cases:
        name = case.case_no or case.id
        out += _valid(s, MediationCase, case, name)
        committee = committees.get(case.committee_id)
        if committee is None:
            out.append(f"{name}：调解委员会不存在")
            continue
        if case.status == "draft":
            continue
        if party_count[case.id] < rules.MIN_PARTIES:
            out.append(f"{name}：当事人少于 {rules.MIN_PARTIES} 方")
        received = case.received_date
        if case.status != "rejected":
            if received is None:
                out.append(f"{name}：已受理但没有受理日期")
                continue
            if received > today:
                out.append(f"{name}：受理日期在今天之后")
            if not rules.committee_active_on(committee, received):
                out.append(f"{name}：受理日期 {received} 调解委员会不在任期内")
        if case.status not in ("draft", "accepted", "rejected"):
            if not case.mediator_ids:
                out.append(f"{name}：没有指定调解员")
            for mid in case.mediator_ids:
                m = mediators.get(mid)
                if m is None or m.committee_id != case.committee_id:
                    out.append(f"{name}：调解员不属于本案的调解委员会")
        if casework.is_overdue(case, today):
            out.append(f"{name}：已超过一个月调解期限且未记录双方同意继续调解")
        for label, day in (("协议生效日期", case.agreement_date), ("结案日期", case.closed_date),
                           ("归档日期", case.archived_date), ("双方同意延长调解日期", case.continue_consent_on)):
            if day and day > today:
                out.append(f"{name}：{label}在今天之后")
            if day and received and day < received:
                out.append(f"{name}：{label}早于受理日期")
        if case.status in DECIDED and case.closed_date is None:
            out.append(f"{name}：已办结但没有结案日期")
        if case.archived_date and case.closed_date and case.archived_date < case.closed_date:
            out.append(f"{name}：归档日期早于结案日期")
        if case.result == rules.SUCCESS:
            ag = agreements.get(case.id)
            if ag is None or not ag.terms:
                out.append(f"{name}：调解成功但没有调解协议（或协议没有内容）")
            elif ag.form == "1" and not (ag.mediator_signed and ag.seal_affixed and all(
                    p.signed for p in rules.parties(s, case.id))):
                out.append(f"{name}：书面协议未经各方签名、调解员签名并加盖印章即生效（人民调解法第二十九条）")
            if ag is not None and ag.signed_date != case.agreement_date:
                out.append(f"{name}：协议签订日期与案件的协议生效日期不一致")
            due = rules.due_to_finish(case)
            if case.agreement_date and due and case.agreement_date > due and case.continue_consent_on is None:
                out.append(f"{name}：超过一个月达成协议，但没有双方同意继续调解的记录")
        if case.status == "terminated" and not case.informed_other_routes:
            out.append(f"{name}：终止调解未告知其他解决途径（人民调解法第二十六条）")
        if case.status == "archived":
            missing = casefile.missing(s, case)
            if missing:
                out.append(f"{name}：已归档但卷宗缺少" + "、".join(missing))

    # records hanging off a case, and the station's own work
    by_id = {c.id: c for c in cases}
    dated = ((FollowUpVisit, "visit_date", "agreement_date", "回访记录", "回访日期应在协议生效之后、今天之前"),
             (MediationRecord, "held_on", "received_date", "调解（调查）记录", "记录日期应在受理之后、今天之前"))
    for model, day_field, since_field, what, wrong in dated:
        for row in _live(s, model):
            case, day = by_id.get(row.case_id), getattr(row, day_field)
            since = getattr(case, since_field) if case is not None else None
            if case is None:
                out.append(f"{what}：案件不存在")
            elif day > today or (since and day < since):
                out.append(f"{case.case_no}：{wrong}")
    for row in _live(s, DisputeScreening):
        out += _valid(s, DisputeScreening, row, f"排查记录 {row.screened_on}")
        if row.case_id and row.case_id not in by_id:
            out.append(f"排查记录 {row.screened_on}：转立的案件不存在")
        if row.target_date and row.target_date < row.screened_on:
            out.append(f"排查记录 {row.screened_on}：化解限期早于排查日期")
    for g in _live(s, GuidanceRecord):
        out += _valid(s, GuidanceRecord, g, f"指导记录 {g.guided_on}")
        if g.committee_id not in committees:
            out.append(f"指导记录 {g.guided_on}：调解委员会不存在")
    for t in _live(s, MediatorTraining):
        out += _valid(s, MediatorTraining, t, f"培训 {t.topic}")
        if any(a not in mediators for a in t.attendee_ids):
            out.append(f"培训 {t.topic}：参训调解员不存在")
    return out
