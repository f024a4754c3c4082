"""Unexpected errors: logged, and shown once per distinct error with the log path and a copy button."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.logs import redact

log = logging.getLogger("sfs_desktop.ui")


class ErrorReporter:
    def __init__(self, log_path: str = ""):
        self.log_path = log_path
        self.shown: set[str] = set()
        self.last_box: QMessageBox | None = None

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, UserError):
            self._box("无法完成操作", str(exc), "")
            return
        detail = redact("".join(traceback.format_exception(exc_type, exc, tb)))
        log.error("unexpected error\n%s", detail)
        key = f"{exc_type.__name__}:{redact(str(exc))}"
        if key in self.shown:
            return
        self.shown.add(key)
        self._box("程序出错", f"程序遇到了意外错误，已记录到日志：\n{self.log_path}\n\n"
                            "您的数据没有丢失。请把下面的详细信息复制给维护人员。", detail)

    def _box(self, title: str, text: str, detail: str) -> None:
        if QApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        box = QMessageBox(QMessageBox.Icon.Critical if detail else QMessageBox.Icon.Warning, title, text)
        if detail:
            box.setDetailedText(detail)
            copy = box.addButton("复制详细信息", QMessageBox.ButtonRole.ActionRole)
            copy.clicked.disconnect()
            copy.clicked.connect(lambda: QApplication.clipboard().setText(detail))
        box.addButton(QMessageBox.StandardButton.Ok)
        self.last_box = box
        box.show()
