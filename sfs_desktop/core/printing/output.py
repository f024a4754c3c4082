"""Writing a finished PDF: whole or not at all.

A printed document is kept as a record (architecture §7), so a crash or a full disk must not
leave half a PDF under the final name: write a temp file in the same directory, fsync it, then
os.replace() it over the target (atomic on Windows and POSIX alike).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO, Union

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write

Target = Union[str, os.PathLike, BinaryIO]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_pdf(data: bytes, out: Target) -> Path | None:
    """Write `data` to a path (atomically) or a binary file object; returns the path if any.

    A file object lets the caller print without the PDF touching the disk (the station setup
    certificate carries the recovery key).
    """
    if hasattr(out, "write"):
        out.write(data)
        return None
    path = Path(out)
    if not path.parent.is_dir():
        raise UserError(f"无法保存 PDF：文件夹“{path.parent}”不存在")
    try:
        return atomic_write(path, data)
    except PermissionError as exc:
        raise UserError(f"无法写入“{path}”：文件可能正被其他程序（如 PDF 阅读器）打开，请关闭后重试") from exc

