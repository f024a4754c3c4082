"""The released person's workspace and timeline, declared in core (issue 17): events of every
source newest first, quick entries saved through the rule, refusals for a principal without S3."""

from datetime import date

import pytest

from sfs_desktop.core import timeline, workspace
from sfs_desktop.core.errors import PermissionDenied, UserError
from sfs_desktop.core.resettlement import work
from sfs_desktop.core.resettlement.constants import SELF_REPORT
from sfs_desktop.core.resettlement.timeline import TIMELINE
from tests.resettlement.test_work import INSPECTOR, STAFF, TODAY, _notice, _received


def test_the_timeline_merges_steps_contacts_measures_and_incidents(station_db):
    rid = _received(station_db)
    station_db.write(lambda s: timeline.add(s, STAFF, "released_person", rid, "visit",
                                            {"day": date(2024, 5, 24), "place": "家中"}))
    station_db.write(lambda s: timeline.add(s, STAFF, "released_person", rid, "measure",
                                            {"kind": "02", "day": date(2024, 5, 28), "provider": "竹业公司"}))
    station_db.write(lambda s: work.report_lost(s, STAFF, rid, {"lost_on": date(2024, 6, 1)}, today=TODAY))
    with station_db.read() as s:
        got = [(e.day, e.kind, e.title) for e in timeline.events(s, STAFF, TIMELINE, "released_person", rid)]
    assert got[0] == (date(2024, 6, 1), "lost", "失联")
    assert (date(2024, 5, 28), "measure", "安置帮扶：务工") in got
    assert (date(2024, 5, 24), "visit", "走访（家中）") in got
    assert (date(2024, 5, 22), "step", "衔接：自行报到") in got
    assert got[-1] == (date(2024, 4, 15), "step", "收到刑满释放人员通知书")


def test_quick_entries_go_through_the_rule_and_refuse_a_principal_without_s3(station_db):
    rid = _notice(station_db)
    with pytest.raises(UserError, match="只有在册、失联的对象可以"):  # not yet received
        station_db.write(lambda s: timeline.add(s, STAFF, "released_person", rid, "visit", {"day": TODAY}))
    with pytest.raises(PermissionDenied):
        with station_db.read() as s:
            timeline.events(s, INSPECTOR, TIMELINE, "released_person", rid)


def test_the_workspace_reads_header_steps_and_due_items(station_db):
    rid = _notice(station_db)
    view = workspace.load(station_db, STAFF, "released_person", rid, TODAY)
    steps = {st.key: st for st in view.steps}
    assert steps["receive"].enabled and not steps["end"].enabled and "只有在册、失联的对象可以" in steps["end"].reason
    texts = [h.text for h in view.header]
    assert texts[0] == "测试乙" and "状态：待衔接" in texts and not [h for h in view.header if h.alert] and "帮教期：2024-05-20 至 2029-05-20" in texts
    assert [d[1] for d in view.parts.due] == ["逾期未衔接：组织查找，防止漏管"]
    station_db.write(lambda s: work.receive(s, STAFF, rid, {"person_id": _person_id(s), "handover_method": SELF_REPORT,
                                                            "handover_on": TODAY}, today=TODAY))
    view = workspace.load(station_db, STAFF, "released_person", rid, TODAY)
    assert [d[1] for d in view.parts.due] == ["返回后首次走访", "帮教期满：办理解除"]


def test_a_notice_received_late_is_said_in_red(station_db):
    rid = _notice(station_db, notice_received_on=date(2024, 5, 25))  # after the release itself
    view = workspace.load(station_db, STAFF, "released_person", rid, TODAY)
    assert view.header[-1].alert and "通知书晚于" in view.header[-1].text


def _person_id(s):
    from tests.resettlement.test_work import _person
    return _person(s)
