"""The main window, kept thin: navigation by duty, the page area, the status bar, shortcuts.

Ctrl+N, Ctrl+S and Ctrl+P call `new_record()`, `save()` and `print_record()` on the page being
shown when it has them (see ui/pages.py); Ctrl+F opens the global search.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget
from sfs_desktop.core import duties
from sfs_desktop.core.security.session import AppSession
from sfs_desktop.core.station import figures
from sfs_desktop.core.sync import status
from sfs_desktop.ui import ops, pages
from sfs_desktop.ui.ledger import LedgerModel
from sfs_desktop.ui.login import UnlockDialog


class _Activity(QObject):
    """Counts keyboard and mouse use as activity, for the idle auto-lock."""

    def __init__(self, app: AppSession, parent: QObject):
        super().__init__(parent)  # Qt's child: it goes with the window, and Qt drops the filter then
        self.app = app

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self.app.touch()
        return False


def _coming_soon(title: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    notice = QApplication.translate("MainWindow", "本模块正在建设中，尚不能使用，将在后续版本提供。")
    layout.addWidget(QLabel(f"<h2>{title}</h2><p>{notice}</p>", page))
    layout.addStretch(1)
    return page


def _duty_page(path: str, w) -> QWidget:
    return duties.resolve(path)(w.app)


def _register_pages() -> None:
    """The shared pages and every registered duty's page (core/duties.py); each module is imported
    on the page's first visit (fast start-up). A duty without a package keeps a notice page."""

    def dashboard(w):
        from sfs_desktop.ui.dashboard import Dashboard

        page = Dashboard(w.app)
        page.record_chosen.connect(w.open_record)
        return page

    def people(w):
        from sfs_desktop.ui.people_page import PeoplePage

        return PeoplePage(w.app)

    def management(w):
        from sfs_desktop.ui.station_page import StationPage

        return StationPage(w.app)

    def sync(w):
        from sfs_desktop.ui.sync.page import SyncPage

        return SyncPage(w.app)

    def settings(w):
        from sfs_desktop.ui.settings_page import SettingsPage

        return SettingsPage(w.app)

    def reference(w):
        from sfs_desktop.ui.reference_page import ReferencePage

        return ReferencePage(w.app)

    pages.register_page("dashboard", "工作台", dashboard)
    pages.register_page("people", "人员信息库", people, tables=("person", "organization"))
    for duty in duties.duties():  # each duty's manifest names its page; imported on its first visit
        if duty.page:
            pages.register_page(duty.key, duty.title, partial(_duty_page, duty.page), tables=duty.page_tables)
    pages.register_page("management", "所务管理", management, tables=("staff", "admin_area"))
    pages.register_page("sync", "数据同步", sync)
    pages.register_page("reference", "参考数据", reference)
    pages.register_page("settings", "设置", settings)


def refresh_page(page: QWidget, tables: frozenset[str]) -> None:
    """Read again what `page` shows of `tables`: its ledgers over them, and its own refresh."""
    for model in page.findChildren(LedgerModel):
        if getattr(model, "table_name", None) in tables:
            model.refresh(model.query)
    hook = getattr(page, "data_changed", None)
    if callable(hook):
        hook(tables)


class MainWindow(QMainWindow):
    def __init__(self, app: AppSession):
        super().__init__()
        self.app = app
        with app.db.read() as s:
            self.station_name = figures.station_name(s)
        self.setWindowTitle(f"{self.station_name} — {self.tr('司法所业务系统')}")
        _register_pages()

        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.stack = QStackedWidget(self)
        for key, title in pages.NAV_ORDER:
            self.nav.addItem(QListWidgetItem(pages.icon(key), title))
            self.stack.addWidget(QWidget(self.stack))  # built on first visit: start-up stays fast
        self._built: set[int] = set()
        self.nav.currentRowChanged.connect(self._open)
        self.nav.setCurrentRow(0)
        self.nav.setMaximumWidth(self.fontMetrics().horizontalAdvance("普法与法律服务") + self.fontMetrics().height() * 4)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.nav.maximumWidth(), self.nav.maximumWidth() * 5])
        self.setCentralWidget(splitter)

        self.status_user = QLabel(self)
        self.status_sync = QLabel(self)
        self.status_sync.setObjectName("last_sync")
        self.status_outbox = QLabel(self)
        self.status_outbox.setObjectName("outbox")
        for w in (self.status_user, self.status_sync, self.status_outbox):
            self.statusBar().addPermanentWidget(w)
        self.refresh_status()
        ops.watch_writer(app)  # each committed write names its tables: one signal for the whole app
        ops.changes().tables_changed.connect(self.data_changed)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.about_action = help_menu.addAction(self.tr("关于(&A)…"), self.open_about)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.open_search)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self._page_action("new_record"))
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self._page_action("save"))
        QShortcut(QKeySequence.StandardKey.Print, self, activated=lambda: self._page_action("print_record"))
        self._activity = _Activity(app, self)
        QApplication.instance().installEventFilter(self._activity)
        self._lock_timer = QTimer(self)
        self._lock_timer.timeout.connect(self.check_lock)
        self._lock_timer.start(15_000)
        size = self.fontMetrics().height()
        self.resize(size * 75, size * 45)

    def _open(self, row: int) -> None:
        if row not in self._built:
            key, title = pages.NAV_ORDER[row]
            page = pages.registered(key)
            widget = page.factory(self) if page else _coming_soon(title)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._built.add(row)
        self.stack.setCurrentIndex(row)

    def page(self, key: str) -> QWidget:
        row = [k for k, _ in pages.NAV_ORDER].index(key)
        if row not in self._built:
            current = self.nav.currentRow()
            self._open(row)
            self.stack.setCurrentIndex(current)
        return self.stack.widget(row)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow([k for k, _ in pages.NAV_ORDER].index(key))

    def open_record(self, table: str, row_id: str) -> None:
        """Show the page that holds a record and let it open the record (a search hit, a due item)."""
        key = pages.page_for_table(table)
        if key is None:
            return
        self.show_page(key)
        page = self.page(key)
        if hasattr(page, "open_record"):
            page.open_record(table, row_id)

    def data_changed(self, tables: frozenset[str]) -> None:
        """After a write: the status bar, then every page built so far that shows a changed table
        (its ledgers, and its own `data_changed(tables)` if it has one)."""
        if "sync_outbox" in tables or "sync_bundle_log" in tables:
            self.refresh_status()
        for row in sorted(self._built):
            refresh_page(self.stack.widget(row), tables)

    def refresh_status(self) -> None:
        p = self.app.principal
        self.status_user.setText(f"{p.display_name}（{p.username}） | {self.station_name}")
        with self.app.db.read() as s:
            pending, last = status.outbox_summary(s)
        when = QLocale().toString(last.date(), QLocale.FormatType.ShortFormat) if last else self.tr("从未同步")
        self.status_sync.setText(self.tr("上次同步：%1").replace("%1", when))
        self.status_outbox.setText(self.tr("待同步变更 %1 条").replace("%1", str(pending)))

    def open_search(self) -> None:
        from sfs_desktop.ui.search_dialog import SearchDialog

        self.search_dialog = SearchDialog(self)
        self.search_dialog.show()

    def open_about(self) -> None:
        from sfs_desktop.ui.about import AboutDialog  # its own module: the version facts, data dir, log

        self.about_dialog = AboutDialog(self.app.paths, self)
        self.about_dialog.show()

    def _page_action(self, name: str) -> None:
        action = getattr(self.stack.currentWidget(), name, None)
        if callable(action):
            action()

    def check_lock(self) -> None:
        if self.app.is_locked():
            UnlockDialog(self.app, self).exec()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """A closed window hears no more writes: the change signal is app-wide, and a window
        waiting for deletion would read its closed session's database on every write."""
        self._lock_timer.stop()
        try:
            ops.changes().tables_changed.disconnect(self.data_changed)
        except (RuntimeError, TypeError):  # already disconnected (closed twice)
            pass
        super().closeEvent(event)
