"""司法所 tab (county only): the station registry, each station's sync state, enrollment, revocation,
and the county-wide figures by station built from what each station sent."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import exporter, identity, relay_import, status
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import ask, buttons, fill_table, selected_id, write


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "—"


class StationsTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("各司法所的同步情况。登记新所：先导入其密钥卡，再把登记包写到U盘交给该所导入。"), self))
        self.table = QTableWidget(self)
        self.table.setObjectName("stations")
        layout.addWidget(self.table, 1)
        bar, self.buttons = buttons(self, [("add", "登记司法所（导入密钥卡）…", lambda: self.add_station()),
                                           ("enroll", "写出登记包…", lambda: self.enroll()),
                                           ("revoke", "吊销", self.revoke),
                                           ("assign", "交办…", lambda: self.assign()), ("refresh", "刷新", self.refresh),
                                           ("relay", "收取网络上传", lambda: self.pick_up())])
        layout.addLayout(bar)
        self.relay_label = QLabel(self)
        self.relay_label.setObjectName("relay")
        layout.addWidget(self.relay_label)
        self.pickup_job = None
        self._relay_timer = QTimer(self)  # uploads the relay staged while this window holds the database
        self._relay_timer.timeout.connect(self.pick_up)
        self._relay_timer.start(30_000)
        self.figure_layout = QVBoxLayout()
        layout.addLayout(self.figure_layout, 1)
        self.figure_tables: dict[str, QTableWidget] = {}  # report name → its table by station
        self.refresh()

    def pick_up(self):
        """Import what stations uploaded through the relay (core's pickup, off the UI thread)."""
        if self.pickup_job is not None and not self.pickup_job.finished:
            return self.pickup_job

        def done(result) -> None:
            if result is None:
                self.relay_label.setText(self.tr("网络同步：本机尚未运行过县局中继（relay）"))
                return
            self.relay_label.setText(self.tr("网络同步：{0:%H:%M} 收取了 {1} 个上传的同步包，拒收 {2} 个").format(
                datetime.now(), result.imported, result.rejected))
            if result.imported or result.rejected:
                self.refresh()
        def failed(exc) -> None:  # the timer must not raise a dialog every half minute
            self.relay_label.setText(self.tr("网络同步：收取失败：{0}").format(exc))
        self.pickup_job = (TaskOp(self, self.app, relay_import.pickup_here, self.app.db, self.app.principal)
                           .success(done).failure(failed).run())
        return self.pickup_job

    def refresh(self) -> None:
        from sfs_desktop.core.reports import tables

        year = str(date.today().year)
        with self.app.db.read() as s:
            rows = [p for p in status.peers(s) if p.role == "station"]
            county = tables.county_figures(s, self.app.principal, year)  # each duty's declared county report
        fill_table(self.table, [self.tr("代码"), self.tr("名称"), self.tr("状态"), self.tr("上次收到"), self.tr("上次回执"),
                                self.tr("待确认变更"), self.tr("记录数"), self.tr("未处理冲突"), self.tr("数据核对"),
                                self.tr("审计链")],
                   [[p.node_id, p.name, self.tr("已吊销") if p.revoked else (self.tr("已登记") if p.enrolled
                                                                         else self.tr("待导入登记包")),
                     _when(p.last_in_at), _when(p.last_ack_at), str(p.waiting), str(p.records), str(p.open_conflicts),
                     p.digest_label, p.audit_label] for p in rows], [p.node_id for p in rows])
        for r, p in enumerate(rows):  # what the county must look into, in red
            if p.digest_state == "mismatch":
                self.table.item(r, 8).setForeground(QBrush(QColor("#b00020")))
            if p.audit_alarm:
                self.table.item(r, 9).setForeground(QBrush(QColor("#b00020")))
        for report, by_station in county:
            table = self.figure_tables.get(report.name)
            if table is None:
                table = QTableWidget(self)
                table.setObjectName(f"figures_{report.name}")
                self.figure_layout.addWidget(QLabel(report.title + self.tr("：本年各所数据（依据各所报送的记录）"), self))
                self.figure_layout.addWidget(table, 1)
                self.figure_tables[report.name] = table
            header, shown = tables.station_display(report, by_station)
            fill_table(table, header, shown)

    def add_station(self, card_file: str | None = None, name: str | None = None):
        if card_file is None:
            card_file, _ = QFileDialog.getOpenFileName(self, self.tr("选择司法所的密钥卡"), "",
                                                       self.tr("密钥卡 (*.json)"))
            if not card_file:
                return None
        if name is None:
            edit = QLineEdit()
            edit.setObjectName("station_name")
            if not ask(self, self.tr("登记司法所"), [(self.tr("司法所名称（桃江县司法局××司法所）"), edit)]):
                return None
            name = edit.text()
        try:
            card = json.loads(Path(card_file).read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            card = None
        if not isinstance(card, dict):
            QMessageBox.warning(self, self.tr("不能登记"), self.tr("所选文件不是有效的密钥卡"))
            return None
        return write(self, self.app, identity.add_station, card, name, self.app.principal, title="不能登记",
                     on_done=self._changed)

    def _changed(self, _result=None) -> None:
        self.refresh()

    def enroll(self, folder: str | None = None) -> Path | None:
        code = selected_id(self.table)
        if code is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一个司法所"))
            return None
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("选择U盘"))
        if not folder:
            return None
        self.job = (TaskOp(self, self.app, exporter.write_enrollment, self.app.db, code, Path(folder), self.app.principal)
                    .refused(self.tr("不能写出登记包")).success(self._enrolled).run())
        return self.job

    def _enrolled(self, path: Path) -> None:
        self.last_enrollment = path
        QMessageBox.information(self, self.tr("登记包"), self.tr("已写出登记包，请交该所在“数据同步”中导入：") + path.name)
        self.refresh()

    def assign(self):
        """交办 to the station chosen in the list (or any other, chosen in the dialog); the county's
        list of what it handed over is the duty page's 县局交办 tab."""
        from sfs_desktop.ui.assigned import open_assign

        return open_assign(self, self.app, selected_id(self.table))

    def revoke(self) -> None:
        code = selected_id(self.table)
        if code is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一个司法所"))
            return
        answer = QMessageBox.question(self, self.tr("吊销"), self.tr("吊销后将拒收该所的同步包（例如密钥丢失时）。确认吊销 ") + code + "？")
        if answer == QMessageBox.StandardButton.Yes:
            write(self, self.app, identity.revoke_station, code, self.app.principal, on_done=self._changed)
