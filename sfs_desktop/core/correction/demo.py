"""Generated correction work: subjects of every type and level with their history, a few overdue.

Seeded and idempotent (a subject is found again by its person; an existing subject gets nothing
new). Every rule of `.checks` holds: terms as §4.2 allows, report-in dates, women on a female
subject's team, leave approved by the approver C11 names, supervision meeting the county's
frequency table for every whole period up to the current one. The overdue situations are seeded on
purpose, one of each: a subject who has not reported in (漏管 risk), a leave not returned from, a
month without the required visit, an investigation past its ten working days.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from sfs_desktop.core import calendar, demo
from sfs_desktop.core.correction import queries, rules
from sfs_desktop.core.correction.constants import (APPROVED, AWAITING, CONTROL, FEMALE, MEDICAL_PAROLE, P_DETENTION,
                                                   P_FIXED, PAROLE, PROBATION, SUPERVISED, TEMP_EXEC, COUNTY, STATION,
                                                   LEAVE_PERMIT)
from sfs_desktop.core.correction.models import (CcDocument, CcFrequency, CcInvestigation, CcLeave, CcLevelChange,
                                                CcSupervision, CcTeamMember, CorrectionSubject)
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.printing.service import allocate_serial

TYPES = (PROBATION, PROBATION, PROBATION, PAROLE, CONTROL, TEMP_EXEC)
MODES = {"report": "到所", "checkin": "手机定位核查", "visit": "家中", "talk": "定期谈话", "education": "集中教育",
         "public_benefit": "村部环境整治", "health_report": "书面", "reexam": "县人民医院"}
MISSED_VISIT = "visit"  # the activity the seeded shortfall lacks (last month)


def _term(rng, kind: str, effective: date) -> dict:
    if kind == PROBATION:
        penalty, months = rng.choice([(P_FIXED, rng.choice([12, 18, 24, 36])), (P_DETENTION, rng.choice([4, 6]))])
        probation = max(months, 12)  # every demo term runs past today
        return {"original_penalty": penalty, "original_months": months, "term_start": effective,
                "term_end": rules.term_end(effective, probation)}
    if kind == CONTROL:
        months = rng.choice([12, 18])
        return {"original_penalty": "01", "original_months": months, "term_start": effective,
                "term_end": rules.term_end(effective, months, 0, control=True)}
    months = rng.choice([12, 18, 24])
    return {"original_penalty": P_FIXED, "original_months": months * 3, "term_start": effective,
            "term_end": rules.term_end(effective, months)}


def _events(rng, sid: str, level: str, received: date, until: date, freq: list[CcFrequency], skip: tuple) -> list[dict]:
    """Enough of each activity in every whole period from intake to `until` (except `skip`)."""
    rows = []
    for f in (f for f in freq if f.level == level):
        first, last = queries.period_of(f.per, received)
        while first <= until:
            if first >= received and (f.activity, first) != skip:
                n = max(f.count, 1)
                span = (min(last, until) - first).days
                for i in range(n):
                    day = first + timedelta(days=min(span, i * max(span // n, 1)))
                    hours = -(-f.min_hours // n) if f.min_hours else (1 if f.activity in ("education", "public_benefit") else 0)
                    rows.append({"subject_id": sid, "kind": f.activity, "day": day, "mode": MODES.get(f.activity),
                                 "hours": hours, "result": "1", "staff": "司法所"})
            first, last = queries.period_of(f.per, last + timedelta(days=1))
    return rows


@demo.register
def correction_demo(ctx: demo.DemoContext) -> None:
    rng = ctx.rng
    today = date.today()

    def build(s: Session) -> None:
        people = ctx.person_ids[-min(len(ctx.person_ids), 400):]
        persons = [p for p in s.exec(select(Person).where(Person.id.in_(people))) if p.birth_date]
        persons.sort(key=lambda p: p.id)
        n = max(6, ctx.scale // 50)
        chosen = rng.sample(persons, min(n + 1, len(persons)))
        women = [p for p in persons if p.gender == FEMALE]
        freq = list(s.exec(select(CcFrequency).where(CcFrequency.deleted == False)).all())  # noqa: E712
        rows, plans = [], []
        for i, p in enumerate(chosen):
            kind = TYPES[i % len(TYPES)]
            level = "123"[i % 3]
            awaiting = i == len(chosen) - 1  # the seeded 漏管 risk: documents in, no report-in
            effective = today - timedelta(days=20 if awaiting else rng.randint(120, 330))
            term = _term(rng, kind, effective)
            reported = None if awaiting else effective + timedelta(days=rng.randint(1, 10))
            rows.append({"person_id": p.id, "name": p.name, "correction_type": kind, **term,
                         "temp_exec_reason": MEDICAL_PAROLE if kind == TEMP_EXEC else None,
                         "decision_body": "桃江县人民法院", "decision_no": f"（{effective.year}）湘0922刑初{100 + i}号",
                         "effective_date": effective, "reported_on": reported, "received_on": reported,
                         "announced_on": reported, "crimes": rng.choice(["危险驾驶罪", "盗窃罪", "故意伤害罪", "诈骗罪",
                                                                          "交通肇事罪", "开设赌场罪"]),
                         "crime_category": rng.choice(["01", "06", "07", "99"]), "level": level,
                         "risk": "3" if level == "1" else "2" if level == "2" else "1",
                         "status": AWAITING if awaiting else SUPERVISED, "officer": "司法所工作人员"})
            plans.append(p)
        ids, fresh = demo.insert_missing(s, CorrectionSubject, rows, key=lambda r: r["person_id"])
        children: dict = {CcDocument: [], CcTeamMember: [], CcLevelChange: [], CcSupervision: [], CcLeave: []}
        seeded_gap = seeded_leave = False
        for row, sid, new, p in zip(rows, ids, fresh, plans):
            if not new:
                continue
            eff, rec = row["effective_date"], row["received_on"]
            children[CcDocument].append({"subject_id": sid, "kind": "01", "doc_no": row["decision_no"],
                                         "issuer": "桃江县人民法院", "issued_on": eff - timedelta(days=10),
                                         "received_on": eff + timedelta(days=rng.randint(1, 5))})
            member = rng.choice(women) if p.gender == FEMALE and women else None
            children[CcTeamMember] += [
                {"subject_id": sid, "name": "司法所工作人员", "gender": "1", "role": "01", "signed_on": rec or eff},
                {"subject_id": sid, "name": member.name if member else demo.person_name(rng),
                 "gender": FEMALE if member else rng.choice("12"), "role": "02", "signed_on": rec or eff}]
            if rec is None:
                continue
            children[CcLevelChange].append({"subject_id": sid, "changed_on": rec, "level": row["level"],
                                            "risk": row["risk"], "reason": "入矫"})
            skip = ()
            if not seeded_gap and row["level"] == "2":  # the seeded shortfall: no visit last month
                skip, seeded_gap = (MISSED_VISIT, queries.period_of("month", today.replace(day=1) - timedelta(days=1))[0]), True
            children[CcSupervision] += _events(rng, sid, row["level"], rec, today - timedelta(days=1), freq, skip)
            if row["correction_type"] == TEMP_EXEC:
                children[CcSupervision] += [{"subject_id": sid, "kind": k, "day": today - timedelta(days=d),
                                             "mode": MODES[k], "hours": 0, "result": "1"}
                                            for k, d in (("health_report", 3), ("reexam", 20))]
            if not seeded_leave and row["level"] == "3":  # the seeded overstay: approved, not back
                start = today - timedelta(days=9)
                children[CcLeave].append({"subject_id": sid, "reason": "探望住院的父亲", "destination": "湖南省长沙市",
                                          "start": start, "end": start + timedelta(days=4), "days": 5,
                                          "applied_on": start - timedelta(days=4), "approver": STATION,
                                          "decision": APPROVED, "decided_on": start - timedelta(days=3),
                                          "certificate_no": allocate_serial(s, LEAVE_PERMIT, (start - timedelta(days=3)).year)})
                seeded_leave = True
            elif rng.random() < 0.5:  # an earlier, returned leave: 9 days → county
                start = rec + timedelta(days=40)
                if start + timedelta(days=8) < today:
                    children[CcLeave].append({"subject_id": sid, "reason": "外出务工面试", "destination": "广东省东莞市",
                                              "start": start, "end": start + timedelta(days=8), "days": 9,
                                              "applied_on": start - timedelta(days=5), "approver": COUNTY,
                                              "decision": APPROVED, "decided_on": start - timedelta(days=2),
                                              "returned_on": start + timedelta(days=8)})
        for model, batch in children.items():
            if batch:
                insert_synced(s, model, batch)
        ctx.counts["社区矫正对象"] = sum(fresh)
        if not s.exec(select(CcInvestigation.id).where(CcInvestigation.commissioned_by == "桃江县人民法院（演示）")).first():
            received = today - timedelta(days=30)
            insert_synced(s, CcInvestigation, [
                {"person_name": demo.person_name(rng), "commissioned_by": "桃江县人民法院（演示）", "received_on": received,
                 "fast_track": False, "items": "居所、家庭和社会关系、一贯表现、犯罪行为的后果和影响、村委会和被害人意见"},
                {"person_name": demo.person_name(rng), "commissioned_by": "桃江县人民检察院（演示）",
                 "received_on": received - timedelta(days=30), "fast_track": True, "opinion": "1",
                 "submitted_on": calendar.due_date(received - timedelta(days=30), 3, "workday")}])
    ctx.db.write(build)
