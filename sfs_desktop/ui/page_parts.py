"""The pieces duty pages share: a row of buttons, a small table of rows, a generated form in a
dialog, a write that may be refused, a printed form shown in the preview.

Dialogs are remembered on their owner as ``_open_dialog`` while open, so tests can reach them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_checker, code_source
from sfs_desktop.ui.forms import RecordForm, error_label
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.ops import WriteOp


def buttons(owner: QWidget, specs: Sequence[tuple[str, str, Callable]], layout: QHBoxLayout | None = None,
            prefix: str = "btn_") -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """A row of push buttons (key, text, slot), named `prefix`+key, followed by a stretch."""
    row = layout or QHBoxLayout()
    made = {}
    for key, text, slot in specs:
        b = QPushButton(owner.tr(text), owner)
        b.setObjectName(f"{prefix}{key}")
        b.clicked.connect(lambda _checked=False, slot=slot: slot())
        row.addWidget(b)
        made[key] = b
    row.addStretch(1)
    return row, made


def ok_cancel(dialog: QDialog, on_ok: Callable, ok_text: str | None = None, *,
              standard: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok) -> QDialogButtonBox:
    """确定 (or `ok_text`) and 取消 for a dialog whose OK may check before it closes."""
    box = QDialogButtonBox(standard | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.button(standard).setText(ok_text or dialog.tr("确定"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("取消"))
    box.accepted.connect(on_ok)
    box.rejected.connect(dialog.reject)
    return box


def save_cancel(dialog: QDialog, on_save: Callable) -> QDialogButtonBox:
    """保存/取消 for a form dialog whose 保存 checks before it closes. Neither is a default button:
    Enter in a one-line field moves on instead of saving a half-filled form."""
    box = ok_cancel(dialog, on_save, dialog.tr("保存"), standard=QDialogButtonBox.StandardButton.Save)
    for button in box.buttons():
        button.setAutoDefault(False)
    return box


class FormDialog(QDialog):
    """A dialog holding a form: Enter in a field moves to the next one (like Tab) instead of
    pressing the default button and saving a half-filled form; 保存 is pressed by hand."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


def open_dialog(owner: QWidget, dialog: QDialog) -> bool:
    owner._open_dialog = dialog
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask(owner: QWidget, title: str, rows: list[tuple[str, QWidget]]) -> bool:
    """A few loose widgets in an OK/Cancel dialog (a reason, a date, a choice of mediators)."""
    dialog = QDialog(owner)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    for label, widget in rows:
        widget.setParent(dialog)
        form.addRow(label, widget)
    form.addRow(ok_cancel(dialog, dialog.accept))
    return open_dialog(owner, dialog)


def write(owner: QWidget, app: AppSession, fn: Callable, *args, on_done: Callable[[Any], None] | None = None,
          title: str = "不能办理", **kwargs) -> WriteOp:
    """`fn(session, *args, **kwargs)` on the writer, off the UI thread; `on_done(result)` on the UI
    thread when it happened, a refusal shown in its own words (and nothing else) when not."""
    op = WriteOp(owner, app, fn, *args, **kwargs).refused(title)
    if on_done is not None:
        op.success(on_done)
    return op.run()


def scrolled(form: QWidget, dialog: QDialog) -> QScrollArea:
    """`form` in a scroll area as tall as the form, but no taller than three quarters of the
    screen: a long record form (a correction subject, a case) still fits a 1366×768 office screen
    with its 保存 button in sight."""
    area = QScrollArea(dialog)
    area.setObjectName("form_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(form)
    hint = form.sizeHint()
    area.setMinimumWidth(hint.width() + area.verticalScrollBar().sizeHint().width())
    area.setMinimumHeight(min(hint.height(), int(available_height() * 0.75)))
    return area


def available_height() -> int:
    """The usable height of the main screen. Asked of the application, never of a widget: PySide
    makes the QScreen that a widget's `screen()` first wraps a child of that widget, and when the
    collector then freed the widget it freed the screen too (every later window crashed)."""
    return QGuiApplication.primaryScreen().availableGeometry().height()


class RecordDialog(FormDialog):
    """A form generated from `model`'s declarations; 保存 calls the core function
    `save(session, *args, values, **kwargs)` on the writer (plain data only, see ui/ops.py)."""

    def __init__(self, app: AppSession, model, title: str, save: Callable[..., Any], *,
                 args: tuple = (), kwargs: dict | None = None,
                 only: list[str] | None = None, record: Any = None,
                 extra: Sequence[tuple[str, QWidget]] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self._save = app, save
        self._args, self._kwargs = tuple(args), dict(kwargs or {})
        self.op: WriteOp | None = None
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if extra:
            top = QFormLayout()
            for label, widget in extra:
                widget.setParent(self)
                top.addRow(label, widget)
            layout.addLayout(top)

        self.form = RecordForm(model, code_source(app), only=only, code_exists=code_checker(app), parent=self)
        if record is not None:
            self.form.set_record(record)
        layout.addWidget(scrolled(self.form, self), 1)
        self.message = error_label(self)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self, self.save))
        self.form.problems_cleared.connect(self.message.clear)
        self.saved: Any = None

    def save_args(self) -> tuple[tuple, dict]:
        """What `save` gets besides the session and the values (read on the UI thread, at 保存)."""
        return self._args, self._kwargs

    def save(self) -> bool:
        """Check the form, then save off the UI thread: the dialog closes when the write happened,
        or shows the refusal and stays open. False when the form itself has problems."""
        if self.confirm():
            self.message.setText("")
        else:
            self.message.setText(self.tr("请先改正标红的内容"))
            return False
        if self.op is not None and not self.op.finished:
            return False  # 保存 pressed twice: the first one is still on its way
        values = self.values()
        args, kwargs = self.save_args()
        self.op = (WriteOp(self, self.app, self._save, *args, values, **kwargs)
                   .success(self._saved).failure(lambda exc: self.message.setText(str(exc))).run())
        return True

    def confirm(self) -> bool:
        return self.form.confirm()

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.form.values().items() if v is not None}  # unset: the model's default

    def _saved(self, result: Any) -> None:
        self.saved = result
        self.accept()

    def reject(self) -> None:
        if self.form.may_discard():
            super().reject()


class RegisterTab(QWidget):
    """A ledger with 新增/修改 buttons over one register; subclasses say how a row is saved
    (`new_record`, `edit_dialog`) and what to tell beside it (`update_notice`)."""

    model_class = None
    key = ""

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        self.layout_ = QVBoxLayout(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.layout_.addWidget(self.notice)
        bar, self.buttons = buttons(self, [("new", "新增", self.new_record), ("edit", "修改", self.edit_selected)])
        self.layout_.addLayout(bar)
        self.model, self.view = record_ledger(app, self.model_class, self.key, self)
        self.layout_.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: self.select(self.model.id_at(index.row())))
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.update_notice()

    def select(self, row_id: str) -> None:
        self.selected_id = row_id
        self.update_notice()

    def update_notice(self) -> None:
        pass

    def _done(self, dialog) -> None:
        if open_dialog(self, dialog):
            self.model.refresh(self.model.query)
            self.update_notice()

    def edit_selected(self) -> None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一行"))
            return
        with self.app.db.read() as s:
            row = s.get(self.model_class, self.selected_id)
        self._done(self.edit_dialog(row))


def print_form(owner: QWidget, app: AppSession, form_id: str, ref: str, title: str,
               on_done: Callable[[Any], None] | None = None) -> WriteOp:
    """Print one form for one record off the UI thread and show it in the preview; the serial and
    log are core's. `on_done(result)` follows once the preview is up."""
    from sfs_desktop.core.printing.service import print_document

    # kept encrypted in the data dir; the preview reads it from memory, 另存为 writes (and audits) a copy
    name = f"{title}-{ref[:8]}.pdf"  # the record id, never a name or ID number
    return (WriteOp(owner, app, print_document, app.principal, form_id, ref, None, blob_root=app.paths.attachments,
                    preview=True)
            .refused("不能打印").success(partial(_show_print, owner, app, title, name, on_done)).run())


def _show_print(owner: QWidget, app: AppSession, title: str, name: str, on_done, result) -> None:
    from sfs_desktop.ui.printing.preview import PreviewDialog

    owner.last_print = result
    from sfs_desktop.core.printing.service import mark_delivered

    preview = PreviewDialog(result.data, title, name, owner,
                            save=lambda path: write(owner, app, result.save_copy, app.principal, Path(path),
                                                    title="不能保存", on_done=on_done),
                            printed=lambda: write(owner, app, mark_delivered, app.principal, result.log_id,
                                                  on_done=on_done))  # now it counts as printed: the page refreshes
    owner._open_dialog = preview
    preview.show()
    if on_done is not None:
        on_done(result)


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]], ids: list[str] | None = None) -> None:
    """A small read-only table (a case's parties, records, visits); row ids kept in UserRole."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if ids is not None:
                item.setData(256, ids[r])
            table.setItem(r, c, item)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnsToContents()


def selected_id(table: QTableWidget) -> str | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return item.data(256) if item is not None else None
