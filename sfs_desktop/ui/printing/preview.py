"""Print preview inside the program (QtPdf), printing through QPrinter, and saving as PDF.

The dialog shows exactly the PDF the core rendered, so what is previewed, printed and saved
is one and the same document on every PC.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)


class PreviewDialog(QDialog):
    """Shows a rendered PDF; 打印 sends it to a printer, 另存为 writes it where the user chooses."""

    def __init__(self, pdf: bytes, title: str, suggested_name: str = "文书.pdf", parent: QWidget | None = None,
                 save: Callable[[Path], object] | None = None, printed: Callable[[], object] | None = None):
        """`pdf` is shown from memory (it never lies in clear on disk for the preview); `save` writes
        the user's copy through core, which audits it; `printed` tells core it went to paper."""
        super().__init__(parent)
        self._save, self._printed = save, printed
        self.setWindowTitle(f"打印预览 — {title}")
        self._pdf, self._suggested = pdf, suggested_name
        self.view = QPdfView(self)
        for renderer in self.view.findChildren(QPdfPageRenderer):
            # QtPdf draws pages on a thread of its own by default; a preview closed while a page was
            # being drawn left that thread reading a freed document (a crash much later, elsewhere).
            # A form's page draws in milliseconds: the UI thread draws it.
            renderer.setRenderMode(QPdfPageRenderer.RenderMode.SingleThreaded)
        # Children are freed in the order they were made: the view (and its renderer) before the
        # document, the document before the bytes it reads from (QtPdf reads the device lazily).
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self.document)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages_label = QLabel(f"共 {self.document.pageCount()} 页", self)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("打印…", self)
        self.save_button = QPushButton("另存为 PDF…", self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 40)

    # --- printing -----------------------------------------------------------------------
    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page at the printer's resolution; returns the pages sent."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, "无法打印", "打印机没有响应，请检查打印机是否开机、联网后再试。")
            return 0
        try:
            dpi = printer.resolution()
            for i in range(self.document.pageCount()):
                if i:
                    printer.newPage()
                size = self.document.pagePointSize(i)
                image = self.document.render(i, (size * dpi / 72.0).toSize())
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()
        if self._printed is not None:
            self._printed()
        return self.document.pageCount()

    # --- saving -------------------------------------------------------------------------
    def save_with_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", self._suggested, "PDF 文件 (*.pdf)")
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> Path:
        from sfs_desktop.core.printing.output import write_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        if self._save is not None:
            self._save(path)
        else:
            write_pdf(self._pdf, path)
        return path
