"""Typed field values from what a person wrote: `--set 字段=值` on the command line, or a cell of a
spreadsheet or JSON file of several records.

A field is named by its declared label (排查日期, as a spreadsheet's heading row has it) or its
name (screened_on); a code-table value by its code or its name (红色（高）). What cannot be read
becomes a :class:`~sfs_desktop.core.fields.Problem` in the field's own words, so a caller can name
every bad value of every row before anything is written.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from sfs_desktop.core.codes import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Problem, Widget, is_empty, specs

_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_YES, _NO = {"是", "1", "true", "yes", "y", "√"}, {"否", "0", "false", "no", "n", "×"}


def fillable(model: Any) -> dict[str, FieldSpec]:
    """The fields a person may fill, by name and by label (hidden ones are the program's)."""
    out: dict[str, FieldSpec] = {}
    for spec in specs(model):
        if spec.widget is not Widget.HIDDEN:
            out[spec.name] = out[spec.label] = spec
    return out


def typed_values(session: Session, model: Any, raw: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """`raw` (keys: field names or labels) as typed values by field name, and what could not be read."""
    fields = fillable(model)
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in raw.items():
        key = str(key).strip()
        spec = fields.get(key)
        if spec is None:
            names = "、".join(dict.fromkeys(s.label for s in fields.values()))
            problems.append(Problem(key, f"没有“{key}”这一项（可填：{names}）"))
            continue
        if spec.name in values:
            problems.append(Problem(spec.name, f"“{spec.label}”填了两次"))
            continue
        if value is None or is_empty(value):
            continue
        try:
            values[spec.name] = _typed(session, spec, value)
        except ValueError as exc:
            problems.append(Problem(spec.name, f"“{spec.label}”{exc}"))
    return values, problems


def _typed(session: Session, spec: FieldSpec, value: Any) -> Any:
    if spec.widget is Widget.DATE:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        m = _DATE.match(str(value).strip())
        try:
            return date(int(m[1]), int(m[2]), int(m[3])) if m else date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(f"应为日期，如 2024-07-01（现为“{value}”）") from None
    if spec.widget is Widget.INT:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"应为整数（现为“{value}”）")
        try:
            return int(value) if not isinstance(value, str) else int(value.strip())
        except ValueError:
            raise ValueError(f"应为整数（现为“{value}”）") from None
    if spec.widget is Widget.BOOL:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _YES or text in _NO:
            return text in _YES
        raise ValueError(f"应填“是”或“否”（现为“{value}”）")
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value).strip()
    if spec.code_table:  # a code, or the name a person knows it by
        known = codes(session, spec.code_table, active_only=False)
        if all(c.code != text for c in known):
            return next((c.code for c in known if c.name == text), text)  # an unknown one: validation names it
    return text


def rows_from_file(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(row number, values) of every record in a .json file (a list of objects, numbered from 1)
    or an .xlsx file (the first sheet: headings in row 1, a record per row below, numbered as
    the spreadsheet numbers them); empty rows are skipped."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到文件 {path}")
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            raise UserError(f"{path.name} 不是有效的 JSON 文件") from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise UserError(f"{path.name} 应是一个列表，每条记录一个对象（{{\"字段\": \"值\"}}）")
        return [(i, r) for i, r in enumerate(data, 1) if r]
    if suffix == ".xlsx":
        return _xlsx_rows(path)
    raise UserError(f"{path.name}：只能读取 .json 或 .xlsx 文件")


def _xlsx_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises several kinds for a file that is not a workbook
        raise UserError(f"{path.name} 不是有效的 Excel（.xlsx）文件") from None
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    if not rows:
        raise UserError(f"{path.name} 是空的：第 1 行应为字段名称（如“排查日期”）")
    headings = ["" if h is None else str(h).strip() for h in rows[0]]
    out = []
    for number, cells in enumerate(rows[1:], 2):
        record = {h or f"第 {get_column_letter(c)} 列（无标题）": v
                  for c, (h, v) in enumerate(zip(headings + [""] * len(cells), cells), 1) if not is_empty(v)}
        if record:
            out.append((number, record))
    return out
