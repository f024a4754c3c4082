"""统计 tab: the declared 合法性审查工作统计表 (core/legality/stats.py REPORT) for a chosen period."""

from __future__ import annotations

from sfs_desktop.ui.report_view import ReportView


class StatisticsTab(ReportView):
    report_name = "legality"
