"""Batch printing off the UI thread (e.g. every 法律明白人 certificate of one training).

The core renders all records into one PDF with progress and cancel; this runs it through the
background-job helper, so the window stays responsive and a progress dialog appears only
when the batch takes a while. When it is done the preview opens, ready to print.
"""

from __future__ import annotations

from pathlib import Path
from functools import partial
from typing import Any, Callable, Mapping, Sequence

from PySide6.QtWidgets import QWidget

from sfs_desktop.core.printing import get, render_batch
from sfs_desktop.ui.ops import TaskOp


def print_batch(parent: QWidget, template_id: str, contexts: Sequence[Mapping[str, Any]], out: Path,
                on_done: Callable[[Any], None] | None = None) -> TaskOp:
    title = get(template_id).title
    return (TaskOp(parent, None, _render, template_id, [dict(c) for c in contexts], Path(out), title)
            .with_progress(f"批量打印{title}", cancellable=True)
            .success(partial(_finished, parent, title, Path(out), on_done)).run())


def _render(template_id: str, contexts: list[dict], out: Path, title: str, *, progress):
    return render_batch(template_id, contexts, out,
                        progress=lambda done, total: progress(f"正在生成{title}（{done}/{total}）", done, total),
                        cancel=progress.cancelled)


def _finished(parent: QWidget, title: str, out: Path, on_done, result) -> None:
    if not result.cancelled:
        from sfs_desktop.ui.printing.preview import PreviewDialog

        preview = PreviewDialog(out.read_bytes(), f"{title}（{result.documents} 份）", out.name, parent)
        parent._open_dialog = preview
        preview.show()
    if on_done is not None:
        on_done(result)
