"""A year of generated mediation work: committees for most villages, mediators, cases, screenings.

The mix of dispute types, results and the village share (near, not always above, 70 %) is
plausible for a township; names and numbers are generated. The data keeps every rule the duty
enforces (:mod:`.checks` finds nothing): committees in term on each case's 受理日期 and today,
each with 3–5 members including a woman; cases go through their states in order, no date lies in
the future, an archived case's file holds every required document; every reference names a
record that exists. Seeded and idempotent: run twice, the second run finds its rows by natural
key (committee name, mediator per committee, 案号 …) and adds nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from sfs_desktop.core import calendar, demo
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.documents import PrintLog
from sfs_desktop.core.mediation import rules
from sfs_desktop.core.mediation.committees import term_end_for
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, GuidanceRecord, MediationAgreement,
                                               MediationCase, MediationCommittee, MediationParty, MediationRecord,
                                               Mediator, MediatorTraining)
from sfs_desktop.core.people.models import Person

TYPE_WEIGHTS = {"01": 22, "02": 20, "03": 14, "04": 10, "06": 9, "07": 8, "10": 5, "13": 5, "15": 4, "99": 3}
FILED_AFTER = 10  # days from closing to filing the volume
VISIT_AFTER = 7  # days from the agreement to the follow-up visit
FILED_PRINTS = (("mediation.registration", 1), ("mediation.notice", 1), ("mediation.cover", 2))
CASE_KIND = "mediation.case"


def _numbered(s: Session, year: int, prefix: str, n: int) -> str:
    """（2026）桃×人调字第n号, and the station's counter moved past n so 受理 never reuses it."""
    s.connection().exec_driver_sql(
        "INSERT INTO serial_counter(kind, year, prefix, last) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(kind, year, prefix) DO UPDATE SET last = MAX(last, excluded.last)", (CASE_KIND, year, prefix, n))
    return f"（{year}）{prefix}人调字第{n}号"


def _lifecycle(rng, received: date, today: date) -> dict:
    """A case's state and dates as the workflow (rules.py) would have left them by `today`."""
    roll = rng.random()
    outcome = "01" if roll < 0.68 else "02" if roll < 0.78 else "03" if roll < 0.82 else None
    decided = received + timedelta(days=rng.randint(1, 25))  # within the one-month limit
    v = {"status": "mediating", "result": None, "agreement_date": None, "closed_date": None, "archived_date": None,
         "performance": None, "performance_deadline": None, "continue_consent_on": None, "visit": None,
         "informed_other_routes": False}
    if outcome is None or decided > today:
        if today > calendar.due_date(received, rules.FINISH_MONTHS, "month"):
            v["continue_consent_on"] = received + timedelta(days=rng.randint(20, 28))  # both agreed to go on
        return v
    v["result"] = outcome
    if outcome == "01":
        v.update(status="agreed", agreement_date=decided, performance="04",
                 performance_deadline=decided + timedelta(days=3))
        visit = decided + timedelta(days=VISIT_AFTER)
        if visit > today:
            return v
        v.update(status="follow_up", visit=visit, performance="01", closed_date=visit)
    else:
        v.update(status="terminated" if outcome == "02" else "withdrawn", closed_date=decided,
                 informed_other_routes=outcome == "02")
    filed = v["closed_date"] + timedelta(days=FILED_AFTER)
    if filed <= today and (today - received).days > 60:  # older cases have been filed
        v.update(status="archived", archived_date=filed)
    return v


@demo.register
def mediation_demo(ctx: demo.DemoContext) -> None:
    rng = ctx.rng
    today = date.today()

    def build(s: Session) -> None:
        # one term covering the year of cases and today (人民调解法 §9: three years)
        term_start = min(date(today.year - 1, 1, 1), today - timedelta(days=366))
        term = {"term_start": term_start, "term_end": term_end_for(term_start), "active": True}
        villages = ctx.villages
        taken = set(s.exec(select(MediationCommittee.area_code).where(
            MediationCommittee.active == True, MediationCommittee.deleted == False)).all())  # noqa: E712
        covered = villages[:-2]  # two villages still lack a committee: the coverage gap is visible
        committee_rows = [{"name": f"{ctx.station.township_name or ''}人民调解委员会", "committee_type": "03",
                           "established_on": date(2015, 3, 1), "director_name": demo.person_name(rng), **term}]
        committee_rows += [{"name": f"{v.name}人民调解委员会", "committee_type": "02" if v.level == "community" else "01",
                            "area_code": v.code, "established_on": date(2012, 1, 1),
                            "director_name": demo.person_name(rng), **term} for v in covered]
        names = {v.code: f"{v.name}人民调解委员会" for v in covered}
        committee_rows = [r for r in committee_rows
                          if not r.get("area_code") or r["area_code"] not in taken or names[r["area_code"]] == r["name"]]
        committees, committee_new = demo.insert_missing(s, MediationCommittee, committee_rows, key=lambda r: r["name"])
        people = ctx.person_ids
        persons = {p.id: p for p in s.exec(select(Person).where(Person.id.in_(people[:400])))}
        pool = [persons[i] for i in people[:400] if i in persons]
        women = [p for p in pool if p.gender == "2"]
        mediator_rows = []
        for cid in committees:
            members = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
            if not any(m.gender == "2" for m in members) and women:
                members[-1] = rng.choice([w for w in women if w not in members] or women)
            for i, p in enumerate(members):
                mediator_rows.append({"person_id": p.id, "name": p.name, "gender": p.gender, "committee_id": cid,
                                      "role": "01" if i == 0 else "03", "full_time": i == 0 and rng.random() < 0.3,
                                      "appointed_on": term_start, "status": "01"})
        mediator_ids, mediator_new = demo.insert_missing(s, Mediator, mediator_rows,
                                                         key=lambda r: (r["person_id"], r["committee_id"]))
        mediator_names, by_committee = {}, {}
        for row, mid in zip(mediator_rows, mediator_ids):
            mediator_names[mid] = row["name"]
            by_committee.setdefault(row["committee_id"], []).append(mid)

        n_cases = max(10, ctx.scale // 4)
        types = [t for t, w in TYPE_WEIGHTS.items() for _ in range(w)]
        prefix = rules.station_prefix(s)
        received_dates = sorted(today - timedelta(days=rng.randint(1, 365)) for _ in range(n_cases))
        numbers: dict[int, int] = {}
        case_rows, extras = [], []
        for received in received_dates:
            township = rng.random() < 0.32
            cid = committees[0] if township else rng.choice(committees[1:] or committees)
            life = _lifecycle(rng, received, today)
            amount = rng.choice([None, None, 500, 2000, 8000, 12000, 35000])
            numbers[received.year] = numbers.get(received.year, 0) + 1
            source = rng.choice(["01", "01", "01", "02", "03", "04"])
            form = ("1" if rng.random() < 0.8 else "2") if life["result"] == "01" else None
            a, b = rng.sample(people, 2)
            case_rows.append({
                "case_no": _numbered(s, received.year, prefix, numbers[received.year]),
                "committee_id": cid, "source": source, "received_date": received, "dispute_type": rng.choice(types),
                "summary": "双方因琐事发生争执，经调委会了解情况后组织调解。", "amount_involved": str(amount) if amount else None,
                "mediator_ids": by_committee.get(cid, [])[:2], "agreement_form": form,
                "prevented_criminal": rng.choice([0] * 12 + [1, 2]),
                **{k: v for k, v in life.items() if k != "visit"},
            })
            extras.append({"visit": life["visit"], "parties": (a, b)})
        case_ids, case_new = demo.insert_missing(s, MediationCase, case_rows, key=lambda r: r["case_no"])
        fresh = [(cid, row, extra) for cid, row, extra, new in zip(case_ids, case_rows, extras, case_new) if new]
        party_rows, agreement_rows, visit_rows, record_rows, prints = [], [], [], [], []
        for cid, row, extra in fresh:
            a, b = extra["parties"]
            party_rows += [{"case_id": cid, "role": "01", "person_id": a, "signed": row["result"] == "01"},
                           {"case_id": cid, "role": "02", "person_id": b, "signed": row["result"] == "01"}]
            if row["result"] == "01":
                agreement_rows.append({"case_id": cid, "form": row["agreement_form"], "facts": row["summary"],
                                       "terms": [{"obligor": "被申请人", "content": "向申请人赔礼道歉并赔偿损失",
                                                  "amount": row["amount_involved"]}],
                                       "manner": "当场履行", "mediator_signed": True, "seal_affixed": True,
                                       "signed_date": row["agreement_date"]})
            if extra["visit"]:
                visit_rows.append({"case_id": cid, "visit_date": extra["visit"], "visitee": "申请人", "method": "2",
                                   "performance": "01", "satisfaction": "01",
                                   "notes": "协议已履行完毕，双方无异议。"})
            if row["status"] != "withdrawn":
                record_rows.append({
                    "case_id": cid, "kind": "2", "held_on": row["received_date"] + timedelta(days=1),
                    "place": "村委会调解室", "present": "双方当事人",
                    "conducted_by": "、".join(mediator_names.get(m, "") for m in row["mediator_ids"]) or "调解员",
                    "body": "申请人陈述纠纷经过及请求；被申请人陈述意见；调解员释法说理，双方协商。",
                    "outcome": "达成协议" if row["result"] == "01" else "未达成协议"})
            if row["status"] == "archived":  # the file was put together before it was filed
                forms = [*FILED_PRINTS]
                if row["result"] == "01":
                    forms.append(("mediation.agreement" if row["agreement_form"] == "1" else "mediation.oral_agreement", 1))
                prints += [{"form_id": f, "record_table": "mediation_case", "record_id": cid, "copies": 1, "pages": n,
                            "printed_by": "demo"} for f, n in forms]
        insert_synced(s, MediationParty, party_rows)
        insert_synced(s, MediationAgreement, agreement_rows)
        insert_synced(s, FollowUpVisit, visit_rows)
        insert_synced(s, MediationRecord, record_rows)
        insert_synced(s, PrintLog, prints)

        found = ["两户因宅基地界址发生争执", "土地流转租金未按时支付", "邻里因排水沟堵塞发生口角", "赡养老人费用分担有分歧"]
        measures = ["组织双方现场核实界址，释法说理", "约谈双方，告知合同约定及法律规定", "村调委会上门疏导，约定限期处理",
                    "召集家庭会议，明确赡养义务"]
        proactive = [(cid, row) for cid, row in zip(case_ids, case_rows) if row["source"] == "02"]
        screening_rows = []
        for m in range(12):
            n = rng.randint(0, 4)
            on = today - timedelta(days=30 * m)
            linked = next((cid for cid, row in proactive if on <= row["received_date"] <= on + timedelta(days=30)), None)
            if linked:
                proactive = [(c, r) for c, r in proactive if c != linked]
            screening_rows.append({
                "screened_on": on, "scope": "全镇各村（社区）", "screened_by": demo.person_name(rng),
                "found_count": n, "found": "；".join(rng.sample(found, min(n, len(found)))) or None,
                "risk_level": rng.choice(["2", "3"]) if n else None,
                "measures": "；".join(rng.sample(measures, min(n, 2))) or None,
                "responsible": demo.person_name(rng), "target_date": on + timedelta(days=15) if n else None,
                "case_id": linked if n else None})
        demo.insert_missing(s, DisputeScreening, screening_rows, key=lambda r: (r["screened_on"], r["scope"]))
        demo.insert_missing(s, GuidanceRecord, [
            {"guided_on": today - timedelta(days=30 * m + rng.randint(0, 20)), "committee_id": rng.choice(committees),
             "form": rng.choice(["实地指导", "业务座谈", "案卷评查"]),
             "problems": rng.choice(["卷宗材料不齐全", "回访记录不规范", None]), "follow_up": "已要求限期整改"}
            for m in range(12)], key=lambda r: (r["guided_on"], r["committee_id"], r["form"]))
        demo.insert_missing(s, MediatorTraining, [
            {"held_on": today - timedelta(days=90 * q + 15), "topic": topic, "organiser": "桃江县司法局", "hours": 4,
             "attendee_ids": rng.sample(mediator_ids, min(len(mediator_ids), 12))}
            for q, topic in enumerate(["婚姻家庭纠纷调解技巧", "人民调解文书制作规范", "矛盾纠纷排查化解", "民法典相关规定"])],
            key=lambda r: (r["held_on"], r["topic"]))
        ctx.counts.update({"调委会": sum(committee_new), "调解员": sum(mediator_new), "调解案件": len(fresh)})

    ctx.db.write(build)
