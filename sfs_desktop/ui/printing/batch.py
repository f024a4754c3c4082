"""Batch printing off the UI thread (e.g. every 法律明白人 certificate of one training).

The core renders all records into one PDF with progress and cancel; this runs it through the
background-job helper, so the window stays responsive and a progress dialog appears only
when the batch takes a while. When it is done the preview opens, ready to print.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from PySide6.QtWidgets import QWidget

from sfs_desktop.core.printing import get, render_batch
from sfs_desktop.ui.ops import Job, run_in_background


def print_batch(parent: QWidget, template_id: str, contexts: Sequence[Mapping[str, Any]], out: Path,
                on_done: Callable[[Any], None] | None = None) -> Job:
    title = get(template_id).title

    def work(progress, cancelled):
        return render_batch(template_id, contexts, out,
                            progress=lambda done, total: progress(f"正在生成{title}（{done}/{total}）", done, total),
                            cancel=cancelled)

    def finished(result) -> None:
        if not result.cancelled:
            from sfs_desktop.ui.printing.preview import PreviewDialog

            preview = PreviewDialog(Path(out).read_bytes(), f"{title}（{result.documents} 份）", Path(out).name, parent)
            parent._open_dialog = preview
            preview.show()
        if on_done is not None:
            on_done(result)

    return run_in_background(parent, f"批量打印{title}", work, finished)
