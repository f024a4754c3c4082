"""The county relay: an ASGI app (Starlette, served by uvicorn) that moves bundles over an
unreliable link (sync-design.md §4.8).

Uploads follow the tus 1.0 core model: ``POST /v1/uploads`` creates (idempotent per bundle id;
a finished one answers with its receipt), ``HEAD /v1/uploads/{id}`` says how many bytes are
durably stored, ``PATCH /v1/uploads/{id}`` appends one chunk at ``Upload-Offset`` whose SHA-256
the signed headers declare, fsynced before the answer. A complete upload is staged
(`relay_dir`) and imported by whoever holds the database (`relay_import`); the answer is the
county-signed receipt, fetchable again at ``GET /v1/acks/{id}`` if the answer was lost.
``GET /v1/outbox`` lists the bundles waiting for the asking station; ``GET /v1/bundles/{id}``
serves one with ``Range``/``If-Range`` and its body hash as ETag; ``DELETE`` drops it once the
station has imported it. Every request but ``/v1/health`` is signed (`relay_auth`). Bodies are
streamed to disk chunk by chunk, so one slow link holds one small buffer and blocks no one.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any, Callable

import anyio
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from sfs_desktop.core.sync import relay_auth
from sfs_desktop.core.sync.exporter import PROTOCOL
from sfs_desktop.core.sync.relay_dir import RelayDir, UploadError, etag, valid_id

log = logging.getLogger("sfs_desktop.relay")

MAX_BUNDLE = 256 * 1024 * 1024
MAX_CHUNK = 8 * 1024 * 1024
MAX_JSON = 4096
RATE_PER_MINUTE = 600
READ_BLOCK = 64 * 1024


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


class Relay:
    """The app's state: the staging area, the verifier and the database holder's pickup.

    `process(asking)` runs the pickup on a worker thread (None when the relay only stages,
    as in-process tests of the protocol may)."""

    def __init__(self, relay: RelayDir, verifier: relay_auth.Verifier,
                 process: Callable[[list[str]], Any] | None = None, *, max_bundle: int = MAX_BUNDLE,
                 max_chunk: int = MAX_CHUNK, rate_per_minute: int = RATE_PER_MINUTE):
        self.dir, self.verifier, self.process = relay, verifier, process
        self.max_bundle, self.max_chunk, self.rate = max_bundle, max_chunk, rate_per_minute
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._hits: dict[str, deque] = defaultdict(deque)

    # --- plumbing ------------------------------------------------------------------------------
    async def _auth(self, request: Request) -> tuple[str, str]:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        # on a worker thread: remembering the nonce fsyncs, and the event loop serves everyone
        node, body = await anyio.to_thread.run_sync(self.verifier.check, request.method, target, request.headers)
        hits, now = self._hits[node], time.monotonic()
        while hits and now - hits[0] > 60:
            hits.popleft()
        if len(hits) >= self.rate:
            raise UploadError(429, "请求过于频繁，请稍后再试")
        hits.append(now)
        return node, body

    async def _pickup(self, asking: list[str]) -> None:
        if self.process is not None:
            await anyio.to_thread.run_sync(self.process, asking)

    def _receipt_for(self, node: str, bundle_id: str) -> dict[str, Any] | None:
        r = self.dir.receipt(bundle_id)
        if r is not None and r.get("station") != node:
            raise UploadError(403, "该同步包不是本单位上传的")
        return r

    def _finished(self, node: str, bundle_id: str) -> Response | None:
        """The answer for an upload that is complete: its receipt, or "staged" while it waits."""
        r = self._receipt_for(node, bundle_id)
        if r is not None:
            return JSONResponse({"status": "done", "receipt": r})
        if self.dir.in_inbox(bundle_id):
            if self.dir.inbox_node(bundle_id) != node:
                raise UploadError(403, "该同步包不是本单位上传的")
            return JSONResponse({"status": "staged"}, status_code=202)
        return None

    # --- uploads -------------------------------------------------------------------------------
    async def create(self, request: Request) -> Response:
        node, declared = await self._auth(request)
        raw = await _small_body(request)
        if hashlib.sha256(raw).hexdigest() != declared:
            raise UploadError(401, "请求内容与签名不符")
        try:
            meta = json.loads(raw)
            bundle_id, length, sha = meta["bundle_id"], meta["length"], meta["sha256"]
        except (ValueError, KeyError, TypeError):
            raise UploadError(400, "创建上传的请求格式无效") from None
        bundle_id = valid_id(bundle_id)
        async with self._locks[bundle_id]:
            done = self._finished(node, bundle_id)
            if done is not None:
                return done
            up = self.dir.upload(bundle_id)
            if up is not None and up.node != node:
                raise UploadError(403, "该同步包不是本单位上传的")
            up = self.dir.create(node, bundle_id, length, sha, self.max_bundle)
        log.info("upload %s from %s: %d bytes, at %d", bundle_id, node, up.length, up.offset)
        return JSONResponse({"status": "open", "offset": up.offset}, status_code=201,
                            headers={"Location": f"/v1/uploads/{bundle_id}", "Upload-Offset": str(up.offset),
                                     "Tus-Resumable": "1.0.0"})

    def _own_upload(self, node: str, bundle_id: str):
        up = self.dir.upload(valid_id(bundle_id))
        if up is None:
            return None
        if up.node != node:
            raise UploadError(403, "该同步包不是本单位上传的")
        return up

    async def offset(self, request: Request) -> Response:
        node, _ = await self._auth(request)
        bundle_id = request.path_params["bundle_id"]
        async with self._locks[valid_id(bundle_id)]:  # after a cut PATCH has been cut back
            up = self._own_upload(node, bundle_id)
            if up is None:
                return Response(status_code=404, headers={"Cache-Control": "no-store"})
            return Response(status_code=200, headers={"Upload-Offset": str(up.offset), "Upload-Length": str(up.length),
                                                      "Cache-Control": "no-store", "Tus-Resumable": "1.0.0"})

    async def append(self, request: Request) -> Response:
        node, declared = await self._auth(request)
        bundle_id = request.path_params["bundle_id"]
        if request.headers.get("content-type") != "application/offset+octet-stream":
            raise UploadError(415, "数据块的内容类型应为 application/offset+octet-stream")
        try:
            offset = int(request.headers.get("upload-offset", ""))
        except ValueError:
            raise UploadError(400, "缺少或无效的 Upload-Offset") from None
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_chunk:
            raise UploadError(413, f"数据块太大（上限 {self.max_chunk} 字节）")
        async with self._locks[valid_id(bundle_id)]:
            up = self._own_upload(node, bundle_id)
            if up is None:
                done = self._finished(node, bundle_id)
                if done is not None:
                    return done
                raise UploadError(404, "没有这个上传：请重新创建")
            writer = self.dir.append(up, offset, self.max_chunk)
            try:
                async for chunk in request.stream():
                    writer.write(chunk)
            except ClientDisconnect:
                writer.abort()
                log.info("upload %s from %s: link dropped at %d", bundle_id, node, offset)
                return Response(status_code=400)
            except BaseException:
                writer.abort()
                raise
            up = await anyio.to_thread.run_sync(writer.commit, declared)
            if up.offset < up.length:
                return Response(status_code=204, headers={"Upload-Offset": str(up.offset), "Tus-Resumable": "1.0.0"})
            await anyio.to_thread.run_sync(self.dir.complete, up)
        log.info("upload %s from %s complete", bundle_id, node)
        await self._pickup([])
        return self._finished(node, bundle_id) or _error(500, "同步包已收到但未能登记，请稍后查询回执")

    async def ack(self, request: Request) -> Response:
        node, _ = await self._auth(request)
        bundle_id = valid_id(request.path_params["bundle_id"])
        done = self._finished(node, bundle_id)
        if done is None:
            raise UploadError(404, "县局没有这个同步包的记录")
        return done

    # --- downloads -----------------------------------------------------------------------------
    async def outbox(self, request: Request) -> Response:
        node, _ = await self._auth(request)
        await self._pickup([node])
        return JSONResponse({"bundles": self.dir.replies(node)})

    async def download(self, request: Request) -> Response:
        node, _ = await self._auth(request)
        path = self.dir.reply_path(node, request.path_params["bundle_id"])
        if not path.exists():
            raise UploadError(404, "没有这个同步包（可能已被取走）")
        size, tag = path.stat().st_size, etag(path)
        start = 0
        rng, if_range = request.headers.get("range"), request.headers.get("if-range")
        if rng and (if_range is None or if_range == tag):
            start = _range_start(rng, size)
        headers = {"ETag": tag, "Accept-Ranges": "bytes", "Content-Length": str(size - start)}
        if start:
            headers["Content-Range"] = f"bytes {start}-{size - 1}/{size}"
        return StreamingResponse(_file_from(path, start), status_code=206 if start else 200, headers=headers,
                                 media_type="application/octet-stream")

    async def taken(self, request: Request) -> Response:
        node, _ = await self._auth(request)
        self.dir.reply_path(node, request.path_params["bundle_id"]).unlink(missing_ok=True)
        return Response(status_code=204)

    async def health(self, _request: Request) -> Response:
        return JSONResponse({"ok": True, "protocol": PROTOCOL})


def _range_start(header: str, size: int) -> int:
    """`bytes=N-` (what the client sends to resume); anything else is answered whole."""
    unit, _, spec = header.partition("=")
    first, _, last = spec.partition("-")
    if unit.strip() != "bytes" or not first.strip().isdigit() or last.strip() or "," in spec:
        return 0
    start = int(first)
    if start >= size:
        raise UploadError(416, "请求的范围超出同步包的长度")
    return start


async def _small_body(request: Request) -> bytes:
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_JSON:
            raise UploadError(413, "请求内容太大")
    return raw


async def _file_from(path, start: int):
    with open(path, "rb") as fh:
        fh.seek(start)
        while block := await anyio.to_thread.run_sync(fh.read, READ_BLOCK):
            yield block


def create_app(state: Relay) -> Starlette:
    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            began = time.monotonic()
            try:
                response = await handler(request)
            except UploadError as exc:
                response = _error(exc.status, str(exc))
            # no personal data: the method, the route, the station code and the status only
            log.info("%s %s %s → %d (%.0f ms)", request.method, request.url.path,
                     request.headers.get(relay_auth.NODE, "-"), response.status_code, (time.monotonic() - began) * 1000)
            return response
        return endpoint

    return Starlette(routes=[
        Route("/v1/health", guarded(state.health), methods=["GET"]),
        Route("/v1/uploads", guarded(state.create), methods=["POST"]),
        Route("/v1/uploads/{bundle_id}", guarded(state.offset), methods=["HEAD"]),
        Route("/v1/uploads/{bundle_id}", guarded(state.append), methods=["PATCH"]),
        Route("/v1/acks/{bundle_id}", guarded(state.ack), methods=["GET"]),
        Route("/v1/outbox", guarded(state.outbox), methods=["GET"]),
        Route("/v1/bundles/{bundle_id}", guarded(state.download), methods=["GET"]),
        Route("/v1/bundles/{bundle_id}", guarded(state.taken), methods=["DELETE"]),
    ])


def server(state: Relay, host: str, port: int, tls: tuple[Path, Path, str]):
    """The uvicorn server for `state`, HTTPS with (certificate file, encrypted key file, its password)."""
    import uvicorn

    cert, key, password = tls
    config = uvicorn.Config(create_app(state), host=host, port=port, log_config=None, access_log=False,
                            limit_concurrency=256, timeout_keep_alive=30, ssl_certfile=str(cert),
                            ssl_keyfile=str(key), ssl_keyfile_password=password)
    return uvicorn.Server(config)


def serve(state: Relay, host: str, port: int, *, tls: tuple[Path, Path, str]) -> None:
    server(state, host, port, tls).run()
