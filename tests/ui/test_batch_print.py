"""Batch printing runs off the UI thread, reports progress, can be cancelled, then previews."""

from datetime import date

from PySide6.QtWidgets import QWidget

from sfs_desktop.ui.printing.batch import print_batch


def _contexts(n):
    return [{"name": f"学员{i:03d}", "village": "竹山村", "issuer": "桃江县司法局灰山港司法所",
             "issued_on": date(2024, 6, 1)} for i in range(n)]


def test_batch_prints_in_background_then_previews(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    job = print_batch(parent, "certificate.legal_understander", _contexts(60), tmp_path / "all.pdf", results.append)
    assert not job.finished and not results  # the work runs on its own thread; the result comes back later
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results[0].documents == 60 and not results[0].cancelled
    assert (tmp_path / "all.pdf").exists()
    assert parent._open_dialog.document.pageCount() == 60


def test_batch_can_be_cancelled(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    job = print_batch(parent, "certificate.legal_understander", _contexts(400), tmp_path / "all.pdf", results.append)
    job.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    assert results[0].cancelled and not (tmp_path / "all.pdf").exists()
