"""Logging in: wrong passwords count, five lock the account, the attempts reach the audit log."""

from datetime import timedelta

import pytest
from sqlalchemy import text

from sfs_desktop.core.db.synced import utcnow
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import attempts, audit, keys
from sfs_desktop.core.security.session import login
from tests.conftest import ADMIN, PASSWORD


def test_login_opens_and_records(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    try:
        assert app.principal.role == "head" and not app.is_locked()
        with app.db.read() as s:
            actions = [e.action for e in audit.entries(s)]
        assert actions[-1] == "login"
    finally:
        app.close()


def test_unknown_user_and_wrong_password_give_the_same_message(station_paths):
    for user, pw in ((ADMIN, "Wrong-pass-1"), ("nobody", PASSWORD)):
        with pytest.raises(UserError, match="用户名或密码不正确"):
            login(station_paths, user, pw)


def test_five_wrong_passwords_lock_then_attempts_are_audited(station_paths, monkeypatch):
    for i in range(4):
        with pytest.raises(UserError, match="用户名或密码不正确"):
            login(station_paths, ADMIN, f"Wrong-pass-{i}")
    with pytest.raises(UserError, match="锁定到"):
        login(station_paths, ADMIN, "Wrong-pass-5")
    with pytest.raises(UserError, match="锁定到"):
        login(station_paths, ADMIN, PASSWORD)  # even the right password waits out the lock
    # the lock expires (15 minutes by default)
    later = utcnow() + timedelta(minutes=16)
    monkeypatch.setattr(attempts, "_now", lambda: later)
    app = login(station_paths, ADMIN, PASSWORD)
    try:
        with app.db.read() as s:
            actions = [e.action for e in audit.entries(s)]
            assert actions.count("login_failed") == 5 and "lockout" in actions
            assert audit.verify(s) is None
    finally:
        app.close()
    assert keys.KeyFile.load(station_paths.keyfile).data["logins"][ADMIN]["failed"] == []


def test_tampered_audit_row_is_named_by_verify(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    try:
        with app.db.engine.begin() as c:  # the test holds the key: raw SQL edit of one entry
            c.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
        with app.db.read() as s:
            broken = audit.verify(s)
        assert broken is not None and broken.seq == 2 and "第 2 条" in str(broken)
    finally:
        app.close()


def test_deleted_audit_row_is_detected(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    app.close()
    app = login(station_paths, ADMIN, PASSWORD)
    try:
        with app.db.engine.begin() as c:
            c.execute(text("DELETE FROM audit_log WHERE seq = 2"))
        with app.db.read() as s:
            assert audit.verify(s).seq == 2
    finally:
        app.close()


def test_idle_session_locks_and_unlocks_with_password(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    try:
        app.autolock_seconds = 0.01
        import time

        time.sleep(0.02)
        assert app.is_locked()
        with pytest.raises(UserError, match="密码不正确"):
            app.unlock("Wrong-pass-9")
        app.unlock(PASSWORD)
        assert not app.is_locked()
    finally:
        app.close()
