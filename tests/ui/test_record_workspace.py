"""The shared record workspace and its timeline, driven through real widgets on a mediation case:
steps greyed with the rule's reason, the 时间线 tab's chips and counts, quick entry valid and
invalid, everything read and written off the UI thread."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from sfs_desktop.core.mediation import rules
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationAgreement, MediationCase, MediationParty
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.ui.mediation.workspace import CaseWorkspace
from tests.ui.conftest import saved, settled
from tests.ui.test_mediation_gui import _later, _setup

TODAY = date.today()


def _case(app, *, agreed: bool):
    committee = _setup(app)

    def build(s):
        from sfs_desktop.core.mediation.queries import serving_mediators
        from sfs_desktop.core.people.models import Person

        people = [p.id for p in s.exec(select(Person).order_by(Person.name)).all()]
        [cid] = insert_synced(s, MediationCase, [{"committee_id": committee, "dispute_type": "02",
                                                  "summary": "两家因宅旁排水沟堵塞发生争执。"}])
        insert_synced(s, MediationParty, [{"case_id": cid, "role": r, "person_id": p}
                                          for r, p in (("01", people[0]), ("02", people[1]))])
        if agreed:
            rules.accept(s, SYSTEM, cid, TODAY - timedelta(days=5))
            rules.start(s, SYSTEM, cid, [serving_mediators(s, SYSTEM, committee)[0][0]])
            s.add(MediationAgreement(case_id=cid, form="2", facts="排水沟堵塞。",
                                     terms=[{"obligor": "吴二", "content": "三日内疏通排水沟"}]))
            s.flush()
            rules.reach_agreement(s, SYSTEM, cid, TODAY - timedelta(days=3))
        return cid
    return app.write(build)


@pytest.fixture
def open_ws(qtbot, app_session):
    def make(agreed: bool = True) -> CaseWorkspace:
        ws = CaseWorkspace(app_session, _case(app_session, agreed=agreed))
        qtbot.addWidget(ws)
        ws.show()
        settled()
        return ws
    return make


def _timeline_tab(ws):
    index = next(i for i in range(ws.tabs.count()) if ws.tabs.tabText(i) == "时间线")
    ws.tabs.setCurrentIndex(index)
    return ws.timeline


def _titles(view):
    return [view.tree.topLevelItem(i).child(j).text(2) for i in range(view.tree.topLevelItemCount())
            for j in range(view.tree.topLevelItem(i).childCount())]


def test_steps_greyed_with_the_rules_reason(open_ws):
    ws = open_ws(agreed=False)
    assert "登记草稿" in ws.header.text() and "<b>" in ws.header.text()
    assert ws.steps["accept"].isEnabled() and not ws.steps["start"].isEnabled()
    assert ws.steps["start"].toolTip() == "案件当前为“登记草稿”，不能进行此操作（只有已受理的案件可以）"
    assert ws.step_hint.text().startswith("现在可以办理：受理、不予受理")
    assert [ws.print_choice.itemData(i) for i in range(ws.print_choice.count())][:2] == ["mediation.cover",
                                                                                        "mediation.contents"]


def test_timeline_tab_filters_by_kind_with_counts(open_ws, app_session, tmp_path):
    ws = open_ws()
    view = _timeline_tab(ws)
    assert view.chips[""].text() == "全部 3" and view.chips["step"].text() == "办理 3"
    assert view.chips["visit"].text() == "回访 0"
    # newest first: the draft was registered today, received five days ago, agreed three days ago
    assert _titles(view) == ["登记", "达成口头协议", "受理，" + ws.case.case_no]
    assert view.tree.topLevelItem(0).text(0) == f"{TODAY.year}年{TODAY.month}月"
    scan = tmp_path / "s.pdf"
    scan.write_bytes(b"%PDF-scan")
    ws.attach_scan(str(scan), "当事人身份证明")
    settled()
    assert view.chips["attachment"].text() == "附件 1" and "附加当事人身份证明.pdf" in _titles(view)
    view.chips["attachment"].click()
    assert _titles(view) == ["附加当事人身份证明.pdf"] and view.kind == "attachment"
    view.chips["visit"].click()
    assert _titles(view) == [] and view.empty.isVisible()
    view.chips[""].click()
    assert len(_titles(view)) == 4 and not view.empty.isVisible()


def test_quick_visit_saved_through_the_rule_and_everything_refreshes(open_ws, app_session):
    ws = open_ws()
    view = _timeline_tab(ws)

    def fill():
        d = view._open_dialog
        assert d.form.editors["visit_date"].value() == TODAY  # the event's date starts at today
        assert not saved(d) and "必须填写" in d.form.editors["visitee"].error.text()  # bad input: stays open
        d.form.editors["visitee"].widget.setText("周一")
        perf = d.form.editors["performance"].widget
        perf.setCurrentIndex(perf.findText("已履行"))
        assert saved(d), d.message.text()
    _later(fill)
    view.quick_buttons["visit"].click()
    settled()
    assert ws.case.status == "follow_up" and "履行监督/回访" in ws.header.text()
    assert view.chips["visit"].text() == "回访 1" and any(t.startswith("回访周一（上门）：已履行") for t in _titles(view))
    assert ws.visit_table.rowCount() == 1  # the 回访 tab is read again too
    assert ws.steps["archive"].isEnabled() and not ws.steps["agree"].isEnabled()


def test_quick_visit_refused_by_the_rule_keeps_the_form_and_writes_nothing(open_ws, app_session):
    ws = open_ws(agreed=False)
    view = _timeline_tab(ws)

    def fill():
        d = view._open_dialog
        d.form.editors["visitee"].widget.setText("周一")
        assert not saved(d)
        assert d.message.text() == "案件当前为“登记草稿”，不能进行此操作（只有已达成协议、履行监督/回访的案件可以）"
        d.reject()
    _later(fill)
    assert view.quick_buttons["visit"].shortcut().toString() == "Ctrl+1"  # the first quick entry's key
    view.quick_buttons["visit"].click()
    settled()
    assert view._open_dialog.objectName() == "quick_dialog_visit"
    with app_session.db.read() as s:
        assert s.exec(select(FollowUpVisit)).all() == []
    assert view.chips["visit"].text() == "回访 0"


def test_the_visit_tab_uses_the_same_quick_entry(open_ws, app_session):
    ws = open_ws()

    def fill():
        d = ws.timeline._open_dialog
        d.form.editors["visitee"].widget.setText("吴二")
        assert saved(d), d.message.text()
    _later(fill)
    ws.action_buttons["add_visit"].click()
    settled()
    assert ws.visit_table.rowCount() == 1 and ws.timeline.chips["visit"].text() == "回访 1"


def test_workspace_picture(open_ws, app_session, tmp_path):
    ws = open_ws()
    _timeline_tab(ws)
    ws.resize(1000, 640)
    assert not ws.grab().isNull()
    ws.grab().save(str(tmp_path / "timeline.png"))
