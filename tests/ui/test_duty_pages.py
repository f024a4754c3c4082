"""Every registered duty's page builds and is in the navigation; its charts register; a duty
without a package keeps a notice page that says it is being built."""

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from sfs_desktop.core import duties
from sfs_desktop.ui import charts, pages
from sfs_desktop.ui.main_window import MainWindow


@pytest.mark.parametrize("duty", [d for d in duties.duties() if d.page], ids=lambda d: d.key)
def test_every_duty_page_factory_imports_and_builds(duty, qtbot, app_session):
    page = duties.resolve(duty.page)(app_session)
    qtbot.addWidget(page)
    assert isinstance(page, QWidget)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    assert pages.registered(duty.key).title == duty.title
    assert type(window.page(duty.key)) is type(page)  # the navigation builds the declared page
    for table in duty.search_labels:
        assert pages.page_for_table(table) == duty.key, table


def test_every_duty_chart_module_registers_its_charts():
    keys = {c.key for c in charts.registered()}
    for duty in duties.duties():
        if duty.charts:
            assert any(k.startswith(f"{duty.key}.") for k in keys), duty.key


def test_duties_without_a_package_say_they_are_being_built(qtbot, app_session):
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    shared = {"dashboard", "people", "management", "sync", "reference", "settings"}  # 所务管理: staff and villages
    with_page = {d.key for d in duties.duties() if d.page}  # a declared duty whose page is not built yet waits too
    waiting = [k for k, _ in pages.NAV_ORDER if k not in shared | with_page]
    assert "publicity" in waiting and not {"mediation", "correction", "resettlement", "legality"} & set(waiting)
    for key in waiting:
        text = window.page(key).findChildren(QLabel)[0].text()
        assert "正在建设中" in text, key
