"""A field naming a person or unit of the registry: type the name, or 选择… among namesakes.

The chooser lists everyone bearing the name, told apart by masked ID number, birth date and
village (core/people/parties.py), and can register the one who is missing without leaving the
form. What the field hands to core is the chosen record, or the typed name when none was chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from sfs_desktop.core.people import organizations
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.people.parties import Candidate, PartyRef, candidates
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.page_parts import RecordDialog, buttons, ok_cancel, open_dialog
from sfs_desktop.ui.widgets import error_label


class PartyChooser(QDialog):
    def __init__(self, app: AppSession, name: str, *, people_only: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.people_only = app, people_only
        self.chosen: Candidate | None = None
        self.setWindowTitle(self.tr("选择人员") if people_only else self.tr("选择人员或单位"))
        layout = QVBoxLayout(self)
        self.query = QLineEdit(name.strip(), self)
        self.query.setObjectName("query")
        self.query.setPlaceholderText(self.tr("姓名或单位名称，回车查找"))
        self.query.returnPressed.connect(self.find)
        layout.addWidget(self.query)
        self.list = QListWidget(self)
        self.list.setObjectName("candidates")
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.message = error_label(self)
        layout.addWidget(self.message)
        actions = [("person", "登记新人员", self.register_person)]
        if not people_only:
            actions.append(("unit", "登记新单位", self.register_unit))
        row, self.buttons = buttons(self, actions)
        layout.addLayout(row)
        layout.addWidget(ok_cancel(self, self.accept, self.tr("选定")))
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 22)
        self.find()

    def find(self, select: PartyRef | None = None) -> None:
        name = self.query.text().strip()
        with self.app.db.read() as s:
            found = [c for c in candidates(s, name) if not (self.people_only and c.ref.person_id is None)]
        self.list.clear()
        for c in found:
            item = QListWidgetItem(f"{c.name}　{c.detail}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, c)
            if c.ref == select or len(found) == 1:
                self.list.setCurrentItem(item)
        if not name:
            self.message.setText(self.tr("请输入姓名或单位名称"))
        elif not found:
            self.message.setText(self.tr("人员信息库中没有“%1”，可以在这里登记。").replace("%1", name))
        else:
            self.message.setText(self.tr("同名的有 %1 个，请按证件号码、出生日期区分后选定。").replace("%1", str(len(found)))
                                 if len(found) > 1 else "")

    def register_person(self) -> None:
        from sfs_desktop.ui.people_page import PersonDialog

        dialog = PersonDialog(self.app, parent=self, name=self.query.text())
        if open_dialog(self, dialog):
            self._found_again(PartyRef(person_id=dialog.person_id), dialog.form.values().get("name"))

    def register_unit(self) -> None:
        dialog = RecordDialog(self.app, Organization, self.tr("新增单位"), organizations.save_organization,
                              args=(self.app.principal,), parent=self)
        dialog.form.editors["name"].set_value(self.query.text().strip())
        if open_dialog(self, dialog):
            self._found_again(PartyRef(organization_id=dialog.saved.id), dialog.saved.name)

    def _found_again(self, ref: PartyRef, name: str | None) -> None:
        self.query.setText(name or self.query.text())
        self.find(select=ref)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.message.setText(self.tr("请先在列表中选定一项"))
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


class PartyField(QWidget):
    """A name box with 选择…; `choice()` is what core's `parties.resolve` takes."""

    def __init__(self, app: AppSession, parent: QWidget | None = None, *, people_only: bool = False,
                 name: str = "party"):
        super().__init__(parent)
        self.app, self.people_only = app, people_only
        self._chosen: Candidate | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.line = QLineEdit(self)
        self.line.setObjectName(name)
        self.pick = QPushButton(self.tr("选择…"), self)
        self.pick.setObjectName(f"{name}_choose")
        self.pick.clicked.connect(self.choose)
        row.addWidget(self.line, 1)
        row.addWidget(self.pick)
        column.addLayout(row)
        self.detail = QLabel(self)  # which of the namesakes was chosen
        self.detail.setObjectName(f"{name}_detail")
        self.detail.setStyleSheet("color: palette(mid)")
        self.detail.hide()
        column.addWidget(self.detail)
        self.line.textEdited.connect(lambda _text: self._show(None))  # typing again drops the choice

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming, as QLineEdit
        self.line.setText(text)
        self._show(None)

    def choice(self) -> PartyRef | str:
        return self._chosen.ref if self._chosen is not None else self.line.text()

    def choose(self) -> None:
        dialog = PartyChooser(self.app, self.line.text(), people_only=self.people_only, parent=self)
        if open_dialog(self, dialog):
            self.line.setText(dialog.chosen.name)
            self._show(dialog.chosen)

    def _show(self, chosen: Candidate | None) -> None:
        self._chosen = chosen
        self.detail.setText(chosen.detail if chosen else "")
        self.detail.setVisible(chosen is not None)
