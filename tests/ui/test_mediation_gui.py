"""Through the GUI only: register a case, accept it, assign a mediator, record an agreement, print it."""

from datetime import date

import pytest

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import select

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee, Mediator
from sfs_desktop.core.people import registry
from sfs_desktop.ui.main_window import MainWindow


def _setup(app):
    def build(s):
        for name in ("周一", "吴二", "郑三"):
            registry.register_person(s, {"name": name, "gender": "2" if name == "吴二" else "1"})
        [cid] = insert_synced(s, MediationCommittee, [{"name": "竹山村人民调解委员会", "committee_type": "01",
                                                       "established_on": date(2015, 1, 1), "active": True}])
        insert_synced(s, Mediator, [{"person_id": "x", "name": "郑三", "gender": "1", "committee_id": cid, "status": "01"}])
    app.write(build)


def _later(fn):
    QTimer.singleShot(0, fn)


def _ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.timeout(120)
def test_case_to_printed_agreement_through_the_gui(qtbot, app_session, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    refusals = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: refusals.append(text))
    _setup(app_session)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("mediation")
    page = window.page("mediation")

    def fill_new():
        d = page._open_dialog
        d.applicant.setText("周一")
        d.respondent.setText("吴二")
        d.form.editors["dispute_type"].widget.setCurrentIndex(2)  # 邻里
        d.form.editors["summary"].widget.setPlainText("两家因宅旁排水沟堵塞发生争执。")
        d.save()
        if d.isVisible():  # refused: close so the test fails with the message instead of hanging
            refusals.append(d.message.text())
            d.reject()
    _later(fill_new)
    page.buttons["new"].click()
    assert page.model.rowCount() == 1 and page.selected_id

    assert refusals == []
    page.buttons["accept"].click()
    with app_session.db.read() as s:
        case = s.get(MediationCase, page.selected_id)
    assert case.status == "accepted" and case.case_no.endswith("人调字第1号")

    def choose():
        from PySide6.QtWidgets import QListWidget

        d = page._open_dialog
        lst = d.findChild(QListWidget, "mediators")
        lst.item(0).setCheckState(Qt.CheckState.Checked)
        _ok(d)
    _later(choose)
    page.buttons["start"].click()

    def agreement():
        from PySide6.QtWidgets import QCheckBox, QPlainTextEdit

        d = page._open_dialog
        d.findChild(QPlainTextEdit, "facts").setPlainText("双方因排水沟堵塞发生争执，吴二负主要责任。")
        d.findChild(QPlainTextEdit, "terms").setPlainText("吴二于三日内疏通排水沟\n吴二赔偿周一菜地损失800元")
        d.findChild(QCheckBox, "signed").setChecked(True)
        _ok(d)
    _later(agreement)
    page.buttons["agreement"].click()
    page.buttons["agree"].click()
    with app_session.db.read() as s:
        assert s.get(MediationCase, page.selected_id).status == "agreed"

    assert refusals == []
    page.buttons["print"].click()
    preview = page._open_dialog
    assert preview.document.pageCount() >= 1
    assert page.last_print.copies == 3 and page.last_print.path.exists()
    with app_session.db.read() as s:
        assert s.exec(select(PrintLog).where(PrintLog.form_id == "mediation.agreement")).first() is not None
