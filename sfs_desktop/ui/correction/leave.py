"""外出申请 (C9–C11): the form from the declarations, and who must approve it (the router of C11)
shown as the dates are chosen — before the request is filed and before its 审批表 prints."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from sfs_desktop.core.correction import queries, work
from sfs_desktop.core.correction.models import CcLeave
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.ops import TaskOp
from sfs_desktop.ui.page_parts import RecordDialog

LEAVE_FIELDS = ["reason", "destination", "start", "end", "applied_on", "contact_phone", "station_opinion"]


def _route(db, who, subject_id: str, start: date | None, end: date | None):
    with db.read() as s:
        return queries.leave_route(s, who, subject_id, start, end)


class LeaveDialog(RecordDialog):
    def __init__(self, app: AppSession, subject_id: str, parent=None):
        tr = lambda text: QCoreApplication.translate("LeaveDialog", text)  # noqa: E731 - before QDialog exists
        self.route = QLabel(tr("请选择外出起止日期"))
        self.route.setObjectName("approver")
        self.route.setWordWrap(True)
        self.subject_id = subject_id
        super().__init__(app, CcLeave, tr("外出申请"), work.file_leave, args=(app.principal, subject_id),
                         only=LEAVE_FIELDS, parent=parent)
        self.setObjectName("leave_dialog")
        self.route.setStyleSheet("border: 1px solid palette(mid); padding: 6px")
        self.layout().insertWidget(1, self.route)  # under the dates, above the message and 保存
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.form.start_from({"applied_on": date.today()})
        for name in ("start", "end"):
            self.form.editors[name].widget.dateChanged.connect(self.update_route)
        self.route_op: TaskOp | None = None
        self.asked = 0

    def update_route(self, *_args) -> TaskOp:
        start, end = self.form.editors["start"].value(), self.form.editors["end"].value()
        self.asked += 1  # answers may come back out of order: only the last question's is shown
        self.route_op = (TaskOp(self, self.app, _route, self.app.db, self.app.principal, self.subject_id, start, end)
                         .success(partial(self._show_route, self.asked)).run())
        return self.route_op

    def _show_route(self, asked: int, route: tuple[str, str] | None) -> None:
        if asked != self.asked:
            return
        if route is None:
            self.route.setText(self.tr("请选择外出起止日期（止不早于起）"))
            return
        who, why = route
        self.route.setText(self.tr("审批机关：") + f"<b>{who}</b><br>{why}")
