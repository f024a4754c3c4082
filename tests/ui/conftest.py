import pytest
from PySide6.QtWidgets import QMessageBox

from sfs_desktop.core.security import attempts
from sfs_desktop.core.security.session import login
from tests.conftest import ADMIN, PASSWORD


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch):
    monkeypatch.setattr(attempts, "pause", lambda seconds: None)


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """Every 是/否 question a test meets (放弃修改？ …) is answered 是 and recorded here; a modal
    box nobody answers would hang the run. Tests that answer otherwise patch it themselves."""
    asked: list[str] = []

    def answer(_parent, title, text, *_args):
        asked.append(f"{title} {text}")
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


@pytest.fixture
def app_session(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    yield app
    try:
        settled(60.0)  # as the program does at exit: no page's work outlives the session it reads
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the test's windows, closed: gone now
    finally:
        app.close()


@pytest.fixture
def settle(qtbot):
    """Wait until every piece of work handed off the UI thread (ui/ops.py) has come back."""
    from sfs_desktop.ui import ops

    def wait(timeout: int = 30_000) -> None:
        qtbot.waitUntil(ops.idle, timeout=timeout)
    return wait


def settled(timeout: float = 30.0) -> None:
    """Process events until the work handed off the UI thread has come back (a helper for tests
    that act inside a modal dialog's own event loop)."""
    import time

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from sfs_desktop.ui import ops

    deadline = time.monotonic() + timeout
    while not ops.idle():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if time.monotonic() > deadline:
            raise AssertionError("后台工作没有在限定时间内返回")
        time.sleep(0.002)
    QApplication.processEvents()


def saved(dialog) -> bool:
    """Press 保存 (or OK) on a form dialog, wait for the write, and say whether it closed saved."""
    dialog.save() if hasattr(dialog, "save") else dialog.apply()
    settled()
    return dialog.result() == 1 and not dialog.isVisible()


@pytest.fixture(autouse=True)
def _collect_on_the_ui_thread(qapp):
    """As in the app (ui/collector.py): no automatic collection anywhere, a UI-thread timer
    collects; after each test a full collection, on this (the UI) thread."""
    import gc

    from sfs_desktop.ui import collector

    collector.install(qapp)
    yield
    gc.collect()
