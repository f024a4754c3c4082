"""The case workflow of domain.md §3.4: every transition checks its rule or says precisely why not.

登记草稿 → 受理 / 不予受理 → 调解中 → 达成协议 / 终止 / 撤回 → 回访 → 结案归档.
Statutory numbers are constants here with their article; the rest are parameters.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from sfs_desktop.core import calendar
from sfs_desktop.core.documents import next_serial
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.mediation import casefile
from sfs_desktop.core.mediation.models import (FollowUpVisit, MediationAgreement, MediationCase, MediationCommittee,
                                               MediationParty, Mediator)
from sfs_desktop.core.mediation.constants import (FAILED, FEMALE, PERFORMED, REJECTED, SERVING,  # noqa: F401 - named here
                                                  SUCCESS, WITHDRAWN)  # for callers of rules
from sfs_desktop.core.security.access import Principal, check_row

MIN_PARTIES = 2  # a dispute has two sides (人民调解法 §17)
FINISH_MONTHS = 1  # 人民调解工作若干规定 §33: generally within one month
CONFIRMATION_DAYS = 30  # 人民调解法 §33: 司法确认 within 30 days of the agreement taking effect
COMMITTEE_MIN, COMMITTEE_MAX = 3, 9  # 人民调解法 §8
TERM_YEARS = 3  # 人民调解法 §9

STATUS_NAMES = {"draft": "登记草稿", "accepted": "已受理", "rejected": "不予受理", "mediating": "调解中",
                "agreed": "已达成协议", "terminated": "终止", "withdrawn": "撤回", "follow_up": "履行监督/回访",
                "archived": "结案归档"}


WHEN: dict[str, tuple[str, ...]] = {
    "accept": ("draft",), "reject": ("draft",), "start": ("accepted",), "consent": ("mediating",),
    "agree": ("mediating",), "terminate": ("mediating",), "withdraw": ("accepted", "mediating"),
    "risk": ("draft", "accepted", "mediating", "agreed", "follow_up"), "confirm": ("agreed", "follow_up"),
    "visit": ("agreed", "follow_up"), "archive": ("agreed", "follow_up", "terminated", "withdrawn", "rejected"),
}
"""The states each step applies in: its rule refuses in the others, and the workspace greys its
button with that refusal (core.mediation.workspace)."""


def _case(s: Session, who: Principal, case_id: str, *allowed: str) -> MediationCase:
    case = s.get(MediationCase, case_id)
    if case is None or case.deleted:
        raise UserError("案件不存在或已删除")
    check_row(who, MediationCase, case, write=True)
    refused = status_refusal(case, allowed)
    if refused:
        raise UserError(refused)
    return case


def status_refusal(case: MediationCase, allowed: tuple[str, ...]) -> str | None:
    """Why a step that applies only in the `allowed` states cannot be taken now (None: it can):
    the sentence a refused step raises and the workspace shows beside its greyed button."""
    if not allowed or case.status in allowed:
        return None
    return (f"案件当前为“{STATUS_NAMES[case.status]}”，不能进行此操作"
            f"（只有{'、'.join(STATUS_NAMES[a] for a in allowed)}的案件可以）")


def parties(s: Session, case_id: str) -> list[MediationParty]:
    return list(s.exec(select(MediationParty).where(MediationParty.case_id == case_id,
                                                    MediationParty.deleted == False)).all())  # noqa: E712


def agreement(s: Session, case_id: str) -> MediationAgreement | None:
    return s.exec(select(MediationAgreement).where(MediationAgreement.case_id == case_id,
                                                   MediationAgreement.deleted == False)).first()  # noqa: E712


def committee_active_on(committee: MediationCommittee, day: date) -> bool:
    if not committee.active:
        return False
    if committee.established_on and day < committee.established_on:
        return False
    return not (committee.term_end and day > committee.term_end)


def due_to_finish(case: MediationCase) -> date | None:
    return calendar.due_date(case.received_date, FINISH_MONTHS, "month") if case.received_date else None


OPEN = ("accepted", "mediating")
"""The states in which the one-month limit runs."""


def running_limit(case: MediationCase) -> date | None:
    """The end of the one-month limit where it still binds the case: None before 受理, after the
    decision, or once both parties agreed to continue. The refusal, the 超期 mark and the
    dashboard reminder all read it from here."""
    if case.status not in OPEN or case.continue_consent_on is not None:
        return None
    return due_to_finish(case)


def station_prefix(s: Session) -> str:
    from sfs_desktop.core.printing.service import serial_prefix

    return serial_prefix(s)


# --- transitions ---------------------------------------------------------------------------

def accept(s: Session, who: Principal, case_id: str, received: date) -> MediationCase:
    """受理 (M10): needs both sides registered and a committee working on that day; numbers the case."""
    case = _case(s, who, case_id, *WHEN["accept"])
    n = len(parties(s, case_id))
    if n < MIN_PARTIES:
        raise UserError(f"受理前须登记至少 {MIN_PARTIES} 方当事人（现有 {n} 方）")
    committee = s.get(MediationCommittee, case.committee_id)
    if committee is None or not committee_active_on(committee, received):
        raise UserError(f"调解委员会在 {received:%Y-%m-%d} 不在任期内或已停止运行，不能受理")
    if received > date.today():
        raise UserError("受理日期不能晚于今天")
    case.received_date = received
    prefix = station_prefix(s)
    number = next_serial(s, "mediation.case", received.year, prefix)
    case.case_no = f"（{received.year}）{prefix}人调字第{number}号"
    case.status = "accepted"
    return case


def reject(s: Session, who: Principal, case_id: str, reason: str, on: date) -> MediationCase:
    """不予受理 (M27 / one party refuses, M10): the reason is required."""
    case = _case(s, who, case_id, *WHEN["reject"])
    if not reason.strip():
        raise UserError("请填写不予受理的理由")
    case.status, case.result, case.rejection_reason, case.closed_date = "rejected", REJECTED, reason.strip(), on
    return case


def start(s: Session, who: Principal, case_id: str, mediator_ids: list[str]) -> MediationCase:
    """指定调解员 (M12): at least one serving mediator of the case's committee."""
    case = _case(s, who, case_id, *WHEN["start"])
    if not mediator_ids:
        raise UserError("请至少指定一名调解员")
    for mid in mediator_ids:
        m = s.get(Mediator, mid)
        if m is None or m.status != SERVING:
            raise UserError("所选调解员不存在或不在任")
        if m.committee_id != case.committee_id:
            raise UserError(f"调解员{m.name}不属于本案的调解委员会")
    case.mediator_ids = list(mediator_ids)
    case.status = "mediating"
    return case


def _check_time(case: MediationCase, on: date) -> None:
    due = running_limit(case)
    if due and on > due:
        raise UserError(f"调解已超过一个月期限（{due:%Y-%m-%d} 到期），须先记录双方当事人同意继续调解")


def record_consent(s: Session, who: Principal, case_id: str, on: date) -> MediationCase:
    case = _case(s, who, case_id, *WHEN["consent"])
    case.continue_consent_on = on
    return case


def withdraw(s: Session, who: Principal, case_id: str, on: date) -> MediationCase:
    case = _case(s, who, case_id, *WHEN["withdraw"])
    case.status, case.result, case.closed_date = "withdrawn", WITHDRAWN, on
    return case


def terminate(s: Session, who: Principal, case_id: str, on: date, *, informed_other_routes: bool) -> MediationCase:
    """调解不成 (M17): the parties must be told about arbitration, administrative and judicial routes."""
    case = _case(s, who, case_id, *WHEN["terminate"])
    if not informed_other_routes:
        raise UserError("终止调解前须告知当事人可以通过仲裁、行政、司法等途径解决（人民调解法第二十六条）")
    case.status, case.result, case.closed_date, case.informed_other_routes = "terminated", FAILED, on, True
    return case


def reach_agreement(s: Session, who: Principal, case_id: str, on: date, performance_deadline: date | None = None) -> MediationCase:
    """调解成功: needs an agreement; a written one takes effect only when fully signed and sealed (M21)."""
    case = _case(s, who, case_id, *WHEN["agree"])
    _check_time(case, on)
    ag = agreement(s, case_id)
    if ag is None:
        raise UserError("调解成功须有调解协议（书面协议或口头协议记录）")
    if not ag.terms:
        raise UserError("调解协议至少要有一条协议内容")
    if ag.form == "1":
        unsigned = [p for p in parties(s, case_id) if not p.signed]
        missing = []
        if unsigned:
            missing.append(f"{len(unsigned)} 方当事人未签名")
        if not ag.mediator_signed:
            missing.append("调解员未签名")
        if not ag.seal_affixed:
            missing.append("未加盖调解委员会印章")
        if missing:
            raise UserError("书面调解协议尚未生效：" + "，".join(missing) + "（人民调解法第二十九条）")
    ag.signed_date = on
    case.status, case.result, case.agreement_form, case.agreement_date = "agreed", SUCCESS, ag.form, on
    case.performance_deadline = performance_deadline
    case.performance = "04" if performance_deadline and performance_deadline >= on else case.performance
    return case


def record_visit(s: Session, who: Principal, case_id: str, visit: FollowUpVisit) -> MediationCase:
    case = _case(s, who, case_id, *WHEN["visit"])
    if case.agreement_date and visit.visit_date < case.agreement_date:
        raise UserError("回访日期不能早于协议生效日期")
    visit.case_id = case_id
    s.add(visit)
    if visit.performance:
        case.performance = visit.performance
    case.status = "follow_up"
    if case.closed_date is None and visit.performance == PERFORMED:
        case.closed_date = visit.visit_date
    return case


def archive(s: Session, who: Principal, case_id: str, on: date) -> MediationCase:
    case = _case(s, who, case_id, *WHEN["archive"])
    missing = casefile.missing(s, case)
    if missing:
        raise UserError("卷宗还缺：" + "、".join(missing) + "，补齐后才能归档")
    case.status, case.archived_date = "archived", on
    case.closed_date = case.closed_date or on
    return case


# --- committees ------------------------------------------------------------------------------

def committee_problems(s: Session, committee: MediationCommittee) -> list[str]:
    """What a committee lacks under 人民调解法 §8–9: size, a woman member, a current term."""
    from sfs_desktop.core.mediation.queries import serving

    members = list(s.exec(serving(select(Mediator)).where(Mediator.committee_id == committee.id)).all())
    problems = []
    if not COMMITTEE_MIN <= len(members) <= COMMITTEE_MAX:
        problems.append(f"委员应为 {COMMITTEE_MIN}–{COMMITTEE_MAX} 人（现有 {len(members)} 人）")
    if not any(m.gender == FEMALE for m in members):
        problems.append("委员中应有妇女成员")
    if committee.term_end and committee.term_end < date.today():
        problems.append(f"任期已于 {committee.term_end:%Y-%m-%d} 届满，需换届")
    return problems


def uncovered_areas(s: Session, owner: str | None = None) -> list[tuple[str, str]]:
    """Villages and communities of the township (of station `owner`, at the county) without an
    active committee: (code, name)."""
    from sfs_desktop.core.station.models import AdminArea

    committees = select(MediationCommittee.area_code).where(MediationCommittee.active == True,  # noqa: E712
                                                            MediationCommittee.deleted == False)  # noqa: E712
    areas = select(AdminArea.code, AdminArea.name).where(AdminArea.level.in_(["village", "community"]),
                                                         AdminArea.deleted == False)  # noqa: E712
    if owner:
        committees, areas = committees.where(MediationCommittee.owner == owner), areas.where(AdminArea.owner == owner)
    covered = set(s.exec(committees).all())
    return [(c, n) for c, n in s.exec(areas).all() if c not in covered]

