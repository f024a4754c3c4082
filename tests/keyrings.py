"""Credential-store backends for tests only: in memory (in-process, `keyring.set_keyring`) and
in a JSON file (subprocesses, `PYTHON_KEYRING_BACKEND=tests.keyrings.FileKeyring` with the file
named by `SFS_TEST_KEYRING`). Never used by the program itself: it counts as a real store only
because its priority is above 0."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend


class _OnlyWhenChosen:
    """Priority 1 for an instance a test chose; not viable to keyring's own discovery (which reads
    it on the class), so importing this module never changes the default backend of a test run."""

    def __init__(self, env: str | None = None):
        self.env = env  # or: viable on the class too where this variable is set (a subprocess's backend)

    def __get__(self, obj, cls=None):
        if obj is None and not (self.env and os.environ.get(self.env)):
            raise RuntimeError("a test backend: chosen explicitly only")
        return 1


class MemoryKeyring(KeyringBackend):
    priority = _OnlyWhenChosen()

    def __init__(self):
        self.store = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


class FileKeyring(KeyringBackend):
    priority = _OnlyWhenChosen("SFS_TEST_KEYRING")

    @property
    def path(self) -> Path:
        return Path(os.environ["SFS_TEST_KEYRING"])

    def _load(self) -> dict:
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def delete_password(self, service, username):
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(data), encoding="utf-8")


def file_env(path: Path) -> dict[str, str]:
    """Environment for a subprocess that uses the file backend at `path`."""
    root = str(Path(__file__).resolve().parent.parent)
    return {"PYTHON_KEYRING_BACKEND": "tests.keyrings.FileKeyring", "SFS_TEST_KEYRING": str(path),
            "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH", "")]))}


@contextmanager
def using(backend):
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
