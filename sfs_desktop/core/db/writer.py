"""The single writer: one thread, one connection, one short transaction per job.

The GUI and every command hand their writes here, so SQLite never sees two writers and the UI
thread never commits. Jobs run with the caller's context (who is acting), and their exception
is re-raised in the caller.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import traceback
from typing import Any, Callable, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

T = TypeVar("T")
_STOP = object()


class _Job:
    """One write and its outcome. Only the caller may hold it once `done` is set: what a job
    brings from the UI (its closure may hold a dialog) must be freed on the UI thread, and Qt
    objects let go of on another thread crash it later."""

    __slots__ = ("ctx", "fn", "result", "error", "done")

    def __init__(self, fn: Callable[[Session], Any]):
        self.ctx, self.fn = contextvars.copy_context(), fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()


class Writer:
    def __init__(self, engine: Engine, name: str = "sfs-writer"):
        self._engine = engine
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def run(self, fn: Callable[[Session], T], timeout: float | None = None) -> T:
        """`fn(session)` inside one transaction, committed when fn returns; its exception re-raised here."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("a write job may not wait for another write job (deadlock)")
        job = _Job(fn)
        self._jobs.put(job)
        if not job.done.wait(timeout):
            raise TimeoutError("写入等待超时")
        error, result = job.error, job.result
        job = None
        if error is None:
            return result
        try:
            raise error
        finally:
            error = None  # no cycle through this frame

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            result, error = self._outcome(job.ctx, job.fn)
            if error is not None:
                traceback.clear_frames(error.__traceback__)  # file and line stay, the frames' locals go
            job.ctx = job.fn = None
            job.result, job.error = result, error
            done = job.done
            job = result = error = None  # this thread lets go of everything before the caller wakes
            done.set()

    def _outcome(self, ctx: contextvars.Context, fn: Callable[[Session], Any]) -> tuple[Any, BaseException | None]:
        try:
            return ctx.run(self._transaction, fn), None
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            return None, exc

    def _transaction(self, fn: Callable[[Session], Any]) -> Any:
        with Session(self._engine, expire_on_commit=False) as session:
            with session.begin():
                return fn(session)

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout=30)
