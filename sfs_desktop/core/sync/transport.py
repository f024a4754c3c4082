"""The station's network exchange with the county relay (sync-design.md §4.8).

One run: fetch and import what the county has waiting (its acks among it), export what the
county has not acknowledged (unless an earlier run's bundles are still unsent: they are
cumulative, so they go first and nothing is exported twice), upload each bundle from the
offset the relay has durably stored, take the county-signed receipt, then fetch the reply.
Every step survives a dropped link: uploads resume at the server's offset, downloads with
``Range``/``If-Range``; retries (tenacity) back off exponentially with jitter on connection
errors, timeouts, 429 and 5xx, and never on a refusal (a bad signature, a rejected bundle), which
stops the run at once with the relay's own reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import httpx
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import COUNTY_NODE, acting_as
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fsio import fsync_dir
from sfs_desktop.core.security.access import Principal, require
from sfs_desktop.core.sync import bundle, exporter, identity, importer, relay_auth, relay_tls
from sfs_desktop.core.sync.relay_dir import receipt_valid

log = logging.getLogger("sfs_desktop.sync")

CHUNK = 4 * 1024 * 1024
"""Bytes per PATCH. Each chunk costs a signed request, a nonce remembered and an fsync at the relay;
at 1 MiB a 64 MiB bundle took 3–4.3× a plain PUT of the same bytes (benchmarks/bench_relay.py), at
4 MiB 2–3×. A cut costs at most one chunk again."""
ATTEMPTS = 8
Progress = Callable[[str, int, int], None]


class Transient(Exception):
    """A failure worth another try: the link, a timeout, 429 or a 5xx."""


class Refused(UserError):
    """The relay refused (4xx other than 429) or a reply failed verification: never retried."""


class Cancelled(UserError):
    """The person stopped the run (GUI); never retried."""


@dataclass
class SyncSummary:
    sent: list[str] = field(default_factory=list)
    staged: list[str] = field(default_factory=list)
    received: list[importer.ImportResult] = field(default_factory=list)
    bytes_sent: int = 0
    bytes_received: int = 0

    @property
    def conflicts(self) -> int:
        return sum(r.counts.get("conflicts", 0) for r in self.received)


def _transient(exc: BaseException) -> bool:
    return isinstance(exc, (Transient, httpx.TransportError))


class Client:
    """Signed requests to one relay, each retried on transient failures only."""

    def __init__(self, base_url: str, node: str, keys, *, pin: str | None = None, http: httpx.Client | None = None,
                 attempts: int = ATTEMPTS, max_wait: float = 10.0):
        """HTTPS to a server whose certificate has the SHA-256 `pin`; `http` replaces the
        network instead (in-process tests pass Starlette's TestClient, an httpx.Client)."""
        self.node, self.keys = node, keys
        self.tls = relay_tls.PinnedContext(pin) if pin else None
        self.http = http or httpx.Client(base_url=base_url.rstrip("/"), verify=self.tls or True,
                                         timeout=httpx.Timeout(30.0, connect=10.0))
        self.attempts, self.max_wait = attempts, max_wait
        self.cancelled: Callable[[], bool] = lambda: False

    def close(self) -> None:
        self.http.close()

    def retrying(self) -> Retrying:
        return Retrying(retry=retry_if_exception(_transient), stop=stop_after_attempt(self.attempts),
                        wait=wait_random_exponential(multiplier=0.2, max=self.max_wait), reraise=True)

    def send(self, method: str, path: str, *, content: bytes = b"", headers: dict[str, str] | None = None,
             body_sha256: str | None = None, stream: bool = False) -> httpx.Response:
        if self.cancelled():  # between two requests: every byte the relay acknowledged stays
            raise Cancelled("已取消网络同步；已传的部分已保存，下次同步会接着传")
        digest = body_sha256 or hashlib.sha256(content).hexdigest()
        signed = relay_auth.sign(self.keys, self.node, method, path, digest)
        request = self.http.build_request(method, path, content=content, headers={**(headers or {}), **signed})
        try:
            response = self.http.send(request, stream=stream)
        except httpx.ConnectError:
            if self.tls is not None and self.tls.mismatch:  # not the pinned certificate: never retried
                raise Refused(relay_tls.mismatch_message(self.tls.pin, self.tls.mismatch)) from None
            raise
        if response.status_code == 429 or response.status_code >= 500:
            response.close()
            raise Transient(f"HTTP {response.status_code}")
        if response.status_code >= 400 and response.status_code != 404:
            if stream:
                response.read()
            raise Refused(f"县局中继拒绝了请求：{_reason(response)}")
        return response


def _reason(response: httpx.Response) -> str:
    try:
        return str(response.json().get("error") or response.status_code)
    except ValueError:
        return f"HTTP {response.status_code}"


# --- uploads -------------------------------------------------------------------------------------

def upload(client: Client, path: Path, county_sign_pk: bytes, summary: SyncSummary,
           chunk: int = CHUNK) -> dict[str, Any] | None:
    """Send one bundle, resuming wherever the relay stands; the verified receipt, or None while
    the relay holds it for the county to import."""
    size = path.stat().st_size
    bundle_id = bundle.parse(path).header["bundle_id"]
    sha = _file_sha256(path)
    for attempt in client.retrying():
        with attempt:
            state = _upload_state(client, bundle_id, size, sha)
            while isinstance(state, int):
                with open(path, "rb") as fh:
                    fh.seek(state)
                    data = fh.read(chunk)
                r = client.send("PATCH", f"/v1/uploads/{bundle_id}", content=data,
                                headers={"Upload-Offset": str(state), "Content-Type": "application/offset+octet-stream",
                                         "Tus-Resumable": "1.0.0"})
                summary.bytes_sent += len(data)
                if r.status_code == 404:
                    raise Transient("upload vanished")
                state = int(r.headers["Upload-Offset"]) if r.status_code == 204 else r.json()
    return _receipt(state, bundle_id, county_sign_pk)


def _upload_state(client: Client, bundle_id: str, size: int, sha: str) -> int | dict[str, Any]:
    """The stored offset of an open upload, or the relay's answer for a finished one."""
    r = client.send("HEAD", f"/v1/uploads/{bundle_id}")
    if r.status_code == 200:
        return int(r.headers["Upload-Offset"])
    body = json.dumps({"bundle_id": bundle_id, "length": size, "sha256": sha}).encode("utf-8")
    r = client.send("POST", "/v1/uploads", content=body, headers={"Content-Type": "application/json"})
    answer = r.json()
    return int(answer["offset"]) if answer.get("status") == "open" else answer


def _receipt(answer: dict[str, Any], bundle_id: str, county_sign_pk: bytes) -> dict[str, Any] | None:
    if answer.get("status") == "staged":
        return None
    receipt = answer.get("receipt") or {}
    if receipt.get("bundle_id") != bundle_id or not receipt_valid(receipt, county_sign_pk):
        raise Refused("县局中继的回执签名无效（不是由已登记的县司法局密钥签发），已停止同步")
    return receipt


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --- downloads -----------------------------------------------------------------------------------

def download(client: Client, item: dict[str, Any], folder: Path, summary: SyncSummary) -> Path:
    """Fetch one waiting bundle into `folder`, resuming a partial file with Range/If-Range."""
    bundle_id = item["id"]
    target = folder / f"{bundle_id}{bundle.SUFFIX}"
    part = target.with_name(target.name + ".part")
    tag_file = target.with_name(target.name + ".etag")
    if tag_file.exists() and tag_file.read_text() != item["etag"]:
        part.unlink(missing_ok=True)  # a different body under the same id: start over
    tag_file.write_text(item["etag"])
    for attempt in client.retrying():
        with attempt:
            have = part.stat().st_size if part.exists() else 0
            if have < item["size"]:
                headers = {"Range": f"bytes={have}-", "If-Range": item["etag"]} if have else {}
                r = client.send("GET", f"/v1/bundles/{bundle_id}", headers=headers, stream=True)
                try:
                    if r.status_code == 404:
                        raise Refused("县局中继上的同步包已不存在，请重新同步")
                    with open(part, "ab" if r.status_code == 206 else "wb") as fh:
                        try:
                            for block in r.iter_bytes():
                                fh.write(block)
                                summary.bytes_received += len(block)
                        finally:  # what arrived before a cut is kept for the next Range request
                            fh.flush()
                            os.fsync(fh.fileno())
                finally:
                    r.close()
            if part.stat().st_size != item["size"]:
                raise Transient("download cut short")
    if '"' + bundle.parse(part).header["body_sha256"] + '"' != item["etag"]:
        part.unlink(missing_ok=True)
        raise Refused("下载的同步包与县局中继声明的摘要不符，已丢弃")
    os.replace(part, target)
    fsync_dir(folder)
    tag_file.unlink(missing_ok=True)
    return target


# --- one run -------------------------------------------------------------------------------------

def outgoing_dir(db: Database) -> Path:
    return db.paths.staging / "outgoing"


def incoming_dir(db: Database) -> Path:
    return db.paths.staging / "incoming"


def check_url(url: str) -> str:
    """The relay address as typed, checked: https, a host, nothing after the port."""
    url = (url or "").strip()
    example = "县局中继地址应形如 https://192.168.1.10:8443"
    if not url.startswith("https://"):
        raise UserError(f"{example}（以 https:// 开头：县局中继只接受加密连接）")
    url = url.rstrip("/")
    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except (httpx.InvalidURL, ValueError):
        raise UserError(f"{example}：“{url}”不是有效的地址") from None
    if not parsed.host or parsed.path not in ("", "/") or parsed.query or (port is not None and not 0 < port < 65536):
        raise UserError(f"{example}：“{url}”不是有效的地址")
    return url


def relay_url(session) -> str | None:
    """Station: the relay address remembered from the last network sync (local, never sent)."""
    county = identity.peer(session, COUNTY_NODE)
    return county.relay_url if county else None


def _remember_url(url: str):
    def store(s) -> None:
        county = identity.peer(s, COUNTY_NODE)
        county.relay_url = url
        s.add(county)
    return store


def sync(db: Database, url: str | None, *, principal: Principal, client: Client | None = None,
         progress: Progress | None = None, chunk: int = CHUNK, attempts: int = ATTEMPTS,
         cancelled: Callable[[], bool] | None = None) -> SyncSummary:
    """The station's whole exchange with the county relay at `url` (None: the remembered one;
    a new one is remembered); see the module docstring. A dropped link or a busy relay ends as
    a UserError saying so; what was sent stays sent and the next run resumes."""
    where = f" {url}" if url else ""
    try:
        return _sync(db, url, principal, client, progress, chunk, attempts, cancelled or (lambda: False))
    except httpx.TransportError as exc:
        raise UserError(f"无法连接县局中继{where}（{type(exc).__name__}）：请检查网络后重试，"
                        "已传的部分下次会接着传") from None
    except Transient:
        raise UserError(f"县局中继{where}暂时无法处理请求：请稍后重试，已传的部分下次会接着传") from None


def _sync(db: Database, url: str | None, principal: Principal, client: Client | None, progress: Progress | None,
          chunk: int, attempts: int, cancelled: Callable[[], bool]) -> SyncSummary:
    require(principal, "export")
    require(principal, "import")
    with db.read() as s:
        me = identity.local_node(s)
        if me.role != "station":
            raise UserError("网络同步由司法所发起；县司法局请运行 relay 中继服务")
        county = identity.peer(s, COUNTY_NODE)
        if county is None:
            raise UserError("本所尚未登记到县司法局：请先导入县司法局发来的登记包")
        keys = identity.node_keys(identity.ensure_identity(s))
    if url is None and county.relay_url is None:
        raise UserError("尚未设置县局中继地址：请填写县司法局提供的地址，如 https://192.168.1.10:8443")
    url = check_url(url or county.relay_url)
    if url != county.relay_url:
        db.write(_remember_url(url))
    if client is None and not county.tls_sha256:
        raise UserError("本所登记时县司法局还没有网络同步证书，无法确认县局中继的身份：请先用U盘与县司法局同步一次"
                        "（县局名册会带来证书指纹），或请县司法局重新写出登记包并导入")
    own = client is None
    client = client or Client(url, me.node_id, keys, pin=county.tls_sha256, attempts=attempts)
    client.cancelled = cancelled
    summary = SyncSummary()
    out_dir, in_dir = outgoing_dir(db), incoming_dir(db)
    out_dir.mkdir(parents=True, exist_ok=True)
    in_dir.mkdir(parents=True, exist_ok=True)
    try:
        _receive(db, client, principal, in_dir, summary, progress)
        pending = sorted(out_dir.glob(f"*{bundle.SUFFIX}"), key=lambda p: p.stat().st_mtime)
        if not pending:
            with acting_as(principal.username):
                results = exporter.export(db, out_dir, principal=principal)
            pending = [f for r in results for f in r.files]
        for i, path in enumerate(pending):
            if progress:
                progress("正在上传", i, len(pending))
            receipt = upload(client, path, county.sign_pk, summary, chunk)
            bundle_id = path.stem
            if receipt is None:
                summary.staged.append(bundle_id)
            elif receipt["status"] == "rejected":
                raise Refused(f"县司法局拒收了同步包：{receipt['message']}")
            else:
                summary.sent.append(bundle_id)
            path.unlink(missing_ok=True)
        if pending:
            _receive(db, client, principal, in_dir, summary, progress)
    finally:
        if own:
            client.close()
    return summary


def describe(s: SyncSummary) -> list[str]:
    """The outcome in plain Chinese, one line each (the command prints it, the GUI shows it)."""
    lines = [f"已发送 {len(s.sent)} 个同步包" + (f"，{len(s.staged)} 个已送达、待县司法局导入" if s.staged else ""),
             f"已接收 {len(s.received)} 个同步包" + (f"，其中冲突待处理 {s.conflicts} 条" if s.conflicts else "")]
    return lines + [f"    {r.message}" for r in s.received]


def _receive(db: Database, client: Client, principal: Principal, folder: Path, summary: SyncSummary,
             progress: Progress | None) -> None:
    for attempt in client.retrying():
        with attempt:
            waiting = client.send("GET", "/v1/outbox").json()["bundles"]
    for i, item in enumerate(waiting):
        if progress:
            progress("正在下载", i, len(waiting))
        path = download(client, item, folder, summary)
        with acting_as(principal.username):
            [result] = importer.settled(db, importer.import_files(db, [path], principal=principal))
        if result.status == "rejected":
            raise Refused(f"县司法局发来的同步包未通过校验，未导入：{result.message}")
        summary.received.append(result)
        path.unlink(missing_ok=True)
        for attempt in client.retrying():
            with attempt:
                client.send("DELETE", f"/v1/bundles/{item['id']}")
