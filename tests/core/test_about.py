"""`sfs-desktop --version`: program, schema and bundle-format versions, from the real program."""

import subprocess

import pytest

from sfs_desktop import __version__
from sfs_desktop.cli import main
from sfs_desktop.core import about
from sfs_desktop.core.db.migrate import HEAD
from sfs_desktop.core.sync.bundle import FORMAT_VERSION
from sfs_desktop.core.sync.exporter import PROTOCOL
from tests import program


def expected_lines() -> list[str]:
    return [f"sfs-desktop {__version__}", f"数据库结构版本 {HEAD}", f"同步包格式 {FORMAT_VERSION}，同步协议 {PROTOCOL}"]


def test_version_prints_program_schema_and_bundle_format(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == expected_lines()
    assert out[3].startswith("Python ") and out[3].endswith("源代码运行")


@pytest.mark.skipif(not program.PROGRAM.exists(), reason="needs the installed sfs-desktop (pip install -e .)")
def test_installed_program_prints_the_same():
    p = subprocess.run([str(program.PROGRAM), "--version"], capture_output=True, text=True, timeout=120,
                       env=program.env())
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[:3] == expected_lines()


def test_about_facts_name_the_data_dir_and_log(tmp_path):
    from sfs_desktop.paths import DataPaths

    rows = dict(about.facts(DataPaths.resolve(tmp_path)))
    assert rows["数据目录"] == str(tmp_path.resolve())
    assert rows["日志文件"] == str(tmp_path.resolve() / "logs" / "sfs-desktop.log")
    assert rows["数据库结构版本"] == HEAD


def test_log_file_name_is_the_one_logging_writes(tmp_path):
    from sfs_desktop.core import logs

    assert logs.setup(tmp_path).name == about.LOG_FILE
