"""Signed requests between a station and the county relay: who sent it, when, and only once.

Every request carries the station code, the time, a random nonce and the SHA-256 of its body,
signed with the station's Ed25519 key (the one in the county-signed roster). The relay accepts a
signature only within a time window around its own clock and only once per nonce (remembered on
disk across restarts), so a recorded request cannot be played again. The bundle inside is signed and encrypted on its own; this only
decides who may talk to the relay, and what they may touch (their own uploads and replies).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
from pathlib import Path
from typing import Callable, Mapping

from sfs_desktop.core.fsio import atomic_write
from sfs_desktop.core.sync import crypto
from sfs_desktop.core.sync.relay_dir import UploadError

DOMAIN = b"SJXH1"
WINDOW_SECONDS = 300
NODE, TIME, NONCE, BODY, SIGNATURE = "x-sfs-node", "x-sfs-time", "x-sfs-nonce", "x-sfs-content-sha256", "x-sfs-signature"
EMPTY = hashlib.sha256(b"").hexdigest()


def _message(method: str, target: str, node: str, when: str, nonce: str, body_sha256: str) -> bytes:
    return DOMAIN + b"\n" + "\n".join((method.upper(), target, node, when, nonce, body_sha256)).encode("utf-8")


def sign(keys: crypto.NodeKeys, node: str, method: str, target: str, body_sha256: str = EMPTY,
         now: float | None = None) -> dict[str, str]:
    """The headers that authenticate one request (`target` is the path with its query)."""
    when = str(int(time.time() if now is None else now))
    nonce = secrets.token_hex(16)
    signature = keys.sign(_message(method, target, node, when, nonce, body_sha256))
    return {NODE: node, TIME: when, NONCE: nonce, BODY: body_sha256, SIGNATURE: signature.hex()}


class Verifier:
    """Checks signed headers against the station keys `keys()` returns (the published roster).

    With `seen`, every accepted nonce is also appended to that file (fsynced before the request
    goes on) and read back at start, so a request recorded before a restart is still refused
    after it; the file is rewritten atomically with only the live nonces when it has grown."""

    def __init__(self, keys: Callable[[], dict[str, bytes] | None], window: int = WINDOW_SECONDS,
                 clock: Callable[[], float] = time.time, seen: Path | None = None):
        self.keys, self.window, self.clock = keys, window, clock
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()
        self._file, self._log, self._logged = seen, None, 0
        if seen is not None:
            self._load()

    def _load(self) -> None:
        try:
            lines = self._file.read_text(encoding="ascii", errors="replace").splitlines()
        except FileNotFoundError:
            lines = []
        now = self.clock()
        for line in lines:  # a line cut short by a crash is skipped
            node, _, rest = line.partition(" ")
            nonce, _, at = rest.partition(" ")
            if at.isdigit() and len(nonce) == 32 and now - int(at) <= 2 * self.window:
                self._seen[(node, nonce)] = float(at)
        self._compact()

    def _compact(self) -> None:
        if self._log is not None:
            self._log.close()
        atomic_write(self._file, "".join(f"{n} {c} {int(at)}\n" for (n, c), at in self._seen.items()).encode("ascii"))
        self._log, self._logged = open(self._file, "ab"), len(self._seen)

    def _remember(self, key: tuple[str, str], now: float) -> None:
        self._seen[key] = now
        if self._log is None:
            return
        self._log.write(f"{key[0]} {key[1]} {int(now)}\n".encode("ascii"))
        self._log.flush()
        os.fsync(self._log.fileno())
        self._logged += 1
        if self._logged > 2 * len(self._seen) + 1000:
            self._compact()

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def check(self, method: str, target: str, headers: Mapping[str, str]) -> tuple[str, str]:
        """(station code, declared body SHA-256); raises UploadError 401/403 otherwise."""
        node, when, nonce = headers.get(NODE, ""), headers.get(TIME, ""), headers.get(NONCE, "")
        body, sig = headers.get(BODY, ""), headers.get(SIGNATURE, "")
        if not (node and when and nonce and body and sig):
            raise UploadError(401, "请求没有签名：只接受已登记司法所签名的请求")
        if not when.isdigit() or len(nonce) != 32 or len(body) != 64:
            raise UploadError(401, "请求签名的格式无效")
        keys = self.keys()
        if keys is None:
            raise UploadError(503, "县局中继尚未取得司法所名册：请县司法局在程序中打开一次数据库后再试")
        pk = keys.get(node)
        if pk is None:
            raise UploadError(403, f"单位 {node} 不在县司法局的名册中或已被吊销")
        try:
            signature = bytes.fromhex(sig)
        except ValueError:
            raise UploadError(401, "请求签名的格式无效") from None
        if not crypto.verify(pk, _message(method, target, node, when, nonce, body), signature):
            raise UploadError(401, "请求签名无效")
        now = self.clock()
        if abs(now - int(when)) > self.window:
            raise UploadError(401, f"请求时间与县局服务器相差超过 {self.window // 60} 分钟：请校准本机时钟后再试")
        with self._lock:
            for key, at in list(self._seen.items()):  # nonces older than the window cannot come back
                if now - at > 2 * self.window:
                    del self._seen[key]
            if (node, nonce) in self._seen:
                raise UploadError(401, "重复的请求（可能是重放），已拒绝")
            self._remember((node, nonce), now)
        return node, body
