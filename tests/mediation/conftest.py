"""A small hand-built township: committees, mediators, people — figures are countable by hand."""

from datetime import date

import pytest

from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee, MediationParty, Mediator
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal
from sfs_desktop.core.station.models import AdminArea

HEAD = Principal("admin", "head", "所长")


@pytest.fixture
def township(station_db):
    def build(s):
        areas = insert_synced(s, AdminArea, [
            {"code": "430922101201", "name": "竹山村", "level": "village"},
            {"code": "430922101202", "name": "石门村", "level": "village"},
            {"code": "430922101001", "name": "大塘社区", "level": "community"},
            {"code": "430922101203", "name": "清溪村", "level": "village"}])
        township_c, village_c, community_c = insert_synced(s, MediationCommittee, [
            {"name": "灰山港镇人民调解委员会", "committee_type": "03", "active": True, "established_on": date(2015, 1, 1)},
            {"name": "竹山村人民调解委员会", "committee_type": "01", "area_code": "430922101201", "active": True,
             "established_on": date(2015, 1, 1)},
            {"name": "大塘社区人民调解委员会", "committee_type": "02", "area_code": "430922101001", "active": True,
             "established_on": date(2015, 1, 1)}])
        people = insert_synced(s, Person, [
            {"name": n, "gender": g, "birth_date": date(1970, 1, 1 + i)} for i, (n, g) in
            enumerate([("甲一", "1"), ("乙二", "2"), ("丙三", "1"), ("丁四", "2"), ("戊五", "1")])])
        mediators = insert_synced(s, Mediator, [
            {"person_id": people[0], "name": "甲一", "gender": "1", "committee_id": village_c, "status": "01"},
            {"person_id": people[1], "name": "乙二", "gender": "2", "committee_id": village_c, "status": "01",
             "full_time": True},
            {"person_id": people[2], "name": "丙三", "gender": "1", "committee_id": township_c, "status": "01"}])
        return {"areas": areas, "township": township_c, "village": village_c, "community": community_c,
                "people": people, "mediators": mediators}
    return station_db, station_db.write(build)


def new_case(db, committee_id, people, *, dispute_type="02", n_parties=2):
    def build(s):
        [cid] = insert_synced(s, MediationCase, [{"committee_id": committee_id, "dispute_type": dispute_type,
                                                  "summary": "邻里之间因排水沟发生纠纷。"}])
        insert_synced(s, MediationParty, [{"case_id": cid, "role": "01" if i == 0 else "02", "person_id": p}
                                          for i, p in enumerate(people[:n_parties])])
        return cid
    return db.write(build)
