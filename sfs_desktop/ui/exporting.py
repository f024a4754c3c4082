"""Saving a table as xlsx from any page: ask where (unless told), then run the core export on the
writer (core checks the 导出 right and audits); `owner.exported` holds the file once written."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from sfs_desktop.ui.ops import WriteOp


def export_xlsx(owner: QWidget, app, caption: str, suggested: str, fn: Callable[..., Path], *args: Any,
                path: str | None = None) -> WriteOp | None:
    """`fn(session, *args, out_path)` on the writer; `suggested` names the file in the exports folder."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(owner, caption, str(app.paths.exports / f"{suggested}.xlsx"),
                                              QCoreApplication.translate("Export", "Excel 文件 (*.xlsx)"))
        if not path:
            return None
    return (WriteOp(owner, app, fn, *args, Path(path)).refused(QCoreApplication.translate("Export", "不能导出"))
            .success(partial(setattr, owner, "exported")).run())
