"""The window one record is worked on in, shared by every duty: what it is and where it stands at
the top, its steps as buttons (greyed, with the rule's reason, when they do not apply), the
duty's tabs, a 时间线 tab when the duty declares a timeline, and the forms printed for it.

The duty declares the rest in core (``core.workspace.Workspace``, named in its manifest) and
subclasses :class:`RecordWorkspace` for its tabs (``build_tabs``, ``show_parts``) and the
``do_<step>`` handlers that collect a few values and call one core function through
:meth:`RecordWorkspace.step`. Everything the window shows is read in one go off the UI thread
(``core.workspace.load``); after every step the whole view is read again. A record whose views
are audited (S3) has its view recorded once, on the writer, when the window opens
(``ui.timeline.open_record``); the reads record nothing.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from sfs_desktop.core import workspace
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp, WriteOp
from sfs_desktop.ui.page_parts import print_form, write
from sfs_desktop.ui.timeline import TimelineView, open_record

ALERT = "#b00020"


class RecordWorkspace(QDialog):
    table = ""  # the record's table, whose Workspace the duty declares

    def __init__(self, app: AppSession, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.record_id = app, record_id
        self.spec = workspace.spec(self.table)
        self.view: workspace.View | None = None
        self.record: Any = None
        self.setWindowTitle(self.spec.title)
        self.resize(960, 680)
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)

        bar = QHBoxLayout()
        self.steps: dict[str, QPushButton] = {}
        for step in self.spec.steps:
            b = QPushButton(step.label, self)
            b.setObjectName(f"step_{step.key}")
            b.setEnabled(False)  # until the record is read
            b.clicked.connect(getattr(self, f"do_{step.key}"))
            self.steps[step.key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.step_hint = QLabel(self)
        self.step_hint.setObjectName("step_hint")
        self.step_hint.setStyleSheet("color: #5f6b7a")
        self.step_hint.setWordWrap(True)
        layout.addWidget(self.step_hint)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.build_tabs()
        self.timeline: TimelineView | None = None
        if self.spec.timeline is not None:
            self.timeline = TimelineView(app, self.table, record_id, self, standalone=False)
            self.timeline.saved.connect(self.refresh)
            self.tabs.addTab(self.timeline, self.tr("时间线"))

        self.print_choice = QComboBox(self)
        self.print_choice.setObjectName("print_choice")
        for action in self.spec.prints:
            self.print_choice.addItem(action.title, action.form_id)
        if self.spec.prints:
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("打印文书："), self))
            row.addWidget(self.print_choice)
            button = QPushButton(self.tr("打印…"), self)
            button.setObjectName("print_chosen")
            button.clicked.connect(lambda: self.print_chosen())
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        else:
            self.print_choice.hide()
        open_record(self, app, self.table, record_id, self.refresh)  # an S3 record: its view audited, once

    # --- for the duty --------------------------------------------------------------------------
    def build_tabs(self) -> None:
        """Add the duty's tabs to `self.tabs` (the 时间线 tab follows them)."""

    def show_parts(self, parts: Any) -> None:
        """Fill the duty's tabs from what its `parts` function read."""

    def step(self, fn, *args, **kwargs) -> WriteOp:
        """One write of core's `fn(session, *args, **kwargs)` off the UI thread; the view is read
        again only when it happened, so a refusal keeps what was typed."""
        return write(self, self.app, fn, *args, on_done=self._stepped, **kwargs)

    # --- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.op = (TaskOp(self, self.app, workspace.load, self.app.db, self.app.principal, self.table, self.record_id,
                          date.today()).refused(self.tr("不能查看")).success(self._show).run())

    def _show(self, view: workspace.View) -> None:
        self.view, self.record = view, view.record
        bits = []
        for item in view.header:
            text = escape(item.text)
            text = f"<b>{text}</b>" if item.strong else text
            bits.append(f"<span style='color:{ALERT}'>{text}</span>" if item.alert else text)
        self.header.setText("　".join(bits))
        for state in view.steps:
            button = self.steps[state.key]
            button.setEnabled(state.enabled)
            button.setToolTip(state.reason)
            button.setStatusTip(state.reason)
        can = [s.label for s in view.steps if s.enabled]
        self.step_hint.setText(self.tr("现在可以办理：") + "、".join(can) if can else
                               self.tr("现在没有可以办理的步骤") + (f"（{view.steps[0].reason}）" if view.steps else ""))
        self.show_parts(view.parts)
        if self.timeline is not None and view.timeline is not None:
            self.timeline.show_reading(view.timeline)

    def _stepped(self, _result) -> None:
        self.refresh()

    def print_chosen(self) -> WriteOp:
        """Print the chosen form for the record (serial, log and audit are core's)."""
        return print_form(self, self.app, self.print_choice.currentData(), self.record_id,
                          self.print_choice.currentText(), on_done=self._stepped)
