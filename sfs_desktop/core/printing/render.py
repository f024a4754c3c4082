"""Rendering templates to PDF: one document, or many as one PDF or one file per record.

The engine receives plain values: the record's values (a mapping keyed by field ref; nested
mappings or model objects for prefixed refs such as "applicant.name") and the serial string
already allocated by the caller. Allocating serials and writing the print log belong to the
database layer, which calls :func:`render` and records :class:`RenderResult`.

Output is byte-for-byte reproducible (ReportLab's invariant mode: fixed creation date and
document id), so the same values give the same SHA-256 and a reprint can be checked against
the kept copy.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, Union

from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak, Spacer

from sfs_desktop.core.printing.fill import Fill
from sfs_desktop.core.printing.fonts import FontSet, font_set
from sfs_desktop.core.printing.layout import SignatureLines
from sfs_desktop.core.printing.output import Target, sha256, write_pdf
from sfs_desktop.core.printing.pages import DocStart
from sfs_desktop.core.printing.templates import Template, get

Context = Mapping[str, Any]

# ReportLab keeps per-process state (font subsets, caches, rl_config) that is not documented as
# thread-safe, and the GUI renders previews and batches off its UI thread: renders take turns.
_LOCK = threading.Lock()


@dataclass(frozen=True)
class RenderResult:
    pages: int
    path: Path | None  # None when written to a file object
    sha256: str
    copies: int = 1  # copies to print (e.g. one per party plus one for the file)


@dataclass(frozen=True)
class BatchResult:
    files: tuple[RenderResult, ...]  # one PDF, or one per record
    documents: int  # records rendered
    cancelled: bool = False

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)


class _Cancelled(Exception):
    pass


def _template(template: Union[str, Template]) -> Template:
    return get(template) if isinstance(template, str) else template


def _story(t: Template, context: Context, serial: str | None, fonts: FontSet, start: DocStart) -> list[Flowable]:
    fill = Fill(t, context, fonts, serial)
    story: list[Flowable] = [start, *t.page.header(fill)]
    for section in t.sections:
        story += section.flowables(fill)
    return keep_signatures_with_text(story)


def keep_signatures_with_text(story: list[Flowable]) -> list[Flowable]:
    """A signature block never stands alone on a page: the text before it (the last paragraph
    and the spacing between) moves with it, as a whole, when it does not fit (“此页无正文” pages
    are what this avoids)."""
    for i, f in enumerate(story):
        if not isinstance(f, SignatureLines):
            continue
        j = i - 1
        while j >= 0 and isinstance(story[j], Spacer):
            story[j].keepWithNext = True
            j -= 1
        if j >= 0 and not isinstance(story[j], (DocStart, PageBreak)):
            story[j].keepWithNext = True
    return story


def _build(t: Template, story: list[Flowable], fonts: FontSet) -> tuple[bytes, int]:
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=t.page.size,
        pageTemplates=t.page.page_templates(fonts),
        title=t.title,
        author="",
        subject="",
        creator="sfs-desktop",
        lang="zh-CN",
        invariant=1,
        initialFontName=fonts.song,  # else each page opens with Helvetica, a font not embedded
    )
    doc.build(story, canvasmaker=t.page.canvasmaker(fonts))
    return buf.getvalue(), doc.page


def render(
    template: Union[str, Template],
    context: Context,
    out: Target,
    *,
    serial: str | None = None,
    fonts: FontSet | None = None,
) -> RenderResult:
    """Render one document to `out` (a path, written atomically, or a binary file object).

    Raises PrivacyError (nothing written) if a section reads an S2/S3 field the template does
    not declare, UserError if a character cannot be printed.
    """
    t = _template(template)
    fonts = fonts or font_set()
    with _LOCK:
        data, pages = _build(t, _story(t, context, serial, fonts, DocStart()), fonts)
    return RenderResult(pages, write_pdf(data, out), sha256(data), t.copies_for(context))


def render_many(
    template: Union[str, Template],
    contexts: Sequence[Context],
    out: Union[str, "Path", Target],
    *,
    serials: Sequence[str | None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    fonts: FontSet | None = None,
) -> BatchResult:
    """Lay out many records of one template (the engine part of a batch; no database).

    This numbers nothing, logs nothing and audits nothing: a batch the station prints goes
    through :func:`sfs_desktop.core.printing.service.print_batch`, which calls this with the
    serials it allocated. Not exported from the package for that reason.

    `out` an existing directory: one PDF per record (``<template id>-0001.pdf`` …), each kept
    with its record. Otherwise one PDF with every record (page numbers restart per record),
    which is what a station prints. `progress(done, total)` is called as records are laid out;
    when `cancel()` turns true the batch stops: a single PDF is then not written at all, and
    in directory mode the files already finished stay.
    """
    t = _template(template)
    fonts = fonts or font_set()
    total = len(contexts)
    serials = list(serials) if serials is not None else [None] * total
    if len(serials) != total:
        raise ValueError("one serial per context")

    def step(done: int) -> None:
        if cancel is not None and cancel():
            raise _Cancelled
        if progress is not None:
            progress(done, total)

    if isinstance(out, (str, Path)) and Path(out).is_dir():
        results = []
        for i, (context, serial) in enumerate(zip(contexts, serials), 1):
            try:
                step(i - 1)
            except _Cancelled:
                return BatchResult(tuple(results), len(results), cancelled=True)
            results.append(render(t, context, Path(out) / f"{t.id}-{i:04d}.pdf", serial=serial, fonts=fonts))
        if progress is not None:
            progress(total, total)
        return BatchResult(tuple(results), total)

    story: list[Flowable] = []
    try:
        with _LOCK:
            for i, (context, serial) in enumerate(zip(contexts, serials)):
                if cancel is not None and cancel():
                    raise _Cancelled
                if story:
                    story.append(PageBreak())
                story += _story(t, context, serial, fonts, DocStart(lambda i=i: step(i)))
            data, pages = _build(t, story, fonts)
    except _Cancelled:
        return BatchResult((), 0, cancelled=True)
    if progress is not None:
        progress(total, total)
    result = RenderResult(pages, write_pdf(data, out), sha256(data))
    return BatchResult((result,), total)
