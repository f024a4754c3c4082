"""The case workspace: one case, its state and limit at the top, its steps as buttons, its parts in tabs.

Tabs follow the paper file: 当事人, 记录 (调查/调解), 协议, 回访, 卷宗. Each button collects a few
values and calls one core function; a refusal comes back as the rule's own sentence and the
case is unchanged. After every step the whole view is read again from the database.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from sfs_desktop.core import codes
from sfs_desktop.core.mediation import casefile, casework, queries, rules, work
from sfs_desktop.core.mediation.documents import dispute_name
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationCase, MediationCommittee, MediationRecord
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import WriteOp
from sfs_desktop.ui.page_parts import (RecordDialog, ask, buttons, fill_table, open_dialog, print_form, selected_id,
                                       write)
from sfs_desktop.ui.party_field import PartyField
from sfs_desktop.ui.widgets import date_edit, date_of

STEPS = [  # key, button text, statuses in which it applies
    ("accept", "受理", ("draft",)), ("reject", "不予受理", ("draft",)), ("start", "指定调解员", ("accepted",)),
    ("consent", "记录同意继续调解", ("mediating",)), ("agree", "达成协议", ("mediating",)),
    ("terminate", "终止调解", ("mediating",)), ("withdraw", "撤回", ("accepted", "mediating")),
    ("risk", "报告激化风险", ("draft", "accepted", "mediating", "agreed", "follow_up")),
    ("confirm", "记录司法确认", ("agreed", "follow_up")),
    ("archive", "归档", ("agreed", "follow_up", "terminated", "withdrawn", "rejected")),
]
CASE_FORMS = [("mediation.cover", "卷宗封面（含封底）"), ("mediation.contents", "卷内目录"),
              ("mediation.application", "人民调解申请书"), ("mediation.registration", "人民调解受理登记表"),
              ("mediation.notice", "当事人权利义务告知书"), ("mediation.closing", "人民调解结案报告表")]
TERM_COLUMNS = ["义务人", "协议内容", "金额（元）", "履行期限（年-月-日）"]
TERM_KEYS = ["obligor", "content", "amount", "deadline"]


def _record_visit(s, who, case_id: str, values: dict):
    return rules.record_visit(s, who, case_id, FollowUpVisit(**values, case_id=case_id))


class CaseWorkspace(QDialog):
    def __init__(self, app: AppSession, case_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.case_id = app, case_id
        self.setWindowTitle(self.tr("调解案件"))
        self.resize(900, 640)
        layout = QVBoxLayout(self)
        self.header = QLabel(self)
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        bar = QHBoxLayout()
        self.steps: dict[str, QPushButton] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        for key, text, _when in STEPS:
            b = QPushButton(self.tr(text), self)
            b.setObjectName(f"step_{key}")
            b.clicked.connect(getattr(self, f"do_{key}"))
            self.steps[key] = b
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_parties()
        self._build_records()
        self._build_agreement()
        self._build_visits()
        self._build_file()
        self.refresh()

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        today = date.today()
        with self.app.db.read() as s:
            case = s.get(MediationCase, self.case_id)
            committee = s.get(MediationCommittee, case.committee_id)
            self.case = case
            due = rules.due_to_finish(case)
            bits = [f"<b>{case.case_no or self.tr('登记草稿（受理后编号）')}</b>",
                    f"{dispute_name(s, case)}", f"{self.tr('状态')}：{rules.STATUS_NAMES[case.status]}",
                    f"{self.tr('调解委员会')}：{committee.name if committee else ''}"]
            if case.received_date:
                bits.append(f"{self.tr('受理日期')}：{case.received_date:%Y-%m-%d}")
            if case.escalation_risk:
                bits.append(f"<span style='color:#b00020'>{self.tr('有激化风险')}"
                            f"（{self.tr('已报告')}{case.escalation_reported_to or ''}）</span>")
            if case.confirmation_applied_on:
                bits.append(f"{self.tr('已申请司法确认')}：{case.confirmation_applied_on:%Y-%m-%d}")
            if due and case.status in rules.OPEN:
                late = casework.is_overdue(case, today)
                style = " style='color:#b00020'" if late else ""
                bits.append(f"<span{style}>{self.tr('办理期限')}：{due:%Y-%m-%d}"
                            f"{self.tr('（已超期，须双方同意继续调解）') if late else ''}</span>")
            self.header.setText("　".join(bits))
            self._read_parties(s)
            self._read_records(s)
            self._read_agreement(s)
            self._read_visits(s)
            self._read_file(s, case)
        for key, _text, when in STEPS:
            self.steps[key].setEnabled(case.status in when)
        parties_open = case.status in casework.PARTY_STEPS  # an archived or closed case keeps its parties
        for key in ("add_party", "remove_party"):
            self.action_buttons[key].setEnabled(parties_open)
            self.action_buttons[key].setToolTip("" if parties_open else self.tr("本案已办结，不能再增减当事人"))
        drafting = case.status == "mediating"  # the agreement is written while mediating, then it is fixed
        for w in (self.ag_form, self.ag_facts, self.ag_terms, self.ag_manner, self.add_term, self.save_button,
                  *self.ag_signed.values()):
            w.setEnabled(drafting)

    def _step(self, fn, *args, **kwargs) -> WriteOp:
        """One write of core's `fn(session, *args, **kwargs)` off the UI thread; the view is read
        again only when it happened, so a refusal keeps what was typed."""
        return write(self, self.app, fn, *args, on_done=self._stepped, **kwargs)

    def _stepped(self, _result) -> None:
        self.refresh()

    # --- steps -------------------------------------------------------------------------------
    def do_accept(self) -> None:
        on = date_edit(date.today())
        on.setObjectName("received")
        if ask(self, self.tr("受理"), [(self.tr("受理日期"), on)]):
            self._step(rules.accept, self.app.principal, self.case_id, date_of(on))

    def do_reject(self) -> None:
        reason = QLineEdit()
        reason.setObjectName("reason")
        if ask(self, self.tr("不予受理"), [(self.tr("不予受理的理由"), reason)]):
            self._step(rules.reject, self.app.principal, self.case_id, reason.text(), date.today())

    def do_start(self) -> None:
        chooser = QListWidget()
        chooser.setObjectName("mediators")
        with self.app.db.read() as s:
            for mid, mname in queries.serving_mediators(s, self.app.principal, self.case.committee_id):
                item = QListWidgetItem(mname)
                item.setData(256, mid)
                item.setCheckState(Qt.CheckState.Unchecked)
                chooser.addItem(item)
        if ask(self, self.tr("指定调解员"), [(self.tr("勾选调解员"), chooser)]):
            chosen = [chooser.item(i).data(256) for i in range(chooser.count())
                      if chooser.item(i).checkState() == Qt.CheckState.Checked]
            self._step(rules.start, self.app.principal, self.case_id, chosen)

    def do_consent(self) -> None:
        on = date_edit(date.today())
        if ask(self, self.tr("双方同意继续调解"), [(self.tr("同意日期"), on)]):
            self._step(rules.record_consent, self.app.principal, self.case_id, date_of(on))

    def do_agree(self) -> None:
        deadline = date_edit(optional=True)
        deadline.setObjectName("performance_deadline")
        if ask(self, self.tr("达成协议"), [(self.tr("履行期限（当场履行可不填）"), deadline)]):
            self._step(rules.reach_agreement, self.app.principal, self.case_id, date.today(), date_of(deadline))

    def do_terminate(self) -> None:
        informed = QCheckBox(self.tr("已告知当事人可以通过仲裁、行政、司法等途径解决"))
        informed.setObjectName("informed")
        if ask(self, self.tr("终止调解"), [("", informed)]):
            self._step(rules.terminate, self.app.principal, self.case_id, date.today(),
                       informed_other_routes=informed.isChecked())

    def do_withdraw(self) -> None:
        answer = QMessageBox.question(self, self.tr("撤回"), self.tr("当事人撤回调解申请，确认办理吗？"))
        if answer == QMessageBox.StandardButton.Yes:
            self._step(rules.withdraw, self.app.principal, self.case_id, date.today())

    def do_risk(self) -> None:
        unit = QLineEdit()
        unit.setObjectName("reported_to")
        if ask(self, self.tr("报告激化风险"), [(self.tr("已报告单位"), unit)]):
            self._step(casework.record_risk, self.app.principal, self.case_id, unit.text())

    def do_confirm(self) -> None:
        on, court = date_edit(date.today()), QLineEdit(self.tr("桃江县人民法院"))
        court.setObjectName("court")
        if ask(self, self.tr("申请司法确认"), [(self.tr("申请日期"), on), (self.tr("人民法院"), court)]):
            self._step(casework.record_confirmation, self.app.principal, self.case_id, date_of(on), court.text())

    def do_archive(self) -> None:
        self._step(rules.archive, self.app.principal, self.case_id, date.today())

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

    def _read_parties(self, s) -> None:
        rows, ids = [], []
        for p in rules.parties(s, self.case_id):
            who = s.get(Person, p.person_id) if p.person_id else s.get(Organization, p.organization_id)
            rows.append([codes.code_name(s, "party_role", p.role), who.name if who else "", p.agent_name or "",
                         self.tr("是") if p.signed else self.tr("否")])
            ids.append(p.id)
        fill_table(self.party_table, [self.tr("类别"), self.tr("姓名（名称）"), self.tr("委托代理人"),
                                      self.tr("已签名")], rows, ids)

    def add_party(self) -> None:
        role, party, agent = QComboBox(), PartyField(self.app, name="name"), QLineEdit()
        role.setObjectName("role")
        with self.app.db.read() as s:
            for c in codes.codes(s, "party_role"):
                role.addItem(c.name, c.code)
        if ask(self, self.tr("添加当事人"), [(self.tr("类别"), role), (self.tr("当事人（人员信息库中的人员或单位）"), party),
                                          (self.tr("委托代理人"), agent)]):
            self._step(casework.add_party, self.app.principal, self.case_id, role.currentData(), party.choice(),
                       agent.text())

    def remove_party(self) -> None:
        pid = selected_id(self.party_table)
        if pid is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一位当事人"))
            return
        self._step(casework.remove_party, self.app.principal, self.case_id, pid)

    # --- 记录 -----------------------------------------------------------------------------------
    def _build_records(self) -> None:
        self.record_table = self._list_tab("调查与调解记录", "records", [
            ("add_record", "新增记录", self.add_record), ("print_record", "打印所选记录", self.print_record)])

    def _read_records(self, s) -> None:
        recs = queries.case_records(s, self.app.principal, self.case_id)
        fill_table(self.record_table, [self.tr("类别"), self.tr("时间"), self.tr("地点"), self.tr("调查人（调解员）"),
                                       self.tr("事由")],
                   [[codes.code_name(s, "mediation_record_kind", r.kind), f"{r.held_on:%Y-%m-%d}", r.place,
                     r.conducted_by, r.subject or ""] for r in recs], [r.id for r in recs])
        self._record_kinds = {r.id: r.kind for r in recs}

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

    def _read_agreement(self, s) -> None:
        ag = rules.agreement(s, self.case_id)
        terms = ag.terms if ag else []
        self.ag_terms.setRowCount(max(len(terms) + 1, 3))
        for r in range(self.ag_terms.rowCount()):
            for c, key in enumerate(TERM_KEYS):
                value = terms[r].get(key) if r < len(terms) else ""
                self.ag_terms.setItem(r, c, QTableWidgetItem(str(value or "")))
        if ag is None:
            return
        self.ag_form.setCurrentIndex(self.ag_form.findData(ag.form))
        self.ag_facts.setPlainText(ag.facts)
        self.ag_manner.setText(ag.manner or "")
        ps = rules.parties(s, self.case_id)
        self.ag_signed["parties"].setChecked(bool(ps) and all(p.signed for p in ps))
        self.ag_signed["mediator"].setChecked(ag.mediator_signed)
        self.ag_signed["seal"].setChecked(ag.seal_affixed)

    def agreement_terms(self) -> list[dict]:
        out = []
        for r in range(self.ag_terms.rowCount()):
            cells = [self.ag_terms.item(r, c) for c in range(len(TERM_KEYS))]
            out.append({k: (cell.text().strip() if cell else "") for k, cell in zip(TERM_KEYS, cells)})
        return out

    def save_agreement(self) -> WriteOp:
        return self._step(
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

    def _read_visits(self, s) -> None:
        visits = queries.case_visits(s, self.app.principal, self.case_id)
        fill_table(self.visit_table, [self.tr("回访日期"), self.tr("回访对象"), self.tr("方式"), self.tr("履行情况"),
                                      self.tr("满意度")],
                   [[f"{v.visit_date:%Y-%m-%d}", v.visitee, codes.code_name(s, "visit_method", v.method),
                     codes.code_name(s, "performance", v.performance),
                     codes.code_name(s, "satisfaction", v.satisfaction)] for v in visits], [v.id for v in visits])

    def add_visit(self) -> None:
        dialog = RecordDialog(self.app, FollowUpVisit, self.tr("登记回访"), _record_visit,
                              args=(self.app.principal, self.case_id), parent=self)
        if open_dialog(self, dialog):
            self.refresh()

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
        self.form_choice = QComboBox(tab)
        self.form_choice.setObjectName("form_choice")
        for form_id, title in CASE_FORMS:
            self.form_choice.addItem(self.tr(title), form_id)
        print_button = QPushButton(self.tr("打印"), tab)
        print_button.setObjectName("print_case_form")
        print_button.clicked.connect(self.print_case_form)
        attach = QPushButton(self.tr("附加扫描件…"), tab)
        attach.setObjectName("attach")
        attach.clicked.connect(lambda: self.attach_scan())
        row.addWidget(self.form_choice)
        row.addWidget(print_button)
        row.addWidget(attach)
        row.addStretch(1)
        box.addLayout(row)
        self.tabs.addTab(tab, self.tr("卷宗"))

    def _read_file(self, s, case) -> None:
        entries = casefile.contents(s, case)
        fill_table(self.file_table, [self.tr("序号"), self.tr("文书名称"), self.tr("必备"), self.tr("情况"), self.tr("备注")],
                   [[str(i), e.title, self.tr("是") if e.required else "",
                     self.tr("已有") if e.present else self.tr("尚缺"), e.note] for i, e in enumerate(entries, 1)])
        self.missing = [e.title for e in entries if e.required and not e.present]
        for r, e in enumerate(entries):
            if e.required and not e.present:
                self.file_table.item(r, 3).setForeground(QBrush(QColor("#b00020")))

    def print_case_form(self) -> None:
        title = self.form_choice.currentText()
        print_form(self, self.app, self.form_choice.currentData(), self.case_id, title, on_done=self._stepped)

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
        self._step(casefile.attach, self.app.principal, self.case_id, title, data, Path(path).suffix,
                   blob_root=self.app.paths.attachments)
