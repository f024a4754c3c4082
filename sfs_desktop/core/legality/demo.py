"""Generated legality reviews: every type, a contract with the 30-year lease of H12, a 村规民约 with
unlawful clauses ticked, one returned for supplements, one overdue, suggestions with feedback.

Seeded and idempotent (a review is found again by its title). Every rule of `.checks` holds: due
dates from the parameters, opinions issued within them, penalty reviews by a qualified reviewer.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from sfs_desktop.core import calendar, demo
from sfs_desktop.core.db.synced import insert_synced
from sfs_desktop.core.legality import rules, work
from sfs_desktop.core.legality.constants import (ADOPTED, CONTRACT, DECISION, ENFORCEMENT, ISSUED, LAWFUL,
                                                 LAWFUL_AMENDED, NORMATIVE, OPINION, PARTLY, PENDING, REJECTED,
                                                 RETURNED, REVIEWING, RISKY, VILLAGE)
from sfs_desktop.core.legality.models import LegalityReview, LhSuggestion
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.printing.service import allocate_serial
from sfs_desktop.core.station.models import Staff

FINDINGS = {"finding_authority": "送审事项属于镇人民政府法定职权范围", "finding_procedure": "已履行公众参与、风险评估和集体讨论程序",
            "finding_content": "内容与法律、法规、规章和上级政策不相抵触", "finding_risk": "未发现重大法律风险"}
# (title, type, received days ago, state, conclusion, suggestions)
PLANS = (
    ("镇农村人居环境整治实施方案（演示）", DECISION, 60, ISSUED, LAWFUL_AMENDED, ("补充公众参与情况说明", "明确资金来源")),
    ("镇集体土地租赁合同（演示）", CONTRACT, 45, ISSUED, LAWFUL_AMENDED, ("租赁期限三十年超过二十年部分无效，建议调整为二十年以内",
                                                             "补充违约责任条款")),
    ("镇规范性文件：农村建房管理办法（演示）", NORMATIVE, 40, ISSUED, RISKY, ("删除设定罚款的条款",)),
    ("违法占地行政处罚决定（演示）", ENFORCEMENT, 30, ISSUED, LAWFUL, ()),
    ("某村村规民约（演示）", VILLAGE, 25, ISSUED, LAWFUL_AMENDED, ("删除罚款条款", "删除外嫁女不享受集体收益分配的条款")),
    ("镇道路养护服务合同（演示）", CONTRACT, 12, RETURNED, None, ()),
    ("镇防汛物资采购合同（演示）", CONTRACT, 20, REVIEWING, None, ()),  # seeded overdue
    ("镇政府购买法律服务合同（演示）", CONTRACT, 2, REVIEWING, None, ()),
)
ADOPTIONS = (ADOPTED, PARTLY, REJECTED, PENDING)


@demo.register
def legality_demo(ctx: demo.DemoContext) -> None:
    rng = ctx.rng
    today = date.today()

    def build(s: Session) -> None:
        units = list(s.exec(select(Organization.id).where(Organization.deleted == False)).all())[:5]  # noqa: E712
        staff = list(s.exec(select(Staff).where(Staff.deleted == False, Staff.active == True)).all())  # noqa: E712
        lawyers = [x.id for x in staff if x.legal_qualification]
        reviewer = lawyers[0] if lawyers else (staff[0].id if staff else None)
        materials = work.materials(s)
        rows, suggestions = [], []
        for title, kind, ago, state, conclusion, sugg in PLANS:
            if kind == ENFORCEMENT and not lawyers:
                continue  # H8: no qualified reviewer in this roster
            received = today - timedelta(days=ago)
            row = {"title": title, "item_type": kind, "received_on": received, "state": state,
                   "unit_id": rng.choice(units) if units and kind != VILLAGE else None, "contact": demo.person_name(rng),
                   "materials": ",".join(rules.required_materials(kind, materials)), "reviewer_id": reviewer,
                   "penalty_review": kind == ENFORCEMENT, "adviser": "桃江县公职律师（演示）"}
            limit = work.limit(s, kind)
            if state == RETURNED:
                row.update(returned_on=calendar.due_date(received, 2, "workday"), return_note="请补充预算或采购证明")
            row["due_on"] = rules.due(received, limit, returned=row.get("returned_on"))
            if kind == CONTRACT and conclusion:
                row["lease_years"] = 30
            if kind == VILLAGE and ctx.villages:
                row.update(village_code=ctx.villages[0].code, version="2024年修订", clauses="01,03", adults=820,
                           present=452, households=310, households_present=180, votes_for=401, notice_days=10,
                           adopted_on=received - timedelta(days=15), filed_on=received)
            if state == ISSUED:
                issued = min(row["due_on"], today)
                row.update(FINDINGS, conclusion=conclusion, issued_on=issued, signed_by="所长")
            row["meeting"] = rules.meeting_flag(state == ISSUED, conclusion)
            rows.append((row, sugg))
        ids, fresh = demo.insert_missing(s, LegalityReview, [r for r, _ in rows], key=lambda r: r["title"])
        for (row, sugg), rid, new in zip(rows, ids, fresh):
            if not new:
                continue
            if row["state"] == ISSUED:
                got = s.get(LegalityReview, rid)
                got.review_no = allocate_serial(s, OPINION, row["issued_on"].year)
                s.add(got)
            for i, text in enumerate(sugg, 1):
                adoption = ADOPTIONS[(i - 1) % len(ADOPTIONS)]
                suggestions.append({"review_id": rid, "seq": i, "text": text, "adoption": adoption,
                                    "feedback_on": row["issued_on"] + timedelta(days=5)
                                    if adoption != PENDING and row["issued_on"] + timedelta(days=5) <= today else None})
        for x in suggestions:  # feedback not yet due stays 待反馈
            if x["feedback_on"] is None:
                x["adoption"] = PENDING
        if suggestions:
            insert_synced(s, LhSuggestion, suggestions)
        ctx.counts["合法性审查"] = sum(fresh)
    ctx.db.write(build)

