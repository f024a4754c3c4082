"""The headless command line as a new user meets it: init, demo, check, digest, backup, restore."""

import os
import subprocess
import sys

import pytest

from sfs_desktop.cli import main
from tests.conftest import PASSWORD

INIT = ["init", "--role", "station", "--station-code", "430922105", "--station-name", "桃江县司法局大栗港司法所",
        "--township", "大栗港镇", "--admin", "admin"]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def ready(tmp_path, capsys, cli_env):
    d = tmp_path / "data"
    code, out, err = run(capsys, "--data-dir", d, *INIT)
    assert code == 0, err
    return d, out


def test_init_prints_recovery_key_once(ready):
    _d, out = ready
    assert "恢复密钥" in out
    lines = [ln.strip() for ln in out.splitlines()]
    key = lines[lines.index(next(ln for ln in lines if ln.startswith("恢复密钥"))) + 1]
    assert len(key.replace("-", "")) == 25


def test_demo_check_digest_backup_restore(ready, capsys, tmp_path):
    d, _ = ready
    assert run(capsys, "--data-dir", d, "demo", "--scale", 1000)[0] == 0
    code, out, err = run(capsys, "check", "--data-dir", d)
    assert code == 0 and "检查通过" in out, err
    first = run(capsys, "check", "--data-dir", d, "--digest")[1].strip()
    assert len(first) == 64 and run(capsys, "check", "--data-dir", d, "--digest")[1].strip() == first

    assert run(capsys, "--data-dir", d, "backup", tmp_path / "b.db")[0] == 0
    assert run(capsys, "--data-dir", d, "demo", "--scale", 3, "--seed", 7)[0] == 0  # an edit after the backup
    changed = run(capsys, "check", "--data-dir", d, "--digest")[1].strip()
    assert changed != first
    code, out, err = run(capsys, "--data-dir", d, "restore", tmp_path / "b.db")
    assert code == 0, err
    assert run(capsys, "check", "--data-dir", d, "--digest")[1].strip() == first


def _with(option, value):
    argv = list(INIT)
    argv[argv.index(option) + 1] = value
    return argv


@pytest.mark.parametrize("option, value, message", [
    ("--station-code", "abc", "单位代码"),
    ("--admin", "1x", "管理员用户名"),
    ("--station-name", "  ", "单位名称不能为空"),
])
def test_init_bad_input_changes_nothing(tmp_path, capsys, cli_env, option, value, message):
    d = tmp_path / "data"
    code, _out, err = run(capsys, "--data-dir", d, *_with(option, value))
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (d / "sfs.db").exists() and not (d / "keys.json").exists()


def test_unknown_role_is_a_usage_error(tmp_path, capsys, cli_env):
    with pytest.raises(SystemExit) as exc:
        main(["--data-dir", str(tmp_path / "d"), *_with("--role", "city")])
    assert exc.value.code == 2 and "参数错误" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("password, message", [
    ("short1", "至少需要 8 位"), ("1234567890", "全是数字"), ("x430922105y", "司法所代码"),
])
def test_init_refuses_weak_passwords(tmp_path, capsys, monkeypatch, password, message):
    monkeypatch.setenv("SFS_PASSWORD", password)
    code, _out, err = run(capsys, "--data-dir", tmp_path / "d", *INIT)
    assert code == 2 and message in err
    assert not (tmp_path / "d" / "sfs.db").exists()


def test_init_twice_is_refused(ready, capsys):
    d, _ = ready
    code, _out, err = run(capsys, "--data-dir", d, *INIT)
    assert code == 2 and "已经初始化" in err


def test_wrong_password_opens_nothing(ready, capsys, monkeypatch):
    d, _ = ready
    monkeypatch.setenv("SFS_PASSWORD", "Not-the-password-1")
    code, out, err = run(capsys, "check", "--data-dir", d)
    assert code == 2 and out == "" and "密码不正确" in err


def test_commands_on_uninitialised_dir(tmp_path, capsys, cli_env):
    code, _out, err = run(capsys, "check", "--data-dir", tmp_path / "none")
    assert code == 2 and "尚未初始化" in err
    assert not (tmp_path / "none").exists()


def test_restore_from_missing_or_foreign_file(ready, capsys, tmp_path):
    d, _ = ready
    before = run(capsys, "check", "--data-dir", d, "--digest")[1]
    code, _o, err = run(capsys, "--data-dir", d, "restore", tmp_path / "nope.db")
    assert code == 2 and "不存在" in err
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    code, _o, err = run(capsys, "--data-dir", d, "restore", junk)
    assert code == 2 and "密钥不正确或文件已损坏" in err
    assert run(capsys, "check", "--data-dir", d, "--digest")[1] == before


def test_bad_scale_is_refused(ready, capsys):
    d, _ = ready
    code, _o, err = run(capsys, "--data-dir", d, "demo", "--scale", 0)
    assert code == 2 and "--scale" in err


def test_real_entry_point_runs(tmp_path):
    env = {**os.environ, "SFS_PASSWORD": PASSWORD, "SFS_USER": "admin"}
    d = str(tmp_path / "cli")
    out = subprocess.run([sys.executable, "-m", "sfs_desktop", "--data-dir", d, *INIT],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([sys.executable, "-m", "sfs_desktop", "check", "--data-dir", d],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0 and "检查通过" in out.stdout
    assert all("凭据库" in line for line in out.stderr.splitlines())  # at most the keyring notice
