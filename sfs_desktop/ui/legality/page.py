"""合法性审查 page: the review ledger (F-H3, with H1's 不得提交会议讨论 column) and the statistics."""

from __future__ import annotations

from sfs_desktop.ui.tabbed_page import TabbedPage

TABS = [("reviews", "审查台账", "reviews", "ReviewsTab"), ("statistics", "统计", "statistics", "StatisticsTab")]


class LegalityPage(TabbedPage):
    TITLE, PACKAGE, TABS_NAME = "合法性审查", "sfs_desktop.ui.legality", "legality_tabs"
    TABS = TABS

    def data_changed(self, tables: frozenset[str]) -> None:
        if hasattr(self, "statistics") and any(t.startswith(("legality_", "lh_")) for t in tables):
            self.statistics.refresh()

    def open_record(self, table: str, row_id: str) -> None:
        """A search hit or a due item: the review opens in its workspace."""
        if table == "legality_review":
            self.show_tab("reviews").open_review(row_id)
