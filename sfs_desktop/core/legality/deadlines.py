"""Legality-review deadlines for the dashboard and `sfs-desktop due` (domain.md §6.2 H3/H6/H7).

A review being worked on is due on its `due_on` (recomputed by `.work` from the working-day
limit); one returned for supplements has no due day while the clock is stopped.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from sqlmodel import Session, select

from sfs_desktop.core import deadlines
from sfs_desktop.core.db.synced import live
from sfs_desktop.core.deadlines import DueItem
from sfs_desktop.core.legality.constants import REVIEWING
from sfs_desktop.core.legality.models import LegalityReview

DUTY = "合法性审查"
BASIS = "重大行政决策程序暂行条例第二十六条、国办发〔2018〕115号：在审查期限内出具审查意见"


@deadlines.register
def legality_due(s: Session, today: date) -> Iterable[DueItem]:
    rows = s.exec(live(select(LegalityReview), LegalityReview).where(
        LegalityReview.state == REVIEWING, LegalityReview.due_on != None)).all()  # noqa: E711
    for r in rows:
        title = "出具合法性审查意见" if today <= r.due_on else "逾期未出具合法性审查意见"
        yield DueItem(DUTY, r.title, title, BASIS, r.due_on, "legality_review", r.id)
