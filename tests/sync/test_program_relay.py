"""Network sync as the county and a station run it (issue 19): the county's `relay` and the
station's `sync` are the installed program in subprocesses, on loopback, through a proxy that
cuts the connection several times. The data arrives once and both ends' digests agree."""

from __future__ import annotations

import random
import socket
import subprocess
import time

import httpx
import pytest

from tests import program
from tests.faulty_link import FaultyLink
from tests.program import STATIONS, ok, run, table_digests


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RelayProcess:
    def __init__(self, county, **extra_env: str):
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [str(program.PROGRAM), "--data-dir", str(county), "relay", "--host", "127.0.0.1", "--port", str(self.port)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=program.env(**extra_env))
        self.url = f"https://127.0.0.1:{self.port}"
        for _ in range(300):
            if self.proc.poll() is not None:
                raise AssertionError(f"relay exited: {self.proc.communicate()}")
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1, verify=False).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("relay did not start")

    def stop(self) -> str:
        self.proc.terminate()
        out, err = self.proc.communicate(timeout=30)
        return out + err


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    root = tmp_path_factory.mktemp("relay")
    county = program.init_county(root)
    station = program.init_station(root, county, *STATIONS[0])
    relay = RelayProcess(county)
    yield county, station, relay
    relay.stop()


def _sync_until_quiet(station, url: str, rounds: int = 4) -> list[str]:
    outs = []
    for _ in range(rounds):
        out = ok(station, "sync", "--url", url, "--chunk-kb", 4)
        outs.append(out)
        if out.startswith("已发送 0 个同步包") and "已接收 0 个同步包" in out:
            return outs
    raise AssertionError(f"the exchange never became quiet: {outs}")


def _in_step(county, station) -> None:
    code = STATIONS[0][0]
    mine, theirs = table_digests(station, code), table_digests(county, code)
    assert mine == theirs
    assert not list((station / "staging" / "outgoing").iterdir())
    relay_dir = county / "relay"
    assert not list((relay_dir / "uploads").iterdir()) and not list((relay_dir / "inbox").iterdir())


def test_sync_over_https_and_clear_refusals(pair):
    """The quick case for the default suite: one exchange over HTTPS, then what is refused."""
    county, station, relay = pair
    _sync_until_quiet(station, relay.url)
    _in_step(county, station)
    assert ok(station, "sync").startswith("已发送 0 个同步包")  # the address was remembered
    assert "不支持网络同步" not in ok(county, "station", "list")  # its key card said relay/1
    p = run(station, "sync", "--url", f"https://127.0.0.1:{_free_port()}", "--attempts", 2)
    assert p.returncode == 2 and "无法连接县局中继" in p.stderr
    p = run(county, "sync", "--url", relay.url)
    assert p.returncode == 2 and "relay" in p.stderr
    p = run(station, "sync", "--url", f"http://127.0.0.1:{relay.port}")  # the relay speaks HTTPS only
    assert p.returncode == 2 and "https://" in p.stderr  # (other bad addresses: test_relay.py)


@pytest.mark.slow
def test_sync_through_a_link_that_drops(pair):
    """Demo data through a proxy that cuts five connections (about a minute: slow suite)."""
    county, station, relay = pair
    ok(station, "demo", "--scale", 40, "--seed", 5)
    rng = random.Random(19)
    link = FaultyLink(("127.0.0.1", relay.port), [rng.randint(1_000, 12_000) for _ in range(5)])
    try:
        first = ok(station, "sync", "--url", link.url, "--chunk-kb", 4)
        assert "已发送 1 个同步包" in first, first
        assert link.cut_done >= 3, (link.cut_done, link.bytes_up, first)  # the link really dropped, several times
        _sync_until_quiet(station, link.url)
    finally:
        link.close()
    _in_step(county, station)
    assert table_digests(county, STATIONS[0][0])["mediation_case"][0] > 0
