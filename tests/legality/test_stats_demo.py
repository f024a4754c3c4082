"""The declared 合法性审查 report (by type, on-time rate, suggestions made and adopted, H1's flag),
the demo generator (seeded, idempotent, every rule of `checks` kept) and `checks` finding a
broken row (issue 18)."""

from datetime import date as D

from sqlmodel import func, select

from sfs_desktop.core import deadlines, demo
from sfs_desktop.core.legality import checks, stats, work
from sfs_desktop.core.legality.constants import ADOPTED, CONTRACT, DECISION, LAWFUL, REJECTED, UNLAWFUL
from sfs_desktop.core.legality.models import LegalityReview
from sfs_desktop.core.reports.tables import compute
from sfs_desktop.core.security.access import SYSTEM, Principal
from tests.legality.test_work import FINDINGS, _setup

STAFF = Principal("staff1", "staff", "工作人员")
TODAY = D(2024, 11, 29)


def test_the_report_counts_types_on_time_suggestions_adoption_and_the_no_meeting_flag(station_db):
    unit, novice, lawyer = _setup(station_db)
    base = {"reviewer_id": lawyer, **FINDINGS}

    def build(s):
        ids = []
        for kind, received, mats in ((CONTRACT, D(2024, 9, 30), "01,02,03,07,08,09"),
                                     (DECISION, D(2024, 9, 30), "01,02,03,04,05,06"),
                                     (CONTRACT, D(2024, 11, 1), "01")):
            ids.append(work.register(s, STAFF, {"item_type": kind, "title": f"事项{len(ids)}", "received_on": received,
                                                "materials": mats, **base}, today=TODAY).id)
        work.add_suggestion(s, STAFF, ids[0], "建议一")
        work.add_suggestion(s, STAFF, ids[0], "建议二")
        work.conclude(s, STAFF, ids[0], LAWFUL, D(2024, 10, 15), "所长", today=TODAY)  # the due day: on time
        work.conclude(s, STAFF, ids[1], UNLAWFUL, D(2024, 10, 16), "所长", today=TODAY)  # a day late, 不合法
        one, two = work.suggestions(s, STAFF, ids[0])
        work.feedback(s, STAFF, one.id, ADOPTED, D(2024, 10, 20), today=TODAY)
        work.feedback(s, STAFF, two.id, REJECTED, D(2024, 10, 20), today=TODAY)
        return ids
    ids = station_db.write(build)
    with station_db.read() as s:
        f = compute(stats.REPORT, s, STAFF, "2024")
        assert (f["received"], f["issued"], f["on_time"], f["unlawful"]) == (3, 2, 1, 1)
        assert (f["suggestions"], f["adopted"]) == (2, 1)
        assert f["no_meeting"] == 2  # the 不合法 decision and the contract with no opinion yet
        assert sorted(stats.flagged_ids(s, "2024", None)) == sorted(ids[1:])
        assert f.breakdowns["by_type"] == {"合同协议": 2, "重大行政决策": 1}
        assert f["on_time_rate"] == 0.5 and f["adoption_rate"] == 0.5
        assert checks.problems(s) == []


def test_checks_find_a_due_date_that_does_not_follow_the_rule(station_db):
    _setup(station_db)
    rid = station_db.write(lambda s: work.register(s, STAFF, {"item_type": CONTRACT, "title": "甲", "received_on":
                                                              D(2024, 9, 30)}, today=TODAY).id)

    def corrupt(s):
        row = s.get(LegalityReview, rid)
        row.due_on = D(2024, 10, 30)
        s.add(row)
    station_db.write(corrupt)
    with station_db.read() as s:
        assert any("审查期限应为 2024-10-15" in p for p in checks.problems(s))


def test_demo_twice_keeps_every_rule_and_shows_the_seeded_overdue_review(station_db):
    first = demo.generate(station_db, SYSTEM, scale=200, seed=2024)
    assert first["合法性审查"] >= 7
    with station_db.read() as s:
        n = s.exec(select(func.count()).select_from(LegalityReview)).one()
    assert demo.generate(station_db, SYSTEM, scale=200, seed=2024)["合法性审查"] == 0
    today = D.today()
    with station_db.read() as s:
        assert s.exec(select(func.count()).select_from(LegalityReview)).one() == n
        assert checks.problems(s) == []
        overdue = [i for i in deadlines.collect(s, today) if i.duty == "合法性审查" and i.days_left(today) < 0]
        assert [i.title for i in overdue] == ["逾期未出具合法性审查意见"]
        numbers = [r.review_no for r in s.exec(select(LegalityReview).where(LegalityReview.review_no != None))]  # noqa: E711
        assert numbers and all("司审〔" in x for x in numbers)
