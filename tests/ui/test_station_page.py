"""所务管理: the staff roster and the villages edited through forms built from the declarations,
and a spreadsheet imported through its preview (rejects by row, column and reason)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from sfs_desktop.core.people import registry
from sfs_desktop.core.security.access import Principal
from sfs_desktop.ui.import_dialog import ALL, VALID, ImportPreviewDialog
from sfs_desktop.ui.main_window import MainWindow
from tests.station import rosterdata as rd
from tests.ui.conftest import saved, settled


@pytest.fixture
def told(monkeypatch) -> list[str]:
    said: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, title, text, *_a, **_k: said.append(f"{title}：{text}"))
    return said


@pytest.fixture
def page(qtbot, app_session):
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("management")
    return window.page("management")


def _rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _preview_then(tab, path, act) -> list[ImportPreviewDialog]:
    """Import `path` on `tab`; `act(dialog)` runs on the preview dialog once it is up."""
    shown: list[ImportPreviewDialog] = []
    before = getattr(tab, "_open_dialog", None)
    timer = QTimer(tab)

    def run():  # the preview comes after a background read: wait for it
        dialog = getattr(tab, "_open_dialog", None)
        if dialog is before or not isinstance(dialog, ImportPreviewDialog) or not dialog.isVisible():
            return
        timer.stop()
        shown.append(dialog)
        act(dialog)
    timer.timeout.connect(run)
    timer.start(10)
    tab.importer.start(str(path))
    settled()
    timer.stop()
    return shown


def test_staff_form_refuses_bad_values_and_saves_good_ones(page, told):
    tab = page.staff
    said = []

    def fill(values: dict):
        def run():
            d = tab._open_dialog
            for name, value in values.items():
                d.form.editors[name].set_value(value)
            saved(d)
            said.append(d.message.text())
            if d.isVisible():
                d.reject()
        QTimer.singleShot(0, run)
        tab.buttons["new"].click()

    fill({"name": "周明远", "id_number": rd.ZHOU[:17] + ("0" if rd.ZHOU[17] != "0" else "1")})
    assert said[-1] == "请先改正标红的内容" and tab.model.rowCount() == 0
    fill({"name": "周明远", "id_number": rd.ZHOU, "legal_qualification": True})  # core's rule, in its words
    assert "请填写“资格证号”" in said[-1] and tab.model.rowCount() == 0
    fill({"name": "周明远", "id_number": rd.ZHOU, "legal_qualification": True, "qualification_no": "A2008"})
    assert said[-1] == "" and tab.model.rowCount() == 1
    tab.select(tab.model.id_at(0))
    tab.toggle_active()
    settled()
    with page.app.db.read() as s:
        from sfs_desktop.core.station.models import Staff

        row = s.get(Staff, tab.model.id_at(0))
        assert (row.active, row.birth_date.isoformat(), row.gender) == (False, "1985-03-12", "1")


def test_import_preview_lists_rejects_and_applies_only_what_was_chosen(page, tmp_path, told):
    tab = page.staff
    path = rd.write_xlsx(tmp_path / "名册.xlsx", rd.good_rows() + rd.bad_rows())
    seen = {}

    def look_then_cancel(d):
        seen["rejects"] = _rows(d.rejects)
        seen["planned"] = _rows(d.planned)
        seen["enabled"] = (d.buttons[ALL].isEnabled(), d.buttons[VALID].isEnabled())
        seen["summary"] = d.summary.text()
        d.grab().save(str(tmp_path / "preview.png"))
        d.buttons["cancel"].click()
    _preview_then(tab, path, look_then_cancel)
    assert seen["enabled"] == (False, True) and "共 13 行，有效 4 行" in seen["summary"]
    assert [r[:2] for r in seen["rejects"]] == [[str(6 + i), c or "整行"] for i, (c, _w) in enumerate(rd.BAD_REASONS)]
    assert all(w in r[2] for r, (_c, w) in zip(seen["rejects"], rd.BAD_REASONS))
    assert [r[1:] for r in seen["planned"]] == [["周明远", "新增"], ["刘晓燕", "新增"], ["谭国华", "新增"], ["龚小兰", "新增"]]
    assert tab.model.rowCount() == 0  # 取消: nothing imported

    _preview_then(tab, path, lambda d: d.buttons[VALID].click())
    assert tab.model.rowCount() == 4 and told[-1] == "导入完成：已导入：新增 4 条，更新 0 条。"

    again = _preview_then(tab, path, lambda d: d.buttons["cancel"].click())[0]
    assert not again.buttons[ALL].isEnabled() and not again.buttons[VALID].isEnabled()
    assert "没有需要导入" in again.note.text() and tab.model.rowCount() == 4

    rows = rd.good_rows()
    rows[1][4] = "副所长"
    fixed = rd.write_xlsx(tmp_path / "名册2.xlsx", rows)
    chosen = _preview_then(tab, fixed, lambda d: d.buttons[ALL].click())[0]
    assert chosen.buttons[ALL].isEnabled() and _rows(chosen.planned) == [["3", "刘晓燕", "更新"]]
    assert tab.model.rowCount() == 4 and told[-1].endswith("新增 0 条，更新 1 条。")

    (tmp_path / "bad.xlsx").write_text("not a workbook")
    tab.importer.start(str(tmp_path / "bad.xlsx"))
    settled()
    assert "不是有效的 xlsx 文件" in told[-1]


def test_villages_tab_edits_imports_and_will_not_delete_one_in_use(page, tmp_path, told, app_session):
    tab = page.areas
    path = rd.write_xlsx(tmp_path / "村.xlsx", rd.area_rows(), header=rd.AREA_HEADER)
    _preview_then(tab, path, lambda d: d.buttons[ALL].click())
    assert tab.model.rowCount() == 3
    app_session.db.write(lambda s: registry.register_person(s, Principal("admin", "head"),
                                                            {"name": "住户甲", "area_code": f"{rd.TOWNSHIP}201"}))
    by_code = {tab.model.data(tab.model.index(r, 0)): tab.model.id_at(r) for r in range(3)}
    tab.select(by_code[f"{rd.TOWNSHIP}201"])
    tab.delete_selected()
    settled()
    assert "已被引用（人员 1 条），不能删除" in told[-1] and tab.model.rowCount() == 3
    tab.select(by_code[f"{rd.TOWNSHIP}202"])
    tab.delete_selected()
    settled()
    assert tab.model.rowCount() == 2

    def rename():
        d = tab._open_dialog
        d.form.editors["name"].set_value("竹山新村")
        saved(d)
    QTimer.singleShot(0, rename)
    tab.select(by_code[f"{rd.TOWNSHIP}201"])
    tab.edit_selected()
    names = {tab.model.data(tab.model.index(r, 1)) for r in range(tab.model.rowCount())}
    assert names == {"桃花社区", "竹山新村"}
    page.grab().save(str(tmp_path / "areas.png"))
