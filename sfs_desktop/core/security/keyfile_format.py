"""What a well-formed key file looks like: every malformed one is named in one Chinese phrase.

`problem(data)` returns None for a file the program can use, else what is wrong with it, so the
caller says one line (and what to do) instead of failing somewhere inside with a traceback.
The limits on the Argon2id parameters keep an edited file from making a login take all memory
(m = 2^31) or no time at all (t = 0).
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

FORMATS = (1, 2)
ROLES = ("head", "staff", "mediator", "inspector")
MIN_MEMORY_KIB, MAX_MEMORY_KIB = 8 * 1024, 1024 * 1024
MAX_TIME_COST, MAX_PARALLELISM = 16, 16
SALT_BYTES, BOX_BYTES = 16, 24 + 32 + 16  # nonce + key + tag, for both wrap versions
POLICY_LIMITS = {"max_failed": (1, 100), "lockout_minutes": (1, 24 * 60), "autolock_minutes": (0, 24 * 60)}


def b64(text: Any, size: int | None = None) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return raw if size is None or len(raw) == size else None


def is_int(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def wrap_problem(name: str, entry: Any) -> str | None:
    where = "恢复密钥条目" if name == "recovery" else f"账户“{name.removeprefix('user:')}”的密钥"
    if not isinstance(entry, dict):
        return f"{where}不是有效的条目"
    if entry.get("v", 1) not in (1, 2):
        return f"{where}版本 {entry.get('v')!r} 不受支持"
    if entry.get("kdf") != "argon2id":
        return f"{where}的密钥派生算法应为 argon2id"
    if not is_int(entry.get("t"), 1, MAX_TIME_COST):
        return f"{where}的 Argon2 时间参数 t={entry.get('t')!r} 不在 1–{MAX_TIME_COST} 之内"
    if not is_int(entry.get("p"), 1, MAX_PARALLELISM):
        return f"{where}的 Argon2 并行参数 p={entry.get('p')!r} 不在 1–{MAX_PARALLELISM} 之内"
    if not is_int(entry.get("m"), max(MIN_MEMORY_KIB, 8 * entry["p"]), MAX_MEMORY_KIB):
        return f"{where}的 Argon2 内存参数 m={entry.get('m')!r} 不在 {MIN_MEMORY_KIB}–{MAX_MEMORY_KIB} KiB 之内"
    if b64(entry.get("salt"), SALT_BYTES) is None:
        return f"{where}的盐值（salt）无效"
    if b64(entry.get("box"), BOX_BYTES) is None:
        return f"{where}的密文（box）无效"
    if "role" in entry and entry["role"] not in ROLES:
        return f"{where}的角色“{entry['role']}”无效"
    return None


def logins_problem(logins: Any) -> str | None:
    if not isinstance(logins, dict):
        return "登录记录（logins）不是有效的对象"
    for user, entry in logins.items():
        if not isinstance(entry, dict):
            return f"账户“{user}”的登录记录不是有效的对象"
        failed = entry.get("failed", [])
        if not isinstance(failed, list) or any(parse_time(t) is None for t in failed):
            return f"账户“{user}”的登录失败记录无效"
        if entry.get("locked_until") is not None and parse_time(entry["locked_until"]) is None:
            return f"账户“{user}”的锁定时间“{entry['locked_until']}”无效"
        if not is_int(entry.get("audited", 0), 0, 10**9) or not is_int(entry.get("tally", 0), 0, 10**9):
            return f"账户“{user}”的登录记录计数无效"
    return None


def policy_problem(policy: Any) -> str | None:
    if not isinstance(policy, dict):
        return "登录策略（policy）不是有效的对象"
    for key, (low, high) in POLICY_LIMITS.items():
        if key in policy and not is_int(policy[key], low, high):
            return f"登录策略 {key}={policy[key]!r} 不在 {low}–{high} 之内"
    return None


def problem(data: Any) -> str | None:
    """None when the key file is usable, else one phrase naming what is wrong."""
    if not isinstance(data, dict):
        return "不是有效的密钥文件（内容应为 JSON 对象）"
    if data.get("format") not in FORMATS:
        return f"的格式 {data.get('format')!r} 不受本程序支持"
    wraps = data.get("wraps")
    if not isinstance(wraps, dict):
        return "缺少账户密钥（wraps）"
    if not any(isinstance(k, str) and k.startswith("user:") for k in wraps):
        return "中没有任何账户密钥"
    if "recovery" not in wraps:
        return "缺少恢复密钥条目"
    for name, entry in wraps.items():
        if name != "recovery" and not (isinstance(name, str) and name.startswith("user:")):
            return f"含有无法识别的密钥条目“{name}”"
        found = wrap_problem(name, entry)
        if found:
            return found
    if data["format"] == 1 and any(isinstance(e, dict) and e.get("v", 1) != 1 for e in wraps.values()):
        return "的格式（1）与其中的密钥条目（2）不符：文件被改动过"
    if "logins" in data:
        found = logins_problem(data["logins"])
        if found:
            return found
    if "policy" in data and data["format"] == 2:  # a format-1 file's policy is not used
        found = policy_problem(data["policy"])
        if found:
            return found
    if data["format"] == 2:
        if b64(data.get("verify_key"), 32) is None or b64(data.get("sig"), 64) is None:
            return "缺少签名或签名无效"
        sealed = data.get("sealed")
        if not isinstance(sealed, dict) or "policy" not in data or not all(
                isinstance(v, list) and len(v) == 3 and is_int(v[0], 0, 10**9) and isinstance(v[1], str)
                and is_int(v[2], 0, 10**9) for v in sealed.values()):
            return "缺少签名覆盖的登录记录或策略"
        if any(name != "recovery" and "role" not in entry for name, entry in wraps.items()):
            return "的账户密钥缺少角色"
    return None
