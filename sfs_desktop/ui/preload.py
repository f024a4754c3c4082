"""The database layer and the models, imported on a background thread while Qt starts and the login waits.

Two threads importing SQLAlchemy at the same time can meet a partly initialised module, so the
UI thread calls `wait()` before its own first database import; `login` does.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sfs_desktop.core.security.session import AppSession
    from sfs_desktop.paths import DataPaths

_thread: threading.Thread | None = None


def _load() -> None:
    try:
        from sfs_desktop.core import deadlines, models  # noqa: F401
        from sfs_desktop.core.security import session  # noqa: F401

        deadlines.load_sources()
    except Exception:  # the same import fails again on the UI thread, where it is reported
        logging.getLogger(__name__).debug("preload failed", exc_info=True)


def start() -> None:
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_load, name="preload", daemon=True)
        _thread.start()


def wait() -> None:
    if _thread is not None:
        _thread.join()


def login(paths: DataPaths, username: str, password: str) -> AppSession:
    """Derive the key (Argon2id releases the GIL) while the loading finishes, then open the database."""
    from sfs_desktop.core.security import attempts

    unlocked = attempts.unlock(paths, username, password)
    wait()
    from sfs_desktop.core.security import session

    return session.start(paths, unlocked)
