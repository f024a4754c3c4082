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
