"""The packaging: spec data files, icon, Windows version resource, and the frozen build's smoke run.

The frozen smoke (`python packaging/build.py --smoke`: build, then run the frozen program through
init, demo, check, print, a station ⇄ county round trip and the GUI offscreen, with the folder
size and start-time budgets) takes several minutes, so it is marked slow: .ci/run's heavy suite
runs it, the default suite does not.
"""

from __future__ import annotations

import ast
import fnmatch
import json
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from sfs_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))
import winversion  # noqa: E402


def _spec_patterns() -> list[tuple[str, str]]:
    """(folder under resources/, glob) of every `files(RES / "…", "…", …)` in the spec."""
    spec = (PACKAGING / "sfs-desktop.spec").read_text(encoding="utf-8")
    return re.findall(r'files\(RES / "([^"]+)", "([^"]+)"', spec)


def test_spec_lists_every_file_the_program_loads_from_resources():
    patterns = _spec_patterns()
    left_out = []
    for path in (ROOT / "resources").rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(ROOT / "resources")
        if rel.suffix == ".ts" or rel.as_posix() == "i18n/README.md":  # translators' sources, not loaded
            continue
        if not any(rel.parent.as_posix() == folder and fnmatch.fnmatch(rel.name, glob) for folder, glob in patterns):
            left_out.append(rel.as_posix())
    assert not left_out, f"add to packaging/sfs-desktop.spec: {left_out}"
    assert ("fonts", "ARPHICPL*") in patterns  # the font's licence travels with it


def test_version_resource_is_generated_from_the_package_version():
    assert winversion.package_version() == __version__
    text = winversion.version_info_text("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text and "StringStruct('ProductVersion', '1.2.3')" in text
    assert winversion.version_tuple("2.0rc1") == (2, 0, 0, 0)
    # PyInstaller evaluates the text with its versioninfo classes (pefile, Windows only here): check
    # it is one well-formed expression calling exactly those.
    tree = ast.parse("\n".join(l for l in text.splitlines() if not l.startswith("#")), mode="eval")
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert called == {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
                      "VarFileInfo", "VarStruct"}


def test_icon_holds_the_sizes_windows_asks_for():
    data = (PACKAGING / "sfs-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(w or 256)
    assert {16, 24, 32, 48, 256} <= sizes


def test_installer_upgrades_in_place_and_keeps_the_data():
    iss = (PACKAGING / "sfs-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)  # fixed: a newer setup upgrades
    assert "UsePreviousAppDir=yes" in iss and "PrivilegesRequired=lowest" in iss
    assert "{autodesktop}" in iss and "{group}" in iss
    deleted = re.findall(r"^Type: filesandordirs; Name: \"([^\"]+)\"", iss, re.M)
    assert all(d.startswith("{app}\\_internal") for d in deleted), deleted  # never data\ nor the data dir
    assert 'Excludes: "portable.txt,data\\*"' in iss


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")
def test_frozen_build_smoke():
    pytest.importorskip("PyInstaller", reason='pip install -e ".[build]"')
    p = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--smoke"], capture_output=True, text=True,
                       timeout=1700, cwd=ROOT)
    print(p.stdout[-4000:])
    assert p.returncode == 0, p.stdout[-6000:] + p.stderr[-4000:]
    figures = json.loads((ROOT / "dist" / "smoke-figures.json").read_text(encoding="utf-8"))
    assert figures["failed"] == []
    assert figures["folder_mib"] <= 200
    assert figures["start_ratio"] <= 1.5
