"""How values are written on printed forms: official dates, amounts in capitals, serials, blanks.

Plain functions of plain values, so the GUI, the exports and the tests can share them.
A missing value is an empty string here; the layout turns it into a blank to fill in by hand,
so "None" never reaches paper.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import cn2an

from sfs_desktop.core.fields import Widget, is_empty

_DIGITS = "〇一二三四五六七八九"
BLANK_DATE = "　　年　　月　　日"  # printed where a date is to be written by hand
_CENT = Decimal("0.01")


def _small_number(n: int) -> str:
    """1–31 the way dates write them: 十, 十一, 二十, 二十八, 三十一."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def official_date(value: date | None) -> str:
    """二〇二四年十一月二十八日 (GB/T 9704 style for dates under a signature or seal)."""
    if value is None:
        return BLANK_DATE
    year = "".join(_DIGITS[int(c)] for c in f"{value.year:04d}")
    return f"{year}年{_small_number(value.month)}月{_small_number(value.day)}日"


def plain_date(value: date | None) -> str:
    """2024年11月28日: the usual way inside form cells."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def _amount(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"not an amount: {value!r}") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"amount must be a non-negative number: {value!r}")
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def money_figures(value: Any) -> str:
    """¥12,000.00"""
    return f"¥{_amount(value):,.2f}"


def money_capital(value: Any) -> str:
    """壹万贰仟元整, 壹万零伍拾元整, 壹拾陆元整, 伍角, 叁佰贰拾伍元零肆分 (bank writing rules:
    整 after 元, optional after 角, never after 分; a run of zeros is one 零)."""
    return cn2an.an2cn(f"{_amount(value):.2f}", "rmb")


def money(value: Any) -> str:
    """¥12,000.00（壹万贰仟元整）: figures and capitals, as agreements write sums."""
    return f"{money_figures(value)}（{money_capital(value)}）"


def count_words(n: Any) -> str:
    """A count in words, as running text writes it: 一式三份, 共十二页, 一式两份 (two is 两 before a
    measure word)."""
    value = int(n)
    if value < 0:
        raise ValueError(f"a count is not negative: {n!r}")
    return "两" if value == 2 else cn2an.an2cn(value)


SERIAL_PATTERN = "（{year}）{prefix}{kind}字第{n}号"
"""The usual shape of a document number: （2024）桃灰人调字第12号 (domain.md §2)."""
_SERIAL_FIELDS = {"year", "prefix", "n"}


def serial_pattern(kind_word: str) -> str:
    """The usual pattern for a kind word: 人调 → （{year}）{prefix}人调字第{n}号."""
    return SERIAL_PATTERN.replace("{kind}", kind_word)


def check_serial_pattern(pattern: str) -> str:
    """A pattern names {n} and may name {year} and {prefix}, nothing else (checked when a template
    is declared, so a typo fails at import rather than at the first print)."""
    import string

    names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    if "n" not in names or not names <= _SERIAL_FIELDS:
        raise ValueError(f"serial pattern {pattern!r} must name {{n}} and only {{year}}, {{prefix}}")
    return pattern


def format_serial(year: int, prefix: str, kind_word: str | None, n: int, *, pattern: str | None = None) -> str:
    """A document number: by default （2024）桃×人调字第12号 from the kind word (人调, 聘 …); a template
    with another shape passes its `pattern`, e.g. "{prefix}司审〔{year}〕{n}号" → 桃灰司审〔2024〕5号."""
    if n < 1:
        raise ValueError("serial numbers start at 1")
    pattern = check_serial_pattern(pattern or serial_pattern(kind_word or ""))
    return pattern.format(year=year, prefix=prefix, n=n)


def blank_serial(kind_word: str | None, *, pattern: str | None = None) -> str:
    """（　　　）　　人调字第　　　号: the number line of a form printed before numbering."""
    pattern = check_serial_pattern(pattern or serial_pattern(kind_word or ""))
    return pattern.format(year="　　　", prefix="　　", n="　　　")


def display(value: Any, widget: Widget | None = None, how: str = "") -> str:
    """The text a value prints as; "" when missing.

    `how` picks a written form: ``official`` (dates), ``capital`` / ``figures`` (amounts), ``words``
    (counts in running text: 一式三份).
    Without it a MONEY field prints figures and capitals, a date 2024年11月28日.
    """
    if is_empty(value):
        return ""
    if how == "official":
        return official_date(value.date() if isinstance(value, datetime) else value)
    if how == "capital":
        return money_capital(value)
    if how == "figures":
        return money_figures(value)
    if how == "words":
        return count_words(value)
    if how:
        raise ValueError(f"unknown display form {how!r}")
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return f"{plain_date(value)} {value:%H:%M}"
    if isinstance(value, date):
        return plain_date(value)
    if widget is Widget.MONEY:
        return money(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (list, tuple)):
        return "、".join(display(v) for v in value if not is_empty(v))
    return str(value).strip()
