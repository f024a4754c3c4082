from datetime import date, datetime
from decimal import Decimal

import pytest

from sfs_desktop.core.fields import Widget
from sfs_desktop.core.printing.formats import (
    BLANK_DATE,
    blank_serial,
    display,
    format_serial,
    money,
    money_capital,
    money_figures,
    official_date,
    plain_date,
)
from sfs_desktop.core.printing.templates import term_number


@pytest.mark.parametrize("value, expected", [
    (date(2024, 11, 28), "二〇二四年十一月二十八日"),
    (date(2020, 1, 10), "二〇二〇年一月十日"),
    (date(2021, 10, 1), "二〇二一年十月一日"),
    (date(2000, 12, 20), "二〇〇〇年十二月二十日"),
    (date(2024, 2, 29), "二〇二四年二月二十九日"),
    (date(2019, 5, 31), "二〇一九年五月三十一日"),
    (date(2023, 7, 19), "二〇二三年七月十九日"),
])
def test_official_date(value, expected):
    assert official_date(value) == expected


def test_missing_date_is_a_blank_to_write_in():
    assert official_date(None) == BLANK_DATE == "　　年　　月　　日"
    assert plain_date(None) == ""
    assert plain_date(date(2024, 3, 5)) == "2024年3月5日"


@pytest.mark.parametrize("amount, capital", [
    (12000, "壹万贰仟元整"),
    (10050, "壹万零伍拾元整"),
    (Decimal("0.5"), "伍角"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    (16, "壹拾陆元整"),
    (Decimal("100000000"), "壹亿元整"),
    ("1409.50", "壹仟肆佰零玖元伍角"),
    (0, "零元整"),
    ("0.005", "壹分"),  # rounded half up to the cent
])
def test_money_capital(amount, capital):
    assert money_capital(amount) == capital


def test_money_figures_and_both():
    assert money_figures(12000) == "¥12,000.00"
    assert money_figures("1234567.8") == "¥1,234,567.80"
    assert money(12000) == "¥12,000.00（壹万贰仟元整）"
    assert money("12,000") == "¥12,000.00（壹万贰仟元整）"


@pytest.mark.parametrize("bad", [-1, "abc", "NaN", "Infinity"])
def test_money_refuses_what_is_not_an_amount(bad):
    with pytest.raises(ValueError):
        money(bad)


def test_serials():
    assert format_serial(2024, "桃×", "人调", 12) == "（2024）桃×人调字第12号"
    assert blank_serial("人调") == "（　　　）　　人调字第　　　号"
    with pytest.raises(ValueError):
        format_serial(2024, "桃×", "人调", 0)


def test_display_never_says_none():
    assert display(None) == ""
    assert display("  ") == ""
    assert display(True) == "是"
    assert display(False) == "否"
    assert display(date(2024, 11, 28)) == "2024年11月28日"
    assert display(datetime(2024, 11, 28, 9, 5)) == "2024年11月28日 09:05"
    assert display(datetime(2024, 11, 28, 9, 5), how="official") == "二〇二四年十一月二十八日"
    assert display(Decimal("10050"), Widget.MONEY) == "¥10,050.00（壹万零伍拾元整）"
    assert display(Decimal("10050"), Widget.MONEY, how="capital") == "壹万零伍拾元整"
    assert display(["甲", None, "乙"]) == "甲、乙"
    assert display(3) == "3"
    with pytest.raises(ValueError):
        display(1, how="roman")


def test_term_numbers():
    assert [term_number(i, "arabic") for i in (1, 12)] == ["1．", "12．"]
    assert [term_number(i, "chinese") for i in (1, 10, 11, 20, 23)] == ["一、", "十、", "十一、", "二十、", "二十三、"]
