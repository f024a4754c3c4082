"""A declared statistics table on screen (core/reports/tables.py): a period chooser, the figures,
and their export to Excel. Any duty's 统计 tab is this view over its report's name."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableWidget,
                               QVBoxLayout, QWidget)

from sfs_desktop.core.reports import tables
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import fill_table

PERIODS = [("全年", ""), *[(f"第{n}季度", f"-Q{i}") for i, n in enumerate("一二三四", 1)],
           *[(f"{m}月", f"-{m:02d}") for m in range(1, 13)], ("上半年", "-H1"), ("下半年", "-H2")]


def compute(db, who, name: str, period: str) -> tables.Figures:
    from sfs_desktop.core import duties

    with db.read() as s:
        return tables.compute(duties.reports()[name], s, who, period)


def export(session, who, figures: tables.Figures, out: Path) -> Path:
    from sfs_desktop.core.reports.export import export_sheet

    details = tables.detail_sheets(figures.report, session, who, figures.period)  # the lists `who` may read
    return export_sheet(session, who, tables.figures_sheet(figures, details=details), out)


class ReportView(QWidget):
    report_name = ""  # a subclass names its report, or pass `name`

    def __init__(self, app: AppSession, parent=None, name: str | None = None):
        super().__init__(parent)
        self.app = app
        self.name = name or self.report_name
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
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(lambda: self.export())
        for w in (QLabel(self.tr("统计期间"), self), self.year, self.part):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.figures: tables.Figures | None = None
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
        self.op = (TaskOp(self, self.app, compute, self.app.db, self.app.principal, self.name, period)
                   .refused(self.tr("不能统计")).success(partial(self._show, period)).run())

    def _show(self, period: str, figures: tables.Figures) -> None:
        if period != self.period():
            return  # the choice changed meanwhile: a later count is on its way
        self.figures = figures
        rows = figures.rows()
        fill_table(self.table, [self.tr("指标"), self.tr("数值")], [[m.label, tables.display(v, m.kind)] for m, v in rows])
        for r, (m, _v) in enumerate(rows):
            if m.definition:
                self.table.item(r, 0).setToolTip(m.definition)

    def export(self, path: str | None = None) -> Path | None:
        from sfs_desktop.ui.exporting import export_xlsx

        if self.figures is None:
            return None
        title = f"{self.figures.report.title}（{self.figures.period}）"
        self.op = export_xlsx(self, self.app, self.tr("导出统计表"), title, export, self.app.principal, self.figures,
                              path=path)
        return self.op
