import pytest
from PySide6.QtWidgets import QMessageBox

from sfs_desktop.core.security import attempts
from sfs_desktop.core.security.session import login
from tests.conftest import ADMIN, PASSWORD


@pytest.fixture(autouse=True)
def _no_login_delay(monkeypatch):
    monkeypatch.setattr(attempts, "pause", lambda seconds: None)


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> list[str]:
    """Every 是/否 question a test meets (放弃修改？ …) is answered 是 and recorded here; a modal
    box nobody answers would hang the run. Tests that answer otherwise patch it themselves."""
    asked: list[str] = []

    def answer(_parent, title, text, *_args):
        asked.append(f"{title} {text}")
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


@pytest.fixture
def app_session(station_paths):
    app = login(station_paths, ADMIN, PASSWORD)
    yield app
    app.close()
