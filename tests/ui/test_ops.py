"""ui/ops.py: work leaves the UI thread as a function and plain data and comes back by a queued
signal; the UI thread never waits for the writer; only the UI thread collects garbage."""

import gc
import threading

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from sqlmodel import select

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.ui import ops
from tests.ui.conftest import settled


def _held_until(s, gate: threading.Event, name: str):
    """A write that waits on the writer thread until the test opens the gate."""
    assert gate.wait(30)
    return registry.register_person(s, SYSTEM, {"name": name}).name


def test_the_ui_thread_runs_on_while_the_writer_works(qtbot, app_session):
    page = QWidget()
    qtbot.addWidget(page)
    gate, results, threads = threading.Event(), [], []

    def done(name):
        threads.append(threading.current_thread())
        results.append(name)
    op = ops.WriteOp(page, app_session, _held_until, gate, "卢一").success(done).run()
    assert not op.finished and results == []  # run() returned while the writer still holds the job
    ticks = []
    for _ in range(5):  # the UI thread handles its events meanwhile
        label = QLabel("…", page)
        label.setText("已处理")
        ticks.append(label.text())
        qtbot.wait(1)
    assert ticks == ["已处理"] * 5 and not op.finished
    gate.set()
    settled()
    assert results == ["卢一"] and threads == [threading.main_thread()]


def test_a_refusal_goes_to_failure_in_its_own_words_and_nothing_is_written(qtbot, app_session, monkeypatch):
    page = QWidget()
    qtbot.addWidget(page)
    warned, failed = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append((title, text)))

    def refuse(_s, reason):
        raise UserError(reason)
    ops.WriteOp(page, app_session, refuse, "不能办理：示例").failure(failed.append).run()
    ops.WriteOp(page, app_session, refuse, "没有回调时弹出提示").refused("不能保存").run()
    settled()
    assert [str(e) for e in failed] == ["不能办理：示例"]
    assert warned == [("不能保存", "没有回调时弹出提示")]


def test_widgets_and_closures_over_them_are_refused(qtbot, app_session):
    page = QWidget()
    qtbot.addWidget(page)
    label = QLabel(page)
    with pytest.raises(TypeError, match="不能带界面对象"):
        ops.WriteOp(page, app_session, registry.register_person, {"name": label}).run()
    with pytest.raises(TypeError, match="不能带界面对象"):
        ops.WriteOp(page, app_session, lambda s: label.text()).run()
    with pytest.raises(TypeError, match="不能带界面对象"):
        ops.TaskOp(page, app_session, label.text).run()
    assert ops.idle()


def test_the_page_closed_meanwhile_gets_no_callback(qtbot, app_session):
    page = QWidget()
    gate, results = threading.Event(), []
    ops.WriteOp(page, app_session, _held_until, gate, "卢二").success(results.append).run()
    page.deleteLater()
    qtbot.wait(10)
    gate.set()
    settled()
    assert results == []
    with app_session.db.read() as s:  # the write itself happened
        assert [p.name for p in s.exec(select(Person).where(Person.name == "卢二"))] == ["卢二"]


def test_tables_changed_after_each_write(qtbot, app_session):
    ops.watch_writer(app_session)
    page = QWidget()
    qtbot.addWidget(page)
    heard = []
    ops.changes().tables_changed.connect(heard.append)
    try:
        ops.WriteOp(page, app_session, registry.register_person, app_session.principal, {"name": "卢三"}).run()
        settled()
        qtbot.waitUntil(lambda: bool(heard), timeout=10_000)
    finally:
        ops.changes().tables_changed.disconnect(heard.append)
    assert {"person", "sync_outbox"} <= set(heard[0])


def _allocate(_s, n: int) -> int:
    """Work on the writer that allocates enough to start a collection there, were it automatic."""
    kept = [[i] for i in range(n)]
    return len(kept)


class _Held(QWidget):
    """A widget in a reference cycle; records the thread its Python wrapper is freed on."""

    freed_on: list = []

    def __del__(self):
        _Held.freed_on.append(threading.current_thread().name)


def test_only_the_ui_thread_frees_widgets_in_cycles(qtbot, app_session):
    _Held.freed_on = []
    page = QWidget()
    qtbot.addWidget(page)
    for _ in range(3):  # cycles holding widgets, as a dialog and a callback naming it make them
        for _ in range(20):
            w = _Held()
            w.me = w
        del w
        done = []
        for _ in range(3):
            ops.WriteOp(page, app_session, _allocate, 300_000).success(done.append).run()
        settled()
        assert done == [300_000] * 3
    assert _Held.freed_on == [] or set(_Held.freed_on) == {threading.main_thread().name}, _Held.freed_on
    gc.collect()  # what the UI thread's timer does
    assert len(_Held.freed_on) == 60 and set(_Held.freed_on) == {threading.main_thread().name}


def test_the_status_bar_and_pages_follow_every_write(qtbot, app_session):
    """One app-wide signal after each write: the pending-changes count and the people ledger
    follow a write made elsewhere (here straight through the op API)."""
    from sfs_desktop.ui.main_window import MainWindow

    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("people")
    people = window.page("people")
    with app_session.db.read() as s:
        from sqlalchemy import func
        from sfs_desktop.core.db.synced import SyncOutbox

        before = s.scalar(select(func.count()).select_from(SyncOutbox))
    assert window.status_outbox.text() == f"待同步变更 {before} 条" and people.model.rowCount() == 0
    ops.WriteOp(window, app_session, registry.register_person, app_session.principal, {"name": "卢四"}).run()
    settled()
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=10_000)
    assert window.status_outbox.text() == f"待同步变更 {before + 1} 条"


def test_pages_write_only_through_the_op_api():
    """No page calls the writer itself (it would wait on it on the UI thread): grep the UI."""
    import re
    from pathlib import Path

    import sfs_desktop.ui as ui

    direct = re.compile(r"\b(app|db|session|self\.app|self\.app\.db)\.write\(")
    found = [f"{p.relative_to(Path(ui.__file__).parent)}:{n}" for p in Path(ui.__file__).parent.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if direct.search(line) and p.name != "ops.py"]
    assert found == []
