"""Crypto suite 1 (sync-design.md §4.5), all from PyNaCl/libsodium.

Ed25519 signs bundle headers; each bundle's random content key is sealed (X25519 sealed box) to
every recipient's encryption key; the body is a ``crypto_secretstream_xchacha20poly1305`` stream
whose FINAL tag must end it, so truncation, reordering and spliced frames are all detected.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from nacl import bindings as nb
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.signing import SigningKey, VerifyKey

SUITE = "nacl-1"
KEY_BYTES = nb.crypto_secretstream_xchacha20poly1305_KEYBYTES
ABYTES = nb.crypto_secretstream_xchacha20poly1305_ABYTES
TAG_MESSAGE = nb.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL = nb.crypto_secretstream_xchacha20poly1305_TAG_FINAL


@dataclass(frozen=True)
class NodeKeys:
    """A node's private key pair set (signing seed and X25519 secret)."""

    sign_seed: bytes
    box_secret: bytes

    @classmethod
    def generate(cls) -> "NodeKeys":
        return cls(bytes(SigningKey.generate()), bytes(PrivateKey.generate()))

    @property
    def signing(self) -> SigningKey:
        return SigningKey(self.sign_seed)

    @property
    def sign_pk(self) -> bytes:
        return bytes(self.signing.verify_key)

    @property
    def box_pk(self) -> bytes:
        return bytes(PrivateKey(self.box_secret).public_key)

    def sign(self, message: bytes) -> bytes:
        return self.signing.sign(message).signature

    def unseal(self, sealed: bytes) -> bytes | None:
        try:
            return SealedBox(PrivateKey(self.box_secret)).decrypt(sealed)
        except CryptoError:
            return None


def verify(sign_pk: bytes, message: bytes, signature: bytes) -> bool:
    try:
        VerifyKey(sign_pk).verify(message, signature)
        return True
    except (BadSignatureError, ValueError, CryptoError):
        return False


def seal(box_pk: bytes, data: bytes) -> bytes:
    return SealedBox(PublicKey(box_pk)).encrypt(data)


def key_id(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:16]


def fingerprint(sign_pk: bytes, box_pk: bytes) -> str:
    """What two people read to each other to confirm a node's keys (5 groups of 4)."""
    digest = hashlib.sha256(b"sfs-node\x00" + sign_pk + box_pk).hexdigest().upper()
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def new_content_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


class StreamWriter:
    """Encrypts frames; the last one must be pushed with ``final=True``."""

    def __init__(self, key: bytes, ad: bytes):
        self._state = nb.crypto_secretstream_xchacha20poly1305_state()
        self.header = nb.crypto_secretstream_xchacha20poly1305_init_push(self._state, key)
        self._ad = ad

    def push(self, chunk: bytes, *, final: bool = False) -> bytes:
        return nb.crypto_secretstream_xchacha20poly1305_push(
            self._state, chunk, self._ad, TAG_FINAL if final else TAG_MESSAGE)


class StreamReader:
    def __init__(self, key: bytes, header: bytes, ad: bytes):
        self._state = nb.crypto_secretstream_xchacha20poly1305_state()
        nb.crypto_secretstream_xchacha20poly1305_init_pull(self._state, header, key)
        self._ad = ad

    def pull(self, frame: bytes) -> tuple[bytes, bool] | None:
        """(plaintext, is_final), or None when the frame does not authenticate."""
        try:
            plain, tag = nb.crypto_secretstream_xchacha20poly1305_pull(self._state, frame, self._ad)
        except (CryptoError, ValueError, RuntimeError):
            return None
        return plain, tag == TAG_FINAL
