"""Starting the GUI: QApplication in Simplified Chinese, a CJK font, logging, error dialogs.

`run_gui(args)` handles the three ways in: the setup wizard on an empty data dir, the login
dialog, `--demo` (a throwaway data dir with generated data and its login shown), and
`--smoke` (start, wait until idle, print the seconds, optionally save a screenshot, exit 0).
"""

from __future__ import annotations

import gc
import os
import sys

try:
    import resource
except ImportError:  # Windows
    resource = None
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from sfs_desktop.core import logs
from sfs_desktop.paths import DataPaths
from sfs_desktop import resources as shipped
from sfs_desktop.ui import collector, ops, preload
from sfs_desktop.ui.errors import ErrorReporter

DEMO_USER, DEMO_PASSWORD = "demo", "Taojiang-sfs-2024"
_CJK_FAMILIES = ["Microsoft YaHei", "Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                 "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "AR PL UMing CN", "SimSun"]


def covers_chinese(family: str) -> bool:
    """Whether `family` has Simplified Chinese glyphs (not whether its name sounds Chinese)."""
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def _shipped_family() -> str | None:
    """Register the CJK font shipped in resources/fonts for this run; its family, or None."""
    for path in sorted(shipped.resource("fonts").glob("*.tt[cf]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                return families[0]
    return None


def choose_font(app: QApplication) -> str | None:
    """A UI family that covers Chinese: YaHei on Windows, else the first installed from the list,
    else any installed family that covers Chinese, else the font shipped with the program."""
    families = QFontDatabase.families()
    installed = set(families)
    chosen = next((f for f in _CJK_FAMILIES if f in installed and covers_chinese(f)), None)
    if chosen is None:
        chosen = next((f for f in families if covers_chinese(f)), None)
    if chosen is None:
        chosen = _shipped_family()
    if chosen is None:
        return None
    font = QFont(chosen)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return chosen


def _install_qt_translations(app: QApplication) -> bool:
    """Qt's own strings (file dialogs' 查找范围, 文件类型; 确定, 取消) in Chinese: from Qt's
    translations directory, or the one inside the PySide6 package when Qt reports another."""
    import PySide6

    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    places = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
              str(Path(PySide6.__file__).parent / "Qt" / "translations"),
              str(Path(PySide6.__file__).parent / "translations")]
    found = False
    for place in places:
        translator = QTranslator(app)
        if translator.load(locale, "qtbase", "_", place):
            app.installTranslator(translator)
            found = True
            break
    supplement = QTranslator(app)  # what that catalogue lacks (Qt 6 changed some source texts)
    if supplement.load(locale, "qt_supplement", "_", str(shipped.resource("i18n"))):
        app.installTranslator(supplement)
    return found


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("sfs-desktop")
    app.setOrganizationName("TaojiangSFJ")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    _install_qt_translations(app)
    ours = QTranslator(app)  # our own tr() strings: resources/i18n/sfs_desktop_<locale>.qm
    if ours.load(QLocale(), "sfs_desktop", "_", str(shipped.resource("i18n"))):
        app.installTranslator(ours)
    choose_font(app)
    return app


def _demo_dir() -> DataPaths:
    from sfs_desktop.core import demo, setup
    from sfs_desktop.core.db.synced import acting_as
    from sfs_desktop.core.security.session import login

    paths = DataPaths.resolve(tempfile.mkdtemp(prefix="sfs-demo-"))
    setup.initialise(paths, setup.SetupRequest(role="station", station_code="430922101",
                                               station_name="桃江县司法局灰山港司法所", admin=DEMO_USER,
                                               password=DEMO_PASSWORD, township_name="灰山港镇", head_name="演示所长"))
    app = login(paths, DEMO_USER, DEMO_PASSWORD)
    with acting_as(DEMO_USER):
        demo.generate(app.db, app.principal, scale=500)
    app.close()
    return paths


def _collect_from_now_on() -> None:
    """Start-up makes about a million long-lived objects (SQLAlchemy, pydantic, the models, Qt's
    wrappers) and the cyclic collector walked them over and over: about 75 ms before the window
    showed. Collection is off until the window is up; then those objects move to the permanent
    generation, which later collections skip, and collection resumes: never automatically (it
    could run on the writer's thread and free a widget there) but from a timer on the UI thread
    (ui/collector.py)."""
    gc.freeze()
    collector.install(QApplication.instance())


def run_gui(args) -> int:
    started = time.perf_counter()
    paths = _demo_dir() if args.demo else DataPaths.resolve(args.data_dir)
    gc.disable()  # for good: collection is the UI thread's timer's, from when a window waits for the user
    if paths.is_initialised():  # (the wizard imports the database layer itself)
        preload.start()  # the database layer loads while Qt starts and the login is typed
    if args.smoke and not paths.is_initialised():  # checked before anything is created there
        print(f"错误：数据目录 {paths.root} 尚未初始化", file=sys.stderr)
        return 2
    qt = make_app()
    paths.ensure()
    reporter = ErrorReporter(str(logs.setup(paths.logs)))
    reporter.install()

    from sfs_desktop.ui.login import LoginDialog  # no database imports: the dialog shows before they load

    if not paths.is_initialised():
        from sfs_desktop.ui.wizard import SetupWizard

        collector.install(qt)
        if SetupWizard(paths).exec() != QDialog.DialogCode.Accepted and not paths.is_initialised():
            return 1
    if args.smoke:
        user, password = (DEMO_USER, DEMO_PASSWORD) if args.demo else (os.environ.get("SFS_USER", ""),
                                                                        os.environ.get("SFS_PASSWORD", ""))
        session = preload.login(paths, user, password)
    else:
        collector.install(qt)
        preload.start()
        hint = f"演示账户：{DEMO_USER}　密码：{DEMO_PASSWORD}（数据为生成的演示数据）" if args.demo else ""
        dialog = LoginDialog(paths, hint=hint)
        if args.demo:
            dialog.user.setText(DEMO_USER)
            dialog.password.setText(DEMO_PASSWORD)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 1
        session = dialog.session
    from sfs_desktop.ui.main_window import MainWindow

    window = MainWindow(session)
    window.show()
    QTimer.singleShot(0, _collect_from_now_on)
    if args.smoke:
        def finish() -> None:
            try:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if resource else 0
                # "ready" (epoch seconds) lets a benchmark measure launch-to-idle, leaving out teardown
                print(f"{time.perf_counter() - started:.3f} s, peak {peak:.0f} MiB, ready {time.time():.3f}")
                if args.screenshot:
                    window.grab().save(str(Path(args.screenshot)))
            except Exception as exc:  # a smoke run never waits on a dialog: say it and fail
                print(f"错误：{exc}", file=sys.stderr)
                qt.exit(1)
            else:
                qt.quit()
        QTimer.singleShot(0, finish)  # runs once the event loop is idle after showing
    code = qt.exec()
    ops.finish(timeout=30.0)  # the work still off the UI thread comes back before the database closes
    session.close()
    if args.demo:
        import shutil

        shutil.rmtree(paths.root, ignore_errors=True)  # the demo station is throwaway
    return code
