"""The generated filter bar on the people ledger: each choice gives the row count SQL gives."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import demo
from sfs_desktop.core.people.models import Person
from sfs_desktop.ui.ledger_filters import LedgerFilterBar, code_fields
from sfs_desktop.ui.people_page import PeoplePage, code_source


@pytest.fixture
def page(qtbot, app_session):
    demo.generate(app_session.db, SYSTEM, scale=200)
    page = PeoplePage(app_session)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def sql_count(app, where: str = "1=1", **params) -> int:
    with app.db.read() as s:
        return s.execute(text(f"SELECT count(*) FROM person WHERE deleted = 0 AND {where}"), params).scalar_one()


def choose(combo, label: str) -> None:
    index = combo.findText(label)
    assert index > 0, f"{label} not offered"
    combo.setCurrentIndex(index)


def test_filters_come_from_declarations_and_skip_sensitive_fields(qtbot, app_session):
    names = [s.name for s in code_fields(Person)]
    assert names == ["gender", "area_code"]  # list columns from a code table / short list; never id_number, phone
    bar = LedgerFilterBar(Person, code_source(app_session))
    qtbot.addWidget(bar)
    assert bar.combos["gender"].itemText(0) == "性别：全部"
    assert [bar.combos["gender"].itemText(i) for i in range(1, bar.combos["gender"].count())][:2] == ["男", "女"]
    assert bar.date_from.text() == "不限" and bar.date_to.text() == "不限"


def test_code_and_date_filters_match_sql_counts(qtbot, page, app_session):
    app, model, bar = app_session, page.model, page.filters
    assert model.rowCount() == sql_count(app) == 200

    choose(bar.combos["gender"], "女")
    women = sql_count(app, "gender = '2'")
    assert 0 < women < 200 and model.rowCount() == women

    bar.date_from.setDate(QDate(1960, 1, 1))
    bar.date_to.setDate(QDate(1979, 12, 31))
    in_range = sql_count(app, "gender = '2' AND birth_date BETWEEN '1960-01-01' AND '1979-12-31'")
    assert 0 < in_range < women and model.rowCount() == in_range
    born = [c.name for c in model.columns].index("birth_date")
    assert all("1960" <= model.index(r, born).data()[:4] <= "1979" for r in range(model.rowCount()))

    village = bar.combos["area_code"]
    village.setCurrentIndex(1)
    code = village.currentData()
    assert model.rowCount() == sql_count(app, "gender = '2' AND birth_date BETWEEN '1960-01-01' AND '1979-12-31' "
                                              "AND area_code = :c", c=code)

    village.setCurrentIndex(0)
    bar.date_to.setDate(bar.date_to.minimumDate())  # back to 不限: only a lower bound
    assert bar.date_to.text() == "不限"
    assert model.rowCount() == sql_count(app, "gender = '2' AND birth_date >= '1960-01-01'")

    qtbot.mouseClick(bar.findChild(QPushButton, "clear_filters"), Qt.MouseButton.LeftButton)
    assert model.rowCount() == 200 and bar.combos["gender"].currentIndex() == 0


def test_inverted_range_is_refused_in_chinese_and_list_unchanged(qtbot, page, app_session, tmp_path):
    model, bar = page.model, page.filters
    bar.date_to.setDate(QDate(1970, 12, 31))
    before = list(model.ids)
    assert len(before) == sql_count(app_session, "birth_date <= '1970-12-31'")

    bar.date_from.setDate(QDate(1980, 1, 1))
    assert bar.message.text() == "起始日期 1980-01-01 晚于截止日期 1970-12-31，请改正后再筛选。"
    assert bar.message.isVisible()
    assert model.ids == before
    choose(bar.combos["gender"], "男")  # other choices wait until the range is right
    assert model.ids == before

    page.grab().save(str(tmp_path / "people_filters.png"))
    bar.date_from.setDate(QDate(1960, 1, 1))
    assert bar.message.text() == ""
    assert model.rowCount() == sql_count(app_session, "gender = '1' AND birth_date BETWEEN '1960-01-01' AND '1970-12-31'")
    assert date(1960, 1, 1) == model.query.date_from and model.query.date_field == "birth_date"
