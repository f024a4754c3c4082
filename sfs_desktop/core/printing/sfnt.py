"""Reading just enough of a font file's sfnt header to know whether ReportLab can embed it.

ReportLab embeds only TrueType outlines (a ``glyf`` table). Fonts with PostScript outlines
(``CFF ``/``CFF2``: Noto Sans/Serif CJK, Source Han, most .otf) fail deep inside ReportLab
after reading the whole (often 20 MB) file, so the font search checks the table directory
first: a few hundred bytes per face.
"""

from __future__ import annotations

import struct
from pathlib import Path

TRUETYPE = "truetype"
CFF = "cff"
UNKNOWN = "unknown"

_TTC = b"ttcf"


def face_count(path: Path) -> int:
    """Number of faces: the count of a TrueType collection (.ttc), else 1."""
    with open(path, "rb") as f:
        head = f.read(12)
    if len(head) == 12 and head[:4] == _TTC:
        return struct.unpack(">I", head[8:12])[0]
    return 1


def outline_format(path: Path, index: int = 0) -> str:
    """``TRUETYPE``, ``CFF`` or ``UNKNOWN`` (not a font, truncated, bad index) for one face."""
    try:
        with open(path, "rb") as f:
            return _outline_format(f, index)
    except (OSError, struct.error, ValueError):
        return UNKNOWN


def _outline_format(f, index: int) -> str:
    head = f.read(12)
    offset = 0
    if head[:4] == _TTC:
        count = struct.unpack(">I", head[8:12])[0]
        if not 0 <= index < count:
            return UNKNOWN
        f.seek(12 + 4 * index)
        offset = struct.unpack(">I", f.read(4))[0]
        f.seek(offset)
        head = f.read(12)
    elif index != 0:
        return UNKNOWN
    version, num_tables = head[:4], struct.unpack(">H", head[4:6])[0]
    if version not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        return UNKNOWN
    f.seek(offset + 12)
    directory = f.read(16 * num_tables)
    tags = {directory[i : i + 4] for i in range(0, len(directory), 16)}
    if b"CFF " in tags or b"CFF2" in tags:
        return CFF
    if b"glyf" in tags and b"loca" in tags:
        return TRUETYPE
    return UNKNOWN
