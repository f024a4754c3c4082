"""core must work where Qt cannot even be imported (CLI, relay, scheduled jobs)."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import sfs_desktop.core

CORE = Path(sfs_desktop.core.__file__).parent

BLOCK_QT = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, _NoQt())
import importlib, pkgutil, sfs_desktop.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, 'sfs_desktop.core.')
         if '.migrations.versions' not in m.name and not m.name.endswith('migrations.env')]
for n in names:
    importlib.import_module(n)
import sfs_desktop.cli
print(len(names))
"""


def test_every_core_module_imports_with_qt_blocked():
    out = subprocess.run([sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) > 10


def test_no_qt_import_statement_in_core():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt)", re.M)
    offenders = [str(p) for p in CORE.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_walk_finds_core_packages():
    names = {m.name for m in pkgutil.iter_modules(sfs_desktop.core.__path__)}
    assert {"db", "fields", "calendar", "idcheck"} <= names
