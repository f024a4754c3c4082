"""The OS credential store (keyring), used only where a real backend exists.

keyring's `fail` and `null` backends, and every `keyrings.alt` backend (secrets in clear or
base64), count as "no credential store": the features that need one stay off, the user is
told once in plain words, and no secret is ever written to a plaintext file instead.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError

SERVICE = "sfs-desktop"
MAX_SECRET = 2560  # Windows Credential Manager's limit per secret
_UNUSABLE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_noticed = False
NOTICE = ("提示：本机没有可用的系统凭据库，定时自动备份/同步和保存服务器密码的功能已关闭；"
          "其他功能不受影响。")


def backend_usable(backend=None) -> bool:
    backend = backend or keyring.get_keyring()
    chain = getattr(backend, "backends", None)
    if chain is not None:  # a chainer is usable when one of its members is
        return any(backend_usable(b) for b in chain)
    module = type(backend).__module__
    if module.startswith(_UNUSABLE_MODULES):
        return False
    try:
        return float(getattr(backend, "priority", 0)) > 0
    except Exception:  # noqa: BLE001 - a backend whose priority cannot be read is not usable
        return False


def available() -> bool:
    return backend_usable()


def notice() -> str | None:
    """The one plain-words notice when no credential store exists (None afterwards or if fine)."""
    global _noticed
    if available() or _noticed:
        return None
    _noticed = True
    return NOTICE


def store_secret(name: str, value: str) -> None:
    if not available():
        raise RuntimeError("no usable credential store")
    if len(value.encode("utf-8")) > MAX_SECRET:
        raise ValueError("secret too long for the credential store")
    keyring.set_password(SERVICE, name, value)


def get_secret(name: str) -> str | None:
    if not available():
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:
        return None


def delete_secret(name: str) -> None:
    if not available():
        return
    try:
        keyring.delete_password(SERVICE, name)
    except KeyringError:
        pass
