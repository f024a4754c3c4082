"""County → station pushes: assignments to one station, reference data to all, rosters."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import demo
from sfs_desktop.core.codes import CodeTable, HolidayDay, Param
from sfs_desktop.core.errors import UserError, ValidationError
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.sync import identity, status
from sfs_desktop.core.sync.assign import assign
from tests.sync.conftest import edit, row, until_quiet


def test_assignment_reaches_only_its_station_with_the_data_it_needs(county, station, station2):
    idn = demo.demo_id_number(__import__("random").Random(3), date(1980, 5, 1), True)
    pid = county.db.write(lambda s: assign(s, SYSTEM, Person, {"name": "交办对象", "id_number": idn,
                                                       "phone": "13800002222"}, station.node_id).id)
    until_quiet(county, [station, station2])
    p = row(station, Person, pid)
    assert (p.name, p.id_number, p.phone, p.owner) == ("交办对象", idn, "13800002222", station.node_id)
    assert row(station2, Person, pid) is None
    edit(station, Person, pid, occupation="务农", phone="13800003333")  # the station works on it
    until_quiet(county, [station, station2])
    assert row(county, Person, pid).phone == "13800003333"  # the county supplied it, so it may see it
    assert county.digest(station.node_id) == station.digest(station.node_id)


def test_assignment_refuses_bad_input(county, station):
    with pytest.raises(UserError, match="名册中没有司法所"):
        county.db.write(lambda s: assign(s, SYSTEM, Person, {"name": "甲"}, "430922199"))
    with pytest.raises(ValidationError):
        county.db.write(lambda s: assign(s, SYSTEM, Person, {"name": "乙", "id_number": "430922198001010000"},
                                         station.node_id))
    with pytest.raises(UserError, match="只有县司法局可以交办"):
        station.db.write(lambda s: assign(s, SYSTEM, Person, {"name": "丙"}, station.node_id))
    assert county.sql("SELECT count(*) FROM person")[0][0] == 0


def test_reference_data_reaches_every_station(county, station, station2):
    def change(s):
        code = s.exec(select(CodeTable).order_by(CodeTable.kind, CodeTable.code)).first()
        code.active = False
        s.add(code)
        s.add(HolidayDay(day=date(2027, 10, 8), kind="holiday", note="国庆"))
        prm = s.exec(select(Param)).first()
        prm.value = "99"
        s.add(prm)
        return code.id, prm.id
    code_id, param_id = county.db.write(change)
    until_quiet(county, [station, station2])
    for st in (station, station2):
        assert row(st, CodeTable, code_id).active is False
        assert row(st, Param, param_id).value == "99"
        assert st.sql("SELECT note FROM holiday_calendar")[0][0] == "国庆"


def test_station_status_and_revocation_roster_reach_stations(county, station, station2):
    until_quiet(county, [station, station2])
    with county.db.read() as s:
        rows = {r.node_id: r for r in status.peers(s)}
    assert rows[station.node_id].enrolled and rows[station.node_id].digest_state == "ok"
    county.db.write(lambda s: identity.revoke_station(s, station2.node_id, SYSTEM))
    edit(county, CodeTable, county.sql("SELECT id FROM code_table LIMIT 1")[0][0], name="新名称")
    until_quiet(county, [station])
    with station.db.read() as s:
        assert identity.roster_revoked(s, station2.node_id)
    with pytest.raises(UserError, match="已被吊销"):
        county.export(to=station2.node_id)


def test_county_wide_view_counts_records_by_station(county, station, station2):
    demo.generate(station.db, SYSTEM, scale=12, seed=1)
    demo.generate(station2.db, SYSTEM, scale=7, seed=2)
    until_quiet(county, [station, station2])
    with county.db.read() as s:
        view = status.records_by_station(s)
    assert view[station.node_id]["person"] == 12 and view[station2.node_id]["person"] == 7
