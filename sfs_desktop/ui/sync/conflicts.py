"""冲突 tab: the review queue; the two versions side by side, then keep one of them.

Values are shown as core's diff gives them: S2/S3 fields masked (enough to tell the versions
apart). Resolving is an ordinary, recorded edit made by the signed-in person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QSplitter, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import conflicts
from sfs_desktop.ui.page_parts import buttons, fill_table, selected_id, write


def _shown(diff: conflicts.FieldDiff, value) -> str:
    return diff.show(value)


class ConflictsTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        layout.addWidget(self.heading)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.queue = QTableWidget(split)
        self.queue.setObjectName("queue")
        self.sides = QTableWidget(split)
        self.sides.setObjectName("sides")
        layout.addWidget(split, 1)
        bar, self.buttons = buttons(self, [("keep_a", "保留版本一", lambda: self.resolve("a")),
                                           ("keep_b", "采用版本二", lambda: self.resolve("b"))])
        layout.addLayout(bar)
        self.queue.itemSelectionChanged.connect(self.show_selected)
        self.refresh()

    def refresh(self) -> None:
        with self.app.db.read() as s:
            self.open = conflicts.open_conflicts(s)
        fill_table(self.queue, [self.tr("编号"), self.tr("数据表"), self.tr("争议字段"), self.tr("版本一来自"),
                                self.tr("版本二来自"), self.tr("发现时间")],
                   [[c.id[:8], c.table_name, "、".join(conflicts.label(c.table_name, f) for f in c.fields),
                     c.version_a.get("node", ""), c.version_b.get("node", ""), f"{c.created_at:%Y-%m-%d %H:%M}"]
                    for c in self.open], [c.id for c in self.open])
        self.heading.setText(self.tr("待处理的冲突：") + str(len(self.open)) + self.tr(" 条。两处同时修改了同一字段时列在这里，"
                                                                       "由您决定保留哪一个版本。"))
        fill_table(self.sides, [self.tr("字段"), self.tr("版本一"), self.tr("版本二")], [])
        for b in self.buttons.values():
            b.setEnabled(False)

    def show_selected(self) -> None:
        cid = selected_id(self.queue)
        c = next((c for c in self.open if c.id == cid), None)
        if c is None:
            return
        diffs = conflicts.diff(c)
        fill_table(self.sides, [self.tr("字段"), self.tr("版本一") + f"（{c.version_a.get('node', '')}）",
                                self.tr("版本二") + f"（{c.version_b.get('node', '')}）"],
                   [[d.label + ("＊" if d.name in c.fields else ""), _shown(d, d.a), _shown(d, d.b)] for d in diffs])
        for b in self.buttons.values():
            b.setEnabled(True)

    def resolve(self, side: str) -> None:
        cid = selected_id(self.queue)
        if cid is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一条冲突"))
            return
        write(self, self.app, conflicts.resolve, cid, side, self.app.principal,
              on_done=lambda _r: self.refresh())
