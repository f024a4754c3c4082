"""人民调解 page: its registers and ledgers as tabs, each built on its first visit."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from sfs_desktop.core.security.session import AppSession

TABS = [  # attribute, title, module, class
    ("cases", "案件", "cases", "CasesTab"), ("committees", "调解组织", "registries", "CommitteesTab"),
    ("mediators", "调解员", "registries", "MediatorsTab"), ("screening", "矛盾排查", "screening", "ScreeningTab"),
    ("guidance", "指导与培训", "guidance", "GuidanceTab"), ("statistics", "统计", "statistics", "StatisticsTab"),
    ("assigned", "县局交办", "assigned", "AssignedTab"),
]


class MediationPage(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{self.tr('人民调解')}</h3>", self))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mediation_tabs")
        layout.addWidget(self.tabs, 1)
        self._built: dict[int, QWidget] = {}
        for _attr, title, _module, _cls in TABS:
            self.tabs.addTab(QWidget(), self.tr(title))
        self.tabs.currentChanged.connect(self._build)
        self._build(0)

    def _build(self, index: int) -> QWidget:
        if index in self._built:
            return self._built[index]
        import importlib

        attr, title, module, cls = TABS[index]
        widget = getattr(importlib.import_module(f"sfs_desktop.ui.mediation.{module}"), cls)(self.app, self)
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
        index = [t[0] for t in TABS].index(attr)
        widget = self._build(index)
        self.tabs.setCurrentIndex(index)
        return widget

    def data_changed(self, tables: frozenset[str]) -> None:
        """After a write (the ledgers are the main window's): the notices and figures beside them."""
        if hasattr(self, "committees") and tables & {"mediation_committee", "admin_area", "mediator"}:
            self.committees.update_notice()
        if hasattr(self, "statistics") and "mediation_case" in tables:
            self.statistics.refresh()
        if hasattr(self, "assigned"):
            self.assigned.data_changed(tables)

    # --- what the main window's shortcuts and search ask of a page ----------------------------
    def new_record(self) -> None:
        self.tabs.currentWidget().new_record()

    def open_record(self, table: str, row_id: str) -> None:
        if table == "mediation_case":
            self.show_tab("cases").open_case(row_id)
        elif table in ("mediation_committee", "mediator"):
            tab = self.show_tab("committees" if table == "mediation_committee" else "mediators")
            tab.select(row_id)
            tab.edit_selected()
        elif table == "dispute_screening":  # a dispute the county handed over, from 县局交办 or the dashboard
            self.show_tab("screening").select(row_id)
