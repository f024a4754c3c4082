"""Background work: off the UI thread, with a progress dialog only if it takes more than ~0.5 s.

`run_in_background(parent, title, fn, on_done)` runs `fn(progress, cancelled)` on a worker
thread; `progress(text, done, total)` updates the dialog, `cancelled()` tells a loop to stop
when the user pressed 取消. Writes inside `fn` still go through the database's single writer.
Failures reach the error dialog through the excepthook.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[str, int, int], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progressed = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Work):
        super().__init__()
        self.fn = fn
        self.cancel_requested = False

    def run(self) -> None:
        try:
            result = self.fn(lambda text, done, total: self.progressed.emit(text, done, total),
                             lambda: self.cancel_requested)
        except BaseException:  # noqa: BLE001 - handed to the UI thread
            self.failed.emit(sys.exc_info())
        else:
            self.finished.emit(result)


class Job(QObject):
    done = Signal(object)

    def __init__(self, parent: QWidget, title: str, fn: Work, cancellable: bool = True):
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = _Worker(fn)
        self.worker.moveToThread(self.thread)
        self.dialog = QProgressDialog(title, "取消" if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumDuration(500)  # appears only for work that takes a while
        self.dialog.setAutoClose(False)
        if cancellable:
            self.dialog.canceled.connect(self._cancel)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.result: Any = None

    def start(self) -> "Job":
        self.thread.start()
        return self

    def _cancel(self) -> None:
        self.worker.cancel_requested = True

    def _progress(self, text: str, done: int, total: int) -> None:
        self.dialog.setLabelText(text)
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _stop(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.thread.quit()
        self.thread.wait()

    def _finished(self, result: Any) -> None:
        self._stop()
        self.result = result
        self.done.emit(result)

    def _failed(self, exc_info) -> None:
        self._stop()
        sys.excepthook(*exc_info)


def run_in_background(parent: QWidget, title: str, fn: Work, on_done: Callable[[Any], None] | None = None,
                      cancellable: bool = True) -> Job:
    job = Job(parent, title, fn, cancellable)
    if on_done is not None:
        job.done.connect(on_done)
    return job.start()
