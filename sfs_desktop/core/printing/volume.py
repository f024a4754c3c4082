"""A file's contents list (卷内目录): the rows, numbered by page from what was printed for it.

Shared by every duty that keeps a file (the mediation 卷宗, the correction 工作档案): the duty says
which items its file holds and which are present; this turns them into 序号 / 文书名称 / 页号 / 备注
rows from the print log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from sqlmodel import Session, select

from sfs_desktop.core.documents import PrintLog


@dataclass(frozen=True)
class Filed:
    """One line of a contents list as the duty knows it."""

    title: str  # the standard name of the item
    forms: tuple[str, ...]  # the forms printed for it, preferred first
    required: bool
    present: bool
    scanned: bool = False  # present as an attached scan
    one_sheet: bool = False  # printed as the last sheet of another form (the 封底): one page once printed


def printed_pages(s: Session, record_ids: Iterable) -> dict[str, int | None]:
    """Form id → page count of its last delivered print (on paper or saved, not a preview) for any of
    `record_ids` (a list, or a subquery of ids)."""
    logs = s.exec(select(PrintLog).where(PrintLog.record_id.in_(record_ids), PrintLog.deleted == False,  # noqa: E712
                                         PrintLog.delivered == True)  # noqa: E712
                  .order_by(PrintLog.printed_at)).all()
    return {log.form_id: log.pages for log in logs}


def contents_rows(entries: Sequence[Filed], printed: Mapping[str, int | None]) -> list[dict[str, str]]:
    """The rows of the list: the document actually filed (the first of its forms that was printed), its
    页号 from the pages printed (1–2, 3 …, counted through the file as far as every page before is known;
    after a scan of unknown length, the document's own page count), and in 备注 only facts about the
    item: 尚缺, 扫描件."""
    from sfs_desktop.core.printing.templates import get

    items, page, counting = [], 1, True
    for i, e in enumerate(entries, 1):
        forms = [f for f in e.forms if f in printed]
        title = get(forms[0]).title if forms and not e.one_sheet else e.title
        n = (1 if forms else None) if e.one_sheet else (printed[forms[0]] if forms else None)
        if n and counting:
            pages = f"{page}" if n == 1 else f"{page}–{page + n - 1}"
            page += n
        elif n:
            pages = f"共{n}页"
        else:
            pages, counting = "", counting and not e.present
        note = "尚缺" if e.required and not e.present else ("扫描件" if e.present and not forms and e.scanned else "")
        items.append({"no": str(i), "title": title, "pages": pages, "note": note})
    return items
