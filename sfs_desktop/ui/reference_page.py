"""参考数据: the parameters, code tables and holiday calendar the county maintains and pushes.

At the county the 所长 edits them here; a station (and anyone without the right) sees the same
lists read-only, with 收到时间 — when the county's bundle brought each row. Every rule is core's
(`core/reference.py`): the dialogs collect plain values, run the core function on the writer
(ui/ops.py) and show its refusal in its own words, staying open.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QSpinBox, QSplitter,
                               QTableWidget, QTabWidget, QVBoxLayout, QWidget)

from sfs_desktop.core import reference
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.sync import identity
from sfs_desktop.ui.ops import WriteOp
from sfs_desktop.ui.page_parts import buttons, fill_table, ok_cancel, open_dialog, selected_id
from sfs_desktop.ui.widgets import error_label

def when(value) -> str:
    return reference.when(value, "—")


class EditDialog(QDialog):
    """A few editors and 确定: `apply()` returns (core function, *plain arguments) for the writer;
    a refusal is shown under the editors and the dialog stays open."""

    def __init__(self, app: AppSession, title: str, rows: list[tuple[str, QWidget]], apply: Callable[[], tuple],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self._apply = app, apply
        self.op: WriteOp | None = None
        self.setWindowTitle(title)
        form = QFormLayout(self)
        for label, widget in rows:
            widget.setParent(self)
            form.addRow(label, widget)
        self.message = error_label(self)
        form.addRow(self.message)
        form.addRow(ok_cancel(self, self.save))

    def save(self) -> bool:
        if self.op is not None and not self.op.finished:
            return False
        self.message.setText("")
        fn, *args = self._apply()
        self.op = (WriteOp(self, self.app, fn, self.app.principal, *args).success(lambda _r: self.accept())
                   .failure(lambda exc: self.message.setText(str(exc))).run())
        return True


def _editor(row: reference.ParamRow) -> QWidget:
    """The editor for a parameter's type, with its unit."""
    if row.type_name == "整数":
        box = QSpinBox()
        box.setRange(-999_999, 999_999)  # the declared range is core's to enforce, with its message
    elif row.type_name == "数字":
        box = QDoubleSpinBox()
        box.setRange(-999_999, 999_999)
        box.setDecimals(2)
    else:
        box = QLineEdit(str(row.value))
        box.setObjectName("value")
        return box
    box.setValue(row.value)
    if row.unit:
        box.setSuffix(f" {row.unit}")
    box.setObjectName("value")
    return box


def _value(box: QWidget) -> Any:
    return box.text() if isinstance(box, QLineEdit) else box.value()


class ReferencePage(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        self._open_dialog: QDialog | None = None
        with app.db.read() as s:
            self.editable = reference.may_edit(s, app.principal)
            county = identity.local_node(s).role == "county"
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{self.tr('参考数据')}</h3>", self))
        if self.editable:
            note = self.tr("参数、代码表和节假日安排由县司法局统一维护；修改后在下次向各司法所导出时下发。")
        elif county:
            note = self.tr("参数、代码表和节假日安排由县司法局所长维护；当前账户只能查看。")
        else:
            note = self.tr("以下参数、代码表和节假日安排由县司法局统一维护并随同步包下发，本所只能查看；"
                           "“收到时间”是导入带来该条数据的同步包的时间。")
        self.note = QLabel(note, self)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)

        self.params = QTableWidget(self)
        self.params.setObjectName("params")
        self.tabs.addTab(self._with_buttons(self.params, [("edit_param", "修改…", self.edit_param)]), self.tr("参数"))

        self.kinds = QListWidget(self)
        self.kinds.setObjectName("kinds")
        self.codes = QTableWidget(self)
        self.codes.setObjectName("codes")
        split = QSplitter(self)
        split.addWidget(self.kinds)
        split.addWidget(self._with_buttons(self.codes, [("add_code", "增加代码…", self.add_code),
                                                        ("rename_code", "改名…", self.rename_code),
                                                        ("toggle_code", "停用/启用", self.toggle_code)]))
        split.setStretchFactor(1, 1)
        self.kinds.currentRowChanged.connect(lambda _row: self.refresh_codes())
        self.tabs.addTab(split, self.tr("代码表"))

        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda _y: self.refresh_holidays())
        self.holidays = QTableWidget(self)
        self.holidays.setObjectName("holidays")
        holidays = self._with_buttons(self.holidays, [("add_holiday", "增加…", self.add_holiday),
                                                      ("remove_holiday", "删除", self.remove_holiday)])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        holidays.layout().insertLayout(0, top)
        self.tabs.addTab(holidays, self.tr("节假日"))

        self.tables = QTableWidget(self)
        self.tables.setObjectName("tables")
        self.tabs.addTab(self._with_buttons(self.tables, []), self.tr("全部表"))
        self.refresh()

    def _with_buttons(self, table: QTableWidget, actions: list[tuple[str, str, Callable]]) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        if self.editable and actions:
            layout.addLayout(buttons(self, actions, prefix="")[0])
        return box

    # --- reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.app.db.read() as s:
            params = reference.param_rows(s, self.app.principal)
            kinds = reference.code_kinds(s, self.app.principal)
            tables = reference.tables(s, self.app.principal)
        self._params = params
        fill_table(self.params, [self.tr("名称"), self.tr("值"), self.tr("默认值"), self.tr("参数"),
                                 self.tr("修改时间"), self.tr("收到时间")],
                   [[p.label, f"{p.value} {p.unit}".strip(), f"{'' if p.default is None else p.default} {p.unit}".strip(),
                     p.key, when(p.changed_at), when(p.received_at)] for p in params], [p.key for p in params])
        chosen = self.current_kind()
        self.kinds.blockSignals(True)
        self.kinds.clear()
        for k in kinds:
            item = QListWidgetItem(f"{k.label}（{k.kind}）")
            item.setData(256, k.kind)
            self.kinds.addItem(item)
        self.kinds.blockSignals(False)
        kinds_order = [k.kind for k in kinds]
        self.kinds.setCurrentRow(kinds_order.index(chosen) if chosen in kinds_order else 0)
        self.refresh_codes()
        self.refresh_holidays()
        fill_table(self.tables, [self.tr("名称"), self.tr("数据表"), self.tr("条数"), self.tr("最近修改"),
                                 self.tr("最近收到")],
                   [[t.title, t.name, str(t.rows), when(t.changed_at), when(t.received_at)] for t in tables])

    def current_kind(self) -> str | None:
        item = self.kinds.currentItem()
        return item.data(256) if item is not None else None

    def refresh_codes(self) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        with self.app.db.read() as s:
            rows = reference.code_rows(s, self.app.principal, kind)
        fill_table(self.codes, [self.tr("代码"), self.tr("名称"), self.tr("状态"), self.tr("修改时间"), self.tr("收到时间")],
                   [[r.code, r.name, self.tr("启用") if r.active else self.tr("停用"), when(r.changed_at),
                     when(r.received_at)] for r in rows], [r.code for r in rows])

    def refresh_holidays(self) -> None:
        with self.app.db.read() as s:
            rows = reference.holiday_rows(s, self.app.principal, self.year.value())
        fill_table(self.holidays, [self.tr("日期"), self.tr("类型"), self.tr("说明"), self.tr("修改时间"),
                                   self.tr("收到时间")],
                   [[r.day.isoformat(), r.kind_name, r.note, when(r.changed_at), when(r.received_at)] for r in rows],
                   [r.day.isoformat() for r in rows])

    def data_changed(self, tables: frozenset[str]) -> None:
        """After a write touching reference data: an edit here, or an import that brought some."""
        if tables & {*reference.county_tables(), "sync_received"}:
            self.refresh()

    # --- editing (the county's 所长) ---------------------------------------------------------------
    def _edit(self, title: str, rows: list[tuple[str, QWidget]], apply: Callable[[], tuple]) -> bool:
        return open_dialog(self, EditDialog(self.app, title, rows, apply, self))

    def _pick(self, table: QTableWidget, what: str) -> str | None:
        chosen = selected_id(table)
        if chosen is None:
            QMessageBox.information(self, self.tr("参考数据"), self.tr("请先选择%1").replace("%1", what))
        return chosen

    def edit_param(self) -> bool:
        key = self._pick(self.params, self.tr("参数"))
        if key is None:
            return False
        row = next(p for p in self._params if p.key == key)
        box = _editor(row)
        hint = "、".join(t for t in (f"{self.tr('不小于')} {row.low:g}" if row.low is not None else "",
                                    f"{self.tr('不大于')} {row.high:g}" if row.high is not None else "") if t)
        rows = [(self.tr("参数"), QLabel(row.label)), (self.tr("值"), box),
                (self.tr("默认值"), QLabel(f"{row.default} {row.unit}".strip()))]
        if hint:
            rows.append((self.tr("范围"), QLabel(hint)))
        return self._edit(self.tr("修改参数"), rows, lambda: (reference.set_param, key, str(_value(box))))

    def add_code(self) -> bool:
        kind = self.current_kind()
        code, name = QLineEdit(), QLineEdit()
        code.setObjectName("code")
        name.setObjectName("name")
        return self._edit(self.tr("增加代码"), [(self.tr("代码"), code), (self.tr("名称"), name)],
                          lambda: (reference.add_code, kind, code.text(), name.text()))

    def rename_code(self) -> bool:
        kind, code = self.current_kind(), self._pick(self.codes, self.tr("代码"))
        if code is None:
            return False
        name = QLineEdit(self.codes.item(self.codes.currentRow(), 1).text())
        name.setObjectName("name")
        return self._edit(self.tr("修改代码名称"), [(self.tr("代码"), QLabel(code)), (self.tr("名称"), name)],
                          lambda: (reference.rename_code, kind, code, name.text()))

    def toggle_code(self):
        kind, code = self.current_kind(), self._pick(self.codes, self.tr("代码"))
        if code is None:
            return None
        active = self.codes.item(self.codes.currentRow(), 2).text() != self.tr("启用")
        return (WriteOp(self, self.app, reference.set_code_active, self.app.principal, kind, code, active)
                .refused(self.tr("不能修改代码")).run())

    def add_holiday(self) -> bool:
        day = QDateEdit(QDate(self.year.value(), 1, 1))
        day.setObjectName("day")
        day.setCalendarPopup(True)
        day.setDisplayFormat("yyyy-MM-dd")
        kind = QComboBox()
        kind.setObjectName("kind")
        for code, name in reference.HOLIDAY_KINDS.items():
            kind.addItem(name, code)
        note = QLineEdit()
        note.setObjectName("note")
        note.setMaxLength(32)
        done = self._edit(self.tr("增加节假日安排"), [(self.tr("日期"), day), (self.tr("类型"), kind), (self.tr("说明"), note)],
                          lambda: (reference.add_holiday, day.date().toPython(), kind.currentData(), note.text()))
        if done:
            self.app.db.refresh_calendar()
        return done

    def remove_holiday(self):
        day = self._pick(self.holidays, self.tr("日期"))
        if day is None:
            return None
        if QMessageBox.question(self, self.tr("删除节假日安排"),
                                self.tr("删除 %1 的节假日安排？").replace("%1", day)) != QMessageBox.StandardButton.Yes:
            return None
        return (WriteOp(self, self.app, reference.remove_holiday, self.app.principal, day)
                .success(lambda _r: self.app.db.refresh_calendar()).refused(self.tr("不能删除")).run())
