"""The review workspace, declared: the header (number, type, state, due date, H1's flag in red),
the steps greyed with the rule's own sentence (`work.STATE_STEPS` says which states each applies
in, `work.state_refusal` words the refusal), the forms, and what the tabs show (审查要点: what still
stands between the review and its opinion; 审查建议 with their feedback), read in core as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from sfs_desktop.core import codes
from sfs_desktop.core.legality import work
from sfs_desktop.core.legality.constants import ISSUED, REVIEWING
from sfs_desktop.core.legality.models import LegalityReview
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.workspace import HeaderItem, PrintAction, Step, Workspace

_HERE = "sfs_desktop.core.legality.workspace"
STEPS = tuple(Step(key, label, work.STATE_STEPS[key]) for key, label in (
    ("findings", "填写审查意见"), ("return", "退回补充材料"), ("resubmit", "收到补充材料"), ("suggest", "添加建议"),
    ("conclude", "出具审查意见"), ("feedback", "登记采纳情况")))
PRINTS = (PrintAction("legality.registration", "合法性审查送审登记表"),
          PrintAction("legality.opinion", "合法性审查意见书"), PrintAction("legality.village", "村规民约审查意见"))


def refusal(row: LegalityReview, step: Step) -> str | None:
    return work.state_refusal(row.state, step.when)


def header(s: Session, r: LegalityReview, today: date) -> list[HeaderItem]:
    due = f"{r.due_on:%Y-%m-%d}" if r.due_on else "（退回补充期间停止计算）" if r.returned_on else "（未定）"
    items = [HeaderItem(r.review_no or "（未编号）", strong=True), HeaderItem(r.title, strong=True),
             HeaderItem(codes.code_name(s, "lh_type", r.item_type)),
             HeaderItem(f"状态：{codes.code_name(s, 'lh_state', r.state)}"),
             HeaderItem(f"审查期限：{due}", alert=bool(r.due_on and r.state == REVIEWING and r.due_on < today))]
    if r.conclusion:
        items.append(HeaderItem(f"结论：{codes.code_name(s, 'lh_conclusion', r.conclusion)}"))
    if r.meeting:
        items.append(HeaderItem(r.meeting, alert=True))
    return items


@dataclass
class ReviewParts:
    problems: list[str] = field(default_factory=list)  # what stands between the review and its opinion
    reminders: list[str] = field(default_factory=list)  # H5, H12: to heed, not blocking
    suggestions: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (id, (序号, 内容, 采纳, 反馈日期))


def parts(s: Session, who: Principal, r: LegalityReview, today: date) -> ReviewParts:
    work.review(s, who, r.id)  # a 调解员 is refused here too
    out = ReviewParts(problems=work.problems(s, r) if r.state != ISSUED else [], reminders=work.reminders(r))
    for x in work.suggestions(s, who, r.id):
        out.suggestions.append((x.id, (str(x.seq), x.text, codes.code_name(s, "lh_adoption", x.adoption),
                                       f"{x.feedback_on:%Y-%m-%d}" if x.feedback_on else "")))
    return out


WORKSPACE = Workspace(table=LegalityReview.__tablename__, title="合法性审查", header=f"{_HERE}:header",
                      refusal=f"{_HERE}:refusal", parts=f"{_HERE}:parts", steps=STEPS, prints=PRINTS)
