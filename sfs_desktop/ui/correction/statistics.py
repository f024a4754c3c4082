"""统计 tab: the declared 社区矫正统计表 (core/correction/stats.py REPORT) for a chosen period."""

from __future__ import annotations

from sfs_desktop.ui.report_view import ReportView


class StatisticsTab(ReportView):
    report_name = "correction"
