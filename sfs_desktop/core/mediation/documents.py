"""Where the 人民调解 forms (:mod:`.forms`) find their values: one source per form.

A source takes a record id or document number and returns what the form prints. Case forms take
the case (id or 案号); 调查记录/调解记录 take the record; 回访记录 the visit; 排查登记表 the
screening; 排查台账 a year ("2024"). Only what the form needs is loaded (domain.md §13).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import codes
from sfs_desktop.core.calendar import age_on
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation import casefile, rules
from sfs_desktop.core.mediation.forms import NOTICE_DUTIES, NOTICE_RIGHTS
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, MediationCase, MediationCommittee,
                                               MediationParty, MediationRecord, Mediator)
from sfs_desktop.core.mediation.rules import agreement, parties
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.people.registry import id_label
from sfs_desktop.core.printing.formats import official_date
from sfs_desktop.core.printing.service import Loaded, record, source, station
from sfs_desktop.core.printing.volume import Filed, contents_rows, printed_pages

CASE = "mediation_case"
KEEP_FOR = "长期"  # 保管期限 of a mediation file unless the county sets mediation.keep_for


def find_case(s: Session, ref: str | None) -> MediationCase:
    if not ref:
        raise UserError("请指定案件（记录编号或案号）")
    case = s.get(MediationCase, ref) or s.exec(select(MediationCase).where(MediationCase.case_no == ref)).first()
    if case is None or case.deleted:
        raise UserError(f"找不到案件“{ref}”")
    return case


# --- what the forms say about parties ------------------------------------------------------

def _name(s: Session, party: MediationParty) -> str:
    if party.person_id:
        p = s.get(Person, party.person_id)
        return p.name if p else ""
    o = s.get(Organization, party.organization_id) if party.organization_id else None
    return o.name if o else ""


def _particulars(s: Session, party: MediationParty | None, on: date) -> dict[str, str]:
    """姓名/性别/民族/年龄/职业/联系方式/单位或住址 of F-M3 (an organisation: name, 法定代表人, 住所)."""
    if party is None:
        return {}
    if party.person_id:
        p = s.get(Person, party.person_id)
        return {"name": p.name, "gender": codes.code_name(s, "gender", p.gender),
                "ethnicity": codes.code_name(s, "ethnicity", p.ethnicity),
                "age": f"{age_on(p.birth_date, on)}岁" if p.birth_date else "", "occupation": p.occupation or "",
                "phone": p.phone or "", "address": p.employer or p.residence_address or ""}
    o = s.get(Organization, party.organization_id)
    return {"name": o.name, "occupation": f"法定代表人{o.legal_rep}" if o.legal_rep else "",
            "phone": o.phone or "", "address": o.address or ""}


def _describe(s: Session, party: MediationParty) -> str:
    """One party as the agreement names it (人民调解法 §29), ID number included."""
    role = codes.code_name(s, "party_role", party.role)
    if party.person_id:
        p = s.get(Person, party.person_id)
        bits = [p.name, codes.code_name(s, "gender", p.gender), codes.code_name(s, "ethnicity", p.ethnicity),
                f"{official_date(p.birth_date)}出生" if p.birth_date else "", p.occupation or "",
                f"{id_label(s, p.id_type)}{p.id_number}" if p.id_number else "",
                f"住{p.residence_address}" if p.residence_address else "", f"电话{p.phone}" if p.phone else ""]
    else:
        o = s.get(Organization, party.organization_id)
        bits = [o.name, f"统一社会信用代码{o.uscc}" if o.uscc else "", f"法定代表人{o.legal_rep}" if o.legal_rep else "",
                f"住所{o.address}" if o.address else ""]
    text = f"{role}：" + "，".join(b for b in bits if b)
    return text + (f"；委托代理人：{party.agent_name}" if party.agent_name else "")


def _contact(s: Session, party: MediationParty) -> str:
    """Name, address and phone: what the 结案报告表 asks of each party."""
    if party.person_id:
        p = s.get(Person, party.person_id)
        bits = [p.name, p.residence_address or "", p.phone or ""]
    else:
        o = s.get(Organization, party.organization_id)
        bits = [o.name, o.address or "", o.phone or ""]
    return "，".join(b for b in bits if b)


def _sides(s: Session, case: MediationCase) -> tuple[list[MediationParty], list[MediationParty]]:
    ps = parties(s, case.id)
    return [p for p in ps if p.role == "01"], [p for p in ps if p.role != "01"]


def dispute_name(s: Session, case: MediationCase) -> str:
    """张三与李四邻里纠纷: the 卷名 and the 回访事由."""
    a, b = _sides(s, case)
    names = "、".join(_name(s, p) for p in a) + "与" + "、".join(_name(s, p) for p in b)
    return f"{names}{codes.code_name(s, 'dispute_type', case.dispute_type)}纠纷"


def _committee(s: Session, case: MediationCase) -> str:
    c = s.get(MediationCommittee, case.committee_id)
    return c.name if c else ""


def _mediators(s: Session, case: MediationCase) -> str:
    names = [m.name for mid in case.mediator_ids if (m := s.get(Mediator, mid)) is not None]
    return "、".join(names)


def _common(s: Session, case: MediationCase) -> dict:
    return {"committee": _committee(s, case), "case_no": case.case_no or "", "dispute_name": dispute_name(s, case),
            "party_names": "、".join(_name(s, p) for p in parties(s, case.id))}


def _filer_name(s: Session) -> str:
    """Who files the volume (立卷人), as a person is named: the staff member whose name the signed-in
    account displays, else the account's display name; for an account without one, the station's
    one 所长 when the 所长 signs in; never the login name ("admin"); blank for a system job."""
    from sfs_desktop.core.db.synced import current_actor
    from sfs_desktop.core.security.accounts import Account
    from sfs_desktop.core.station.models import Staff

    account = s.exec(select(Account).where(Account.username == current_actor())).first()
    if account is None:
        return ""
    staff = s.exec(select(Staff).where(Staff.deleted == False, Staff.active == True)).all()  # noqa: E712
    display = (account.display_name or "").strip()
    display = "" if display == account.username else display  # a login name is not a person's name
    if display:
        return next((p.name for p in staff if p.name == display), display)
    heads = [p for p in staff if p.post == "01"]
    return heads[0].name if account.role == "head" and len(heads) == 1 else ""


def _year(case: MediationCase) -> int:
    return (case.received_date or case.created_at.date()).year


# --- case forms ------------------------------------------------------------------------------

@source("mediation.cover")
def cover_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    return Loaded(CASE, case.id, {
        **_common(s, case), "volume_no": case.case_no or "", "mediators": _mediators(s, case),
        "from_date": case.received_date, "to_date": case.closed_date,
        "filed_by": _filer_name(s), "filed_on": case.archived_date or date.today(),
        "keep_for": codes.param(s, "mediation.keep_for", KEEP_FOR), "remarks": "",
    }, _year(case))


def contents_items(s: Session, case: MediationCase) -> list[dict[str, str]]:
    """The rows of the 卷内目录 (see :func:`printing.volume.contents_rows`): the 受理登记表 when that was
    printed instead of the 申请书; the 封底 is the last sheet of the cover's print."""
    ids = [case.id, *s.exec(select(FollowUpVisit.id).where(FollowUpVisit.case_id == case.id)).all(),
           *s.exec(select(MediationRecord.id).where(MediationRecord.case_id == case.id)).all()]
    entries = [Filed(e.title, casefile.BY_TITLE[e.title].forms, e.required, e.present, e.scanned, e.title == "封底")
               for e in casefile.contents(s, case)]
    return contents_rows(entries, printed_pages(s, ids))


@source("mediation.contents")
def contents_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    return Loaded(CASE, case.id, {**_common(s, case), "items": contents_items(s, case)}, _year(case))


@source("mediation.application")
def application_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    a, b = _sides(s, case)
    on = case.received_date or date.today()
    others = [*a[1:], *b[1:]]
    return Loaded(CASE, case.id, {
        **_common(s, case), "applicant": _particulars(s, a[0] if a else None, on),
        "respondent": _particulars(s, b[0] if b else None, on),
        "others": [f"其他当事人：{_describe(s, p)}" for p in others],
        "summary": case.summary, "requests": [r for r in (case.request or "").splitlines() if r.strip()],
        "applied_on": case.received_date,
    }, _year(case))


@source("mediation.registration")
def registration_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    a, b = _sides(s, case)
    return Loaded(CASE, case.id, {
        **_common(s, case), "registered_on": case.received_date or case.created_at.date(),
        "applicants": "、".join(_name(s, p) for p in a), "respondents": "、".join(_name(s, p) for p in b),
        "dispute_type": codes.code_name(s, "dispute_type", case.dispute_type),
        "source": codes.code_name(s, "case_source", case.source),
        "summary": case.summary, "remarks": "",
    }, _year(case))


@source("mediation.notice")
def notice_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    names = [_name(s, p) for p in parties(s, case.id)]
    return Loaded(CASE, case.id, {**_common(s, case), "names": names, "rights": NOTICE_RIGHTS,
                                  "duties": NOTICE_DUTIES}, _year(case))


def _agreement_values(s: Session, case: MediationCase) -> dict:
    ag = agreement(s, case.id)
    if ag is None:
        raise UserError("该案件还没有调解协议，不能打印协议书")
    ps = parties(s, case.id)
    terms = [f"{t.get('obligor', '')}{t.get('content', '')}" + (f"（金额 {t['amount']} 元）" if t.get("amount") else "")
             + (f"，于{t['deadline']}前履行" if t.get("deadline") else "") for t in ag.terms]
    return {"case_no": case.case_no, "committee": _committee(s, case), "parties": [_describe(s, p) for p in ps],
            "facts": ag.facts, "terms": terms, "manner": ag.manner, "copies": len(ps) + 1,
            "signed_date": ag.signed_date, "names": [_name(s, p) for p in ps], "mediators": _mediators(s, case)}


@source("mediation.agreement")
def agreement_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    values = _agreement_values(s, case)
    if agreement(s, case.id).form == "2":
        raise UserError("该案件为口头协议，请打印“人民调解口头协议登记表”")
    return Loaded(CASE, case.id, values, _year(case))


@source("mediation.oral_agreement")
def oral_agreement_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    values = _agreement_values(s, case)
    if agreement(s, case.id).form != "2":
        raise UserError("该案件为书面协议，请打印“人民调解协议书”")
    return Loaded(CASE, case.id, values, _year(case))


@source("mediation.closing")
def closing_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    if case.status in ("draft", "accepted", "mediating"):
        raise UserError("案件尚未办结，不能填写结案报告表")
    values = {k: getattr(case, k) for k in ("received_date", "summary", "amount_involved")}
    for k, table in (("source", "case_source"), ("dispute_type", "dispute_type"), ("result", "case_result"),
                     ("performance", "performance")):
        values[k] = codes.code_name(s, table, getattr(case, k))
    return Loaded(CASE, case.id, {
        **_common(s, case), **values, "volume_no": case.case_no or "",
        "filled_on": case.archived_date or case.closed_date,
        "unit": _committee(s, case), "mediators": _mediators(s, case),
        "parties": [_contact(s, p) for p in parties(s, case.id)], "closed_on": case.closed_date,
    }, _year(case))


# --- records, visits, screening --------------------------------------------------------------

def _record(s: Session, ref: str | None, kind: str) -> tuple[MediationRecord, MediationCase]:
    rec = record(s, MediationRecord, ref, "记录")
    if rec.kind != kind:
        want = codes.code_name(s, "mediation_record_kind", kind)
        raise UserError(f"这条记录不是{want}，请用对应的表单打印")
    return rec, find_case(s, rec.case_id)


def _record_values(rec: MediationRecord) -> dict:
    return {k: getattr(rec, k) for k in ("held_on", "place", "conducted_by", "recorder", "present", "subject",
                                         "body", "outcome")}


@source("mediation.investigation")
def investigation_context(s: Session, ref: str | None) -> Loaded:
    rec, case = _record(s, ref, "1")
    return Loaded("mediation_record", rec.id, {**_common(s, case), **_record_values(rec),
                                               "interviewee": rec.present or ""}, rec.held_on.year)


@source("mediation.record")
def record_context(s: Session, ref: str | None) -> Loaded:
    rec, case = _record(s, ref, "2")
    return Loaded("mediation_record", rec.id, {
        **_common(s, case), **_record_values(rec), "invitees": case.invitees or "",
        "mediators": rec.conducted_by or _mediators(s, case), "facts": case.summary,
    }, rec.held_on.year)


@source("mediation.visit")
def visit_context(s: Session, ref: str | None) -> Loaded:
    visit = record(s, FollowUpVisit, ref, "回访记录")
    case = find_case(s, visit.case_id)
    return Loaded("mediation_follow_up", visit.id, {
        **_common(s, case), "visitee": visit.visitee, "visit_date": visit.visit_date,
        "method": codes.code_name(s, "visit_method", visit.method),
        "performance": codes.code_name(s, "performance", visit.performance),
        "satisfaction": codes.code_name(s, "satisfaction", visit.satisfaction), "notes": visit.notes,
        "visitor": "",
    }, visit.visit_date.year)


def _screening_row(s: Session, row: DisputeScreening) -> dict:
    outcome = ""
    if row.case_id and (case := s.get(MediationCase, row.case_id)) is not None:
        state = codes.code_name(s, "case_result", case.result) if case.result else rules.STATUS_NAMES[case.status]
        outcome = f"已转为调解案件{case.case_no or '（待受理）'}，{state}"
    return {"screened_on": row.screened_on, "scope": row.scope, "screened_by": row.screened_by, "found": row.found,
            "found_count": row.found_count, "risk_level": codes.code_name(s, "risk_level", row.risk_level),
            "measures": row.measures, "responsible": row.responsible, "target_date": row.target_date,
            "outcome": outcome}


@source("mediation.screening")
def screening_context(s: Session, ref: str | None) -> Loaded:
    row = record(s, DisputeScreening, ref, "排查记录")
    return Loaded("dispute_screening", row.id, {**_screening_row(s, row), "station": station(s).name},
                  row.screened_on.year)


@source("mediation.screening_ledger")
def screening_ledger_context(s: Session, ref: str | None) -> Loaded:
    if not (ref and ref.isdigit() and len(ref) == 4):
        raise UserError("请指定年份，例如 2024")
    year = int(ref)
    rows = s.exec(select(DisputeScreening).where(
        DisputeScreening.deleted == False, DisputeScreening.screened_on >= date(year, 1, 1),  # noqa: E712
        DisputeScreening.screened_on <= date(year, 12, 31)).order_by(DisputeScreening.screened_on)).all()
    out = []
    for r in rows:
        v = _screening_row(s, r)
        out.append({**v, "screened_on": f"{r.screened_on:%Y-%m-%d}", "risk": v["risk_level"]})
    return Loaded(None, None, {"station": station(s).name, "period": f"{year}年", "rows": out}, year)
