"""Batch printing off the UI thread (e.g. the work cards of every staff member).

Core does the printing (:func:`sfs_desktop.core.printing.service.print_batch`): each record is
numbered, kept, logged and audited like a single print, in one transaction; this runs it on the
writer thread with progress and cancel, so the window stays responsive, then opens the
preview of the one PDF, ready to print.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtWidgets import QWidget

from sfs_desktop.core.printing import get
from sfs_desktop.ui.ops import WriteOp


def print_batch(parent: QWidget, app, template_id: str, record_refs: Sequence[str], out: Path | None = None,
                on_done: Callable[[Any], None] | None = None) -> WriteOp:
    title = get(template_id).title
    return (WriteOp(parent, app, _print, app.principal, template_id, list(record_refs), out, title,
                    str(app.paths.attachments))
            .with_progress(f"批量打印{title}", cancellable=True)
            .refused("不能批量打印")
            .success(partial(_finished, parent, title, on_done)).run())


def _print(session, principal, template_id: str, refs: list[str], out: Path | None, title: str, blob_root: str,
           *, progress):
    from sfs_desktop.core.printing.service import print_batch as core_print_batch

    return core_print_batch(
        session, principal, template_id, refs, out, blob_root=Path(blob_root),
        progress=lambda done, total: progress(f"正在打印{title}（{done}/{total}）", done, total),
        cancel=progress.cancelled)


def _finished(parent: QWidget, title: str, on_done, result) -> None:
    from sfs_desktop.ui.printing.preview import PreviewDialog

    preview = PreviewDialog(result.data, f"{title}（{len(result.documents)} 份）", f"{title}.pdf", parent)
    parent._open_dialog = preview
    preview.show()
    if on_done is not None:
        on_done(result)
