"""The print preview shows the rendered PDF, prints every page to a QPrinter and saves as PDF."""

import io
from datetime import date

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")

from PySide6.QtPrintSupport import QPrinter  # noqa: E402

from sfs_desktop.core.printing import render  # noqa: E402
from sfs_desktop.ui.printing.preview import PreviewDialog  # noqa: E402


def _certificate() -> bytes:
    buf = io.BytesIO()
    render("certificate.mediator_appointment", {"name": "测试员", "committee": "竹山村人民调解委员会",
                                                "term_start": date(2024, 1, 1), "term_end": date(2026, 12, 31),
                                                "issuer": "桃江县司法局", "issued_on": date(2024, 1, 1)}, buf)
    return buf.getvalue()


def test_preview_prints_and_saves(qtbot, tmp_path):
    data = _certificate()
    dialog = PreviewDialog(data, "人民调解员聘书", "聘书.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.document.pageCount() == 1
    assert dialog.pages_label.text() == "共 1 页"

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer) == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000

    saved = dialog.save_to(tmp_path / "copy")
    assert saved.name == "copy.pdf" and saved.read_bytes() == data


def _pages(n: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(n):
        c.drawString(72, 720, f"page {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_a_preview_freed_while_its_pages_render_frees_nothing_twice(qtbot):
    """Closing a preview while its pages are still being drawn (a page closed, a case closed):
    QtPdf drew pages on its own thread and the dialog freed the document first, so the thread
    read freed memory and a later window crashed the program. Now nothing draws off the UI thread,
    and the document is freed after the view that draws it."""
    from PySide6.QtCore import QBuffer, QCoreApplication, QEvent
    from PySide6.QtPdf import QPdfPageRenderer
    from PySide6.QtWidgets import QDialog, QWidget

    data = _pages(40)
    for _ in range(30):
        dialog = PreviewDialog(data, "多页文书", "文书.pdf")
        dialog.show()
        QCoreApplication.processEvents()
        renderers = dialog.view.findChildren(QPdfPageRenderer)
        assert renderers and all(r.renderMode() == QPdfPageRenderer.RenderMode.SingleThreaded for r in renderers)
        children = dialog.children()  # freed in this order: the view (and its renderer) first
        assert children.index(dialog.view) < children.index(dialog.document)
        assert dialog.document.findChild(QBuffer) is not None  # the bytes go with the document
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        other = QDialog()  # constructing a window reads the screens: where the freed memory showed
        other.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QWidget()
