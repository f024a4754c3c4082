"""Generated resettlement work: released persons of both categories with their team, agreement,
visits and help measures, one awaiting 衔接, one just back without the home visit yet, and last
month's pre-release list with one person not yet found.

Seeded and idempotent (a person is found again by the registry's person; an existing record gets
nothing new). Every rule of `.checks` holds: periods from the release date and the county's
parameter, 衔接 on or after release, the pick-up staff of a key person, events after 衔接.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, select

from sfs_desktop.core import demo
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.resettlement import rules, work
from sfs_desktop.core.resettlement.constants import (AWAITING, FAMILY, KEY, ON_REGISTER, ORDINARY, PICK_UP,
                                                     SELF_REPORT, TALK, VISIT)
from sfs_desktop.core.resettlement.models import (ReleasedPerson, RpCategoryChange, RpContact, RpPrerelease,
                                                  RpResettlement, RpTeamMember)

OFFENCES = ("盗窃罪", "诈骗罪", "故意伤害罪", "贩卖毒品罪", "寻衅滋事罪", "开设赌场罪")
MEASURES = ("01", "02", "02", "04", "07", "09", "10")


@demo.register
def resettlement_demo(ctx: demo.DemoContext) -> None:
    today = date.today()

    def build(s: Session) -> None:
        pool = [p for p in s.exec(select(Person).where(Person.id.in_(ctx.person_ids[:200]))) if p.birth_date]
        pool.sort(key=lambda p: (p.name, p.birth_date))
        # its own generator, seeded by the generated persons: the shared one's state depends on what the
        # generators before this one found already made, and a second run must draw the same persons
        rng = random.Random(f"resettlement:{ctx.scale}:" + "".join(p.name for p in pool[:5]))
        chosen = rng.sample(pool, min(max(6, ctx.scale // 60), len(pool)))
        years = work.period_years(s)
        rows = []
        for i, p in enumerate(chosen):
            awaiting, fresh_back = i == 0, i == 1
            release = today + timedelta(days=3) if awaiting else today - timedelta(
                days=3 if fresh_back else rng.randint(60, 900))
            offence = rng.choice(OFFENCES)
            category = KEY if rules.serious_offence(offence) else ORDINARY
            method = None if awaiting else PICK_UP if category == KEY else rng.choice((FAMILY, SELF_REPORT))
            back = None if awaiting else release + timedelta(days=0 if method == PICK_UP else rng.randint(0, 5))
            rows.append({"person_id": None if awaiting else p.id, "name": p.name, "gender": p.gender,
                         "birth_date": p.birth_date, "offences": offence, "sentence": f"有期徒刑{rng.randint(1, 8)}年",
                         "prison": rng.choice(("湖南省赤山监狱", "湖南省网岭监狱", "益阳市看守所")), "release_date": release,
                         "release_type": "01", "notice_received_on": release - timedelta(days=rng.randint(25, 40)),
                         "handover_method": method, "handover_on": back, "reported_on": back,
                         "handover_staff": "司法所工作人员" if method == PICK_UP else None,
                         "period_from": release, "period_to": rules.period_end(release, years), "category": category,
                         "risk": "3" if category == KEY else "1", "status": AWAITING if awaiting else ON_REGISTER,
                         "agreement_on": None if awaiting or fresh_back else back})
        ids, fresh = demo.insert_missing(s, ReleasedPerson, rows, key=lambda r: r["name"] + str(r["birth_date"]))
        children: dict = {RpTeamMember: [], RpCategoryChange: [], RpContact: [], RpResettlement: []}
        for row, rid, new in zip(rows, ids, fresh):
            back = row["handover_on"]
            if not new or back is None:
                continue
            children[RpCategoryChange].append({"person_id": rid, "changed_on": back, "category": row["category"],
                                               "risk": row["risk"], "reason": "衔接"})
            if row["agreement_on"] is None:  # the seeded one: back three days, the home visit still due
                continue
            children[RpTeamMember] += [{"person_id": rid, "name": "司法所工作人员", "role": "01"},
                                       {"person_id": rid, "name": demo.person_name(rng), "role": "02"},
                                       {"person_id": rid, "name": demo.person_name(rng), "role": "04"}]
            day = back + timedelta(days=rng.randint(1, 6))
            while day < today:
                children[RpContact].append({"person_id": rid, "kind": VISIT, "day": day, "staff": "司法所"})
                if row["category"] == KEY:
                    children[RpContact].append({"person_id": rid, "kind": TALK, "day": day, "staff": "司法所"})
                day += timedelta(days=25 if row["category"] == KEY else 80)
            children[RpResettlement].append({"person_id": rid, "kind": rng.choice(MEASURES),
                                             "day": min(back + timedelta(days=20), today), "provider": "村委会"})
        for model, batch in children.items():
            if batch:
                insert_synced(s, model, batch)
        ctx.counts["安置帮教对象"] = sum(fresh)
        month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        if not s.exec(select(RpPrerelease.id).where(RpPrerelease.list_month == month)).first():
            first = rows[1]
            insert_synced(s, RpPrerelease, [
                {"list_month": month, "name": first["name"], "release_date": first["release_date"],
                 "matched_id": ids[1]},
                {"list_month": month, "name": demo.person_name(rng), "release_date": today - timedelta(days=10),
                 "prison": "湖南省赤山监狱", "steps": "走访户籍地村委会，联系其亲属，请派出所协查（演示）"}])
    ctx.db.write(build)
