"""Statistics tables to JSON or Excel, written whole or not at all."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Sequence

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write

Row = tuple  # (指标, 值), or one value per header column
PAIRS = ("指标", "值")


def export_table(session, who, title: str, rows: Sequence[Row], out: Path, header: Sequence[str] = PAIRS) -> Path:
    """A statistics table or ledger leaving the program: the 导出 permission, and an audit entry
    (in the caller's write transaction) naming the table — never its values."""
    from sfs_desktop.core.security import audit
    from sfs_desktop.core.security.access import require

    require(who, "export")
    path = write_table(title, rows, out, header)
    audit.record(session, who.username, "export", fields=(title.replace(",", "，"),))
    return path


def write_table(title: str, rows: Sequence[Row], out: Path, header: Sequence[str] = PAIRS) -> Path:
    suffix = out.suffix.lower()
    if not out.parent.is_dir():
        raise UserError(f"文件夹“{out.parent}”不存在")
    if suffix == ".json":
        data = json.dumps({"title": title, "rows": [dict(zip(header, row)) for row in rows]},
                          ensure_ascii=False, indent=1).encode("utf-8")
    elif suffix == ".xlsx":
        data = _xlsx(title, rows, header)
    else:
        raise UserError(f"输出文件应以 .json 或 .xlsx 结尾：{out}")
    return atomic_write(out, data)


def _xlsx(title: str, rows: Sequence[Row], header: Sequence[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(list(header))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    ws.column_dimensions["A"].width = 32
    for col in "BCDEFGHIJ"[:len(header) - 1]:
        ws.column_dimensions[col].width = 18
    for row in ws.iter_rows(min_row=3):
        for cell in row[1:]:
            cell.alignment = Alignment(horizontal="right")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
