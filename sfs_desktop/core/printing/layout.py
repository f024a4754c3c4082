"""Flowables for Chinese official forms: titles, red heads, check boxes, signature and seal areas.

Text drawn straight on the canvas goes through :meth:`FontSet.runs`, like paragraph text goes
through :meth:`FontSet.markup`, so a character the main font lacks is borrowed or refused,
never printed as a box.
"""

from __future__ import annotations

from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from sfs_desktop.core.printing.fonts import FontSet
from sfs_desktop.core.printing.formats import BLANK_DATE
from sfs_desktop.core.printing.styles import SIZE_1, SIZE_2, SIZE_5, Styles

RED = colors.HexColor("#C8161D")  # the red of 红头 documents


def blank(chars: int = 6) -> str:
    """Markup of an underlined blank `chars` characters wide, to be filled in by hand.

    Made of no-break spaces: a paragraph collapses runs of ordinary and ideographic spaces.
    """
    return "<u>" + "\xa0" * (2 * chars) + "</u>"


def draw_text(
    canv: Canvas,
    x: float,
    y: float,
    text: str,
    fonts: FontSet,
    font: str,
    size: float,
    *,
    char_space: float = 0.0,
    bold: bool = False,
    color=colors.black,
) -> None:
    """Draw `text` with its baseline at (x, y).

    `bold` strokes the outlines as well as filling them: Song has no bold face, and
    titles set in 小标宋 look heavier than body text.
    """
    canv.saveState()  # character spacing and render mode are graphics state: keep them here
    canv.setFillColor(color)
    canv.setStrokeColor(color)
    t = canv.beginText(x, y)
    t.setCharSpace(char_space)
    if bold:
        canv.setLineWidth(size * 0.035)
        t.setTextRenderMode(2)
    for name, piece in fonts.runs(text, font):
        t.setFont(name, size)
        t.textOut(piece)
    canv.drawText(t)
    canv.restoreState()


def text_width(text: str, fonts: FontSet, font: str, size: float, char_space: float = 0.0) -> float:
    return fonts.width(text, font, size) + char_space * max(len(text) - 1, 0)


def table_style(fonts: FontSet, commands: list[tuple]) -> TableStyle:
    """A TableStyle whose cell font is ours: even an empty cell selects the cell font, and
    ReportLab's default (Helvetica) would land in the PDF without being embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.song), *commands])


class Title(Flowable):
    """One line of heavy text, centred; shrinks rather than wraps when too wide."""

    def __init__(
        self,
        text: str,
        fonts: FontSet,
        *,
        font: str | None = None,
        size: float = SIZE_2,
        color=colors.black,
        char_space: float = 0.0,
        space_after: float = 6.0,
    ):
        super().__init__()
        self.text, self.fonts, self.font = text, fonts, font or fonts.song
        self.size, self.color, self.char_space = size, color, char_space
        self.spaceAfter = space_after
        self._size = size

    def wrap(self, availWidth, availHeight):
        natural = text_width(self.text, self.fonts, self.font, self.size, self.char_space)
        self._size = self.size * min(1.0, availWidth / natural) if natural else self.size
        self.width = availWidth
        self.height = self._size * 1.3
        return self.width, self.height

    def draw(self):
        scale = self._size / self.size
        w = text_width(self.text, self.fonts, self.font, self._size, self.char_space * scale)
        draw_text(
            self.canv, (self.width - w) / 2, self._size * 0.3, self.text, self.fonts, self.font,
            self._size, char_space=self.char_space * scale, bold=True, color=self.color,
        )


def red_head(text: str, fonts: FontSet) -> list[Flowable]:
    """The red organisation name and red rule of a 红头 document."""
    return [
        Title(text, fonts, size=SIZE_1, color=RED, char_space=2, space_after=2),
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=2, spaceAfter=10),
    ]


class CheckBoxes(Flowable):
    """☐ 甲  ☑ 乙: options with drawn boxes, wrapping onto more lines when needed.

    Drawn rather than typed: the fonts at hand (UMing, SimSun) lack ☐/☑, and a drawn box
    looks the same on every PC.
    """

    def __init__(self, options: Sequence[str], checked: set[str], fonts: FontSet, *, size: float = SIZE_5):
        super().__init__()
        self.options, self.checked, self.fonts, self.size = list(options), checked, fonts, size
        self.leading = size * 1.45
        self._lines: list[list[tuple[float, str]]] = []

    def _item_width(self, option: str) -> float:
        return self.size * 1.3 + self.fonts.width(option, self.fonts.song, self.size)

    def wrap(self, availWidth, availHeight):
        gap = self.size * 1.2
        lines: list[list[tuple[float, str]]] = [[]]
        x = 0.0
        for option in self.options:
            w = self._item_width(option)
            if lines[-1] and x + w > availWidth:
                lines.append([])
                x = 0.0
            lines[-1].append((x, option))
            x += w + gap
        self._lines = lines
        self.width = availWidth
        self.height = self.leading * len(lines)
        return self.width, self.height

    def draw(self):
        c, s = self.canv, self.size
        box = s * 0.82
        for row, line in enumerate(self._lines):
            base = self.height - (row + 1) * self.leading + (self.leading - s) / 2 + s * 0.12
            for x, option in line:
                c.setLineWidth(0.7)
                c.rect(x, base - s * 0.08, box, box)
                if option in self.checked:
                    c.setLineWidth(1.3)
                    p = c.beginPath()
                    p.moveTo(x + box * 0.18, base - s * 0.08 + box * 0.52)
                    p.lineTo(x + box * 0.42, base - s * 0.08 + box * 0.22)
                    p.lineTo(x + box * 0.84, base - s * 0.08 + box * 0.85)
                    c.drawPath(p, stroke=1, fill=0)
                draw_text(c, x + s * 1.15, base, option, self.fonts, self.fonts.song, s)


class AtBottom(Flowable):
    """Holds its flowables at the bottom of the space left on the page (a certificate's
    issuer and date sit at the foot of the sheet, whatever the length of the body)."""

    def __init__(self, content: Sequence[Flowable]):
        super().__init__()
        self.content = list(content)
        self._sizes: list[tuple[float, float]] = []
        self._needed = 0.0

    def wrap(self, availWidth, availHeight):
        self._sizes = [f.wrap(availWidth, availHeight) for f in self.content]
        needed = sum(h + f.getSpaceBefore() + f.getSpaceAfter() for f, (_, h) in zip(self.content, self._sizes))
        self.width, self.height = availWidth, max(needed, availHeight - 1)
        self._needed = needed
        return self.width, self.height

    def draw(self):
        y = self._needed
        for f, (w, h) in zip(self.content, self._sizes):
            y -= f.getSpaceBefore() + h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


class SignatureLines(Flowable):
    """One line per signer: "申请人（签名或盖章、按指印）：＿＿＿＿　　年　月　日".

    Drawn rather than set in a table, so the line to sign on lies on the baseline of the label
    and of the date (a table cell puts it under the descenders), and each row leaves room above the
    line for a hand signature. A label too wide for the row is set smaller rather than wrapped.
    """

    pitch = 30.0  # from one signing line to the next: room for a signature above the line
    min_line = 90.0  # the shortest line worth signing on

    def __init__(self, signers: Sequence[tuple[str, bool]], styles: Styles):
        super().__init__()
        self.signers, self.styles = list(signers), styles
        self.fonts = styles.fonts
        self.size = styles.plain.fontSize
        self._rows: list[tuple[str, float, float, str]] = []
        self.keepWithNext = True  # signatures stay on the page of a seal block that follows
        self.spaceBefore = 3 * mm

    def wrap(self, availWidth, availHeight):
        fonts, size = self.fonts, self.size
        date_w = text_width(BLANK_DATE, fonts, fonts.song, size) + size
        widest = max((text_width(f"{label}：", fonts, fonts.song, size) for label, _ in self.signers), default=0.0)
        label_room = availWidth - date_w - self.min_line
        label_size = size * min(1.0, label_room / widest) if widest else size
        label_w = min(widest, label_room) if widest else 0.0
        line_w = max(self.min_line, min(45 * mm, availWidth - date_w - label_w))
        self._rows = [(f"{label}：", label_size, label_w, BLANK_DATE if dated else "") for label, dated in self.signers]
        self._line = (label_w, line_w)
        self.width = availWidth
        self.height = self.pitch * len(self.signers) + size * 0.4
        return self.width, self.height

    def draw(self):
        c, fonts, size = self.canv, self.fonts, self.size
        x_line, line_w = self._line
        for i, (label, label_size, _w, date_text) in enumerate(self._rows):
            y = self.height - (i + 1) * self.pitch  # the baseline of this row
            draw_text(c, 0, y, label, fonts, fonts.song, label_size)
            c.saveState()
            c.setLineWidth(0.6)
            c.line(x_line, y, x_line + line_w, y)
            c.restoreState()
            if date_text:
                draw_text(c, x_line + line_w + size, y, date_text, fonts, fonts.song, size)


def signature_lines(signers: Sequence[tuple[str, bool]], styles: Styles) -> SignatureLines:
    return SignatureLines(signers, styles)


def seal_block(issuer: str, date_text: str, styles: Styles) -> list[Flowable]:
    """Issuer and date at the right, with room above for the seal to be stamped over them."""
    fonts = styles.fonts
    block = [
        Spacer(1, 30),
        Paragraph(fonts.markup(f"{issuer}（盖章）", fonts.song), styles.right),
        Paragraph(fonts.markup(date_text, fonts.song), styles.right),
    ]
    for f in block[:-1]:
        f.keepWithNext = True
    return block
