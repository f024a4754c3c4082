"""Build the one-folder program with PyInstaller, then smoke-test it on a fresh demo data dir.

Usage: python packaging/build.py [--portable]
--portable drops a portable.txt beside the program so its data lives next to it (USB install).
The smoke test runs the frozen `init` and `check`, so a missing data file fails the build
here rather than on a station's PC.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    dist = ROOT / "dist"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist),
                    "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "sfs-desktop.spec")], check=True)
    app_dir = dist / "sfs-desktop"
    exe = app_dir / ("sfs-desktop.exe" if os.name == "nt" else "sfs-desktop")
    if "--portable" in sys.argv:
        (app_dir / "portable.txt").write_text("数据保存在本程序目录下的 data 文件夹\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SFS_USER": "admin", "SFS_PASSWORD": "Smoke-test-2024"}
        for args in (["init", "--role", "station", "--station-code", "430922101",
                      "--station-name", "桃江县司法局灰山港司法所", "--admin", "admin"], ["check"]):
            subprocess.run([str(exe), "--data-dir", tmp, *args], check=True, env=env)
    print(f"built {app_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
