"""The review's window on the shared record workspace: 审查要点 (what still stands between the
review and its opinion, in core's words) and 审查建议 tabs; each step asks for a few values and
calls one core function (`core.legality.work`), which checks the principal and the rule."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.legality import work
from sfs_desktop.core.legality.models import LegalityReview
from sfs_desktop.core.legality.workspace import ReviewParts
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.page_parts import RecordDialog, ask, fill_table, open_dialog, selected_id
from sfs_desktop.ui.record_workspace import ALERT, RecordWorkspace
from sfs_desktop.ui.widgets import date_edit, date_of

FINDING_FIELDS = ["reviewer_id", "reviewer2_id", "adviser", "adviser_opinion", "finding_authority",
                  "finding_procedure", "finding_content", "finding_risk", "lease_years", "materials", "exploratory",
                  "penalty_review", "village_code", "version", "clauses", "adults", "present", "households",
                  "households_present", "votes_for", "notice_days", "adopted_on", "filed_on"]
SUGGESTION_HEADS = ["序号", "建议内容", "采纳情况", "反馈日期"]


def _update(s, who, review_id: str, values: dict):
    return work.update(s, who, review_id, values).id


class ReviewWorkspace(RecordWorkspace):
    table = LegalityReview.__tablename__

    def build_tabs(self) -> None:
        points = QWidget()
        box = QVBoxLayout(points)
        self.problems = QLabel(points)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        box.addWidget(self.problems)
        self.reminders = QLabel(points)
        self.reminders.setObjectName("reminders")
        self.reminders.setWordWrap(True)
        box.addWidget(self.reminders)
        box.addStretch(1)
        self.tabs.addTab(points, self.tr("审查要点"))
        tab = QWidget()
        box = QVBoxLayout(tab)
        self.suggestions = QTableWidget(tab)
        self.suggestions.setObjectName("suggestions")
        box.addWidget(self.suggestions)
        self.tabs.addTab(tab, self.tr("审查建议"))

    def show_parts(self, parts: ReviewParts) -> None:
        if parts.problems:
            self.problems.setText(self.tr("出具审查意见前尚需：") + "<br>" + "<br>".join(parts.problems))
            self.problems.setStyleSheet(f"color: {ALERT}")
        else:
            self.problems.setText(self.tr("审查要点已齐备。"))
            self.problems.setStyleSheet("")
        self.reminders.setText("<br>".join(parts.reminders))
        fill_table(self.suggestions, [self.tr(h) for h in SUGGESTION_HEADS], [list(c) for _i, c in parts.suggestions],
                   [i for i, _c in parts.suggestions])

    # --- steps ---------------------------------------------------------------------------------
    def do_findings(self) -> None:
        dialog = RecordDialog(self.app, LegalityReview, self.tr("填写审查意见"), _update,
                              args=(self.app.principal, self.record_id), only=FINDING_FIELDS, record=self.record,
                              parent=self)
        dialog.setObjectName("findings_dialog")
        if open_dialog(self, dialog):
            self.refresh()

    def do_return(self) -> None:
        on, note = date_edit(date.today()), QLineEdit()
        note.setObjectName("return_note")
        if ask(self, self.tr("退回补充材料"), [(self.tr("退回日期"), on), (self.tr("需要补充的材料"), note)]):
            self.step(work.return_for_supplement, self.app.principal, self.record_id, date_of(on), note.text(),
                      today=date.today())

    def do_resubmit(self) -> None:
        on = date_edit(date.today())
        if ask(self, self.tr("收到补充材料"), [(self.tr("收到日期"), on)]):
            self.step(work.resubmitted, self.app.principal, self.record_id, date_of(on), None, today=date.today())

    def do_suggest(self) -> None:
        text = QPlainTextEdit()
        text.setObjectName("suggestion_text")
        if ask(self, self.tr("添加审查建议"), [(self.tr("建议内容"), text)]):
            self.step(work.add_suggestion, self.app.principal, self.record_id, text.toPlainText())

    def do_conclude(self) -> None:
        choice = QComboBox()
        choice.setObjectName("conclusion")
        for code, name in code_source(self.app)("lh_conclusion"):
            choice.addItem(name, code)
        on, signer = date_edit(date.today()), QLineEdit()
        signer.setObjectName("signed_by")
        if ask(self, self.tr("出具审查意见"), [(self.tr("审查结论"), choice), (self.tr("出具日期"), on),
                                               (self.tr("签发人"), signer)]):
            self.step(work.conclude, self.app.principal, self.record_id, choice.currentData(), date_of(on),
                      signer.text(), today=date.today())

    def do_feedback(self) -> None:
        chosen = selected_id(self.suggestions)
        if chosen is None:
            self.tabs.setCurrentIndex(1)
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在“审查建议”中点选一条建议"))
            return
        choice = QComboBox()
        choice.setObjectName("adoption")
        for code, name in code_source(self.app)("lh_adoption")[1:]:  # not 待反馈
            choice.addItem(name, code)
        on = date_edit(date.today())
        if ask(self, self.tr("登记采纳情况"), [(self.tr("采纳情况"), choice), (self.tr("反馈日期"), on)]):
            self.step(work.feedback, self.app.principal, chosen, choice.currentData(), date_of(on), today=date.today())
