"""A TCP proxy on 127.0.0.1 that behaves like a bad township link: it cuts connections after a
given number of bytes, stalls, and throttles (issue 19's fault-injecting proxy)."""

from __future__ import annotations

import random
import socket
import threading
import time


class FaultyLink:
    """Forwards 127.0.0.1:`port` to `target`. Each new connection takes the next entry of `cuts`
    (bytes in both directions before the proxy drops it; None = never) until they run out."""

    def __init__(self, target: tuple[str, int], cuts: list[int | None] = (), *, rate: int | None = None,
                 stall: float = 0.0):
        self.target, self.cuts, self.rate, self.stall = target, list(cuts), rate, stall
        self.cut_done = 0
        self.bytes_up = 0  # client → server, what a station sends
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"  # TLS passes through: the proxy only moves bytes

    def close(self) -> None:
        self._stop = True
        self._server.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                budget = self.cuts.pop(0) if self.cuts else None
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            state = {"left": budget, "open": True}
            for src, dst, up in ((client, upstream, True), (upstream, client, False)):
                threading.Thread(target=self._pump, args=(src, dst, up, state, (client, upstream)), daemon=True).start()

    def _pump(self, src, dst, up: bool, state: dict, both) -> None:
        try:
            while state["open"]:
                data = src.recv(16384)
                if not data:
                    break
                with self._lock:
                    if state["left"] is not None:
                        if len(data) >= state["left"]:
                            data = data[:state["left"]]
                            state["left"] = 0
                        else:
                            state["left"] -= len(data)
                    if up:
                        self.bytes_up += len(data)
                if self.stall and random.random() < 0.05:
                    time.sleep(self.stall)
                if self.rate:
                    time.sleep(len(data) / self.rate)
                dst.sendall(data)
                if state["left"] == 0:
                    with self._lock:
                        self.cut_done += not state.get("counted")
                        state["counted"] = True
                    break
        except OSError:
            pass
        state["open"] = False
        for s in both:  # drop the whole connection, as a broken link does
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
