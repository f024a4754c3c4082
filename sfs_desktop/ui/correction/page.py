"""社区矫正 page: the subject ledger, what waits for the county's decision, statistics.

Every row here is criminal-record data (S3): an account without "s3.read" (调解员, 只读) gets a
plain notice in core's own words and no tab at all; core refuses its reads anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.security.access import require
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.tabbed_page import TabbedPage

TABS = [  # attribute, title, module, class
    ("subjects", "矫正对象", "subjects", "SubjectsTab"), ("decisions", "待县级机构决定", "decisions", "DecisionsTab"),
    ("statistics", "统计", "statistics", "StatisticsTab"),
]


def CorrectionPage(app: AppSession, parent=None) -> QWidget:  # noqa: N802 - the manifest's page factory
    """The page, or the notice for an account that may not read criminal-record data."""
    try:
        require(app.principal, "s3.read")
    except PermissionDenied as exc:
        return NoAccessPage(str(exc), parent)
    return SubjectsPage(app, parent)


class NoAccessPage(QWidget):
    """What an account without "s3.read" sees instead of a duty whose every row is criminal-record data."""

    def __init__(self, reason: str, parent=None, duty: str | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        notice = QLabel(f"<h3>{duty or self.tr('社区矫正')}</h3><p>{reason}。</p><p>"
                        f"{self.tr('这些信息属于涉罪信息，只有所长和工作人员账户可以查看和办理。')}</p>", self)
        notice.setObjectName("notice")
        notice.setWordWrap(True)
        layout.addWidget(notice)
        layout.addStretch(1)


class SubjectsPage(TabbedPage):
    TITLE, PACKAGE, TABS_NAME = "社区矫正", "sfs_desktop.ui.correction", "correction_tabs"
    TABS = TABS

    def data_changed(self, tables: frozenset[str]) -> None:
        """After a write: what waits for a decision and the figures (the ledger is the main window's)."""
        if hasattr(self, "decisions") and tables & {"cc_leave", "cc_violation", "cc_sanction_decision"}:
            self.decisions.refresh()
        if hasattr(self, "statistics") and any(t.startswith(("correction_", "cc_")) for t in tables):
            self.statistics.refresh()

    def open_record(self, table: str, row_id: str) -> None:
        """A search hit or a due item: a subject opens in its workspace."""
        if table == "correction_subject":
            self.show_tab("subjects").open_subject(row_id)
        elif table in ("cc_leave", "cc_violation"):
            self.show_tab("decisions")
