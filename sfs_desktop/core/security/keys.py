"""The key hierarchy: one random database key (DEK), wrapped per account and once for recovery.

The DEK never touches the disk in clear. Each wrap is the DEK sealed with XChaCha20-Poly1305
under a key derived from a password or the recovery key by Argon2id; the wrap's associated data
names its account, the account's role and the file's verify key, so a wrap copied to another
account (or to another file) opens nothing. The KDF parameters are stored with the wrap so they
can be raised later without breaking old wraps. Changing a password rewraps the DEK; the database
is never re-encrypted.

Whoever holds the DEK signs the file (Ed25519, key derived from the DEK): the wraps, their roles,
the lockout policy (copied from the encrypted database at each login) and the failed attempts as
they stood at the last signing. Only the failures since then lie outside the signature: a wrong
password cannot sign. Files of format 1 (no signature, wraps without associated data) still open
and are upgraded on the next successful login.
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
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt, crypto_aead_xchacha20poly1305_ietf_encrypt
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.secret import SecretBox
from nacl.signing import SigningKey, VerifyKey

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.security import keyfile_format
from sfs_desktop.core.security.subkeys import subkey

FORMAT = 2
RECOVERY_WRAP = "recovery"
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper
_SIGNED = ("format", "fingerprint", "verify_key", "wraps", "policy", "sealed")
ADVICE = "请把备份的 keys.json 复制回数据目录，或由所长用恢复密钥运行 sfs-desktop recover --user 所长用户名"


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


def associated_data(label: str, role: str | None, verify_key: str) -> bytes:
    """What a wrap is bound to: its entry, its role and its file (the recovery wrap: its entry only,
    so the recovery key still opens a file whose signature was damaged)."""
    if label == RECOVERY_WRAP:
        return b"sfs-desktop/wrap/2\x00recovery"
    return f"sfs-desktop/wrap/2\x00{label}\x00{role}\x00{verify_key}".encode("utf-8")


def wrap(dek: bytes, secret: str, params: KdfParams | None = None, aad: bytes = b"") -> dict[str, Any]:
    params = params or DEFAULT_KDF
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(24)
    sealed = crypto_aead_xchacha20poly1305_ietf_encrypt(dek, aad, nonce, derive(secret, salt, params))
    return {"v": 2, "kdf": "argon2id", "t": params.time_cost, "m": params.memory_kib, "p": params.parallelism,
            "salt": _b64(salt), "box": _b64(nonce + sealed)}


def unwrap(entry: dict[str, Any], secret: str, aad: bytes = b"") -> bytes | None:
    """The DEK, or None if `secret` is wrong or the wrap was moved (version 1 wraps have no binding)."""
    key = derive(secret, _unb64(entry["salt"]), KdfParams(entry["t"], entry["m"], entry["p"]))
    box = _unb64(entry["box"])
    try:
        if entry.get("v", 1) == 1:
            return bytes(SecretBox(key).decrypt(box))
        return crypto_aead_xchacha20poly1305_ietf_decrypt(box[24:], aad, box[:24], key)
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


def signing_key(dek: bytes) -> SigningKey:
    return SigningKey(subkey(dek, "keyfile-sign"))


def verify_key_of(dek: bytes) -> str:
    return _b64(bytes(signing_key(dek).verify_key))


def failures_digest(times: list[str]) -> str:
    return hashlib.sha256("\n".join(times).encode("utf-8")).hexdigest()


def _canonical(data: dict[str, Any]) -> bytes:
    part = {k: data.get(k) for k in _SIGNED}
    return json.dumps(part, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def file_error(path: Path, problem: str) -> UserError:
    joiner = "" if problem.startswith(("不是", "的", "中", "缺少", "含有", "是", "已", "被")) else "中"
    return UserError(f"密钥文件 {path} {joiner}{problem}：{ADVICE}")


class KeyFile:
    """The small JSON file beside the database that holds the wraps (no secret in clear)."""

    def __init__(self, path: Path, data: dict[str, Any]):
        self.path = path
        self.data = data

    @classmethod
    def create(cls, path: Path, dek: bytes) -> "KeyFile":
        return cls(path, {"format": FORMAT, "fingerprint": fingerprint(dek), "verify_key": verify_key_of(dek),
                          "wraps": {}, "policy": {}, "sealed": {}, "logins": {}})

    @classmethod
    def load(cls, path: Path, *, check_signature: bool = True, repair: bool = False) -> "KeyFile":
        """The file, checked: malformed, or (format 2) signed by no one who held the key → one line.
        `repair` (the recovery key's path) drops damaged login records and policy instead of refusing."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(f"找不到密钥文件 {path}：数据目录未初始化或文件被删除；{ADVICE}") from None
        except (ValueError, UnicodeDecodeError):
            raise file_error(path, "已损坏（不是有效的 JSON）") from None
        if repair and isinstance(data, dict):
            if keyfile_format.logins_problem(data.get("logins", {})):
                data["logins"] = {}
            if keyfile_format.policy_problem(data.get("policy", {})):
                data["policy"] = {}
        problem = keyfile_format.problem(data)
        if problem:
            raise file_error(path, problem)
        keyfile = cls(Path(path), data)
        if check_signature and not keyfile.signature_ok():
            raise file_error(path, "被改动过（签名不符：账户密钥、角色或登录策略被改动）")
        return keyfile

    @property
    def signed(self) -> bool:
        return self.data.get("format") == 2

    def signature_ok(self) -> bool:
        if not self.signed:
            return True
        try:
            VerifyKey(_unb64(self.data["verify_key"])).verify(_canonical(self.data), _unb64(self.data["sig"]))
        except (BadSignatureError, ValueError, TypeError):
            return False
        return True

    def belongs_to(self, dek: bytes) -> bool:
        """Whether the file was signed under this database key (format 1: nothing to compare)."""
        return not self.signed or self.data.get("verify_key") == verify_key_of(dek)

    @property
    def wraps(self) -> dict[str, dict[str, Any]]:
        return self.data["wraps"]

    def _aad(self, label: str, role: str | None) -> bytes:
        return associated_data(label, role, self.data.get("verify_key", ""))

    def set_account(self, username: str, dek: bytes, password: str, role: str,
                    params: KdfParams | None = None) -> None:
        self._adopt(dek)
        label = f"user:{username}"
        self.wraps[label] = {**wrap(dek, password, params, self._aad(label, role)), "role": role}

    def remove_account(self, username: str) -> None:
        self.wraps.pop(f"user:{username}", None)
        self.data.get("logins", {}).pop(username, None)

    def has_account(self, username: str) -> bool:
        return f"user:{username}" in self.wraps

    def role(self, username: str) -> str | None:
        return (self.wraps.get(f"user:{username}") or {}).get("role")

    def needs_rewrap(self, username: str) -> bool:
        return (self.wraps.get(f"user:{username}") or {}).get("v", 1) == 1

    def failures_intact(self, username: str) -> bool:
        """Whether the failures signed last time are still there, unchanged, and the running tally
        agrees with the ones added since (format 1: nothing signed). Removing or editing a failure
        is tampering; only restoring the whole entry to its signed state cannot be told apart."""
        if not self.signed:
            return True
        n, digest, tally = self.data["sealed"].get(username) or (0, failures_digest([]), 0)
        entry = self.data.get("logins", {}).get(username, {})
        failed = entry.get("failed", [])
        return (len(failed) >= n and failures_digest(failed[:n]) == digest and entry.get("audited", 0) <= len(failed)
                and entry.get("tally", 0) - tally == len(failed) - n)

    def set_recovery(self, dek: bytes, recovery_key: str) -> None:
        self._adopt(dek)
        aad = self._aad(RECOVERY_WRAP, None)
        self.wraps[RECOVERY_WRAP] = wrap(dek, normalize_recovery_key(recovery_key), RECOVERY_KDF, aad)

    def unlock(self, username: str, password: str) -> bytes | None:
        label = f"user:{username}"
        entry = self.wraps.get(label)
        if entry is None:
            # Same work as a real attempt: timing does not reveal which user names exist.
            derive(password, b"\x00" * 16, DEFAULT_KDF)
            return None
        return unwrap(entry, password, self._aad(label, entry.get("role")))

    def unlock_recovery(self, recovery_key: str) -> bytes | None:
        entry = self.wraps.get(RECOVERY_WRAP)
        return unwrap(entry, normalize_recovery_key(recovery_key), self._aad(RECOVERY_WRAP, None)) if entry else None

    def _adopt(self, dek: bytes) -> None:
        """Before wrapping under this file: make it a signed (format 2) file of this key."""
        vk = verify_key_of(dek)
        if self.data.get("verify_key") != vk:
            self.data["verify_key"] = vk
        self.data["format"] = FORMAT
        self.data.setdefault("policy", {})
        self.data.setdefault("logins", {})

    def sign(self, dek: bytes) -> None:
        """Seal the file under the key: wraps, roles, policy and the failures recorded so far."""
        self._adopt(dek)
        logins = self.data["logins"]
        self.data["sealed"] = {user: [len(entry.get("failed", [])), failures_digest(entry.get("failed", [])),
                                      entry.get("tally", 0)] for user, entry in logins.items()}
        self.data["sig"] = _b64(signing_key(dek).sign(_canonical(self.data)).signature)

    def save(self, dek: bytes | None = None) -> None:
        """Atomic: temp file, fsync, rename; a crash leaves the old or the new file, never half.
        With the key, the file is signed first; without it (a wrong password) only the failures change."""
        if dek is not None:
            self.sign(dek)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps(self.data, ensure_ascii=False, indent=1).encode("utf-8"))


def new_dek() -> bytes:
    return secrets.token_bytes(32)
