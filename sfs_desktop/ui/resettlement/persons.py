"""帮教对象 tab: the released persons' ledger (status, category, period), 登记 a notice received here
(or a person missing from the county's list), 打开 the workspace; 预释放人员名单: the county's lists
with the persons found and not yet found; 统计: the declared report (core/resettlement/stats.py).
Columns and masking are the field declarations'."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpPrerelease
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.page_parts import RecordDialog, buttons, open_dialog
from sfs_desktop.ui.report_view import ReportView

NOTICE_FIELDS = ["name", "gender", "birth_date", "id_no", "offences", "sentence", "prison", "release_date",
                 "release_type", "certificate_no", "household_address", "residence", "area_code",
                 "notice_received_on", "category", "risk"]


def _register(s, who, values: dict, *, today: date) -> str:
    return work.register_notice(s, who, values, today=today).id


class PersonsTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        _row, self.buttons = buttons(self, [("new", "登记释放通知", self.new_record), ("open", "打开", self.open_selected)],
                                     bar)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model, self.view = record_ledger(app, ReleasedPerson, "released_persons", self)
        layout.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: setattr(self, "selected_id", self.model.id_at(index.row())))
        self.view.doubleClicked.connect(lambda index: self.open_person(self.model.id_at(index.row())))

    def new_record(self) -> None:
        dialog = RecordDialog(self.app, ReleasedPerson, self.tr("登记刑满释放人员通知书"), _register,
                              args=(self.app.principal,), kwargs={"today": date.today()}, only=NOTICE_FIELDS,
                              parent=self)
        if open_dialog(self, dialog):
            self.model.refresh(self.model.query)
            self.open_person(dialog.saved)

    def open_selected(self) -> None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择帮教对象"), self.tr("请先在列表中点选一名安置帮教对象"))
            return
        self.open_person(self.selected_id)

    def open_person(self, row_id: str) -> None:
        from sfs_desktop.ui.resettlement.workspace import PersonWorkspace

        self.workspace = PersonWorkspace(self.app, row_id, self)
        self._open_dialog = self.workspace
        self.workspace.finished.connect(lambda _r: self.model.refresh(self.model.query))
        self.workspace.show()


class PrereleaseTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.model, self.view = record_ledger(app, RpPrerelease, "rp_prerelease", self)
        layout.addWidget(self.view, 1)


class StatisticsTab(ReportView):
    report_name = "resettlement"
