"""Start-up: the login dialog and the GUI's option parsing come before the database layer loads."""

import subprocess
import sys
from pathlib import Path

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
