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
from concurrent.futures import Future
from typing import Any, Callable, TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

T = TypeVar("T")
_STOP = object()


class Writer:
    def __init__(self, engine: Engine, name: str = "sfs-writer"):
        self._engine = engine
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[Session], T]) -> "Future[T]":
        """Queue `fn(session)`; it runs inside one transaction, committed when fn returns."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("a write job may not wait for another write job (deadlock)")
        future: Future = Future()
        self._jobs.put((contextvars.copy_context(), fn, future))
        return future

    def run(self, fn: Callable[[Session], T], timeout: float | None = None) -> T:
        return self.submit(fn).result(timeout)

    def _loop(self) -> None:
        # What a job brings from the UI (its closure may hold a dialog) must be freed on the UI
        # thread, never here: Qt objects let go of on another thread crash it later. So the
        # closure is dropped before the caller is woken (the caller still holds it), a failure's
        # frames keep file and line but not their locals, and nothing forms a cycle for the
        # collector to free on this thread at some later moment.
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            ctx, fn, future = item
            item = None
            if not future.set_running_or_notify_cancel():
                continue
            result, error = self._outcome(ctx, fn)
            ctx = fn = None
            if error is None:
                future.set_result(result)
            else:
                traceback.clear_frames(error.__traceback__)
                future.set_exception(error)
            future = result = error = None

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
