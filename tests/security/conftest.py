import pytest

from sfs_desktop.core.security import attempts


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch):
    """The growing delay after wrong passwords is real in the program; tests skip the waiting."""
    monkeypatch.setattr(attempts, "pause", lambda seconds: None)
