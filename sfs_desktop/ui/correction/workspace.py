"""The subject workspace: the header (status, level, term), the steps as buttons greyed with the
rule's reason, the subject's records in tabs, and the F-C forms printed through the print service.

What it shows is one snapshot core reads (`queries.subject_view`, plain data) on the writer: opening
it is the audited view of S3 data. Every step is one core call with plain values; a refusal comes
back in the rule's own words and nothing changes. `TABS` is the seam the shared record timeline
(issue 15) takes its place in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QTableWidget, QTabWidget, QVBoxLayout, QWidget)

from sfs_desktop.core.correction import queries, work
from sfs_desktop.core.correction.constants import COMMEND, LEAVE_PERMIT
from sfs_desktop.core.correction.models import CcRelease, CcViolation
from sfs_desktop.core.printing import templates
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.correction.leave import LeaveDialog
from sfs_desktop.ui.correction.subjects import supervision_dialog
from sfs_desktop.ui.ops import WriteOp
from sfs_desktop.ui.page_parts import RecordDialog, ask, buttons, fill_table, open_dialog, print_form, selected_id, write
from sfs_desktop.ui.widgets import date_edit, date_of

STEPS = [  # key, button text, the core step (work.STEPS) whose statuses enable it
    ("report_in", "报到登记", "report_in"), ("report", "登记报告", "supervise"), ("checkin", "信息化核查", "supervise"),
    ("leave", "外出申请", "leave"), ("violation", "违规登记", "violation"), ("release", "解矫准备", "release"),
    ("found", "已找回", "found"),
]
TABS = [  # key, title: the record timeline (issue 15) joins here as one more tab
    ("supervision", "监管记录"), ("leaves", "外出"), ("violations", "违规与奖惩"), ("due", "待办事项"), ("forms", "文书"),
]
SUBJECT_FORMS = ("correction.intake", "correction.report_in", "correction.announcement", "correction.undertaking",
                 "correction.team", "correction.plan", "correction.appraisal", "correction.release_announcement",
                 "correction.release_certificate", "correction.file_contents")
RELEASE_FIELDS = ["summary_on", "appraisal", "appraisal_on", "handover_on", "announced_on"]
HEADS = {
    "supervision": ["日期", "类别", "方式", "时长（小时）", "结果", "工作人员"],
    "leaves": ["申请日期", "外出期间", "天数", "目的地", "审批机关", "审批结果", "外出证明编号", "返回报告"],
    "violations": ["发生日期", "违规类别", "系统建议措施", "司法所提请", "县级机构决定"],
    "due": ["期限", "事项", "情况"],
}
RED = QColor("#b00020")


def _view(s, who, subject_id: str, today: date, opened: bool) -> queries.SubjectView:
    return queries.subject_view(s, who, subject_id, today, opened=opened)


class SubjectWorkspace(QDialog):
    def __init__(self, app: AppSession, subject_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.subject_id = app, subject_id
        self.view: queries.SubjectView | None = None
        self.setWindowTitle(self.tr("社区矫正对象"))
        self.setObjectName("subject_workspace")
        self.resize(960, 640)
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("正在读取…"), self)
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        bar = QHBoxLayout()
        self.steps: dict[str, QPushButton] = {}
        for key, text, _step in STEPS:
            b = QPushButton(self.tr(text), self)
            b.setObjectName(f"step_{key}")
            b.setEnabled(False)
            b.clicked.connect(getattr(self, f"do_{key}"))
            self.steps[key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.tables: dict[str, QTableWidget] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        for key, title in TABS:
            self.tabs.addTab(getattr(self, f"_build_{key}")(), self.tr(title))
        self.op: WriteOp | None = None
        self.refresh(opened=True)

    # --- reading -----------------------------------------------------------------------------
    def refresh(self, *, opened: bool = False) -> WriteOp:
        """Read the snapshot again (on the writer: the first read is the audited view)."""
        self.op = write(self, self.app, _view, self.app.principal, self.subject_id, date.today(), opened,
                        on_done=self._show, title="不能查看")
        return self.op

    def _show(self, v: queries.SubjectView) -> None:
        self.view = v
        self.header.setText("　".join(f"{self.tr(label)}：<b>{text}</b>" if label == "姓名" else f"{self.tr(label)}：{text}"
                                     for label, text in v.header))
        for key, _text, step in STEPS:
            refusal = v.steps[step]
            self.steps[key].setEnabled(refusal is None)
            self.steps[key].setToolTip(refusal or "")
        self._fill("supervision", v.supervision)
        self._fill("leaves", v.leaves)
        self._fill("violations", v.violations)
        fill_table(self.tables["due"], [self.tr(h) for h in HEADS["due"]],
                   [[f"{d:%Y-%m-%d}", what, self.tr("已超期") if late else self.tr("未到期")] for d, what, late in v.due])
        for r, (_d, _what, late) in enumerate(v.due):
            if late:
                for c in range(3):
                    self.tables["due"].item(r, c).setForeground(QBrush(RED))
        self.tabs.setTabText(3, self.tr("待办事项") + (f"（{sum(late for *_x, late in v.due)} 项超期）"
                                                      if any(late for *_x, late in v.due) else ""))

    def _fill(self, key: str, lines) -> None:
        fill_table(self.tables[key], [self.tr(h) for h in HEADS[key]], [list(x.cells) for x in lines],
                   [x.id for x in lines])
        self._kinds = getattr(self, "_kinds", {})
        self._kinds.update({x.id: x.kind for x in lines})

    def _stepped(self, _result=None) -> None:
        self.refresh()

    def _step(self, fn, *args, **kwargs) -> WriteOp:
        return write(self, self.app, fn, *args, on_done=self._stepped, **kwargs)

    def _dialog(self, dialog: QDialog) -> None:
        if open_dialog(self, dialog):
            self.refresh()

    def _selected(self, key: str, what: str) -> str | None:
        row_id = selected_id(self.tables[key])
        if row_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选") + self.tr(what))
        return row_id

    # --- tabs ----------------------------------------------------------------------------------
    def _list_tab(self, key: str, actions: list) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        table = QTableWidget(tab)
        table.setObjectName(key)
        self.tables[key] = table
        box.addWidget(table)
        if actions:
            row, made = buttons(tab, actions, prefix="")
            self.action_buttons.update(made)
            box.addLayout(row)
        return tab

    def _build_supervision(self) -> QWidget:
        return self._list_tab("supervision", [("add_supervision", "新增监管记录", self.add_supervision),
                                              ("print_event", "打印所选谈话或走访记录", self.print_event)])

    def _build_leaves(self) -> QWidget:
        return self._list_tab("leaves", [
            ("approve_leave", "批准", lambda: self.decide_leave(True)),
            ("refuse_leave", "不批准", lambda: self.decide_leave(False)),
            ("return_leave", "登记返回", self.record_return),
            ("print_leave", "打印外出审批表", lambda: self.print_leave("correction.leave_application")),
            ("print_permit", "打印外出证明", lambda: self.print_leave(LEAVE_PERMIT))])

    def _build_violations(self) -> QWidget:
        return self._list_tab("violations", [("propose", "提请措施", self.propose),
                                             ("print_violation", "打印调查核实及提请审核表", self.print_violation)])

    def _build_due(self) -> QWidget:
        tab = self._list_tab("due", [])
        tab.layout().insertWidget(0, QLabel(self.tr("该对象的报到、监管频次、外出返回、电子定位、解矫准备等期限；超期的标红。"), tab))
        return tab

    def _build_forms(self) -> QWidget:
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(QLabel(self.tr("打印该对象的文书（每次打印都登记在打印记录中，并计入工作档案卷内目录）。"), tab))
        row = QHBoxLayout()
        self.form_choice = QComboBox(tab)
        self.form_choice.setObjectName("form_choice")
        for form_id in SUBJECT_FORMS:
            self.form_choice.addItem(templates.get(form_id).title, form_id)
        print_button = QPushButton(self.tr("打印"), tab)
        print_button.setObjectName("print_subject_form")
        print_button.clicked.connect(self.print_subject_form)
        row.addWidget(self.form_choice)
        row.addWidget(print_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        return tab

    # --- steps ---------------------------------------------------------------------------------
    def do_report_in(self) -> None:
        on = date_edit(date.today())
        on.setObjectName("reported_on")
        if ask(self, self.tr("报到登记"), [(self.tr("报到日期"), on)]):
            self._step(work.report_in, self.app.principal, self.subject_id, date_of(on), today=date.today())

    def do_report(self) -> None:
        self._dialog(supervision_dialog(self.app, self.subject_id, "report", self))

    def do_checkin(self) -> None:
        self._dialog(supervision_dialog(self.app, self.subject_id, "checkin", self))

    def add_supervision(self) -> None:
        self._dialog(supervision_dialog(self.app, self.subject_id, "", self))

    def do_leave(self) -> None:
        self._dialog(LeaveDialog(self.app, self.subject_id, self))

    def do_violation(self) -> None:
        self._dialog(RecordDialog(self.app, CcViolation, self.tr("违规登记"), work.record_violation,
                                  args=(self.app.principal, self.subject_id), kwargs={"today": date.today()},
                                  only=["occurred_on", "kind", "days", "facts", "evidence"], parent=self))

    def do_release(self) -> None:
        dialog = RecordDialog(self.app, CcRelease, self.tr("解矫准备"), work.save_release,
                              args=(self.app.principal, self.subject_id), only=RELEASE_FIELDS, parent=self)
        dialog.form.start_from({k: v for k, v in (self.view.release if self.view else {}).items() if v is not None})
        self._dialog(dialog)

    def do_found(self) -> None:
        on = date_edit(date.today())
        if ask(self, self.tr("已找回"), [(self.tr("恢复监管日期"), on)]):
            self._step(work.found, self.app.principal, self.subject_id, date_of(on))

    # --- leave, violations -----------------------------------------------------------------------
    def decide_leave(self, approve: bool) -> None:
        leave_id = self._selected("leaves", "一次外出申请")
        if leave_id is None:
            return
        on = date_edit(date.today())
        on.setObjectName("decided_on")
        if ask(self, self.tr("批准外出") if approve else self.tr("不批准外出"), [(self.tr("审批日期"), on)]):
            self._step(work.decide_leave, self.app.principal, leave_id, approve, date_of(on))

    def record_return(self) -> None:
        leave_id = self._selected("leaves", "一次外出申请")
        if leave_id is None:
            return
        on = date_edit(date.today())
        if ask(self, self.tr("登记返回"), [(self.tr("返回报告日期"), on)]):
            self._step(work.record_return, self.app.principal, leave_id, date_of(on), today=date.today())

    def propose(self) -> None:
        vid = self._selected("violations", "一条违规情况")
        if vid is None:
            return
        measure = measure_choice(self.app)
        suggested = self.tables["violations"].item(self.tables["violations"].currentRow(), 2).text()
        if measure.findText(suggested) >= 0:
            measure.setCurrentIndex(measure.findText(suggested))
        on = date_edit(date.today())
        if ask(self, self.tr("提请措施"), [(self.tr("提请措施（由县级社区矫正机构决定）"), measure),
                                         (self.tr("提请日期"), on)]):
            self._step(work.propose, self.app.principal, vid, measure.currentData(), date_of(on))

    # --- printing (the print service numbers, logs and audits) ------------------------------------
    def print_subject_form(self) -> WriteOp:
        return print_form(self, self.app, self.form_choice.currentData(), self.subject_id,
                          self.form_choice.currentText(), on_done=self._stepped)

    def print_leave(self, form_id: str) -> None:
        leave_id = self._selected("leaves", "一次外出申请")
        if leave_id is not None:
            print_form(self, self.app, form_id, leave_id, templates.get(form_id).title, on_done=self._stepped)

    def print_event(self) -> None:
        eid = self._selected("supervision", "一条个别谈话、教育或走访记录")
        if eid is not None:
            form_id = "correction.visit" if self._kinds.get(eid) == "visit" else "correction.talk"
            print_form(self, self.app, form_id, eid, templates.get(form_id).title, on_done=self._stepped)

    def print_violation(self) -> None:
        vid = self._selected("violations", "一条违规情况")
        if vid is not None:
            print_form(self, self.app, "correction.violation", vid, templates.get("correction.violation").title,
                       on_done=self._stepped)


def measure_choice(app: AppSession, *, commend: bool = False) -> QComboBox:
    """The sanction measures (C16) to propose or decide; 表扬 only where it is asked for."""
    box = QComboBox()
    box.setObjectName("measure")
    for code, name in code_source(app)("cc_sanction"):
        if commend or code != COMMEND:
            box.addItem(name, code)
    return box
