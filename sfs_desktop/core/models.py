"""Every table of the program, loaded in one place before any database is opened.

A duty adds its models module to :data:`MODEL_MODULES`; that is the only registration it needs.
Nothing depends on a module having been imported by chance: ``synced_tables()``, the database
opener and the migrations all call :func:`load` first, so a command that never touches a duty
still exports, imports, digests and checks that duty's tables (a command line that had not
imported the mediation models once exported bundles without them and claimed their range).
"""

from __future__ import annotations

import importlib

from sqlmodel import SQLModel

MODEL_MODULES = (
    "sfs_desktop.core.db.synced",
    "sfs_desktop.core.codes",
    "sfs_desktop.core.attachments",
    "sfs_desktop.core.documents",
    "sfs_desktop.core.search",
    "sfs_desktop.core.security.accounts",
    "sfs_desktop.core.security.audit",
    "sfs_desktop.core.station.models",
    "sfs_desktop.core.people.models",
    "sfs_desktop.core.sync.models",
    # duties
    "sfs_desktop.core.mediation.models",
)

_loaded = False


def load() -> None:
    """Import every models module (idempotent and cheap after the first call)."""
    global _loaded
    if _loaded:
        return
    for name in MODEL_MODULES:
        importlib.import_module(name)
    _loaded = True


load()
metadata = SQLModel.metadata
