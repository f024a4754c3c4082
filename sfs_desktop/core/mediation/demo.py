"""A year of generated mediation work: committees for most villages, mediators, cases, screenings.

The mix of dispute types, results and the village share (near, not always above, 70 %) is
plausible for a township; names and numbers are generated.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from sfs_desktop.core import demo
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.documents import next_serial
from sfs_desktop.core.mediation import rules
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, GuidanceRecord, MediationAgreement,
                                               MediationCase, MediationCommittee, MediationParty, MediationRecord,
                                               Mediator, MediatorTraining)
from sfs_desktop.core.people.models import Person

TYPE_WEIGHTS = {"01": 22, "02": 20, "03": 14, "04": 10, "06": 9, "07": 8, "10": 5, "13": 5, "15": 4, "99": 3}


@demo.register
def mediation_demo(ctx: demo.DemoContext) -> None:
    rng = ctx.rng
    today = date.today()

    def build(s: Session) -> None:
        villages = ctx.villages
        covered = villages[:-2]  # two villages still lack a committee: the coverage gap is visible
        committee_rows = [{"name": f"{ctx.station.township_name or ''}人民调解委员会", "committee_type": "03",
                           "established_on": date(2015, 3, 1), "term_start": date(2023, 3, 1),
                           "term_end": date(2026, 2, 28), "director_name": demo.person_name(rng), "active": True}]
        committee_rows += [{"name": f"{v.name}人民调解委员会", "committee_type": "02" if v.level == "community" else "01",
                            "area_code": v.code, "established_on": date(2012, 1, 1),
                            "term_start": date(2024, 1, 1), "term_end": date(2026, 12, 31),
                            "director_name": demo.person_name(rng), "active": True} for v in covered]
        committees = insert_synced(s, MediationCommittee, committee_rows)
        people = ctx.person_ids
        persons = {p.id: p for p in s.exec(select(Person).where(Person.id.in_(people[:400])))}
        mediator_rows, by_committee = [], {}
        pool = list(persons.values())
        for cid in committees:
            members = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
            if not any(m.gender == "2" for m in members):
                women = [p for p in pool if p.gender == "2"]
                if women:
                    members[-1] = rng.choice(women)
            for i, p in enumerate(members):
                mediator_rows.append({"person_id": p.id, "name": p.name, "gender": p.gender, "committee_id": cid,
                                      "role": "01" if i == 0 else "03", "full_time": i == 0 and rng.random() < 0.3,
                                      "appointed_on": date(2024, 1, 1), "status": "01"})
        mediator_ids = insert_synced(s, Mediator, mediator_rows)
        mediator_names = {mid: row["name"] for row, mid in zip(mediator_rows, mediator_ids)}
        for row, mid in zip(mediator_rows, mediator_ids):
            by_committee.setdefault(row["committee_id"], []).append(mid)
        n_cases = max(10, ctx.scale // 4)
        types = [t for t, w in TYPE_WEIGHTS.items() for _ in range(w)]
        case_rows, party_rows, agreement_rows, visit_rows = [], [], [], []
        prefix = rules.station_prefix(s)
        received_dates = sorted(today - timedelta(days=rng.randint(1, 365)) for _ in range(n_cases))
        for received in received_dates:
            township = rng.random() < 0.32
            cid = committees[0] if township else rng.choice(committees[1:] or committees)
            age = (today - received).days
            roll = rng.random()
            status, result = ("archived", "01") if roll < 0.55 else ("follow_up", "01") if roll < 0.68 else \
                ("terminated", "02") if roll < 0.78 else ("withdrawn", "03") if roll < 0.82 else ("mediating", None)
            if status == "mediating" and age > 40:
                status, result = "terminated", "02"
            if status in ("terminated", "withdrawn", "follow_up") and age > 90:
                status = "archived"  # older cases have been filed
            agreed_on = received + timedelta(days=rng.randint(1, 25))
            amount = rng.choice([None, None, 500, 2000, 8000, 12000, 35000])
            case_rows.append({
                "case_no": f"（{received.year}）{prefix}人调字第{next_serial(s, 'mediation.case', received.year, prefix)}号",
                "committee_id": cid, "status": status, "source": rng.choice(["01", "01", "01", "02", "03", "04"]),
                "received_date": received, "dispute_type": rng.choice(types),
                "summary": "双方因琐事发生争执，经调委会了解情况后组织调解。", "amount_involved": str(amount) if amount else None,
                "mediator_ids": by_committee.get(cid, [])[:2], "result": result,
                "agreement_form": ("1" if rng.random() < 0.8 else "2") if result == "01" else None,
                "agreement_date": agreed_on if result == "01" else None,
                "performance": "01" if status == "archived" and result == "01" else ("04" if result == "01" else None),
                "closed_date": agreed_on if status != "mediating" else None,
                "archived_date": agreed_on + timedelta(days=10) if status == "archived" else None,
                "informed_other_routes": result == "02",
                "prevented_criminal": rng.choice([0] * 12 + [1, 2]),
            })
        case_ids = insert_synced(s, MediationCase, case_rows)
        for cid, row in zip(case_ids, case_rows):
            a, b = rng.sample(people, 2)
            party_rows += [{"case_id": cid, "role": "01", "person_id": a, "signed": True},
                           {"case_id": cid, "role": "02", "person_id": b, "signed": True}]
            if row["result"] == "01":
                agreement_rows.append({"case_id": cid, "form": row["agreement_form"], "facts": row["summary"],
                                       "terms": [{"obligor": "被申请人", "content": "向申请人赔礼道歉并赔偿损失",
                                                  "amount": row["amount_involved"]}],
                                       "manner": "当场履行", "mediator_signed": True, "seal_affixed": True,
                                       "signed_date": row["agreement_date"]})
                if row["status"] in ("archived", "follow_up"):
                    visit_rows.append({"case_id": cid, "visit_date": row["agreement_date"] + timedelta(days=7),
                                       "visitee": "申请人", "method": "2", "performance": "01", "satisfaction": "01"})
        insert_synced(s, MediationParty, party_rows)
        insert_synced(s, MediationAgreement, agreement_rows)
        insert_synced(s, FollowUpVisit, visit_rows)
        insert_synced(s, MediationRecord, [
            {"case_id": cid, "kind": "2", "held_on": row["received_date"] + timedelta(days=1), "place": "村委会调解室",
             "conducted_by": "、".join(mediator_names.get(m, "") for m in row["mediator_ids"]) or "调解员",
             "present": "双方当事人", "body": "申请人陈述纠纷经过及请求；被申请人陈述意见；调解员释法说理，双方协商。",
             "outcome": "达成协议" if row["result"] == "01" else "未达成协议"}
            for cid, row in zip(case_ids, case_rows) if row["status"] != "withdrawn"])
        found = ["两户因宅基地界址发生争执", "土地流转租金未按时支付", "邻里因排水沟堵塞发生口角", "赡养老人费用分担有分歧"]
        insert_synced(s, DisputeScreening, [
            {"screened_on": today - timedelta(days=30 * m), "scope": "全镇各村（社区）", "screened_by": demo.person_name(rng),
             "found_count": n, "found": "；".join(rng.sample(found, min(n, len(found)))) or None,
             "risk_level": rng.choice(["2", "3"]) if n else None, "responsible": demo.person_name(rng)}
            for m in range(12) for n in [rng.randint(0, 4)]])
        insert_synced(s, GuidanceRecord, [
            {"guided_on": today - timedelta(days=30 * m + rng.randint(0, 20)), "committee_id": rng.choice(committees),
             "form": rng.choice(["实地指导", "业务座谈", "案卷评查"]),
             "problems": rng.choice(["卷宗材料不齐全", "回访记录不规范", None]), "follow_up": "已要求限期整改"}
            for m in range(12)])
        insert_synced(s, MediatorTraining, [
            {"held_on": today - timedelta(days=90 * q + 15), "topic": topic, "organiser": "桃江县司法局", "hours": 4,
             "attendee_ids": rng.sample(mediator_ids, min(len(mediator_ids), 12))}
            for q, topic in enumerate(["婚姻家庭纠纷调解技巧", "人民调解文书制作规范", "矛盾纠纷排查化解", "民法典相关规定"])])
        ctx.counts.update({"调委会": len(committees), "调解员": len(mediator_ids), "调解案件": len(case_ids)})

    ctx.db.write(build)
