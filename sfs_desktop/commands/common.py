"""What every headless command shares: finding the data dir and logging in."""

from __future__ import annotations

import getpass
import os
import sys
from argparse import Namespace

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import keys
from sfs_desktop.paths import DataPaths


def data_paths(args: Namespace) -> DataPaths:
    return DataPaths.resolve(getattr(args, "data_dir", None))


def ask(prompt: str, *, secret: bool = False) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(f"需要输入{prompt}，但当前不是交互终端：请设置环境变量 SFS_USER / SFS_PASSWORD")
    return getpass.getpass(f"{prompt}：") if secret else input(f"{prompt}：")


def credentials() -> tuple[str, str]:
    user = os.environ.get("SFS_USER") or ask("用户名")
    password = os.environ.get("SFS_PASSWORD") or ask("密码", secret=True)
    return user, password


def unlock(paths: DataPaths) -> tuple[str, bytes]:
    """Log in with SFS_USER/SFS_PASSWORD (or prompts); returns (username, database key)."""
    if not paths.is_initialised():
        raise UserError(f"数据目录 {paths.root} 尚未初始化：请先运行 sfs-desktop init")
    user, password = credentials()
    key = keys.KeyFile.load(paths.keyfile).unlock(user, password)
    if key is None:
        raise UserError("用户名或密码不正确")
    return user, key


def open_database(args: Namespace) -> tuple[str, Database]:
    paths = data_paths(args)
    user, key = unlock(paths)
    return user, Database(paths, key)
