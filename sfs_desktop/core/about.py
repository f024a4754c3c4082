"""What the program says about itself: `--version` and the GUI's 关于 dialog.

A county IT person comparing two PCs needs three numbers: the program version, the database
schema (a newer program migrates an older database; an older program refuses a newer one) and
the sync bundle format and protocol (a county and its stations must read each other's bundles).
No Qt here: the About dialog (`sfs_desktop.ui.about`) adds Qt's own version itself.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from sfs_desktop import __version__
from sfs_desktop.paths import DataPaths, portable_mode, program_dir

PROGRAM = "sfs-desktop"
LOG_FILE = "sfs-desktop.log"  # the file core.logs.setup writes under the data dir's logs/


@dataclass(frozen=True)
class Versions:
    program: str
    schema: str
    bundle_format: int
    protocol: int


def versions() -> Versions:
    from sfs_desktop.core.db.migrate import HEAD
    from sfs_desktop.core.sync.bundle import FORMAT_VERSION
    from sfs_desktop.core.sync.exporter import PROTOCOL

    return Versions(__version__, HEAD, FORMAT_VERSION, PROTOCOL)


def install_kind() -> str:
    if not getattr(sys, "frozen", False):
        return "源代码运行"
    return "便携版（数据保存在程序目录的 data 文件夹）" if portable_mode() else "安装版"


def version_text() -> str:
    """The lines `sfs-desktop --version` prints."""
    v = versions()
    return "\n".join([
        f"{PROGRAM} {v.program}",
        f"数据库结构版本 {v.schema}",
        f"同步包格式 {v.bundle_format}，同步协议 {v.protocol}",
        f"Python {platform.python_version()}，{install_kind()}",
    ])


def facts(paths: DataPaths | None = None) -> list[tuple[str, str]]:
    """(label, value) rows for the About dialog: the versions, then where things are."""
    v = versions()
    paths = paths or DataPaths.resolve()
    return [
        ("程序版本", v.program),
        ("数据库结构版本", v.schema),
        ("同步包格式", f"{v.bundle_format}（同步协议 {v.protocol}）"),
        ("运行方式", install_kind()),
        ("程序目录", str(program_dir())),
        ("数据目录", str(paths.root)),
        ("日志文件", str(Path(paths.logs) / LOG_FILE)),
        ("Python", f"{platform.python_version()}（{platform.system()} {platform.release()}）"),
    ]
