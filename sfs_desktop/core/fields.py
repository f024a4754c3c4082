"""Field metadata: each model field is declared once, with everything the program derives from it.

A field declared with :func:`field` carries a :class:`FieldSpec` in its SQLAlchemy column's
``info``. Forms, ledger columns, masking, search indexing, Excel headers and printed labels
all read the spec back through :func:`specs`, so adding a field is a one-line change (plus a
migration), never a hunt through the GUI and the printing code.
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass, field as dc_field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterable, Iterator

from sqlmodel import Field


class Sensitivity(enum.IntEnum):
    """Data sensitivity levels of domain.md §13.2."""

    S0 = 0  # public: aggregates, rules, templates
    S1 = 1  # normal: names with village, dates, dispute types
    S2 = 2  # high: ID numbers, phones, exact addresses, photos: masked, reveal is audited
    S3 = 3  # highest: anything linking a person to a crime: every view is audited


class Widget(str, enum.Enum):
    """Which editor a generated form uses for the field."""

    TEXT = "text"
    MULTILINE = "multiline"
    INT = "int"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    BOOL = "bool"
    CODE = "code"  # a combo box over a code table
    CODE_LIST = "code_list"  # a checklist over a code table, stored as "01,03" (sorted)
    ID_NUMBER = "id_number"  # 居民身份证号: validates as you type, fills birth date and sex
    USCC = "uscc"  # 统一社会信用代码
    PHONE = "phone"
    REF = "ref"  # a link to another record (person, committee …)
    HIDDEN = "hidden"


class Mask(str, enum.Enum):
    """How an S2 value is shown when not revealed."""

    ID_NUMBER = "id_number"  # 430922********1234
    PHONE = "phone"  # 138****5678
    ADDRESS = "address"  # 桃江县桃花江镇****
    ALL = "all"  # ******


@dataclass(frozen=True)
class Problem:
    """One refused or doubtful value: errors block saving, warnings ask to confirm."""

    field: str
    message: str
    level: str = "error"  # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


Validator = Callable[[Any], "str | Problem | None"]
"""A validator takes a non-empty value and returns None, an error message, or a Problem."""


@dataclass(frozen=True)
class FieldSpec:
    label: str
    sensitivity: Sensitivity = Sensitivity.S1
    widget: Widget = Widget.TEXT
    code_table: str | None = None
    required: bool = False
    validators: tuple[Validator, ...] = ()
    mask: Mask | None = None
    searchable: bool = False  # goes into the full-text index (never for S2/S3)
    list_column: bool = True  # shown as a ledger column by default
    max_length: int | None = None
    help: str = ""
    ref: str | None = None  # table name a REF widget points at
    only_when: tuple[str, frozenset[str]] | None = None  # validators apply only when that field's code is in the set
    name: str = dc_field(default="", compare=False)  # filled in by specs()

    def validates(self, values: dict[str, Any]) -> bool:
        """Whether the validators apply to this record (an empty kind counts as the first, default one)."""
        if self.only_when is None:
            return True
        other, kinds = self.only_when
        kind = values.get(other)
        return kind in (None, "") or kind in kinds

    def __post_init__(self) -> None:
        if self.searchable and self.sensitivity >= Sensitivity.S2:
            raise ValueError(f"{self.label}: S2/S3 fields may not go into the search index")
        if self.sensitivity == Sensitivity.S2 and self.mask is None:
            object.__setattr__(self, "mask", Mask.ALL)


def field(
    label: str,
    default: Any = None,
    *,
    sensitivity: Sensitivity = Sensitivity.S1,
    widget: Widget | None = None,
    code_table: str | None = None,
    required: bool = False,
    validators: Iterable[Validator] = (),
    mask: Mask | None = None,
    searchable: bool = False,
    list_column: bool = True,
    max_length: int | None = None,
    help: str = "",
    ref: str | None = None,
    only_when: tuple[str, Iterable[str]] | None = None,
    default_factory: Callable[[], Any] | None = None,
    index: bool = False,
    foreign_key: str | None = None,
    sa_type: Any = None,
) -> Any:
    """Declare a model field with its metadata; returns a SQLModel ``Field``."""
    spec = FieldSpec(
        label=label,
        sensitivity=sensitivity,
        widget=widget or (Widget.CODE if code_table else Widget.TEXT),
        code_table=code_table,
        required=required,
        validators=tuple(validators),
        mask=mask,
        searchable=searchable,
        list_column=list_column,
        max_length=max_length,
        help=help,
        ref=ref,
        only_when=(only_when[0], frozenset(only_when[1])) if only_when else None,
    )
    kwargs: dict[str, Any] = {"sa_column_kwargs": {"info": {"spec": spec}}, "index": index}
    if foreign_key:
        kwargs["foreign_key"] = foreign_key
    if max_length is not None:
        kwargs["max_length"] = max_length
    if sa_type is not None:
        kwargs["sa_type"] = sa_type
    if default_factory is not None:
        return Field(default_factory=default_factory, **kwargs)
    return Field(default=default, **kwargs)


def specs(model: Any) -> list[FieldSpec]:
    """The declared fields of a model (class or table) in column order, with names filled in."""
    return list(_table_specs(getattr(model, "__table__", model)))


@functools.cache
def _table_specs(table: Any) -> tuple[FieldSpec, ...]:
    """Built once per table: forms, ledgers, checks and the audit hook ask for them per row."""
    return tuple(_named(col.info["spec"], col.name) for col in table.columns if col.info.get("spec") is not None)


def spec_of(model: Any, name: str) -> FieldSpec:
    table = getattr(model, "__table__", model)
    spec = table.columns[name].info.get("spec")
    if spec is None:
        raise KeyError(f"{table.name}.{name} has no field declaration")
    return _named(spec, name)


def _named(spec: FieldSpec, name: str) -> FieldSpec:
    if spec.name == name:
        return spec
    object.__setattr__(spec, "name", name)  # a column has one name; caching it is safe
    return spec


def sensitive_fields(model: Any, at_least: Sensitivity = Sensitivity.S2) -> list[str]:
    return [s.name for s in specs(model) if s.sensitivity >= at_least]


# --- validation ----------------------------------------------------------------------------

def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate(model: Any, values: dict[str, Any], code_lookup: Callable[[str, str], bool] | None = None) -> list[Problem]:
    """Check `values` against the model's declarations; returns every problem, errors first.

    `code_lookup(kind, code)` tells whether a code exists in a code table; without it code
    fields are not checked against the table.
    """
    problems: list[Problem] = []
    for spec in specs(model):
        if spec.name not in values:
            if spec.required:
                problems.append(Problem(spec.name, f"“{spec.label}”必须填写"))
            continue
        value = values[spec.name]
        if is_empty(value):
            if spec.required:
                problems.append(Problem(spec.name, f"“{spec.label}”必须填写"))
            continue
        checked_length = not spec.code_table or spec.widget is Widget.CODE_LIST  # a list's stored text has a limit
        if spec.max_length and checked_length and isinstance(value, str) and len(value) > spec.max_length:
            # (a code is checked against its table: "community" is a valid area_level of 9 letters)
            problems.append(Problem(spec.name, f"“{spec.label}”不能超过 {spec.max_length} 个字（现有 {len(value)} 个）"))
        if spec.widget is Widget.CODE_LIST:
            problems.extend(Problem(spec.name, m) for m in _code_list_problems(spec, value, code_lookup))
        elif spec.code_table and code_lookup is not None and not code_lookup(spec.code_table, str(value)):
            problems.append(Problem(spec.name, f"“{spec.label}”的值“{value}”不在代码表中"))
        for check in spec.validators if spec.validates(values) else ():
            result = check(value)
            if result is None:
                continue
            message, level = (result.message, result.level) if isinstance(result, Problem) else (result, "error")
            problems.append(Problem(spec.name, message if message.startswith("“") else f"“{spec.label}”{message}", level))
    problems.sort(key=lambda p: not p.is_error)
    return problems


# --- code lists (Widget.CODE_LIST) -----------------------------------------------------------

def split_codes(text: Any) -> list[str]:
    """The codes of a ticked checklist stored as "01,03" (a full-width comma typed by hand counts too)."""
    return [c.strip() for c in str(text or "").replace("，", ",").split(",") if c.strip()]


def join_codes(codes: Iterable[str]) -> str | None:
    """How a checklist is stored: its codes sorted, "01,03"; None when nothing is ticked."""
    return ",".join(sorted(codes)) or None


def stored_code_lists(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """`values` with each checklist in its stored form (sorted, "" → None), after validation."""
    lists = {s.name for s in specs(model) if s.widget is Widget.CODE_LIST}
    return {k: join_codes(split_codes(v)) if k in lists else v for k, v in values.items()}


def code_text(spec: FieldSpec, value: Any, name_of: Callable[[str], str]) -> str:
    """A code field's value as people read it: the code's name, or a list's names joined with 、."""
    if value is None:
        return ""
    if spec.widget is Widget.CODE_LIST:
        return "、".join(name_of(c) for c in split_codes(value))
    return name_of(str(value))


def _code_list_problems(spec: FieldSpec, value: Any, code_lookup: Callable[[str, str], bool] | None) -> list[str]:
    codes = split_codes(value)
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    out = [f"“{spec.label}”中的代码“{'、'.join(repeated)}”重复了"] if repeated else []
    unknown = [c for c in dict.fromkeys(codes) if code_lookup is not None and not code_lookup(spec.code_table or "", c)]
    if unknown:
        out.append(f"“{spec.label}”中的代码“{'、'.join(unknown)}”不在代码表中")
    return out


# --- common validators (each returns None or a message completing “<label>…”) ---------------

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def phone(value: Any) -> str | None:
    v = str(value).strip().replace(" ", "")
    if _MOBILE.match(v) or _LANDLINE.match(v):
        return None
    return "应为 11 位手机号（如 13812345678）或带区号的固话（如 0737-8221234）"


def not_future(value: Any) -> str | None:
    if isinstance(value, date) and value > date.today():
        return "不能晚于今天"
    return None


def money(value: Any) -> str | None:
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return "应为金额数字（元），如 12000 或 12000.50"
    if d < 0:
        return "不能为负数"
    if d.as_tuple().exponent < -2:
        return "最多保留两位小数（分）"
    return None


def id_number(value: Any) -> str | None:
    from sfs_desktop.core import idcheck  # late: idcheck is a leaf module, keeps import order free

    result = idcheck.check_id_number(str(value))
    return None if result.ok else result.message


def uscc(value: Any) -> Problem | None:
    from sfs_desktop.core import idcheck

    result = idcheck.check_uscc(str(value))
    if result.ok:
        return None
    return Problem("", result.message, "warning" if result.warning_only else "error")


def iter_values(obj: Any) -> Iterator[tuple[FieldSpec, Any]]:
    """(spec, value) pairs of a record, in declaration order."""
    for spec in specs(type(obj)):
        yield spec, getattr(obj, spec.name, None)
