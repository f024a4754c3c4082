"""The bordered label/value grid of a form, which keeps its borders when it breaks across pages.

ReportLab's Table cannot split a row, and its ``splitInRow`` mis-wraps spanned cells, so a
2,000-character 纠纷简要情况 would either overflow or break the table. :class:`FieldGrid`
lays rows out with a Table but splits itself: between rows, or inside a full-width text row,
where the text's remainder goes on the next page in a row labelled "…（续）". Each part is
drawn as a complete table, so the border is closed on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from sfs_desktop.core.printing.layout import table_style

from sfs_desktop.core.printing.styles import Styles

LABEL_WIDTH = 22 * mm
GROUP_WIDTH = 9 * mm
PAD_X = 3.0
PAD_Y = 4.0


@dataclass(frozen=True)
class GridCell:
    label: str  # paragraph markup
    value: Flowable
    span: int = 1  # label/value pairs this cell takes
    min_height: float = 0.0  # room left for handwriting when the value is blank
    continued: bool = False  # the rest of a text split at a page break

    @property
    def label_markup(self) -> str:
        return f"{self.label}<br/>（续）" if self.continued else self.label


@dataclass(frozen=True)
class GridRow:
    cells: tuple[GridCell, ...]

    @property
    def splittable(self) -> bool:
        """A single text cell across the grid: long free text that may run onto the next page."""
        return len(self.cells) == 1 and isinstance(self.cells[0].value, Paragraph)


@dataclass(frozen=True)
class GridBlock:
    """Rows kept together; with a `group` label ("申请人") in a column spanning them."""

    rows: tuple[GridRow, ...]
    group: str | None = None


class FieldGrid(Flowable):
    def __init__(self, blocks: Sequence[GridBlock], pairs: int, styles: Styles, *, grouped: bool | None = None):
        super().__init__()
        self.blocks = list(blocks)
        self.pairs = pairs
        self.styles = styles
        # a grid keeps its group column after a split, so its parts line up across pages
        self.grouped = any(b.group for b in self.blocks) if grouped is None else grouped
        self._table: Table | None = None

    # --- geometry -------------------------------------------------------------------------

    def _col_widths(self, width: float) -> list[float]:
        lead = [GROUP_WIDTH] if self.grouped else []
        value = (width - sum(lead) - self.pairs * LABEL_WIDTH) / self.pairs
        return lead + [LABEL_WIDTH, value] * self.pairs

    def _text_width(self, width: float) -> float:
        """Width of the text in a full-width row (its value runs to the right border)."""
        return sum(self._col_widths(width)[2 if self.grouped else 1 :]) - 2 * PAD_X

    # --- table ------------------------------------------------------------------------------

    def _build(self, width: float) -> Table:
        lead = 1 if self.grouped else 0
        ncols = lead + 2 * self.pairs
        label_style = self.styles.label
        data: list[list] = []
        cmds: list[tuple] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ]
        min_heights: list[float] = []
        for block in self.blocks:
            first = len(data)
            for row in block.rows:
                r = len(data)
                line: list = [""] * ncols
                col = lead
                if lead and not block.group:  # the label takes the group column too
                    col = 0
                for i, cell in enumerate(row.cells):
                    last = i == len(row.cells) - 1
                    label_end = col + (1 if col == 0 and lead else 0)
                    value_col = label_end + 1
                    value_end = ncols - 1 if last else value_col + 2 * cell.span - 2
                    line[col] = Paragraph(cell.label_markup, label_style)
                    line[value_col] = cell.value
                    if label_end > col:
                        cmds.append(("SPAN", (col, r), (label_end, r)))
                    if value_end > value_col:
                        cmds.append(("SPAN", (value_col, r), (value_end, r)))
                    if cell.min_height:
                        cmds.append(("VALIGN", (value_col, r), (value_col, r), "TOP"))
                    col = value_end + 1
                data.append(line)
                min_heights.append(max((c.min_height for c in row.cells), default=0.0))
            if block.group:
                data[first][0] = Paragraph("<br/>".join(block.group), label_style)
                cmds.append(("SPAN", (0, first), (0, len(data) - 1)))
        return Table(
            data, colWidths=self._col_widths(width), style=table_style(self.styles.fonts, cmds),
            minRowHeights=min_heights, hAlign="LEFT",
        )

    def wrap(self, availWidth, availHeight):
        self._table = self._build(availWidth)
        self.width, self.height = self._table.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)

    # --- page breaks ------------------------------------------------------------------------

    def split(self, availWidth, availHeight):
        table = self._build(availWidth)
        table.wrap(availWidth, availHeight)
        heights = table._rowHeights
        used, r = 0.0, 0
        for index, block in enumerate(self.blocks):
            h = sum(heights[r : r + len(block.rows)])
            if used + h > availHeight:
                break
            used += h
            r += len(block.rows)
        else:
            return [self]
        head, block, tail = self.blocks[:index], self.blocks[index], self.blocks[index + 1 :]
        if len(block.rows) == 1 and not block.group and block.rows[0].splittable:
            parts = self._split_text(block.rows[0], availWidth, availHeight - used)
            if parts:
                first, rest = parts
                return [self._part(head + [GridBlock((first,))]), self._part([GridBlock((rest,))] + tail)]
        if not head:
            return []
        return [self._part(head), self._part(self.blocks[index:])]

    def _part(self, blocks: list[GridBlock]) -> "FieldGrid":
        return FieldGrid(blocks, self.pairs, self.styles, grouped=self.grouped)

    def _split_text(self, row: GridRow, width: float, height: float) -> tuple[GridRow, GridRow] | None:
        cell = row.cells[0]
        pieces = cell.value.split(self._text_width(width), height - 2 * PAD_Y)
        if len(pieces) != 2:
            return None
        first = replace(cell, value=pieces[0], min_height=0.0)
        rest = replace(cell, value=pieces[1], min_height=0.0, continued=True)
        return GridRow((first,)), GridRow((rest,))
