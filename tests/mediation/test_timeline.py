"""The shared record workspace and timeline contract (core.workspace, core.timeline), proven on a
mediation case: sources merged and ordered, counts, the principal refused, quick entries checked
before anything is written, steps greyed with the rule's own sentence."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlmodel import select

from sfs_desktop.core import duties, timeline, workspace
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.mediation import casefile, rules
from sfs_desktop.core.mediation.models import FollowUpVisit, MediationCase, MediationRecord
from sfs_desktop.core.security.access import SYSTEM, Principal
from tests.mediation.conftest import HEAD, new_case
from tests.mediation.test_workflow import RECEIVED, TODAY, agreement, go, printed

TABLE = "mediation_case"
INSPECTOR = Principal("look", "inspector", "检查")
OTHER_MEDIATOR = Principal("m9", "mediator", "外村调解员", frozenset({"no-such-committee"}))
VISIT = {"visit_date": TODAY, "visitee": "甲一", "method": "1", "performance": "01", "satisfaction": "01"}


def agreed_case(db, t, tmp_path=None):
    cid = new_case(db, t["village"], t["people"])
    go(db, rules.accept, cid, RECEIVED)
    go(db, rules.start, cid, t["mediators"][:1])
    agreement(db, cid)
    go(db, rules.reach_agreement, cid, RECEIVED + timedelta(days=2), TODAY)
    return cid


def read(db, who, cid, **kw):
    spec = workspace.spec(TABLE).timeline
    with db.read() as s:
        return timeline.events(s, who, spec, TABLE, cid, **kw)


def test_the_manifest_declares_the_case_workspace():
    assert "mediation_case" in duties.workspace_tables()
    ws = workspace.spec(TABLE)
    assert [s.key for s in ws.steps][:3] == ["accept", "reject", "start"] and ws.timeline.quick[0].key == "visit"
    with pytest.raises(LookupError):
        workspace.spec("person")


def test_sources_merged_newest_first_with_counts(township, tmp_path):
    db, t = township
    cid = agreed_case(db, t)
    db.write(lambda s: timeline.add(s, HEAD, TABLE, cid, "investigation", {
        "held_on": RECEIVED + timedelta(days=1), "place": "村委会", "conducted_by": "甲一", "body": "了解情况。"}))
    db.write(lambda s: timeline.add(s, HEAD, TABLE, cid, "visit", VISIT))
    printed(db, "mediation.registration", cid, tmp_path)
    db.write(lambda s: casefile.attach(s, SYSTEM, cid, "当事人身份证明", b"%PDF-scan", ".pdf",
                                       blob_root=db.paths.attachments))
    found = read(db, HEAD, cid)
    days = [e.day for e in found]
    assert days == sorted(days, reverse=True)
    titles = [e.title for e in found]
    assert any(t.startswith("受理，（") for t in titles) and "达成书面协议，履行期限 " + f"{TODAY:%Y-%m-%d}" in titles
    assert "打印人民调解受理登记表" in titles and "附加当事人身份证明.pdf" in titles
    assert any(t.startswith("回访甲一（") and t.endswith("：已履行，满意") for t in titles), titles
    assert "调查记录：村委会" in titles and "结案" in titles  # performed at the visit: closed that day
    assert found[-1].title == "登记" or found[-1].day <= RECEIVED
    spec = workspace.spec(TABLE).timeline
    assert timeline.counts(spec, found) == {"step": 4, "record": 1, "visit": 1, "print": 1, "attachment": 1}
    only = read(db, HEAD, cid, kinds=["visit", "print"])
    assert {e.kind for e in only} == {"visit", "print"} and len(only) == 2
    # same day: a later entry first (the visit was entered after the record)
    today = [e for e in found if e.day == TODAY and e.at is not None]
    assert [e.at for e in today] == sorted((e.at for e in today), reverse=True)


def test_reading_refused_to_who_may_not_see_the_case(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    with pytest.raises(PermissionDenied, match="调解员只能查看和办理本调解委员会的案件"):
        read(db, OTHER_MEDIATOR, cid)
    with db.read() as s, pytest.raises(PermissionDenied):
        workspace.read(s, OTHER_MEDIATOR, TABLE, cid, TODAY)
    with pytest.raises(UserError, match="记录不存在或已删除"):
        read(db, HEAD, "no-such-case")


def test_quick_entry_refused_to_a_reader_and_nothing_written(township):
    db, t = township
    cid = agreed_case(db, t)
    with pytest.raises(PermissionDenied, match="无权新增或修改记录"):
        db.write(lambda s: timeline.add(s, INSPECTOR, TABLE, cid, "visit", VISIT))
    with pytest.raises(PermissionDenied, match="本调解委员会"):
        db.write(lambda s: timeline.add(s, OTHER_MEDIATOR, TABLE, cid, "visit", VISIT))
    with db.read() as s:
        assert s.exec(select(FollowUpVisit)).all() == []


@pytest.mark.parametrize("bad, message", [
    ({"visitee": ""}, "“回访对象”必须填写"),
    ({"visit_date": None}, "“回访日期”必须填写"),
    ({"method": "99"}, "回访方式"),
    ({"visitee": "甲" * 40}, "回访对象"),
])
def test_bad_quick_entry_value_gets_a_chinese_message_and_changes_nothing(township, bad, message):
    db, t = township
    cid = agreed_case(db, t)
    with pytest.raises(ValidationError, match=message):
        db.write(lambda s: timeline.add(s, HEAD, TABLE, cid, "visit", {**VISIT, **bad}))
    with db.read() as s:
        assert s.exec(select(FollowUpVisit)).all() == [] and s.get(MediationCase, cid).status == "agreed"


def test_quick_entry_goes_through_the_rule_and_sets_fixed_values(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])  # a draft: no visit before an agreement
    with pytest.raises(UserError, match="案件当前为“登记草稿”，不能进行此操作（只有已达成协议、履行监督/回访的案件可以）"):
        db.write(lambda s: timeline.add(s, HEAD, TABLE, cid, "visit", VISIT))
    with pytest.raises(UserError, match="不能在时间线上直接登记"):
        db.write(lambda s: timeline.add(s, HEAD, TABLE, cid, "nonsense", VISIT))
    go(db, rules.accept, cid, RECEIVED)
    row = db.write(lambda s: timeline.add(s, HEAD, TABLE, cid, "sitting", {
        "held_on": TODAY, "place": "村委会", "conducted_by": "甲一", "body": "双方陈述。", "kind": "1", "case_id": "x"}))
    assert (row.kind, row.case_id) == ("2", cid)  # the entry's fixed kind and the record's id win
    with db.read() as s:
        assert s.exec(select(MediationRecord)).one().id == row.id
    other = agreed_case(db, t)
    visit = db.write(lambda s: timeline.add(s, HEAD, TABLE, other, "visit", VISIT))
    assert visit.performance == "01"


def test_steps_greyed_with_the_rules_sentence(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    with db.read() as s:
        view = workspace.read(s, HEAD, TABLE, cid, TODAY)
        as_reader = workspace.read(s, INSPECTOR, TABLE, cid, TODAY)
    states = {st.key: st for st in view.steps}
    assert states["accept"].enabled and states["reject"].enabled and states["risk"].enabled
    assert not states["start"].enabled
    assert states["start"].reason == "案件当前为“登记草稿”，不能进行此操作（只有已受理的案件可以）"
    with pytest.raises(UserError) as refused:  # the rule, asked, says the very same
        go(db, rules.start, cid, t["mediators"][:1])
    assert str(refused.value) == states["start"].reason
    assert view.header[0].text == "登记草稿（受理后编号）" and view.header[0].strong
    assert [p[1][1] for p in view.parts.parties] == ["甲一", "乙二"] and view.parts.parties_open
    assert view.timeline.counts["step"] == 1
    assert all(not st.enabled and "无权新增或修改记录" in st.reason for st in as_reader.steps)


def test_overdue_shows_in_red_in_the_header(township):
    db, t = township
    cid = new_case(db, t["village"], t["people"])
    go(db, rules.accept, cid, TODAY - timedelta(days=45))
    with db.read() as s:
        view = workspace.read(s, HEAD, TABLE, cid, TODAY)
    late = [h for h in view.header if h.text.startswith("办理期限")]
    assert late and late[0].alert and "已超期" in late[0].text


def test_a_new_duty_declares_a_timeline_without_changing_the_contract():
    """What correction (§4.4) will declare: a subject with reports, talks and violations, each a
    source, and a quick entry with a fixed value; the contract holds it as it is."""
    spec = timeline.Timeline(
        kinds=(timeline.Kind("report", "报告"), timeline.Kind("talk", "个别谈话"), timeline.Kind("violation", "违规")),
        sources=("tests.mediation.test_timeline:_reports", "tests.mediation.test_timeline:_talks"),
        quick=(timeline.QuickEntry("phone", "report", "电话报告", "x:Model", "x:save", "subject_id",
                                   fixed={"mode": "2"}, date_field="reported_on"),))
    found = sorted(_reports(None, HEAD, "s1") + _talks(None, HEAD, "s1"), key=lambda e: e.day, reverse=True)
    assert timeline.counts(spec, found) == {"report": 2, "talk": 1, "violation": 0}
    assert spec.entry("phone").fixed == {"mode": "2"} and spec.label("talk") == "个别谈话"
    assert replace(found[0], title="x").day == date(2024, 3, 5)


def _reports(_s, _who, subject_id):
    return [timeline.Event(date(2024, 3, d), "report", "报告", f"到所报告 {d}") for d in (1, 5)]


def _talks(_s, _who, subject_id):
    return [timeline.Event(date(2024, 3, 2), "talk", "个别谈话", "入矫谈话")]
