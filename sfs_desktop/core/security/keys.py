"""The key hierarchy: one random database key (DEK), wrapped per account and once for recovery.

The DEK never touches the disk in clear. Each wrap is the DEK sealed with XSalsa20-Poly1305
(PyNaCl SecretBox) under a key derived from a password or the recovery key by Argon2id; the
KDF parameters are stored with the wrap so they can be raised later without breaking old wraps.
Changing a password rewraps the DEK; the database is never re-encrypted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from nacl.exceptions import CryptoError
from nacl.secret import SecretBox

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write

FORMAT = 1
RECOVERY_WRAP = "recovery"
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 2  # with 64 MiB: above OWASP's Argon2id minimum, ~0.1 s at login
    memory_kib: int = 64 * 1024
    parallelism: int = 2


DEFAULT_KDF = KdfParams()
RECOVERY_KDF = KdfParams(time_cost=2, memory_kib=16 * 1024, parallelism=1)  # 160-bit secret: cheap KDF is enough


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"), salt, time_cost=params.time_cost, memory_cost=params.memory_kib,
        parallelism=params.parallelism, hash_len=32, type=Type.ID,
    )


def wrap(dek: bytes, secret: str, params: KdfParams | None = None) -> dict[str, Any]:
    params = params or DEFAULT_KDF
    salt = secrets.token_bytes(16)
    box = SecretBox(derive(secret, salt, params))
    return {
        "kdf": "argon2id", "t": params.time_cost, "m": params.memory_kib, "p": params.parallelism,
        "salt": _b64(salt), "box": _b64(bytes(box.encrypt(dek))),
    }


def unwrap(entry: dict[str, Any], secret: str) -> bytes | None:
    """The DEK, or None if `secret` is wrong."""
    params = KdfParams(entry["t"], entry["m"], entry["p"])
    box = SecretBox(derive(secret, _unb64(entry["salt"]), params))
    try:
        return bytes(box.decrypt(_unb64(entry["box"])))
    except CryptoError:
        return None


def fingerprint(dek: bytes) -> str:
    """A short public name of the key, printed on the setup certificate to match wraps to it."""
    digest = hashlib.sha256(b"sfs-desktop/dek-fingerprint\x00" + dek).hexdigest().upper()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def new_recovery_key() -> str:
    """25 characters in 5 groups (≈125 bits), easy to copy from paper."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(25))
    return "-".join(chars[i:i + 5] for i in range(0, 25, 5))


def normalize_recovery_key(text: str) -> str:
    chars = "".join(c for c in text.upper() if c.isalnum())
    chars = chars.replace("0", "O").replace("1", "I")  # common misreadings map to nothing valid
    return "-".join(chars[i:i + 5] for i in range(0, len(chars), 5))


class KeyFile:
    """The small JSON file beside the database that holds the wraps (no secret in clear)."""

    def __init__(self, path: Path, data: dict[str, Any]):
        self.path = path
        self.data = data

    @classmethod
    def create(cls, path: Path, dek: bytes) -> "KeyFile":
        return cls(path, {"format": FORMAT, "fingerprint": fingerprint(dek), "wraps": {}})

    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(f"找不到密钥文件 {path}：数据目录未初始化或文件被删除") from None
        except (ValueError, UnicodeDecodeError):
            raise UserError(f"密钥文件 {path} 已损坏") from None
        if data.get("format") != FORMAT:
            raise UserError(f"密钥文件格式 {data.get('format')} 不受本程序支持")
        return cls(Path(path), data)

    @property
    def wraps(self) -> dict[str, dict[str, Any]]:
        return self.data["wraps"]

    def set_account(self, username: str, dek: bytes, password: str, params: KdfParams | None = None) -> None:
        self.wraps[f"user:{username}"] = wrap(dek, password, params)

    def remove_account(self, username: str) -> None:
        self.wraps.pop(f"user:{username}", None)

    def has_account(self, username: str) -> bool:
        return f"user:{username}" in self.wraps

    def set_recovery(self, dek: bytes, recovery_key: str) -> None:
        self.wraps[RECOVERY_WRAP] = wrap(dek, normalize_recovery_key(recovery_key), RECOVERY_KDF)

    def unlock(self, username: str, password: str) -> bytes | None:
        entry = self.wraps.get(f"user:{username}")
        if entry is None:
            # Same work as a real attempt: timing does not reveal which user names exist.
            derive(password, b"\x00" * 16, DEFAULT_KDF)
            return None
        return unwrap(entry, password)

    def unlock_recovery(self, recovery_key: str) -> bytes | None:
        entry = self.wraps.get(RECOVERY_WRAP)
        return unwrap(entry, normalize_recovery_key(recovery_key)) if entry else None

    def save(self) -> None:
        """Atomic: temp file, fsync, rename; a crash leaves the old or the new file, never half."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8"))


def new_dek() -> bytes:
    return secrets.token_bytes(32)
