"""Batch printing runs off the UI thread through core's print service (numbers, log, audit),
reports progress, can be cancelled (leaving no trace), then previews."""

from sqlmodel import select

from PySide6.QtWidgets import QWidget

from sfs_desktop.core import demo
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.station.models import Staff
from sfs_desktop.ui.printing.batch import print_batch


def _staff(app):
    demo.generate(app.db, app.principal, scale=5, seed=3)
    with app.db.read() as s:
        return [p.id for p in s.exec(select(Staff)).all()]


def _logged(app):
    with app.db.read() as s:
        return s.exec(select(PrintLog).where(PrintLog.form_id == "certificate.work_card")).all()


def test_batch_prints_in_background_then_previews(qtbot, app_session, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    parent = QWidget()
    qtbot.addWidget(parent)
    ids = _staff(app_session)
    results = []
    job = print_batch(parent, app_session, "certificate.work_card", ids, tmp_path / "all.pdf", results.append)
    assert not job.finished and not results  # the work runs on its own thread; the result comes back later
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    serials = [d.serial for d in results[0].documents]
    assert len(serials) == len(ids) and len(set(serials)) == len(ids) and all(serials)
    assert (tmp_path / "all.pdf").exists()
    assert parent._open_dialog.document.pageCount() == len(ids)
    assert sorted(log.serial_no for log in _logged(app_session)) == sorted(serials)


def test_batch_can_be_cancelled_and_leaves_no_trace(qtbot, app_session, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a))
    parent = QWidget()
    qtbot.addWidget(parent)
    ids = _staff(app_session)
    results = []
    job = print_batch(parent, app_session, "certificate.work_card", ids, tmp_path / "all.pdf", results.append)
    job.cancel()
    qtbot.waitUntil(lambda: job.finished, timeout=60_000)
    assert not results and not (tmp_path / "all.pdf").exists()
    assert _logged(app_session) == []
