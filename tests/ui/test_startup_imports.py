"""Start-up: the login dialog and the GUI's option parsing come before the database layer loads."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN, PASSWORD

SHOW_LOGIN = """
import sys, time
t = time.perf_counter()
from sfs_desktop.cli import gui_args
args = gui_args(["--data-dir", sys.argv[1]])
from sfs_desktop.ui.app import make_app
from sfs_desktop.ui.login import LoginDialog
from sfs_desktop.paths import DataPaths
app = make_app()
dialog = LoginDialog(DataPaths.resolve(args.data_dir))
dialog.show()
app.processEvents()
heavy = sorted(m for m in ("sqlalchemy", "sqlmodel", "pydantic", "PySide6.QtCharts", "reportlab") if m in sys.modules)
print("loaded:", ",".join(heavy) or "-", "title:", dialog.windowTitle())
"""


def test_login_dialog_shows_before_the_database_layer_is_imported(tmp_path):
    out = subprocess.run([sys.executable, "-c", SHOW_LOGIN, str(tmp_path)], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parents[2], env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    assert "loaded: - title: 登录 — 司法所业务系统" in out


def test_subcommands_still_parse_with_their_options():
    from sfs_desktop.cli import build_parser, gui_args

    assert gui_args(["--data-dir", "x", "--smoke"]).smoke is True
    assert gui_args(["--data-dir", "x", "due", "--json"]) is None  # a subcommand: the full parser
    assert gui_args(["--help"]) is None and gui_args(["--version"]) is None
    args = build_parser().parse_args(["due", "--json", "--data-dir", "x"])
    assert args.command == "due" and args.data_dir == "x"


SIGN_IN = """
import sys
from sfs_desktop.core.security import attempts
from sfs_desktop.paths import DataPaths
paths = DataPaths.resolve(sys.argv[1])
unlocked = attempts.unlock(paths, sys.argv[2], sys.argv[3])
print("key:", len(unlocked.dek), "sqlalchemy loaded:", "sqlalchemy" in sys.modules)
from sfs_desktop.core.security import session
print("signed in:", session.start(paths, unlocked).principal.username)
"""

SHOW_WINDOW = """
import sys
from sfs_desktop.paths import DataPaths
from sfs_desktop.ui import preload
from sfs_desktop.ui.app import make_app
app = make_app()
preload.start()
signed_in = preload.login(DataPaths.resolve(sys.argv[1]), sys.argv[2], sys.argv[3])
from sfs_desktop.ui.main_window import MainWindow
window = MainWindow(signed_in)
window.show()
app.processEvents()
print("charts loaded when shown:", "PySide6.QtCharts" in sys.modules)
"""


def _run(script: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parents[2],
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout


def test_the_key_is_unlocked_without_the_database_layer(station_paths):
    """So the GUI derives it (Argon2id) while SQLAlchemy and the models load on another thread."""
    out = _run(SIGN_IN, station_paths.root, ADMIN, PASSWORD)
    assert "key: 32 sqlalchemy loaded: False" in out and f"signed in: {ADMIN}" in out


def test_the_main_window_shows_before_qtcharts_loads(station_paths):
    """QtCharts alone takes about 50 ms to import: the dashboard's charts follow the first paint."""
    assert "charts loaded when shown: False" in _run(SHOW_WINDOW, station_paths.root, ADMIN, PASSWORD)
