"""工作台 charts: built after the window shows, holding exactly the figures core computes."""

from datetime import date

from PySide6.QtCharts import QHorizontalBarSeries, QLineSeries

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation import stats
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.ui.main_window import MainWindow


def test_charts_show_the_core_figures(qtbot, app_session, tmp_path):
    today = date.today()
    months = sorted({1, today.month})

    def build(s):
        village, town = insert_synced(s, MediationCommittee, [
            {"name": "竹山村人民调解委员会", "committee_type": "01", "active": True},
            {"name": "灰山港镇人民调解委员会", "committee_type": "03", "active": True}])
        insert_synced(s, MediationCase, [
            {"committee_id": c, "dispute_type": t, "summary": "…", "status": "archived", "result": r,
             "received_date": date(today.year, m, 1)}
            for m in months for c, t, r in [(village, "02", "01"), (village, "01", "02"), (town, "02", "01")]])
    app_session.write(build)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    panel = window.page("dashboard").charts
    qtbot.waitUntil(lambda: len(panel.views) == 3, timeout=10_000)
    with app_session.db.read() as s:
        year = stats.compute(s, str(today.year))
        monthly = stats.monthly(s, today.year, today.month)

    [bars] = [x for x in panel.views["mediation.types"].chart().series() if isinstance(x, QHorizontalBarSeries)]
    shown = [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())]
    assert shown == sorted(year.by_type.values())  # drawn bottom-up: the largest on top and sum(shown) == year.received == 3 * len(months)

    [rate] = panel.views["mediation.success"].chart().series()
    points = {int(p.x()): p.y() for p in rate.points()}
    assert points == {m.month: round(100 * m.success_rate, 1) for m in monthly if m.success_rate is not None}
    assert set(points.values()) == {round(200 / 3, 1)}

    share, target = panel.views["mediation.village"].chart().series()
    assert isinstance(share, QLineSeries) and {p.y() for p in share.points()} == {round(200 / 3, 1)}
    assert {p.y() for p in target.points()} == {70.0} and target.name() == "目标 70%"
    qtbot.wait(50)
    window.grab().save(str(tmp_path / "dashboard.png"))
