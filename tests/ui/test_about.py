"""关于: the versions `--version` prints, and where this station's data and log are."""

from PySide6.QtWidgets import QApplication

from sfs_desktop import __version__
from sfs_desktop.core.db.migrate import HEAD
from sfs_desktop.core.sync.bundle import FORMAT_VERSION
from sfs_desktop.core.sync.exporter import PROTOCOL
from sfs_desktop.ui.main_window import MainWindow


def test_about_from_the_help_menu_shows_versions_data_dir_and_log(qtbot, app_session):
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    window.show()
    menu = window.menuBar().actions()[0]
    assert menu.text() == "帮助(&H)" and window.about_action in menu.menu().actions()
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    shown = {label: w.text() for label, w in dialog.values.items()}
    root = app_session.paths.root
    assert shown["程序版本"] == __version__
    assert shown["数据库结构版本"] == HEAD
    assert shown["同步包格式"] == f"{FORMAT_VERSION}（同步协议 {PROTOCOL}）"
    assert shown["数据目录"] == str(root)
    assert shown["日志文件"] == str(root / "logs" / "sfs-desktop.log")
    assert shown["运行方式"] == "源代码运行"
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert f"数据目录：{root}" in copied and f"程序版本：{__version__}" in copied and "Qt：" in copied
    dialog.close()
