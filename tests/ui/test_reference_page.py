"""参考数据: the county's 所长 edits parameters, codes and holidays through real widgets (a bad value
is refused in the dialog in core's words and changes nothing); a station sees the same lists
read-only, with when each row arrived."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from sfs_desktop.core import params
from sfs_desktop.core.security.session import login
from sfs_desktop.paths import DataPaths
from sfs_desktop.ui import ops
from sfs_desktop.ui.reference_page import ReferencePage
from tests.conftest import ADMIN, PASSWORD
from tests.sync.conftest import enroll, exchange, make_node
from tests.ui.conftest import saved, settled

SHOTS = os.environ.get("SFS_SHOTS")  # a folder: the tests leave PNGs of the page there to look at


def _page(qtbot, app) -> ReferencePage:
    page = ReferencePage(app)
    qtbot.addWidget(page)
    ops.watch_writer(app)
    ops.changes().tables_changed.connect(page.data_changed)
    page.resize(1000, 600)
    page.show()
    return page


def _shot(page, name: str) -> None:
    if SHOTS:
        settled()
        page.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _in_dialog(page, fill) -> list:
    """Fill the dialog about to open, press 确定; report (closed, message) and close it if still open."""
    said = []

    def run():
        dialog = page._open_dialog
        fill(dialog)
        closed = saved(dialog)
        said.append((closed, dialog.message.text()))
        if dialog.isVisible():
            dialog.reject()
    QTimer.singleShot(0, run)
    return said


def _select(table, text: str) -> None:
    for r in range(table.rowCount()):
        if any(table.item(r, c).text() == text for c in range(table.columnCount())):
            table.setCurrentCell(r, 0)
            return
    raise AssertionError(f"{text} not in the table")


def _cell(table, row_text: str, column: int) -> str:
    for r in range(table.rowCount()):
        if any(table.item(r, c).text() == row_text for c in range(table.columnCount())):
            return table.item(r, column).text()
    raise AssertionError(row_text)


@pytest.fixture
def county_app(tmp_path):
    node = make_node(tmp_path, "county", "430922000", "桃江县司法局")
    node.db.close()
    app = login(DataPaths.resolve(node.root), ADMIN, PASSWORD)
    yield app
    app.close()


def _value_of(app, key):
    with app.db.read() as s:
        return params.get(s, key)


def test_the_county_head_edits_a_parameter_and_a_bad_value_is_refused(qtbot, county_app):
    page = _page(qtbot, county_app)
    assert page.editable and "县司法局统一维护" in page.note.text()
    _select(page.params, "mediation.warn_day")

    said = _in_dialog(page, lambda d: d.findChild(QWidget, "value").setValue(-1))
    page.edit_param()
    assert said == [(False, "参数“受理后第几天提醒调解期限”不能小于 0天，收到 -1")]
    assert _value_of(county_app, "mediation.warn_day") == 20  # nothing changed

    said = _in_dialog(page, lambda d: d.findChild(QWidget, "value").setValue(18))
    page.edit_param()
    settled()
    assert said == [(True, "")]
    assert _value_of(county_app, "mediation.warn_day") == 18
    assert _cell(page.params, "mediation.warn_day", 1) == "18 天"
    assert _cell(page.params, "mediation.warn_day", 4) != "—"  # 修改时间
    _shot(page, "reference-county-params")


def test_the_county_head_adds_a_code_and_a_holiday(qtbot, county_app):
    page = _page(qtbot, county_app)
    page.tabs.setCurrentIndex(1)
    page.kinds.setCurrentRow([page.kinds.item(i).data(256) for i in range(page.kinds.count())].index("dispute_type"))

    def code(c, n):
        def fill(d):
            d.findChild(QWidget, "code").setText(c)
            d.findChild(QWidget, "name").setText(n)
        return fill
    said = _in_dialog(page, code("10", "重复"))
    page.add_code()
    assert said[0][0] is False and "已有代码 10：劳动争议" in said[0][1]
    said = _in_dialog(page, code("20", "网络纠纷"))
    page.add_code()
    settled()
    assert said == [(True, "")] and _cell(page.codes, "20", 1) == "网络纠纷"
    _select(page.codes, "20")
    page.toggle_code()
    settled()
    assert _cell(page.codes, "20", 2) == "停用"
    _shot(page, "reference-county-codes")

    page.tabs.setCurrentIndex(2)
    page.year.setValue(2031)

    def holiday(day, kind):
        def fill(d):
            d.findChild(QWidget, "day").setDate(QDate(*day))
            box = d.findChild(QWidget, "kind")
            box.setCurrentIndex(box.findData(kind))
            d.findChild(QWidget, "note").setText("国庆节")
        return fill
    said = _in_dialog(page, holiday((2031, 10, 6), "makeup_workday"))
    page.add_holiday()
    assert said == [(False, "2031-10-06 是工作日，调休上班日应为周六或周日")]
    said = _in_dialog(page, holiday((2031, 10, 1), "holiday"))
    page.add_holiday()
    settled()
    assert said == [(True, "")] and _cell(page.holidays, "2031-10-01", 1) == "法定节假日"
    _shot(page, "reference-county-holidays")


def test_a_station_sees_what_it_received_and_when_read_only(qtbot, tmp_path):
    county = make_node(tmp_path, "county", "430922000", "桃江县司法局")
    station = make_node(tmp_path, "station", "430922101", "桃江县司法局灰山港司法所")
    enroll(county, station)
    from sfs_desktop.core import reference
    from sfs_desktop.core.security.access import SYSTEM
    county.db.write(lambda s: reference.set_param(s, SYSTEM, "mediation.warn_day", "18"))
    county.db.write(lambda s: reference.add_holiday(s, SYSTEM, date(date.today().year, 10, 1), "holiday", "国庆节"))
    assert exchange(county, station)
    county.db.close()
    station.db.close()
    app = login(DataPaths.resolve(station.root), ADMIN, PASSWORD)
    try:
        page = _page(qtbot, app)
        assert not page.editable and "本所只能查看" in page.note.text()
        assert not [b for b in page.findChildren(QPushButton) if b.isVisible()]  # no editing at a station
        assert _cell(page.params, "mediation.warn_day", 1) == "18 天"
        received = _cell(page.params, "mediation.warn_day", 5)
        assert received.startswith(f"{date.today():%Y-%m-%d}")
        assert _cell(page.params, "mediation.archive_days", 5) == "—"  # shipped with the program
        assert _cell(page.holidays, f"{date.today().year}-10-01", 4) == received
        assert _cell(page.tables, "holiday_calendar", 4) == received
        _shot(page, "reference-station")
    finally:
        app.close()
