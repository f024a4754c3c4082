"""Unattended `sync` and `relay` (issue 19): with `unattended on` both run without SFS_PASSWORD,
unlocking from the OS credential store (a file-backed test backend chosen by
PYTHON_KEYRING_BACKEND); off, stale or without a store they refuse with one clear line."""

from __future__ import annotations

import pytest

from sfs_desktop.core.security import credstore
from tests import program
from tests.keyrings import file_env
from tests.program import STATIONS, ok, run
from tests.sync.test_program_relay import RelayProcess

NO_STORE = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    root = tmp_path_factory.mktemp("unattended")
    county = program.init_county(root)
    station = program.init_station(root, county, *STATIONS[0])
    return county, station, file_env(root / "keyring.json")


def test_without_a_store_the_switch_is_refused_with_the_notice(pair):
    _county, station, _store = pair
    p = run(station, "unattended", "on", **NO_STORE)
    assert p.returncode == 2 and credstore.NOTICE in p.stderr, p.stderr
    p = run(station, "unattended", "status", **NO_STORE)
    assert p.returncode == 0 and "没有可用的系统凭据库" in p.stdout
    p = run(station, "sync", password="", **NO_STORE)
    assert p.returncode == 2 and "SFS_PASSWORD" in p.stderr and "Traceback" not in p.stderr


def test_on_sync_and_relay_run_without_a_password_off_refuses(pair):
    county, station, store = pair
    p = run(station, "sync", password="", **store)
    assert p.returncode == 2 and "未开启无人值守运行" in p.stderr and "SFS_PASSWORD" in p.stderr
    assert "已开启" in ok(county, "unattended", "on", **store)
    assert "已开启" in ok(station, "unattended", "on", **store)
    assert "已开启（admin）" in ok(station, "unattended", "status", password="", **store)
    relay = RelayProcess(county, SFS_PASSWORD="", **store)
    try:
        out = ok(station, "sync", "--url", relay.url, "--chunk-kb", 64, password="", **store)
        assert out.startswith("已发送 ") and "失败" not in out.splitlines()[0]
        assert "无人值守运行" in ok(station, "audit", "list", **store)
    finally:
        relay.stop()
    assert "未开启" in ok(station, "unattended", "off", **store)
    p = run(station, "sync", password="", **store)
    assert p.returncode == 2 and "未开启无人值守运行" in p.stderr
    ok(county, "unattended", "off", **store)
    p = run(county, "relay", "--port", 1, password="", **store)
    assert p.returncode == 2 and "未开启无人值守运行" in p.stderr


def test_a_changed_password_makes_the_stored_key_stale(pair):
    _county, station, store = pair
    ok(station, "unattended", "on", **store)
    ok(station, "user", "passwd", SFS_NEW_PASSWORD="Changed-pass-2025", **store)
    try:
        p = run(station, "unattended", "status", **store)
        assert p.returncode == 0 and "已失效" in p.stdout
        p = run(station, "sync", password="", **store)
        assert p.returncode == 2 and "已失效" in p.stderr and "密码已更改" in p.stderr
    finally:
        ok(station, "user", "passwd", password="Changed-pass-2025", SFS_NEW_PASSWORD=program.PASSWORD, **store)
        ok(station, "unattended", "off", **store)
