"""Every table of the program, loaded in one place before any database is opened.

The modules come from the duty registry (:mod:`sfs_desktop.core.duties`): a duty names its models
module in its manifest, and that is the only registration it needs.
Nothing depends on a module having been imported by chance: ``synced_tables()``, the database
opener and the migrations all call :func:`load` first, so a command that never touches a duty
still exports, imports, digests and checks that duty's tables (a command line that had not
imported the mediation models once exported bundles without them and claimed their range).
"""

from __future__ import annotations

import importlib

from sqlmodel import SQLModel


def model_modules() -> tuple[str, ...]:
    """The shared parts' model modules, then each registered duty's (core/duties.py)."""
    from sfs_desktop.core import duties

    return duties.model_modules()


_loaded = False


def load() -> None:
    """Import every models module (idempotent and cheap after the first call)."""
    global _loaded
    if _loaded:
        return
    for name in model_modules():
        importlib.import_module(name)
    _loaded = True


load()
metadata = SQLModel.metadata
