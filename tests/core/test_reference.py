"""Reference data the county owns (core.reference): edits validated against their declarations,
county only and with the 所长's right (refused in core, nothing written), audited, codes never
deleted; every county-owned table listed from the models."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from sfs_desktop.core import calendar, params, reference
from sfs_desktop.core.codes import CodeTable, HolidayDay, Param
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.security import audit
from sfs_desktop.core.security.access import SYSTEM, Principal
from tests.conftest import init_dir, open_dir

HEAD = SYSTEM
STAFF = Principal("clerk", "staff", "工作人员甲")


@pytest.fixture
def county_db(tmp_path):
    paths, _ = init_dir(tmp_path / "county", role="county", code="430922000", name="桃江县司法局")
    db = open_dir(paths)
    yield db
    db.close()


def _snapshot(db) -> tuple:
    with db.read() as s:
        return (sorted((p.key, p.value) for p in s.exec(select(Param)).all()),
                sorted((c.kind, c.code, c.name, c.active) for c in s.exec(select(CodeTable)).all()),
                sorted((h.day, h.kind, h.deleted) for h in s.exec(select(HolidayDay)).all()),
                audit.head_seq(s))


def _param(db, key):
    with db.read() as s:
        return next(r for r in reference.param_rows(s, HEAD) if r.key == key)


def test_every_county_owned_table_is_listed_from_the_models(county_db):
    with county_db.read() as s:
        listed = {t.name: t for t in reference.tables(s, STAFF)}
    assert {"param", "code_table", "holiday_calendar"} <= set(listed)
    assert set(listed) == {n for n, m in reference.county_tables().items() if m.__owner_rule__ == "county"}
    assert listed["param"].rows == len(params.declared())
    assert listed["param"].changed_at is None and listed["param"].received_at is None  # the shipped baseline


def test_the_county_sets_a_parameter_typed_and_audited(county_db):
    row = county_db.write(lambda s: reference.set_param(s, HEAD, "mediation.warn_day", " 18 "))
    assert (row.value, row.default, row.unit, row.type_name) == (18, 20, "天", "整数")
    assert row.changed_at is not None
    with county_db.read() as s:
        assert params.get(s, "mediation.warn_day") == 18
        entry = audit.entries(s)[-1]
        param_id = s.exec(select(Param.id).where(Param.key == "mediation.warn_day")).one()
    assert (entry.action, entry.table_name, entry.record_id, entry.fields) == ("edit", "param", param_id, "value")
    again = county_db.write(lambda s: reference.set_param(s, HEAD, "mediation.warn_day", "18"))
    assert again.changed_at == row.changed_at  # the same value: nothing written


@pytest.mark.parametrize("key, value, message", [
    ("mediation.warn_day", "abc", "应为整数（天），而不是“abc”"),
    ("mediation.warn_day", "2.5", "应为整数"),
    ("mediation.warn_day", "", "不能为空"),
    ("mediation.warn_day", "-1", "不能小于 0天"),
    ("mediation.village_share_target", "101", "不能大于 100%"),
    ("security.max_failed_logins", "0", "不能小于 1次"),
    ("no.such.param", "1", "没有参数“no.such.param”"),
])
def test_a_bad_parameter_value_is_refused_and_changes_nothing(county_db, key, value, message):
    before = _snapshot(county_db)
    with pytest.raises(UserError, match=message):
        county_db.write(lambda s: reference.set_param(s, HEAD, key, value))
    assert _snapshot(county_db) == before


def test_a_station_may_not_edit_reference_data(station_db):
    before = _snapshot(station_db)
    for edit in (lambda s: reference.set_param(s, HEAD, "mediation.warn_day", "18"),
                 lambda s: reference.add_code(s, HEAD, "dispute_type", "20", "网络纠纷"),
                 lambda s: reference.rename_code(s, HEAD, "dispute_type", "10", "劳动争议纠纷"),
                 lambda s: reference.set_code_active(s, HEAD, "dispute_type", "10", False),
                 lambda s: reference.add_holiday(s, HEAD, "2031-10-01", calendar.HOLIDAY),
                 lambda s: reference.remove_holiday(s, HEAD, "2031-10-01")):
        with pytest.raises(UserError, match="只有县司法局的程序可以修改参数、代码表和节假日安排"):
            station_db.write(edit)
    assert _snapshot(station_db) == before
    with station_db.read() as s:
        assert not reference.may_edit(s, HEAD)
        assert reference.param_rows(s, STAFF)  # reading is for everyone


def test_only_the_head_edits_at_the_county(county_db):
    before = _snapshot(county_db)
    with pytest.raises(PermissionDenied, match="无权修改系统设置"):
        county_db.write(lambda s: reference.set_param(s, STAFF, "mediation.warn_day", "18"))
    with pytest.raises(PermissionDenied):
        county_db.write(lambda s: reference.add_holiday(s, STAFF, "2031-10-01", calendar.HOLIDAY))
    assert _snapshot(county_db) == before
    with county_db.read() as s:
        assert reference.may_edit(s, HEAD) and not reference.may_edit(s, STAFF)


def test_codes_are_added_renamed_and_disabled_never_deleted(county_db):
    added = county_db.write(lambda s: reference.add_code(s, HEAD, "dispute_type", "20", "网络纠纷"))
    with county_db.read() as s:
        rows = reference.code_rows(s, HEAD, "dispute_type")
    assert added.sort == max(r.sort for r in rows) and rows[-1].code == "20"
    county_db.write(lambda s: reference.rename_code(s, HEAD, "dispute_type", "20", "网络消费纠纷"))
    county_db.write(lambda s: reference.set_code_active(s, HEAD, "dispute_type", "20", False))
    with county_db.read() as s:
        row = s.exec(select(CodeTable).where(CodeTable.kind == "dispute_type", CodeTable.code == "20")).one()
        assert (row.name, row.active, row.deleted) == ("网络消费纠纷", False, False)
        from sfs_desktop.core import codes
        assert codes.code_exists(s, "dispute_type", "20")  # old records that use it stay valid
        assert "20" not in [c.code for c in codes.codes(s, "dispute_type")]  # forms no longer offer it
        kinds = {k.kind: k for k in reference.code_kinds(s, HEAD)}
        assert kinds["dispute_type"].label == "纠纷类型"
        assert kinds["dispute_type"].total == kinds["dispute_type"].active + 2  # 20 and the shipped 90
        actions = [(e.action, e.table_name) for e in audit.entries(s)[-3:]]
    assert actions == [("create", "code_table"), ("edit", "code_table"), ("edit", "code_table")]
    county_db.write(lambda s: reference.set_code_active(s, HEAD, "dispute_type", "20", True))


@pytest.mark.parametrize("call, message", [
    (lambda s: reference.add_code(s, HEAD, "dispute_type", "10", "重复"), "已有代码 10：劳动争议"),
    (lambda s: reference.add_code(s, HEAD, "dispute_type", "9 9", "空格"), "代码“9 9”无效"),
    (lambda s: reference.add_code(s, HEAD, "dispute_type", "21", "  "), "代码名称不能为空"),
    (lambda s: reference.add_code(s, HEAD, "dispute_type", "21", "长" * 65), "名称"),
    (lambda s: reference.add_code(s, HEAD, "no_such_kind", "1", "甲"), "没有代码表“no_such_kind”"),
    (lambda s: reference.add_code(s, HEAD, "holiday_kind", "x", "甲"), "节假日类型由日期计算规则决定"),
    (lambda s: reference.rename_code(s, HEAD, "dispute_type", "77", "甲"), "中没有代码“77”"),
    (lambda s: reference.set_code_active(s, HEAD, "dispute_type", "90", False), "已经是停用状态"),
    (lambda s: [reference.set_code_active(s, HEAD, "gender", c, False) for c in ("1", "2")],
     "至少要保留一个启用的代码"),
])
def test_a_bad_code_edit_is_refused_and_changes_nothing(county_db, call, message):
    before = _snapshot(county_db)
    with pytest.raises(UserError, match=message):
        county_db.write(call)
    assert _snapshot(county_db) == before


def test_holidays_are_added_and_removed_and_the_calendar_follows(county_db):
    county_db.write(lambda s: reference.add_holiday(s, HEAD, "2031-10-01", calendar.HOLIDAY, "国庆节"))
    county_db.write(lambda s: reference.add_holiday(s, HEAD, date(2031, 10, 11), calendar.MAKEUP_WORKDAY))
    with county_db.read() as s:
        rows = reference.holiday_rows(s, HEAD, 2031)
        assert reference.holiday_rows(s, HEAD, 2030) == []
    assert [(r.day, r.kind_name, r.note) for r in rows] == [(date(2031, 10, 1), "法定节假日", "国庆节"),
                                                           (date(2031, 10, 11), "调休上班日", "")]
    county_db.refresh_calendar()
    assert not calendar.default_calendar().is_workday(date(2031, 10, 1))
    assert calendar.default_calendar().is_workday(date(2031, 10, 11))  # a Saturday worked
    county_db.write(lambda s: reference.remove_holiday(s, HEAD, "2031-10-01"))
    county_db.write(lambda s: reference.add_holiday(s, HEAD, "2031-10-01", calendar.HOLIDAY))  # back again
    with county_db.read() as s:
        assert len(s.exec(select(HolidayDay).where(HolidayDay.day == date(2031, 10, 1))).all()) == 1  # one row, revived
        actions = [(e.action, e.table_name) for e in audit.entries(s)[-2:]]
    assert actions == [("delete", "holiday_calendar"), ("edit", "holiday_calendar")]
    county_db.refresh_calendar()
    calendar.set_default_calendar(None)


@pytest.mark.parametrize("day, kind, message", [
    ("2031-10-06", calendar.MAKEUP_WORKDAY, "是工作日，调休上班日应为周六或周日"),
    ("2031-02-30", calendar.HOLIDAY, "格式不对"),
    ("1999-10-01", calendar.HOLIDAY, "不在 2000 至 2100 年之间"),
    ("2031-10-02", "festival", "节假日类型“festival”无效"),
    ("2031-10-03", calendar.HOLIDAY, "已登记为法定节假日"),
])
def test_a_bad_holiday_is_refused_and_changes_nothing(county_db, day, kind, message):
    county_db.write(lambda s: reference.add_holiday(s, HEAD, "2031-10-03", calendar.HOLIDAY))
    before = _snapshot(county_db)
    with pytest.raises(UserError, match=message):
        county_db.write(lambda s: reference.add_holiday(s, HEAD, day, kind))
    with pytest.raises(UserError, match="节假日安排中没有 2031-10-04"):
        county_db.write(lambda s: reference.remove_holiday(s, HEAD, "2031-10-04"))
    assert _snapshot(county_db) == before
