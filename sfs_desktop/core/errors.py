"""Errors that carry a message meant for the station's staff (in Chinese)."""


class UserError(Exception):
    """Something the user can fix; `str(err)` is a complete Chinese sentence."""


class PermissionDenied(UserError):
    """The signed-in account's role does not allow this action."""


class ValidationError(UserError):
    """One or more field values were refused; `problems` holds them all."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("；".join(p.message for p in self.problems if p.is_error) or "输入有误")


_OS_ERRORS = {
    "ENOSPC": "磁盘或U盘空间不足：请清理空间或换一个U盘后重试",
    "EROFS": "目标位置是只读的（U盘写保护或光盘）：请换一个可写的位置后重试",
    "EACCES": "没有权限读写该位置：请换一个位置，或请电脑管理员开放权限",
    "EPERM": "没有权限读写该位置：请换一个位置，或请电脑管理员开放权限",
    "ENOENT": "找不到文件或文件夹",
    "EISDIR": "这是一个文件夹，不是文件",
    "EEXIST": "文件已存在",
    "ENOTDIR": "路径中有一段不是文件夹",
    "EIO": "读写出错（U盘或硬盘可能已损坏或被拔出）",
}


def explain(exc: BaseException) -> str | None:
    """One Chinese sentence for a disk or file failure (a full or read-only stick, a full disk
    under the database), or None when `exc` is not one: what the command line and the GUI say
    instead of a traceback. Whatever was being written was rolled back or removed."""
    import errno

    if isinstance(exc, OSError) and exc.errno is not None:
        name = errno.errorcode.get(exc.errno, "")
        text = _OS_ERRORS.get(name, f"读写文件失败（错误码 {exc.errno}）")
        where = f"：{exc.filename}" if exc.filename else ""
        half = "；未留下写了一半的文件" if name in ("ENOSPC", "EROFS", "EIO", "EFBIG", "EDQUOT") else ""
        return f"{text}{where}{half}"
    message = str(getattr(exc, "orig", exc) or "").lower()
    if "database or disk is full" in message or "disk i/o error" in message:
        return "磁盘空间不足或读写出错，数据库未能写入：本次操作已全部撤销，请清理磁盘空间后重试"
    if "attempt to write a readonly database" in message:
        return "数据目录是只读的，无法写入：请检查磁盘或文件夹权限"
    return None
