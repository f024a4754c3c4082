"""数据同步 through the GUI: enroll a station, send its records on a "stick", review a conflict.

A county and a station run side by side in one process, each signed in through its own
session, and only the pages' own buttons move data between them.
"""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QTableWidget
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.idcheck import make_id_number
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.session import login
from sfs_desktop.core.sync.models import SyncConflict
from sfs_desktop.ui.sync.page import SyncPage
from tests.conftest import ADMIN, PASSWORD, init_dir
from tests.ui.conftest import saved, settled


@pytest.fixture
def said(monkeypatch):
    messages = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a: messages.append(text))
    return messages


@pytest.fixture
def pair(tmp_path):
    county_paths, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    station_paths, _ = init_dir(tmp_path / "430922101")
    county, station = login(county_paths, ADMIN, PASSWORD), login(station_paths, ADMIN, PASSWORD)
    yield county, station
    county.close()
    station.close()


def _confirm_preview(record: list):
    """Press 确认导入 (or 取消 when it is disabled) once the preview opens (after the files are checked)."""
    def press():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
                       and w.findChild(QTableWidget, "preview") is not None), None)
        if dialog is None:
            QTimer.singleShot(10, press)
            return
        table = dialog.findChild(QTableWidget, "preview")
        record.append(["|".join(table.item(r, c).text() for c in (2, 4, 6, 7)) for r in range(table.rowCount())])
        box = dialog.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        (ok if ok.isEnabled() else box.button(QDialogButtonBox.StandardButton.Cancel)).click()
    QTimer.singleShot(0, press)


def _import(qtbot, tab, files) -> tuple[list, list]:
    """Choose `files` on the page; returns what the preview said and the import's results (none if cancelled)."""
    seen, results = [], []
    _confirm_preview(seen)
    assert tab.import_files([str(f) for f in files], on_done=results.append) is not None
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    if any(row.startswith(("可导入", "暂缓")) for row in seen[-1]):
        qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    return seen[-1], (results[0] if results else [])


def _export(qtbot, tab, folder: Path) -> list:
    results = []
    tab.set_folder(str(folder))
    tab.export(on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    return results[0]


def test_enroll_send_and_resolve_through_the_pages(qtbot, pair, tmp_path, said):
    county, station = pair
    c_page, s_page = SyncPage(county), SyncPage(station)
    qtbot.addWidget(c_page)
    qtbot.addWidget(s_page)
    stick = tmp_path / "stick"
    stick.mkdir()

    # enrollment: key card out of the station, registered at the county, enrollment bundle back
    s_page.exchange.write_card(str(stick))
    settled()
    card = s_page.exchange.last_card
    assert card.name == "密钥卡-430922101.json" and "指纹" in said[-1]
    assert c_page.stations.add_station(str(card), "桃江县司法局灰山港司法所") is not None
    settled()
    assert c_page.stations.table.item(0, 2).text() == "待导入登记包"
    c_page.stations.table.selectRow(0)
    c_page.stations.enroll(str(stick))
    settled()
    enrollment = c_page.stations.last_enrollment
    seen, results = _import(qtbot, s_page.exchange, [enrollment])
    assert seen[0].startswith("可导入|登记包") and results[0].status == "enrolled"

    # the station's records travel to the county; the preview comes first
    pid = station.write(lambda s: registry.register_person(s, SYSTEM, {"name": "同步甲", "gender": "1"})).id
    stick = tmp_path / "stick2"
    stick.mkdir()
    sent = _export(qtbot, s_page.exchange, stick)
    assert sent and "可以安全拔出U盘" in s_page.exchange.last_message
    files = sorted(stick.glob("*.sjxb"))
    seen, results = _import(qtbot, c_page.exchange, files)
    assert all(s.startswith("可导入|将导入") for s in seen) and results[0].status == "imported"
    assert seen[0].endswith("|430922101 第 1–2 号|person 1，station 1"), seen  # what verify() saw: range and rows per table
    with county.db.read() as s:
        assert s.get(Person, pid).name == "同步甲"
    c_page.stations.refresh()
    assert c_page.stations.table.item(0, 2).text() == "已登记"
    assert c_page.stations.table.item(0, 9).text().endswith("）") and "条" in c_page.stations.table.item(0, 9).text()
    seen, results = _import(qtbot, c_page.exchange, files)  # the same stick again: nothing twice
    assert seen[0].startswith("已导入过")
    c_page.history.refresh()
    assert c_page.history.table.rowCount() >= 2

    # both sides change the same field: the county reviews the two versions and keeps the station's
    def occupation(app, value):
        def fn(s):
            p = s.get(Person, pid)
            p.occupation = value
            s.add(p)
        app.write(fn)
    occupation(station, "个体经营")
    occupation(county, "外出务工")
    for old in stick.glob("*.sjxb"):
        old.unlink()
    _export(qtbot, s_page.exchange, stick)
    _import(qtbot, c_page.exchange, sorted(stick.glob("*.sjxb")))
    tab = c_page.conflicts
    tab.refresh()
    assert tab.queue.rowCount() == 1 and "职业" in tab.queue.item(0, 2).text()
    tab.queue.selectRow(0)
    sides = {tab.sides.item(r, 0).text(): (tab.sides.item(r, 1).text(), tab.sides.item(r, 2).text())
             for r in range(tab.sides.rowCount())}
    assert set(sides["职业＊"]) == {"个体经营", "外出务工"}
    keep = "keep_a" if sides["职业＊"][0] == "个体经营" else "keep_b"
    tab.buttons[keep].click()
    settled()
    with county.db.read() as s:
        assert s.get(Person, pid).occupation == "个体经营"
        assert s.exec(select(SyncConflict).where(SyncConflict.status == "open")).first() is None
    assert tab.queue.rowCount() == 0
    c_page.tabs.setCurrentIndex(0)
    c_page.resize(1000, 640)
    c_page.grab().save(str(tmp_path / "sync-county.png"))


def test_a_damaged_or_foreign_file_is_named_and_changes_nothing(qtbot, pair, tmp_path, said):
    county, _station = pair
    page = SyncPage(county)
    qtbot.addWidget(page)
    bad = tmp_path / "坏文件.sjxb"
    bad.write_bytes(b"SJXB not really a bundle")
    with county.db.read() as s:
        before = s.exec(select(Person)).all()
    seen, results = _import(qtbot, page.exchange, [bad])
    assert seen[0].startswith("拒收|") and len(seen[0]) > 6 and results == []
    with county.db.read() as s:
        assert s.exec(select(Person)).all() == before


def test_export_needs_a_place_and_an_enrolled_station(qtbot, pair, tmp_path, said):
    _county, station = pair
    page = SyncPage(station)
    qtbot.addWidget(page)
    page.exchange.drive.clear()
    page.exchange.drive.addItem("未检测到U盘", None)
    assert page.exchange.export() is None and "请插入U盘" in said[-1]
    _export(qtbot, page.exchange, tmp_path)
    assert said[-1] == "本所尚未登记到县司法局：请先导入县司法局发来的登记包"
    assert list(tmp_path.glob("*.sjxb")) == []
    page.grab().save(str(tmp_path / "sync.png"))


def test_sensitive_values_are_masked_side_by_side_and_take_theirs_applies(qtbot, pair, said):
    """A conflict on a row whose ID number travels (a county-entitled row): the review shows it masked."""
    county, _station = pair
    pid = county.write(lambda s: registry.register_person(s, SYSTEM, {"name": "同步乙"})).id
    ours, theirs = make_id_number("430922", date(1985, 3, 1), 21), make_id_number("430922", date(1985, 3, 1), 23)
    county.write(lambda s: s.add(SyncConflict(
        id="c0ffee00-0000-4000-8000-000000000001", table_name="person", row_id=pid, fields=["occupation", "id_number"],
        version_a={"node": "430922000", "vv": {}, "data": {"occupation": "务农", "id_number": ours}},
        version_b={"node": "430922101", "vv": {}, "data": {"occupation": "个体经营", "id_number": theirs}})))
    page = SyncPage(county)
    qtbot.addWidget(page)
    tab = page.conflicts
    assert not tab.buttons["keep_b"].isEnabled()  # nothing chosen yet
    tab.queue.selectRow(0)
    shown = [[tab.sides.item(r, c).text() for c in range(3)] for r in range(tab.sides.rowCount())]
    assert ["职业＊", "务农", "个体经营"] in shown
    [id_row] = [row for row in shown if row[0].startswith("证件号码")]
    # the one masking function every list uses: the first six and the last four digits
    assert id_row[1] == ours[:6] + "*" * 8 + ours[-4:] and id_row[2] == theirs[:6] + "*" * 8 + theirs[-4:]
    assert not any(ours in t or theirs in t for row in shown for t in row)
    tab.buttons["keep_b"].click()
    settled()
    with county.db.read() as s:
        p = s.get(Person, pid)
        assert (p.occupation, p.id_number) == ("个体经营", theirs)
        assert s.get(SyncConflict, "c0ffee00-0000-4000-8000-000000000001").resolved_by == ADMIN
    assert tab.queue.rowCount() == 0 and "0 条" in tab.heading.text()


def test_revoking_a_station_asks_first_then_its_bundles_are_refused(qtbot, pair, tmp_path, said, monkeypatch):
    county, station = pair
    c_page, s_page = SyncPage(county), SyncPage(station)
    qtbot.addWidget(c_page)
    qtbot.addWidget(s_page)
    stick = tmp_path / "stick"
    stick.mkdir()
    s_page.exchange.write_card(str(stick))
    settled()
    c_page.stations.add_station(str(s_page.exchange.last_card), "桃江县司法局修山司法所")
    settled()
    c_page.stations.table.selectRow(0)
    c_page.stations.enroll(str(stick))
    settled()
    _import(qtbot, s_page.exchange, [c_page.stations.last_enrollment])
    station.write(lambda s: registry.register_person(s, SYSTEM, {"name": "吊销甲"}))
    out = tmp_path / "out"
    out.mkdir()
    _export(qtbot, s_page.exchange, out)

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: answers.pop(0))
    c_page.stations.table.selectRow(0)
    c_page.stations.buttons["revoke"].click()  # 否: nothing happens
    assert c_page.stations.table.item(0, 2).text() == "已登记"
    c_page.stations.table.selectRow(0)
    c_page.stations.buttons["revoke"].click()
    settled()
    assert c_page.stations.table.item(0, 2).text() == "已吊销"
    seen, results = _import(qtbot, c_page.exchange, sorted(out.glob("*.sjxb")))
    assert seen[0].startswith("拒收|") and "吊销" in seen[0] and results == []
    with county.db.read() as s:
        assert s.exec(select(Person).where(Person.name == "吊销甲")).first() is None
