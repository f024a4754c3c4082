"""One generated station's correction work, worked a little further, so every form F-C1 to F-C15 has a
record to print: a talk, a visit, a violation proposed, a 5-day leave approved at the station, a 9-day
leave waiting for the county, release preparation. Used by the form tests and docs/forms/make_previews.py."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from sfs_desktop.core import demo
from sfs_desktop.core.codes import Param
from sfs_desktop.core.correction import work
from sfs_desktop.core.correction.constants import PROBATION, SUPERVISED
from sfs_desktop.core.correction.models import CcContact, CorrectionSubject
from sfs_desktop.core.security.access import Principal

HEAD = Principal("admin", "head", "所长")
STAFF = Principal("staff1", "staff", "工作人员")


def worked(db, *, scale: int = 100, seed: int = 2024) -> dict[str, str]:
    """Form id → the record it prints (ids), after demo data and the steps above."""
    demo.generate(db, HEAD, scale=scale, seed=seed)
    today = date.today()
    with db.read() as s:
        subjects = s.exec(select(CorrectionSubject).where(CorrectionSubject.status == SUPERVISED)
                          .order_by(CorrectionSubject.received_on)).all()
        c = next(x for x in subjects if x.correction_type == PROBATION)
        sid, received = c.id, c.received_on

    def steps(s):
        s.add(CcContact(subject_id=sid, role="01", name="王秀英", relation="母亲", phone="13907370001",
                        employer="务农"))
        day = max(received, today - timedelta(days=2))
        talk = work.record_supervision(s, STAFF, sid, {
            "kind": "talk", "day": day, "mode": "定期谈话", "place": "司法所谈话室", "staff": "司法所工作人员",
            "content": "问：最近一个月在做什么工作？\n答：在镇上的砖厂做搬运，每天按时上下班。\n"
                       "问：有没有离开过桃江县？\n答：没有，有事都会先向司法所报告。"}, today=today)
        visit = work.record_supervision(s, STAFF, sid, {
            "kind": "visit", "day": day, "mode": "家中", "place": "本人家中", "staff": "司法所工作人员",
            "result": "1", "content": "到其家中走访，本人在家，其母亲反映其近期表现稳定，按时回家，无异常情况。"},
            today=today)
        v = work.record_violation(s, STAFF, sid, {"occurred_on": day, "kind": "09",
                                                   "facts": "未按通知参加当月集中教育学习，经电话提醒后补课。",
                                                   "evidence": "集中教育签到表；电话记录"}, today=today)
        work.propose(s, STAFF, v.id, v.suggested, day)
        short = work.file_leave(s, STAFF, sid, {"reason": "陪同母亲到长沙复诊", "destination": "湖南省长沙市开福区",
                                                "start": today + timedelta(days=5), "end": today + timedelta(days=9),
                                                "applied_on": today, "contact_phone": "13907370002"})
        work.decide_leave(s, STAFF, short.id, True, today)
        long = work.file_leave(s, STAFF, sid, {"reason": "到广东省东莞市应聘务工并试工", "destination": "广东省东莞市长安镇",
                                               "start": today + timedelta(days=20), "end": today + timedelta(days=28),
                                               "applied_on": today, "contact_phone": "13907370002"})
        work.save_release(s, STAFF, sid, {"summary_on": today, "appraisal_on": today,
                                          "appraisal": "该对象在社区矫正期间能够认罪悔罪，遵守法律法规和监督管理规定，"
                                                       "按时报告，参加教育学习和公益活动，表现良好。"})
        return {"talk": talk.id, "visit": visit.id, "violation": v.id, "short": short.id, "long": long.id}

    ids = db.write(steps)
    return {
        "correction.intake": sid, "correction.report_in": sid, "correction.announcement": sid,
        "correction.undertaking": sid, "correction.team": sid, "correction.plan": sid,
        "correction.leave_application": ids["long"], "correction.leave_permit": ids["short"],
        "correction.talk": ids["talk"], "correction.visit": ids["visit"], "correction.violation": ids["violation"],
        "correction.appraisal": sid, "correction.release_announcement": sid, "correction.release_certificate": sid,
        "correction.file_contents": sid,
    }


def delegate_release_certificate(db) -> None:
    """The county lets this station issue the 解除社区矫正证明书 (a parameter it pushes)."""
    def on(s):
        row = s.exec(select(Param).where(Param.key == "correction.station_issues_release_certificate")).one()
        row.value = "1"
        s.add(row)
    db.write(on)
