"""社区矫正 through the GUI: register a subject by hand, 报到, record a report, file a 9-day leave and
see that the county must approve it, print its 外出审批表 through the print service; bad input is
refused in Chinese and writes nothing; a 调解员 or 只读 account gets a notice and no data."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlmodel import select

from sfs_desktop.core.correction import rules
from sfs_desktop.core.correction.models import CcLeave, CcSupervision, CorrectionSubject
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.ledger import ids as ledger_ids
from sfs_desktop.core.mediation.models import MediationCommittee
from sfs_desktop.core.people import registry
from sfs_desktop.core.security import admin
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.security.session import login
from sfs_desktop.ui.ledger import LedgerView
from sfs_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN, PASSWORD
from tests.ui.conftest import saved, settled
from tests.ui.test_mediation_gui import _later, _ok

TODAY = date.today()
EFFECTIVE = TODAY - timedelta(days=5)


@pytest.fixture
def refusals(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    return said


@pytest.fixture
def page(qtbot, app_session):
    app_session.write(lambda s: [registry.register_person(s, SYSTEM, {"name": n, "gender": g, "birth_date": b})
                                 for n, g, b in (("周一", "1", date(1990, 3, 1)), ("吴二", "2", date(1988, 6, 9)))])
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("correction")
    return window.page("correction")


def _fill_register(d, person="周一", *, term_months=12, start=EFFECTIVE):
    d.person.setText(person)
    e = d.form.editors
    e["correction_type"].widget.setCurrentIndex(e["correction_type"].widget.findText("缓刑"))
    e["original_penalty"].widget.setCurrentIndex(e["original_penalty"].widget.findText("有期徒刑"))
    e["original_months"].set_value(12)
    e["effective_date"].set_value(EFFECTIVE)
    e["term_start"].set_value(start)
    e["term_end"].set_value(rules.term_end(start, term_months))
    e["crimes"].widget.setText("危险驾驶罪")


def _register(page, **kw):
    tab = page.subjects

    def fill():
        d = tab._open_dialog
        _fill_register(d, **kw)
        if not saved(d):
            tab.refused = d.message.text()
            d.reject()
    _later(fill)
    tab.buttons["new"].click()
    settled()
    return getattr(tab, "workspace", None)


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


@pytest.mark.timeout(180)
def test_register_report_leave_for_the_county_and_print(page, app_session, refusals, tmp_path):
    ws = _register(page)
    settled()
    assert page.subjects.model.rowCount() == 1 and refusals == []
    assert "状态：待报到" in ws.header.text() and "缓刑" in ws.header.text()
    assert ws.steps["report_in"].isEnabled() and not ws.steps["leave"].isEnabled()
    assert "只有在矫的对象可以" in ws.steps["leave"].toolTip()  # greyed with the rule's reason

    _later(lambda: _ok(ws._open_dialog))
    ws.steps["report_in"].click()
    settled()
    assert "状态：在矫" in ws.header.text() and ws.steps["leave"].isEnabled()

    def report():  # 登记报告: today, 到所, a line of content, 保存 (the timeline's quick entry)
        d = ws.timeline._open_dialog
        d.form.editors["content"].widget.setPlainText("到所报告近期工作生活情况")
        assert saved(d), d.message.text()
    _later(report)
    ws.steps["report"].click()
    settled()
    first = ws.timeline.tree.topLevelItem(0).child(0)
    assert [first.text(c) for c in range(3)] == [f"{TODAY:%Y-%m-%d}", "报告", "报告（到所）"]

    def leave():
        d = ws._open_dialog
        d.form.editors["reason"].widget.setText("到长沙务工面试")
        d.form.editors["destination"].widget.setText("湖南省长沙市")
        d.form.editors["start"].set_value(TODAY + timedelta(days=5))
        d.form.editors["end"].set_value(TODAY + timedelta(days=13))  # nine days away
        settled()
        ws.route_shown = d.route.text()
        assert saved(d), d.message.text()
    _later(leave)
    ws.steps["leave"].click()
    settled()
    assert "县级社区矫正机构" in ws.route_shown and "外出 9 日" in ws.route_shown  # named before it is filed
    [row] = _rows(ws.tables["leaves"])
    assert row[2:] == ["9", "湖南省长沙市", "县级社区矫正机构", "待审批", "", ""]

    ws.tables["leaves"].selectRow(0)
    _later(lambda: _ok(ws._open_dialog))
    ws.action_buttons["approve_leave"].click()  # the station may not: the county decides
    settled()
    assert refusals[-1].startswith("本次外出 9 日，由县级社区矫正机构决定")
    with app_session.db.read() as s:
        assert s.exec(select(CcLeave.decision)).one() == "01"  # still 待审批

    decisions = page.show_tab("decisions")
    settled()
    assert [r[1] for r in _rows(decisions.table)] == ["周一"] and not decisions.buttons["approve"].isVisible()

    ws.tables["leaves"].selectRow(0)
    ws.action_buttons["print_leave"].click()
    settled()
    preview = ws._open_dialog
    assert preview.document.pageCount() >= 1
    with app_session.db.read() as s:
        [log] = s.exec(select(PrintLog).where(PrintLog.form_id == "correction.leave_application")).all()
        assert log.record_id == s.exec(select(CcLeave.id)).one()
    preview.close()
    assert ws.print_choice.currentData() == "correction.intake"
    ws.print_chosen()  # 基本信息表, the first of the subject's forms
    settled()
    ws._open_dialog.close()
    with app_session.db.read() as s:
        assert s.exec(select(PrintLog).where(PrintLog.form_id == "correction.intake")).first() is not None
    assert len(refusals) == 1  # only the station's approval was refused
    ws.grab().save(str(tmp_path / "workspace.png"))


def test_bad_input_is_refused_in_chinese_and_writes_nothing(page, app_session, refusals):
    _register(page, person="无此人")
    assert page.subjects.refused == "人员信息库中没有“无此人”，请先在人员信息库中登记"
    _register(page, start=EFFECTIVE, term_months=3)  # a 有期徒刑 probation of three months
    assert "缓刑考验期应不少于原判刑期且不少于1 年" in page.subjects.refused
    with app_session.db.read() as s:
        assert s.exec(select(CorrectionSubject)).all() == []

    ws = _register(page)
    _later(lambda: _ok(ws._open_dialog))
    ws.steps["report_in"].click()
    settled()

    def leave_backwards():
        d = ws._open_dialog
        d.form.editors["reason"].widget.setText("探亲")
        d.form.editors["destination"].widget.setText("广东省东莞市")
        d.form.editors["start"].set_value(TODAY + timedelta(days=9))
        d.form.editors["end"].set_value(TODAY + timedelta(days=5))
        settled()
        ws.route_shown = d.route.text()
        assert not saved(d)
        ws.refused = d.message.text()
        d.reject()
    _later(leave_backwards)
    ws.steps["leave"].click()
    settled()
    assert ws.refused == "外出止日期不能早于外出起日期" and "止不早于起" in ws.route_shown

    def future_report():
        d = ws.timeline._open_dialog
        d.form.editors["day"].set_value(TODAY + timedelta(days=3))
        assert not saved(d)
        ws.refused = d.message.text()
        d.reject()
    _later(future_report)
    ws.steps["report"].click()
    settled()
    assert ws.refused == "日期不能晚于今天"
    with app_session.db.read() as s:
        assert s.exec(select(CcLeave)).all() == [] and s.exec(select(CcSupervision)).all() == []


@pytest.mark.parametrize("role", ["inspector", "mediator"])
def test_an_account_without_s3_sees_a_notice_and_no_data(qtbot, station_paths, role):
    head = login(station_paths, ADMIN, PASSWORD)
    try:
        committees = [head.write(lambda s: insert_synced(s, MediationCommittee, [
            {"name": "竹山村人民调解委员会", "committee_type": "01"}])[0])] if role == "mediator" else None
        admin.add_user(head, "checker", role, "Another-pass-2024", committee_ids=committees)
    finally:
        head.close()
    other = login(station_paths, "checker", "Another-pass-2024")
    try:
        window = MainWindow(other)
        qtbot.addWidget(window)
        window.show_page("correction")
        page = window.page("correction")
        notice = page.findChild(QLabel, "notice")
        assert "无权查看涉罪（社区矫正、安置帮教）信息" in notice.text()
        assert page.findChildren(LedgerView) == []
        with other.db.read() as s:  # and core refuses the reads whatever the screen
            with pytest.raises(Exception, match="无权查看涉罪"):
                ledger_ids(s, other.principal, CorrectionSubject)
    finally:
        other.close()


@pytest.mark.timeout(120)
def test_the_county_decides_what_the_station_proposed(qtbot, tmp_path, refusals):
    from sfs_desktop.core.correction import work
    from sfs_desktop.core.correction.models import CcSanctionDecision, CcViolation
    from tests.conftest import init_dir

    paths, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    county = login(paths, ADMIN, PASSWORD)
    try:
        def build(s):
            person = registry.register_person(s, SYSTEM, {"name": "郑三", "gender": "1"})
            c = work.register_subject(s, SYSTEM, {
                "person_id": person.id, "correction_type": "02", "original_penalty": "03", "original_months": 12,
                "effective_date": EFFECTIVE, "term_start": EFFECTIVE, "term_end": rules.term_end(EFFECTIVE, 12),
                "reported_on": EFFECTIVE, "received_on": EFFECTIVE}, today=TODAY)
            work.file_leave(s, SYSTEM, c.id, {"reason": "务工", "destination": "广东省东莞市", "applied_on": TODAY,
                                              "start": TODAY + timedelta(days=5), "end": TODAY + timedelta(days=13)})
            v = work.record_violation(s, SYSTEM, c.id, {"occurred_on": TODAY, "kind": "09",
                                                        "facts": "未按通知参加集中教育"}, today=TODAY)
            work.propose(s, SYSTEM, v.id, v.suggested, TODAY)
        county.write(build)
        window = MainWindow(county)
        qtbot.addWidget(window)
        window.show()
        window.show_page("correction")
        tab = window.page("correction").show_tab("decisions")
        settled()
        assert [r[3] for r in _rows(tab.table)] == ["外出 9 日（广东省东莞市）", "提请训诫"]
        assert tab.buttons["approve"].isVisible()

        tab.table.selectRow(0)
        _later(lambda: _ok(tab._open_dialog))
        tab.buttons["approve"].click()
        settled()
        tab.table.selectRow(0)  # now the proposal alone

        def decide():
            d = tab._open_dialog
            assert d.findChild(QLabel) is not None
            _ok(d)
        _later(decide)
        tab.buttons["decide"].click()
        settled()
        assert tab.table.rowCount() == 0 and refusals == []
        with county.db.read() as s:
            leave = s.exec(select(CcLeave)).one()
            assert leave.decision == "02" and leave.certificate_no
            [decision] = s.exec(select(CcSanctionDecision)).all()
            assert decision.measure == "02" and decision.violation_id == s.exec(select(CcViolation.id)).one()
    finally:
        county.close()
