"""人民调解 on the dashboard: this year's cases by type, the success rate and the village share by month."""

from __future__ import annotations

from datetime import date

from sfs_desktop.core import codes
from sfs_desktop.core.mediation import stats
from sfs_desktop.ui import charts


def _year_so_far(app) -> list[stats.Month]:
    today = date.today()
    with app.db.read() as s:
        return stats.monthly(s, today.year, today.month)


def by_type(app):
    today = date.today()
    with app.db.read() as s:
        counts = stats.by_type(s, str(today.year))
        names = [c.name for c in codes.codes(s, "dispute_type")]
    pairs = list(counts.items())[:6] or [(n, 0) for n in names[:4]]
    return charts.bar_chart(f"{today.year}年受理纠纷（按类型）", [k for k, _ in pairs], [v for _, v in pairs], "件")


def _percent(values: list[float | None]) -> list[float | None]:
    """Fractions (core's ratios) as the chart's percentages, one decimal as the tables show them."""
    return [None if v is None else round(100 * v, 1) for v in values]


def success_rate(app):
    months = _year_so_far(app)
    return charts.percent_chart("调解成功率（按月）", [m.month for m in months],
                                {"调解成功率": _percent([m.success_rate for m in months])})


def village_share(app):
    months = _year_so_far(app)
    with app.db.read() as s:
        target = round(100 * stats.village_share_target(s), 1)  # the parameter's one reading (core)
    return charts.percent_chart("村（社区）调解占比（按月）", [m.month for m in months],
                                {"村（社区）占比": _percent([m.village_share for m in months])},
                                (f"目标 {target:.0f}%", target))


charts.register("mediation.types", by_type)
charts.register("mediation.success", success_rate)
charts.register("mediation.village", village_share)
