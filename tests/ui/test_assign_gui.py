"""县局交办 through the GUI: the county's 交办 dialog (station, a form from the declarations),
refusals shown in the dialog, and the station's 县局交办 tab opening the record in 矛盾排查."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog
from sqlmodel import select

from sfs_desktop.core.mediation.models import DisputeScreening
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.security.session import login
from sfs_desktop.core.sync import exporter, identity, importer
from sfs_desktop.ui.assigned import AssignDialog, AssignedTab
from sfs_desktop.ui.mediation.page import MediationPage
from sfs_desktop.ui.sync.stations import StationsTab
from tests.conftest import ADMIN, PASSWORD, init_dir
from tests.ui.conftest import saved, settled

SHOTS = os.environ.get("SFS_SHOTS")  # a folder: the dialog is saved there as PNG to look at


@pytest.fixture
def pair(tmp_path):
    """A county and an enrolled station, each signed in through its own session."""
    county_paths, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    station_paths, _ = init_dir(tmp_path / "430922101")
    county, station = login(county_paths, ADMIN, PASSWORD), login(station_paths, ADMIN, PASSWORD)
    with station.db.read() as s:
        card = identity.public_card(s)
    county.db.write(lambda s: identity.add_station(s, card, "桃江县司法局灰山港司法所", SYSTEM))
    (tmp_path / "stick").mkdir()
    path = exporter.write_enrollment(county.db, "430922101", tmp_path / "stick", SYSTEM)
    assert importer.import_files(station.db, [path], principal=SYSTEM, backup=False)[0].status == "enrolled"
    yield county, station
    county.close()
    station.close()


def _later(fn):
    def run():
        try:
            fn()
        except BaseException:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.reject()
            raise
    QTimer.singleShot(0, run)


def _choose_then(owner, table: str, fn):
    """When duties declare more than one record type, 交办 first asks which: choose `table`, then `fn`."""
    def choose():
        kind = owner._open_dialog.findChild(QComboBox, "kind")
        if kind is not None:
            kind.setCurrentIndex(kind.findData(table))
            _later(fn)
            owner._open_dialog.accept()
        else:
            fn()
    _later(choose)


def _carry(src, dst, folder: Path) -> None:
    folder.mkdir()
    files = [f for r in exporter.export(src.db, folder, principal=SYSTEM, recipient="430922101") for f in r.files]
    importer.import_files(dst.db, files, principal=SYSTEM, backup=False)


def test_the_county_hands_over_a_dispute_and_the_station_opens_it(qtbot, pair, tmp_path):
    county, station = pair
    stations = StationsTab(county)
    qtbot.addWidget(stations)
    stations.table.selectRow(0)
    seen = {}

    def fill():
        d = stations._open_dialog
        assert isinstance(d, AssignDialog) and d.windowTitle() == "交办矛盾纠纷"
        assert d.station.currentData() == "430922101" and "case_id" not in d.form.editors  # hidden: the program's
        d.form.editors["scope"].widget.setText("竹山村三组")
        assert not saved(d) and "必须填写" in d.form.editors["screened_on"].error.text()
        d.form.editors["screened_on"].set_value(date(2024, 7, 1))
        d.form.editors["found"].widget.setPlainText("两户因宅基地边界争执（生成的测试数据）")
        d.form.editors["target_date"].set_value(date(2024, 6, 1))
        assert not saved(d) and d.message.text() == "化解限期不能早于排查日期"  # the duty's own rule, from core
        d.form.editors["target_date"].set_value(date(2024, 7, 15))
        risk = d.form.editors["risk_level"].widget
        risk.setCurrentIndex(risk.findText("红色（高）"))
        d.resize(d.sizeHint())
        if SHOTS:
            d.grab().save(str(Path(SHOTS) / "assign-dialog.png"))
        seen["saved"] = saved(d)
    _choose_then(stations, "dispute_screening", fill)
    stations.buttons["assign"].click()
    assert seen == {"saved": True}
    with county.db.read() as s:
        row = s.exec(select(DisputeScreening)).one()
    assert (row.owner, row.origin, row.risk_level, row.created_by) == ("430922101", "county", "1", ADMIN)

    handed = AssignedTab(county)
    qtbot.addWidget(handed)
    qtbot.waitUntil(lambda: handed.table.rowCount() == 1)
    texts = [handed.table.item(0, c).text() for c in range(handed.table.columnCount())]
    assert texts[1:] == ["桃江县司法局灰山港司法所（430922101）", "交办矛盾纠纷", "两户因宅基地边界争执（生成的测试数据）",
                         "2024-07-15", "未签收（等待该所导入并回执）", "未处理", ADMIN]

    _carry(county, station, tmp_path / "to-station")
    page = MediationPage(station)
    qtbot.addWidget(page)
    tab = page.show_tab("assigned")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert [tab.table.item(0, c).text() for c in range(1, 5)] == ["交办矛盾纠纷", "两户因宅基地边界争执（生成的测试数据）",
                                                                  "2024-07-15", "未处理"]
    assert "buttons" in vars(tab) and "assign" not in tab.buttons  # a station does not hand over
    tab.table.cellDoubleClicked.emit(0, 1)
    screening = page.screening
    assert page.tabs.currentWidget() is screening and screening.selected_id == row.id
    assert screening.view.selectionModel().selectedRows()[0].row() == screening.model.ids.index(row.id)
    if SHOTS:
        page.show_tab("assigned")
        page.resize(1000, 360)
        page.show()
        qtbot.waitExposed(page)
        page.grab().save(str(Path(SHOTS) / "assigned-station.png"))


def test_the_dialog_says_why_a_revoked_station_is_refused(qtbot, pair):
    county, _station = pair
    tab = AssignedTab(county)
    qtbot.addWidget(tab)
    seen = {}

    def fill():
        d = tab._open_dialog
        county.db.write(lambda s: identity.revoke_station(s, "430922101", SYSTEM))  # revoked while the form is open
        d.form.editors["screened_on"].set_value(date(2024, 7, 1))
        d.form.editors["scope"].widget.setText("竹山村三组")
        seen["saved"] = saved(d)
        seen["message"] = d.message.text()
        d.reject()
    _choose_then(tab, "dispute_screening", fill)
    tab.buttons["assign"].click()
    settled()
    assert seen == {"saved": False, "message": "司法所 430922101 已被吊销，不能向其交办"}
    with county.db.read() as s:
        assert s.exec(select(DisputeScreening)).all() == []


def test_the_county_hands_over_a_correction_subject_with_the_persons_own_fields(qtbot, pair, tmp_path):
    """A record that names a person (Assignable.person) asks for the person in the dialog: core finds
    or creates the station's person from those fields, and both travel to the station."""
    from sfs_desktop.core.correction.models import CorrectionSubject
    from sfs_desktop.core.people.models import Person

    county, station = pair
    stations = StationsTab(county)
    qtbot.addWidget(stations)
    stations.table.selectRow(0)
    seen = {}

    def fill():
        d = stations._open_dialog
        assert d.windowTitle() == "交办社区矫正对象" and d.person_form is not None
        assert "person_id" not in d.form.editors and "name" not in d.form.editors  # entered once, as the person
        person = d.person_form.editors
        d.form.editors["correction_type"].widget.setCurrentIndex(d.form.editors["correction_type"].widget.findText("缓刑"))
        assert not saved(d) and "必须填写" in person["name"].error.text()  # the person's form is checked too
        person["name"].widget.setText("测试对象丙")
        person["id_number"].widget.setText("430922199001010015")  # generated, check digit valid
        d.form.editors["effective_date"].set_value(date(2024, 6, 3))
        d.form.editors["term_start"].set_value(date(2024, 6, 3))
        d.form.editors["term_end"].set_value(date(2025, 6, 2))
        d.form.editors["original_months"].set_value(12)
        penalty = d.form.editors["original_penalty"].widget
        penalty.setCurrentIndex(penalty.findText("有期徒刑"))
        d.form.editors["crimes"].widget.setText("危险驾驶罪（测试数据）")
        if SHOTS:
            d.resize(d.sizeHint())
            d.grab().save(str(Path(SHOTS) / "assign-subject.png"))
        seen["saved"] = saved(d)
        seen["message"] = d.message.text()
    _choose_then(stations, "correction_subject", fill)
    stations.buttons["assign"].click()
    assert seen == {"saved": True, "message": ""}
    with county.db.read() as s:
        subject = s.exec(select(CorrectionSubject)).one()
        person = s.get(Person, subject.person_id)
    assert (subject.owner, person.owner, person.name, subject.name) == ("430922101", "430922101", "测试对象丙", "测试对象丙")
    _carry(county, station, tmp_path / "to-station")
    with station.db.read() as s:
        assert s.get(Person, subject.person_id).id_number == "430922199001010015"
        assert s.get(CorrectionSubject, subject.id).crimes == "危险驾驶罪（测试数据）"
