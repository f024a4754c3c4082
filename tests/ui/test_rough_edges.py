"""What a new user ran into (issue #14), each seen through the GUI."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QScrollArea
from sqlalchemy import func
from sqlmodel import select

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee, Mediator
from sfs_desktop.core.people import organizations
from sfs_desktop.core.people.models import Organization
from sfs_desktop.ui.page_parts import RecordDialog, available_height
from tests.conftest import init_dir
from tests.ui.conftest import saved, settled
from tests.ui.test_mediation_gui import _register, _setup, page, refusals  # noqa: F401 - fixtures


def _org_dialog(qtbot, app_session):
    dialog = RecordDialog(app_session, Organization, "新增单位", organizations.save_organization,
                          args=(app_session.principal,))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_enter_in_a_one_line_field_does_not_save_the_form(qtbot, app_session):
    dialog = _org_dialog(qtbot, app_session)
    name = dialog.form.editors["name"].widget
    qtbot.keyClicks(name, "Taojiang Bamboo")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    settled()
    assert dialog.isVisible() and dialog.result() == 0
    with app_session.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0
    assert saved(dialog)  # 保存 itself still saves


def test_a_red_message_goes_once_the_field_is_corrected(qtbot, app_session):
    dialog = _org_dialog(qtbot, app_session)
    error = dialog.form.editors["name"].error
    assert not dialog.save()  # 名称 is required
    assert not error.isHidden() and "必须填写" in error.text() and dialog.message.text() == "请先改正标红的内容"
    qtbot.keyClicks(dialog.form.editors["name"].widget, "Taojiang Bamboo")
    assert error.isHidden() and dialog.message.text() == ""


def test_no_parties_can_be_added_to_a_closed_case(qtbot, page, app_session, refusals):  # noqa: F811
    ws = _register(page)
    assert ws.action_buttons["add_party"].isEnabled()
    app_session.write(lambda s: setattr(s.get(MediationCase, ws.case_id), "status", "archived"))
    ws.refresh()  # reads off the UI thread (the shared workspace): the buttons follow when it lands
    qtbot.waitUntil(lambda: not ws.action_buttons["add_party"].isEnabled(), timeout=30_000)
    assert not ws.action_buttons["add_party"].isEnabled() and not ws.action_buttons["remove_party"].isEnabled()
    assert "已办结" in ws.action_buttons["add_party"].toolTip()


def test_the_mediators_tab_names_the_person(page, app_session):  # noqa: F811
    tab = page.show_tab("mediators")
    column = [c.name for c in tab.model.columns].index("person_id")
    shown = tab.model.data(tab.model.index(0, column))
    assert shown == "郑三"


def test_committees_are_offered_in_pinyin_order(page, app_session):  # noqa: F811
    def more(s):
        insert_synced(s, MediationCommittee, [{"name": n, "committee_type": "01", "active": True}
                                              for n in ("黄泥村人民调解委员会", "石门村人民调解委员会", "白石村人民调解委员会")])
    app_session.write(more)
    from sfs_desktop.ui.mediation.cases import NewCaseDialog

    dialog = NewCaseDialog(app_session, page)
    combo = dialog.form.editors["committee_id"].widget
    names = [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)]
    # bai, huang, shi, zhu: not the order of the characters' code points (白 石 竹 黄)
    assert names == ["白石村人民调解委员会", "黄泥村人民调解委员会", "石门村人民调解委员会", "竹山村人民调解委员会"]
    dialog.close()


def test_qt_dialogs_speak_chinese(qapp):
    from sfs_desktop.ui.app import make_app

    make_app()
    dialog = QFileDialog(None, "选择文件")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "查找范围" in texts and "文件类型" in texts and "Look in" not in texts and "type:" not in texts


def test_the_ui_font_covers_chinese_even_without_a_system_cjk_font(qapp, monkeypatch):
    from sfs_desktop.ui import app as ui_app

    ui_app.make_app()
    family = QApplication.instance().font().family()
    assert ui_app.covers_chinese(family) and QFontMetrics(QApplication.instance().font()).inFontUcs4(ord("调"))

    # a machine without any CJK font: the shipped one is registered and used
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["DejaVu Sans"]))
    monkeypatch.setattr(ui_app, "covers_chinese", lambda f: f not in ("DejaVu Sans",) and
                        QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(f))
    chosen = ui_app.choose_font(QApplication.instance())
    assert chosen and chosen not in ui_app._CJK_FAMILIES[:2]
    assert all(QFontMetrics(QFont(chosen)).inFontUcs4(ord(c)) for c in "人民调解")


def test_the_county_login_says_county(qtbot, tmp_path):
    from sfs_desktop.ui.login import LoginDialog

    county, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    station, _ = init_dir(tmp_path / "station")
    c, s = LoginDialog(county), LoginDialog(station)
    qtbot.addWidget(c)
    qtbot.addWidget(s)
    assert c.windowTitle() == "登录 — 县司法局业务系统" and "司法所" not in c.windowTitle()
    assert s.windowTitle() == "登录 — 司法所业务系统"


def test_the_wizard_prints_the_setup_certificate(qtbot, tmp_path):
    from sfs_desktop.paths import DataPaths
    from sfs_desktop.ui.wizard import SetupWizard

    paths = DataPaths.resolve(tmp_path / "new")
    wizard = SetupWizard(paths)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.township.setCurrentIndex(1)
    wizard.next()
    wizard.password.setText("Zhushan-2025")
    wizard.password2.setText("Zhushan-2025")
    wizard.next()
    assert wizard.result_info is not None and wizard.print_button.isVisible()
    wizard.print_button.click()
    settled()
    assert wizard.preview.document.pageCount() == 1
    assert not list(tmp_path.rglob("*.pdf"))  # the key is not left on disk
    wizard.preview.close()
    wizard.confirmed.setChecked(True)


def test_a_new_station_is_told_to_add_villages_and_committees_first(qtbot, app_session):
    from sfs_desktop.core.station.models import AdminArea
    from sfs_desktop.ui.main_window import MainWindow
    from sfs_desktop.ui.mediation.cases import NewCaseDialog

    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("mediation")
    page = window.page("mediation")
    register = NewCaseDialog(app_session, page)
    qtbot.addWidget(register)
    assert "尚未登记调解委员会" in register.message.text()  # not an empty box without a word
    box = register.form.editors["committee_id"].widget
    assert "尚未登记调解委员会" in (box.placeholderText() if hasattr(box, "placeholderText") else box.toolTip())
    tab = page.show_tab("committees")
    assert "尚未登记本乡镇的村（社区）" in tab.notice.text() and "均已建立" not in tab.notice.text()

    said = []

    def fill(code, name):
        def run():
            d = tab._open_dialog
            d.form.editors["code"].widget.setText(code)
            d.form.editors["name"].widget.setText(name)
            saved(d)
            said.append(d.message.text())
            if d.isVisible():
                d.reject()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, run)
        tab.buttons["add_area"].click()

    fill("4309221012", "竹山村")  # not 12 digits: refused in words, nothing added
    assert "应为 12 位数字" in said[-1]
    fill("430922102201", "竹山村")  # another township's code
    assert "不属于本乡镇" in said[-1]
    with app_session.db.read() as s:
        assert s.exec(select(AdminArea).where(AdminArea.level == "village")).all() == []
    fill("430922101201", "竹山村")
    assert said[-1] == "" and "尚未建立调解委员会的村（社区）：竹山村" in tab.notice.text()


def test_a_long_record_form_scrolls_inside_a_dialog_that_fits_the_screen(qtbot, app_session):
    from sfs_desktop.core.correction.models import CorrectionSubject

    long_ = RecordDialog(app_session, CorrectionSubject, "交办", lambda s, v: None)
    short = _org_dialog(qtbot, app_session)
    qtbot.addWidget(long_)
    long_.show()
    settled()
    screen = available_height()
    assert long_.form.sizeHint().height() > screen  # the subject's form alone is taller than the screen
    assert long_.height() <= screen and long_.findChild(QDialogButtonBox).isVisible()
    assert long_.findChild(QScrollArea, "form_scroll").verticalScrollBar().maximum() > 0
    assert short.findChild(QScrollArea, "form_scroll").verticalScrollBar().maximum() == 0  # a short one: no scrolling


def test_the_person_dialog_clears_its_red_message_once_corrected(qtbot, app_session):
    from sfs_desktop.ui.people_page import PersonDialog

    dialog = PersonDialog(app_session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save()  # 姓名 is required
    assert dialog.message.text() == "请先改正标红的内容"
    qtbot.keyClicks(dialog.form.editors["name"].widget, "Test Person")  # QTest types ASCII only
    assert dialog.form.editors["name"].error.isHidden() and dialog.message.text() == ""
    assert dialog.height() <= available_height()
