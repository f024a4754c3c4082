"""县局交办 in the GUI: the county's 交办 dialog (a station, a record type the duties declare, and
the form its field declarations make), and the list of what was handed over — at the county,
to whom and whether it arrived and is being handled; at a station, what it received."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QTableWidget, QVBoxLayout, QWidget

from sfs_desktop.core import duties
from sfs_desktop.core.db.synced import synced_tables
from sfs_desktop.core.fields import Widget, specs
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import assign, assigned, identity
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.code_lists import code_checker, code_source
from sfs_desktop.ui.forms import RecordForm
from sfs_desktop.ui.page_parts import RecordDialog, ask, buttons, fill_table, open_dialog

PERSON_FIELDS = ("name", "gender", "birth_date", "id_type", "id_number", "household_address", "residence_address",
                 "phone")
"""What the county enters of the person a record names (the rest the station completes)."""


def _when(value) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "—"


class AssignDialog(RecordDialog):
    """交办: which station, then the record's own form; saved by core's `assign_one` on the writer."""

    def __init__(self, app: AppSession, table: str, stations: list[tuple[str, str]], station: str | None = None,
                 parent: QWidget | None = None):
        self.station = QComboBox()
        self.station.setObjectName("station")
        for code, name in stations:
            self.station.addItem(f"{name}（{code}）", code)
        if station is not None and self.station.findData(station) >= 0:
            self.station.setCurrentIndex(self.station.findData(station))
        self.table = table
        declared = duties.assignables()[table][1]
        model = synced_tables()[table]
        note = QLabel()
        note.setWordWrap(True)
        note.setText(self.tr("保存后，该记录归所选司法所所有，在下次为该所导出同步包时送达；该所导入后即可办理。"))
        extra: list[tuple[str, QWidget]] = [(self.tr("交办给"), self.station), ("", note)]
        only = ([s.name for s in specs(model) if s.name not in declared.derived and s.widget is not Widget.HIDDEN]
                if declared.derived else None)  # computed by the duty's rules, shown below as typed
        self.derived = QLabel()
        self.derived.setObjectName("derived")
        self.person_form: RecordForm | None = None
        if declared.person:  # the record names a person: entered here, found or created at the station by core
            self.person_form = RecordForm(Person, code_source(app), only=list(PERSON_FIELDS),
                                          code_exists=code_checker(app))
            self.person_form.setObjectName("person_form")
            extra.append((self.tr("人员"), self.person_form))
            only = [s.name for s in specs(model)  # the person's name is entered once, in the person's form
                    if s.name != declared.person and s.name not in PERSON_FIELDS and s.widget is not Widget.HIDDEN
                    and s.name not in declared.derived]
        if declared.derive:
            extra.append((self.tr("按规则计算"), self.derived))
        super().__init__(app, model, declared.label, assign.assign_one, only=only, extra=extra, parent=parent)
        self.setObjectName("assign_dialog")
        if declared.derive:
            self.form.changed.connect(self.show_derived)
            self.show_derived()

    def show_derived(self) -> None:
        """What the duty computes from the values typed so far (帮教期止 from the release date), read in core."""
        self.derive_op = (TaskOp(self, self.app, _derived, self.app.db, self.table, self.form.values())
                          .success(lambda pairs: self.derived.setText(
                              "　".join(f"{label}：{value}" for label, value in pairs) or self.tr("（填写后显示）")))
                          .run())

    def confirm(self) -> bool:
        person_ok = self.person_form.confirm() if self.person_form is not None else True
        return self.form.confirm() and person_ok

    def values(self) -> dict:
        values = super().values()
        if self.person_form is not None:  # the person's own fields, by name: core takes them out again
            person = {k: v for k, v in self.person_form.values().items() if v is not None}
            values = {**person, **values}
        return values

    def save_args(self) -> tuple[tuple, dict]:
        return (self.app.principal, self.table, self.station.currentData()), {}


def _derived(db, table: str, values: dict) -> list[tuple[str, str]]:
    with db.read() as s:
        return assign.derived(s, table, values)


def open_assign(owner: QWidget, app: AppSession, station: str | None = None) -> AssignDialog | None:
    """The county's 交办 action: the record type first when duties declare more than one."""
    types = duties.assignables()
    with app.db.read() as s:
        stations = assign.stations(s)
    if not types or not stations:
        QMessageBox.information(owner, owner.tr("交办"), owner.tr("名册中还没有可交办的司法所，或没有可交办的记录类型"))
        return None
    table = next(iter(types))
    if len(types) > 1:
        kind = QComboBox()
        kind.setObjectName("kind")
        for name, (duty, a) in types.items():
            kind.addItem(f"{duty.title}：{a.label}", name)
        if not ask(owner, owner.tr("交办"), [(owner.tr("交办什么"), kind)]):
            return None
        table = kind.currentData()
    dialog = AssignDialog(app, table, stations, station, owner)
    owner.last_assign = dialog
    open_dialog(owner, dialog)
    return dialog


def _read(db, who, county: bool, tables):
    with db.read() as s:
        return assigned.handed_over(s, who) if county else assigned.received(s, who, tables)


class AssignedTab(QWidget):
    """县局交办: at a station what it received (double-click opens the record), at the county what
    it handed over, with 交办…; `tables` limits it to one duty's record types."""

    record_chosen = Signal(str, str)

    def __init__(self, app: AppSession, parent=None, tables: tuple[str, ...] | None = None):
        super().__init__(parent)
        self.app, self.tables = app, tables
        with app.db.read() as s:
            self.county = identity.local_node(s).role == "county"
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("县司法局交办给各所的事项：交给谁、该所是否已签收（已导入并回执）、是否已着手办理。")
                                if self.county else
                                self.tr("县司法局交办给本所的事项（随县局同步包送达）。双击打开该记录办理；"
                                        "办理后状态变为“处理中”，并在下次同步时报县局。"), self))
        self.table = QTableWidget(self)
        self.table.setObjectName("assigned")
        self.table.cellDoubleClicked.connect(self._choose)
        layout.addWidget(self.table, 1)
        specs = [("assign", "交办…", self.assign)] if self.county else []
        bar, self.buttons = buttons(self, specs + [("refresh", "刷新", self.refresh)])
        layout.addLayout(bar)
        self.rows: list[assigned.Handed] = []
        self.refresh()

    def refresh(self) -> TaskOp:
        self.op = (TaskOp(self, self.app, _read, self.app.db, self.app.principal, self.county, self.tables)
                   .success(self._show).run())
        return self.op

    def _show(self, rows: list) -> None:
        self.rows = rows
        if self.county:
            fill_table(self.table, [self.tr("交办时间"), self.tr("司法所"), self.tr("类型"), self.tr("内容"),
                                    self.tr("限期"), self.tr("签收"), self.tr("办理"), self.tr("交办人")],
                       [[_when(h.assigned_at), f"{h.station_name}（{h.station}）", h.kind, h.what,
                         f"{h.due:%Y-%m-%d}" if h.due else "", h.delivery_label, h.status_label,
                         h.assigned_by] for h in rows], [h.row_id for h in rows])
        else:
            fill_table(self.table, [self.tr("收到时间"), self.tr("类型"), self.tr("内容"), self.tr("限期"), self.tr("状态")],
                       [[_when(h.received_at), h.kind, h.what, f"{h.due:%Y-%m-%d}" if h.due else "",
                         h.status_label] for h in rows], [h.row_id for h in rows])
        for r, h in enumerate(rows):
            if not h.handled:  # what still waits for the station, in bold
                for c in range(self.table.columnCount()):
                    font = self.table.item(r, c).font()
                    font.setBold(True)
                    self.table.item(r, c).setFont(font)
        self.table.resizeColumnsToContents()  # again: bold text is wider

    def _choose(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows) and not self.county:
            h = self.rows[row]
            self.record_chosen.emit(h.table, h.row_id)

    def assign(self) -> None:
        dialog = open_assign(self, self.app)
        if dialog is not None and dialog.saved is not None:
            self.refresh()

    def data_changed(self, tables: frozenset[str]) -> None:
        if tables & set(self.tables or duties.assignables()) or "sync_peer" in tables:
            self.refresh()

