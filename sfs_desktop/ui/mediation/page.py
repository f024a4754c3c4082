"""人民调解 page: its registers and ledgers as tabs, each built on its first visit."""

from __future__ import annotations

from sfs_desktop.ui.tabbed_page import TabbedPage

TABS = [  # attribute, title, module, class
    ("cases", "案件", "cases", "CasesTab"), ("committees", "调解组织", "registries", "CommitteesTab"),
    ("mediators", "调解员", "registries", "MediatorsTab"), ("screening", "矛盾排查", "screening", "ScreeningTab"),
    ("guidance", "指导与培训", "guidance", "GuidanceTab"), ("statistics", "统计", "statistics", "StatisticsTab"),
    ("assigned", "县局交办", "assigned", "AssignedTab"),
]


class MediationPage(TabbedPage):
    TITLE, PACKAGE, TABS_NAME = "人民调解", "sfs_desktop.ui.mediation", "mediation_tabs"
    TABS = TABS

    def data_changed(self, tables: frozenset[str]) -> None:
        """After a write (the ledgers are the main window's): the notices and figures beside them."""
        if hasattr(self, "committees") and tables & {"mediation_committee", "admin_area", "mediator"}:
            self.committees.update_notice()
        if hasattr(self, "statistics") and "mediation_case" in tables:
            self.statistics.refresh()
        if hasattr(self, "assigned"):
            self.assigned.data_changed(tables)

    # --- what the main window's search asks of a page -------------------------------------------
    def open_record(self, table: str, row_id: str) -> None:
        if table == "mediation_case":
            self.show_tab("cases").open_case(row_id)
        elif table in ("mediation_committee", "mediator"):
            tab = self.show_tab("committees" if table == "mediation_committee" else "mediators")
            tab.select(row_id)
            tab.edit_selected()
        elif table == "dispute_screening":  # a dispute the county handed over, from 县局交办 or the dashboard
            self.show_tab("screening").select(row_id)
