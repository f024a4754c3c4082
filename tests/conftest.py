"""Shared fixtures: fast key derivation, offscreen Qt, and ready-made station/county data dirs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from sfs_desktop.core import setup
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.security import keys
from sfs_desktop.paths import DataPaths

PASSWORD = "Test-pass-2024"
ADMIN = "admin"

# The heavy suite's longest files (CI, 2 cores: the property test ~15 min, the killed importer
# ~7 min) start first, so that the two workers of `--dist loadfile` finish together instead of one
# idling while the other runs them last. (xdist orders files by their number of tests, so this order
# decides only among files of as many tests: the heavy suite's, one test each.)
LONGEST_FIRST = ("tests/sync/test_property.py", "tests/sync/test_interrupt.py")


def pytest_collection_modifyitems(config, items):
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest keep their order


@pytest.fixture(autouse=True, scope="session")
def _fast_kdf():
    """Argon2id at production cost takes ~0.3 s; tests use cheap parameters (stored with each wrap).
    Session-scoped, so module-scoped fixtures (data dirs shared by a module's tests) get them too:
    every later unlock of such a dir pays the cost its wrap was made with."""
    cheap = keys.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keys, "DEFAULT_KDF", cheap)
        mp.setattr(keys, "RECOVERY_KDF", cheap)
        yield


def init_dir(root, *, role: str = "station", code: str = "430922101", name: str = "桃江县司法局灰山港司法所",
             admin: str = ADMIN, password: str = PASSWORD) -> tuple[DataPaths, setup.SetupResult]:
    paths = DataPaths.resolve(root)
    result = setup.initialise(paths, setup.SetupRequest(role=role, station_code=code, station_name=name,
                                                        admin=admin, password=password, township_name="灰山港镇"))
    return paths, result


def open_dir(paths: DataPaths, admin: str = ADMIN, password: str = PASSWORD) -> Database:
    key = keys.KeyFile.load(paths.keyfile).unlock(admin, password)
    assert key is not None
    return Database(paths, key)


@pytest.fixture
def station_paths(tmp_path) -> DataPaths:
    """An initialised, empty station data dir (closed)."""
    return init_dir(tmp_path / "station")[0]


@pytest.fixture
def station_db(station_paths):
    """An open Database on a fresh station data dir."""
    db = open_dir(station_paths)
    yield db
    db.close()


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv("SFS_USER", ADMIN)
    monkeypatch.setenv("SFS_PASSWORD", PASSWORD)
