"""工作台 counts: filled in after the first paint (they scan whole tables), with what SQL counts."""

from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import demo
from sfs_desktop.ui.dashboard import Dashboard


def test_counts_follow_the_first_paint_and_match_sql(qtbot, app_session):
    demo.generate(app_session.db, SYSTEM, scale=60)
    dash = Dashboard(app_session)
    qtbot.addWidget(dash)
    values = [dash.findChild(QLabel, f"count_{i}") for i in range(3)]
    assert [v.text() for v in values] == ["…"] * 3  # nothing scanned while the window is built
    dash.show()
    qtbot.waitUntil(lambda: all(v.text() != "…" for v in values), timeout=5_000)
    with app_session.db.read() as s:
        expected = [s.execute(text(f"SELECT count(*) FROM {t} WHERE deleted = 0")).scalar_one()
                    for t in ("person", "staff", "admin_area")]
    assert expected[0] == 60
    assert [v.text() for v in values] == [f"<b style='font-size:150%'>{n}</b>" for n in expected]


def test_each_duty_tile_from_its_manifest(qtbot, app_session):
    """The 基本情况 row has the shared tiles, then each duty's (本年受理纠纷 for 人民调解)."""
    from datetime import date

    from sfs_desktop.core import duties

    demo.generate(app_session.db, SYSTEM, scale=60)
    dash = Dashboard(app_session)
    qtbot.addWidget(dash)
    tiles = duties.all_tiles()
    labels = [dash.count_grid.itemAtPosition(0, i).widget().text() for i in range(len(tiles))]
    assert labels == [t.label for t in tiles] and "本年受理纠纷" in labels
    dash.show()
    i = labels.index("本年受理纠纷")
    value = dash.findChild(QLabel, f"count_{i}")
    qtbot.waitUntil(lambda: value.text() != "…", timeout=5_000)
    year = date.today().year
    with app_session.db.read() as s:
        n = s.execute(text("SELECT count(*) FROM mediation_case WHERE deleted = 0 AND received_date BETWEEN :a AND :b"),
                      {"a": f"{year}-01-01", "b": f"{year}-12-31"}).scalar_one()
    assert value.text() == f"<b style='font-size:150%'>{n}</b>"
