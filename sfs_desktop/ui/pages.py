"""The navigation by duty: duty pages register here; the main window shows them in this order.

A duty page registers once, at import of its module::

    pages.register_page("mediation", "人民调解", lambda window: MediationPage(window.app),
                        tables=("mediation_",))

`factory(main_window)` builds the page on its first visit (start-up stays fast). `tables`
names the table prefixes the page shows, so a global-search hit opens on it: the page's
`open_record(table, row_id)` is called if it has one. The icon is `resources/icons/<key>.svg`
unless `icon` names another file there. A page may define `new_record()`, `save()` and
`print_record()`: Ctrl+N, Ctrl+S and Ctrl+P call them on the page being shown.

A duty not built yet shows a plain notice page, so staff see the whole structure of the
program and know what is coming rather than a missing entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from sfs_desktop.resources import resource

NAV_ORDER = [
    ("dashboard", "工作台"), ("people", "人员信息库"), ("mediation", "人民调解"), ("correction", "社区矫正"),
    ("resettlement", "安置帮教"), ("legality", "合法性审查"), ("publicity", "普法与法律服务"),
    ("assessors", "人民陪审员"), ("management", "所务管理"), ("standardization", "规范化建设"),
    ("sync", "数据同步"), ("reference", "参考数据"), ("settings", "设置"),
]

PageFactory = Callable[["object"], QWidget]  # factory(main_window) -> page


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    factory: PageFactory
    icon: str
    tables: tuple[str, ...] = ()


_PAGES: dict[str, Page] = {}


def register_page(key: str, title: str, factory: PageFactory, icon: str | None = None,
                  tables: tuple[str, ...] = ()) -> None:
    if key not in dict(NAV_ORDER):
        raise ValueError(f"unknown navigation key {key!r}; add it to NAV_ORDER")
    _PAGES[key] = Page(key, title, factory, icon or f"{key}.svg", tuple(tables))


def registered(key: str) -> Page | None:
    return _PAGES.get(key)


def icon(key: str) -> QIcon:
    page = _PAGES.get(key)
    return QIcon(str(resource("icons", page.icon if page else f"{key}.svg")))


def page_for_table(table: str) -> str | None:
    """The navigation key of the page that shows rows of `table`, for opening search hits."""
    for page in _PAGES.values():
        if any(table.startswith(prefix) for prefix in page.tables):
            return page.key
    return None
