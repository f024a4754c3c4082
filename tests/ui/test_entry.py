"""The README's start command: `sfs-desktop --demo` builds a demo station and shows the window."""

import os
import subprocess
import sys


def test_demo_start_reaches_the_main_window(tmp_path):
    shot = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "sfs_desktop", "--demo", "--smoke", "--screenshot", str(shot)],
                         capture_output=True, text=True, env=env, timeout=500)
    assert out.returncode == 0, out.stderr
    assert " s, peak " in out.stdout
    assert shot.stat().st_size > 10_000


def test_smoke_on_uninitialised_dir_fails_clearly(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "sfs_desktop", "--data-dir", str(tmp_path / "none"), "--smoke"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2 and "尚未初始化" in out.stderr
