"""The single writer: one thread, one connection, one short transaction per job.

The GUI and every command hand their writes here, so SQLite never sees two writers and the UI
thread never commits. Jobs run with the caller's context (who is acting), and their exception
is re-raised in the caller.
"""

from __future__ import annotations

import contextvars
import queue
import threading
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
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            self._run(*item)
            # Held until the next job otherwise: the job's closure (a dialog, an import's rows)
            # would outlive it on this thread, and be freed here, off the UI thread, much later.
            item = None

    def _run(self, ctx: contextvars.Context, fn: Callable[[Session], Any], future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            result = ctx.run(self._transaction, fn)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            future.set_exception(exc)
        else:
            future.set_result(result)

    def _transaction(self, fn: Callable[[Session], Any]) -> Any:
        with Session(self._engine, expire_on_commit=False) as session:
            with session.begin():
                return fn(session)

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout=30)
