"""keys.json cannot be edited into power: wraps are bound to their accounts, the policy and the
signed failures are covered by a signature only the database key makes, edits lock rather than
reset, failed attempts reach the audit log with their own times, and format-1 files still open."""

from __future__ import annotations

import base64
import json
import secrets
from datetime import timedelta

import pytest
from nacl.secret import SecretBox

from sfs_desktop.core.db.synced import utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import admin, attempts, audit, keys
from sfs_desktop.core.security.session import login
from tests.conftest import ADMIN, PASSWORD

CLERK, CLERK_PW = "clerk", "Staff-pass-2024"


def _read(paths) -> dict:
    return json.loads(paths.keyfile.read_text(encoding="utf-8"))


def _write(paths, data) -> None:
    paths.keyfile.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def two_accounts(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    try:
        admin.add_user(app, CLERK, "staff", CLERK_PW)
    finally:
        app.close()
    return station_paths


def _audit(paths) -> list:
    app = login(paths, ADMIN, PASSWORD)
    try:
        with app.db.read() as s:
            assert audit.verify(s) is None
            return audit.entries(s)
    finally:
        app.close()


def test_a_wrap_copied_to_another_account_opens_nothing(two_accounts):
    data = _read(two_accounts)
    data["wraps"][f"user:{ADMIN}"] = data["wraps"][f"user:{CLERK}"]
    _write(two_accounts, data)
    with pytest.raises(UserError, match="被改动过"):
        login(two_accounts, ADMIN, CLERK_PW)
    # and even past the signature, the wrap's associated data names its account and role
    kf = keys.KeyFile(two_accounts.keyfile, data)
    assert kf.unlock(ADMIN, CLERK_PW) is None
    data = _read(two_accounts)
    data["wraps"][f"user:{ADMIN}"] = dict(data["wraps"][f"user:{CLERK}"])
    data["wraps"][f"user:{CLERK}"]["role"] = "head"
    kf = keys.KeyFile(two_accounts.keyfile, data)
    assert kf.unlock(CLERK, CLERK_PW) is None


def test_raising_the_policy_or_editing_a_role_locks_everyone_out_until_restored(two_accounts):
    original = two_accounts.keyfile.read_bytes()
    for edit in (lambda d: d["policy"].__setitem__("max_failed", 100),
                 lambda d: d["wraps"][f"user:{CLERK}"].__setitem__("role", "head"),
                 lambda d: d.__setitem__("verify_key", base64.b64encode(secrets.token_bytes(32)).decode())):
        data = json.loads(original)
        edit(data)
        _write(two_accounts, data)
        for user, pw in ((ADMIN, PASSWORD), (CLERK, CLERK_PW)):
            with pytest.raises(UserError) as err:
                login(two_accounts, user, pw)
            assert "keys.json" in str(err.value) and "recover" in str(err.value)
    two_accounts.keyfile.write_bytes(original)
    login(two_accounts, CLERK, CLERK_PW).close()


def test_a_signed_file_cannot_be_passed_off_as_format_1(two_accounts):
    data = _read(two_accounts)
    data["format"] = 1
    for key in ("sig", "sealed", "policy"):
        data.pop(key)
    data["logins"] = {}
    _write(two_accounts, data)
    with pytest.raises(UserError, match="格式"):
        login(two_accounts, CLERK, CLERK_PW)


def test_edited_counters_keep_the_lock_and_every_attempt_is_audited_with_its_time(two_accounts, monkeypatch):
    clock = [utcnow()]
    monkeypatch.setattr(attempts, "_now", lambda: clock[0])
    times = []
    for i in range(5):
        clock[0] += timedelta(seconds=30)
        times.append(clock[0])
        with pytest.raises(UserError):
            login(two_accounts, CLERK, f"Wrong-pass-{i}")
    with pytest.raises(UserError, match="锁定到"):
        login(two_accounts, CLERK, CLERK_PW)
    # a colleague's login signs the failures so far (and audits them, each with its own time)
    clock[0] += timedelta(seconds=30)
    entries = [e for e in _audit(two_accounts) if e.actor == CLERK]
    assert [e.at.replace(tzinfo=None) for e in entries if e.action == "login_failed"] == \
        [t.replace(tzinfo=None) for t in times]
    assert [e.action for e in entries].count("lockout") == 1

    original = _read(two_accounts)
    edits = [
        lambda d: d["logins"][CLERK].__setitem__("failed", []),
        lambda d: d["logins"][CLERK].update(failed=[], tally=0),
        lambda d: d["logins"][CLERK].__setitem__("failed", [(clock[0] - timedelta(days=1)).isoformat()] * 5),
        lambda d: d["logins"].pop(CLERK),
    ]
    for edit in edits:
        data = json.loads(json.dumps(original))
        edit(data)
        _write(two_accounts, data)
        with pytest.raises(UserError, match="被改动过|锁定到"):
            login(two_accounts, CLERK, CLERK_PW)
    # an unsigned failure removed with its tally is the one edit a file cannot tell from no failure
    # (a wrong password cannot sign); the signed ones above can
    _write(two_accounts, original)
    clock[0] += timedelta(minutes=16)  # the lock expires on its own
    app = login(two_accounts, CLERK, CLERK_PW)
    assert app.principal.role == "staff"
    app.close()
    # and the audit shows the attempts once, not again at each later login
    assert sum(e.action == "login_failed" and e.actor == CLERK for e in _audit(two_accounts)) == 5


def test_the_head_reset_ends_a_tamper_lock_and_recover_repairs_the_file(two_accounts):
    data = _read(two_accounts)
    data["logins"].setdefault(CLERK, {})["tally"] = 3
    _write(two_accounts, data)
    with pytest.raises(UserError, match="被改动过"):
        login(two_accounts, CLERK, CLERK_PW)
    app = login(two_accounts, ADMIN, PASSWORD)
    try:
        admin.set_password(app, CLERK, "Fresh-pass-2024")
    finally:
        app.close()
    login(two_accounts, CLERK, "Fresh-pass-2024").close()


def _format1(paths, dek: bytes, accounts: dict[str, str], recovery: str) -> None:
    """A key file as the first release wrote it: SecretBox wraps, no binding, no signature."""
    def old_wrap(secret, params):
        salt = secrets.token_bytes(16)
        box = SecretBox(keys.derive(secret, salt, params)).encrypt(dek)
        return {"kdf": "argon2id", "t": params.time_cost, "m": params.memory_kib, "p": params.parallelism,
                "salt": base64.b64encode(salt).decode(), "box": base64.b64encode(bytes(box)).decode()}
    wraps = {f"user:{u}": old_wrap(pw, keys.DEFAULT_KDF) for u, pw in accounts.items()}
    wraps["recovery"] = old_wrap(keys.normalize_recovery_key(recovery), keys.RECOVERY_KDF)
    _write(paths, {"format": 1, "fingerprint": keys.fingerprint(dek), "wraps": wraps,
                   "policy": {"max_failed": 1000}, "logins": {ADMIN: {"failed": [], "locked_until": None}}})


def test_a_format1_file_opens_and_is_upgraded_and_cannot_be_put_back(two_accounts):
    dek = keys.KeyFile.load(two_accounts.keyfile).unlock(ADMIN, PASSWORD)
    _format1(two_accounts, dek, {ADMIN: PASSWORD, CLERK: CLERK_PW}, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE")
    old = two_accounts.keyfile.read_bytes()
    kf = keys.KeyFile.load(two_accounts.keyfile)
    assert not kf.signed and attempts.policy(kf)["max_failed"] == 5  # an unsigned policy is not trusted
    login(two_accounts, CLERK, CLERK_PW).close()
    data = _read(two_accounts)
    assert data["format"] == 2 and data["wraps"][f"user:{CLERK}"]["v"] == 2
    assert data["wraps"][f"user:{ADMIN}"]["role"] == "head"  # bound by the signature until admin logs in
    login(two_accounts, ADMIN, PASSWORD).close()
    assert _read(two_accounts)["wraps"][f"user:{ADMIN}"]["v"] == 2
    two_accounts.keyfile.write_bytes(old)  # the old copy, with the staff's unbound wrap
    with pytest.raises(UserError, match="旧格式"):
        login(two_accounts, CLERK, CLERK_PW)


def _malformed():
    def set_wrap(field, value):
        return lambda d: d["wraps"][f"user:{ADMIN}"].__setitem__(field, value)
    return {
        "no wraps": lambda d: d.pop("wraps"),
        "wraps=[]": lambda d: d.__setitem__("wraps", []),
        "a JSON array": lambda d: [d],
        "logins.admin='x'": lambda d: d["logins"].__setitem__(ADMIN, "x"),
        "locked_until=garbage": lambda d: d["logins"].__setitem__(ADMIN, {"failed": [], "locked_until": "garbage"}),
        "m=2^31": set_wrap("m", 2 ** 31),
        "t=0": set_wrap("t", 0),
        "bad salt": set_wrap("salt", "!!not base64!!"),
        "short salt": set_wrap("salt", base64.b64encode(b"x").decode()),
        "no recovery wrap": lambda d: d["wraps"].pop("recovery"),
        "not JSON": None,
    }


@pytest.mark.parametrize("case", list(_malformed()))
def test_a_malformed_key_file_gives_one_chinese_line(station_paths, case):
    import os
    import subprocess
    import sys
    from pathlib import Path

    edit = _malformed()[case]
    if edit is None:
        station_paths.keyfile.write_text("{ not json", encoding="utf-8")
    else:
        data = _read(station_paths)
        result = edit(data)
        _write(station_paths, result if isinstance(result, list) else data)
    exe = Path(sys.executable).with_name("sfs-desktop")
    out = subprocess.run([str(exe), "--data-dir", str(station_paths.root), "check"], capture_output=True, text=True,
                         env={**os.environ, "SFS_USER": ADMIN, "SFS_PASSWORD": PASSWORD}, timeout=120)
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert out.returncode != 0 and len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr and "密钥文件" in lines[0] and "keys.json" in lines[0]
    assert "recover" in lines[0]


def test_recover_repairs_damaged_login_records_and_a_forged_signature(tmp_path):
    from sfs_desktop.core.security.session import login_recovery
    from tests.conftest import init_dir

    paths, result = init_dir(tmp_path / "r")
    data = _read(paths)
    data["logins"][ADMIN] = "x"
    data["policy"]["max_failed"] = 99
    _write(paths, data)
    with pytest.raises(UserError, match="keys.json"):
        login(paths, ADMIN, PASSWORD)
    db, dek = login_recovery(paths, result.recovery_key)
    with db:
        admin.recover(db, dek, ADMIN, "Recovered-2024")
    assert _read(paths)["policy"]["max_failed"] == 5  # the database's, not the edited one
    app = login(paths, ADMIN, "Recovered-2024")
    try:
        with app.db.read() as s:
            assert [e.fields for e in audit.entries(s) if e.action == "keyfile"] == ["repair"]
    finally:
        app.close()
    assert _read(paths)["policy"]["max_failed"] == 5  # the database's, not the edited one
