"""设置: where this station's data lives, the upkeep staff do themselves, and the accounts.

Backup, integrity check and rebuilding the search index run through ui/ops.py (`TaskOp`, `WriteOp`), so
the window stays responsive on a slow office PC; the results are plain Chinese sentences.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from sfs_desktop.core import search
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.accounts import AccountsBox
from sfs_desktop.ui.ops import TaskOp, WriteOp
from sfs_desktop.ui.unattended_box import UnattendedBox


class SettingsPage(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{self.tr('设置')}</h3>", self))

        info = QGroupBox(self.tr("本机数据"), self)
        form = QFormLayout(info)
        paths = app.paths
        for label, value in ((self.tr("数据目录"), paths.root), (self.tr("备份目录"), paths.backups),
                             (self.tr("日志目录"), paths.logs)):
            text = QLabel(str(value), info)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        minutes = round(app.autolock_seconds / 60) if app.autolock_seconds > 0 else 0
        form.addRow(self.tr("无操作自动锁定"), QLabel(self.tr("%1 分钟").replace("%1", str(minutes)) if minutes else self.tr("不锁定"), info))
        form.addRow(self.tr("界面字体"), QLabel(QApplication.font().family(), info))
        layout.addWidget(info)

        upkeep = QGroupBox(self.tr("数据维护"), self)
        buttons = QHBoxLayout(upkeep)
        for name, text, slot in (("backup", self.tr("立即备份"), self.backup_now),
                                 ("check", self.tr("检查数据库"), self.check_database),
                                 ("reindex", self.tr("重建搜索索引"), self.rebuild_index)):
            button = QPushButton(text, upkeep)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(upkeep)
        self.accounts = AccountsBox(app, self)
        layout.addWidget(self.accounts)
        self.unattended = UnattendedBox(app, self)
        layout.addWidget(self.unattended)
        self.result = QLabel(self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def _say(self, text: str) -> None:
        self.result.setText(text)

    def backup_now(self):
        target = self.app.paths.backups / f"manual-{datetime.now():%Y%m%d-%H%M%S}.db"
        return (TaskOp(self, self.app, self.app.db.user_backup, target, self.app.principal).with_progress(self.tr("正在备份…"))
                .refused("不能备份").success(lambda path: self._say(self.tr("备份已完成：%1").replace("%1", str(path))))
                .run())

    def check_database(self):
        def done(problems: list[str]) -> None:
            if problems:
                QMessageBox.warning(self, self.tr("检查数据库"), "\n".join(problems))
                self._say(self.tr("数据库检查发现问题，请联系县司法局技术人员。"))
            else:
                self._say(self.tr("数据库检查完成，未发现问题。"))

        return TaskOp(self, self.app, self.app.db.check).with_progress(self.tr("正在检查数据库…")).success(done).run()

    def rebuild_index(self):
        return (WriteOp(self, self.app, search.rebuild).with_progress(self.tr("正在重建搜索索引…"))
                .success(lambda n: self._say(self.tr("搜索索引已重建，共 %1 条记录。").replace("%1", str(n)))).run())
