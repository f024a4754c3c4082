"""Importing a list from a spreadsheet (xlsx, or csv as Excel writes it) into one model, by its
field declarations: the importer that never lies.

A :class:`TableSpec` names the model, the columns (field names, in template order), and how a
row is cleaned, checked, found again and saved — the same functions the duty's own forms use, so
a row is refused on import in the words the form would use. Reading a file gives a
:class:`Preview`: every data row either planned (new, or the fields it changes) or rejected, each
rejection with its spreadsheet row number, column and a Chinese reason. Nothing is written until
:func:`import_file` is asked to apply, and then only when every row passed or the caller accepts
the valid ones, in the caller's one transaction. Rows are matched to stored records by their
natural key, so importing the same file again changes nothing, and a corrected file updates
what changed. A blank cell never clears a stored value.

Headers are matched to the declared labels (spaces, full-width brackets and a trailing ``*``
ignored). Dates may be 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105 or an Excel date;
booleans 是/否; code-table values by name or by code. CSV may be UTF-8 (with or without BOM) or
GBK/GB18030, which Excel on Chinese Windows writes. Values are never logged.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from sqlmodel import Session

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Problem, Sensitivity, Widget, join_codes, spec_of
from sfs_desktop.core.security.access import Principal, require

log = logging.getLogger(__name__)

MAX_ROWS = 20_000
TRUE = frozenset({"是", "有", "y", "yes", "true", "1", "√", "✓", "t"})
FALSE = frozenset({"否", "无", "n", "no", "false", "0", "×", "✗", "f"})
DATE_HINT = "应为日期，如 2024-01-05、2024/1/5 或 2024年1月5日"
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


@dataclass(frozen=True)
class TableSpec:
    """What one kind of list is: see the module docstring."""

    key: str  # the command line's --kind
    model: Any
    title: str  # 工作人员名册
    columns: tuple[str, ...]  # field names, in template order
    needed: tuple[str, ...]  # columns the header must have
    clean: Callable[[dict], dict]  # trims and derives (birth date from an ID number …)
    problems: Callable[[Session, dict, str | None], list[Problem]]  # (values, id of the stored row)
    find: Callable[[Session, dict], Any]  # the stored row these values describe, or None
    save: Callable[[Session, Principal, dict, str | None], Any]  # the duty's own save (checks access)
    keys: Callable[[dict], list[tuple[str, tuple]]]  # (how two rows match, key) for repeats in one file
    describe: Callable[[dict], str] = lambda values: ""  # a row as the preview names it (never S2 data)
    aliases: dict[str, str] = field(default_factory=dict)  # other header spellings → field name

    def specs(self) -> list[FieldSpec]:
        return [spec_of(self.model, name) for name in self.columns]

    def label(self, name: str) -> str:
        return spec_of(self.model, name).label


@dataclass(frozen=True)
class Reject:
    row: int  # the spreadsheet's row number (the header is row 1 in a template)
    column: str  # the column's label ("" for the row as a whole)
    reason: str


@dataclass(frozen=True)
class Planned:
    row: int
    values: dict[str, Any]  # a new row's values, or the fields an import changes
    existing_id: str | None
    what: str  # how the preview names the row


@dataclass
class Preview:
    """What importing a file would do; `applied` is set once it did."""

    kind: str
    title: str
    rows: int = 0
    planned: list[Planned] = field(default_factory=list)
    unchanged: int = 0
    rejects: list[Reject] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({r.row for r in self.rejects})

    @property
    def new(self) -> int:
        return sum(1 for p in self.planned if p.existing_id is None)

    @property
    def updated(self) -> int:
        return sum(1 for p in self.planned if p.existing_id is not None)

    @property
    def valid(self) -> int:
        return self.rows - len(self.rejected_rows)

    @property
    def all_valid(self) -> bool:
        return not self.rejects

    def summary(self) -> str:
        head = f"{self.title}：共 {self.rows} 行，有效 {self.valid} 行（新增 {self.new}，更新 {self.updated}，" \
               f"无变化 {self.unchanged}），未通过 {len(self.rejected_rows)} 行"
        if self.ignored_columns:
            head += "；未识别、已忽略的列：" + "、".join(self.ignored_columns)
        return head

    def report(self) -> list[str]:
        """The summary, then one line per rejection: 第 N 行「列」：原因."""
        return [self.summary()] + [f"第 {r.row} 行" + (f"「{r.column}」" if r.column else "") + f"：{r.reason}"
                                   for r in self.rejects]


class ImportRefused(UserError):
    """Rows failed and the caller did not accept the valid ones: nothing was written."""

    def __init__(self, preview: Preview):
        self.preview = preview
        super().__init__(f"有 {len(preview.rejected_rows)} 行未通过检查，未导入任何数据。"
                         f"请改正后重新导入，或选择仅导入有效行（{preview.valid} 行）")


# --- reading -------------------------------------------------------------------------------

def read_rows(path: Path) -> list[tuple[int, list[Any]]]:
    """(row number, cells) of every row of the file's first sheet, empty rows left out."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UserError("不支持 .xls（Excel 97-2003）格式：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入")
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(path)
    else:
        raise UserError(f"只能导入 .xlsx 或 .csv 文件：{path.name}")
    out = [(n, cells) for n, cells in rows if any(not _blank(c) for c in cells)]
    if len(out) > MAX_ROWS + 1:
        raise UserError(f"文件行数超过 {MAX_ROWS} 行，请分成几个文件导入")
    return out


def _xlsx_rows(path: Path):
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"无法读取“{path.name}”：不是有效的 xlsx 文件（{type(exc).__name__}）") from None
    sheet = book.worksheets[0]
    return [(n, list(cells)) for n, cells in enumerate(sheet.iter_rows(values_only=True), 1)]


def _csv_rows(path: Path):
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UserError(f"无法识别“{path.name}”的文字编码：请在 Excel 中另存为“CSV UTF-8”或 xlsx 后再导入")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return list(enumerate(csv.reader(io.StringIO(text), dialect), 1))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def norm(text: Any) -> str:
    """A header or code name as compared: NFKC (full-width → half-width), no spaces, no * marks."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"[\s*]", "", text).lower()


def match_header(spec: TableSpec, header: list[Any]) -> tuple[dict[int, str], list[str]]:
    """Column index → field name, and the labels of columns nobody asked for."""
    wanted = {norm(spec.label(name)): name for name in spec.columns}
    wanted.update({norm(name): name for name in spec.columns})
    wanted.update({norm(alias): name for alias, name in spec.aliases.items()})
    found: dict[int, str] = {}
    ignored = []
    for i, cell in enumerate(header):
        if _blank(cell):
            continue
        name = wanted.get(norm(cell))
        if name is None:
            ignored.append(str(cell).strip())
        elif name in found.values():
            raise UserError(f"表头第 {i + 1} 列“{str(cell).strip()}”与前面的列重复，请删去一列")
        else:
            found[i] = name
    missing = [spec.label(n) for n in spec.needed if n not in found.values()]
    if missing:
        raise UserError("表头（第 1 个非空行）缺少必需的列：" + "、".join(missing) +
                        "。请对照模板填写列名（可下载导入模板）")
    return found, ignored


# --- converting cells ----------------------------------------------------------------------

Options = dict[str, list[tuple[str, str]]]  # code table or ref → (code, name)


def to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 19000101 <= value <= 29991231 and float(value).is_integer():
            return to_date(str(int(value)))
        if 1 <= value < 2958466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        raise ValueError
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    m = _DATE.match(text)
    if not m:
        raise ValueError
    return date(int(m[1]), int(m[2]), int(m[3]))


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


def convert(spec: FieldSpec, value: Any, options: Options) -> Any:
    """A cell's value as the field stores it; ValueError with the reason (never the value of an S2 field)."""
    secret = spec.sensitivity >= Sensitivity.S2
    shown = "" if secret else f"（填的是“{_text(value)}”）"
    if spec.widget is Widget.DATE:
        try:
            return to_date(value)
        except (ValueError, OverflowError):
            raise ValueError(f"“{spec.label}”{DATE_HINT}{shown}") from None
    if spec.widget is Widget.BOOL:
        if isinstance(value, bool):
            return value
        key = norm(_text(value))
        if key in TRUE or key in FALSE:
            return key in TRUE
        raise ValueError(f"“{spec.label}”应填“是”或“否”{shown}")
    if spec.widget is Widget.ID_NUMBER and isinstance(value, (int, float)) and len(_text(value)) > 15:
        raise ValueError(f"“{spec.label}”被 Excel 存成了数字，末几位可能已变成 0：请把这一列设为“文本”后重新填写")
    if spec.widget is Widget.INT:
        try:
            number = Decimal(_text(value))
        except InvalidOperation:
            raise ValueError(f"“{spec.label}”应为整数{shown}") from None
        if number != number.to_integral_value():
            raise ValueError(f"“{spec.label}”应为整数{shown}")
        return int(number)
    text = _text(value)
    kind = spec.code_table or (spec.ref if spec.widget is Widget.REF else None)
    if spec.widget is Widget.CODE_LIST and kind in options:
        return _code_list(spec, text, options[kind], secret)
    if kind and kind in options:
        choices = options[kind]
        for code, name in choices:
            if text == code or norm(text) == norm(name):
                return code
        if text.isdigit():  # a code whose leading zero Excel dropped ("1" for "01")
            same = [code for code, _name in choices if code.isdigit() and int(code) == int(text)]
            if len(same) == 1:
                return same[0]
        value_named = "的值" if secret else f"的值“{text}”"
        raise ValueError(f"“{spec.label}”{value_named}不在可选范围内（可选：{_listed(choices)}）")
    return text


def _listed(choices: list[tuple[str, str]]) -> str:
    return "、".join(name for _code, name in choices[:12]) + ("等" if len(choices) > 12 else "")


def _code_list(spec: FieldSpec, text: str, choices: list[tuple[str, str]], secret: bool) -> str | None:
    """A checklist cell: codes or names, as the ledger writes it ("送审稿、起草说明…") or "01,03".
    A name may itself hold a 、 ("歧视外嫁女、入赘男及其子女"), so names are matched whole, longest first."""
    longest_first = sorted(choices, key=lambda c: -len(c[1]))
    out = []
    for piece in re.split(r"[,，;；\n]", text):
        rest = piece.strip()
        while rest:
            for code, name in longest_first:
                hit = next((w for w in (name, code) if rest == w or rest.startswith(w + "、")), None)
                if hit:
                    out.append(code)
                    rest = rest[len(hit):].lstrip("、").strip()
                    break
            else:
                shown = "" if secret else f"“{rest}”"
                raise ValueError(f"“{spec.label}”中的{shown or '一项'}不在可选范围内（可选：{_listed(choices)}）")
    return join_codes(out)


# --- preview and apply -----------------------------------------------------------------------

def options_for(s: Session, spec: TableSpec) -> Options:
    """The choices of every code-table and reference column, from this database."""
    from sfs_desktop.core import codes
    from sfs_desktop.core.ledger import ref_choices

    out: Options = {}
    for f in spec.specs():
        if f.code_table:
            out[f.code_table] = [(c.code, c.name) for c in codes.codes(s, f.code_table, active_only=False)]
        elif f.widget is Widget.REF and f.ref:
            choices = ref_choices(s, f.ref)
            if choices:
                out[f.ref] = choices
    return out


def _stored(row: Any, spec: TableSpec) -> dict[str, Any]:
    return {name: getattr(row, name) for name in spec.columns}


def preview(s: Session, who: Principal, spec: TableSpec, path: Path) -> Preview:
    """Read `path` and say what importing it would do; writes nothing."""
    require(who, "import")
    rows = read_rows(path)
    if not rows:
        raise UserError(f"“{Path(path).name}”是空的：第一行应为表头（列名），从第二行起每行一条")
    (_header_row, header), data = rows[0], rows[1:]
    columns, ignored = match_header(spec, header)
    if not data:
        raise UserError(f"“{Path(path).name}”只有表头，没有数据行")
    options = options_for(s, spec)
    result = Preview(spec.key, spec.title, rows=len(data), ignored_columns=ignored)
    seen: dict[tuple[str, tuple], int] = {}
    for number, cells in data:
        values: dict[str, Any] = {}
        rejects: list[Reject] = []
        stored = None
        for i, name in columns.items():
            cell = cells[i] if i < len(cells) else None
            if _blank(cell):
                continue
            try:
                values[name] = convert(spec_of(spec.model, name), cell, options)
            except ValueError as exc:
                rejects.append(Reject(number, spec.label(name), str(exc)))
        failed = {r.column for r in rejects}
        values = spec.clean(values)
        if not rejects:
            stored = spec.find(s, values)
            merged = {**(_stored(stored, spec) if stored is not None else {}),
                      **{k: v for k, v in values.items() if not _blank(v)}}
            for p in spec.problems(s, merged, stored.id if stored is not None else None):
                label = spec.label(p.field) if p.field in spec.columns else ""
                if label not in failed:
                    rejects.append(Reject(number, label, p.message))
        if not rejects:
            for how, key in spec.keys(values):
                first = seen.get((how, key))
                if first is not None:
                    rejects.append(Reject(number, "", f"与第 {first} 行是同一条记录（{how}），请删去一行"))
                    break
        if rejects:
            result.rejects.extend(rejects)
            continue
        for how, key in spec.keys(values):
            seen.setdefault((how, key), number)
        if stored is None:
            result.planned.append(Planned(number, merged, None, spec.describe(merged)))
            continue
        changed = {k: v for k, v in merged.items() if getattr(stored, k) != v}
        if changed:
            result.planned.append(Planned(number, changed, stored.id, spec.describe(merged)))
        else:
            result.unchanged += 1
    return result


def import_file(s: Session, who: Principal, spec: TableSpec, path: Path, *, accept_valid: bool = False,
                dry_run: bool = False) -> Preview:
    """Preview `path` and, unless `dry_run`, apply it in this transaction: all rows, or with
    `accept_valid` only the valid ones. Rejected rows without `accept_valid` raise
    :class:`ImportRefused` (carrying the preview) and nothing is written."""
    result = preview(s, who, spec, path)
    if dry_run:
        return result
    if result.rejects and not accept_valid:
        raise ImportRefused(result)
    if result.valid == 0:
        raise UserError("没有通过检查的行，未导入任何数据")
    for plan in result.planned:
        spec.save(s, who, dict(plan.values), plan.existing_id)
    from sfs_desktop.core.security import audit

    audit.record(s, who.username, "import", spec.model.__tablename__, None,
                 (spec.key, f"新增{result.new}", f"更新{result.updated}", f"未通过{len(result.rejected_rows)}"))
    result.applied = True
    log.info("imported %s: %d new, %d updated, %d unchanged, %d rows refused", spec.key, result.new,
             result.updated, result.unchanged, len(result.rejected_rows))
    return result


# --- templates -------------------------------------------------------------------------------

def _hint(f: FieldSpec, options: Options) -> str:
    if f.widget is Widget.DATE:
        return "日期，如 2024-01-05、2024/1/5 或 2024年1月5日"
    if f.widget is Widget.BOOL:
        return "是 或 否"
    kind = f.code_table or f.ref
    if kind in options:
        return "以下之一（名称或代码）：" + "、".join(name for _c, name in options[kind])
    if f.widget is Widget.ID_NUMBER:
        return "18 位居民身份证号（请把这一列设为文本，以免 Excel 把末几位变成 0）"
    if f.widget is Widget.PHONE:
        return "手机号，或带区号的固话（如 0737-8221234）"
    return f"文字，最多 {f.max_length} 字" if f.max_length else "文字"


def template_bytes(spec: TableSpec, options: Options, notes: tuple[str, ...] = ()) -> bytes:
    """An xlsx with the declared headers (necessary ones marked *), a drop-down for each code and
    是/否 column, and a 填写说明 sheet; no sample rows (a sample row would be imported)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = spec.title[:31]
    help_sheet = book.create_sheet("填写说明")
    help_sheet.append(["列名", "必填", "填写要求"])
    for i, f in enumerate(spec.specs(), 1):
        needed = f.name in spec.needed
        cell = sheet.cell(1, i, f.label + ("*" if needed else ""))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(12, len(f.label) * 2 + 4, 22 if f.widget is Widget.ID_NUMBER else 0)
        choices = [name for _c, name in options.get(f.code_table or f.ref or "", [])]
        if f.widget is Widget.BOOL:
            choices = ["是", "否"]
        if choices and len(",".join(choices)) < 250:
            check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            check.add(f"{letter}2:{letter}{MAX_ROWS}")
            sheet.add_data_validation(check)
        if f.widget in (Widget.ID_NUMBER, Widget.PHONE, Widget.TEXT, Widget.CODE):
            for row in range(2, 502):
                sheet.cell(row, i).number_format = "@"  # text: long numbers and leading zeros survive
        help_sheet.append([f.label, "是" if needed else "", _hint(f, options)])
    for line in notes:
        help_sheet.append([])
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 16
    help_sheet.column_dimensions["C"].width = 90
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_template(spec: TableSpec, out: Path, options: Options, notes: tuple[str, ...] = ()) -> Path:
    from sfs_desktop.core.fsio import atomic_write

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(f"模板文件应以 .xlsx 结尾：{out}")
    if not out.parent.is_dir():
        raise UserError(f"文件夹“{out.parent}”不存在")
    return atomic_write(out, template_bytes(spec, options, notes))


def default_options(spec: TableSpec) -> Options:
    """Code-table choices as shipped (resources/codes), for a template made without a database."""
    from sfs_desktop.core.codes import default_data

    tables = default_data().get("codes", {})
    return {f.code_table: [(c["code"], c["name"]) for c in tables.get(f.code_table, [])]
            for f in spec.specs() if f.code_table}
