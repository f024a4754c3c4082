"""Every legality-review rule, run over the data already stored: what an operation of `.work`
would have refused, and dangling references. The demo generator must pass it; messages name the
review by its title."""

from __future__ import annotations

from sqlmodel import Session, select

from sfs_desktop.core import codes, params
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import specs, split_codes
from sfs_desktop.core.legality import rules, work
from sfs_desktop.core.legality.constants import ISSUED, LAWFUL, VILLAGE
from sfs_desktop.core.legality.models import LegalityReview, LhSuggestion
from sfs_desktop.core.station.models import Staff


def _live(s: Session, model) -> list:
    return list(s.exec(select(model).where(model.deleted == False)).all())  # noqa: E712


def problems(s: Session) -> list[str]:
    out: list[str] = []
    reviews = {r.id: r for r in _live(s, LegalityReview)}
    for model in (LegalityReview, LhSuggestion):
        for row in _live(s, model):
            try:
                codes.refuse_invalid(s, model, {f.name: getattr(row, f.name) for f in specs(model)})
            except UserError as e:
                out.append(f"{model.__title__}：{e}")
    for sugg in _live(s, LhSuggestion):
        if sugg.review_id not in reviews:
            out.append("审查建议指向不存在的合法性审查")
    restart = bool(params.get(s, "legality.supplement_restarts"))
    qualified = {x.id: x.legal_qualification for x in _live(s, Staff)}
    for r in reviews.values():
        name = f"合法性审查“{r.title}”"
        due = rules.due(r.received_on, work.limit(s, r.item_type), returned=r.returned_on,
                        resubmitted=r.resubmitted_on, restart=restart)
        if r.due_on != due:
            out.append(f"{name}的审查期限应为 {due}，现为 {r.due_on}")
        if r.meeting != work.meeting_flag(r):
            out.append(f"{name}的“会议讨论”标记与审查结论不符（重大行政决策程序暂行条例第二十五条）")
        if r.state != ISSUED:
            continue
        for p in work.problems(s, r):
            if not (r.item_type == VILLAGE and r.conclusion != LAWFUL and ("村民会议" in p or "村规民约" in p)):
                out.append(f"{name}：{p}")
        p = rules.village_conclusion_problem(split_codes(r.clauses), r.conclusion)
        if p:
            out.append(f"{name}：{p}")
        if r.penalty_review and any(i and i in qualified and not qualified[i] for i in (r.reviewer_id, r.reviewer2_id)):
            if any(work.first_time(s, i, r.id) for i in (r.reviewer_id, r.reviewer2_id) if i and not qualified.get(i)):
                out.append(f"{name}：初次从事法制审核的审查人员未取得法律职业资格（行政处罚法第五十八条）")
        if not r.review_no:
            out.append(f"{name}已出具意见但没有审查编号")
    return out
