"""Every tr() string of the UI is in the shipped catalogue, so translators see all of them."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sfs_desktop.resources import resource

ROOT = Path(__file__).resolve().parents[2]


def _sources(ts: Path) -> set[str]:
    return {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}


def test_catalogue_is_up_to_date(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "sfs_desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *files, "-no-obsolete", "-source-language", "zh_CN", "-target-language", "zh_CN",
                    "-ts", str(fresh)], check=True, capture_output=True)
    shipped = resource("i18n", "sfs_desktop_zh_CN.ts")
    assert _sources(fresh) == _sources(shipped), "run the commands in resources/i18n/README.md"
    assert "本模块正在建设中，尚不能使用，将在后续版本提供。" in _sources(shipped)
