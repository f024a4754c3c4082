"""Every table of the program, imported in one place so metadata and migrations see them all.

A duty adds its models module here; that is the only registration it needs.
"""

from sqlmodel import SQLModel

from sfs_desktop.core import attachments, codes, documents, search  # noqa: F401
from sfs_desktop.core.db import synced  # noqa: F401
from sfs_desktop.core.mediation import models as _mediation  # noqa: F401
from sfs_desktop.core.people import models as _people  # noqa: F401
from sfs_desktop.core.security import accounts as _accounts, audit as _audit  # noqa: F401
from sfs_desktop.core.station import models as _station  # noqa: F401
from sfs_desktop.core.sync import models as _sync  # noqa: F401

metadata = SQLModel.metadata
