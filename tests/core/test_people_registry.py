"""One person, one record: a known ID number never creates a second person."""

from datetime import date

import pytest

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.errors import ValidationError
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sqlmodel import select

ID = "11010519491231002X"


def test_register_derives_birth_date_and_sex(station_db):
    p = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "吴一", "id_number": ID.lower()}))
    assert p.id_number == ID and p.birth_date == date(1949, 12, 31) and p.gender == "2"


def test_second_record_for_same_id_is_refused(station_db):
    first = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "吴一", "id_number": ID}))
    with pytest.raises(registry.DuplicatePerson) as exc:
        station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "吴壹", "id_number": f" {ID.lower()} "}))
    assert exc.value.existing_id == first.id and "已登记" in str(exc.value)
    with station_db.read() as s:
        assert len(s.exec(select(Person).where(Person.id_number == ID)).all()) == 1


def test_bad_id_number_is_refused_and_nothing_written(station_db):
    with pytest.raises(ValidationError) as exc:
        station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "吴二", "id_number": "110105194912310021"}))
    assert "校验码应为 X" in str(exc.value)
    with station_db.read() as s:
        assert s.exec(select(Person).where(Person.name == "吴二")).first() is None


def test_sex_mismatch_is_a_warning_that_needs_confirmation(station_db):
    values = {"name": "吴三", "id_number": ID, "gender": "1"}
    with pytest.raises(ValidationError) as exc:
        station_db.write(lambda s: registry.register_person(s, SYSTEM, values))
    assert exc.value.problems[0].level == "warning" and "性别" in exc.value.problems[0].message
    p = station_db.write(lambda s: registry.register_person(s, SYSTEM, values, confirm_warnings=True))
    assert p.gender == "1"


def test_namesakes_are_only_candidates(station_db):
    station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "李明", "birth_date": date(1980, 1, 2), "area_code": "430922101201"}))
    station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "李明", "birth_date": date(1990, 5, 6)}))
    with station_db.read() as s:
        assert len(registry.candidates(s, "李明")) == 2
        assert len(registry.candidates(s, "李明", date(1980, 1, 2), "430922101201")) == 1


def test_passport_numbers_skip_the_mainland_checksum(station_db):
    p = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "Anna", "id_type": "06", "id_number": "E12345678"}))
    assert p.id_number == "E12345678"


def test_update_cannot_take_another_persons_id(station_db):
    a = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "甲", "id_number": ID}))
    b = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "乙"}))
    with pytest.raises(registry.DuplicatePerson):
        station_db.write(lambda s: registry.update_person(s, SYSTEM, b.id, {"id_number": ID}))
    updated = station_db.write(lambda s: registry.update_person(s, SYSTEM, a.id, {"occupation": "务农"}))
    assert updated.occupation == "务农" and updated.id_number == ID
