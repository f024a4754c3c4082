"""The subject workspace on the shared record workspace, driven through real widgets: it opens on
the 时间线 with every kind's chip, a quick entry saves through core (and a bad one is refused with
nothing written), a talk chosen on the timeline prints; opening writes exactly one view_s3 audit
entry and the reads after a step none; from the ledger a report is two clicks, confirmed, undone."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlmodel import func, select

from sfs_desktop.core.correction import rules, work
from sfs_desktop.core.correction.models import CcSupervision
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.people import registry
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.security.audit import AuditLog
from sfs_desktop.ui.correction.workspace import SubjectWorkspace
from sfs_desktop.ui.main_window import MainWindow
from tests.ui.conftest import saved, settled
from tests.ui.test_mediation_gui import _later, refusals  # noqa: F401 - the fixture

TODAY = date.today()
START = TODAY - timedelta(days=40)


def _subject(app, name="周一"):
    def build(s):
        person = registry.register_person(s, SYSTEM, {"name": name, "gender": "1", "birth_date": date(1990, 3, 1)})
        c = work.register_subject(s, SYSTEM, {
            "person_id": person.id, "correction_type": "02", "original_penalty": "03", "original_months": 12,
            "effective_date": START, "term_start": START, "term_end": rules.term_end(START, 12),
            "reported_on": START + timedelta(days=2), "received_on": START + timedelta(days=2)}, today=TODAY)
        work.record_supervision(s, SYSTEM, c.id, {"kind": "talk", "day": TODAY - timedelta(days=3), "mode": "入矫谈话",
                                                  "place": "司法所", "content": "问：近况？答：在家务农。"}, today=TODAY)
        work.record_violation(s, SYSTEM, c.id, {"occurred_on": TODAY - timedelta(days=2), "kind": "09",
                                                "facts": "未按时参加集中教育"}, today=TODAY)
        return c.id
    return app.write(build)


def _views(app, sid):
    with app.db.read() as s:
        return s.exec(select(func.count()).select_from(AuditLog).where(AuditLog.action == "view_s3",
                                                                       AuditLog.record_id == sid)).one()


def _reports(app, sid):
    with app.db.read() as s:
        return s.exec(select(CcSupervision).where(CcSupervision.subject_id == sid, CcSupervision.kind == "report",
                                                  CcSupervision.deleted == False)).all()  # noqa: E712


def _titles(view):
    return [view.tree.topLevelItem(i).child(j).text(2) for i in range(view.tree.topLevelItemCount())
            for j in range(view.tree.topLevelItem(i).childCount())]


@pytest.fixture
def opened(qtbot, app_session):
    sid = _subject(app_session)
    ws = SubjectWorkspace(app_session, sid)
    qtbot.addWidget(ws)
    ws.show()
    settled()
    return ws, sid


@pytest.mark.timeout(120)
def test_the_workspace_opens_on_its_timeline_audited_once(opened, app_session, refusals, tmp_path):  # noqa: F811
    ws, sid = opened
    assert _views(app_session, sid) == 1  # opening: one audited S3 view
    assert ws.tabs.currentWidget() is ws.timeline and ws.windowTitle() == "社区矫正对象"
    tabs = [ws.tabs.tabText(i) for i in range(ws.tabs.count())]
    assert tabs[:2] + tabs[3:] == ["外出", "违规与奖惩", "工作档案", "时间线"]
    assert tabs[2].startswith("待办事项（") and tabs[2].endswith("项超期）")  # no report, visit … this month yet
    assert "<b>周一</b>" in ws.header.text() and "状态：在矫" in ws.header.text()
    view = ws.timeline
    assert view.chips["talk"].text() == "谈话 1" and view.chips["violation"].text() == "违规 1"
    assert view.chips["step"].text().startswith("矫正 ") and view.chips["major"].text() == "重大事项 0"
    assert [view.quick_buttons[k].text() for k in ("report", "checkin")] == ["登记报告（Ctrl+1）", "信息化核查（Ctrl+2）"]
    assert not ws.steps["report_in"].isEnabled() and "只有待报到的对象可以" in ws.steps["report_in"].toolTip()

    def checkin():  # Ctrl+2: the form starts with today, 手机定位, 正常
        d = view._open_dialog
        assert d.form.editors["mode"].widget.text() == "手机定位"
        assert saved(d), d.message.text()
    _later(checkin)
    view.quick_buttons["checkin"].click()
    settled()
    assert _titles(view)[0] == "信息化核查（手机定位）" and view.chips["checkin"].text() == "信息化核查 1"
    assert _views(app_session, sid) == 1  # the read after the entry audits nothing more

    def bad_visit():
        d = view._open_dialog
        d.form.editors["day"].set_value(TODAY + timedelta(days=2))
        assert not saved(d)
        ws.refused = d.message.text()
        d.reject()
    _later(bad_visit)
    view.quick_buttons["visit"].click()
    settled()
    assert ws.refused == "日期不能晚于今天"
    with app_session.db.read() as s:
        assert s.exec(select(CcSupervision.kind)).all().count("visit") == 0

    view.set_filter("talk")
    assert _titles(view) == ["个别谈话（入矫谈话）"]
    ws.timeline.findChild(type(ws.steps["leave"]), "print_event").click()  # the talk chosen: its record prints
    settled()
    ws._open_dialog.close()
    with app_session.db.read() as s:
        assert s.exec(select(PrintLog.form_id)).all() == ["correction.talk"]
    view.set_filter("")
    ws.tabs.setCurrentWidget(ws.timeline)
    ws.grab().save(str(tmp_path / "subject-timeline.png"))
    assert refusals == [] and _views(app_session, sid) == 1


def test_a_step_reads_again_without_another_audit_entry(opened, app_session):
    ws, sid = opened
    ws.tables["violations"].selectRow(0)
    _later(lambda: ws._open_dialog.accept())
    ws.action_buttons["propose"].click()
    settled()
    assert ws.tables["violations"].item(0, 3).text() == "训诫" and ws.tables["violations"].item(0, 4).text() == "待县级机构决定"
    assert "提请训诫" in _titles(ws.timeline)
    assert _views(app_session, sid) == 1


@pytest.mark.timeout(120)
def test_a_report_from_the_ledger_is_two_clicks_confirmed_and_undone(qtbot, app_session, refusals):  # noqa: F811
    sid = _subject(app_session)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("correction")
    tab = window.page("correction").subjects
    settled()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    view = tab.view
    rect = view.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click 1: the row
    tab.buttons["report"].click()  # click 2: saved
    settled()
    [report] = _reports(app_session, sid)
    assert (report.day, report.mode) == (TODAY, "到所")
    assert tab.confirmation.text() == f"已登记：周一　{TODAY:%Y-%m-%d}　报告（到所）" and tab.buttons["undo"].isVisible()

    tab.buttons["report"].click()  # a double click records no second report
    settled()
    assert refusals == ["周一今天已登记过报告；如需再登记，请打开该对象，在时间线上填写"]
    assert len(_reports(app_session, sid)) == 1

    tab.buttons["undo"].click()
    settled()
    assert _reports(app_session, sid) == [] and not tab.buttons["undo"].isVisible()
    assert tab.confirmation.text() == f"已撤销：周一　{TODAY:%Y-%m-%d}　报告"
    tab.buttons["checkin"].click()  # the row is still chosen: one click more, a check-in
    settled()
    assert tab.confirmation.text().endswith("信息化核查（手机定位）") and len(refusals) == 1
