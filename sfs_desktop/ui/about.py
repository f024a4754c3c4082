"""关于 (About): the program, schema and bundle-format versions, and where the data and log are.

What a county IT person reads out on the phone; every value can be selected and copied, and
「复制全部」 puts them all on the clipboard at once. The facts come from core.about (also behind
`sfs-desktop --version`); Qt's version is added here, core knows nothing of Qt.
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from sfs_desktop.core.about import facts
from sfs_desktop.paths import DataPaths


class AboutDialog(QDialog):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于"))
        self.paths = paths
        self.rows = facts(paths) + [("Qt", f"{qVersion()}（PySide6 {pyside_version}）")]
        title = QLabel(self.tr("桃江县司法所业务系统"), self)
        title.setObjectName("about_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for label, value in self.rows:
            shown = QLabel(value, self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label + "：", shown)
            self.values[label] = shown
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("复制全部"), self)
        self.open_data_button = QPushButton(self.tr("打开数据目录"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_data_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_all)
        self.open_data_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.paths.root))))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(f"{label}：{value}" for label, value in self.rows)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
