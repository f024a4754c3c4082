"""安置帮教 as the county and a station do it (issue 17): the installed program, a subprocess per
command, two data dirs. The county sends a release notice and its pre-release list; the station
receives the person, logs a visit and reports the one listed person not found; the county's 衔接率
by station equals the station's own report; F-R2 prints from the command line."""

from __future__ import annotations

import json

from tests import program
from tests.program import STATIONS, Sticks, carry, ok, run

NOTICE = ["--set", "姓名=测试癸", "--set", "性别=男", "--set", "罪名=盗窃罪", "--set", "释放（解矫）日期=2024-05-20",
          "--set", "收到通知书日期=2024-04-18", "--set", "衔接期限=2024-05-30"]
LISTED = ["--set", "名单月份=2024-05", "--set", "姓名=测试子", "--set", "预计释放日期=2024-05-25"]

STATION_WORK = """
import sys
from datetime import date
from sfs_desktop.core.db.synced import acting_as, insert_synced
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.models import RpPrerelease
from sfs_desktop.core.security.session import login
from sfs_desktop.paths import DataPaths
app = login(DataPaths.resolve(sys.argv[1]), "admin", "Choose-a-good-one-2024")
today = date(2024, 6, 3)
def steps(s):
    [pid] = insert_synced(s, Person, [{"name": "测试癸", "gender": "1"}])
    who = app.principal
    work.receive(s, who, sys.argv[2], {"person_id": pid, "handover_method": "03", "handover_on": date(2024, 5, 22)},
                 today=today)
    work.record_contact(s, who, sys.argv[2], {"kind": "visit", "day": date(2024, 5, 25)}, today=today)
    [entry] = [e.id for e in work.unmatched(s, who, "2024-05")]
    work.record_steps(s, who, entry, "走访户籍地，联系家属")
    work.report_unmatched(s, who, "2024-05", today, today=today)
with app.db as db, acting_as(app.principal.username):
    db.write(steps)
"""


def _rows(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["rows"]


def test_notice_to_the_countys_handover_rate_by_station(tmp_path):
    county = program.init_county(tmp_path)
    station = program.init_station(tmp_path, county, *STATIONS[0])
    sticks = Sticks(tmp_path)
    listing = ok(county, "assign")
    assert "released_person\t刑满释放人员通知书\t安置帮教" in listing and "rp_prerelease\t预释放人员名单\t安置帮教" in listing
    bad = run(county, "assign", "released_person", "--station", station.name,
              *[a.replace("衔接期限=2024-05-30", "衔接期限=2024-05-01") for a in NOTICE])
    assert bad.returncode == 2 and "衔接期限不能早于释放日期" in bad.stderr
    nid = ok(county, "assign", "released_person", "--station", station.name, *NOTICE).split()[-1]
    ok(county, "assign", "rp_prerelease", "--station", station.name, *LISTED)
    carry(county, station, sticks(), "--for", station.name)
    assert "测试癸" in ok(station, "assign", "--received")

    done = program.python(STATION_WORK, station, nid)
    assert done.returncode == 0, done.stderr
    printed = run(station, "print", "resettlement.handover", nid, "--out", tmp_path / "handover.pdf")
    assert printed.returncode == 0, printed.stderr
    assert (tmp_path / "handover.pdf").read_bytes().startswith(b"%PDF")
    carry(station, county, sticks())

    ok(station, "report", "resettlement", "--period", "2024-05", "--out", tmp_path / "own.json")
    own = {r["指标"]: r["值"] for r in _rows(tmp_path / "own.json")}
    ok(county, "report", "resettlement", "--period", "2024-05", "--by-station", "--out", tmp_path / "county.json")
    [theirs] = _rows(tmp_path / "county.json")
    assert own["已衔接人数"] == own["应衔接人数"] == 1
    for key, value in theirs.items():
        if key != "司法所":
            assert own[key] == value, key
