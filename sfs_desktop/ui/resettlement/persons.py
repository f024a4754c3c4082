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
from sfs_desktop.ui.page_parts import RecordDialog, buttons, open_dialog, print_form
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
    """The §5.4 figures; the half-year report (上半年, 下半年) and the annual one (全年) print with
    each definition beside its figure (R9: filed with the county by their dates)."""

    report_name = "resettlement"

    def __init__(self, app: AppSession, parent=None):
        super().__init__(app, parent)
        row = QHBoxLayout()
        _bar, self.print_buttons = buttons(self, [("half_year", "打印半年报…", lambda: self.print_report("half_year")),
                                                  ("annual", "打印年报…", lambda: self.print_report("annual"))], row)
        self.layout().addLayout(row)
        self.part.currentIndexChanged.connect(self._printable)
        self._printable()

    def _printable(self) -> None:
        part = self.part.currentData()
        self.print_buttons["half_year"].setEnabled(part in ("-H1", "-H2"))
        self.print_buttons["annual"].setEnabled(part == "")
        hint = self.tr("选择“上半年”“下半年”可打印半年报，选择“全年”可打印年报")
        for b in self.print_buttons.values():
            b.setToolTip("" if b.isEnabled() else hint)

    def print_report(self, kind: str) -> None:
        title = self.tr("安置帮教工作半年报") if kind == "half_year" else self.tr("安置帮教工作年报")
        print_form(self, self.app, f"resettlement.{kind}", self.period(), title)
