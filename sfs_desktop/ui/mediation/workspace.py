"""The case workspace: the shared record workspace (ui/record_workspace.py) with mediation's tabs.

Tabs follow the paper file: 当事人, 记录 (调查/调解), 协议, 回访, 卷宗, then the shared 时间线. The
header, the steps of §3.4 (greyed with the rule's sentence), the forms and the timeline are
declared in core (core/mediation/workspace.py); each button here collects a few values and calls
one core function; a refusal comes back as the rule's own sentence and the case is unchanged.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from sfs_desktop.core.mediation import casefile, casework, rules, work
from sfs_desktop.core.mediation.models import MediationRecord
from sfs_desktop.core.mediation.workspace import CaseParts
from sfs_desktop.ui.code_lists import code_source
from sfs_desktop.ui.ops import WriteOp
from sfs_desktop.ui.page_parts import RecordDialog, ask, buttons, fill_table, open_dialog, print_form, selected_id
from sfs_desktop.ui.party_field import PartyField
from sfs_desktop.ui.record_workspace import RecordWorkspace
from sfs_desktop.ui.widgets import date_edit, date_of

TERM_COLUMNS = ["义务人", "协议内容", "金额（元）", "履行期限（年-月-日）"]
TERM_KEYS = ["obligor", "content", "amount", "deadline"]


class CaseWorkspace(RecordWorkspace):
    table = "mediation_case"

    @property
    def case_id(self) -> str:
        return self.record_id

    @property
    def case(self):
        """The case as last read (its state, number, committee)."""
        return self.record

    def build_tabs(self) -> None:
        self.action_buttons: dict[str, QPushButton] = {}
        self._build_parties()
        self._build_records()
        self._build_agreement()
        self._build_visits()
        self._build_file()

    def show_parts(self, parts: CaseParts) -> None:
        self._read_parties(parts)
        self._read_records(parts)
        self._read_agreement(parts)
        self._read_visits(parts)
        self._read_file(parts)
        for key in ("add_party", "remove_party"):  # an archived or closed case keeps its parties
            self.action_buttons[key].setEnabled(parts.parties_open)
            self.action_buttons[key].setToolTip("" if parts.parties_open else self.tr("本案已办结，不能再增减当事人"))
        for w in (self.ag_form, self.ag_facts, self.ag_terms, self.ag_manner, self.add_term, self.save_button,
                  *self.ag_signed.values()):
            w.setEnabled(parts.drafting)  # the agreement is written while mediating, then it is fixed

    # --- steps -------------------------------------------------------------------------------
    def do_accept(self) -> None:
        on = date_edit(date.today())
        on.setObjectName("received")
        if ask(self, self.tr("受理"), [(self.tr("受理日期"), on)]):
            self.step(rules.accept, self.app.principal, self.case_id, date_of(on))

    def do_reject(self) -> None:
        reason = QLineEdit()
        reason.setObjectName("reason")
        if ask(self, self.tr("不予受理"), [(self.tr("不予受理的理由"), reason)]):
            self.step(rules.reject, self.app.principal, self.case_id, reason.text(), date.today())

    def do_start(self) -> None:
        chooser = QListWidget()
        chooser.setObjectName("mediators")
        for mid, mname in self.view.parts.mediators:  # serving mediators of the case's committee, as read
            item = QListWidgetItem(mname)
            item.setData(256, mid)
            item.setCheckState(Qt.CheckState.Unchecked)
            chooser.addItem(item)
        if ask(self, self.tr("指定调解员"), [(self.tr("勾选调解员"), chooser)]):
            chosen = [chooser.item(i).data(256) for i in range(chooser.count())
                      if chooser.item(i).checkState() == Qt.CheckState.Checked]
            self.step(rules.start, self.app.principal, self.case_id, chosen)

    def do_consent(self) -> None:
        on = date_edit(date.today())
        if ask(self, self.tr("双方同意继续调解"), [(self.tr("同意日期"), on)]):
            self.step(rules.record_consent, self.app.principal, self.case_id, date_of(on))

    def do_agree(self) -> None:
        deadline = date_edit(optional=True)
        deadline.setObjectName("performance_deadline")
        if ask(self, self.tr("达成协议"), [(self.tr("履行期限（当场履行可不填）"), deadline)]):
            self.step(rules.reach_agreement, self.app.principal, self.case_id, date.today(), date_of(deadline))

    def do_terminate(self) -> None:
        informed = QCheckBox(self.tr("已告知当事人可以通过仲裁、行政、司法等途径解决"))
        informed.setObjectName("informed")
        if ask(self, self.tr("终止调解"), [("", informed)]):
            self.step(rules.terminate, self.app.principal, self.case_id, date.today(),
                       informed_other_routes=informed.isChecked())

    def do_withdraw(self) -> None:
        answer = QMessageBox.question(self, self.tr("撤回"), self.tr("当事人撤回调解申请，确认办理吗？"))
        if answer == QMessageBox.StandardButton.Yes:
            self.step(rules.withdraw, self.app.principal, self.case_id, date.today())

    def do_risk(self) -> None:
        unit = QLineEdit()
        unit.setObjectName("reported_to")
        if ask(self, self.tr("报告激化风险"), [(self.tr("已报告单位"), unit)]):
            self.step(casework.record_risk, self.app.principal, self.case_id, unit.text())

    def do_confirm(self) -> None:
        on, court = date_edit(date.today()), QLineEdit(self.tr("桃江县人民法院"))
        court.setObjectName("court")
        if ask(self, self.tr("申请司法确认"), [(self.tr("申请日期"), on), (self.tr("人民法院"), court)]):
            self.step(casework.record_confirmation, self.app.principal, self.case_id, date_of(on), court.text())

    def do_archive(self) -> None:
        self.step(rules.archive, self.app.principal, self.case_id, date.today())

    # --- 当事人 ---------------------------------------------------------------------------------
    def _list_tab(self, title: str, name: str, actions: list) -> QTableWidget:
        """A tab holding a small table of the case's rows and the buttons that act on them."""
        tab = QWidget()
        box = QVBoxLayout(tab)
        table = QTableWidget(tab)
        table.setObjectName(name)
        box.addWidget(table)
        row, made = buttons(tab, actions, prefix="")
        self.action_buttons.update(made)
        box.addLayout(row)
        self.tabs.addTab(tab, self.tr(title))
        return table

    def _build_parties(self) -> None:
        self.party_table = self._list_tab("当事人", "parties", [("add_party", "添加当事人", self.add_party),
                                                                 ("remove_party", "移除当事人", self.remove_party)])

    def _read_parties(self, parts: CaseParts) -> None:
        fill_table(self.party_table, [self.tr("类别"), self.tr("姓名（名称）"), self.tr("委托代理人"),
                                      self.tr("已签名")],
                   [[*cells, self.tr("是") if signed else self.tr("否")] for _id, cells, signed in parts.parties],
                   [pid for pid, _cells, _signed in parts.parties])

    def add_party(self) -> None:
        role, party, agent = QComboBox(), PartyField(self.app, name="name"), QLineEdit()
        role.setObjectName("role")
        for code, name in code_source(self.app)("party_role"):
            role.addItem(name, code)
        if ask(self, self.tr("添加当事人"), [(self.tr("类别"), role), (self.tr("当事人（人员信息库中的人员或单位）"), party),
                                          (self.tr("委托代理人"), agent)]):
            self.step(casework.add_party, self.app.principal, self.case_id, role.currentData(), party.choice(),
                       agent.text())

    def remove_party(self) -> None:
        pid = selected_id(self.party_table)
        if pid is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一位当事人"))
            return
        self.step(casework.remove_party, self.app.principal, self.case_id, pid)

    # --- 记录 -----------------------------------------------------------------------------------
    def _build_records(self) -> None:
        self.record_table = self._list_tab("调查与调解记录", "records", [
            ("add_record", "新增记录", self.add_record), ("print_record", "打印所选记录", self.print_record)])

    def _read_records(self, parts: CaseParts) -> None:
        fill_table(self.record_table, [self.tr("类别"), self.tr("时间"), self.tr("地点"), self.tr("调查人（调解员）"),
                                       self.tr("事由")], [cells for _id, _kind, cells in parts.records],
                   [rid for rid, _kind, _cells in parts.records])
        self._record_kinds = {rid: kind for rid, kind, _cells in parts.records}

    def add_record(self) -> None:
        dialog = RecordDialog(self.app, MediationRecord, self.tr("新增记录"), work.add_record,
                              args=(self.app.principal, self.case_id), parent=self)
        if open_dialog(self, dialog):
            self.refresh()

    def print_record(self) -> None:
        rid = selected_id(self.record_table)
        if rid is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一条记录"))
            return
        form, title = (("mediation.investigation", "人民调解调查记录") if self._record_kinds[rid] == "1"
                       else ("mediation.record", "人民调解记录"))
        print_form(self, self.app, form, rid, title, on_done=self._stepped)

    # --- 协议 -----------------------------------------------------------------------------------
    def _build_agreement(self) -> None:
        tab = QWidget()
        form = QFormLayout(tab)
        self.ag_form = QComboBox(tab)
        self.ag_form.setObjectName("agreement_form")
        self.ag_form.addItem(self.tr("书面协议"), "1")
        self.ag_form.addItem(self.tr("口头协议"), "2")
        self.ag_facts = QPlainTextEdit(tab)
        self.ag_facts.setObjectName("facts")
        self.ag_terms = QTableWidget(0, len(TERM_COLUMNS), tab)
        self.ag_terms.setObjectName("terms")
        self.ag_terms.setHorizontalHeaderLabels([self.tr(c) for c in TERM_COLUMNS])
        self.ag_terms.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ag_terms.setColumnWidth(3, 150)
        more = self.add_term = QPushButton(self.tr("增加一条"), tab)
        more.setObjectName("add_term")
        more.clicked.connect(lambda: self.ag_terms.insertRow(self.ag_terms.rowCount()))
        self.ag_manner = QLineEdit(tab)
        self.ag_manner.setObjectName("manner")
        self.ag_signed = {k: QCheckBox(self.tr(t), tab) for k, t in [
            ("parties", "各方当事人已签名（盖章或按指印）"), ("mediator", "调解员已签名"), ("seal", "已加盖调委会印章")]}
        for k, box in self.ag_signed.items():
            box.setObjectName(f"signed_{k}")
        form.addRow(self.tr("协议形式"), self.ag_form)
        form.addRow(self.tr("纠纷主要事实、争议事项及各方责任"), self.ag_facts)
        form.addRow(self.tr("协议内容"), self.ag_terms)
        form.addRow("", more)
        form.addRow(self.tr("履行方式、地点、期限"), self.ag_manner)
        for box in self.ag_signed.values():
            form.addRow("", box)
        row, made = buttons(tab, [("save_agreement", "保存协议", self.save_agreement),
                                  ("print_agreement", "打印协议", self.print_agreement)], prefix="")
        self.save_button = made["save_agreement"]
        form.addRow(row)
        self.tabs.addTab(tab, self.tr("调解协议"))

    def _read_agreement(self, parts: CaseParts) -> None:
        ag = parts.agreement
        terms = ag["terms"] if ag else []
        self.ag_terms.setRowCount(max(len(terms) + 1, 3))
        for r in range(self.ag_terms.rowCount()):
            for c, key in enumerate(TERM_KEYS):
                value = terms[r].get(key) if r < len(terms) else ""
                self.ag_terms.setItem(r, c, QTableWidgetItem(str(value or "")))
        if ag is None:
            return
        self.ag_form.setCurrentIndex(self.ag_form.findData(ag["form"]))
        self.ag_facts.setPlainText(ag["facts"])
        self.ag_manner.setText(ag["manner"])
        for key, box in self.ag_signed.items():
            box.setChecked(ag[key])

    def agreement_terms(self) -> list[dict]:
        out = []
        for r in range(self.ag_terms.rowCount()):
            cells = [self.ag_terms.item(r, c) for c in range(len(TERM_KEYS))]
            out.append({k: (cell.text().strip() if cell else "") for k, cell in zip(TERM_KEYS, cells)})
        return out

    def save_agreement(self) -> WriteOp:
        return self.step(
            casework.save_agreement, self.app.principal, self.case_id, form=self.ag_form.currentData(),
            facts=self.ag_facts.toPlainText(), terms=self.agreement_terms(), manner=self.ag_manner.text(),
            parties_signed=self.ag_signed["parties"].isChecked(), mediator_signed=self.ag_signed["mediator"].isChecked(),
            seal_affixed=self.ag_signed["seal"].isChecked())

    def print_agreement(self) -> None:
        oral = self.ag_form.currentData() == "2"
        print_form(self, self.app, "mediation.oral_agreement" if oral else "mediation.agreement", self.case_id,
                   "人民调解口头协议登记表" if oral else "人民调解协议书", on_done=self._stepped)

    # --- 回访 -----------------------------------------------------------------------------------
    def _build_visits(self) -> None:
        self.visit_table = self._list_tab("回访", "visits", [("add_visit", "登记回访", self.add_visit),
                                                             ("print_visit", "打印回访记录", self.print_visit)])

    def _read_visits(self, parts: CaseParts) -> None:
        fill_table(self.visit_table, [self.tr("回访日期"), self.tr("回访对象"), self.tr("方式"), self.tr("履行情况"),
                                      self.tr("满意度")], [cells for _id, cells in parts.visits],
                   [vid for vid, _cells in parts.visits])

    def add_visit(self) -> bool:
        """The timeline's quick entry of a 回访: one form, one core path (core.mediation.work.add_visit)."""
        return self.timeline.quick_entry("visit")

    def print_visit(self) -> None:
        vid = selected_id(self.visit_table)
        if vid is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一次回访"))
            return
        print_form(self, self.app, "mediation.visit", vid, "人民调解回访记录", on_done=self._stepped)

    # --- 卷宗 -----------------------------------------------------------------------------------
    def _build_file(self) -> None:
        tab = QWidget()
        box = QVBoxLayout(tab)
        box.addWidget(QLabel(self.tr("卷内目录随打印和附件自动生成；必备文书齐全后才能归档。"), tab))
        self.file_table = QTableWidget(tab)
        self.file_table.setObjectName("contents")
        box.addWidget(self.file_table)
        row = QHBoxLayout()
        attach = QPushButton(self.tr("附加扫描件…"), tab)
        attach.setObjectName("attach")
        attach.clicked.connect(lambda: self.attach_scan())
        row.addWidget(QLabel(self.tr("文书的打印在窗口下方；纸质材料扫描后附在这里。"), tab))
        row.addWidget(attach)
        row.addStretch(1)
        box.addLayout(row)
        self.tabs.addTab(tab, self.tr("卷宗"))

    def _read_file(self, parts: CaseParts) -> None:
        entries = parts.contents
        fill_table(self.file_table, [self.tr("序号"), self.tr("文书名称"), self.tr("必备"), self.tr("情况"), self.tr("备注")],
                   [[str(i), e.title, self.tr("是") if e.required else "",
                     self.tr("已有") if e.present else self.tr("尚缺"), e.note] for i, e in enumerate(entries, 1)])
        self.missing = [e.title for e in entries if e.required and not e.present]
        for r, e in enumerate(entries):
            if e.required and not e.present:
                self.file_table.item(r, 3).setForeground(QBrush(QColor("#b00020")))

    def attach_scan(self, path: str | None = None, title: str | None = None) -> None:
        """Attach a scan under a contents-list title (asked for when not given)."""
        if title is None:
            choice = QComboBox()
            choice.setObjectName("scan_title")
            for item in casefile.STANDARD:
                choice.addItem(item.title)
            if not ask(self, self.tr("附加扫描件"), [(self.tr("文书名称"), choice)]):
                return
            title = choice.currentText()
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择扫描件"), "",
                                                  self.tr("扫描件 (*.pdf *.jpg *.jpeg *.png)"))
            if not path:
                return
        data = Path(path).read_bytes()
        self.step(casefile.attach, self.app.principal, self.case_id, title, data, Path(path).suffix,
                   blob_root=self.app.paths.attachments)
