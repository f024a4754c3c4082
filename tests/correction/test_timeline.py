"""A correction subject on the shared workspace and timeline: every event kind of issue 16 from its
own table, newest first; the quick entries and the ledger's one-click entry checked by the
supervision rule, refused to a 调解员 or 只读 account with nothing written; opening the subject is
exactly one audited S3 view, reading it again none."""

from datetime import date, datetime, time, timedelta

import pytest
from sqlmodel import func, select

from sfs_desktop.core import demo, timeline, workspace
from sfs_desktop.core.correction import timeline as cc_timeline, work
from sfs_desktop.core.correction.constants import AWAITING, SUPERVISED, TEMP_EXEC
from sfs_desktop.core.correction.models import CcAssessment, CcSanctionDecision, CcSupervision, CorrectionSubject
from sfs_desktop.core.db.synced import acting_as, insert_synced
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.errors import PermissionDenied, UserError, ValidationError
from sfs_desktop.core.printing.service import print_document
from sfs_desktop.core.security.access import SYSTEM
from sfs_desktop.core.security.audit import AuditLog
from tests.correction.test_work import HEAD, INSPECTOR, MEDIATOR, STAFF

TABLE = "correction_subject"
TODAY = date.today()  # demo data and the supervision rule both date from the real today
SPEC = workspace.spec(TABLE).timeline


def _as(who, fn):
    """`fn(session)` on the writer, recorded as made by `who` (as the GUI's WriteOp does)."""
    def run(s):
        with acting_as(who.username):
            return fn(s)
    return run


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from tests.conftest import init_dir, open_dir

    db = open_dir(init_dir(tmp_path_factory.mktemp("cc-timeline") / "station")[0])
    demo.generate(db, HEAD, scale=100, seed=2024)
    yield db
    db.close()


def _subjects(db, status=SUPERVISED, kind=None):
    with db.read() as s:
        stmt = select(CorrectionSubject).where(CorrectionSubject.status == status).order_by(CorrectionSubject.name)
        rows = s.exec(stmt).all()
    return [r for r in rows if kind is None or r.correction_type == kind]


def _count(db, model, *where):
    with db.read() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def _events(db, who, sid, **kw):
    with db.read() as s:
        return timeline.events(s, who, SPEC, TABLE, sid, **kw)


def test_every_kind_of_the_issue_appears_from_its_table_newest_first(demo_db, tmp_path):
    c = _subjects(demo_db, kind=TEMP_EXEC)[0]  # demo: its level's supervision, medical-parole reports, steps
    day = TODAY - timedelta(days=1)

    def more(s):
        have = set(s.exec(select(CcSupervision.kind).where(CcSupervision.subject_id == c.id)).all())
        for kind in {"talk", "education", "public_benefit"} - have:  # what this level's frequencies did not need
            work.record_supervision(s, STAFF, c.id, {"kind": kind, "day": day, "hours": 2}, today=TODAY)
        work.record_supervision(s, STAFF, c.id, {"kind": "assistance", "day": day, "mode": "就业指导",
                                                 "content": "联系镇上企业提供岗位"}, today=TODAY)
        v = work.record_violation(s, STAFF, c.id, {"occurred_on": day, "kind": "09", "facts": "未按时参加集中教育"},
                                  today=TODAY)
        work.propose(s, STAFF, v.id, v.suggested, day)
        insert_synced(s, CcSanctionDecision, [
            {"subject_id": c.id, "violation_id": v.id, "measure": "02", "decided_on": TODAY, "decision_no": "桃矫训〔1〕号"},
            {"subject_id": c.id, "measure": "01", "decided_on": TODAY - timedelta(days=30)}])
        work.add_locator(s, STAFF, c.id, {"trigger": "03", "approver": "县司法局局长",
                                          "start": TODAY - timedelta(days=20), "end": TODAY + timedelta(days=40)})
        insert_synced(s, CcAssessment, [{"subject_id": c.id, "period": f"{TODAY:%Y-%m}", "score": 92, "grade": "优秀",
                                         "assessed_on": TODAY - timedelta(days=2)}])
        at = datetime.combine(day, time(9)).astimezone()  # entered on the station's clock
        work.report_major_event(s, STAFF, c.id, {"kind": "06", "occurred_at": at, "reported_at": at + timedelta(hours=3),
                                                 "reported_to": "县社区矫正机构", "details": "住院治疗"})
        work.file_leave(s, STAFF, c.id, {"reason": "陪护", "destination": "湖南省长沙市", "applied_on": TODAY,
                                         "start": TODAY + timedelta(days=5), "end": TODAY + timedelta(days=8)})
        print_document(s, SYSTEM, "correction.intake", c.id, tmp_path / "intake.pdf", blob_root=demo_db.paths.attachments)
    demo_db.write(more)

    found = _events(demo_db, STAFF, c.id)
    days = [e.day for e in found]
    assert days == sorted(days, reverse=True)
    counts = timeline.counts(SPEC, found)
    assert list(counts) == [k.key for k in SPEC.kinds]  # nothing outside the declared kinds
    assert all(counts[k] >= 1 for k in counts), counts  # reports, check-ins … major events, leave, steps, prints
    titles = [e.title for e in found]
    assert "县级社区矫正机构决定训诫" in titles and "县级社区矫正机构决定表扬" in titles
    assert "违规：其他轻微违规" in titles and "重大事项：重大疾病" in titles and "打印社区矫正对象基本信息表" in titles
    assert f"考核评议 {TODAY:%Y-%m}：92 分，优秀" in titles and "报到" in titles
    assert any(t.startswith("使用电子定位装置") for t in titles) and any(t.startswith("帮扶（就业指导") for t in titles)
    with demo_db.read() as s:
        ids = {p.id_number for p in s.exec(select(Person)).all() if p.id_number}
    assert not any(i in e.title or i in e.detail for e in found for i in ids)  # never an ID number
    only = _events(demo_db, STAFF, c.id, kinds=["reward", "violation"])
    assert {e.kind for e in only} == {"reward", "violation"} and len(only) == counts["reward"] + counts["violation"]


@pytest.mark.parametrize("who, message", [(MEDIATOR, "无权查看涉罪"), (INSPECTOR, "无权查看涉罪")])
def test_a_mediator_or_inspector_reads_no_timeline_and_enters_nothing(demo_db, who, message):
    c = _subjects(demo_db)[0]
    before = _count(demo_db, CcSupervision)
    with pytest.raises(PermissionDenied, match=message):
        _events(demo_db, who, c.id)
    with demo_db.read() as s, pytest.raises(PermissionDenied):
        workspace.read(s, who, TABLE, c.id, TODAY)
    with pytest.raises(PermissionDenied):
        demo_db.write(lambda s: timeline.add(s, who, TABLE, c.id, "report", {"day": TODAY, "mode": "到所"}))
    with pytest.raises(PermissionDenied):
        demo_db.write(lambda s: cc_timeline.record_today(s, who, c.id, "report", TODAY))
    with pytest.raises(PermissionDenied):
        demo_db.write(lambda s: workspace.record_view(s, who, TABLE, c.id))
    assert _count(demo_db, CcSupervision) == before
    assert _count(demo_db, AuditLog, AuditLog.action == "view_s3", AuditLog.actor == who.username) == 0


@pytest.mark.parametrize("bad, message", [
    ({"day": TODAY + timedelta(days=1)}, "日期不能晚于今天"),
    ({"day": None}, "“日期”必须填写"),
    ({"result": "9"}, "结果"),
    ({"mode": "到" * 40}, "方式"),
    ({"day": date(2000, 1, 1)}, "日期不能早于接收日期"),
])
def test_bad_quick_entry_gets_a_chinese_message_and_writes_nothing(demo_db, bad, message):
    c = _subjects(demo_db)[1]
    before = _count(demo_db, CcSupervision)
    with pytest.raises((UserError, ValidationError), match=message):
        demo_db.write(lambda s: timeline.add(s, STAFF, TABLE, c.id, "checkin",
                                             {"day": TODAY, "mode": "手机定位", "result": "1", **bad}))
    assert _count(demo_db, CcSupervision) == before


def test_quick_entries_save_through_the_supervision_rule(demo_db):
    c = _subjects(demo_db)[1]
    row = demo_db.write(lambda s: timeline.add(s, STAFF, TABLE, c.id, "talk", {
        "day": TODAY, "mode": "定期谈话", "place": "司法所", "content": "近况", "kind": "report", "subject_id": "x"}))
    assert (row.kind, row.subject_id) == ("talk", c.id)  # the entry's kind and the subject win
    assert [q.key for q in SPEC.quick] == ["report", "checkin", "visit", "talk"]
    assert timeline.starting_values(SPEC.entry("report"), TODAY) == {"mode": "到所", "day": TODAY}
    waiting = _subjects(demo_db, status=AWAITING)[0]  # not reported in: no supervision yet
    with pytest.raises(UserError, match="该对象当前为“待报到”，不能办理此事项（只有在矫、外出中、失联的对象可以）"):
        demo_db.write(lambda s: timeline.add(s, STAFF, TABLE, waiting.id, "report", {"day": TODAY, "mode": "到所"}))
    with demo_db.read() as s:
        view = workspace.read(s, STAFF, TABLE, waiting.id, TODAY)
    states = {st.key: st for st in view.steps}
    assert states["report_in"].enabled and not states["report"].enabled
    assert states["report"].reason == "该对象当前为“待报到”，不能办理此事项（只有在矫、外出中、失联的对象可以）"
    assert view.header[0].text == waiting.name and view.header[0].strong
    assert any("逾期未报到" in what or "报到期限" in what for _d, what, _late in view.parts.due)


def test_one_click_report_today_once_and_undone_only_by_who_entered_it(demo_db):
    c = _subjects(demo_db)[2]
    demo_db.write(lambda s: [s.delete(e) for e in s.exec(select(CcSupervision).where(
        CcSupervision.subject_id == c.id, CcSupervision.day == TODAY)).all()])
    done = demo_db.write(_as(STAFF, lambda s: cc_timeline.record_today(s, STAFF, c.id, "report", TODAY)))
    assert (done.subject, done.label, done.day, done.mode) == (c.name, "报告", TODAY, "到所")
    with pytest.raises(UserError, match=f"{c.name}今天已登记过报告"):
        demo_db.write(_as(STAFF, lambda s: cc_timeline.record_today(s, STAFF, c.id, "report", TODAY)))
    check = demo_db.write(_as(STAFF, lambda s: cc_timeline.record_today(s, STAFF, c.id, "checkin", TODAY)))
    assert check.mode == "手机定位"
    with pytest.raises(UserError, match="只能撤销本人当天登记的监管记录"):
        demo_db.write(_as(HEAD, lambda s: work.undo_supervision(s, HEAD, done.row_id, today=TODAY)))
    with pytest.raises(UserError, match="只能撤销本人当天登记的监管记录"):
        demo_db.write(_as(STAFF, lambda s: work.undo_supervision(s, STAFF, done.row_id, today=TODAY + timedelta(days=1))))
    with pytest.raises(PermissionDenied):
        demo_db.write(lambda s: work.undo_supervision(s, INSPECTOR, done.row_id, today=TODAY))
    demo_db.write(_as(STAFF, lambda s: work.undo_supervision(s, STAFF, done.row_id, today=TODAY)))
    with pytest.raises(UserError, match="不存在或已撤销"):
        demo_db.write(_as(STAFF, lambda s: work.undo_supervision(s, STAFF, done.row_id, today=TODAY)))
    with demo_db.read() as s:
        assert s.get(CcSupervision, done.row_id).deleted  # a tombstone: the county learns of it
        assert s.exec(select(AuditLog).where(AuditLog.action == "delete", AuditLog.record_id == done.row_id)).first()
    with pytest.raises(UserError, match="不能在时间线上直接登记"):
        demo_db.write(lambda s: cc_timeline.record_today(s, STAFF, c.id, "leave", TODAY))


def test_opening_is_one_audited_view_and_reading_again_none(demo_db):
    c = _subjects(demo_db)[3]

    def views():
        return _count(demo_db, AuditLog, AuditLog.action == "view_s3", AuditLog.record_id == c.id)
    before = views()
    assert demo_db.write(lambda s: workspace.record_view(s, STAFF, TABLE, c.id)) is True
    assert views() == before + 1
    for _ in range(2):  # the reads (first and after each step) run in a read-only session: no entry
        view = workspace.load(demo_db, STAFF, TABLE, c.id, TODAY)
    assert views() == before + 1 and view.timeline.counts["report"] >= 1
    with demo_db.read() as s:
        entry = s.exec(select(AuditLog).where(AuditLog.action == "view_s3", AuditLog.record_id == c.id)
                       .order_by(AuditLog.seq.desc())).first()
    assert (entry.actor, entry.table_name) == (STAFF.username, TABLE)
    with pytest.raises(UserError, match="记录不存在或已删除"):
        demo_db.write(lambda s: workspace.record_view(s, STAFF, TABLE, "no-such-subject"))
