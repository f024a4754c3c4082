"""`demo --scale 1000`, run twice, keeps every mediation rule and duplicates nothing (issue 15)."""

from sqlmodel import func, select

from sfs_desktop.core import demo
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.mediation import checks
from sfs_desktop.core.mediation.documents import contents_items, screening_ledger_context
from sfs_desktop.core.mediation.models import (DisputeScreening, GuidanceRecord, MediationCase, MediationCommittee,
                                               Mediator, MediatorTraining)
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.station.models import AdminArea, Staff

TABLES = (AdminArea, Staff, Person, MediationCommittee, Mediator, MediationCase, DisputeScreening, GuidanceRecord,
          MediatorTraining, PrintLog)


def _counts(db):
    with db.read() as s:
        return {m.__name__: s.exec(select(func.count()).select_from(m)).one() for m in TABLES}


def test_demo_twice_keeps_every_rule_and_adds_nothing_the_second_time(station_db):
    first = demo.generate(station_db, SYSTEM, scale=1000, seed=2024)
    assert first["调解案件"] == 250 and first["人员"] == 1000
    after_one = _counts(station_db)
    second = demo.generate(station_db, SYSTEM, scale=1000, seed=2024)
    assert _counts(station_db) == after_one
    assert second["村（社区）"] == second["工作人员"] == second["人员"] == 0
    assert second["调委会"] == second["调解员"] == second["调解案件"] == 0
    with station_db.read() as s:
        assert checks.problems(s) == []
        cases = s.exec(select(MediationCase)).all()
        statuses = {c.status for c in cases}
        assert {"archived", "follow_up", "terminated", "mediating"} <= statuses
        archived = [c for c in cases if c.status == "archived"]
        assert archived and all(i["note"] != "尚缺" for i in contents_items(s, archived[0]))
        rows = screening_ledger_context(s, str(archived[-1].received_date.year)).context["rows"]
        assert any(r["measures"] for r in rows) and any(r["outcome"] for r in rows)


def test_the_checks_find_what_the_old_demo_got_wrong(station_db):
    """The check is real: an expired term, a future visit date and a dangling committee are found."""
    demo.generate(station_db, SYSTEM, scale=200, seed=7)

    def spoil(s):
        from datetime import date, timedelta
        from sfs_desktop.core.mediation.models import FollowUpVisit
        township = s.exec(select(MediationCommittee).where(MediationCommittee.committee_type == "03")).first()
        township.term_end = date.today() - timedelta(days=300)
        s.add(township)
        visit = s.exec(select(FollowUpVisit)).first()
        visit.visit_date = date.today() + timedelta(days=5)
        s.add(visit)
        guidance = s.exec(select(GuidanceRecord)).first()
        guidance.committee_id = "no-such-committee"
        s.add(guidance)
    station_db.write(spoil)
    with station_db.read() as s:
        found = "\n".join(checks.problems(s))
    assert "任期已于" in found and "不在任期内" in found
    assert "回访日期应在协议生效之后、今天之前" in found
    assert "调解委员会不存在" in found
