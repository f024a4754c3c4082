"""记录 tab: every bundle written or read here, newest first, with what it carried."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import importer, status
from sfs_desktop.ui.page_parts import buttons, fill_table

KINDS = {"data": "数据", "ack": "回执", "enroll": "登记包", "repair": "修复", "push": "下发"}


class HistoryTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.table = QTableWidget(self)
        self.table.setObjectName("history")
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons(self, [("refresh", "刷新", self.refresh)])[0])
        self.refresh()

    def refresh(self) -> None:
        with self.app.db.read() as s:
            rows = status.history(s)
        fill_table(self.table, [self.tr("时间"), self.tr("方向"), self.tr("类型"), self.tr("对方"), self.tr("内容"),
                                self.tr("同步包编号")],
                   [[f"{r.at:%Y-%m-%d %H:%M}", self.tr("导出") if r.direction == "out" else self.tr("导入"),
                     KINDS.get(r.kind, r.kind), r.peer,
                     importer.counted(r.counts or {}),
                     r.bundle_id[:8]] for r in rows])
