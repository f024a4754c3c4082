"""人民调解 through the GUI only: register a case, take it to a printed agreement, and the other tabs."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QListWidget, QMessageBox
from sqlalchemy import func
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.mediation.models import (DisputeScreening, MediationCase, MediationCommittee, MediatorTraining,
                                               Mediator)
from sfs_desktop.core.people import registry
from sfs_desktop.core.station.models import AdminArea
from sfs_desktop.ui.main_window import MainWindow
from tests.ui.conftest import saved, settled

TODAY = date.today()


def _setup(app):
    def build(s):
        people = [registry.register_person(s, SYSTEM, {"name": name, "gender": g}).id
                  for name, g in (("周一", "1"), ("吴二", "2"), ("郑三", "1"))]
        insert_synced(s, AdminArea, [{"code": "430922101201", "name": "竹山村", "level": "village"},
                                     {"code": "430922101202", "name": "石门村", "level": "village"}])
        [cid] = insert_synced(s, MediationCommittee, [{"name": "竹山村人民调解委员会", "committee_type": "01",
                                                       "area_code": "430922101201",
                                                       "established_on": date(2015, 1, 1), "active": True}])
        insert_synced(s, Mediator, [{"person_id": people[2], "name": "郑三", "gender": "1", "committee_id": cid,
                                     "status": "01"}])
        return cid
    return app.write(build)


def _later(fn):
    """Run `fn` once the dialog about to open is shown; if it fails, close the dialog so the test ends."""
    def run():
        try:
            fn()
        except BaseException:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    w.reject()
            raise
    QTimer.singleShot(0, run)


def _ok(dialog):
    box = dialog.findChild(QDialogButtonBox)
    (box.button(QDialogButtonBox.StandardButton.Ok) or box.button(QDialogButtonBox.StandardButton.Save)).click()


@pytest.fixture
def refusals(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    return said


@pytest.fixture
def page(qtbot, app_session):
    _setup(app_session)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("mediation")
    return window.page("mediation")


def _register(page, applicant="周一", respondent="吴二"):
    cases = page.cases

    def fill_new():
        d = cases._open_dialog
        d.applicant.setText(applicant)
        d.respondent.setText(respondent)
        d.form.editors["dispute_type"].widget.setCurrentIndex(2)  # 邻里
        d.form.editors["summary"].widget.setPlainText("两家因宅旁排水沟堵塞发生争执。")
        if not saved(d):  # refused: close so the test fails with the message instead of hanging
            cases.refused = d.message.text()
            d.reject()
    _later(fill_new)
    cases.buttons["new"].click()
    settled()
    return getattr(cases, "workspace", None)


@pytest.mark.timeout(120)
def test_case_to_printed_agreement_through_the_gui(page, app_session, refusals, tmp_path):
    ws = _register(page)
    assert page.cases.model.rowCount() == 1 and refusals == []
    assert "登记草稿" in ws.header.text() and ws.party_table.rowCount() == 2

    _later(lambda: _ok(ws._open_dialog))
    ws.steps["accept"].click()
    settled()
    assert ws.case.status == "accepted" and ws.case.case_no.endswith("人调字第1号")
    assert not ws.steps["accept"].isEnabled() and ws.steps["start"].isEnabled()

    def choose():
        d = ws._open_dialog
        d.findChild(QListWidget, "mediators").item(0).setCheckState(Qt.CheckState.Checked)
        _ok(d)
    _later(choose)
    ws.steps["start"].click()
    settled()
    assert ws.case.status == "mediating"

    _later(lambda: _ok(ws._open_dialog))
    ws.steps["agree"].click()  # no agreement yet: refused in the rule's words, nothing changes
    settled()
    assert refusals[-1] == "调解成功须有调解协议（书面协议或口头协议记录）" and ws.case.status == "mediating"

    ws.tabs.setCurrentIndex(2)
    ws.ag_facts.setPlainText("双方因排水沟堵塞发生争执，吴二负主要责任。")
    for r, (obligor, content, amount) in enumerate([("吴二", "于三日内疏通排水沟", ""), ("吴二", "赔偿周一菜地损失", "八百")]):
        for c, text in enumerate([obligor, content, amount]):
            ws.ag_terms.item(r, c).setText(text)
    ws.save_agreement()
    settled()
    assert refusals[-1] == "金额“八百”不是数字"
    ws.ag_terms.item(1, 2).setText("800")
    ws.save_agreement()
    settled()
    _later(lambda: _ok(ws._open_dialog))
    ws.steps["agree"].click()
    settled()
    assert refusals[-1].startswith("书面调解协议尚未生效：2 方当事人未签名，调解员未签名，未加盖调解委员会印章")
    for box in ws.ag_signed.values():
        box.setChecked(True)
    ws.save_agreement()
    settled()
    _later(lambda: _ok(ws._open_dialog))
    ws.steps["agree"].click()
    settled()
    assert ws.case.status == "agreed"

    ws.print_agreement()
    settled()
    preview = ws._open_dialog
    assert preview.document.pageCount() >= 1
    assert ws.last_print.copies == 3 and ws.last_print.path is None  # previewed from memory
    assert not list(app_session.paths.exports.glob("*.pdf"))
    saved = preview.save_to(tmp_path / "copy.pdf")
    settled()  # core writes (and audits) the copy off the UI thread
    assert saved.read_bytes() == ws.last_print.data
    assert "-" in preview._suggested and "周一" not in preview._suggested
    with app_session.db.read() as s:  # the clear copy leaving the data dir is audited
        from sfs_desktop.core.security import audit
        assert [e.fields for e in audit.entries(s) if e.action == "export"][-1] == "mediation.agreement"
    with app_session.db.read() as s:
        assert s.exec(select(PrintLog).where(PrintLog.form_id == "mediation.agreement")).first() is not None
    preview.close()

    ws.tabs.setCurrentIndex(4)  # 卷宗: the agreement is there now, the cover is not
    rows = {ws.file_table.item(r, 1).text(): ws.file_table.item(r, 3).text() for r in range(ws.file_table.rowCount())}
    assert rows["人民调解协议书"] == "已有" and rows["封底"] == "尚缺"

    # The cover only looked at in the preview is not yet in the file; printed, it is.
    ws.print_choice.setCurrentIndex(ws.print_choice.findData("mediation.cover"))
    ws.print_chosen()
    settled()
    cover = ws._open_dialog
    cover.close()
    settled()
    rows = {ws.file_table.item(r, 1).text(): ws.file_table.item(r, 3).text() for r in range(ws.file_table.rowCount())}
    assert rows["封底"] == "尚缺"
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "paper.pdf"))
    assert cover.print_to(printer) >= 1
    settled()
    rows = {ws.file_table.item(r, 1).text(): ws.file_table.item(r, 3).text() for r in range(ws.file_table.rowCount())}
    assert rows["封底"] == "已有"
    ws.do_archive()
    settled()
    assert refusals[-1].startswith("卷宗还缺：人民调解申请书") and ws.case.status == "agreed"


def test_register_refuses_unknown_or_same_person(page, refusals):
    _register(page, "周一", "无此人")
    assert page.cases.refused == "人员信息库中没有“无此人”，请先在人员信息库中登记"
    _register(page, "周一", "周一")
    assert page.cases.refused == "申请人和被申请人不能是同一人"
    assert page.cases.model.rowCount() == 0


def test_case_filters_match_the_database(page, app_session):
    with app_session.db.read() as s:
        cid = s.exec(select(MediationCommittee.id)).first()
    old = TODAY - timedelta(days=60)

    def build(s):
        insert_synced(s, MediationCase, [
            {"committee_id": cid, "dispute_type": t, "summary": "…", "status": st, "received_date": rd}
            for t, st, rd in [("01", "mediating", old), ("02", "mediating", TODAY), ("02", "draft", None),
                              ("03", "agreed", old), ("01", "accepted", old)]])
    app_session.write(build)
    tab = page.cases
    tab.model.refresh(tab.model.query)
    assert tab.model.rowCount() == 5
    status, kind = tab.filters.combos["status"], tab.filters.combos["dispute_type"]
    status.setCurrentIndex(status.findData("mediating"))
    assert tab.model.rowCount() == 2
    kind.setCurrentIndex(kind.findData("02"))
    assert tab.model.rowCount() == 1
    tab.filters.clear()
    assert tab.model.rowCount() == 5
    tab.filters.date_from.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))  # 受理日期 from today: one case
    assert tab.model.rowCount() == 1
    tab.filters.date_to.setDate(QDate(old.year, old.month, old.day))  # from after to: refused, list unchanged
    assert tab.filters.message.text().startswith("起始日期") and tab.model.rowCount() == 1
    tab.filters.clear()
    tab.overdue.setChecked(True)  # open and received 60 days ago: the mediating and the accepted one
    assert tab.model.rowCount() == 2
    with app_session.db.read() as s:
        expected = s.scalar(select(func.count()).select_from(MediationCase).where(
            MediationCase.status.in_(["accepted", "mediating"]), MediationCase.received_date == old))
    assert tab.model.rowCount() == expected


def test_committee_register_refuses_bad_input_and_shows_gaps(page, app_session):
    tab = page.show_tab("committees")
    assert "石门村" in tab.notice.text()

    def bad_then_good():
        d = tab._open_dialog
        d.form.editors["committee_type"].widget.setCurrentIndex(1)  # 村
        assert not saved(d) and "必须填写" in d.form.editors["name"].error.text()
        d.form.editors["name"].widget.setText("石门村人民调解委员会")
        assert not saved(d) and d.message.text() == "村（社区）调解委员会须选择所在村（社区）"
        area = d.form.editors["area_code"].widget
        area.setCurrentIndex(area.findText("石门村"))
        assert saved(d)
    _later(bad_then_good)
    tab.buttons["new"].click()
    assert tab.model.rowCount() == 2 and "各村（社区）均已建立调解委员会" in tab.notice.text()
    tab.select(tab.model.id_at(0))
    assert "委员应为 3–9 人" in tab.notice.text() or "妇女" in tab.notice.text()


def test_mediator_added_from_the_registry(page, app_session):
    tab = page.show_tab("mediators")

    def fill():
        d = tab._open_dialog
        d.findChild(QLineEdit, "person_name").setText("吴二")
        d.form.editors["committee_id"].widget.setCurrentIndex(1)
        assert saved(d), d.message.text()
    _later(fill)
    tab.buttons["new"].click()
    with app_session.db.read() as s:
        m = s.exec(select(Mediator).where(Mediator.name == "吴二")).one()
    assert m.gender == "2" and tab.model.rowCount() == 2


def test_screening_to_draft_case_and_training(page, app_session, refusals):
    tab = page.show_tab("screening")

    def fill():
        d = tab._open_dialog
        d.form.editors["screened_on"].set_value(TODAY)
        d.form.editors["scope"].widget.setText("竹山村")
        d.form.editors["found"].widget.setPlainText("两户因山林界址争执")
        assert saved(d), d.message.text()
    _later(fill)
    tab.buttons["new"].click()
    tab.selected_id = tab.model.id_at(0)
    _later(lambda: _ok(tab._open_dialog))
    tab.buttons["to_case"].click()
    settled()
    with app_session.db.read() as s:
        row = s.exec(select(DisputeScreening)).one()
        case = s.get(MediationCase, row.case_id)
    assert case.status == "draft" and case.summary == "两户因山林界址争执"
    _later(lambda: _ok(tab._open_dialog))
    tab.buttons["to_case"].click()
    settled()
    assert "不能重复转立" in refusals[-1]

    guidance = page.show_tab("guidance")

    def training():
        d = guidance._open_dialog
        d.form.editors["held_on"].set_value(TODAY)
        d.form.editors["topic"].widget.setText("调解技巧")
        assert not saved(d) and d.message.text() == "请至少选择一名参训调解员"
        d.findChild(QListWidget, "attendees").item(0).setCheckState(Qt.CheckState.Checked)
        assert saved(d), d.message.text()
    _later(training)
    guidance.buttons["new_training"].click()
    with app_session.db.read() as s:
        assert len(s.exec(select(MediatorTraining)).one().attendee_ids) == 1


def test_workspace_attach_and_print_case_forms(page, app_session, tmp_path, refusals):
    ws = _register(page)
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8scan")
    ws.attach_scan(str(scan), "当事人身份证明")
    settled()
    ws.print_choice.setCurrentIndex(ws.print_choice.findData("mediation.registration"))
    ws.print_chosen()
    settled()
    rows = {ws.file_table.item(r, 1).text(): ws.file_table.item(r, 3).text() for r in range(ws.file_table.rowCount())}
    assert rows["当事人身份证明"] == "已有" and rows["人民调解申请书"] == "尚缺", rows  # only previewed so far
    ws._open_dialog.save_to(tmp_path / "登记表.pdf")  # saved: it exists outside the program now
    settled()
    ws._open_dialog.close()
    rows = {ws.file_table.item(r, 1).text(): ws.file_table.item(r, 3).text() for r in range(ws.file_table.rowCount())}
    assert rows["当事人身份证明"] == "已有" and rows["人民调解申请书"] == "已有", rows
    assert refusals == []
    ws.grab().save(str(tmp_path / "workspace.png"))


def test_statistics_for_a_chosen_period_and_export(page, app_session, tmp_path):
    from openpyxl import load_workbook

    from sfs_desktop.core.mediation import stats
    from sfs_desktop.core.reports import tables

    with app_session.db.read() as s:
        cid = s.exec(select(MediationCommittee.id)).first()
    app_session.write(lambda s: insert_synced(s, MediationCase, [
        {"committee_id": cid, "dispute_type": "02", "summary": "…", "status": "archived", "result": "01",
         "received_date": date(2024, m, 10)} for m in (2, 5, 5, 11)]))
    tab = page.show_tab("statistics")
    tab.year.setValue(2024)
    settled()
    figures = {tab.table.item(r, 0).text(): tab.table.item(r, 1).text() for r in range(tab.table.rowCount())}
    assert figures["受理纠纷数"] == "4" and figures["调解成功率"] == "100.0%"
    tab.part.setCurrentIndex(tab.part.findData("-Q2"))
    settled()
    assert tab.figures["received"] == 2 and tab.period() == "2024-Q2"
    tab.part.setCurrentIndex(tab.part.findData("-11"))
    settled()
    with app_session.db.read() as s:
        assert tab.figures.values == tables.compute(stats.REPORT, s, app_session.principal, "2024-11").values
    tab.export(str(tmp_path / "m.xlsx"))
    settled()
    assert tab.exported == tmp_path / "m.xlsx"
    assert load_workbook(tab.exported).active["A1"].value == "人民调解统计表（2024-11）"
