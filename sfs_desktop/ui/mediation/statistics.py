"""统计 tab: the §3.6 figures for a chosen year, quarter or month, and their export to Excel."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableWidget,
                               QVBoxLayout, QWidget)

from sfs_desktop.core.mediation import stats
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp, WriteOp
from sfs_desktop.ui.page_parts import fill_table

PERIODS = [("全年", ""), *[(f"第{n}季度", f"-Q{i}") for i, n in enumerate("一二三四", 1)],
           *[(f"{m}月", f"-{m:02d}") for m in range(1, 13)]]


def _compute(db, period: str):
    with db.read() as s:
        return stats.compute(s, period)


class StatisticsTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(self.tr(" 年"))
        self.part = QComboBox(self)
        self.part.setObjectName("part")
        for label, suffix in PERIODS:
            self.part.addItem(self.tr(label), suffix)
        export = QPushButton(self.tr("导出 Excel…"), self)
        export.setObjectName("export")
        export.clicked.connect(lambda: self.export())
        for w in (QLabel(self.tr("统计期间"), self), self.year, self.part):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(export)
        layout.addLayout(bar)
        self.figures = None
        self.table = QTableWidget(self)
        self.table.setObjectName("figures")
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(self.refresh)
        self.part.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def period(self) -> str:
        return f"{self.year.value()}{self.part.currentData()}"

    def refresh(self) -> None:
        """The figures are counted off the UI thread; the table fills when they are in."""
        period = self.period()
        self.op = TaskOp(self, self.app, _compute, self.app.db, period).success(partial(self._show, period)).run()

    def _show(self, period: str, figures) -> None:
        if period != self.period():
            return  # the choice changed meanwhile: a later count is on its way
        self.figures = figures
        fill_table(self.table, [self.tr("指标"), self.tr("数值")], [[k, str(v)] for k, v in figures.table()])

    def export(self, path: str | None = None) -> Path | None:
        from sfs_desktop.core.reports.export import export_table

        title = f"人民调解统计表（{self.period()}）"
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出统计表"), str(self.app.paths.exports / f"{title}.xlsx"),
                                                  self.tr("Excel 文件 (*.xlsx)"))
            if not path:
                return None
        self.op = (WriteOp(self, self.app, export_table, self.app.principal, title, self.figures.table(), Path(path))
                   .refused("不能导出").success(self._exported).run())
        return Path(path)

    def _exported(self, path) -> None:
        self.exported = path
