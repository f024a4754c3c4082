"""Choosing a person or unit by name: namesakes are told apart, never guessed between."""

from datetime import date

import pytest

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.idcheck import make_id_number
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.organizations import save_organization
from sfs_desktop.core.people.parties import AmbiguousName, PartyRef, candidates, resolve
from sfs_desktop.core.security.access import Principal

HEAD = Principal("admin", "head", "所长")
FIRST, SECOND = make_id_number("430922", date(1980, 3, 1), 11), make_id_number("430922", date(1992, 7, 9), 12)


@pytest.fixture
def namesakes(station_db):
    def build(s):
        return [registry.register_person(s, SYSTEM, {"name": "张伟", "id_number": number}, confirm_warnings=True).id
                for number in (FIRST, SECOND)]
    return station_db, station_db.write(build)


def test_namesakes_are_listed_apart_with_masked_numbers(namesakes):
    db, (first, second) = namesakes
    db.write(lambda s: save_organization(s, HEAD, {"name": "张伟"}))  # a unit may bear the same name
    with db.read() as s:
        found = candidates(s, " 张伟 ")
    assert [c.ref for c in found[:2]] == [PartyRef(person_id=first), PartyRef(person_id=second)]
    assert found[2].ref.organization_id and found[2].detail.startswith("单位")
    assert "1980-03-01" in found[0].detail and "1992-07-09" in found[1].detail
    assert all(FIRST not in c.detail and SECOND not in c.detail for c in found)  # never the number in clear
    assert found[0].detail.startswith(FIRST[:6]) and found[0].detail[:18].endswith(FIRST[-4:])


def test_a_name_is_resolved_only_when_it_is_unique(namesakes):
    db, (first, second) = namesakes
    with db.read() as s:
        with pytest.raises(AmbiguousName, match="不止一个“张伟”，请点“选择…”"):
            resolve(s, "张伟")
        with pytest.raises(UserError, match="没有“李四”"):
            resolve(s, "李四")
        with pytest.raises(UserError, match="请填写"):
            resolve(s, "  ")
        assert resolve(s, PartyRef(person_id=second)) == PartyRef(person_id=second)
    db.write(lambda s: s.delete(s.get(registry.Person, second)))
    with db.read() as s:
        assert resolve(s, "张伟") == PartyRef(person_id=first)  # one left
        with pytest.raises(UserError, match="已不在人员信息库中"):
            resolve(s, PartyRef(person_id=second))
