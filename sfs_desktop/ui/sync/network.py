"""网络同步 (station): one exchange with the county relay, off the UI thread, with progress and 取消.

The relay's address is typed once; core remembers it in this station's row for the county (a
local setting that never travels) and fills it in next time. The outcome is shown under the
button in plain Chinese, the same lines the `sync` command prints.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from sfs_desktop.core.sync import transport
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import buttons


def _network_sync(db, url: str, who, *, progress):
    return transport.sync(db, url, principal=who, progress=progress, cancelled=progress.cancelled)


class NetworkBox(QGroupBox):
    def __init__(self, app, parent=None, on_done=None):
        super().__init__(parent)
        self.setTitle(self.tr("网络同步"))
        self.app, self.on_done, self.job = app, on_done, None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("有网络连到县司法局时，点“网络同步”即可收发同步包；断线后再点一次，会从断开处接着传。"), self))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("县局中继地址"), self))
        self.url = QLineEdit(self)
        self.url.setObjectName("relay_url")
        self.url.setPlaceholderText("https://192.168.1.10:8443")
        with app.db.read() as s:
            self.url.setText(transport.relay_url(s) or "")
        row.addWidget(self.url, 1)
        bar, self.buttons = buttons(self, [("network", "网络同步", lambda: self.start())], layout=row)
        layout.addLayout(bar)
        self.result = QLabel(self)
        self.result.setObjectName("network_result")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)

    def start(self):
        self.buttons["network"].setEnabled(False)
        self.result.setText(self.tr("正在连接县局中继…"))
        self.job = (TaskOp(self, self.app, _network_sync, self.app.db, self.url.text(), self.app.principal)
                    .with_progress(self.tr("正在与县司法局网络同步"), cancellable=True)
                    .success(self._done).failure(self._failed).run())
        return self.job

    def _done(self, summary: transport.SyncSummary) -> None:
        self._show(self.tr("网络同步完成") + f"（{datetime.now():%H:%M}）：\n" + "\n".join(transport.describe(summary)))

    def _failed(self, exc) -> None:
        self._show(self.tr("网络同步未完成：") + str(exc))

    def _show(self, text: str) -> None:
        self.buttons["network"].setEnabled(True)
        self.result.setText(text)
        if self.on_done:
            self.on_done()
