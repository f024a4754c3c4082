"""Account, audit and recovery commands, the keyring notice, and logs free of personal data."""

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import select

from sfs_desktop.cli import main
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security import credstore
from tests.conftest import ADMIN, PASSWORD, open_dir
from tests.keyrings import MemoryKeyring

INIT = ["init", "--role", "station", "--station-code", "430922101", "--station-name", "桃江县司法局灰山港司法所",
        "--township", "灰山港镇", "--admin", ADMIN]


@pytest.fixture
def fail_keyring(monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr(credstore, "_noticed", False)
    yield
    keyring.set_keyring(previous)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fail_backend_everything_works_and_one_notice(tmp_path, capsys, cli_env, fail_keyring):
    d = tmp_path / "d"
    code, out, err = run(capsys, "--data-dir", d, *INIT)
    assert code == 0 and err.count("凭据库") == 1
    for args in (["demo", "--scale", 20], ["check"]):
        code, _out, err = run(capsys, "--data-dir", d, *args)
        assert code == 0 and "凭据库" not in err  # said once
    assert not credstore.available()
    with pytest.raises(RuntimeError):
        credstore.store_secret("relay", "secret")
    assert not any(p.suffix in (".txt", ".cfg", ".ini") for p in d.rglob("*"))


def test_memory_backend_stores_secrets(monkeypatch):
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        assert credstore.available() and credstore.notice() is None
        credstore.store_secret("relay", "s3cret")
        assert credstore.get_secret("relay") == "s3cret"
        credstore.delete_secret("relay")
        assert credstore.get_secret("relay") is None
    finally:
        keyring.set_keyring(previous)


def test_user_add_roles_passwd_disable(tmp_path, capsys, cli_env, monkeypatch):
    d = tmp_path / "d"
    assert run(capsys, "--data-dir", d, *INIT)[0] == 0
    monkeypatch.setenv("SFS_NEW_PASSWORD", "Audit-view-2024")
    assert run(capsys, "--data-dir", d, "user", "add", "clerk", "--role", "inspector", "--name", "测试员")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "user", "list")
    assert "clerk\t测试员\t只读（检查）\t正常" in out

    monkeypatch.setenv("SFS_USER", "clerk")
    monkeypatch.setenv("SFS_PASSWORD", "Audit-view-2024")
    assert run(capsys, "--data-dir", d, "check")[0] == 0
    code, _o, err = run(capsys, "--data-dir", d, "demo", "--scale", 5)
    assert code == 2 and "无权填入演示数据" in err
    code, _o, err = run(capsys, "--data-dir", d, "user", "add", "x2", "--role", "staff")
    assert code == 2 and "无权管理账户" in err
    monkeypatch.setenv("SFS_NEW_PASSWORD", "123456789")
    code, _o, err = run(capsys, "--data-dir", d, "user", "passwd")
    assert code == 2 and "全是数字" in err

    monkeypatch.setenv("SFS_USER", ADMIN)
    monkeypatch.setenv("SFS_PASSWORD", PASSWORD)
    assert run(capsys, "--data-dir", d, "user", "disable", "clerk")[0] == 0
    code, _o, err = run(capsys, "--data-dir", d, "user", "disable", ADMIN)
    assert code == 2 and "自己" in err
    monkeypatch.setenv("SFS_USER", "clerk")
    monkeypatch.setenv("SFS_PASSWORD", "Audit-view-2024")
    code, _o, err = run(capsys, "--data-dir", d, "check")
    assert code == 2 and "密码不正确" in err


def test_audit_verify_list_and_recover(tmp_path, capsys, cli_env, monkeypatch):
    d = tmp_path / "d"
    code, out, _ = run(capsys, "--data-dir", d, *INIT)
    recovery = out.split("恢复密钥")[1].splitlines()[1].strip()
    code, out, _ = run(capsys, "--data-dir", d, "audit", "verify")
    assert code == 0 and "审计日志完整" in out
    code, out, _ = run(capsys, "--data-dir", d, "audit", "list", "--since", "2000-01-01")
    assert "登录" in out
    code, _o, err = run(capsys, "--data-dir", d, "audit", "list", "--since", "昨天")
    assert code == 2 and "--since" in err

    monkeypatch.setenv("SFS_RECOVERY_KEY", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    monkeypatch.setenv("SFS_NEW_PASSWORD", "Brand-new-2024")
    code, _o, err = run(capsys, "--data-dir", d, "recover", "--user", ADMIN)
    assert code == 2 and "恢复密钥不正确" in err
    monkeypatch.setenv("SFS_RECOVERY_KEY", recovery.lower().replace("-", " "))
    assert run(capsys, "--data-dir", d, "recover", "--user", ADMIN)[0] == 0
    monkeypatch.setenv("SFS_PASSWORD", "Brand-new-2024")
    code, out, _ = run(capsys, "--data-dir", d, "audit", "list")
    assert "恢复密钥重置密码" in out


def test_logs_hold_no_personal_data(tmp_path, capsys, cli_env, monkeypatch):
    d = tmp_path / "d"
    assert run(capsys, "--data-dir", d, *INIT)[0] == 0
    assert run(capsys, "--data-dir", d, "demo", "--scale", 50)[0] == 0
    monkeypatch.setenv("SFS_PASSWORD", "Wrong-pass-2024")
    run(capsys, "--data-dir", d, "check")
    monkeypatch.setenv("SFS_PASSWORD", PASSWORD)
    assert run(capsys, "--data-dir", d, "check")[0] == 0
    import logging

    logging.getLogger("sfs_desktop").error("value 430922198001010011 and 13800001234 slipped through")
    with _open(d) as db:
        with db.read() as s:
            people = s.exec(select(Person)).scalars().all()
    logs = "".join(p.read_text(encoding="utf-8") for p in (d / "logs").glob("*.log*"))
    assert logs, "the commands wrote a log"
    for p in people:
        assert p.id_number not in logs and p.phone not in logs and p.name not in logs
    assert "430922198001010011" not in logs and "[身份证号]" in logs


def _open(d):
    from sfs_desktop.paths import DataPaths

    return open_dir(DataPaths.resolve(d))
