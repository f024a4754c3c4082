"""单位: registered once, checked value by value, never twice under one code or one name."""

import pytest
from sqlalchemy import func, select

from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.idcheck import make_uscc
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.people.organizations import save_organization
from sfs_desktop.core.security.access import Principal

HEAD = Principal("admin", "head", "所长")
CODE = make_uscc("430922", "MA4L2B7X")  # generated, like all test data


def _count(db) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Organization))


def test_a_unit_is_registered_once_by_code_and_by_name(station_db):
    db = station_db
    unit = db.write(lambda s: save_organization(s, HEAD, {"name": " 桃江县竹业有限公司 ", "uscc": CODE.lower(),
                                                          "phone": "0737-8221234"}))
    assert (unit.name, unit.uscc) == ("桃江县竹业有限公司", CODE)
    with pytest.raises(UserError, match="该统一社会信用代码已登记为“桃江县竹业有限公司”"):
        db.write(lambda s: save_organization(s, HEAD, {"name": "另一家公司", "uscc": CODE}))
    with pytest.raises(UserError, match="已登记同名单位“桃江县竹业有限公司”"):
        db.write(lambda s: save_organization(s, HEAD, {"name": "桃江县竹业有限公司"}))
    assert _count(db) == 1


@pytest.mark.parametrize("values, message", [
    ({"name": " "}, "“单位名称”必须填写"),
    ({"name": "甲公司", "uscc": "91430922MA4L2B7X"}, "“统一社会信用代码”长度应为 18 位"),
    ({"name": "甲公司", "phone": "12345"}, "应为 11 位手机号"),
    ({"name": "甲公司", "org_type": "42"}, "“单位类型”的值“42”不在代码表中"),
])
def test_a_bad_value_is_refused_in_chinese_and_nothing_is_written(station_db, values, message):
    with pytest.raises(ValidationError, match=message):
        station_db.write(lambda s: save_organization(s, HEAD, values))
    assert _count(station_db) == 0


def test_changes_keep_the_same_checks(station_db):
    db = station_db
    first = db.write(lambda s: save_organization(s, HEAD, {"name": "甲公司", "uscc": CODE}))
    second = db.write(lambda s: save_organization(s, HEAD, {"name": "乙合作社"}))
    changed = db.write(lambda s: save_organization(s, HEAD, {"legal_rep": "赵六", "name": "甲公司"}, first.id))
    assert (changed.name, changed.legal_rep, changed.uscc) == ("甲公司", "赵六", CODE)  # its own name is no duplicate
    with pytest.raises(UserError, match="已登记为“甲公司”"):
        db.write(lambda s: save_organization(s, HEAD, {"uscc": CODE}, second.id))
    with pytest.raises(UserError, match="不存在"):
        db.write(lambda s: save_organization(s, HEAD, {"name": "丙"}, "no-such-id"))
    with db.read() as s:
        assert s.get(Organization, second.id).uscc is None


def test_a_read_only_account_cannot_register_a_unit(station_db):
    inspector = Principal("jc", "inspector", "检查员")
    with pytest.raises(PermissionDenied):
        station_db.write(lambda s: save_organization(s, inspector, {"name": "甲公司"}))
    assert _count(station_db) == 0
