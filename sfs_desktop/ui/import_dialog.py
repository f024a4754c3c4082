"""Importing a list from a spreadsheet: choose a file, see what it would do, then decide.

The preview is core's (`tabular_import.Preview`), read on a background thread; the dialog lists
every refused row (row, column, reason) and what would be added or updated, and offers 导入全部
only when every row passed, 仅导入有效行 when some did not. The import itself checks the file
again on the writer, in one transaction.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QPushButton, QTableWidget, QTabWidget, \
    QVBoxLayout, QWidget

from sfs_desktop.core.station import roster_import
from sfs_desktop.core.tabular_import import Preview
from sfs_desktop.ui.ops import TaskOp, WriteOp
from sfs_desktop.ui.page_parts import buttons, fill_table, open_dialog

ALL, VALID = "all", "valid"
FILES = "表格文件 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"


class ImportPreviewDialog(QDialog):
    """What importing one file would do; `choice` is ALL, VALID or None (取消)."""

    def __init__(self, preview: Preview, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview, self.choice = preview, None
        self.setWindowTitle(self.tr("导入预览：") + name)
        layout = QVBoxLayout(self)
        self.summary = QLabel(preview.summary(), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        tabs = QTabWidget(self)
        self.rejects = QTableWidget(tabs)
        self.rejects.setObjectName("rejects")
        fill_table(self.rejects, [self.tr("行号"), self.tr("列"), self.tr("原因")],
                   [[str(r.row), r.column or self.tr("整行"), r.reason] for r in preview.rejects])
        self.planned = QTableWidget(tabs)
        self.planned.setObjectName("planned")
        fill_table(self.planned, [self.tr("行号"), self.tr("记录"), self.tr("导入后")],
                   [[str(p.row), p.what, self.tr("新增") if p.existing_id is None else self.tr("更新")]
                    for p in preview.planned])
        tabs.addTab(self.rejects, self.tr("未通过（%1 行）").replace("%1", str(len(preview.rejected_rows))))
        tabs.addTab(self.planned, self.tr("将导入（%1 条）").replace("%1", str(len(preview.planned))))
        tabs.setCurrentWidget(self.rejects if preview.rejects else self.planned)
        layout.addWidget(tabs, 1)
        self.note = QLabel(self._note(), self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        row, self.buttons = buttons(self, [(ALL, "导入全部", lambda: self._choose(ALL)),
                                           (VALID, "仅导入有效行", lambda: self._choose(VALID)),
                                           ("cancel", "取消", self.reject)])
        self.buttons[ALL].setEnabled(preview.all_valid and bool(preview.planned))
        self.buttons[VALID].setEnabled(bool(preview.rejects) and bool(preview.planned))
        layout.addLayout(row)
        size = self.fontMetrics().height()
        self.resize(size * 48, size * 28)

    def _note(self) -> str:
        if not self.preview.planned:
            return self.tr("没有需要导入的新内容或变化（文件中的记录均已登记且相同）。")
        if self.preview.rejects:
            return self.tr("有未通过检查的行：改正文件后重新导入，或只导入有效的行（未通过的行不会导入）。")
        return self.tr("全部行均通过检查。空白单元格不会清除已登记的内容。")

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class RosterImport:
    """The 导入 and 下载模板 buttons' work for one kind of list (staff or areas), for a page tab."""

    def __init__(self, owner: QWidget, app, kind: str, done: Callable[[], None]):
        self.owner, self.app, self.kind, self.done = owner, app, kind, done
        self.result: Preview | None = None

    def start(self, path: str | None = None) -> None:
        """Choose a file (or use `path`), preview it off the UI thread, then show the preview."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.owner, self.owner.tr("选择要导入的文件"), "", FILES)
            if not path:
                return
        TaskOp(self.owner, self.app, roster_import.preview_file, self.app.db, self.app.principal, self.kind,
               path).refused(self.owner.tr("不能导入")).success(lambda preview: self._show(path, preview)).run()

    def _show(self, path: str, preview: Preview) -> None:
        from pathlib import Path

        dialog = ImportPreviewDialog(preview, Path(path).name, self.owner)
        if not open_dialog(self.owner, dialog) or dialog.choice is None:
            return
        WriteOp(self.owner, self.app, roster_import.import_roster, self.app.principal, self.kind, path,
                accept_valid=dialog.choice == VALID).refused(self.owner.tr("不能导入")).success(self._imported).run()

    def _imported(self, result: Preview) -> None:
        self.result = result
        self.done()
        QMessageBox.information(self.owner, self.owner.tr("导入完成"),
                                self.owner.tr("已导入：新增 %1 条，更新 %2 条。").replace("%1", str(result.new))
                                .replace("%2", str(result.updated)))

    def template(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.owner, self.owner.tr("保存导入模板"),
                                                  roster_import.KINDS[self.kind].title + ".xlsx", "Excel 工作簿 (*.xlsx)")
            if not path:
                return
        TaskOp(self.owner, self.app, roster_import.write_template, self.kind, path).refused(
            self.owner.tr("不能保存模板")).success(lambda out: QMessageBox.information(
                self.owner, self.owner.tr("模板已保存"), str(out))).run()


def add_buttons(tab, work: RosterImport) -> None:
    """导入… and 下载导入模板 at the end of a register tab's button row."""
    bar = tab.layout_.itemAt(1).layout()
    for key, button, slot in (("import", QPushButton(tab.tr("导入…"), tab), work.start),
                              ("template", QPushButton(tab.tr("下载导入模板"), tab), work.template)):
        button.setObjectName(f"btn_{key}")
        button.clicked.connect(lambda _checked=False, slot=slot: slot())
        bar.insertWidget(bar.count() - 1, button)
        tab.buttons[key] = button
