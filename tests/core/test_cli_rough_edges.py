"""What a new user met on the command line (issue #14), run as they would: the installed
`sfs-desktop` in a subprocess."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ADMIN, PASSWORD

RECOVERY_KEY = re.compile(r"(?<![\w-])[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}(?![\w-])")  # five groups of five
EXE = str(Path(sys.executable).with_name("sfs-desktop"))


def _env(**more) -> dict:
    env = {**os.environ, "SFS_USER": ADMIN, "SFS_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen", **more}
    env.pop("SFS_DATA_DIR", None)
    return env


def cli(*args, check: bool = False) -> subprocess.CompletedProcess:
    done = subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, env=_env(), timeout=120)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _init(root: Path, role: str = "station", code: str = "430922101", name: str = "桃江县司法局灰山港司法所"):
    return cli("init", "--role", role, "--station-code", code, "--station-name", name, "--admin", ADMIN,
               "--data-dir", root)


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "county"
    done = _init(root, "county", "430922000", "桃江县司法局")
    assert done.returncode == 0, done.stderr
    return root


def test_data_dir_after_a_nested_verb(county):
    done = cli("station", "list", "--data-dir", county)
    assert done.returncode == 0 and "unrecognized" not in done.stderr and "名册中还没有司法所" in done.stdout


@pytest.mark.parametrize("role,code,says", [
    ("station", "430922", "不是桃江县的乡镇代码"),
    ("station", "4309221011", "不是桃江县的乡镇代码"),
    ("station", "430923101", "不是桃江县的乡镇代码"),  # another county's township
    ("county", "430922101", "这是乡镇的代码"),
    ("county", "430922", "县司法局的单位代码应为县的区划代码加 000"),
])
def test_init_takes_only_the_countys_codes(tmp_path, role, code, says):
    done = _init(tmp_path / "x", role, code, "桃江县司法局某司法所")
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x").exists()  # refused before anything was written


def test_init_help_example_matches_the_wizard():
    from sfs_desktop.core.townships import TOWNSHIPS

    text = " ".join(cli("init", "--help", check=True).stdout.split())
    for code, name in TOWNSHIPS:
        if code in text:
            assert name.rstrip("镇乡") in text.split(code, 1)[1][:60]  # the name next to the code is its own
    assert "430922101 桃花江" not in text and "桃花江司法所" in text


def test_a_closed_pipe_ends_quietly_and_init_still_shows_the_key(tmp_path):
    proc = subprocess.Popen([EXE, "init", "--role", "station", "--station-code", "430922101", "--station-name",
                             "桃江县司法局灰山港司法所", "--admin", ADMIN, "--data-dir", str(tmp_path / "s")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), text=True)
    proc.stdout.close()  # the reader is gone before anything is written (`| head` that already ended)
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert "恢复密钥" in err and len(RECOVERY_KEY.findall(err)) == 1  # the key, on stderr

    proc = subprocess.Popen([EXE, "due", "--json", "--data-dir", str(tmp_path / "s")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env(), text=True)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) in (0, 141) and "Traceback" not in err


def test_the_keyring_notice_is_said_once_per_data_dir(county):
    said = [cli("station", "list", "--data-dir", county).stderr for _ in range(2)]
    assert all("提示：" not in s for s in said)  # the init already said it (where it applies at all)


def test_os_errors_are_said_in_chinese(county, tmp_path):
    done = cli("print", "--help")
    assert done.returncode == 0
    from sfs_desktop.core.errors import explain as os_error_text

    assert os_error_text(FileNotFoundError(2, "No such file or directory", "/x/y.pdf")) == "找不到文件或文件夹：/x/y.pdf"
    assert os_error_text(IsADirectoryError(21, "Is a directory", "/tmp")) == "这是一个文件夹，不是文件：/tmp"


def test_smoke_on_a_missing_data_dir_creates_nothing(tmp_path):
    missing = tmp_path / "MISSING"
    done = cli("--smoke", "--data-dir", missing)
    assert done.returncode == 2 and "尚未初始化" in done.stderr and not missing.exists()
