"""The navigation by duty: duty pages register here; the main window shows them in this order.

A duty not built yet shows a plain notice page, so staff see the whole structure of the
program and know what is coming rather than a missing entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget

NAV_ORDER = [
    ("dashboard", "工作台"), ("people", "人员信息库"), ("mediation", "人民调解"), ("correction", "社区矫正"),
    ("resettlement", "安置帮教"), ("legality", "合法性审查"), ("publicity", "普法与法律服务"),
    ("assessors", "人民陪审员"), ("management", "所务管理"), ("standardization", "规范化建设"),
    ("sync", "数据同步"), ("settings", "设置"),
]

PageFactory = Callable[["object"], QWidget]  # factory(main_window) -> page


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    factory: PageFactory


_PAGES: dict[str, Page] = {}


def register_page(key: str, title: str, factory: PageFactory) -> None:
    _PAGES[key] = Page(key, title, factory)


def registered(key: str) -> Page | None:
    return _PAGES.get(key)
