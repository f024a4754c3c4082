"""TLS for the county relay: a certificate the county makes itself, pinned by every station.

No public CA knows a county's office PC, and none is needed: the county generates a self-signed
certificate (ECDSA P-256) once, keeps it and its private key inside its encrypted database like
its other private keys (`SyncIdentity`), and hands the certificate's SHA-256 to each station in
the enrollment bundle and in every county-signed roster. A station accepts a TLS connection only
from a server presenting exactly that certificate (`PinnedContext`), checked during the
handshake, before a single request byte is sent. The bundles are signed and encrypted on their
own (sync-design.md §4.8); TLS keeps the signed request headers and the link's metadata private
and stops a station from talking to an impostor.

uvicorn reads the certificate and key from files, so the relay writes them under
``relay/tls/`` each time it starts: the key PEM encrypted under a key derived from the database
key (only a process that unlocked the data dir can read it) and readable by the owner only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import ssl
from pathlib import Path

from sqlmodel import Session

from sfs_desktop.core.db.synced import current_actor
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import audit
from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.security.subkeys import subkey

VALID_YEARS = 30  # the pin, not the dates, is what a station checks
CERT_NAME = "sfs-desktop 县司法局同步中继"


def generate() -> tuple[bytes, bytes]:
    """A new self-signed certificate and its private key (both PEM; the key unencrypted)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CERT_NAME)])
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)  # a station clock a little behind
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + dt.timedelta(days=365 * VALID_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def fingerprint(cert_pem: bytes) -> str:
    """SHA-256 of the certificate's DER encoding, lowercase hex (what a station pins)."""
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii"))).hexdigest()


def shown(sha256: str) -> str:
    """A fingerprint as people compare it over the phone: groups of four, upper case."""
    return " ".join(sha256[i:i + 4].upper() for i in range(0, len(sha256), 4))


def ensure(session: Session) -> str:
    """County: the relay certificate's fingerprint, made on first use. A new certificate is
    announced in a reissued roster, so stations enrolled before it learn the pin by USB too."""
    from sfs_desktop.core.sync import identity

    identity.require_county(session)
    ident = identity.ensure_identity(session)
    if ident.tls_cert is None or ident.tls_key is None:
        ident.tls_cert, ident.tls_key = generate()
        session.add(ident)
        session.flush()
        identity.reissue_roster(session)
        audit.record(session, current_actor(), "relay_tls", "sync_identity", fingerprint(ident.tls_cert)[:16])
    return fingerprint(ident.tls_cert)


def write_files(session: Session, folder: Path, dek: bytes) -> tuple[Path, Path, str]:
    """County relay: the certificate and the encrypted key as files for uvicorn, and the key's
    password (derived from the database key, never stored)."""
    from cryptography.hazmat.primitives import serialization

    from sfs_desktop.core.sync import identity

    ident = identity.ensure_identity(session)
    if ident.tls_cert is None or ident.tls_key is None:
        raise UserError("县司法局尚未生成网络同步证书")
    password = key_password(dek)
    key = serialization.load_pem_private_key(ident.tls_key, password=None)
    sealed = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.BestAvailableEncryption(password.encode("ascii")))
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    atomic_write(cert_file, ident.tls_cert)
    atomic_write(key_file, sealed)
    os.chmod(key_file, 0o600)
    return cert_file, key_file, password


def published(folder: Path, dek: bytes) -> tuple[Path, Path, str] | None:
    """What `write_files` left in `folder` on an earlier run, or None."""
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    if not cert_file.exists() or not key_file.exists():
        return None
    return cert_file, key_file, key_password(dek)


def key_password(dek: bytes) -> str:
    return subkey(dek, "relay-tls").hex()  # 64 hex characters: as strong as the key it protects


# --- the station's side --------------------------------------------------------------------------

class PinMismatch(ssl.SSLCertVerificationError):
    """The server's certificate is not the one this station pinned."""


class _PinnedSocket(ssl.SSLSocket):
    def do_handshake(self, block: bool = False) -> None:
        super().do_handshake(block)
        self.context.check(self.getpeercert(binary_form=True) or b"")


class PinnedContext(ssl.SSLContext):
    """A client TLS context that trusts exactly one certificate, by its SHA-256. The check runs
    inside the handshake (``sslsocket_class``), so nothing is sent to a server that fails it; the
    last mismatch stays on the context for the caller's message."""

    sslsocket_class = _PinnedSocket

    def __new__(cls, pin: str):
        ctx = super().__new__(cls, ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False  # a county PC has no name a CA would vouch for: the pin decides
        ctx.verify_mode = ssl.CERT_NONE
        ctx.minimum_version = ssl.TLSVersion.TLSv1_2
        ctx.pin, ctx.mismatch = pin.lower(), None
        return ctx

    def __init__(self, pin: str):
        pass

    def check(self, der: bytes) -> None:
        got = hashlib.sha256(der).hexdigest()
        if got != self.pin:
            self.mismatch = got
            raise PinMismatch(f"certificate {got} is not the pinned {self.pin}")


def mismatch_message(expected: str, got: str) -> str:
    return (f"县局中继的证书与登记时记下的不符（收到的指纹 {shown(got)[:19]}…，应为 {shown(expected)[:19]}…）："
            "可能连错了地址，或有人冒充县局中继，已停止同步。请与县司法局核对证书指纹")
