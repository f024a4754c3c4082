"""Form templates: data that names the fields a form prints, plus a registry.

A template names fields; their printed labels come from the model's field declarations
(:func:`sfs_desktop.core.fields.field`), gathered with :func:`spec_map`. The fields a template
prints are exactly those its sections name (:attr:`Template.fields`), and S2/S3 fields must
also be listed in ``sensitive`` or printing refuses them (see :mod:`.fill`).

A duty registers its templates at import time of its ``documents`` module and names that module
in its manifest (``templates=``, see :mod:`sfs_desktop.core.duties`), so ``print --list`` finds every form.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping, Protocol, Sequence, Union

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Widget, specs
from sfs_desktop.core.printing.fill import Fill, placeholders
from sfs_desktop.core.printing.formats import blank_serial, check_serial_pattern, format_serial, official_date, serial_pattern
from sfs_desktop.core.printing.grid import FieldGrid, GridBlock, GridCell, GridRow
from sfs_desktop.core.printing.layout import CheckBoxes, blank, seal_block, signature_lines, table_style
from sfs_desktop.core.printing.pages import FORM_PAGE, Page



class Section(Protocol):
    def refs(self) -> list[str]: ...

    def flowables(self, fill: Fill) -> list[Flowable]: ...


# --- field grids -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """A label and its value in a grid."""

    ref: str
    span: int = 1  # label/value pairs taken; the last cell of a row takes the rest
    lines: int = 1  # text lines kept free for handwriting when the value is blank
    options: tuple[str, ...] = ()  # print as check boxes; the value (or values) is ticked
    label: str | None = None  # instead of the declared label, when the form words it differently

    def grid_cell(self, fill: Fill) -> GridCell:
        styles = fill.styles
        label = fill.markup(self.label or fill.label(self.ref))
        if self.options:
            value = fill.value(self.ref)
            chosen = set(value) if isinstance(value, (set, list, tuple)) else {value}
            if fill.spec(self.ref).widget is Widget.BOOL and isinstance(value, bool):
                chosen = {self.options[0] if value else self.options[1]}
            flowable: Flowable = CheckBoxes(self.options, chosen, fill.fonts)
        else:
            flowable = Paragraph(fill.markup(fill.text(self.ref)), styles.cell)
        min_height = styles.cell.leading * self.lines + 8 if self.lines > 1 else 0.0
        return GridCell(label, flowable, self.span, min_height)


RowSpec = Sequence[Union[str, Cell]]


def _cells(row: RowSpec) -> tuple[Cell, ...]:
    return tuple(c if isinstance(c, Cell) else Cell(c) for c in row)


@dataclass(frozen=True)
class Group:
    """Rows under one name written down a left column ("申请人")."""

    label: str
    rows: Sequence[RowSpec]


@dataclass(frozen=True)
class Grid:
    """A bordered grid of label/value cells, `pairs` pairs to a row."""

    rows: Sequence[Union[RowSpec, Group]]
    pairs: int = 3

    def _blocks(self) -> list[tuple[str | None, list[tuple[Cell, ...]]]]:
        out: list[tuple[str | None, list[tuple[Cell, ...]]]] = []
        for row in self.rows:
            if isinstance(row, Group):
                out.append((row.label, [_cells(r) for r in row.rows]))
            else:
                out.append((None, [_cells(row)]))
        return out

    def refs(self) -> list[str]:
        return [c.ref for _, rows in self._blocks() for row in rows for c in row]

    def flowables(self, fill: Fill) -> list[Flowable]:
        blocks = [
            GridBlock(tuple(GridRow(tuple(c.grid_cell(fill) for c in row)) for row in rows), group)
            for group, rows in self._blocks()
        ]
        return [FieldGrid(blocks, self.pairs, fill.styles), Spacer(1, 4 * mm)]


# --- running text ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    """A paragraph with {ref} placeholders ({ref:official} for 二〇二四年… dates)."""

    text: str
    style: str = "body"  # a name in styles.Styles: body, plain, heading, note, right

    def refs(self) -> list[str]:
        return placeholders(self.text)

    def flowables(self, fill: Fill) -> list[Flowable]:
        style = getattr(fill.styles, self.style)
        return [Paragraph(fill.format(self.text, style.fontName), style)]


_CHINESE_NUMBERS = "一二三四五六七八九十"


def term_number(i: int, style: str) -> str:
    """1．2．… or 一、二、… (official documents number first-level items with 一、)."""
    if style == "chinese":
        if i <= 10:
            return _CHINESE_NUMBERS[i - 1] + "、"
        tens, ones = divmod(i, 10)
        return ("" if tens == 1 else _CHINESE_NUMBERS[tens - 1]) + "十" + (_CHINESE_NUMBERS[ones - 1] if ones else "") + "、"
    return f"{i}．"


@dataclass(frozen=True)
class Terms:
    """A numbered list from a list value (agreement terms, 申请事项)."""

    ref: str
    heading: str | None = None
    numbering: str = "arabic"  # or "chinese"
    blank_lines: int = 3  # numbered blank lines printed when the list is empty

    def refs(self) -> list[str]:
        return [self.ref]

    def flowables(self, fill: Fill) -> list[Flowable]:
        styles = fill.styles
        items = [str(v).strip() for v in (fill.value(self.ref) or []) if str(v).strip()]
        out: list[Flowable] = []
        if self.heading:
            out.append(Paragraph(fill.markup(self.heading, fill.fonts.hei), styles.heading))
        style = styles.plain.clone("term", leftIndent=2 * styles.plain.fontSize, firstLineIndent=-2 * styles.plain.fontSize)
        if items:
            for i, item in enumerate(items, 1):
                out.append(Paragraph(fill.markup(term_number(i, self.numbering) + item), style))
        else:
            line = blank(36)
            out += [Paragraph(fill.markup(term_number(i, self.numbering)) + line, style) for i in range(1, self.blank_lines + 1)]
        return out


@dataclass(frozen=True)
class Rows:
    """A ruled table of one list value (卷内目录, 排查台账): a header row, a row per item.

    `columns` are (key, header, share of the width); an item is a mapping read by key. Rows
    are padded with blank ones up to `min_rows`, for entries added by hand.
    """

    ref: str
    columns: Sequence[tuple[str, str, float]]
    min_rows: int = 0

    def refs(self) -> list[str]:
        return [self.ref]

    def flowables(self, fill: Fill) -> list[Flowable]:
        styles = fill.styles
        head = styles.cell.clone("rows_head", alignment=1, fontName=fill.fonts.hei)
        items = list(fill.value(self.ref) or [])
        data = [[Paragraph(fill.markup(h, fill.fonts.hei), head) for _k, h, _w in self.columns]]
        for item in items:
            data.append([Paragraph(fill.markup(str(item.get(k, "") or "")), styles.cell) for k, _h, _w in self.columns])
        data += [[""] * len(self.columns) for _ in range(max(0, self.min_rows - len(items)))]
        total = sum(w for _k, _h, w in self.columns)
        table = Table(data, colWidths=[f"{100 * w / total:.2f}%" for _k, _h, w in self.columns], repeatRows=1,
                      rowHeights=[None] + [None] * len(items) + [8 * mm] * max(0, self.min_rows - len(items)))
        table.setStyle(table_style(fill.fonts, [
            ("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return [table, Spacer(1, 4 * mm)]


@dataclass(frozen=True)
class NewPage:
    """Start a new sheet (the back cover printed with a file cover)."""

    def refs(self) -> list[str]:
        return []

    def flowables(self, fill: Fill) -> list[Flowable]:
        return [PageBreak()]


# --- signatures and seal ------------------------------------------------------------------

@dataclass(frozen=True)
class Signatures:
    """Lines to sign on, one per signer label, each with a blank date to write."""

    signers: Sequence[str]
    dated: bool = True
    each: str | None = None  # ref of a list of names: one "name（签名）" line per name, before `signers`

    def refs(self) -> list[str]:
        return [self.each] if self.each else []

    def flowables(self, fill: Fill) -> list[Flowable]:
        named = [f"{n}（签名、盖章或按指印）" for n in (fill.value(self.each) or [])] if self.each else []
        return [signature_lines([(s, self.dated) for s in [*named, *self.signers]], fill.styles)]


@dataclass(frozen=True)
class Seal:
    """Issuer (a pattern such as "{committee}") and date, right-aligned, with room for the seal."""

    issuer: str
    date: str | None = None  # ref of the date, printed 二〇二四年十一月二十八日; None: blank

    def refs(self) -> list[str]:
        return placeholders(self.issuer) + ([self.date] if self.date else [])

    def flowables(self, fill: Fill) -> list[Flowable]:
        date = fill.value(self.date) if self.date else None
        return seal_block(fill.plain(self.issuer), official_date(date), fill.styles)


LABEL_WIDTH_OPINION = 30 * mm


@dataclass(frozen=True)
class Opinions:
    """The opinion boxes of an approval form (审批表): each level's label at the left, its opinion in
    the box, and at the foot of the box the issuer "（盖章）" and the date, with room for the seal.

    `rows` are (opinion ref, issuer pattern such as "{station}", date ref or None for a blank date)."""

    rows: Sequence[tuple[str, str, str | None]]
    lines: int = 3  # text lines kept free above the seal when the opinion is blank

    def refs(self) -> list[str]:
        out: list[str] = []
        for ref, issuer, day in self.rows:
            out += [ref, *placeholders(issuer), *([day] if day else [])]
        return out

    def flowables(self, fill: Fill) -> list[Flowable]:
        styles = fill.styles
        right = styles.cell.clone("opinion_right", alignment=2)
        data = []
        for ref, issuer, day in self.rows:
            text = fill.text(ref)
            body: list[Flowable] = [Paragraph(fill.markup(text), styles.cell)] if text else []
            body += [Spacer(1, styles.cell.leading * (1 if text else self.lines)),
                     Paragraph(fill.markup(f"{fill.plain(issuer)}（盖章）"), right),
                     Paragraph(fill.markup(official_date(fill.value(day) if day else None)), right)]
            data.append([Paragraph(fill.markup(fill.label(ref)), styles.label), body])
        table = Table(data, colWidths=[LABEL_WIDTH_OPINION, None])
        table.setStyle(table_style(fill.fonts, [
            ("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        return [table, Spacer(1, 4 * mm)]


# --- templates ----------------------------------------------------------------------------

SpecSource = Union[Any, Mapping[str, FieldSpec]]


def spec_map(*sources: SpecSource, **prefixed: SpecSource) -> dict[str, FieldSpec]:
    """Field declarations by ref: a model's fields by name, a prefixed model's as "prefix.name".

    A source is a SQLModel table class or a mapping name → FieldSpec (for values that are not
    columns, such as a committee's name printed on a certificate).
    """
    out: dict[str, FieldSpec] = {}
    for prefix, source in [("", s) for s in sources] + list(prefixed.items()):
        if isinstance(source, Mapping):
            named = [replace(spec, name=name) for name, spec in source.items()]
        else:
            named = specs(source)
        for spec in named:
            out[f"{prefix}.{spec.name}" if prefix else spec.name] = spec
    return out


@dataclass(frozen=True)
class Template:
    id: str  # "mediation.agreement"
    title: str  # 人民调解协议书
    specs: Mapping[str, FieldSpec]  # from spec_map()
    sections: Sequence[Section]
    sensitive: frozenset[str] = frozenset()  # the S2/S3 fields this form may print
    copies: Union[int, Callable[[Mapping[str, Any]], int]] = 1  # e.g. parties + 1
    serial_kind: str | None = None  # "人调" → （2024）桃×人调字第12号
    serial_pattern: str | None = None  # another shape: "{prefix}司审〔{year}〕{n}号"; default from serial_kind
    head: str | None = None  # red head pattern, e.g. "{committee}"
    page: Page = FORM_PAGE
    fields: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        if self.serial_pattern or self.serial_kind:
            object.__setattr__(self, "serial_pattern",
                               check_serial_pattern(self.serial_pattern or serial_pattern(self.serial_kind)))
        refs = [r for s in self.sections for r in s.refs()]
        refs += placeholders(self.head) if self.head else []
        object.__setattr__(self, "fields", tuple(dict.fromkeys(refs)))
        object.__setattr__(self, "sensitive", frozenset(self.sensitive))
        unknown = [r for r in self.fields + tuple(self.sensitive) if r not in self.specs]
        if unknown:
            raise ValueError(f"template {self.id}: no field declaration for {', '.join(unknown)}")

    @property
    def numbered(self) -> bool:
        """The form carries a document number, allocated at its first print."""
        return self.serial_pattern is not None

    def serial(self, year: int, prefix: str, n: int) -> str:
        return format_serial(year, prefix, self.serial_kind, n, pattern=self.serial_pattern)

    def blank_serial(self) -> str:
        return blank_serial(self.serial_kind, pattern=self.serial_pattern)

    def copies_for(self, context: Mapping[str, Any]) -> int:
        return self.copies(context) if callable(self.copies) else self.copies


_REGISTRY: dict[str, Template] = {}


def register(template: Template) -> Template:
    if template.id in _REGISTRY and _REGISTRY[template.id] is not template:
        raise ValueError(f"template id {template.id} is already registered")
    _REGISTRY[template.id] = template
    return template


def _load() -> None:
    from sfs_desktop.core import duties

    duties.import_all(duties.template_modules())  # a no-op once imported


def get(template_id: str) -> Template:
    _load()
    try:
        return _REGISTRY[template_id]
    except KeyError:
        raise UserError(f"没有名为“{template_id}”的表单模板；可用 print --list 查看全部表单") from None


def all_templates() -> list[tuple[str, str]]:
    """(id, Chinese title) of every template, sorted by id: what `print --list` shows."""
    _load()
    return sorted((t.id, t.title) for t in _REGISTRY.values())
