"""The single writer: one thread, one connection, one short transaction per job.

The GUI and every command hand their writes here, so SQLite never sees two writers and the UI
thread never commits. Jobs run with the caller's context (who is acting).

Two ways in:
- `run(fn)` waits for the outcome and re-raises the job's exception (commands, tests, core);
- `submit(fn, done)` returns at once; `done(outcome)` is called on the writer thread with a
  one-element list holding `(result, error, tables)`, which the callee empties (the GUI hands it
  to its own thread by a queued signal; the UI thread never waits here).

After every committed transaction `on_change(tables)` (if set) is called on the writer thread
with the names of the tables the transaction wrote; the GUI turns it into one app-wide signal.
This module stays free of Qt: both hooks are plain callables.
"""

from __future__ import annotations

import contextvars
import queue
import threading
import traceback
from typing import Any, Callable, TypeVar

from sqlalchemy import Engine, event
from sqlmodel import Session

T = TypeVar("T")
_STOP = object()
CHANGES = "sfs_changed_tables"  # session.info key: the set of table names a transaction wrote


def note_changed(session: Session, table: str) -> None:
    """Record that `session`'s transaction wrote `table` (for writes that bypass the ORM flush)."""
    changes = session.info.get(CHANGES)
    if changes is not None:
        changes.add(table)


@event.listens_for(Session, "before_flush")
def _record_changes(session: Session, _ctx, _instances) -> None:
    changes = session.info.get(CHANGES)
    if changes is None:
        return
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table:
            changes.add(table)
            if hasattr(obj, "ver_ctr"):  # a synced row: the outbox gets its entry in this flush
                changes.add("sync_outbox")


class _Job:
    """One write and its outcome. Only the caller may hold it once `done` is set: what a job
    brings from the UI must be freed on the UI thread, and Qt objects let go of on another
    thread crash it later."""

    __slots__ = ("ctx", "fn", "result", "error", "done", "deliver")

    def __init__(self, fn: Callable[[Session], Any], deliver: Callable[[list], None] | None = None):
        self.ctx, self.fn = contextvars.copy_context(), fn
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()
        self.deliver = deliver


class Writer:
    def __init__(self, engine: Engine, name: str = "sfs-writer"):
        self._engine = engine
        self._jobs: queue.Queue = queue.Queue()
        self.on_change: Callable[[frozenset[str]], None] | None = None
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def run(self, fn: Callable[[Session], T], timeout: float | None = None) -> T:
        """`fn(session)` inside one transaction, committed when fn returns; its exception re-raised here."""
        if self.in_job():
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

    def in_job(self) -> bool:
        """Whether the caller is a write job (which must not wait for another)."""
        return threading.current_thread() is self._thread

    def submit(self, fn: Callable[[Session], Any], deliver: Callable[[list], None]) -> None:
        """Queue `fn(session)` and return at once; `deliver([(result, error, tables)])` follows on the
        writer thread. `fn` and `deliver` should hold plain data only (ids, values, core functions)."""
        if not self._thread.is_alive():
            raise RuntimeError("数据库已关闭")
        self._jobs.put(_Job(fn, deliver))

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            result, error, tables = self._outcome(job.ctx, job.fn)
            if error is not None:
                traceback.clear_frames(error.__traceback__)  # file and line stay, the frames' locals go
            job.ctx = job.fn = None
            deliver, job.deliver = job.deliver, None
            if tables and error is None and self.on_change is not None:
                try:
                    self.on_change(tables)
                except Exception:  # noqa: BLE001 - a listener never stops the writer
                    traceback.print_exc()
            if deliver is not None:
                box = [(result, error, tables)]
                job = result = error = None
                try:
                    deliver(box)  # the callee takes the outcome out of the box
                except Exception:  # noqa: BLE001
                    traceback.print_exc()
                box = deliver = None
                continue
            job.result, job.error = result, error
            done = job.done
            job = result = error = None  # this thread lets go of everything before the caller wakes
            done.set()

    def _outcome(self, ctx: contextvars.Context, fn: Callable[[Session], Any]
                 ) -> tuple[Any, BaseException | None, frozenset[str]]:
        changes: set[str] = set()
        try:
            return ctx.run(self._transaction, fn, changes), None, frozenset(changes)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            return None, exc, frozenset()

    def _transaction(self, fn: Callable[[Session], Any], changes: set[str]) -> Any:
        with Session(self._engine, expire_on_commit=False) as session:
            session.info[CHANGES] = changes
            with session.begin():
                result = fn(session)
            return result

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join(timeout=30)
