"""统计 tab: the declared 人民调解统计表 (core/mediation/stats.py REPORT) for a chosen period."""

from __future__ import annotations

from sfs_desktop.ui.report_view import ReportView


class StatisticsTab(ReportView):
    report_name = "mediation"
