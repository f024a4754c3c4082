"""Sync test helpers: a county and stations in temporary data dirs, enrolled and exchanging."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.db.database import Database
from sfs_desktop.core.db.synced import COUNTY_NODE
from sfs_desktop.core.sync import exporter, identity, importer
from tests.conftest import init_dir, open_dir

_ticket = itertools.count()


@dataclass
class Node:
    name: str
    db: Database
    root: Path

    @property
    def node_id(self) -> str:
        return self.db.node().node_id

    def stick(self) -> Path:
        """A fresh folder standing in for a USB stick."""
        p = self.root.parent / f"stick-{next(_ticket)}"
        p.mkdir()
        return p

    def export(self, to: str | None = None, **kw) -> list[Path]:
        out = self.stick()
        res = exporter.export(self.db, out, principal=SYSTEM, recipient=to, **kw)
        return [f for r in res for f in r.files]

    def import_(self, files, **kw) -> list[importer.ImportResult]:
        return importer.import_files(self.db, files, principal=SYSTEM, backup=kw.pop("backup", False), **kw)

    def sql(self, q: str, **params):
        with self.db.read() as s:
            return s.execute(text(q), params).all()

    def digest(self, owner: str | None = None) -> str:
        return self.db.digest(owner=owner)


def make_node(tmp: Path, role: str, code: str, name: str) -> Node:
    paths, _ = init_dir(tmp / code, role=role, code=code, name=name)
    return Node(code, open_dir(paths), paths.root)


def enroll(county: Node, station: Node) -> None:
    with station.db.read() as s:
        card = identity.public_card(s)
    county.db.write(lambda s: identity.add_station(s, card, f"测试司法所{station.name}", SYSTEM))
    path = exporter.write_enrollment(county.db, station.node_id, county.stick(), SYSTEM)
    [res] = station.import_([path])
    assert res.status == "enrolled", res.message


def exchange(src: Node, dst: Node) -> list[importer.ImportResult]:
    files = src.export(to=None if src.db.node().role == "station" else dst.node_id)
    return dst.import_(files) if files else []


def round_trip(county: Node, stations: list[Node]) -> int:
    """One full round; returns the number of bundles that moved."""
    moved = 0
    for st in stations:
        moved += len(exchange(st, county))
    for st in stations:
        moved += len(exchange(county, st))
    return moved


def until_quiet(county: Node, stations: list[Node], limit: int = 8) -> int:
    for i in range(limit):
        if round_trip(county, stations) == 0:
            return i
    raise AssertionError("sync did not become quiet")


@pytest.fixture
def county(tmp_path):
    node = make_node(tmp_path, "county", "430922000", "桃江县司法局")
    yield node
    node.db.close()


@pytest.fixture
def station(tmp_path, county):
    node = make_node(tmp_path, "station", "430922101", "桃江县司法局灰山港司法所")
    enroll(county, node)
    yield node
    node.db.close()


@pytest.fixture
def station2(tmp_path, county):
    node = make_node(tmp_path, "station", "430922102", "桃江县司法局武潭司法所")
    enroll(county, node)
    yield node
    node.db.close()


__all__ = ["Node", "make_node", "enroll", "exchange", "round_trip", "until_quiet", "COUNTY_NODE"]


SYNC_TABLES = ("sync_peer", "sync_bundle_log", "sync_conflict", "sync_outbox", "row_history", "sync_identity",
               "local_node")


def state(node: Node) -> str:
    """The logical checksum of §5: every synced table plus the sync bookkeeping tables."""
    import hashlib

    h = hashlib.sha256(node.digest().encode())
    for t in SYNC_TABLES:
        cols = [r[1] for r in node.sql(f"PRAGMA table_info({t})") if r[1] not in WALL_CLOCK]
        for row in node.sql(f"SELECT {', '.join(cols)} FROM {t} ORDER BY 1"):
            h.update(repr(tuple(row)).encode())
    return h.hexdigest()


WALL_CLOCK = {"last_in_at", "last_out_at", "last_ack_at", "at", "created_at", "resolved_at", "superseded_at"}
"""Display-only times of the bookkeeping tables: two runs of the same import differ only there."""


def add_people(node: Node, n: int, prefix: str = "人") -> list[str]:
    """n generated persons, one change counter each (no real data)."""
    from sfs_desktop.core.db.synced import insert_synced
    from sfs_desktop.core.people.models import Person

    return node.db.write(lambda s: insert_synced(s, Person, [{"name": f"{prefix}{i}"} for i in range(n)]))


def set_acked(node: Node, peer: str, upto: int) -> None:
    """Pretend `peer` acknowledged our counters up to `upto` (to cut bundles at chosen ranges)."""
    def fn(s):
        p = identity.peer(s, peer)
        me = identity.local_node(s)
        p.acked = {f"{me.node_id}.{me.epoch}": upto}
        s.add(p)
    node.db.write(fn)


def counter(node: Node) -> int:
    return node.db.node().counter


def edit(node: Node, model, row_id: str, **values) -> None:
    def fn(s):
        obj = s.get(model, row_id)
        for k, v in values.items():
            setattr(obj, k, v)
        s.add(obj)
    node.db.write(fn)


def delete(node: Node, model, row_id: str) -> None:
    node.db.write(lambda s: s.delete(s.get(model, row_id)))


def row(node: Node, model, row_id: str):
    with node.db.read() as s:
        return s.get(model, row_id)


def open_conflicts(node: Node) -> list[tuple]:
    return node.sql("SELECT id, table_name, row_id, fields FROM sync_conflict WHERE status = 'open' ORDER BY id")
