"""Keys derived from the database key (DEK), one per purpose, so no purpose reuses another's key.

BLAKE2b keyed with the DEK is a PRF; the purpose string is its input. Nothing here imports the
database layer (the key file is checked before SQLAlchemy loads).
"""

from __future__ import annotations

import hashlib

PURPOSES = ("keyfile-sign", "files-encrypt", "files-name", "relay-tls")


def subkey(dek: bytes, purpose: str) -> bytes:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown key purpose {purpose}")
    return hashlib.blake2b(purpose.encode("ascii"), key=dek, digest_size=32, person=b"sfs-desktop-kdf").digest()
