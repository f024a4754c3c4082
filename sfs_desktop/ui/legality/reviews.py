"""审查台账 tab (F-H3): the ledger from the declarations (its xlsx export with the filter applied),
登记 a request (F-H1's fields), 打开 its workspace."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from sfs_desktop.core.legality import work
from sfs_desktop.core.legality.models import LegalityReview
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.ledger_filters import LedgerFilterBar
from sfs_desktop.ui.page_parts import RecordDialog, buttons, open_dialog

REGISTER_FIELDS = ["item_type", "title", "unit_id", "contact", "contact_phone", "received_on", "requested_by",
                   "materials", "reviewer_id", "reviewer2_id", "penalty_review", "exploratory"]


def _register(s, who, values: dict, *, today: date) -> str:
    return work.register(s, who, values, today=today).id


class NewReviewDialog(RecordDialog):
    def __init__(self, app: AppSession, parent=None):
        tr = lambda text: QCoreApplication.translate("NewReviewDialog", text)  # noqa: E731 - before QDialog exists
        super().__init__(app, LegalityReview, tr("合法性审查送审登记"), _register, args=(app.principal,),
                         only=REGISTER_FIELDS, kwargs={"today": date.today()}, parent=parent)
        self.setObjectName("new_review")
        self.form.start_from({"received_on": date.today()})


class ReviewsTab(QWidget):
    FILTERS = ["item_type", "state", "conclusion"]

    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("filter")
        self.search.setPlaceholderText(self.tr("按审查事项或编号筛选，回车确认"))
        self.search.returnPressed.connect(self.apply_filter)
        bar.addWidget(self.search, 1)
        _row, self.buttons = buttons(self, [("new", "登记", self.new_record), ("open", "打开", self.open_selected)], bar)
        layout.addLayout(bar)
        self.filters = LedgerFilterBar(LegalityReview, code_source(app), self, fields=self.FILTERS,
                                       readable=self.FILTERS)
        self.filters.changed.connect(self.apply_filter)
        layout.addWidget(self.filters)
        self.model, self.view = record_ledger(app, LegalityReview, "legality_reviews", self)
        layout.addWidget(self.view, 1)
        self.selected_id: str | None = None
        self.view.clicked.connect(lambda index: setattr(self, "selected_id", self.model.id_at(index.row())))
        self.view.doubleClicked.connect(lambda index: self.open_review(self.model.id_at(index.row())))

    def apply_filter(self) -> None:
        if self.filters.error():
            return
        self.model.refresh(self.filters.query(replace(self.model.query, text=self.search.text())))

    def new_record(self) -> None:
        dialog = NewReviewDialog(self.app, self)
        if open_dialog(self, dialog):
            self.selected_id = dialog.saved
            self.model.refresh(self.model.query)
            self.open_review(dialog.saved)

    def open_selected(self) -> None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一项合法性审查"))
            return
        self.open_review(self.selected_id)

    def open_review(self, review_id: str) -> None:
        from sfs_desktop.ui.legality.workspace import ReviewWorkspace

        self.workspace = ReviewWorkspace(self.app, review_id, self)
        self._open_dialog = self.workspace
        self.workspace.finished.connect(lambda _r: self.model.refresh(self.model.query))
        self.workspace.show()
