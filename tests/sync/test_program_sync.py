"""Sync as a station and a county do it: the installed program, one subprocess per command,
two stations and a county in their own data dirs (issue 12).

Each test here failed on the program before the fix it names: the command line exported no
mediation table, the county applied rows a station does not own, the county's export without
--for crashed, and a rewritten audit chain passed unnoticed.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from sfs_desktop.core.sync import bundle, identity
from tests import program
from tests.program import STATIONS, Sticks, bundles, ok, run, table_digests, until_quiet

MEDIATION = ("mediation_case", "mediation_committee", "mediator", "mediation_party", "mediation_agreement")


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    """A county and two enrolled stations with demo data, exchanged until quiet."""
    root = tmp_path_factory.mktemp("network")
    county = program.init_county(root)
    stations = [program.init_station(root, county, *s) for s in STATIONS]
    for i, st in enumerate(stations):
        ok(st, "demo", "--scale", 60, "--seed", 11 + i)
    until_quiet(county, stations, Sticks(root))
    return root, county, stations


@pytest.fixture
def copy(network, tmp_path):
    """The network copied, for a test that changes it."""
    root, county, stations = network
    out = []
    for d in (county, *stations):
        shutil.copytree(d, tmp_path / d.name)
        out.append(tmp_path / d.name)
    return out[0], out[1:], Sticks(tmp_path)


def test_every_station_table_reaches_the_county_and_the_figures_agree(network, tmp_path):
    _root, county, stations = network
    for st in stations:
        mine, theirs = table_digests(st, st.name), table_digests(county, st.name)
        assert set(mine) == set(theirs)
        for table in MEDIATION:
            assert mine[table][0] > 0, table
        assert mine == theirs  # every station-owned table, count and content
    status = ok(county, "station", "list")
    assert status.count("核对 一致") == 2, status
    year = (date.today() - timedelta(days=1)).year
    ok(county, "report", "mediation", "--period", year, "--by-station", "--out", tmp_path / "county.json")
    by_station = {r["司法所"]: r for r in json.loads((tmp_path / "county.json").read_text(encoding="utf-8"))["rows"]}
    for st, (_code, name, _town) in zip(stations, STATIONS):
        ok(st, "report", "mediation", "--period", year, "--out", tmp_path / f"{st.name}.json")
        own = {r["指标"]: r["值"] for r in json.loads((tmp_path / f"{st.name}.json").read_text(encoding="utf-8"))["rows"]}
        row = by_station[name]
        assert own["受理纠纷数"] > 0
        for key, value in row.items():
            if key != "司法所":
                assert own[key] == value, key


def test_the_digest_covers_every_synced_table(network):
    _root, county, stations = network
    listed = table_digests(stations[0])
    assert set(MEDIATION) <= set(listed) and {"param", "code_table", "person", "staff"} <= set(listed)
    assert ok(county, "check", "--digest").strip() != ok(stations[0], "check", "--digest").strip()


SPY = """
import json, sys
from sfs_desktop.core.db import database
from sfs_desktop.core.db.synced import SyncedModel
seen = []
real = database.open_engine
def spy(*a, **kw):
    stack, names = list(SyncedModel.__subclasses__()), set()
    while stack:
        c = stack.pop(); stack.extend(c.__subclasses__())
        if getattr(c, "__table__", None) is not None: names.add(c.__table__.name)
    seen.append(sorted(names))
    return real(*a, **kw)
database.open_engine = spy
from sfs_desktop import cli
try:
    rc = cli.main(sys.argv[2:])
except SystemExit as e:
    rc = e.code
with open(sys.argv[1], "w") as fh:
    json.dump(seen, fh)
sys.exit(rc or 0)
"""


def test_every_command_knows_every_synced_table_before_it_opens_the_database(network, tmp_path):
    """Each command in a fresh process: the tables registered when the database opens are the
    tables the migrations made with sync columns."""
    _root, county, stations = network
    st = stations[0]
    shutil.copytree(st, tmp_path / "st")
    st = tmp_path / "st"
    stick = tmp_path / "stick"
    stick.mkdir()
    from sfs_desktop.core.db.engine import open_engine
    from sfs_desktop.core.security import keys
    from sfs_desktop.paths import DataPaths

    paths = DataPaths.resolve(st)
    engine = open_engine(paths.database, keys.KeyFile.load(paths.keyfile).unlock(program.ADMIN, program.PASSWORD))
    with engine.connect() as conn:
        tables = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
        synced = sorted(t for t in tables if {"vv", "owner", "ver_ctr"} <= {
            r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({t})")})
    engine.dispose()
    assert set(MEDIATION) <= set(synced)
    commands = [["check"], ["check", "--digest"], ["demo", "--scale", "3"], ["export", "--to", stick], ["due"],
                ["conflicts", "list"], ["keys"], ["backup", tmp_path / "b.db"],
                ["report", "mediation", "--period", "2025", "--out", tmp_path / "r.json"],
                ["audit", "verify"], ["user", "list"]]
    for args in commands:
        out = tmp_path / "seen.json"
        p = program.python(SPY, out, "--data-dir", st, *args)
        assert p.returncode == 0, (args, p.stderr)
        seen = json.loads(out.read_text())
        assert seen and all(s == synced for s in seen), (args, set(synced) - set(seen[0]))
    [bundle_file] = bundles(stick)
    p = program.python(SPY, tmp_path / "seen.json", "--data-dir", county, "verify", bundle_file)
    assert p.returncode == 0 and json.loads((tmp_path / "seen.json").read_text())[0] == synced


def _craft(station: Path, county: Path, rows: list[dict]) -> Path:
    """A bundle carrying `rows`, signed with the station's own valid key (as a tampered program
    would write it)."""
    from sfs_desktop.core.db import migrate
    from sfs_desktop.core.db.synced import utcnow
    from tests.conftest import open_dir
    from sfs_desktop.paths import DataPaths
    import uuid

    with open_dir(DataPaths.resolve(station), program.ADMIN, program.PASSWORD) as db, db.read() as s:
        keys = identity.node_keys(identity.ensure_identity(s))
        node = identity.local_node(s)
        county_pk = identity.peer(s, "county").box_pk
    header = {"bundle_id": str(uuid.uuid4()), "kind": "data", "sender": f"{node.node_id}.{node.epoch}",
              "to": "county", "covers": {}, "app_schema": migrate.head_revision(), "protocol": 1, "part": [1, 1],
              "entries": len(rows), "created_at": utcnow().isoformat()}
    out = county.parent / f"crafted-{header['bundle_id'][:8]}"
    out.mkdir()
    return bundle.write(out, header, rows, keys, [("county", county_pk), (node.node_id, keys.box_pk)])


def _entry(data_dir: Path, table: str, where: str, new_id: str | None = None, **changes) -> dict:
    """A bundle entry for a row as `data_dir` holds it, with `changes` and a newer version from
    the crafting station (vv bumped so it dominates)."""
    from sqlalchemy import text
    from sfs_desktop.core.db.synced import synced_tables
    from sfs_desktop.core.sync import entries, store
    from sfs_desktop.paths import DataPaths
    from tests.conftest import open_dir

    model = synced_tables()[table]
    with open_dir(DataPaths.resolve(data_dir), program.ADMIN, program.PASSWORD) as db, db.read() as s:
        conn = s.connection()
        row_id = conn.execute(text(f"SELECT id FROM {table} WHERE {where} ORDER BY id LIMIT 1")).scalar()
        row = store.load(conn, model.__table__, [row_id])[row_id]
    entry = entries.to_entry(model, row, frozenset())
    entry["d"].update(changes)
    if new_id:
        entry["id"] = new_id
    node = changes.get("ver_node", "x.1")
    entry["vv"] = {**entry["vv"], node: entry["vv"].get(node, 0) + 1000}
    return entry


def test_a_station_cannot_change_what_it_does_not_own(copy):
    county, stations, _sticks = copy
    a, b = stations
    me = f"{a.name}.1"
    mine = f"owner = '{a.name}'"
    crafted = {
        "a county-owned parameter": [_entry(county, "param", "key = 'security.max_failed_logins'", value="1000000",
                                            ver_node=me)],
        "another station's person": [_entry(county, "person", f"owner = '{b.name}'", name="改名", ver_node=me)],
        "another station's person, claimed": [_entry(county, "person", f"owner = '{b.name}'", name="改名",
                                                     owner=a.name, ver_node=me)],
        "a new row under another station": [_entry(county, "person", mine, "4d1c0a6e-0000-4000-8000-000000000001",
                                                   owner=b.name, ver_node=me)],
        "a new row under the county": [_entry(county, "person", mine, "4d1c0a6e-0000-4000-8000-000000000002",
                                              owner="county", ver_node=me)],
    }
    before = table_digests(county)
    for what, rows in crafted.items():
        good = _entry(county, "person", mine, occupation="务农", ver_node=me)  # allowed alone, refused with the rest
        path = _craft(a, county, [good, *rows])
        p = run(county, "import", path)
        assert p.returncode == 1, what
        assert "无权新增或修改" in p.stdout and "整包拒收" in p.stdout and "1 条" in p.stdout, (what, p.stdout)
        assert table_digests(county) == before, what
    audit = ok(county, "audit", "list")
    assert audit.count("拒收同步包") == len(crafted)
    # The same station's honest bundle still goes through.
    p = run(county, "import", _craft(a, county, [_entry(county, "person", mine, occupation="务农", ver_node=me)]))
    assert p.returncode == 0 and "更新 1 条" in p.stdout, p.stdout


def test_the_county_exports_for_every_station_without_for(copy):
    county, stations, sticks = copy
    for st in stations:  # each station sends something: the county owes each an ack
        ok(st, "demo", "--scale", 2, "--seed", 5)
        program.carry(st, county, sticks())
    stick = sticks()
    out = ok(county, "export", "--to", stick)
    assert all(f"已为 {st.name} 导出" in out for st in stations), out
    for st in stations:  # one stick for all: each takes its own and names the other's addressee
        p = run(st, "import", *bundles(stick))
        assert "已导入" in p.stdout and "不是发给本单位的" in p.stdout, p.stdout


def test_a_rewritten_audit_chain_is_flagged_at_the_county(copy):
    county, stations, sticks = copy
    a = stations[0]
    for _ in range(2):  # the county learns the chain's length at two points
        ok(a, "demo", "--scale", 2, "--seed", 99)
        program.carry(a, county, sticks())
    assert "审计链被改写" not in ok(county, "station", "list")
    _rewrite_audit_chain(a)
    assert "审计日志" not in ok(a, "audit", "verify") or "完整" in ok(a, "audit", "verify")  # passes locally
    program.carry(a, county, sticks())
    status = ok(county, "station", "list")
    line = next(l for l in status.splitlines() if l.startswith(a.name))
    assert "审计链被改写" in line, line


def _rewrite_audit_chain(data_dir: Path) -> None:
    """What a clerk with the key could do: delete the first 导出 entry and recompute the chain."""
    from sqlalchemy import text
    from sfs_desktop.core.security import audit
    from sfs_desktop.paths import DataPaths
    from tests.conftest import open_dir

    with open_dir(DataPaths.resolve(data_dir), program.ADMIN, program.PASSWORD) as db:
        def rewrite(s) -> None:
            first = s.execute(text("SELECT min(seq) FROM audit_log WHERE action = 'export'")).scalar()
            s.execute(text("DELETE FROM audit_log WHERE seq = :q"), {"q": first})
            prev = audit.GENESIS
            for n, e in enumerate(s.exec(audit.select(audit.AuditLog).order_by(audit.AuditLog.seq)).all(), 1):
                s.execute(text("UPDATE audit_log SET seq = :n WHERE seq = :o"), {"n": -n, "o": e.seq})
                h = audit._digest(prev, e.at, e.actor, e.action, e.table_name, e.record_id, e.fields)
                s.execute(text("UPDATE audit_log SET prev = :p, hash = :h WHERE seq = :n"), {"p": prev, "h": h, "n": -n})
                prev = h
            s.execute(text("UPDATE audit_log SET seq = -seq"))
        db.write(rewrite)
        with db.read() as s:
            assert audit.verify(s) is None


OTHER_PASSWORD = "Lushan-river-9981"


def _account(data_dir: Path, name: str, role: str, *extra) -> tuple[str, str]:
    ok(data_dir, "user", "add", name, "--role", role, *extra, SFS_NEW_PASSWORD=OTHER_PASSWORD)
    return name, OTHER_PASSWORD


def test_only_the_roles_allowed_export_import_back_up_restore_and_manage_stations(copy, tmp_path):
    """Finding 1 of the gatekeeping issue, for the sync and safety commands: refused in core,
    whatever the command line lets a role type."""
    county, stations, sticks = copy
    st = stations[0]
    committee = _rows_of(st, "SELECT id FROM mediation_committee LIMIT 1")[0]
    as_ = {"inspector": _account(st, "jiancha", "inspector"),
           "mediator": _account(st, "tiaojie", "mediator", "--committee", committee),
           "staff": _account(st, "ganshi", "staff")}
    county_inspector = _account(county, "xianjian", "inspector")
    county_staff = _account(county, "xianganshi", "staff")
    ok(st, "backup", tmp_path / "good.db")

    def refused(data_dir, who, *args):
        p = run(data_dir, *args, user=who[0], password=who[1])
        assert p.returncode == 2 and ("无权" in p.stderr or "只有所长" in p.stderr), (who[0], args, p.stderr)

    for role in ("inspector", "mediator"):
        refused(st, as_[role], "export", "--to", sticks())
        refused(st, as_[role], "backup", tmp_path / f"{role}.db")
        refused(st, as_[role], "restore", tmp_path / "good.db")
    refused(st, as_["staff"], "restore", tmp_path / "good.db")
    assert run(st, "export", "--to", sticks(), user=as_["staff"][0], password=OTHER_PASSWORD).returncode == 0
    assert run(st, "backup", tmp_path / "staff.db", user=as_["staff"][0], password=OTHER_PASSWORD).returncode == 0

    stick = sticks()
    ok(stations[1], "demo", "--scale", 2, "--seed", 1)
    ok(stations[1], "export", "--to", stick)
    card = tmp_path / "card.json"
    ok(st, "keys", "--out", card)
    for who in (county_inspector, county_staff):
        refused(county, who, "station", "revoke", stations[1].name)
        refused(county, who, "station", "add", "--keys", card, "--name", "冒名")
        refused(county, who, "station", "enroll", st.name, "--to", sticks())
    refused(county, county_inspector, "import", *bundles(stick))
    assert "核对" in ok(county, "station", "list", user=county_inspector[0], password=OTHER_PASSWORD)
    assert "已吊销" not in ok(county, "station", "list")  # nothing the refused accounts tried took effect


def _rows_of(data_dir: Path, sql: str) -> list:
    from sqlalchemy import text
    from sfs_desktop.paths import DataPaths
    from tests.conftest import open_dir

    with open_dir(DataPaths.resolve(data_dir), program.ADMIN, program.PASSWORD) as db, db.read() as s:
        return [r[0] for r in s.execute(text(sql)).all()]
