import pytest

from sfs_desktop.core.security import attempts
from sfs_desktop.core.security.session import login
from tests.conftest import ADMIN, PASSWORD


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch):
    monkeypatch.setattr(attempts, "pause", lambda seconds: None)


@pytest.fixture
def app_session(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    yield app
    app.close()
