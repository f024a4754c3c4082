"""The subject workspace: the shared record workspace (ui/record_workspace.py) with correction's tabs.

Tabs: 外出, 违规与奖惩, 待办事项, 工作档案 (the contents list; the forms print from the shared bar),
then the shared 时间线, where the window opens (reports, check-ins, visits, talks … are entered
there). The header, the steps greyed with the rule's sentence, the forms and the timeline are
declared in core (core/correction/workspace.py); opening a subject is one audited S3 view, recorded
on the writer before the first read. Each button collects a few values and calls one core
function; a refusal comes back in the rule's own words and nothing changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QMessageBox, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core.correction import work
from sfs_desktop.core.correction.constants import COMMEND, LEAVE_PERMIT
from sfs_desktop.core.correction.models import CcRelease, CcSupervision, CcViolation
from sfs_desktop.core.correction.workspace import RELEASE_FIELDS, SubjectParts
from sfs_desktop.core.printing import templates
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.correction.leave import LeaveDialog
from sfs_desktop.ui.page_parts import RecordDialog, ask, buttons, fill_table, open_dialog, print_form, selected_id
from sfs_desktop.ui.record_workspace import ALERT, RecordWorkspace
from sfs_desktop.ui.widgets import date_edit, date_of

HEADS = {
    "leaves": ["申请日期", "外出期间", "天数", "目的地", "审批机关", "审批结果", "外出证明编号", "返回报告"],
    "violations": ["发生日期", "违规类别", "系统建议措施", "司法所提请", "县级机构决定"],
    "due": ["期限", "事项", "情况"],
    "contents": ["序号", "文书名称", "页号", "备注"],
}
PRINTED_EVENTS = {"talk": "correction.talk", "education": "correction.talk",  # 个别谈话（教育）记录
                  "visit": "correction.visit"}  # timeline kind → the form its record prints on
RED = QColor(ALERT)


class SubjectWorkspace(RecordWorkspace):
    table = "correction_subject"

    def __init__(self, app: AppSession, subject_id: str, parent: QWidget | None = None):
        super().__init__(app, subject_id, parent)
        self.setObjectName("subject_workspace")
        self.timeline.add_action("print_event", self.tr("打印所选谈话或走访记录"), self.print_event)
        self.tabs.setCurrentWidget(self.timeline)  # the daily work

    @property
    def subject_id(self) -> str:
        return self.record_id

    def build_tabs(self) -> None:
        self.tables: dict[str, QTableWidget] = {}
        self.action_buttons = {}
        self._list_tab("leaves", "外出", [
            ("approve_leave", "批准", lambda: self.decide_leave(True)),
            ("refuse_leave", "不批准", lambda: self.decide_leave(False)),
            ("return_leave", "登记返回", self.record_return),
            ("print_leave", "打印外出审批表", lambda: self.print_leave("correction.leave_application")),
            ("print_permit", "打印外出证明", lambda: self.print_leave(LEAVE_PERMIT))])
        self._list_tab("violations", "违规与奖惩", [("propose", "提请措施", self.propose),
                                                  ("print_violation", "打印调查核实及提请审核表", self.print_violation)])
        self._list_tab("due", "待办事项", [], self.tr("该对象的报到、监管频次、外出返回、电子定位、解矫准备等期限；超期的标红。"))
        self.missing = QLabel(self)
        self.missing.setObjectName("missing")
        self.missing.setWordWrap(True)
        self._list_tab("contents", "工作档案", [], self.tr("工作档案卷内目录随打印自动生成；文书在窗口下方打印。"),
                       self.missing)

    def _list_tab(self, key: str, title: str, actions: list, note: str = "", below: QWidget | None = None) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        if note:
            box.addWidget(QLabel(note, tab))
        table = QTableWidget(tab)
        table.setObjectName(key)
        self.tables[key] = table
        box.addWidget(table)
        if below is not None:
            box.addWidget(below)
        if actions:
            row, made = buttons(tab, actions, prefix="")
            self.action_buttons.update(made)
            box.addLayout(row)
        self.tabs.addTab(tab, self.tr(title))

    def show_parts(self, parts: SubjectParts) -> None:
        for key in ("leaves", "violations"):
            lines = getattr(parts, key)
            fill_table(self.tables[key], [self.tr(h) for h in HEADS[key]], [list(x.cells) for x in lines],
                       [x.id for x in lines])
        due = self.tables["due"]
        fill_table(due, [self.tr(h) for h in HEADS["due"]],
                   [[f"{d:%Y-%m-%d}", what, self.tr("已超期") if late else self.tr("未到期")] for d, what, late in parts.due])
        for r, (_d, _what, late) in enumerate(parts.due):
            for c in range(3 if late else 0):
                due.item(r, c).setForeground(QBrush(RED))
        late = sum(late for *_x, late in parts.due)
        index = self.tabs.indexOf(due.parentWidget())
        self.tabs.setTabText(index, self.tr("待办事项") + (self.tr("（%1 项超期）").replace("%1", str(late)) if late else ""))
        fill_table(self.tables["contents"], [self.tr(h) for h in HEADS["contents"]],
                   [[r["no"], r["title"], r["pages"], r["note"]] for r in parts.contents])
        self.missing.setText(self.tr("尚缺：") + "、".join(parts.missing) if parts.missing else "")
        self.missing.setStyleSheet(f"color: {ALERT}")

    def _dialog(self, dialog: QDialog) -> None:
        if open_dialog(self, dialog):
            self.refresh()

    def _selected(self, key: str, what: str) -> str | None:
        row_id = selected_id(self.tables[key])
        if row_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选") + self.tr(what))
        return row_id

    # --- steps ---------------------------------------------------------------------------------
    def do_report_in(self) -> None:
        on = date_edit(date.today())
        on.setObjectName("reported_on")
        if ask(self, self.tr("报到登记"), [(self.tr("报到日期"), on)]):
            self.step(work.report_in, self.app.principal, self.subject_id, date_of(on), today=date.today())

    def do_report(self) -> bool:
        """The timeline's quick entry (one form, one core path: the supervision rule)."""
        return self.timeline.quick_entry("report")

    def do_checkin(self) -> bool:
        return self.timeline.quick_entry("checkin")

    def do_leave(self) -> None:
        self._dialog(LeaveDialog(self.app, self.subject_id, self))

    def do_violation(self) -> None:
        self._dialog(RecordDialog(self.app, CcViolation, self.tr("违规登记"), work.record_violation,
                                  args=(self.app.principal, self.subject_id), kwargs={"today": date.today()},
                                  only=["occurred_on", "kind", "days", "facts", "evidence"], parent=self))

    def do_release(self) -> None:
        dialog = RecordDialog(self.app, CcRelease, self.tr("解矫准备"), work.save_release,
                              args=(self.app.principal, self.subject_id), only=list(RELEASE_FIELDS), parent=self)
        dialog.form.start_from(self.view.parts.release if self.view else {})
        self._dialog(dialog)

    def do_found(self) -> None:
        on = date_edit(date.today())
        if ask(self, self.tr("已找回"), [(self.tr("恢复监管日期"), on)]):
            self.step(work.found, self.app.principal, self.subject_id, date_of(on))

    # --- leave, violations -----------------------------------------------------------------------
    def decide_leave(self, approve: bool) -> None:
        leave_id = self._selected("leaves", "一次外出申请")
        if leave_id is None:
            return
        on = date_edit(date.today())
        on.setObjectName("decided_on")
        if ask(self, self.tr("批准外出") if approve else self.tr("不批准外出"), [(self.tr("审批日期"), on)]):
            self.step(work.decide_leave, self.app.principal, leave_id, approve, date_of(on))

    def record_return(self) -> None:
        leave_id = self._selected("leaves", "一次外出申请")
        if leave_id is None:
            return
        on = date_edit(date.today())
        if ask(self, self.tr("登记返回"), [(self.tr("返回报告日期"), on)]):
            self.step(work.record_return, self.app.principal, leave_id, date_of(on), today=date.today())

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
            self.step(work.propose, self.app.principal, vid, measure.currentData(), date_of(on))

    # --- printing (the print service numbers, logs and audits) ------------------------------------
    def print_leave(self, form_id: str) -> None:
        leave_id = self._selected("leaves", "一次外出申请")
        if leave_id is not None:
            print_form(self, self.app, form_id, leave_id, templates.get(form_id).title, on_done=self._stepped)

    def print_event(self) -> None:
        """The 个别谈话 or 走访 record chosen on the timeline."""
        chosen = self.timeline.selected()
        event = next((e for e in self.timeline.shown() if chosen and (e.table, e.row_id) == tuple(chosen)), None)
        if event is None or event.table != CcSupervision.__tablename__ or event.kind not in PRINTED_EVENTS:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在时间线上点选一次个别谈话、教育或走访"))
            return
        form_id = PRINTED_EVENTS[event.kind]
        print_form(self, self.app, form_id, event.row_id, templates.get(form_id).title, on_done=self._stepped)

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
