"""工作台 due list: a double-click opens the record where its duty keeps it."""

from datetime import date, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.ui.main_window import MainWindow
from tests.ui.conftest import settled

TODAY = date.today()


def _row(dashboard, ref: str) -> int:
    [row] = [r for r in range(dashboard.due.rowCount()) if dashboard.due.item(r, 1).text() == ref]
    return row


def test_double_clicking_a_due_item_opens_its_record(qtbot, app_session):
    def build(s):
        [committee] = insert_synced(s, MediationCommittee, [
            {"name": "竹山村人民调解委员会", "committee_type": "01", "active": True,
             "established_on": TODAY - timedelta(days=3 * 365), "term_end": TODAY + timedelta(days=30)}])
        [case] = insert_synced(s, MediationCase, [
            {"committee_id": committee, "dispute_type": "02", "summary": "排水沟纠纷", "status": "mediating",
             "case_no": "（2026）桃灰人调字第1号", "received_date": TODAY - timedelta(days=45)}])
        return committee, case
    committee_id, case_id = app_session.write(build)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.page("dashboard")
    settled()
    assert {dashboard.due.item(r, 2).text() for r in range(dashboard.due.rowCount())} == {"调解期限（一个月）",
                                                                                          "调解委员会换届"}

    dashboard.due.cellDoubleClicked.emit(_row(dashboard, "（2026）桃灰人调字第1号"), 3)
    cases = window.page("mediation").cases
    assert window.stack.currentWidget() is window.page("mediation")
    assert cases.workspace.case_id == case_id and cases.workspace.isVisible()
    cases.workspace.close()

    seen = []

    def look_and_close():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.reject()
    QTimer.singleShot(0, look_and_close)
    window.show_page("dashboard")
    dashboard.due.cellDoubleClicked.emit(_row(dashboard, "竹山村人民调解委员会"), 0)
    assert window.page("mediation").committees.selected_id == committee_id
    assert len(seen) == 1 and "调解委员会" in seen[0]
