"""Where the program keeps its files: data, backups, logs and exports.

Order of precedence: an explicit ``--data-dir``, then ``SFS_DATA_DIR``, then portable mode
(a ``portable.txt`` beside the frozen program keeps data next to it, for a USB-stick install),
then the platform's user data dir.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "sfs-desktop"
APP_AUTHOR = "TaojiangSFJ"


def program_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def portable_mode() -> bool:
    return (program_dir() / "portable.txt").exists()


def default_data_dir() -> Path:
    env = os.environ.get("SFS_DATA_DIR")
    if env:
        return Path(env).expanduser()
    if portable_mode():
        return program_dir() / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class DataPaths:
    """All paths below one data dir; one station's whole state lives here."""

    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike | None = None) -> "DataPaths":
        return cls(Path(data_dir).expanduser().resolve() if data_dir else default_data_dir().resolve())

    @property
    def database(self) -> Path:
        return self.root / "sfs.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "keys.json"

    @property
    def lockfile(self) -> Path:
        return self.root / ".lock"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def staging(self) -> Path:
        return self.root / "staging"

    @property
    def relay(self) -> Path:
        """The county relay's staging area (uploads, completed bundles, receipts, replies)."""
        return self.root / "relay"

    @property
    def epoch_note(self) -> Path:
        """The sync epoch of the last restore, outside the database: a restore over a database
        that cannot be opened still starts an epoch newer than any it used."""
        return self.root / "sync-epoch.txt"

    def is_initialised(self) -> bool:
        return self.database.exists() and self.keyfile.exists()

    def keys_problem(self) -> str | None:
        """Why no one can log in here (None when keys.json is present)."""
        if self.keyfile.exists():
            return None
        if self.database.exists():
            return (f"数据目录 {self.root} 缺少密钥文件 keys.json，数据库无法解密：请从备份中找回 keys.json"
                    "（备份数据库时一并保存的那份），放回数据目录后再试；不要重新初始化")
        return f"数据目录 {self.root} 尚未初始化：请先运行 sfs-desktop init"

    def database_problem(self) -> str | None:
        """Why the database file cannot be opened as it is (None when it looks usable)."""
        if not self.database.exists():
            if self.keyfile.exists():
                return (f"数据目录 {self.root} 的数据库文件 sfs.db 不见了：请用 sfs-desktop restore 备份文件 "
                        "从备份恢复（不会新建空数据库）")
            return f"数据目录 {self.root} 尚未初始化：请先运行 sfs-desktop init"
        if self.database.stat().st_size == 0:
            return (f"数据目录 {self.root} 的数据库文件 sfs.db 是空的（可能写入时断电或被误删）：请用 "
                    "sfs-desktop restore 备份文件 从备份恢复（不会新建空数据库）")
        return None

    def ensure(self) -> "DataPaths":
        for d in (self.root, self.backups, self.logs, self.exports, self.attachments, self.staging):
            d.mkdir(parents=True, exist_ok=True)
        return self
