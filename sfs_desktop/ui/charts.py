"""Dashboard charts that duties register into, built after the window is on screen.

A duty registers a chart once, at import of its chart module (named in its manifest's ``charts``,
see core/duties.py)::

    charts.register("mediation.types", build)

`build(app)` reads its figures from core and returns a QChart, titled. The dashboard's ChartPanel lays
the charts out in a row and imports this module only after its first paint: loading QtCharts alone
costs about 50 ms, which start-up does not wait for.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries, QLineSeries,
                              QValueAxis)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen


@dataclass(frozen=True)
class Chart:
    key: str
    build: Callable[[object], QChart]


_CHARTS: dict[str, Chart] = {}


def register(key: str, build: Callable[[object], QChart]) -> None:
    _CHARTS[key] = Chart(key, build)


def registered() -> list[Chart]:
    from sfs_desktop.core import duties

    duties.import_all(duties.chart_modules())
    return list(_CHARTS.values())


# --- building blocks ------------------------------------------------------------------------

def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def nice_step(top: int, ticks: int = 4) -> int:
    """A whole tick step of 1, 2, 2.5 or 5 × 10ⁿ giving about `ticks` intervals up to `top`."""
    raw = max(top, 1) / ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    steps = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)
    return next(int(m * magnitude) for m in steps if raw <= m * magnitude)


def _count_axis(top: int) -> QValueAxis:
    """0 to the first tick above `top`, with whole-number ticks (a count has no 2.3)."""
    step = nice_step(top)
    axis = QValueAxis()
    axis.setRange(0, step * (top // step + 1))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    return axis


def bar_chart(title: str, categories: list[str], values: list[int], series_name: str) -> QChart:
    """Horizontal bars: category names such as 房屋宅基地 stay readable on a narrow chart."""
    chart = _chart(title)
    bars = QBarSet(series_name)
    bars.append([float(v) for v in reversed(values)])  # the largest on top
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(list(reversed(categories)))
    counts = _count_axis(max([0, *values]))
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(counts)
    chart.legend().setVisible(False)
    return chart


def percent_chart(title: str, months: list[int], lines: dict[str, list[float | None]],
                  target: tuple[str, float] | None = None) -> QChart:
    """Monthly percentages as lines (a month without cases leaves a gap); an optional target line."""
    chart = _chart(title)
    months = months or [1]
    x = QValueAxis()  # month numbers; "10月" twelve times does not fit a third of the window: the title says 月
    x.setRange(months[0], max(months[-1], months[0] + 1))
    x.setTickType(QValueAxis.TickType.TicksDynamic)
    x.setTickAnchor(1)
    x.setTickInterval(1 if len(months) <= 8 else 2)
    x.setLabelFormat("%d")
    x.setTitleText("月")
    y = QValueAxis()
    y.setRange(0, 100)
    y.setLabelFormat("%d%%")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    for name, values in lines.items():
        series = QLineSeries()
        series.setName(name)
        series.setPointsVisible(True)
        for m, v in zip(months, values):
            if v is not None:
                series.append(m, v)
        chart.addSeries(series)
        series.attachAxis(x)
        series.attachAxis(y)
    if target is not None:
        name, level = target
        line = QLineSeries()
        line.setName(name)
        line.append(months[0], level)
        line.append(max(months[-1], months[0] + 1), level)
        pen = QPen(Qt.GlobalColor.red)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x)
        line.attachAxis(y)
    return chart
