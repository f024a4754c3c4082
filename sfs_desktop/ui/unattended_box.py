"""设置 › 无人值守运行: the switch that keeps this station's database key in the OS credential store
so that scheduled `sync` and the county's `relay` run without a password.

Every rule is core's (`core/security/unattended.py`: only a 所长, only with a real credential store,
audited); the box shows the state, the store's notice where there is none, and a stale key.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from sfs_desktop.core.security import credstore, unattended
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp


class UnattendedBox(QGroupBox):
    def __init__(self, app: AppSession, parent: QWidget | None = None):
        super().__init__(self.tr("无人值守运行"), parent)
        self.app, self.op = app, None
        layout = QVBoxLayout(self)
        self.switch = QCheckBox(self.tr("允许定时网络同步和县局中继在无人登录时运行（数据库密钥保存在本机系统凭据库中）"), self)
        self.switch.setObjectName("unattended")
        self.switch.setEnabled(False)
        self.switch.clicked.connect(self.toggle)
        layout.addWidget(self.switch)
        self.state = QLabel(self)
        self.state.setObjectName("unattended_state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.refresh()

    def refresh(self):
        self.op = TaskOp(self, self.app, unattended.status, self.app.paths).success(self._show).run()
        return self.op

    def toggle(self, on: bool):
        self.switch.setEnabled(False)
        fn = unattended.enable if on else unattended.disable
        self.op = TaskOp(self, self.app, fn, self.app).success(self._show).failure(self._refused).run()
        return self.op

    def _refused(self, exc) -> None:
        self.state.setText(str(exc))
        TaskOp(self, self.app, unattended.status, self.app.paths).success(lambda s: self._show(s, keep_text=True)).run()

    def _show(self, status: unattended.Status, keep_text: bool = False) -> None:
        self.switch.setChecked(status.state == unattended.ON)
        self.switch.setEnabled(status.state != unattended.UNAVAILABLE and self.app.principal.can("user.admin"))
        if keep_text:
            return
        if status.state == unattended.UNAVAILABLE:
            text = credstore.NOTICE
        elif status.state == unattended.BROKEN:
            text = self.tr("无人值守运行已失效：%1。请所长重新勾选以开启。").replace("%1", status.why)
        elif status.state == unattended.ON:
            text = self.tr("已开启：定时同步和县局中继以“%1”的身份运行；取消勾选即删除保存的密钥。").replace("%1", status.username)
        else:
            text = self.tr("未开启：无人登录时不能自动同步，命令行需提供密码。")
        self.state.setText(text)
        self.state.setStyleSheet("color: #b00020;" if status.state == unattended.BROKEN else "")
