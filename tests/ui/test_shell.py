"""The GUI as staff meet it: wizard, login, main window, generated form, ledger, error dialog."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWizard
from sqlalchemy import func, select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.people.models import Person
from sfs_desktop.paths import DataPaths
from sfs_desktop.ui.app import make_app
from sfs_desktop.ui.errors import ErrorReporter
from sfs_desktop.ui.login import LoginDialog
from sfs_desktop.ui import pages
from sfs_desktop.ui.main_window import MainWindow
from sfs_desktop.ui.people_page import PersonDialog
from tests.conftest import ADMIN, PASSWORD
from tests.ui.conftest import saved, settled


def test_app_speaks_chinese_with_a_cjk_font(qapp):
    from PySide6.QtGui import QFontMetrics

    from sfs_desktop.ui.app import covers_chinese

    make_app()
    font = QApplication.instance().font()  # whichever family: one that has the glyphs (the shipped one at worst)
    assert covers_chinese(font.family()) and all(QFontMetrics(font).inFontUcs4(ord(c)) for c in "司法所人民调解")


def test_wizard_sets_up_a_station(qtbot, tmp_path):
    from sfs_desktop.ui.wizard import SetupWizard

    paths = DataPaths.resolve(tmp_path / "new")
    wizard = SetupWizard(paths)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.township.setCurrentIndex(1)  # 灰山港镇
    wizard.head.setText("测试所长")
    wizard.next()
    wizard.password.setText("short")
    wizard.password2.setText("short")
    wizard.next()
    assert "至少需要 8 位" in wizard.account_message.text() and not paths.is_initialised()
    wizard.password.setText(PASSWORD)
    wizard.password2.setText(PASSWORD)
    wizard.next()
    assert paths.is_initialised()
    assert len(wizard.result_info.recovery_key.replace("-", "")) == 25
    assert wizard.result_info.recovery_key in wizard.key_label.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.confirmed.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_login_dialog_refuses_then_accepts(qtbot, station_paths):
    dialog = LoginDialog(station_paths)
    qtbot.addWidget(dialog)
    dialog.user.setText(ADMIN)
    dialog.password.setText("Wrong-pass-1")
    dialog.try_login()
    settled()
    assert "不正确" in dialog.message.text() and dialog.session is None
    dialog.password.setText(PASSWORD)
    dialog.try_login()
    settled()
    assert dialog.session is not None
    dialog.session.close()


def test_main_window_navigation_and_status(qtbot, app_session):
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    assert window.nav.count() == len(pages.NAV_ORDER) == 13 and window.nav.item(2).text() == "人民调解"
    assert "待同步变更" in window.status_outbox.text()
    window.show_page("publicity")
    assert "正在建设中" in window.stack.currentWidget().findChildren(QLabel)[0].text()


def test_bad_id_number_blocks_saving_and_changes_nothing(qtbot, app_session):
    dialog = PersonDialog(app_session)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.editors["name"].widget.setText("郑测")
    qtbot.keyClicks(form.editors["id_number"].widget, "110105194912310021")
    assert "校验码应为 X" in form.editors["id_number"].error.text()
    assert not dialog.save()
    with app_session.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
    form.editors["id_number"].widget.clear()
    qtbot.keyClicks(form.editors["id_number"].widget, "11010519491231002X")
    assert form.editors["id_number"].error.isHidden()
    assert form.editors["birth_date"].value() == date(1949, 12, 31)  # filled from the number
    assert form.editors["gender"].value() == "2"
    assert saved(dialog)
    with app_session.db.read() as s:
        person = s.exec(select(Person)).scalars().one()
    assert person.name == "郑测" and person.id_number == "11010519491231002X"


def test_existing_person_is_masked_until_revealed(qtbot, app_session):
    from sfs_desktop.core.people import registry
    from sfs_desktop.core.security import audit

    p = app_session.write(lambda s: registry.register_person(s, SYSTEM, {"name": "冯测", "id_number": "11010519491231002X"}))
    dialog = PersonDialog(app_session, p.id)
    qtbot.addWidget(dialog)
    assert dialog.form.editors["id_number"].widget.text() == "110105********002X"
    qtbot.mouseClick(dialog.form.findChild(QPushButton, "reveal_id_number"), Qt.MouseButton.LeftButton)
    settled()
    assert dialog.form.editors["id_number"].widget.text() == "11010519491231002X"
    with app_session.db.read() as s:
        assert audit.entries(s)[-1].action == "reveal_s2"


@pytest.fixture
def big(app_session):
    app_session.write(lambda s: insert_synced(s, Person, [
        {"name": f"{'李王张刘陈'[i % 5]}人员{i:06d}", "gender": "1" if i % 2 else "2",
         "birth_date": date(1950 + i % 50, 1 + i % 12, 1)} for i in range(100_000)]))
    return app_session


def test_ledger_with_100k_rows_scrolls_sorts_filters(qtbot, big):
    window = MainWindow(big)
    qtbot.addWidget(window)
    window.show()
    window.show_page("people")
    page = window.page("people")
    model, view = page.model, page.view
    assert model.rowCount() == 100_000
    assert model.fetches <= 2  # only what was painted
    view.scrollToBottom()
    QApplication.processEvents()
    last = model.index(model.rowCount() - 1, 0).data()
    assert last and model.fetches <= 4
    birth_col = [c.name for c in model.columns].index("birth_date")
    model.sort(birth_col, Qt.SortOrder.AscendingOrder)
    assert model.index(0, birth_col).data() == "1950-01-01"
    model.sort(birth_col, Qt.SortOrder.DescendingOrder)
    assert model.index(0, birth_col).data() == "1999-12-01"
    page.search.setText("人员09999")
    page.apply_filter()
    assert model.rowCount() == 10 and all("人员09999" in model.index(r, 0).data() for r in range(10))


def test_error_dialog_once_per_distinct_error(qtbot, tmp_path):
    reporter = ErrorReporter(str(tmp_path / "sfs.log"))
    try:
        raise ValueError("boom 430922198001010011")
    except ValueError as exc:
        info = (type(exc), exc, exc.__traceback__)
    reporter.handle(*info)
    box = reporter.last_box
    qtbot.addWidget(box)
    assert "日志" in box.text() and str(tmp_path / "sfs.log") in box.text()
    assert "430922198001010011" not in box.detailedText()
    copy = [b for b in box.buttons() if b.text() == "复制详细信息"][0]
    copy.click()
    assert "ValueError" in QApplication.clipboard().text()
    reporter.last_box = None
    reporter.handle(*info)
    assert reporter.last_box is None  # the same error is not shown twice


def test_ctrl_f_search_groups_and_opens(qtbot, app_session):
    from sfs_desktop.core.people import registry

    app_session.write(lambda s: registry.register_person(s, SYSTEM, {"name": "欧阳明月"}))
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    from PySide6.QtGui import QKeySequence, QShortcut

    keys = [sc.key().toString() for sc in window.findChildren(QShortcut)]
    assert QKeySequence(QKeySequence.StandardKey.Find).toString() in keys
    window.open_search()  # what Ctrl+F triggers
    dialog = window.search_dialog
    dialog.query.setText("oymy")
    dialog.run()
    top = dialog.results.topLevelItem(0)
    assert top.text(0) == "人员信息库（1）" and top.child(0).text(0) == "欧阳明月"
    opened = []

    def look_and_close():
        person = QApplication.activeModalWidget()
        opened.append((type(person).__name__, person.person_id, window.stack.currentWidget() is window.page("people")))
        person.reject()
    QTimer.singleShot(0, look_and_close)
    dialog.results.itemDoubleClicked.emit(top.child(0), 0)  # a double-click on the hit
    with app_session.db.read() as s:
        [person_id] = s.scalars(select(Person.id).where(Person.name == "欧阳明月")).all()
    assert opened == [("PersonDialog", person_id, True)]
    dialog.query.setText("张")
    dialog.run()
    assert "没有找到" in dialog.summary.text()
