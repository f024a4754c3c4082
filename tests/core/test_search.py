"""Global search: names, case numbers, pinyin initials, two-character names; never S2 values."""

from datetime import date

from sqlalchemy import text

from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core import search
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.core.people import registry
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import Principal

HEAD = Principal("admin", "head")


def test_names_initials_short_names_and_case_numbers(station_db):
    station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "王小明", "id_number": "11010519491231002X"}))
    station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "张三"}))

    def case(s):
        [cid] = insert_synced(s, MediationCommittee, [{"name": "竹山村人民调解委员会", "committee_type": "01"}])
        insert_synced(s, MediationCase, [{"committee_id": cid, "dispute_type": "02", "summary": "…",
                                          "case_no": "（2024）桃灰人调字第12号", "received_date": date(2024, 3, 1)}])
    station_db.write(case)
    with station_db.read() as s:
        assert [h.text for h in search.search(s, HEAD, "王小明")["人员信息库"]] == ["王小明"]
        assert [h.text for h in search.search(s, HEAD, "wxm")["人员信息库"]] == ["王小明"]
        assert [h.text for h in search.search(s, HEAD, "张三")["人员信息库"]] == ["张三"]
        assert search.search(s, HEAD, "第12号")["人民调解"][0].table == "mediation_case"
        assert search.search(s, HEAD, "110105194912") == {}
        indexed = " ".join(r[0] for r in s.execute(text("SELECT text FROM search_index")))
    assert "11010519491231002X" not in indexed


def test_edits_and_deletes_follow_into_the_index(station_db):
    p = station_db.write(lambda s: registry.register_person(s, SYSTEM, {"name": "李四海"}))
    station_db.write(lambda s: registry.update_person(s, SYSTEM, p.id, {"name": "李四河"}))
    with station_db.read() as s:
        assert search.search(s, HEAD, "李四海") == {} and search.search(s, HEAD, "李四河")
    station_db.write(lambda s: s.delete(s.get(Person, p.id)))
    with station_db.read() as s:
        assert search.search(s, HEAD, "李四河") == {}


def test_mediator_does_not_find_other_committees_cases(station_db):
    def build(s):
        a, b = insert_synced(s, MediationCommittee, [{"name": "甲委员会", "committee_type": "01"},
                                                    {"name": "乙委员会", "committee_type": "01"}])
        insert_synced(s, MediationCase, [{"committee_id": a, "dispute_type": "02", "summary": "…", "case_no": "案号甲001"},
                                         {"committee_id": b, "dispute_type": "02", "summary": "…", "case_no": "案号乙001"}])
        return a
    a = station_db.write(build)
    mediator = Principal("m", "mediator", committee_ids=frozenset({a}))
    with station_db.read() as s:
        hits = search.search(s, mediator, "001")
    assert [h.text for h in hits["人民调解"]] == ["案号甲001"]
