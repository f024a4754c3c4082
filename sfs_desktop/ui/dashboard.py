"""工作台: what is due or overdue across duties, this month's and year's counts, and the charts duties register."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from sfs_desktop.core import deadlines, duties
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.widgets import after_first_paint


def _figures(db, today: date, counts: bool, who) -> tuple:
    with db.read() as s:
        figures = duties.tile_counts(s, who, today) if counts else None
        return today, figures, deadlines.collect(s, today, who=who)  # a 调解员 sees their committees


class Dashboard(QWidget):
    record_chosen = Signal(str, str)
    """(table, row id) of a due item double-clicked: the main window opens the record."""

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        layout.addWidget(self.heading)
        counts = QGroupBox(self.tr("基本情况"), self)
        self.count_grid = QGridLayout(counts)
        layout.addWidget(counts)
        due_box = QGroupBox(self.tr("到期与超期事项（已超期、7 天内到期、已到提前提醒期）"), self)
        due_layout = QVBoxLayout(due_box)
        self.due = QTableWidget(0, 5, due_box)
        self.due.setObjectName("due")
        self.due.setHorizontalHeaderLabels([self.tr("业务"), self.tr("记录"), self.tr("事项"), self.tr("期限"), self.tr("状态")])
        self.due.horizontalHeader().setStretchLastSection(True)
        self.due.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.due.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.due.setToolTip(self.tr("双击打开该记录"))
        self.due.cellDoubleClicked.connect(self._choose)
        self.empty = QLabel(self.tr("暂无到期或超期事项。"), due_box)
        due_layout.addWidget(self.due)
        due_layout.addWidget(self.empty)
        layout.addWidget(due_box)
        self.charts = ChartPanel(app, self)
        layout.addWidget(self.charts, 1)
        self.count_values: list[QLabel] = []
        for i, tile in enumerate(duties.all_tiles()):  # the shared tiles, then each duty's (its manifest)
            label = tile.label
            self.count_grid.addWidget(QLabel(label, self), 0, i)
            value = QLabel("…", self)
            value.setObjectName(f"count_{i}")
            self.count_grid.addWidget(value, 1, i)
            self.count_values.append(value)
        self._counted = False
        self.refresh(counts=False)  # the counts scan whole tables: they follow the first paint

    def _choose(self, row: int, _column: int) -> None:
        table, row_id = self.due.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if table and row_id:
            self.record_chosen.emit(table, row_id)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._counted:
            self._counted = True
            after_first_paint(self, self.refresh)

    def data_changed(self, tables: frozenset[str]) -> None:
        """The counts and the due list follow every write (the main window calls this)."""
        if self._counted:
            self.refresh()

    def refresh(self, counts: bool = True) -> None:
        """The counts and the due list are read off the UI thread (they scan whole tables)."""
        today = date.today()
        self.heading.setText(f"<h2>工作台</h2><p>{today:%Y年%m月%d日}，{self.app.principal.display_name}，您好。</p>")
        self.op = TaskOp(self, self.app, _figures, self.app.db, today, counts, self.app.principal).success(self._show).run()

    def _show(self, read: tuple) -> None:
        today, figures, items = read
        for value, n in zip(self.count_values, figures or ()):
            value.setText(f"<b style='font-size:150%'>{n}</b>")
        self.due.setRowCount(len(items))
        for r, item in enumerate(items):
            for c, text in enumerate([item.duty, item.ref, item.title, f"{item.due:%Y-%m-%d}", item.badge(today)]):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, (item.record_table, item.record_id))
                self.due.setItem(r, c, cell)
        self.due.resizeColumnsToContents()
        self.empty.setVisible(not items)
        self.due.setVisible(bool(items))


class ChartPanel(QWidget):
    """The charts duties register (ui/charts.py) side by side, built once the panel has been painted.

    The first paint shows a placeholder line; the charts (QtCharts' import, their queries and
    set-up) follow on the next turn of the event loop, so the window is on screen without them."""

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        self.views: dict[str, object] = {}  # chart key → QChartView
        self._scheduled = False
        self.setMinimumHeight(260)
        layout = QHBoxLayout(self)
        self.placeholder = QLabel(self.tr("正在生成统计图……"), self)
        layout.addWidget(self.placeholder)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._scheduled:
            self._scheduled = True
            after_first_paint(self, self.build)

    def build(self) -> None:
        from PySide6.QtCharts import QChartView

        from sfs_desktop.ui import charts

        self.placeholder.hide()
        layout = self.layout()
        for c in charts.registered():
            view = self.views.get(c.key)
            if view is None:
                view = QChartView(self)
                view.setObjectName(c.key)
                view.setRenderHint(QPainter.RenderHint.Antialiasing)
                layout.addWidget(view)
                self.views[c.key] = view
            view.setChart(c.build(self.app))
