"""Ctrl+F: search every duty at once; results grouped by duty, double-click opens the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from sfs_desktop.core import search


class SearchDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window_ = window
        self.app = window.app
        self.setWindowTitle(self.tr("全局搜索"))
        layout = QVBoxLayout(self)
        self.query = QLineEdit(self)
        self.query.setObjectName("query")
        self.query.setPlaceholderText(self.tr("姓名、案号、文号或拼音首字母（如 wxm），回车搜索"))
        self.query.returnPressed.connect(self.run)
        self.results = QTreeWidget(self)
        self.results.setHeaderHidden(True)
        self.results.itemDoubleClicked.connect(self.open)
        self.summary = QLabel(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 25)

    def run(self) -> None:
        with self.app.db.read() as s:
            groups = search.search(s, self.app.principal, self.query.text())
        self.results.clear()
        for duty, hits in groups.items():
            top = QTreeWidgetItem([f"{duty}（{len(hits)}）"])
            for hit in hits:
                child = QTreeWidgetItem([hit.text])
                child.setData(0, Qt.ItemDataRole.UserRole, (hit.table, hit.row_id))
                top.addChild(child)
            self.results.addTopLevelItem(top)
            top.setExpanded(True)
        total = sum(len(h) for h in groups.values())
        self.summary.setText(f"找到 {total} 条" if total else "没有找到；两个字的姓名请输入全名，或试试拼音首字母")

    def open(self, item: QTreeWidgetItem) -> None:
        ref = item.data(0, Qt.ItemDataRole.UserRole)
        if ref:  # a hit, not a duty's heading
            self.accept()
            self.window_.open_record(*ref)
