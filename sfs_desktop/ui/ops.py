"""Work off the UI thread: one way for every page (Anki's CollectionOp/QueryOp, for our writer).

    WriteOp(page, app, rules.accept, app.principal, case_id, day).success(page.refresh).run()

- `WriteOp` runs `fn(session, *args, **kwargs)` on the database's single writer, in one
  transaction, acting as the signed-in person; `TaskOp` runs `fn(*args, **kwargs)` on a
  background thread (reads, files, printing to PDF, sync bundles, anything that calls the writer
  itself and may wait on it).
- The page hands over a core function and plain data (ids, values, paths): never a widget, a
  bound method of one, or a closure over one; `run()` refuses those (`TypeError`). What runs
  off the UI thread then holds nothing the UI owns, so nothing Qt is ever freed there.
- The outcome comes back to the UI thread by a queued signal: `success(result)`, or for a
  `UserError` `failure(error)` (without one: a warning box in the rule's own words). Anything
  else is a bug and goes to the error dialog (sys.excepthook). If the page was closed
  meanwhile, the callbacks are skipped.
- `with_progress(label, cancellable)` shows a progress dialog only when the work takes more
  than about half a second; if `fn` has a `progress` parameter it gets a `Progress`
  (`progress(text, done, total)`, `progress.cancelled()`).
- After each committed write the app-wide `changes().tables_changed` signal names the tables
  that changed (pages, the dashboard and the status bar listen to it).

`idle()` says whether nothing is in flight (tests wait on it).
"""

from __future__ import annotations

import contextvars
import inspect
import itertools
import sys
import threading
import traceback
import types
from functools import partial
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from sfs_desktop.core.errors import UserError

PROGRESS_DELAY_MS = 500
_ids = itertools.count(1)
_lock = threading.Lock()
_outcomes: dict[int, tuple[Any, BaseException | None]] = {}  # filled off the UI thread, emptied on it
_pending: dict[int, "Op"] = {}  # UI thread only


class _Hub(QObject):
    """Lives on the UI thread for the whole run; other threads only emit its signals."""

    delivered = Signal(int)
    progressed = Signal(int, str, int, int)
    tables_changed = Signal(object)  # frozenset[str] of table names

    def __init__(self):
        super().__init__()
        self.delivered.connect(_deliver, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(_progressed, Qt.ConnectionType.QueuedConnection)


_hub: _Hub | None = None


def changes() -> _Hub:
    """The app-wide hub; `changes().tables_changed` is the one refresh channel."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


def watch_writer(app) -> None:
    """Have `app`'s writer report each committed transaction's tables on `tables_changed`."""
    hub = changes()
    app.db.writer.on_change = hub.tables_changed.emit


def idle() -> bool:
    return not _pending


def finish(timeout: float) -> bool:
    """At exit: let the work in flight come back (its callbacks run, or are skipped for closed
    pages) before the database it reads is closed. False when some did not within `timeout`."""
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while _pending and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    return not _pending


class Progress:
    """Handed to long work as `progress=`: plain data only (an op id and an event)."""

    def __init__(self, op_id: int):
        self.op_id = op_id
        self._cancel = threading.Event()

    def update(self, text: str, done: int = 0, total: int = 0) -> None:
        changes().progressed.emit(self.op_id, text, done, total)

    __call__ = update

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


def _takes_progress(fn: Callable) -> bool:
    try:
        return "progress" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _is_qt(value: Any) -> bool:
    if isinstance(value, QObject):
        return True
    if isinstance(value, (types.MethodType, types.BuiltinMethodType)):
        return isinstance(getattr(value, "__self__", None), QObject)
    if isinstance(value, partial):
        return _is_qt(value.func) or any(_is_qt(a) for a in value.args) or any(
            _is_qt(v) for v in value.keywords.values())
    if isinstance(value, types.FunctionType) and value.__closure__:
        for cell in value.__closure__:
            try:
                content = cell.cell_contents
            except ValueError:  # an empty cell
                continue
            if _is_qt(content):
                return True
    return False


def _check_plain(fn: Callable, args: tuple, kwargs: dict) -> None:
    for value in (fn, *args, *kwargs.values()):
        if _is_qt(value):
            raise TypeError(f"后台工作只能带普通数据，不能带界面对象：{value!r}")
        if isinstance(value, (list, tuple, set, frozenset)) and any(_is_qt(v) for v in value):
            raise TypeError(f"后台工作只能带普通数据，不能带界面对象：{value!r}")
        if isinstance(value, dict) and any(_is_qt(v) for v in value.values()):
            raise TypeError(f"后台工作只能带普通数据，不能带界面对象：{value!r}")


def _hand_over(op_id: int, box: list) -> None:
    """Off the UI thread: park the outcome and wake the UI thread; this thread keeps nothing."""
    result, error, *_tables = box.pop()
    with _lock:
        _outcomes[op_id] = (result, error)
    result = error = None
    changes().delivered.emit(op_id)


class _Task:
    """A background job for a plain thread: its references are dropped before the UI is woken."""

    __slots__ = ("op_id", "fn", "args", "kwargs", "ctx")

    def __init__(self, op_id, fn, args, kwargs):
        self.op_id, self.fn, self.args, self.kwargs = op_id, fn, args, kwargs
        self.ctx = contextvars.copy_context()


def _run_task(task: _Task) -> None:
    fn, args, kwargs, ctx, op_id = task.fn, task.args, task.kwargs, task.ctx, task.op_id
    task.fn = task.args = task.kwargs = task.ctx = None
    try:
        outcome = (ctx.run(fn, *args, **kwargs), None)
    except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
        traceback.clear_frames(exc.__traceback__)
        outcome = (None, exc)
    fn = args = kwargs = ctx = None
    box = [(*outcome, frozenset())]
    outcome = None
    _hand_over(op_id, box)


def _closed(window: QWidget) -> bool:
    """Shown once and hidden since (closed), as against never shown yet."""
    return window.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide) and window.isHidden()


class Op:
    """One piece of work for a page; see the module docstring."""

    refused_title = "不能办理"

    def __init__(self, parent: QWidget, app, fn: Callable, *args, **kwargs):
        self.parent, self.app = parent, app
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[UserError], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self.id = next(_ids)
        self.progress: Progress | None = None
        self.dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self._success = callback
        return self

    def failure(self, callback: Callable[[UserError], None]) -> "Op":
        self._failure = callback
        return self

    def refused(self, title: str) -> "Op":
        """The title of the warning shown for a refusal when there is no failure callback."""
        self.refused_title = title
        return self

    def with_progress(self, label: str, cancellable: bool = False) -> "Op":
        self._label, self._cancellable = label, cancellable
        return self

    def run(self) -> "Op":
        _check_plain(self.fn, self.args, self.kwargs)
        changes()  # made on the UI thread, before any worker emits
        kwargs = dict(self.kwargs)
        if self._label is not None:
            self.progress = Progress(self.id)
            if _takes_progress(self.fn):
                kwargs["progress"] = self.progress
            self._timer = QTimer(self.parent)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(PROGRESS_DELAY_MS)
        _pending[self.id] = self
        try:
            self._start(self.fn, self.args, kwargs)
        except BaseException:
            _pending.pop(self.id, None)
            raise
        return self

    def _start(self, fn, args, kwargs) -> None:
        raise NotImplementedError

    def cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()

    # --- on the UI thread ----------------------------------------------------------------------
    def _show_progress(self) -> None:
        if self.finished or not isValid(self.parent):
            return
        self.dialog = QProgressDialog(self._label, self.parent.tr("取消") if self._cancellable else "", 0, 0,
                                      self.parent)
        self.dialog.setObjectName("progress")
        self.dialog.setWindowTitle(self._label)
        self.dialog.setAutoClose(False)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if self._cancellable:
            self.dialog.canceled.connect(self.cancel)
        else:
            self.dialog.setCancelButton(None)
        self.dialog.show()

    def _update(self, text: str, done: int, total: int) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.setLabelText(text)
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.finished = True
        if self._timer is not None and isValid(self._timer):
            self._timer.stop()
            self._timer.deleteLater()
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self._timer = self.dialog = None
        self.result, self.error = result, error
        alive = isValid(self.parent)
        try:
            if error is None:
                if alive and self._success is not None:
                    self._success(result)
            elif isinstance(error, UserError):
                if not alive:
                    return
                if self._failure is not None:
                    self._failure(error)
                elif not _closed(self.parent.window()):  # a closed window's late work: no box for no one
                    QMessageBox.warning(self.parent, self.refused_title, str(error))
            else:
                sys.excepthook(type(error), error, error.__traceback__)
        finally:
            self.fn = self.args = self.kwargs = None
            self._success = self._failure = None


class _SessionCall:
    """`fn(session, *args, **kwargs)`: what the writer runs (plain data only)."""

    __slots__ = ("fn", "args", "kwargs")

    def __init__(self, fn, args, kwargs):
        self.fn, self.args, self.kwargs = fn, args, kwargs

    def __call__(self, session):
        return self.fn(session, *self.args, **self.kwargs)


class WriteOp(Op):
    """`fn(session, *args, **kwargs)` in one transaction on the single writer, as the signed-in person."""

    def _start(self, fn, args, kwargs) -> None:
        from sfs_desktop.core.db.synced import acting_as

        work = _SessionCall(fn, args, kwargs)
        with acting_as(self.app.principal.username):
            self.app.db.writer.submit(work, partial(_hand_over, self.id))


class TaskOp(Op):
    """`fn(*args, **kwargs)` on a background thread, as the signed-in person (if any)."""

    def _start(self, fn, args, kwargs) -> None:
        if self.app is not None:
            from sfs_desktop.core.db.synced import acting_as  # (not at import: the login dialog comes first)

            with acting_as(self.app.principal.username):
                task = _Task(self.id, fn, args, kwargs)
        else:
            task = _Task(self.id, fn, args, kwargs)
        threading.Thread(target=_run_task, args=(task,), name=f"sfs-task-{self.id}", daemon=True).start()


def _deliver(op_id: int) -> None:
    with _lock:
        result, error = _outcomes.pop(op_id, (None, None))
    op = _pending.pop(op_id, None)
    if op is not None:
        op._finish(result, error)


def _progressed(op_id: int, text: str, done: int, total: int) -> None:
    op = _pending.get(op_id)
    if op is not None:
        op._update(text, done, total)

