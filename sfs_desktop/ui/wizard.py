"""First run on an empty data dir: set up a station (or the county) and its administrator."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QVBoxLayout, QWizard, QWizardPage)

from sfs_desktop.core import setup
from sfs_desktop.core.demo import TOWNSHIPS
from sfs_desktop.core.errors import UserError
from sfs_desktop.paths import DataPaths
from sfs_desktop.ui.forms import error_label
from sfs_desktop.ui.ops import TaskOp


def _certificate_pdf(context: dict) -> bytes:
    """The certificate as PDF bytes; the file it is rendered to is gone before this returns, so the
    recovery key is not left on disk (the preview saves or prints it when the user says so)."""
    import tempfile

    from sfs_desktop.core.printing import render

    with tempfile.TemporaryDirectory(prefix="sfs-cert-") as folder:
        out = Path(folder) / "certificate.pdf"
        render("certificate.station_setup", context, out)
        return out.read_bytes()


class SetupWizard(QWizard):
    def __init__(self, paths: DataPaths, parent=None):
        super().__init__(parent)
        self.paths = paths
        self.result_info: setup.SetupResult | None = None
        self.setWindowTitle(self.tr("初次使用设置"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))

        unit = QWizardPage()
        unit.setTitle(self.tr("本单位"))
        form = QFormLayout(unit)
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.role.addItem(self.tr("司法所"), "station")
        self.role.addItem(self.tr("县司法局"), "county")
        self.township = QComboBox()
        self.township.setObjectName("township")
        for code, name in TOWNSHIPS:
            self.township.addItem(f"{name}（{code}）", (code, name))
        self.head = QLineEdit()
        self.head.setObjectName("head")
        form.addRow(self.tr("单位类型"), self.role)
        form.addRow(self.tr("所在乡镇"), self.township)
        form.addRow(self.tr("所长姓名"), self.head)
        self.addPage(unit)

        account = QWizardPage()
        account.setTitle(self.tr("管理员账户"))
        form = QFormLayout(account)
        self.admin = QLineEdit("admin")
        self.admin.setObjectName("admin")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.account_message = error_label(account, "account_message")
        form.addRow(self.tr("用户名"), self.admin)
        form.addRow(self.tr("密码（至少 8 位，含字母）"), self.password)
        form.addRow(self.tr("再次输入密码"), self.password2)
        form.addRow(self.account_message)
        account.validatePage = self._create
        self.addPage(account)

        key_page = QWizardPage()
        key_page.setTitle(self.tr("恢复密钥"))
        box = QVBoxLayout(key_page)
        self.key_label = QLabel()
        self.key_label.setObjectName("recovery_key")
        self.key_label.setWordWrap(True)
        self.confirmed = QCheckBox(self.tr("我已把恢复密钥抄写下来（或打印了站点设置证书），并将锁入文件柜"))
        self.confirmed.setObjectName("confirmed")
        self.print_button = QPushButton(self.tr("打印站点设置证书…"))
        self.print_button.setObjectName("print_certificate")
        self.print_button.setToolTip(self.tr("证书载有恢复密钥，只能在此时打印，不能补打"))
        self.print_button.clicked.connect(self.print_certificate)
        box.addWidget(self.key_label)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.confirmed)
        key_page.isComplete = self.confirmed.isChecked
        self.confirmed.toggled.connect(key_page.completeChanged)
        self.addPage(key_page)

    def request(self) -> setup.SetupRequest:
        code, name = self.township.currentData()
        role = self.role.currentData()
        station_name = "桃江县司法局" if role == "county" else f"桃江县司法局{name.rstrip('镇乡').removesuffix('回族')}司法所"
        return setup.SetupRequest(role=role, station_code="430922000" if role == "county" else code,
                                  station_name=station_name, admin=self.admin.text().strip(),
                                  password=self.password.text(), township_name=name, head_name=self.head.text().strip())

    def _create(self) -> bool:
        if self.result_info is not None:
            return True
        if self.password.text() != self.password2.text():
            self.account_message.setText(self.tr("两次输入的密码不一致"))
            return False
        try:
            self.result_info = setup.initialise(self.paths, self.request())
        except UserError as exc:
            self.account_message.setText(str(exc))
            return False
        self.key_label.setText(
            "<p>这是本站数据的<b>恢复密钥</b>，所有密码都遗失时凭它恢复数据。它<b>只显示这一次</b>：</p>"
            f"<p style='font-size:150%'><b>{self.result_info.recovery_key}</b></p>"
            f"<p>密钥指纹：{self.result_info.fingerprint}</p>")
        return True

    def print_certificate(self) -> None:
        """The setup certificate (with the recovery key) in the print preview, to print or save."""
        if self.result_info is None:
            return
        req = self.request()
        context = {"station_name": req.station_name, "station_code": req.station_code, "issued_on": date.today(),
                   "recovery_key": self.result_info.recovery_key, "fingerprint": self.result_info.fingerprint}
        self.op = (TaskOp(self, None, _certificate_pdf, context).with_progress(self.tr("正在生成证书…"))
                   .refused(self.tr("不能打印")).success(self._show_certificate).run())

    def _show_certificate(self, pdf: bytes) -> None:
        from sfs_desktop.ui.printing.preview import PreviewDialog

        self.preview = PreviewDialog(pdf, self.tr("站点设置证书"), "站点设置证书.pdf", self)
        self.preview.show()

    def reject(self) -> None:
        if self.result_info is not None and not self.confirmed.isChecked():
            QMessageBox.information(self, self.tr("请先记下恢复密钥"), self.tr("恢复密钥只显示这一次，请记下后勾选确认。"))
            return
        super().reject()
