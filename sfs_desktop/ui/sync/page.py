"""数据同步 page: 导出与导入, 冲突, 记录; at the county 司法所 comes first."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import identity


class SyncPage(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        from sfs_desktop.ui.sync.conflicts import ConflictsTab
        from sfs_desktop.ui.sync.exchange import ExchangeTab
        from sfs_desktop.ui.sync.history import HistoryTab

        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{self.tr('数据同步')}</h3>", self))
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        with app.db.read() as s:
            county = identity.local_node(s).role == "county"
        if county:
            from sfs_desktop.ui.sync.stations import StationsTab

            self.stations = StationsTab(app, self)
            self.tabs.addTab(self.stations, self.tr("司法所"))
        self.exchange = ExchangeTab(app, self)
        self.conflicts = ConflictsTab(app, self)
        self.history = HistoryTab(app, self)
        self.tabs.addTab(self.exchange, self.tr("导出与导入"))
        self.tabs.addTab(self.conflicts, self.tr("冲突") + (f"（{len(self.conflicts.open)}）" if self.conflicts.open else ""))
        self.tabs.addTab(self.history, self.tr("记录"))
        self.tabs.currentChanged.connect(self._refresh_current)

    def data_changed(self, tables: frozenset[str]) -> None:
        """After a write touching sync's own tables (an import, an export, a resolved conflict)."""
        if any(t.startswith("sync_") and t != "sync_outbox" for t in tables):
            self._refresh_current(self.tabs.currentIndex())

    def _refresh_current(self, _index: int) -> None:
        widget = self.tabs.currentWidget()
        if hasattr(widget, "refresh"):
            widget.refresh()
