"""Choosing a party in a form: namesakes are picked by what tells them apart, a missing person is
registered from the chooser, and the case gets exactly the one chosen."""

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.idcheck import make_id_number
from sfs_desktop.core.mediation import rules
from sfs_desktop.core.mediation.models import MediationCommittee
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.ui.mediation.cases import NewCaseDialog
from sfs_desktop.ui.party_field import PartyChooser
from tests.ui.conftest import saved, settled

SECOND = make_id_number("430922", date(1992, 7, 9), 12)


def _later(fn):
    QTimer.singleShot(0, fn)


def test_namesakes_are_chosen_and_a_missing_person_registered_on_the_spot(qtbot, app_session):
    def build(s):
        insert_synced(s, MediationCommittee, [{"name": "竹山村人民调解委员会", "committee_type": "03", "active": True}])
        return [registry.register_person(s, SYSTEM, {"name": "张伟", "id_number": number}, confirm_warnings=True).id
                for number in (make_id_number("430922", date(1980, 3, 1), 11), SECOND)]
    first, second = app_session.write(build)
    dialog = NewCaseDialog(app_session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.editors["dispute_type"].widget.setCurrentIndex(2)
    dialog.form.editors["summary"].widget.setPlainText("两家因宅旁排水沟堵塞发生争执。")
    dialog.applicant.setText("张伟")
    dialog.respondent.setText("王芳")
    assert not saved(dialog) and "不止一个“张伟”，请点“选择…”" in dialog.message.text()

    def pick_second():
        chooser = dialog.applicant._open_dialog
        texts = [chooser.list.item(i).text() for i in range(chooser.list.count())]
        assert len(texts) == 2 and "同名的有 2 个" in chooser.message.text()
        assert all(SECOND not in t for t in texts) and "1992-07-09" in texts[1]  # masked, told apart by birth date
        chooser.list.setCurrentRow(1)
        chooser.accept()
    _later(pick_second)
    dialog.applicant.pick.click()
    assert dialog.applicant.detail.isVisible() and "1992-07-09" in dialog.applicant.detail.text()

    def register_missing():
        chooser = dialog.respondent._open_dialog
        assert chooser.list.count() == 0 and "没有“王芳”" in chooser.message.text()

        def save_person():
            person = chooser._open_dialog
            assert person.form.editors["name"].value() == "王芳"
            assert saved(person), person.message.text()
        _later(save_person)
        chooser.buttons["person"].click()
        assert chooser.list.currentItem() is not None  # the new person, chosen
        chooser.accept()
    _later(register_missing)
    dialog.respondent.pick.click()
    assert saved(dialog), dialog.message.text()
    with app_session.db.read() as s:
        sides = rules.parties(s, dialog.case_id)
        [wang] = s.exec(select(Person).where(Person.name == "王芳")).all()
    assert [p.person_id for p in sides] == [second, wang.id]


def test_typing_again_drops_the_choice(qtbot, app_session):
    [pid] = app_session.write(lambda s: [registry.register_person(s, SYSTEM, {"name": "赵六"}).id])
    chooser_seen = []
    field_dialog = NewCaseDialog(app_session)
    qtbot.addWidget(field_dialog)
    field = field_dialog.applicant
    field.setText("赵六")

    def choose():
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, PartyChooser)
        chooser_seen.append(chooser.list.count())
        chooser.accept()  # the only match is chosen already
    _later(choose)
    field.pick.click()
    assert chooser_seen == [1] and field.choice().person_id == pid
    qtbot.keyClicks(field.line, "x")
    assert field.choice() == "赵六x" and not field.detail.isVisible()
