"""设置 › 账户: one's own password needs the current one; the 所长 adds, resets and disables accounts.
Every refusal is shown in the dialog in Chinese and changes nothing."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox

from sfs_desktop.core.security import attempts, keys
from sfs_desktop.ui.settings_page import SettingsPage
from tests.conftest import ADMIN, PASSWORD
from tests.ui.conftest import saved, settled

NEW = "Zhushan-2025-tj"


def _in_dialog(box, fill):
    """Fill the dialog about to open, press 确定, then close it if it is still open; return what it said."""
    said = []

    def run():
        dialog = box._open_dialog
        fill(dialog)
        saved(dialog)
        said.append(dialog.message.text())
        if dialog.isVisible():
            dialog.reject()
    QTimer.singleShot(0, run)
    return said


def test_own_password_needs_the_current_one(qtbot, app_session, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    page = SettingsPage(app_session)
    qtbot.addWidget(page)
    box = page.accounts

    def with_current(current, new, again=None):
        def fill(d):
            d.findChild(QLineEdit, "current_password").setText(current)
            d.password.setText(new)
            d.again.setText(new if again is None else again)
        return fill

    for current, new, again, message in [(PASSWORD, NEW, "Other-2025-x", "两次输入的新密码不一致"),
                                         ("wrong-Pass-1", NEW, None, "密码不正确"),
                                         (PASSWORD, "12345678", None, "密码不符合要求"),
                                         (PASSWORD, PASSWORD, None, "不能与当前密码相同")]:
        said = _in_dialog(box, with_current(current, new, again))
        box.buttons["own_password"].click()
        assert message in said[0]
    keyfile = keys.KeyFile.load(app_session.paths.keyfile)
    assert keyfile.unlock(ADMIN, PASSWORD) is not None  # nothing changed
    assert len(attempts.state(keyfile, ADMIN)["failed"]) == 1  # the wrong current password counted
    said = _in_dialog(box, with_current(PASSWORD, NEW))
    box.buttons["own_password"].click()
    assert said == [""]
    assert keys.KeyFile.load(app_session.paths.keyfile).unlock(ADMIN, NEW) is not None


def test_the_head_adds_resets_and_disables_accounts(qtbot, app_session, monkeypatch, questions):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    page = SettingsPage(app_session)
    qtbot.addWidget(page)
    box = page.accounts
    assert box.table.rowCount() == 1

    def new_account(username, role_index, password):
        def fill(d):
            d.findChild(QLineEdit, "username").setText(username)
            d.findChild(QLineEdit, "display_name").setText("李工作")
            d.findChild(QComboBox, "role").setCurrentIndex(role_index)
            d.password.setText(password)
            d.again.setText(password)
        return fill

    said = _in_dialog(box, new_account("9li", 1, NEW))
    box.buttons["add_account"].click()
    assert "用户名“9li”应以字母开头" in said[0] and box.table.rowCount() == 1
    said = _in_dialog(box, new_account("lgz", 2, NEW))  # 调解员 without a committee
    box.buttons["add_account"].click()
    assert "调解员账户必须指定所属调解委员会" in said[0] and box.table.rowCount() == 1
    said = _in_dialog(box, new_account("lgz", 1, NEW))
    box.buttons["add_account"].click()
    assert said == [""] and box.table.rowCount() == 2
    assert keys.KeyFile.load(app_session.paths.keyfile).unlock("lgz", NEW) is not None

    box.table.setCurrentCell(0, 0)  # admin (sorted by user name)
    box.buttons["disable_account"].click()  # one's own account: refused
    settled()
    assert warned == ["不能停用自己正在使用的账户"] and box.table.item(0, 3).text() == "可用"
    box.table.setCurrentCell(1, 0)
    said = _in_dialog(box, lambda d: (d.password.setText("Reset-2025-abc"), d.again.setText("Reset-2025-abc")))
    box.buttons["reset_password"].click()
    assert said == [""] and keys.KeyFile.load(app_session.paths.keyfile).unlock("lgz", "Reset-2025-abc")
    box.table.setCurrentCell(1, 0)  # the list was read again after the reset
    box.buttons["disable_account"].click()
    settled()
    assert questions and "停用后“lgz”不能再登录" in questions[-1]
    assert box.table.item(1, 3).text() == "已停用"
    assert keys.KeyFile.load(app_session.paths.keyfile).unlock("lgz", "Reset-2025-abc") is None
