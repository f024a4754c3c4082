"""The database key in the OS credential store for unattended runs (issue 19): only a 所长 turns
it on, only where a real store exists, off deletes it, and a stale key refuses clearly."""

from __future__ import annotations

import json

import pytest
from keyring.backends import fail, null
from sqlmodel import select

from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.security import admin, audit, credstore, unattended
from sfs_desktop.core.security.session import login
from tests.conftest import ADMIN, PASSWORD, init_dir
from tests.keyrings import MemoryKeyring, using


@pytest.fixture
def station(tmp_path):
    paths = init_dir(tmp_path / "station")[0]
    app = login(paths, ADMIN, PASSWORD)
    yield paths, app
    app.close()


@pytest.fixture
def store():
    with using(MemoryKeyring()) as backend:
        yield backend


def _other(paths, app, username: str, role: str, password: str):
    """A second account, signed in instead of the 所长 (one process opens a data dir at a time)."""
    admin.add_user(app, username, role, password)
    app.close()
    return login(paths, username, password)


def _actions(app) -> list[str]:
    with app.db.read() as s:
        return [e.action for e in s.exec(select(audit.AuditLog)).all()]


def test_on_opens_without_a_password_and_off_deletes_the_secret(station, store):
    paths, app = station
    assert unattended.status(paths).state == unattended.OFF
    assert unattended.enable(app).state == unattended.ON
    (service, name), secret = next(iter(store.store.items()))
    assert service == credstore.SERVICE and name.startswith("unattended:")
    assert str(paths.root) not in name and "station" not in name  # the path is never stored in clear
    assert json.loads(secret)["user"] == ADMIN
    app.close()
    run = unattended.open_session(paths, "sync")
    try:
        assert run.principal.username == ADMIN and run.principal.role == "head"
        assert unattended.disable(run).state == unattended.OFF
        assert store.store == {}
        assert _actions(run)[-3:] == ["unattended_on", "unattended_run", "unattended_off"]
    finally:
        run.close()
    with pytest.raises(UserError, match="未开启无人值守运行"):
        unattended.unlock(paths)


def test_only_a_head_turns_it_on(station, store):
    paths, app = station
    clerk = _other(paths, app, "clerk", "staff", "Staff-pass-2024")
    try:
        with pytest.raises(PermissionDenied):
            unattended.enable(clerk)
        with pytest.raises(PermissionDenied):
            unattended.disable(clerk)
    finally:
        clerk.close()
    assert store.store == {} and unattended.status(paths).state == unattended.OFF


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring])
def test_no_real_store_refuses_with_the_notice(station, backend):
    paths, app = station
    with using(backend()):
        assert unattended.status(paths).state == unattended.UNAVAILABLE
        with pytest.raises(UserError) as refused:
            unattended.enable(app)
        assert str(refused.value) == credstore.NOTICE
        with pytest.raises(UserError, match="没有可用的系统凭据库"):
            unattended.unlock(paths)
    assert "unattended_on" not in _actions(app)


def test_a_store_that_drops_secrets_is_not_taken_for_success(station):
    class Dropping(MemoryKeyring):
        def set_password(self, service, username, password):
            pass

    paths, app = station
    with using(Dropping()):
        with pytest.raises(UserError, match="读不回"):
            unattended.enable(app)
        assert unattended.status(paths).state == unattended.OFF


def test_a_changed_password_makes_it_stale(station, store):
    paths, app = station
    unattended.enable(app)
    admin.set_password(app, ADMIN, "Another-pass-2025")
    state = unattended.status(paths)
    assert state.state == unattended.BROKEN and "密码已更改" in state.text
    with pytest.raises(UserError, match="已失效.*密码已更改"):
        unattended.open_session(paths, "sync")
    assert unattended.enable(app).state == unattended.ON  # the head turns it on again


def test_a_key_of_another_database_or_a_damaged_entry_refuses(station, store):
    paths, app = station
    unattended.enable(app)
    (key, secret), = store.store.items()
    data = json.loads(secret)
    store.store[key] = json.dumps({**data, "dek": "A" * 43 + "="})
    with pytest.raises(UserError, match="已失效.*与本数据目录的密钥文件不符"):
        unattended.unlock(paths)
    store.store[key] = "not json"
    assert unattended.status(paths).state == unattended.BROKEN
    with pytest.raises(UserError, match="已损坏"):
        unattended.unlock(paths)
    assert unattended.disable(app).state == unattended.OFF  # a broken entry is deleted too


def test_a_disabled_head_account_refuses(station, store):
    paths, app = station
    other = _other(paths, app, "deputy", "head", "Second-head-2024")
    try:
        unattended.enable(other)
    finally:
        other.close()
    head = login(paths, ADMIN, PASSWORD)
    try:
        admin.disable_user(head, "deputy")
    finally:
        head.close()
    with pytest.raises(UserError, match="deputy.*(已删除|已停用)"):
        unattended.open_session(paths, "sync")
