"""Legality-review operations: every one takes the acting principal and refuses in core.

A review is station work: reading needs "record.read", changing "record.write", and a 调解员 is
refused whatever screen the call comes from. Values are checked against their declarations and
code tables first, then against the rule of §6.2 that governs them (`.rules`): a refusal is one
Chinese sentence and nothing is written. The due date is always recomputed here from the
received/returned/resubmitted dates and the county's parameters, never taken from the caller.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, func, select

from sfs_desktop.core import codes, params
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.fields import split_codes, stored_code_lists
from sfs_desktop.core.legality import rules
from sfs_desktop.core.legality.constants import (ENFORCEMENT, ISSUED, LAWFUL, OPINION, PENDING, RETURNED, REVIEWING,
                                                 VILLAGE)
from sfs_desktop.core.legality.models import NOT_MEDIATOR, LegalityReview, LhSuggestion
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.printing.service import allocate_serial
from sfs_desktop.core.security.access import Principal, check_row, require
from sfs_desktop.core.station.models import Staff

STATE_STEPS: dict[str, tuple[str, ...]] = {  # step → the states it applies in (the workspace greys the others)
    "return": (REVIEWING,), "resubmit": (RETURNED,), "findings": (REVIEWING,), "conclude": (REVIEWING,),
    "suggest": (REVIEWING, ISSUED), "feedback": (ISSUED,),
}
STATE = {REVIEWING: "审查中", RETURNED: "退回补充材料", ISSUED: "已出具意见"}


def _require(who: Principal, write: bool) -> None:
    require(who, "record.write" if write else "record.read")
    if who.role == "mediator":
        raise PermissionDenied(NOT_MEDIATOR)


def state_refusal(state: str, states: tuple[str, ...]) -> str | None:
    """Why a step does not apply in `state` (None when it does): the refusal and the greyed tooltip."""
    if not states or state in states:
        return None
    return f"该审查当前为“{STATE[state]}”，不能办理此事项（只有{'、'.join(STATE[x] for x in states)}的审查可以）"


def review(s: Session, who: Principal, review_id: str, *, write: bool = False, step: str | None = None) -> LegalityReview:
    _require(who, write)
    row = s.get(LegalityReview, review_id)
    if row is None or row.deleted:
        raise UserError("合法性审查记录不存在或已删除")
    check_row(who, LegalityReview, row, write=write)
    refusal = state_refusal(row.state, STATE_STEPS.get(step, ()))
    if refusal:
        raise UserError(refusal)
    return row


def _clean(s: Session, model: type, values: dict[str, Any], row: Any = None) -> dict[str, Any]:
    """`values` stripped and checked against the declarations (a change: merged onto `row` first)."""
    clean = {k: (v.strip() or None if isinstance(v, str) else v) for k, v in values.items()}
    unknown = [k for k in clean if k not in model.model_fields or k in ("id", "owner", "state", "due_on", "review_no", "meeting")]
    if unknown:
        raise UserError(f"不能在此填写：{'、'.join(unknown)}")
    check = {**({k: getattr(row, k) for k in model.model_fields} if row is not None else {}), **clean}
    if "review_id" in model.model_fields and "review_id" not in check:
        check["review_id"] = "-"
    codes.refuse_invalid(s, model, check)  # a checklist's codes too (Widget.CODE_LIST)
    return stored_code_lists(model, clean)


def materials(s: Session) -> list[tuple[str, str | None]]:
    """The materials checklist (code, the types needing it) from the code table lh_material."""
    return [(c.code, c.parent_code) for c in codes.codes(s, "lh_material")]


def limit(s: Session, kind: str) -> int:
    """H3/H6/H7: the review limit of `kind` in working days (the county's parameter)."""
    return params.get(s, rules.LIMIT_PARAMS[kind])


def recompute_due(s: Session, row: LegalityReview) -> None:
    """The due date and H1's flag, always derived here from the row, never taken from the caller."""
    row.meeting = meeting_flag(row)
    row.due_on = rules.due(row.received_on, limit(s, row.item_type), returned=row.returned_on,
                           resubmitted=row.resubmitted_on, restart=bool(params.get(s, "legality.supplement_restarts")))


def _not_future(day: date | None, label: str, today: date) -> None:
    if day is not None and day > today:
        raise UserError(f"{label}不能晚于今天")


def register(s: Session, who: Principal, values: dict[str, Any], *, today: date) -> LegalityReview:
    """F-H1: a request received, its materials ticked (H2), its due date computed (H3/H6/H7)."""
    _require(who, True)
    clean = _clean(s, LegalityReview, values)
    _not_future(clean.get("received_on"), "收到日期", today)
    if clean.get("unit_id") and not _unit_exists(s, clean["unit_id"]):
        raise UserError("送审单位不在单位信息库中，请先在单位信息台账中登记")
    problem = rules.sender_time_problem(clean["item_type"], clean["received_on"], clean.get("requested_by"),
                                        params.get(s, "legality.normative_min_workdays"))
    if problem:
        raise UserError(problem)
    for key in ("reviewer_id", "reviewer2_id"):
        if clean.get(key):
            _staff(s, clean[key])
    row = LegalityReview(**clean)
    _reviewer_rule(s, row)
    recompute_due(s, row)
    s.add(row)
    s.flush()
    return row


def _unit_exists(s: Session, row_id: str) -> bool:
    row = s.get(Organization, row_id)
    return row is not None and not row.deleted


def _staff(s: Session, staff_id: str) -> Staff:
    row = s.get(Staff, staff_id)
    if row is None or row.deleted or not row.active:
        raise UserError("审查人员不在工作人员台账中或已不在岗")
    return row


def first_time(s: Session, staff_id: str, exclude: str | None = None) -> bool:
    """H8: the reviewer has not issued a 法制审核 opinion on a penalty decision before."""
    q = live(select(func.count()).select_from(LegalityReview), LegalityReview).where(
        LegalityReview.penalty_review == True, LegalityReview.state == ISSUED,  # noqa: E712
        (LegalityReview.reviewer_id == staff_id) | (LegalityReview.reviewer2_id == staff_id))
    if exclude:
        q = q.where(LegalityReview.id != exclude)
    return s.exec(q).one() == 0


def _reviewer_rule(s: Session, row: LegalityReview) -> None:
    """H8 checked against the staff record of every designated reviewer."""
    if not (row.penalty_review and row.item_type == ENFORCEMENT):
        return
    for staff_id in (row.reviewer_id, row.reviewer2_id):
        if staff_id:
            staff = _staff(s, staff_id)
            problem = rules.penalty_reviewer_problem(True, first_time(s, staff_id, row.id), staff.legal_qualification,
                                                     staff.name)
            if problem:
                raise UserError(problem)


def return_for_supplement(s: Session, who: Principal, review_id: str, day: date, note: str, *, today: date) -> None:
    """H2: the materials are returned (or more asked for); the clock stops."""
    row = review(s, who, review_id, write=True, step="return")
    _not_future(day, "退回日期", today)
    if day < row.received_on:
        raise UserError("退回日期不能早于收到日期")
    if not (note or "").strip():
        raise UserError("请写明需要补充的材料")
    row.returned_on, row.return_note, row.resubmitted_on, row.state = day, note.strip(), None, RETURNED
    recompute_due(s, row)
    s.add(row)


def resubmitted(s: Session, who: Principal, review_id: str, day: date, materials: str | None, *, today: date) -> None:
    """The supplements arrive; the clock restarts (the county's parameter says how)."""
    row = review(s, who, review_id, write=True, step="resubmit")
    _not_future(day, "补充材料收到日期", today)
    if day < row.returned_on:
        raise UserError("补充材料收到日期不能早于退回日期")
    if materials is not None:
        row.materials = _clean(s, LegalityReview, {"materials": materials}, row)["materials"]
    row.resubmitted_on, row.state = day, REVIEWING
    recompute_due(s, row)
    s.add(row)


def update(s: Session, who: Principal, review_id: str, values: dict[str, Any]) -> LegalityReview:
    """Reviewers, adviser, findings, lease term, 村规民约 facts: anything but dates of the clock."""
    row = review(s, who, review_id, write=True, step="findings")
    clean = _clean(s, LegalityReview, values, row)
    for key in ("received_on", "returned_on", "resubmitted_on", "conclusion", "issued_on"):
        if key in clean:
            raise UserError("收到、退回、补充日期和审查结论请通过相应的办理步骤填写")
    for key in ("reviewer_id", "reviewer2_id"):
        if clean.get(key):
            _staff(s, clean[key])
    for k, v in clean.items():
        setattr(row, k, v)
    _reviewer_rule(s, row)
    recompute_due(s, row)
    s.add(row)
    return row


def problems(s: Session, row: LegalityReview) -> list[str]:
    """What stands between the review and its opinion (H2, H4, H9–H12), in the order to fix them."""
    out = [f"缺少材料：{codes.code_name(s, 'lh_material', c)}"
           for c in rules.missing_materials(row.item_type, split_codes(row.materials), materials(s))]
    if not row.reviewer_id:
        out.append("尚未指定审查人员")
    out += rules.findings_problems(row.finding_authority, row.finding_procedure, row.finding_content)
    if row.item_type == VILLAGE:
        out += rules.quorum_problems(row.adults, row.present, row.households, row.households_present,
                                     row.votes_for, row.notice_days)
    return out


def conclude(s: Session, who: Principal, review_id: str, conclusion: str, day: date, signed_by: str, *,
             today: date) -> LegalityReview:
    """The opinion issued: H2 materials complete, H4 findings on every dimension, H8 reviewer, H10
    unlawful clauses not 合法; a 村规民约 adopted without H9's quorum cannot be 合法."""
    row = review(s, who, review_id, write=True, step="conclude")
    if not codes.code_exists(s, "lh_conclusion", conclusion or ""):
        raise UserError("请选择审查结论（合法、修改后合法、不合法、存在法律风险）")
    _not_future(day, "出具日期", today)
    if day < (row.resubmitted_on or row.received_on):
        raise UserError("出具日期不能早于收到（补充）材料的日期")
    if not (signed_by or "").strip():
        raise UserError("请填写签发人")
    blocking = problems(s, row)
    if row.item_type == VILLAGE and conclusion != LAWFUL:  # a failed quorum is itself the finding
        blocking = [p for p in blocking if "村民会议" not in p and "村规民约" not in p]
    if blocking:
        raise UserError("尚不能出具审查意见：" + "；".join(blocking))
    problem = rules.village_conclusion_problem(split_codes(row.clauses), conclusion)
    lease = rules.lease_problem(row.lease_years)
    if problem or (lease and conclusion == LAWFUL):
        raise UserError(problem or f"{lease}，结论不能为“合法”")
    _reviewer_rule(s, row)
    row.conclusion, row.issued_on, row.signed_by, row.state = conclusion, day, signed_by.strip(), ISSUED
    if not row.review_no:
        row.review_no = allocate_serial(s, OPINION, day.year)
    row.meeting = meeting_flag(row)
    s.add(row)
    return row


def add_suggestion(s: Session, who: Principal, review_id: str, text: str) -> LhSuggestion:
    """A numbered suggestion of the opinion (numbered in order, from 1)."""
    review(s, who, review_id, write=True, step="suggest")
    if not (text or "").strip():
        raise UserError("建议内容不能为空")
    if len(text.strip()) > 1024:
        raise UserError("建议内容最多 1024 个字")
    n = s.exec(live(select(func.count()).select_from(LhSuggestion), LhSuggestion)
               .where(LhSuggestion.review_id == review_id)).one()
    row = LhSuggestion(review_id=review_id, seq=n + 1, text=text.strip(), adoption=PENDING)
    s.add(row)
    s.flush()
    return row


def feedback(s: Session, who: Principal, suggestion_id: str, adoption: str, day: date, *, today: date) -> None:
    """The sender's feedback on one suggestion, after the opinion was issued."""
    _require(who, True)
    row = s.get(LhSuggestion, suggestion_id)
    if row is None or row.deleted:
        raise UserError("审查建议不存在或已删除")
    parent = review(s, who, row.review_id, write=True, step="feedback")
    if adoption == PENDING or not codes.code_exists(s, "lh_adoption", adoption or ""):
        raise UserError("请选择采纳情况（已采纳、部分采纳、未采纳）")
    _not_future(day, "反馈日期", today)
    if day < parent.issued_on:
        raise UserError("反馈日期不能早于审查意见出具日期")
    row.adoption, row.feedback_on = adoption, day
    s.add(row)


def suggestions(s: Session, who: Principal, review_id: str) -> list[LhSuggestion]:
    review(s, who, review_id)
    return list(s.exec(live(select(LhSuggestion), LhSuggestion).where(LhSuggestion.review_id == review_id)
                       .order_by(LhSuggestion.seq)).all())


def reminders(row: LegalityReview) -> list[str]:
    """What the reviewer should see but that does not block the opinion: H5's legal adviser, H12's lease."""
    out = [] if (row.adviser or "").strip() else ["审查中应当听取法律顾问、公职律师的意见（重大行政决策程序暂行条例第二十八条）"]
    lease = rules.lease_problem(row.lease_years)
    return out + ([lease] if lease else [])


def meeting_flag(row: LegalityReview) -> str | None:
    """H1 for one review: "不得提交会议讨论" until it has an opinion that is not 不合法."""
    return rules.meeting_flag(row.state == ISSUED, row.conclusion, row.exploratory, row.finding_risk)
