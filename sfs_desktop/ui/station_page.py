"""所务管理: the station's staff roster and its villages (行政村/社区), each a register with forms
built from the declarations, and an import from xlsx/csv with a preview (ui/import_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from sfs_desktop.core.station import areas, staff
from sfs_desktop.core.station.models import AdminArea, Staff
from sfs_desktop.ui.import_dialog import RosterImport, add_buttons
from sfs_desktop.ui.page_parts import RecordDialog, RegisterTab, write

AREA_FIELDS = ["code", "name", "level"]


class StaffTab(RegisterTab):
    """工作人员名册: add, edit, take off duty (the entry stays), import."""

    model_class = Staff
    key = "staff"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.importer = RosterImport(self, app, "staff", self.reload)
        toggle = QPushButton(self.tr("离岗/恢复在岗"), self)
        toggle.setObjectName("btn_active")
        toggle.clicked.connect(self.toggle_active)
        self.buttons["active"] = toggle
        bar = self.layout_.itemAt(1).layout()
        bar.insertWidget(bar.count() - 1, toggle)
        add_buttons(self, self.importer)

    def new_record(self) -> None:
        self._done(RecordDialog(self.app, Staff, self.tr("新增工作人员"), staff.save_staff,
                                args=(self.app.principal,), parent=self))

    def edit_dialog(self, row):
        return RecordDialog(self.app, Staff, self.tr("修改工作人员：") + row.name, staff.save_staff,
                            args=(self.app.principal,), kwargs={"staff_id": row.id}, record=row, parent=self)

    def toggle_active(self) -> None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一行"))
            return
        with self.app.db.read() as s:
            row = s.get(Staff, self.selected_id)
            name, active = row.name, row.active
        question = self.tr("将“%1”标为离岗（调离、退休等）？名册中保留其记录。") if active else self.tr("将“%1”恢复为在岗？")
        if QMessageBox.question(self, self.tr("请确认"), question.replace("%1", name)) != QMessageBox.StandardButton.Yes:
            return
        write(self, self.app, staff.set_active, self.app.principal, self.selected_id, not active,
              on_done=lambda _row: self.reload())

    def reload(self) -> None:
        self.model.refresh(self.model.query)
        self.update_notice()

    def update_notice(self) -> None:
        self.notice.setText(self.tr("填了身份证号的，出生日期和性别由号码得出；具有法律职业资格的须填资格证号。"
                                    "离岗的人员保留在名册中。导入时以身份证号（未填的以姓名和出生日期）认定同一人，"
                                    "重复导入不会重复登记。"))


class AreasTab(RegisterTab):
    """村（社区）: by 统计用区划代码; a village in use may be renamed but not re-coded or deleted."""

    model_class = AdminArea
    key = "admin_area"

    def __init__(self, app, parent=None):
        super().__init__(app, parent)
        self.importer = RosterImport(self, app, "areas", self.reload)
        delete = QPushButton(self.tr("删除"), self)
        delete.setObjectName("btn_delete")
        delete.clicked.connect(self.delete_selected)
        self.buttons["delete"] = delete
        bar = self.layout_.itemAt(1).layout()
        bar.insertWidget(bar.count() - 1, delete)
        add_buttons(self, self.importer)
        self.view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0" * 16))  # 12-digit codes in full

    def new_record(self) -> None:
        dialog = RecordDialog(self.app, AdminArea, self.tr("新增村（社区）"), areas.save_area,
                              args=(self.app.principal,), only=AREA_FIELDS, parent=self)
        dialog.form.editors["level"].set_value("village")
        self._done(dialog)

    def edit_dialog(self, row):
        return RecordDialog(self.app, AdminArea, self.tr("修改村（社区）：") + row.name, areas.save_area,
                            args=(self.app.principal,), kwargs={"area_id": row.id}, only=AREA_FIELDS,
                            record=row, parent=self)

    def delete_selected(self) -> None:
        if self.selected_id is None:
            QMessageBox.information(self, self.tr("请选择"), self.tr("请先在列表中点选一行"))
            return
        if QMessageBox.question(self, self.tr("请确认"), self.tr("删除选中的村（社区）？已被人员、调解组织等引用的不能删除。")) \
                != QMessageBox.StandardButton.Yes:
            return
        write(self, self.app, areas.delete_area, self.app.principal, self.selected_id, title=self.tr("不能删除"),
              on_done=lambda _none: self.deleted())

    def deleted(self) -> None:
        self.selected_id = None
        self.reload()

    def reload(self) -> None:
        self.model.refresh(self.model.query)
        self.update_notice()

    def update_notice(self) -> None:
        self.notice.setText(self.tr("区划代码为 12 位统计用区划代码，须属于本乡镇。已被引用的村（社区）可以改名，"
                                    "但不能改代码或删除。"))


class StationPage(QWidget):
    """所务管理 as tabs: 工作人员, 村（社区）."""

    def __init__(self, app, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h3>所务管理</h3>"), self))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("management_tabs")
        self.staff = StaffTab(app, self.tabs)
        self.areas = AreasTab(app, self.tabs)
        self.tabs.addTab(self.staff, self.tr("工作人员"))
        self.tabs.addTab(self.areas, self.tr("村（社区）"))
        layout.addWidget(self.tabs, 1)

    def _tab(self, table: str) -> RegisterTab:
        return self.areas if table == "admin_area" else self.staff

    def new_record(self) -> None:
        self.tabs.currentWidget().new_record()

    def open_record(self, table: str, row_id: str) -> None:
        tab = self._tab(table)
        self.tabs.setCurrentWidget(tab)
        tab.select(row_id)
        tab.edit_selected()
