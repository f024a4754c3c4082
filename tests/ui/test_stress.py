"""A few hundred random steps through the window, the collector forced often: no hang, no crash.

Register, accept, assign, save an agreement, print and close the preview, switch pages, close a
case; every few steps a full collection. A watchdog dumps every thread's stack and ends the
run if the window stops answering (the lock-up of issue #14 was the UI thread waiting on the
writer while the writer freed a widget)."""

import faulthandler
import gc
import random
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMessageBox

from sfs_desktop.ui import ops
from sfs_desktop.ui.main_window import MainWindow
from tests.ui.conftest import settled
from tests.ui.test_mediation_gui import _later, _ok, _register, _setup

STEPS = 300


def _allocate(_s, n: int) -> int:
    """Enough allocation on the writer to start a collection there, were collection automatic."""
    kept = [[i] for i in range(n)]
    return len(kept)
WATCHDOG_SECONDS = 600


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_random_steps_never_hang_or_crash(qtbot, app_session, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    _setup(app_session)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("mediation")
    page = window.page("mediation")
    rng = random.Random(14)
    open_cases = []
    done = {"register": 0, "accept": 0, "start": 0, "save": 0, "print": 0, "switch": 0, "close": 0}

    def register():
        ws = _register(page, *rng.choice([("周一", "吴二"), ("吴二", "周一")]))
        if ws is not None and ws not in open_cases:
            open_cases.append(ws)

    def accept(ws):
        if ws.steps["accept"].isEnabled():
            _later(lambda: _ok(ws._open_dialog))
            ws.steps["accept"].click()

    def start(ws):
        if ws.steps["start"].isEnabled():
            def choose():
                d = ws._open_dialog
                d.findChild(QListWidget, "mediators").item(0).setCheckState(Qt.CheckState.Checked)
                _ok(d)
            _later(choose)
            ws.steps["start"].click()

    def save(ws):
        ws.ag_facts.setPlainText(f"第{rng.randint(1, 99)}次修改的纠纷事实。")
        ws.ag_terms.item(0, 0).setText("吴二")
        ws.ag_terms.item(0, 1).setText("疏通排水沟")
        ws.save_agreement()

    def print_preview(ws):
        ws.print_choice.setCurrentIndex(rng.randrange(ws.print_choice.count()))
        ws.print_chosen()
        settled()
        preview = getattr(ws, "_open_dialog", None)
        if preview is not None and preview.isVisible():
            preview.close()

    def close(ws):
        open_cases.remove(ws)
        ws.close()
        ws.deleteLater()

    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True, file=sys.stderr)
    try:
        for step in range(STEPS):
            kind = rng.choice(["register", "accept", "start", "save", "print", "switch", "switch", "close"])
            if kind == "register" or not open_cases:
                if len(open_cases) < 6:
                    register()
                    done["register"] += 1
                kind = "register"
            elif kind == "switch":
                window.show_page(rng.choice(["dashboard", "people", "mediation", "sync", "settings"]))
                if window.stack.currentWidget() is page:
                    page.tabs.setCurrentIndex(rng.randrange(page.tabs.count()))
                done["switch"] += 1
            else:
                ws = rng.choice(open_cases)
                {"accept": accept, "start": start, "save": save, "print": print_preview, "close": close}[kind](ws)
                done[kind] += 1
            ops.WriteOp(window, app_session, _allocate, 20_000).run()  # the writer allocates, as big writes do
            settled()
            if step % 5 == 0:
                gc.collect()  # on the UI thread, often: whatever cycles the steps left go now
            qtbot.wait(0)
    finally:
        faulthandler.cancel_dump_traceback_later()
    for ws in list(open_cases):
        close(ws)
    settled()
    gc.collect()
    assert all(n > 0 for n in done.values()), done
    with app_session.db.read() as s:
        from sqlalchemy import func, select

        from sfs_desktop.core.mediation.models import MediationCase

        assert s.scalar(select(func.count()).select_from(MediationCase)) >= done["register"]
