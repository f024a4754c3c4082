"""End to end from the command line: a county and two stations, enrolled, exchanging demo data.

Also acceptance test 5 (privacy): no bundle, file name, staging folder or log holds the demo
data's ID numbers, names or township names, in UTF-8, UTF-16 or GBK.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.cli import main
from tests.conftest import open_dir
from sfs_desktop.paths import DataPaths

STATIONS = [("430922101", "桃江县司法局灰山港司法所", "灰山港镇"), ("430922102", "桃江县司法局武潭司法所", "武潭镇")]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def ok(capsys, *args) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def bundles(d: Path) -> list[Path]:
    return sorted(d.glob("*.sjxb"))


@pytest.fixture
def network(tmp_path, capsys, cli_env):
    county = tmp_path / "county"
    ok(capsys, "--data-dir", county, "init", "--role", "county", "--station-code", "430922000",
       "--station-name", "桃江县司法局", "--admin", "admin")
    stations = []
    for code, name, town in STATIONS:
        d = tmp_path / code
        ok(capsys, "--data-dir", d, "init", "--role", "station", "--station-code", code, "--station-name", name,
           "--township", town, "--admin", "admin")
        card = tmp_path / f"card-{code}.json"
        assert "指纹" in ok(capsys, "--data-dir", d, "keys", "--out", card)
        ok(capsys, "--data-dir", county, "station", "add", "--keys", card, "--name", name)
        stick = tmp_path / f"enroll-{code}"
        stick.mkdir()
        ok(capsys, "--data-dir", county, "station", "enroll", code, "--to", stick)
        assert "已登记到县司法局" in ok(capsys, "--data-dir", d, "import", *bundles(stick))
        stations.append(d)
    return county, stations


def test_two_stations_round_trip_until_quiet_then_nothing_changes(network, tmp_path, capsys):
    county, stations = network
    for i, d in enumerate(stations):
        ok(capsys, "--data-dir", d, "demo", "--scale", 60, "--seed", 7 + i)
    sticks: list[Path] = []

    def round_() -> int:
        moved = 0
        for d in stations:
            stick = tmp_path / f"up-{len(sticks)}"
            stick.mkdir()
            sticks.append(stick)
            out = ok(capsys, "--data-dir", d, "export", "--to", stick)
            if bundles(stick):
                assert "可以安全拔出U盘" in out
                verified = ok(capsys, "--data-dir", county, "verify", bundles(stick)[0])
                assert "校验通过" in verified and d.name in verified
                ok(capsys, "--data-dir", county, "import", *bundles(stick))
                moved += len(bundles(stick))
        for d in stations:
            stick = tmp_path / f"down-{len(sticks)}"
            stick.mkdir()
            sticks.append(stick)
            ok(capsys, "--data-dir", county, "export", "--to", stick, "--for", d.name)
            if bundles(stick):
                ok(capsys, "--data-dir", d, "import", *bundles(stick))
                moved += len(bundles(stick))
        return moved

    for _ in range(6):
        if round_() == 0:
            break
    else:
        pytest.fail("exchange never became quiet")
    for d in stations:
        mine = ok(capsys, "--data-dir", d, "check", "--digest", "--owner", d.name).strip()
        theirs = ok(capsys, "--data-dir", county, "check", "--digest", "--owner", d.name).strip()
        assert mine == theirs and len(mine) == 64
    status = ok(capsys, "--data-dir", county, "station", "list")
    assert status.count("核对 一致") == 2
    year = (date.today() - timedelta(days=1)).year  # demo cases fall in the last 365 days
    for d in stations:  # the county's figures for a station are the station's own
        ok(capsys, "--data-dir", d, "report", "mediation", "--period", year, "--out", tmp_path / "own.json")
        own = {r["指标"]: r["值"] for r in json.loads((tmp_path / "own.json").read_text(encoding="utf-8"))["rows"]}
        ok(capsys, "--data-dir", county, "report", "mediation", "--period", year, "--by-station",
           "--out", tmp_path / "county.json")
        rows = json.loads((tmp_path / "county.json").read_text(encoding="utf-8"))["rows"]
        assert len(rows) == 2
        assert own["受理纠纷数"] in [r["受理纠纷数"] for r in rows] and own["受理纠纷数"] > 0

    # A forced second round with no changes: the bundles apply nothing.
    before = [ok(capsys, "--data-dir", d, "check", "--digest").strip() for d in [county, *stations]]
    from sfs_desktop.core.sync import exporter
    for d in stations:
        stick = tmp_path / f"again-{d.name}"
        stick.mkdir()
        with open_dir(DataPaths.resolve(d)) as db:
            exporter.export(db, stick, principal=SYSTEM, force=True)
        out = ok(capsys, "--data-dir", county, "import", *bundles(stick))
        assert "没有需要更新的记录" in out
    after = [ok(capsys, "--data-dir", d, "check", "--digest").strip() for d in [county, *stations]]
    assert before == after

    _privacy_search(tmp_path, [county, *stations], sticks)


def _needles(station_dirs: list[Path]) -> set[bytes]:
    """ID numbers, names and township names of the generated demo data, in three encodings."""
    values: set[str] = {town for _c, _n, town in STATIONS}
    for d in station_dirs:
        with open_dir(DataPaths.resolve(d)) as db, db.read() as s:
            for name, idn in s.execute(text("SELECT name, id_number FROM person")).all():
                values.add(name)
                if idn:
                    values.add(idn)
            values.update(r[0] for r in s.execute(text("SELECT name FROM admin_area")).all())
    out = set()
    for v in values:
        if len(v) < 2:
            continue
        for enc in ("utf-8", "utf-16-le", "utf-16-be", "gbk"):
            out.add(v.encode(enc))
    return out


def _privacy_search(tmp_path: Path, data_dirs: list[Path], sticks: list[Path]) -> None:
    needles = _needles(data_dirs[1:])
    assert len(needles) > 400
    files = [f for s in sticks for f in s.iterdir()]
    files += [f for d in data_dirs for sub in ("staging", "logs", "exports") for f in (d / sub).rglob("*") if f.is_file()]
    assert any(f.suffix == ".sjxb" for f in files)
    for f in files:
        blob = f.read_bytes()
        name = f.name.encode("utf-8")
        hits = [n for n in needles if n in blob or n in name]
        assert not hits, f"{f.name} reveals {hits[0]!r}"


def test_cli_errors_are_one_clear_line(network, tmp_path, capsys):
    county, stations = network
    code, _out, err = run(capsys, "--data-dir", stations[0], "export", "--to", tmp_path / "no-such-stick")
    assert code == 2 and "导出目录不存在" in err and err.count("\n") == 1
    junk = tmp_path / "junk.sjxb"
    junk.write_bytes(b"not a bundle at all")
    code, _out, err = run(capsys, "--data-dir", county, "verify", junk)
    assert code == 2 and "不是同步包文件" in err
    code, out, _err = run(capsys, "--data-dir", county, "import", junk)
    assert code == 1 and "不是同步包文件" in out
    code, _out, err = run(capsys, "--data-dir", stations[0], "station", "list")
    assert code == 2 and "只有县司法局" in err
    code, _out, err = run(capsys, "--data-dir", county, "station", "revoke", "430922999")
    assert code == 2 and "名册中没有司法所" in err
    code, out, _err = run(capsys, "--data-dir", county, "conflicts", "list")
    assert "没有未处理的冲突" in out
