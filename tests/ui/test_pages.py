"""The page registry, the shortcuts that reach the page shown, and the 设置 page's upkeep."""

import pytest
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from sfs_desktop.ui import pages
from sfs_desktop.ui.main_window import MainWindow
from sfs_desktop.ui.settings_page import SettingsPage


def _window(qtbot, app_session) -> MainWindow:
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    return window


def test_every_duty_has_an_svg_icon_and_status_shows_sync(qtbot, app_session):
    window = _window(qtbot, app_session)
    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().pixmap(32, 32).isNull()
    assert window.status_sync.text() == "上次同步：从未同步"


def test_register_page_refuses_unknown_keys():
    with pytest.raises(ValueError):
        pages.register_page("nonsense", "乱码", lambda w: QWidget())


def test_search_hits_route_to_the_page_that_holds_the_table(qtbot, app_session):
    _window(qtbot, app_session)
    assert pages.page_for_table("person") == "people"
    assert pages.page_for_table("mediation_case") == "mediation"
    assert pages.page_for_table("sync_outbox") is None


def test_save_and_print_shortcuts_reach_the_page_shown(qtbot, app_session):
    calls = []

    class Page(QWidget):
        def save(self):
            calls.append("save")

        def print_record(self):
            calls.append("print")

    pages.register_page("publicity", "普法与法治创建", lambda w: Page())  # a duty whose page is not built yet
    try:
        window = _window(qtbot, app_session)
        window.show_page("publicity")
        shortcuts = {sc.key().toString(): sc for sc in window.findChildren(QShortcut)}
        shortcuts[QKeySequence(QKeySequence.StandardKey.Save).toString()].activated.emit()
        shortcuts[QKeySequence(QKeySequence.StandardKey.Print).toString()].activated.emit()
        window.show_page("assessors")  # a page without save(): the shortcut does nothing
        shortcuts[QKeySequence(QKeySequence.StandardKey.Save).toString()].activated.emit()
        assert calls == ["save", "print"]
    finally:
        pages._PAGES.pop("publicity")


def test_settings_backup_check_and_reindex(qtbot, app_session):
    page = SettingsPage(app_session)
    qtbot.addWidget(page)
    job = page.backup_now()
    qtbot.waitUntil(lambda: "备份已完成" in page.result.text(), timeout=10_000)
    backups = list(app_session.paths.backups.glob("manual-*.db"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0
    assert job.result == backups[0]
    page.check_database()
    qtbot.waitUntil(lambda: "未发现问题" in page.result.text(), timeout=10_000)
    page.rebuild_index()
    qtbot.waitUntil(lambda: "搜索索引已重建" in page.result.text(), timeout=10_000)
