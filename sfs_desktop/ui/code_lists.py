"""Where generated forms and filter bars get their choices: code tables and short reference lists."""

from __future__ import annotations

from collections.abc import Callable

from sfs_desktop.core import codes, ledger
from sfs_desktop.core.security.session import AppSession


def code_source(app: AppSession) -> Callable[[str], list[tuple[str, str]]]:
    """kind (or "ref:table") → [(code, name)], read once per kind for the form or bar that asks."""
    cache: dict[str, list[tuple[str, str]]] = {}

    def source(kind: str) -> list[tuple[str, str]]:
        if kind not in cache:
            with app.db.read() as s:
                if kind.startswith("ref:"):
                    cache[kind] = ledger.ref_choices(s, kind[4:])
                else:
                    cache[kind] = [(c.code, c.name) for c in codes.codes(s, kind)]
        return cache[kind]
    return source


def code_checker(app: AppSession) -> Callable[[str, str], bool]:
    """(kind, code) → whether the code is in this database's table, for a form's own checks."""
    def exists(kind: str, code: str) -> bool:
        with app.db.read() as s:
            return codes.code_exists(s, kind, code)
    return exists
