"""A duty page of tabs, each built on its first visit (start-up and the first click stay fast).

A subclass names its heading, the package its tab modules live in and its `TABS`
(attribute, title, module, class); a built tab is then also the page's attribute.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from sfs_desktop.core.security.session import AppSession


class TabbedPage(QWidget):
    TITLE = ""
    PACKAGE = ""  # sfs_desktop.ui.<duty>
    TABS: list[tuple[str, str, str, str]] = []  # attribute, title, module, class
    TABS_NAME = ""  # the tab widget's object name (tests find it)

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{self.tr(self.TITLE)}</h3>", self))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName(self.TABS_NAME)
        layout.addWidget(self.tabs, 1)
        self._built: dict[int, QWidget] = {}
        for _attr, title, _module, _cls in self.TABS:
            self.tabs.addTab(QWidget(), self.tr(title))
        self.tabs.currentChanged.connect(self._build)
        self._build(0)

    def _build(self, index: int) -> QWidget:
        if index in self._built:
            return self._built[index]
        attr, title, module, cls = self.TABS[index]
        widget = getattr(importlib.import_module(f"{self.PACKAGE}.{module}"), cls)(self.app, self)
        self._built[index] = widget
        setattr(self, attr, widget)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, self.tr(title))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        return widget

    def show_tab(self, attr: str) -> QWidget:
        index = [t[0] for t in self.TABS].index(attr)
        widget = self._build(index)
        self.tabs.setCurrentIndex(index)
        return widget

    def new_record(self) -> None:
        """Ctrl+N: the tab being shown adds one of its records."""
        self.tabs.currentWidget().new_record()
