"""指导与培训 tab: the station's guidance visits to committees and the mediators' trainings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)

from sfs_desktop.core.mediation import queries, work
from sfs_desktop.core.mediation.models import GuidanceRecord, MediatorTraining
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ledger import record_ledger
from sfs_desktop.ui.page_parts import RecordDialog, open_dialog



class _TrainingDialog(RecordDialog):
    """登记培训: the ticked mediators go with the values (read when 保存 is pressed)."""

    attendees: QListWidget

    def save_args(self) -> tuple[tuple, dict]:
        chosen = [self.attendees.item(i).data(256) for i in range(self.attendees.count())
                  if self.attendees.item(i).checkState() == Qt.CheckState.Checked]
        return (self.app.principal,), {"attendee_ids": chosen}

class GuidanceTab(QWidget):
    def __init__(self, app: AppSession, parent=None):
        super().__init__(parent)
        self.app = app
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QPushButton] = {}
        self.guidance_model = self._section(layout, "指导记录", GuidanceRecord, "mediation_guidance",
                                            "new_guidance", "登记指导", self.new_guidance)
        self.training_model = self._section(layout, "业务培训", MediatorTraining, "mediator_training",
                                            "new_training", "登记培训", self.new_training)

    def _section(self, layout, title, model, key, button_key, button_text, slot):
        box = QGroupBox(self.tr(title), self)
        inner = QVBoxLayout(box)
        b = QPushButton(self.tr(button_text), box)
        b.setObjectName(f"btn_{button_key}")
        b.clicked.connect(slot)
        self.buttons[button_key] = b
        row = QHBoxLayout()
        row.addWidget(b)
        row.addStretch(1)
        inner.addLayout(row)
        ledger_model, view = record_ledger(self.app, model, key, box)
        inner.addWidget(view)
        layout.addWidget(box, 1)
        return ledger_model

    def new_guidance(self) -> None:
        dialog = RecordDialog(self.app, GuidanceRecord, self.tr("登记指导"), work.add_guidance,
                              args=(self.app.principal,), parent=self)
        if open_dialog(self, dialog):
            self.guidance_model.refresh(self.guidance_model.query)

    def new_training(self) -> None:
        attendees = QListWidget()
        attendees.setObjectName("attendees")
        with self.app.db.read() as s:
            for mid, mname in queries.serving_mediators(s, self.app.principal):
                item = QListWidgetItem(mname)
                item.setData(256, mid)
                item.setCheckState(Qt.CheckState.Unchecked)
                attendees.addItem(item)

        dialog = _TrainingDialog(self.app, MediatorTraining, self.tr("登记培训"), work.add_training,
                                 extra=[(self.tr("参训调解员"), attendees)], parent=self)
        dialog.attendees = attendees
        if open_dialog(self, dialog):
            self.training_model.refresh(self.training_model.query)
