"""Demo data is plausible, generated (never real), and passes the program's own checks."""

from sqlalchemy import select

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import demo, idcheck
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.station.models import AdminArea


def test_demo_people_have_valid_fictitious_ids(station_db):
    counts = demo.generate(station_db, SYSTEM, scale=300, seed=1)
    assert counts["人员"] == 300
    with station_db.read() as s:
        people = s.exec(select(Person)).scalars().all()
        villages = s.exec(select(AdminArea)).scalars().all()
    assert len(people) == 300 and len(villages) >= 10
    for p in people:
        r = idcheck.check_id_number(p.id_number)
        assert r.ok, r.message
        assert r.birth_date == p.birth_date
        assert (r.sex == "男") == (p.gender == "1")
        assert p.id_number.startswith("430922")
    assert len({p.id_number for p in people}) > 290


def test_same_seed_same_data(tmp_path):
    from tests.conftest import init_dir, open_dir

    digests = []
    for name in ("a", "b"):
        paths, _ = init_dir(tmp_path / name)
        with open_dir(paths) as db:
            demo.generate(db, SYSTEM, scale=20, seed=5)
            with db.read() as s:
                digests.append(sorted(p.name + (p.id_number or "") for p in s.exec(select(Person)).scalars()))
    assert digests[0] == digests[1]
