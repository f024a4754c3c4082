"""人员信息库: the shared registry of people and of 单位 — lazy ledgers, search, and generated forms."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.people import organizations, registry
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.security.masking import reveal
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_checker, code_source
from sfs_desktop.ui.forms import RecordForm, error_label
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.ledger_filters import LedgerFilterBar
from sfs_desktop.ui.ops import WriteOp
from sfs_desktop.ui.page_parts import FormDialog, RecordDialog, RegisterTab, save_cancel, scrolled


class PersonDialog(FormDialog):
    """New or existing person: the form comes from Person's declarations."""

    def __init__(self, app: AppSession, person_id: str | None = None, parent=None, *, name: str = ""):
        super().__init__(parent)
        self.app = app
        self.person_id = person_id
        self.setWindowTitle("人员信息" if person_id else "新增人员")
        layout = QVBoxLayout(self)

        def do_reveal(name: str) -> None:  # audited: a write, so off the UI thread
            WriteOp(self, app, reveal, app.principal, Person, person_id, name).success(
                lambda value: self.form.show_revealed(name, value)).run()

        self.form = RecordForm(Person, code_source(app), code_exists=code_checker(app),
                               reveal=do_reveal if person_id else None, parent=self)
        if person_id:
            with app.db.read() as s:
                self.form.set_record(s.get(Person, person_id))
        elif name:  # registering someone a form looked for and did not find
            self.form.editors["name"].set_value(name.strip())
        layout.addWidget(scrolled(self.form, self), 1)
        self.message = error_label(self, "message")
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self, self.save))
        self.form.problems_cleared.connect(self.message.clear)

    def save(self) -> bool:
        if not self.form.confirm():
            self.message.setText(self.tr("请先改正标红的内容"))
            return False
        values = self.form.values()
        who = self.app.principal  # core checks it
        if self.person_id:
            op = WriteOp(self, self.app, registry.update_person, who, self.person_id, values, confirm_warnings=True)
        else:
            op = WriteOp(self, self.app, registry.register_person, who, values, confirm_warnings=True)
        self.op = op.success(self._saved).failure(self._refused).run()
        return True

    def _saved(self, person) -> None:
        self.person_id = person.id
        self.accept()

    def _refused(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            self.form.show_problems(exc.problems)
        self.message.setText(str(exc))

    def reject(self) -> None:
        if self.form.may_discard():
            super().reject()


class OrganizationsTab(RegisterTab):
    """单位: registered once, chosen by name as a party or employer in every duty."""

    model_class = Organization
    key = "organizations"

    def new_record(self) -> None:
        self._done(RecordDialog(self.app, Organization, "新增单位", organizations.save_organization,
                                args=(self.app.principal,), parent=self))

    def edit_dialog(self, row):
        return RecordDialog(self.app, Organization, "单位信息", organizations.save_organization,
                            args=(self.app.principal,), kwargs={"org_id": row.id}, record=row, parent=self)

    def update_notice(self) -> None:
        self.notice.setText("单位只登记一次，各项业务共用；统一社会信用代码或名称已登记的单位不能重复登记。")


class PeoplePage(QWidget):
    """人员 and 单位 as two tabs; Ctrl+N, a double-click and search hits act on the right one."""

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>人员信息库</h3>", self))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("people_tabs")
        layout.addWidget(self.tabs, 1)

        people = QWidget(self.tabs)
        column = QVBoxLayout(people)
        bar = QHBoxLayout()
        self.search = QLineEdit(people)
        self.search.setObjectName("filter")
        self.search.setPlaceholderText("按姓名筛选")
        self.search.returnPressed.connect(self.apply_filter)
        new = QPushButton("新增人员", people)
        new.clicked.connect(self.new_record)
        bar.addStretch(1)
        bar.addWidget(self.search)
        bar.addWidget(new)
        column.addLayout(bar)
        self.filters = LedgerFilterBar(Person, code_source(app), people)
        self.filters.changed.connect(self.apply_filter)
        column.addWidget(self.filters)
        self.model, self.view = record_ledger(app, Person, "people", people)
        self.view.doubleClicked.connect(lambda index: self.open_record("person", self.model.id_at(index.row())))
        column.addWidget(self.view, 1)
        self.tabs.addTab(people, "人员")
        self.organizations = OrganizationsTab(app, self.tabs)
        self.tabs.addTab(self.organizations, "单位")

    def apply_filter(self) -> None:
        """Name text and the filter bar together, keeping the chosen sort; an invalid range changes nothing."""
        if self.filters.error():
            return
        self.model.refresh(self.filters.query(replace(self.model.query, text=self.search.text())))

    def new_record(self) -> None:
        if self.tabs.currentWidget() is self.organizations:
            self.organizations.new_record()
        elif PersonDialog(self.app, parent=self).exec():
            self.model.refresh()

    def open_record(self, table: str, row_id: str) -> None:
        if table == "organization":
            self.tabs.setCurrentWidget(self.organizations)
            self.organizations.select(row_id)
            self.organizations.edit_selected()
            return
        self.tabs.setCurrentIndex(0)
        if PersonDialog(self.app, row_id, parent=self).exec():
            self.model.refresh()
