"""Statistics tables and ledgers to JSON or Excel, written whole or not at all, audited.

Everything that leaves the program as a table goes through :func:`export_sheet`: the 导出
permission is checked in core and an audit entry names the table (never its values).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Sequence

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.reports.tables import Column, Kind, Sheet, unwrap

Row = tuple  # (指标, 值), or one value per header column
PAIRS = ("指标", "值")

NUMBER_FORMATS = {Kind.COUNT: "#,##0", Kind.RATIO: "0.0%", Kind.AMOUNT: "#,##0.00", Kind.DATE: "yyyy-mm-dd",
                  Kind.TEXT: "@"}


def export_sheet(session, who, sheet: Sheet, out: Path) -> Path:
    """A declared table leaving the program: the 导出 permission, and an audit entry (in the
    caller's write transaction) naming the table — never its values."""
    from sfs_desktop.core.security import audit
    from sfs_desktop.core.security.access import require

    require(who, "export")
    path = write_sheet(sheet, out)
    audit.record(session, who.username, "export", fields=(sheet.title.replace(",", "，"),))
    return path


def export_table(session, who, title: str, rows: Sequence[Row], out: Path, header: Sequence[str] = PAIRS) -> Path:
    """Plain rows under a plain header (values typed by what they are), through :func:`export_sheet`."""
    return export_sheet(session, who, plain_sheet(title, rows, header), out)


def plain_sheet(title: str, rows: Sequence[Row], header: Sequence[str] = PAIRS) -> Sheet:
    def kind(col: int) -> Kind:
        values = [r[col] for r in rows if col < len(r) and r[col] is not None]
        return Kind.COUNT if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values) \
            else Kind.TEXT
    return Sheet(title, [Column(h, kind(i), width=32 if i == 0 else 18) for i, h in enumerate(header)],
                 [list(r) for r in rows])


def write_sheet(sheet: Sheet, out: Path) -> Path:
    suffix = out.suffix.lower()
    if not out.parent.is_dir():
        raise UserError(f"文件夹“{out.parent}”不存在")
    if suffix == ".json":
        data = json.dumps(sheet.json(), ensure_ascii=False, indent=1).encode("utf-8")
    elif suffix == ".xlsx":
        data = xlsx(sheet)
    else:
        raise UserError(f"输出文件应以 .json 或 .xlsx 结尾：{out}")
    return atomic_write(out, data)


def write_table(title: str, rows: Sequence[Row], out: Path, header: Sequence[str] = PAIRS) -> Path:
    return write_sheet(plain_sheet(title, rows, header), out)


def _runs(values: list) -> list[tuple[int, int]]:
    """(first, last) index of each run of two or more equal, non-empty values."""
    out, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if values[start] and i - start > 1:
                out.append((start, i - 1))
            start = i
    return out


def xlsx(sheet: Sheet) -> bytes:
    """The title over the table (merged), group headers merged over their columns, column labels,
    frozen panes below the header (and right of the key column), each value with its number
    format; the definitions on a second sheet 指标说明; each record list (`sheet.details`) on a
    sheet of its own."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "统计表"
    _fill(ws, sheet)
    if sheet.definitions:
        notes = wb.create_sheet("指标说明")
        notes.append(["指标", "类型", "口径"])
        for cell in notes[1]:
            cell.font = Font(bold=True)
        for row in sheet.definitions:
            notes.append(list(row))
        notes.column_dimensions["A"].width = 30
        notes.column_dimensions["B"].width = 12
        notes.column_dimensions["C"].width = 80
        notes.freeze_panes = "A2"
    for detail in sheet.details:  # a worksheet's name: 31 characters, none of []:*?/\
        _fill(wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "", detail.title)[:31]), detail)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _fill(ws, sheet: Sheet) -> None:
    """One table on one worksheet (see :func:`xlsx`)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    n = len(sheet.columns)
    ws.cell(1, 1, sheet.title).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    if n > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="EEEEEE")
    header_rows = [[c.label for c in sheet.columns]]
    grouped = any(c.group for c in sheet.columns)
    if grouped:  # a group row above the labels; a column without a group spans both rows
        header_rows.insert(0, [c.group or c.label for c in sheet.columns])
    for r, labels in enumerate(header_rows, start=2):
        for c, label in enumerate(labels, start=1):
            cell = ws.cell(r, c, label)
            cell.font = Font(bold=True)
            cell.fill = head_fill
            cell.border = box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if grouped:
        for a, b in _runs([c.group for c in sheet.columns]):
            ws.merge_cells(start_row=2, start_column=a + 1, end_row=2, end_column=b + 1)
        for c, col in enumerate(sheet.columns, start=1):
            if not col.group:
                ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
    first = 2 + len(header_rows)
    for r, row in enumerate(sheet.rows, start=first):
        for c, (col, value) in enumerate(zip(sheet.columns, row), start=1):
            value, kind = unwrap(value, col.kind)
            if kind is Kind.AMOUNT and value is not None:
                value = float(value)
            cell = ws.cell(r, c, (sheet.blank or None) if value is None and kind is not Kind.TEXT else value)
            cell.number_format = NUMBER_FORMATS[kind]
            cell.border = box
            if kind is not Kind.TEXT:
                cell.alignment = Alignment(horizontal="right")
    if sheet.merge_first_column:
        for a, b in _runs([row[0] for row in sheet.rows]):
            ws.merge_cells(start_row=first + a, start_column=1, end_row=first + b, end_column=1)
            ws.cell(first + a, 1).alignment = Alignment(horizontal="center", vertical="center")
    for c, col in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(c)].width = col.width
    ws.freeze_panes = ws.cell(first, sheet.frozen_columns + 1)
