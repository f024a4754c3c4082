"""人员信息库 › 单位: register a unit through the GUI; bad values and duplicates change nothing."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from sfs_desktop.core.idcheck import make_uscc
from sfs_desktop.core.people.models import Organization
from sfs_desktop.ui.main_window import MainWindow
from tests.ui.conftest import saved, settled

CODE = make_uscc("430922", "MA4L2B7X")


def _units(app) -> list[tuple[str, str | None]]:
    with app.db.read() as s:
        return [tuple(r) for r in s.execute(select(Organization.name, Organization.uscc))]


def test_register_a_unit_then_open_it_from_search(qtbot, app_session):
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("people")
    page = window.page("people")
    page.tabs.setCurrentWidget(page.organizations)
    said = []

    def fill(name: str, code: str):
        def run():
            dialog = page.organizations._open_dialog
            dialog.form.editors["name"].set_value(name)
            dialog.form.editors["uscc"].set_value(code)
            saved(dialog)
            said.append(dialog.message.text())
            if dialog.isVisible():
                dialog.reject()
        QTimer.singleShot(0, run)

    fill("桃江县竹业有限公司", "12345")  # the form flags a code of the wrong length before anything is written
    page.new_record()  # what Ctrl+N does on this tab
    assert said[-1] == "请先改正标红的内容" and _units(app_session) == []
    fill("桃江县竹业有限公司", CODE)
    page.new_record()
    assert said[-1] == "" and _units(app_session) == [("桃江县竹业有限公司", CODE)]
    assert page.organizations.model.rowCount() == 1
    fill("另一家公司", CODE)  # core refuses a second unit under the same code, naming the first
    page.new_record()
    assert "已登记为“桃江县竹业有限公司”" in said[-1] and len(_units(app_session)) == 1

    window.open_search()
    window.search_dialog.query.setText("竹业有限")
    window.search_dialog.run()
    hit = window.search_dialog.results.topLevelItem(0).child(0)
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.windowTitle(), dialog.form.editors["uscc"].value()))
        dialog.reject()
    QTimer.singleShot(0, look)
    window.search_dialog.results.itemDoubleClicked.emit(hit, 0)
    assert seen == [("单位信息", CODE)] and page.tabs.currentWidget() is page.organizations
    with app_session.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 1


def test_closing_a_filled_form_asks_first(qtbot, app_session, questions, monkeypatch):
    """取消, Esc or × on a form with typed values asks before dropping them; 否 keeps the form open."""
    from PySide6.QtWidgets import QMessageBox

    from sfs_desktop.ui.page_parts import RecordDialog
    from sfs_desktop.ui.people_page import PersonDialog

    for dialog in (RecordDialog(app_session, Organization, "新增单位", lambda s, v: None), PersonDialog(app_session)):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.reject()  # nothing typed: closes without a question
        assert not dialog.isVisible() and questions == []
        dialog.show()
        qtbot.keyClicks(dialog.form.editors["name"].widget, "abc")  # typed
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
        dialog.reject()
        assert dialog.isVisible()
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
        dialog.reject()
        assert not dialog.isVisible()
