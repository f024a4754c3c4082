"""The login dialog; also used to unlock after idle, so an unsaved form survives the lock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from sfs_desktop.core.errors import UserError
from sfs_desktop.paths import DataPaths
from sfs_desktop.ui import preload
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.widgets import error_label

if TYPE_CHECKING:  # the database layer loads in the background while the dialog is shown
    from sfs_desktop.core.security.session import AppSession


def _node(paths: DataPaths) -> tuple[str, str]:
    """(role, name) recorded in the key file at set-up; ("", "") for a data dir set up before."""
    import json

    try:
        node = json.loads(paths.keyfile.read_text(encoding="utf-8")).get("node") or {}
    except (OSError, ValueError, AttributeError):
        node = {}
    return str(node.get("role", "")), str(node.get("name", ""))


class LoginDialog(QDialog):
    def __init__(self, paths: DataPaths, station_name: str = "", *, hint: str = "", parent=None):
        super().__init__(parent)
        self.paths = paths
        self.session: AppSession | None = None
        self.op: TaskOp | None = None
        role, name = _node(paths)
        system = self.tr("县司法局业务系统") if role == "county" else self.tr("司法所业务系统")
        self.setWindowTitle(self.tr("登录") + " — " + system)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{station_name or name or system}</h2>", self)
        layout.addWidget(title)
        if hint:
            note = QLabel(hint, self)
            note.setObjectName("hint")
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.message = error_label(self, "message")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_login(self) -> None:
        """The key derivation and the login's own write run off the UI thread; the dialog stays live."""
        if self.op is not None and not self.op.finished:
            return
        self.message.setText("")  # (the red line is for refusals)
        self.op = (TaskOp(self, None, preload.login, self.paths, self.user.text().strip(), self.password.text())
                   .success(self._signed_in).failure(self._refused).run())

    def _signed_in(self, session) -> None:
        self.session = session
        self.message.setText("")
        self.accept()

    def _refused(self, exc: UserError) -> None:
        self.message.setText(str(exc))
        self.password.clear()
        self.password.setFocus()


class UnlockDialog(QDialog):
    """Shown over the main window after idle: only the same person's password unlocks it."""

    def __init__(self, session: AppSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("已锁定"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"长时间未操作，已自动锁定。请 {session.principal.display_name} 输入密码解锁；"
                                "未保存的内容仍在。", self))
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password)
        self.message = error_label(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("解锁"))
        buttons.accepted.connect(self.try_unlock)
        layout.addWidget(buttons)

    def try_unlock(self) -> None:
        try:
            self.session.unlock(self.password.text())
        except UserError as exc:
            self.message.setText(str(exc))
            self.password.clear()
            return
        self.accept()

    def reject(self) -> None:  # Esc must not bypass the lock
        pass
