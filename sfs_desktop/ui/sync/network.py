"""网络同步 (station): one exchange with the county relay, off the UI thread, with progress and 取消;
optionally every N minutes by itself.

The relay's address is typed once; core remembers it in this station's row for the county (a
local setting that never travels) and fills it in next time, as it does the schedule and the last
outcome. The schedule is a QTimer on the UI thread that starts the same exchange as the button,
never two at once, never while another operation is running, and only while someone is signed in
(or the 所长 turned unattended runs on).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from sfs_desktop.core.security import unattended
from sfs_desktop.core.sync import schedule, transport
from sfs_desktop.ui import ops
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import buttons


def _network_sync(db, url: str, who, *, progress):
    return schedule.run(db, url, principal=who, progress=progress, cancelled=progress.cancelled)


def _scheduled_sync(db, url: str, who):
    return schedule.run(db, url or None, principal=who)


class NetworkBox(QGroupBox):
    minute_ms = 60_000  # tests shorten the minute

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
            every, last = schedule.every(s), schedule.last(s)
        row.addWidget(self.url, 1)
        bar, self.buttons = buttons(self, [("network", "网络同步", lambda: self.start())], layout=row)
        layout.addLayout(bar)
        auto = QHBoxLayout()
        auto.addWidget(QLabel(self.tr("自动同步"), self))
        self.every = QComboBox(self)
        self.every.setObjectName("sync_every")
        for minutes in schedule.CHOICES:
            self.every.addItem(self.tr("每隔 %1 分钟自动同步").replace("%1", str(minutes)) if minutes else self.tr("关闭"),
                               minutes)
        self.every.setCurrentIndex(schedule.CHOICES.index(every))
        self.every.activated.connect(lambda _i: self.set_every())
        auto.addWidget(self.every)
        auto.addStretch(1)
        layout.addLayout(auto)
        self.result = QLabel(self)
        self.result.setObjectName("network_result")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.last = QLabel(schedule.describe_last(last), self)
        self.last.setObjectName("network_last")
        self.last.setWordWrap(True)
        layout.addWidget(self.last)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self._arm(every)

    def _arm(self, minutes: int) -> None:
        self.timer.stop()
        if minutes:
            self.timer.start(minutes * self.minute_ms)

    def set_every(self):
        minutes = self.every.currentData()

        def stored(_result) -> None:
            self._arm(minutes)
            self.result.setText(self.tr("已设置：每隔 %1 分钟自动同步").replace("%1", str(minutes)) if minutes
                                else self.tr("已关闭自动同步"))

        def refused(exc) -> None:
            self.every.setCurrentIndex(schedule.CHOICES.index(0))
            self._arm(0)
            self.result.setText(str(exc))

        return TaskOp(self, self.app, schedule.set_every, self.app.db, self.app.principal, minutes) \
            .success(stored).failure(refused).run()

    def busy(self) -> bool:
        return self.job is not None and not self.job.finished

    def tick(self):
        """The timer: the same exchange as the button, unless one is running, another operation
        holds the database, or no one is signed in (and unattended runs are off)."""
        if self.busy() or not ops.idle():
            return None
        if self.app.is_locked() and unattended.status(self.app.paths).state != unattended.ON:
            self.last.setText(self.tr("已锁定：自动同步暂停，解锁后继续"))
            return None
        self.buttons["network"].setEnabled(False)
        self.job = (TaskOp(self, self.app, _scheduled_sync, self.app.db, self.url.text().strip(), self.app.principal)
                    .success(self._done).failure(self._failed).run())
        return self.job

    def start(self):
        if self.busy():
            return self.job
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
        self.job = TaskOp(self, self.app, _last_outcome, self.app.db).success(self.last.setText).run()
        if self.on_done:
            self.on_done()


def _last_outcome(db) -> str:
    with db.read() as s:
        return schedule.describe_last(schedule.last(s))
