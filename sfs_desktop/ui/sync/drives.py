"""Where a USB stick is: removable volumes mounted now, so staff pick a drive rather than a path."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStorageInfo

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/")


def removable_drives() -> list[tuple[str, Path]]:
    """(label, root) of writable volumes that look removable: not the system disk, not read-only.

    Windows: every drive letter other than the system drive; elsewhere: what is mounted under
    /media, /run/media or /mnt. The label says the name and the free space.
    """
    system = Path(sys.executable).anchor.upper()
    out = []
    for vol in QStorageInfo.mountedVolumes():
        if not vol.isValid() or not vol.isReady() or vol.isReadOnly():
            continue
        root = vol.rootPath()
        if sys.platform == "win32":
            if root.upper().startswith(system) or len(root) > 3:
                continue
        elif not root.startswith(REMOVABLE_ROOTS):
            continue
        free = vol.bytesAvailable() / 1024 ** 3
        name = vol.displayName() or root
        out.append((f"{name}（{root}，可用 {free:.1f} GB）", Path(root)))
    return out
