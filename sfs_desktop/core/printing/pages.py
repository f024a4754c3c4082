"""Page geometry, page decoration and page numbers ("第 N 页 共 M 页") of printed documents.

A :class:`Page` tells the renderer the sheet size, the frames text flows into, what is drawn
on every sheet (a certificate's border) and what heads each document (title, serial). Page
numbers need the page count, known only at the end: :class:`NumberedCanvas` keeps the pages
and writes the numbers on save, restarting at every document of a batch.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import TYPE_CHECKING, Callable, Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph

from sfs_desktop.core.printing.fonts import FontSet
from sfs_desktop.core.printing.layout import Title, draw_text, red_head, text_width
from sfs_desktop.core.printing.styles import SIZE_5, styles_for

if TYPE_CHECKING:
    from sfs_desktop.core.printing.fill import Fill


class Page(Protocol):
    size: tuple[float, float]
    numbered: bool

    def page_templates(self, fonts: FontSet) -> list[PageTemplate]: ...

    def canvasmaker(self, fonts: FontSet) -> Callable[..., Canvas]: ...

    def header(self, fill: "Fill") -> list[Flowable]: ...


class DocStart(Flowable):
    """Zero-size marker at the top of each document of a batch: page numbering restarts here,
    and `on_draw` (progress, cancel) runs as the document is laid out."""

    def __init__(self, on_draw: Callable[[], None] | None = None):
        super().__init__()
        self.on_draw = on_draw

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        if self.on_draw is not None:
            self.on_draw()
        if isinstance(self.canv, NumberedCanvas):
            self.canv.doc_no += 1


class NumberedCanvas(Canvas):
    """Holds every page until save(), then stamps "第 N 页 共 M 页" on each (per document)."""

    def __init__(self, *args, footer: Callable[[Canvas, int, int], None], **kwargs):
        super().__init__(*args, **kwargs)
        self.doc_no = 0
        self._footer = footer
        self._held: list[dict] = []

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totals = Counter(state["doc_no"] for state in self._held)
        seen: Counter = Counter()
        for state in self._held:
            self.__dict__.update(state)
            seen[self.doc_no] += 1
            self._footer(self, seen[self.doc_no], totals[self.doc_no])
            Canvas.showPage(self)
        Canvas.save(self)


def page_number_footer(canv: Canvas, n: int, total: int, *, fonts: FontSet, width: float, y: float) -> None:
    text = f"第 {n} 页 共 {total} 页"
    w = text_width(text, fonts, fonts.song, SIZE_5)
    canv.saveState()
    draw_text(canv, (width - w) / 2, y, text, fonts, fonts.song, SIZE_5)
    canv.restoreState()


class FormPage:
    """A4 portrait form: optional red head, title, serial line, then the sections; numbered."""

    size = A4
    numbered = True
    margin = 25 * mm
    footer_y = 13 * mm

    def page_templates(self, fonts: FontSet) -> list[PageTemplate]:
        w, h = self.size
        m = self.margin
        frame = Frame(m, m, w - 2 * m, h - 2 * m, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [PageTemplate(id="form", frames=[frame], pagesize=self.size)]

    def canvasmaker(self, fonts: FontSet):
        footer = functools.partial(page_number_footer, fonts=fonts, width=self.size[0], y=self.footer_y)
        return functools.partial(NumberedCanvas, footer=footer)

    def header(self, fill: "Fill") -> list[Flowable]:
        t, fonts = fill.template, fill.fonts
        out: list[Flowable] = []
        if t.head:
            out += red_head(fill.plain(t.head), fonts)
        out.append(Title(t.title, fonts, space_after=8))
        if t.numbered:
            serial = fill.serial or t.blank_serial()
            out.append(Paragraph(fonts.markup(serial, fonts.song), styles_for(fonts).right))
        return out


FORM_PAGE = FormPage()
