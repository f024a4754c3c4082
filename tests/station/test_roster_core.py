"""The staff roster and the villages in core: every bad value refused in Chinese, nothing written;
who may change them; an area in use cannot lose its code or be deleted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.people import registry
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.station import areas, staff
from sfs_desktop.core.station.models import AdminArea, Staff
from tests.station.rosterdata import LIU, TOWNSHIP, ZHOU

HEAD = Principal("admin", "head")
CLERK = Principal("clerk", "staff")


def _staff(db) -> list[Staff]:
    with db.read() as s:
        return list(s.exec(select(Staff).where(Staff.deleted == False)).all())  # noqa: E712


def _refused(db, values, staff_id=None) -> str:
    before = [(r.id, r.ver_ctr) for r in _staff(db)]
    with pytest.raises(UserError) as err:
        db.write(lambda s: staff.save_staff(s, CLERK, values, staff_id))
    after = [(r.id, r.ver_ctr) for r in _staff(db)]
    assert after == before
    return str(err.value)


def test_a_roster_entry_is_checked_against_its_declarations_and_rules(station_db):
    row = station_db.write(lambda s: staff.save_staff(s, CLERK, {"name": " 周明远 ", "id_number": ZHOU.lower(),
                                                               "post": "01", "hire_date": date(2008, 9, 1)}))
    assert (row.name, row.id_number, row.birth_date, row.gender) == ("周明远", ZHOU, date(1985, 3, 12), "1")
    today = date.today()
    cases = [
        ({"name": "何志强", "id_number": ZHOU[:17] + ("1" if ZHOU[17] == "0" else "0")}, "校验码应为"),
        ({"name": "曾丽", "id_number": LIU, "birth_date": date(1991, 7, 1)}, "与身份证号中的出生日期不一致"),
        ({"name": "曾丽", "id_number": LIU, "gender": "1"}, "“性别”与身份证号不一致"),
        ({"name": "罗芳", "legal_qualification": True}, "请填写“资格证号”"),
        ({"name": "姚勇", "hire_date": today + timedelta(days=1)}, "“入职日期”不能晚于今天"),
        ({"name": "姚勇", "birth_date": today + timedelta(days=1)}, "“出生日期”不能晚于今天"),
        ({"name": "姚勇", "birth_date": date(2000, 1, 1), "hire_date": date(1999, 1, 1)}, "应晚于出生日期"),
        ({"name": "姚勇", "birth_date": date(2000, 1, 1), "hire_date": date(2010, 1, 1)}, "未满 16 周岁"),
        ({"name": "姚勇", "post": "99"}, "“岗位”的值“99”不在代码表中"),
        ({"name": "姚勇", "phone": "12345"}, "“联系电话”应为 11 位手机号"),
        ({"name": ""}, "“姓名”必须填写"),
        ({"name": "周明远二", "id_number": ZHOU}, "名册中已有“周明远”（身份证号相同）"),
    ]
    for values, words in cases:
        assert words in _refused(station_db, values), values
    assert ZHOU not in " ".join(_refused(station_db, v) for v, _w in cases[:2])  # never echoes a number
    assert len(_staff(station_db)) == 1


def test_edit_deactivate_and_who_may(station_db):
    with acting_as("admin"):
        row = station_db.write(lambda s: staff.save_staff(s, HEAD, {"name": "刘晓燕", "id_number": LIU}))
    with acting_as("clerk"):
        station_db.write(lambda s: staff.save_staff(s, CLERK, {"post": "02", "legal_qualification": True,
                                                               "qualification_no": "A2015"}, row.id))
    assert "不一致" in _refused(station_db, {"birth_date": date(1990, 7, 2)}, row.id)
    with acting_as("clerk"):
        off = station_db.write(lambda s: staff.set_active(s, CLERK, row.id, False))
    assert off.active is False and off.post == "02" and off.birth_date == date(1990, 7, 1)
    with pytest.raises(UserError, match="已不在岗"):
        station_db.write(lambda s: staff.set_active(s, CLERK, row.id, False))
    for who in (Principal("m", "mediator"), Principal("i", "inspector")):
        with pytest.raises(PermissionDenied):
            station_db.write(lambda s: staff.save_staff(s, who, {"name": "某人"}))
        with pytest.raises(PermissionDenied):
            station_db.write(lambda s: staff.set_active(s, who, row.id, True))
    with station_db.read() as s:
        entries = [(e.action, e.actor) for e in audit.entries(s) if e.record_id == row.id]
        assert entries == [("create", "admin"), ("edit", "clerk"), ("edit", "clerk")]
        assert LIU not in " ".join(f"{e.fields}" for e in audit.entries(s))


def test_areas_rename_and_refuse_to_lose_a_code_in_use(station_db):
    add = lambda v: station_db.write(lambda s: areas.save_area(s, CLERK, v))  # noqa: E731
    village = add({"code": f"{TOWNSHIP}201", "name": "竹山村"})
    spare = add({"code": f"{TOWNSHIP}202", "name": "石牛村", "level": "village"})
    with pytest.raises(ValidationError, match="已登记为“竹山村”"):
        add({"code": f"{TOWNSHIP}201", "name": "另一个村"})
    with pytest.raises(ValidationError, match="不属于本乡镇"):
        add({"code": "430922102201", "name": "外乡村"})
    with pytest.raises(ValidationError, match="层级应为村或社区"):
        add({"code": f"{TOWNSHIP}203", "name": "某组", "level": "group"})
    station_db.write(lambda s: registry.register_person(s, CLERK, {"name": "住户甲", "area_code": village.code}))
    renamed = station_db.write(lambda s: areas.save_area(s, CLERK, {"name": "竹山新村"}, village.id))
    assert (renamed.code, renamed.name) == (village.code, "竹山新村")
    with pytest.raises(UserError, match=r"已被引用（人员 1 条），不能修改区划代码"):
        station_db.write(lambda s: areas.save_area(s, CLERK, {"code": f"{TOWNSHIP}209"}, village.id))
    with pytest.raises(UserError, match=r"已被引用（人员 1 条），不能删除"):
        station_db.write(lambda s: areas.delete_area(s, CLERK, village.id))
    moved = station_db.write(lambda s: areas.save_area(s, CLERK, {"code": f"{TOWNSHIP}209"}, spare.id))
    assert moved.code == f"{TOWNSHIP}209"
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: areas.delete_area(s, Principal("m", "mediator"), spare.id))
    with acting_as("clerk"):
        station_db.write(lambda s: areas.delete_area(s, CLERK, spare.id))
    with station_db.read() as s:
        assert [a.name for a in s.exec(select(AdminArea).where(AdminArea.deleted == False))] == ["竹山新村"]  # noqa: E712
        assert ("delete", "clerk") in [(e.action, e.actor) for e in audit.entries(s) if e.record_id == spare.id]
