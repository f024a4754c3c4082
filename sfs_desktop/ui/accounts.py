"""设置 › 账户: change one's own password; the 所长 also adds, disables and resets accounts.

Every rule (password strength, the last 所长, the current password, who may do what) is core's
(`core/security/admin.py`); these dialogs only collect the values and show its refusals.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QLineEdit, QMessageBox, QTableWidget,
                               QVBoxLayout, QWidget)

from sfs_desktop.core.mediation import queries
from sfs_desktop.core.security import admin
from sfs_desktop.core.security.access import ROLE_NAMES
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import buttons, fill_table, ok_cancel, selected_id
from sfs_desktop.ui.widgets import error_label


def _secret(name: str) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setEchoMode(QLineEdit.EchoMode.Password)
    return box


class AccountDialog(QDialog):
    """A few fields and a new password typed twice; OK runs core's work off the UI thread (`apply`
    reads the fields and returns the function and its plain arguments), and a refusal keeps it open."""

    def __init__(self, title: str, rows: list[tuple[str, QWidget]], apply: Callable[[str], tuple],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._apply = apply
        self.op: TaskOp | None = None
        form = QFormLayout(self)
        for label, widget in rows:
            widget.setParent(self)
            form.addRow(label, widget)
        self.password, self.again = _secret("new_password"), _secret("again")
        self.password.setParent(self)
        self.again.setParent(self)
        form.addRow(self.tr("新密码"), self.password)
        form.addRow(self.tr("再次输入新密码"), self.again)
        self.message = error_label(self)
        form.addRow(self.message)
        form.addRow(ok_cancel(self, self.apply))

    def apply(self) -> bool:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("两次输入的新密码不一致"))
            return False
        if self.op is not None and not self.op.finished:
            return False
        self.message.setText("")
        fn, *args = self._apply(self.password.text())
        self.op = (TaskOp(self, None, fn, *args).success(lambda _r: self.accept())
                   .failure(lambda exc: self.message.setText(str(exc))).run())
        return True


class AccountsBox(QGroupBox):
    def __init__(self, app: AppSession, parent: QWidget | None = None):
        super().__init__(self.tr("账户"), parent)
        self.app = app
        self._open_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        actions = [("own_password", "修改我的密码", self.change_own_password)]
        self.table: QTableWidget | None = None
        if app.principal.can("user.admin"):
            self.table = QTableWidget(self)
            self.table.setObjectName("accounts")
            layout.addWidget(self.table)
            actions += [("add_account", "新增账户", self.add_account), ("reset_password", "重置密码", self.reset_password),
                        ("disable_account", "停用账户", self.disable_account)]
        row, self.buttons = buttons(self, actions, prefix="")
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        if self.table is None:
            return
        users = admin.list_users(self.app)
        rows = [[u.username, u.display_name, ROLE_NAMES.get(u.role, u.role), self.tr("已停用") if u.disabled else self.tr("可用"),
                 f"{u.last_login.astimezone():%Y-%m-%d %H:%M}" if u.last_login else ""] for u in users]
        fill_table(self.table, [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"), self.tr("上次登录")],
                   rows, [u.username for u in users])

    def _run(self, dialog: QDialog) -> None:
        self._open_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            QMessageBox.information(self, self.tr("已完成"), self.tr("已保存。"))

    def change_own_password(self) -> None:
        current = _secret("current_password")
        self._run(AccountDialog(self.tr("修改我的密码"), [(self.tr("当前密码"), current)],
                                lambda new: (admin.change_own_password, self.app, current.text(), new), self))

    def add_account(self) -> None:
        username, name, role, committee = QLineEdit(), QLineEdit(), QComboBox(), QComboBox()
        username.setObjectName("username")
        name.setObjectName("display_name")
        role.setObjectName("role")
        committee.setObjectName("committee")
        for code, title in ROLE_NAMES.items():
            role.addItem(title, code)
        committee.addItem(self.tr("（调解员账户须选择）"), None)
        with self.app.db.read() as s:
            for cid, cname in queries.committees(s, self.app.principal):
                committee.addItem(cname, cid)

        def apply(password: str) -> tuple:
            chosen = committee.currentData()
            return (admin.add_user, self.app, username.text().strip(), role.currentData(), password, name.text().strip(),
                    [chosen] if chosen and role.currentData() == "mediator" else None)
        self._run(AccountDialog(self.tr("新增账户"), [(self.tr("用户名"), username), (self.tr("姓名"), name),
                                                     (self.tr("角色"), role), (self.tr("所属调解委员会"), committee)],
                                apply, self))

    def _chosen(self) -> str | None:
        username = selected_id(self.table) if self.table is not None else None
        if username is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一个账户"))
        return username

    def reset_password(self) -> None:
        username = self._chosen()
        if username:
            self._run(AccountDialog(self.tr("重置“%1”的密码").replace("%1", username), [],
                                    lambda new: (admin.set_password, self.app, username, new), self))

    def disable_account(self) -> None:
        username = self._chosen()
        if not username:
            return
        answer = QMessageBox.question(self, self.tr("停用账户"),
                                      self.tr("停用后“%1”不能再登录，其密码也不能再打开数据。确定停用吗？").replace("%1", username))
        if answer != QMessageBox.StandardButton.Yes:
            return
        TaskOp(self, None, admin.disable_user, self.app, username).refused(self.tr("不能停用")).success(
            lambda _r: self.refresh()).run()
