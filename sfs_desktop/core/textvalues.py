"""Typed field values from what a person wrote: `--set 字段=值` on the command line, or a cell of a
spreadsheet or JSON file of several records.

A field is named by its declared label (排查日期, as a spreadsheet's heading row has it) or its
name (screened_on); a code-table value by its code or its name (红色（高）). What cannot be read
becomes a :class:`~sfs_desktop.core.fields.Problem` in the field's own words, so a caller can name
every bad value of every row before anything is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlmodel import Session

from sfs_desktop.core.codes import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Problem, Widget, is_empty, specs
from sfs_desktop.core.tabular_import import Options, convert, read_rows



def fillable(model: Any) -> dict[str, FieldSpec]:
    """The fields a person may fill, by name and by label (hidden ones are the program's)."""
    out: dict[str, FieldSpec] = {}
    for spec in specs(model):
        if spec.widget is not Widget.HIDDEN:
            out[spec.name] = out[spec.label] = spec
    return out


def typed_values(session: Session, model: Any, raw: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """`raw` (keys: field names or labels) as typed values by field name, and what could not be read.
    Cells are read as the spreadsheet importer reads them (core/tabular_import.convert): one reading
    of a date, a 是/否 or a code's name for every list a person fills in."""
    fields = fillable(model)
    options: Options = {}
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
        if spec.code_table and spec.code_table not in options:
            options[spec.code_table] = [(c.code, c.name) for c in codes(session, spec.code_table, active_only=False)]
        try:
            values[spec.name] = convert(spec, value, options)
        except ValueError as exc:
            problems.append(Problem(spec.name, str(exc)))
    return values, problems


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
    if suffix in (".xlsx", ".csv"):
        return _sheet_rows(path)
    raise UserError(f"{path.name}：只能读取 .json、.xlsx 或 .csv 文件")


def _sheet_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Headings in the first non-empty row, a record per row below, numbered as the sheet numbers them."""
    from openpyxl.utils import get_column_letter

    rows = read_rows(path)
    if not rows:
        raise UserError(f"{path.name} 是空的：第 1 行应为字段名称（如“排查日期”）")
    headings = ["" if h is None else str(h).strip() for h in rows[0][1]]
    out = []
    for number, cells in rows[1:]:
        record = {h or f"第 {get_column_letter(c)} 列（无标题）": v
                  for c, (h, v) in enumerate(zip(headings + [""] * len(cells), cells), 1) if not is_empty(v)}
        if record:
            out.append((number, record))
    return out


def typed_or_refused(session: Session, model: Any, raw: dict[str, Any]) -> dict[str, Any]:
    """`typed_values` for one record typed on the command line: any value it cannot read refuses the
    whole record (ValidationError, every reason named); empty options are left out."""
    from sfs_desktop.core.errors import ValidationError

    values, problems = typed_values(session, model, {k: v for k, v in raw.items() if v is not None})
    if problems:
        raise ValidationError(problems)
    return values
