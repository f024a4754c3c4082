"""安置帮教 page: the released persons' ledger, the county's pre-release lists, statistics; at the
county, the notices handed over and the lists as each station checked them.

Every row is criminal-record data (S3): an account without "s3.read" gets the plain notice in
core's own words and no tab at all; core refuses its reads anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sfs_desktop.core.errors import PermissionDenied
from sfs_desktop.core.security.access import require
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.ui.correction.page import NoAccessPage
from sfs_desktop.ui.tabbed_page import TabbedPage

TABS = [  # attribute, title, module, class
    ("persons", "帮教对象", "persons", "PersonsTab"), ("prerelease", "预释放人员名单", "persons", "PrereleaseTab"),
    ("statistics", "统计", "persons", "StatisticsTab"),
]


def ResettlementPage(app: AppSession, parent=None) -> QWidget:  # noqa: N802 - the manifest's page factory
    try:
        require(app.principal, "s3.read")
    except PermissionDenied as exc:
        return NoAccessPage(str(exc), parent, duty=QCoreApplication.translate("ResettlementPage", "安置帮教"))
    return (CountyPage if app.db.node().role == "county" else PersonsPage)(app, parent)


class PersonsPage(TabbedPage):
    TITLE, PACKAGE, TABS_NAME = "安置帮教", "sfs_desktop.ui.resettlement", "resettlement_tabs"
    TABS = TABS

    def data_changed(self, tables: frozenset[str]) -> None:
        if hasattr(self, "statistics") and any(t.startswith(("released_person", "rp_")) for t in tables):
            self.statistics.refresh()

    def open_record(self, table: str, row_id: str) -> None:
        """A search hit or a due item: a released person opens in the workspace."""
        if table == "released_person":
            self.show_tab("persons").open_person(row_id)
        elif table == "rp_prerelease":
            self.show_tab("prerelease")


class CountyPage(PersonsPage):
    """At the county: what became of the notices it handed over and of its pre-release lists, by
    station, before the ledger and the figures (by station in the statistics)."""

    TABS = [("notices", "释放通知衔接", "county", "NoticesTab"), ("lists", "预释放名单核查", "county", "ListsTab"),
            TABS[0], TABS[2]]

    def data_changed(self, tables: frozenset[str]) -> None:
        super().data_changed(tables)
        for attr in ("notices", "lists"):
            if hasattr(self, attr):
                getattr(self, attr).data_changed(tables)

    def open_record(self, table: str, row_id: str) -> None:
        if table == "rp_prerelease":
            self.show_tab("lists")
        else:
            super().open_record(table, row_id)
