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
