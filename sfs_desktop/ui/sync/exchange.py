"""导出与导入: write bundles to a USB stick, read bundles from one with a preview first.

Both run off the UI thread (ui/ops.py). Export tells the user the stick may be removed only
after core has read every bundle back and verified it. Import first shows, per file, who sent it
and what it would change (core's dry run, rolled back), and applies only after 确认导入; a
foreign, damaged or newer-version file is named with core's reason and changes nothing.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.security.access import require
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import exporter, identity, importer
from sfs_desktop.core.sync.status import peers
from sfs_desktop.ui.page_parts import buttons, fill_table, open_dialog
from sfs_desktop.ui.ops import TaskOp, WriteOp
from sfs_desktop.ui.sync.drives import removable_drives

STATUS_NAMES = {"preview": "可导入", "imported": "已导入", "already": "已导入过（不会重复导入）", "held": "暂缓",
                "rejected": "拒收", "enrolled": "已登记", "nothing": "无变化"}


def _export(db, folder: Path, who, *, progress):
    return exporter.export(db, folder, principal=who, progress=progress)


def _check(db, paths: list[Path], label: str, who, *, progress):
    progress(label, 0, len(paths))
    return importer.preview_many(db, paths, who)


def _import(db, files: list[Path], who, *, progress):
    return importer.settled(db, importer.import_files(db, files, principal=who, progress=progress))


def _counts(counts: dict) -> str:
    return importer.counted(counts) or "—"


def _written(facts: dict) -> str:
    return str(facts.get("written", ""))[:16].replace("T", " ") or "—"


def _covers(facts: dict) -> str:
    """Which of the sender's changes the bundle carries, e.g. `430922101 第 3–7 号`."""
    return "；".join(f"{k.partition('.')[0]} 第 {a}–{b} 号" for k, (a, b) in sorted((facts.get("covers") or {}).items())) \
        or "—"


def _tables(facts: dict) -> str:
    return "，".join(f"{t} {n}" for t, n in sorted((facts.get("tables") or {}).items())) or "—"


class ImportPreview(QDialog):
    """What each chosen file would do; 确认导入 applies the acceptable ones."""

    def __init__(self, results: list[importer.ImportResult], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览"))
        self.resize(980, 320)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("以下是导入后将发生的变化。确认无误后点“确认导入”；导入前会自动备份本机数据。"), self))
        self.table = QTableWidget(self)
        self.table.setObjectName("preview")
        fill_table(self.table, [self.tr("文件"), self.tr("发送方"), self.tr("结论"), self.tr("变化"), self.tr("说明"),
                                self.tr("写出时间"), self.tr("覆盖范围"), self.tr("各表记录")],
                   [[r.file.name, r.sender, STATUS_NAMES.get(r.status, r.status), _counts(r.counts), r.message,
                     _written(r.facts), _covers(r.facts), _tables(r.facts)] for r in results])
        layout.addWidget(self.table)
        self.acceptable = [r.file for r in results if r.status in ("preview", "held")]
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认导入"))
        box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.acceptable))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


class ExchangeTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        out = QGroupBox(self.tr("导出到U盘"), self)
        out_layout = QVBoxLayout(out)
        row = QHBoxLayout()
        self.drive = QComboBox(out)
        self.drive.setObjectName("drive")
        row.addWidget(QLabel(self.tr("目标"), out))
        row.addWidget(self.drive, 1)
        out_layout.addLayout(row)
        bar, self.buttons = buttons(self, [("rescan", "重新检测U盘", self.scan_drives),
                                           ("choose", "选择文件夹…", self.choose_folder),
                                           ("export", "导出同步包", lambda: self.export())])
        out_layout.addLayout(bar)
        layout.addWidget(out)

        layout.addWidget(self._section(self.tr("从U盘导入"),
                                       self.tr("选择U盘上的同步包（.sjxb），先预览将发生的变化，再确认导入。"),
                                       ("import", "导入同步包…", lambda: self.import_files())))
        if self.role == "station":
            from sfs_desktop.ui.sync.network import NetworkBox

            self.network = NetworkBox(app, self, on_done=self.refresh)
            layout.addWidget(self.network)
            layout.addWidget(self._section(
                self.tr("登记到县司法局"), self.tr("初次使用时，把本所的密钥卡交县司法局登记，再导入县司法局发回的登记包。"),
                ("card", "导出本所密钥卡…", lambda: self.write_card())))
        layout.addStretch(1)
        self.last_message = ""
        self.scan_drives()
        self.refresh()

    def _section(self, title: str, note: str, action: tuple) -> QGroupBox:
        """A titled box: one line saying what it is for, and its button."""
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel(note, box))
        bar, made = buttons(self, [action])
        self.buttons.update(made)
        inner.addLayout(bar)
        return box

    @property
    def role(self) -> str:
        with self.app.db.read() as s:
            return identity.local_node(s).role

    def refresh(self) -> None:
        with self.app.db.read() as s:
            rows = peers(s)
        if not rows:
            self.summary.setText(self.tr("尚未与任何单位建立同步关系。"))
            return
        lines = []
        for p in rows:
            when = f"{p.last_in_at:%Y-%m-%d %H:%M}" if p.last_in_at else self.tr("从未")
            lines.append(f"{p.name or p.node_id}：{self.tr('上次收到')} {when}，{self.tr('待对方确认的变更')} {p.waiting} "
                         f"{self.tr('条')}，{self.tr('未处理冲突')} {p.open_conflicts}，{self.tr('数据核对')} {p.digest_label}")
        self.summary.setText("\n".join(lines))

    # --- export --------------------------------------------------------------------------------
    def scan_drives(self) -> None:
        current = self.drive.currentData()
        self.drive.clear()
        for label, root in removable_drives():
            self.drive.addItem(label, str(root))
        if self.drive.count() == 0:
            self.drive.addItem(self.tr("未检测到U盘：请插入U盘后点“重新检测”，或选择文件夹"), None)
        if current:
            self.set_folder(current)

    def set_folder(self, folder: str) -> None:
        index = self.drive.findData(folder)
        if index < 0:
            self.drive.addItem(folder, folder)
            index = self.drive.count() - 1
        self.drive.setCurrentIndex(index)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择导出位置"))
        if folder:
            self.set_folder(folder)

    def export(self, on_done=None):
        folder = self.drive.currentData()
        if not folder:
            QMessageBox.warning(self, self.tr("请选择导出位置"), self.tr("请插入U盘，或点“选择文件夹…”指定导出位置"))
            return None
        try:
            require(self.app.principal, "export")
        except UserError as exc:
            QMessageBox.warning(self, self.tr("不能导出"), str(exc))
            return None

        def refused(exc: UserError) -> None:
            self.last_message = str(exc)
            QMessageBox.warning(self, self.tr("不能导出"), self.last_message)
            self.refresh()
            if on_done:
                on_done(exc)

        def done(results) -> None:
            if not results:
                self.last_message = self.tr("没有需要发送的新数据，未生成同步包。")
                QMessageBox.information(self, self.tr("导出"), self.last_message)
            else:
                files = sum(len(r.files) for r in results)
                entries = sum(r.entries for r in results)
                self.last_message = (self.tr("已导出 ") + f"{files}" + self.tr(" 个同步包，共 ") + f"{entries}"
                                     + self.tr(" 条变更，已回读校验无误，可以安全拔出U盘。"))
                QMessageBox.information(self, self.tr("导出完成"), self.last_message)
            self.refresh()
            if on_done:
                on_done(results)
        self.job = (TaskOp(self, self.app, _export, self.app.db, Path(folder), self.app.principal).with_progress(self.tr("正在导出同步包"))
                    .success(done).failure(refused).run())
        return self.job

    def write_card(self, folder: str | None = None) -> Path | None:
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("选择保存位置（U盘）"))
        if not folder:
            return None
        self.job = (WriteOp(self, self.app, identity.public_card).refused(self.tr("不能写出密钥卡"))
                    .success(partial(self._card_read, Path(folder))).run())
        return self.job

    def _card_read(self, folder: Path, card: dict) -> None:
        self.last_card = atomic_write(folder / f"密钥卡-{card['node']}.json",
                                      json.dumps(card, ensure_ascii=False, indent=1).encode("utf-8"))
        self.last_message = self.tr("已写出密钥卡，指纹 ") + card["fingerprint"]
        QMessageBox.information(self, self.tr("密钥卡"), self.last_message + self.tr("。请把它交县司法局登记。"))

    # --- import --------------------------------------------------------------------------------
    def import_files(self, files: list[str] | None = None, on_done=None):
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(self, self.tr("选择同步包"), "", self.tr("同步包 (*.sjxb)"))
            if not files:
                return None
        try:
            require(self.app.principal, "import")
        except UserError as exc:
            QMessageBox.warning(self, self.tr("不能导入"), str(exc))
            return None
        paths = [Path(f) for f in files]

        def checked(results) -> None:
            dialog = ImportPreview(results, self)
            self.preview = dialog
            if open_dialog(self, dialog):
                self._apply(dialog.acceptable, on_done)
        # verify + dry run decrypt and apply every file: not on the UI thread
        self.job = (TaskOp(self, self.app, _check, self.app.db, paths, self.tr("正在校验所选同步包"), self.app.principal)
                    .with_progress(self.tr("正在校验同步包")).refused("不能导入").success(checked).run())
        return self.job

    def _apply(self, files: list[Path], on_done) -> None:
        def done(results) -> None:
            self.last_results = results
            self.last_message = "\n".join(f"{r.file.name}：{r.message}" for r in results)
            QMessageBox.information(self, self.tr("导入结果"), self.last_message)
            self.refresh()
            if on_done:
                on_done(results)
        self.job = (TaskOp(self, self.app, _import, self.app.db, list(files), self.app.principal).with_progress(self.tr("正在导入同步包"))
                    .refused("不能导入").success(done).run())
        return self.job
