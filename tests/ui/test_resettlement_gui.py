"""安置帮教 through real widgets (issue 17): a notice registered from the page, the person received
(衔接) in the workspace, a help measure added on the timeline, F-R2 printed; the page builds from
the navigation and an account without S3 sees the notice only."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.people import registry
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpResettlement
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.ui.main_window import MainWindow
from sfs_desktop.ui.resettlement.workspace import PersonWorkspace
from tests.ui.conftest import saved, settled
from tests.ui.test_mediation_gui import _later, refusals  # noqa: F401 - the fixture

TODAY = date.today()
RELEASED = TODAY - timedelta(days=3)


@pytest.mark.timeout(180)
def test_notice_handover_help_measure_and_the_handover_form(qtbot, app_session, refusals, tmp_path):  # noqa: F811
    app_session.write(lambda s: registry.register_person(s, SYSTEM, {"name": "郑三", "gender": "1",
                                                                    "birth_date": date(1985, 4, 2)}))
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("resettlement")
    tab = window.page("resettlement").persons
    settled()

    def notice():
        d = tab._open_dialog
        e = d.form.editors
        e["name"].widget.setText("郑三")
        e["offences"].widget.setText("盗窃罪")
        e["release_date"].set_value(RELEASED)
        e["notice_received_on"].set_value(RELEASED - timedelta(days=30))
        assert saved(d), d.message.text()
    _later(notice)
    tab.buttons["new"].click()
    settled()
    ws = tab.workspace
    assert isinstance(ws, PersonWorkspace) and "状态：待衔接" in ws.header.text()
    assert ws.steps["receive"].isEnabled() and not ws.steps["end"].isEnabled()

    def receive():
        d = ws._open_dialog
        d.person.setText("郑三")
        e = d.form.editors
        e["handover_method"].set_value("03")
        e["handover_on"].set_value(RELEASED + timedelta(days=1))
        assert saved(d), d.message.text()
    _later(receive)
    ws.steps["receive"].click()
    settled()
    assert "状态：在册" in ws.header.text() and not ws.steps["receive"].isEnabled()

    def measure():
        d = ws.timeline._open_dialog
        e = d.form.editors
        e["kind"].set_value("09")
        e["provider"].widget.setText("县人社局")
        assert saved(d), d.message.text()
    _later(measure)
    ws.timeline.quick_buttons["measure"].click()
    settled()
    assert ws.timeline.chips["measure"].text() == "安置帮扶 1"
    ws.grab().save(str(tmp_path / "released-workspace.png"))

    ws.print_choice.setCurrentIndex(ws.print_choice.findData("resettlement.handover"))
    ws.print_chosen()
    settled()
    ws._open_dialog.close()
    with app_session.db.read() as s:
        [row] = s.exec(select(ReleasedPerson)).all()
        assert row.handover_method == "03" and row.person_id
        assert [m.provider for m in s.exec(select(RpResettlement)).all()] == ["县人社局"]
        assert s.exec(select(PrintLog.form_id)).all() == ["resettlement.handover"]
    assert refusals == []


@pytest.mark.timeout(180)
def test_the_agreement_and_the_notice_scan_from_the_workspace(qtbot, app_session, refusals, tmp_path):  # noqa: F811
    from sfs_desktop.core.resettlement import rules, work
    from sfs_desktop.core.resettlement.models import RpTeamMember

    def setup(s):
        pid = registry.register_person(s, SYSTEM, {"name": "郑四", "gender": "1"}).id
        rid = work.register_notice(s, SYSTEM, {"name": "郑四", "release_date": RELEASED}, today=TODAY).id
        work.receive(s, SYSTEM, rid, {"person_id": pid, "handover_method": "03", "handover_on": RELEASED},
                     today=TODAY)
        return rid
    rid = app_session.write(setup)
    ws = PersonWorkspace(app_session, rid)
    qtbot.addWidget(ws)
    ws.show()
    settled()
    assert f"至 {rules.period_end(RELEASED, 5):%Y-%m-%d}" in ws.header.text()
    assert "帮教协议：未签订" in ws.papers.text() and "通知书扫描件：未附" in ws.papers.text()

    _later(lambda: ws._open_dialog.accept())
    ws.steps["agreement"].click()  # no team yet: refused in core, in its words
    settled()
    assert refusals == ["请先组建帮教小组，再签订帮教协议"]
    app_session.write(lambda s: work.add_team_member(s, SYSTEM, rid, {"name": "村干部甲", "role": "01"}))
    _later(lambda: ws._open_dialog.accept())
    ws.steps["agreement"].click()
    settled()
    assert f"帮教协议：{TODAY:%Y-%m-%d} 签订" in ws.papers.text()

    scan = tmp_path / "扫描0001.pdf"
    scan.write_bytes(b"%PDF-1.4 notice scan")
    ws.attach_notice(str(scan))
    settled()
    assert "通知书扫描件：刑满释放人员通知书.pdf" in ws.papers.text()
    ws.tabs.setCurrentIndex(0)
    ws.grab().save(str(tmp_path / "released-papers.png"))
    with app_session.db.read() as s:
        assert s.get(ReleasedPerson, rid).agreement_on == TODAY
        assert s.exec(select(RpTeamMember)).one().name == "村干部甲"
    assert refusals == ["请先组建帮教小组，再签订帮教协议"]


@pytest.mark.timeout(180)
def test_the_half_year_report_prints_from_the_statistics_tab(qtbot, app_session, refusals, tmp_path):  # noqa: F811
    from sfs_desktop.ui.resettlement.persons import StatisticsTab
    from tests.resettlement.test_half_year import _known

    _known(app_session.db)
    tab = StatisticsTab(app_session)
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    tab.year.setValue(2024)
    tab.part.setCurrentIndex(tab.part.findData("-H1"))
    settled()
    t = tab.table
    shown = {t.item(r, 0).text(): t.item(r, 1).text() for r in range(t.rowCount())}
    assert (shown["衔接率"], shown["必接必送率"], shown["帮教率"], shown["安置率"], shown["重新犯罪数"]) == (
        "66.7%", "100.0%", "50.0%", "50.0%", "1")
    assert tab.print_buttons["half_year"].isEnabled() and not tab.print_buttons["annual"].isEnabled()
    tab.grab().save(str(tmp_path / "resettlement-statistics.png"))
    tab.print_buttons["half_year"].click()
    settled()
    tab._open_dialog.close()
    assert tab.last_print.form_id == "resettlement.half_year" and tab.last_print.pages == 1
    tab.part.setCurrentIndex(tab.part.findData(""))
    settled()
    assert tab.print_buttons["annual"].isEnabled() and not tab.print_buttons["half_year"].isEnabled()
    with app_session.db.read() as s:
        assert s.exec(select(PrintLog.form_id)).all() == ["resettlement.half_year"]
    assert refusals == []
