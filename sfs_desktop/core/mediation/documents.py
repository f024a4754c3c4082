"""Mediation forms on the printing engine. F-M8 人民调解协议书 here; the others follow the same shape.

Only what the form needs is printed (domain.md §13): the agreement names each party with the
particulars 人民调解法 §29 requires, including the ID number, so `parties` is declared S2 and
listed in `sensitive`.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from sfs_desktop.core import codes
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Sensitivity, Widget
from sfs_desktop.core.mediation.models import MediationCase, MediationCommittee
from sfs_desktop.core.mediation.rules import agreement, parties
from sfs_desktop.core.people.models import Organization, Person
from sfs_desktop.core.printing import Grid, Seal, Signatures, Template, Terms, Text, register, spec_map
from sfs_desktop.core.printing.formats import official_date
from sfs_desktop.core.printing.service import Loaded, source

AGREEMENT = register(Template(
    id="mediation.agreement",
    title="人民调解协议书",
    specs=spec_map({
        "case_no": FieldSpec("编号"),
        "committee": FieldSpec("人民调解委员会"),
        "parties": FieldSpec("当事人", sensitivity=Sensitivity.S2),
        "facts": FieldSpec("纠纷主要事实、争议事项及各方责任", widget=Widget.MULTILINE),
        "terms": FieldSpec("协议内容"),
        "manner": FieldSpec("履行方式、地点、期限", widget=Widget.MULTILINE),
        "copies": FieldSpec("份数", widget=Widget.INT),
        "signed_date": FieldSpec("签订日期", widget=Widget.DATE),
    }),
    sensitive=frozenset({"parties"}),
    copies=lambda ctx: int(ctx.get("copies") or 3),
    head="{committee}",
    sections=[
        Grid([["case_no"]], pairs=1),
        Terms("parties", heading="当事人", blank_lines=2),
        Text("纠纷主要事实、争议事项及各方责任", style="heading"),
        Text("{facts}"),
        Terms("terms", heading="经调解，双方自愿达成如下协议", numbering="chinese"),
        Text("履行方式、地点、期限", style="heading"),
        Text("{manner}"),
        Text("本协议一式{copies}份，当事人各执一份，人民调解委员会留存一份。本协议自各方当事人签名（盖章或按指印）、"
             "人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行。"
             "双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。"),
        Signatures(["当事人（签名、盖章或按指印）", "当事人（签名、盖章或按指印）", "人民调解员（签名）", "记录人（签名）"]),
        Seal("{committee}（印章）", "signed_date"),
    ],
))


def _describe(s: Session, party) -> str:
    role = codes.code_name(s, "party_role", party.role)
    if party.person_id:
        p = s.get(Person, party.person_id)
        bits = [p.name, codes.code_name(s, "gender", p.gender), codes.code_name(s, "ethnicity", p.ethnicity),
                f"{official_date(p.birth_date)}出生" if p.birth_date else "", f"身份证号{p.id_number}" if p.id_number else "",
                f"住{p.residence_address}" if p.residence_address else "", f"电话{p.phone}" if p.phone else ""]
    else:
        o = s.get(Organization, party.organization_id)
        bits = [o.name, f"统一社会信用代码{o.uscc}" if o.uscc else "", f"法定代表人{o.legal_rep}" if o.legal_rep else "",
                f"住所{o.address}" if o.address else ""]
    text = f"{role}：" + "，".join(b for b in bits if b)
    return text + (f"；委托代理人：{party.agent_name}" if party.agent_name else "")


def find_case(s: Session, ref: str | None) -> MediationCase:
    if not ref:
        raise UserError("请指定案件（记录编号或案号）")
    from sqlmodel import select

    case = s.get(MediationCase, ref) or s.exec(select(MediationCase).where(MediationCase.case_no == ref)).first()
    if case is None or case.deleted:
        raise UserError(f"找不到案件“{ref}”")
    return case


@source("mediation.agreement")
def agreement_context(s: Session, ref: str | None) -> Loaded:
    case = find_case(s, ref)
    ag = agreement(s, case.id)
    if ag is None:
        raise UserError("该案件还没有调解协议，不能打印协议书")
    ps = parties(s, case.id)
    terms = [f"{t.get('obligor', '')}{t.get('content', '')}" + (f"（金额 {t['amount']} 元）" if t.get("amount") else "")
             + (f"，于{t['deadline']}前履行" if t.get("deadline") else "") for t in ag.terms]
    committee = s.get(MediationCommittee, case.committee_id)
    year = (case.received_date or date.today()).year
    return Loaded("mediation_case", case.id, {
        "case_no": case.case_no, "committee": committee.name, "parties": [_describe(s, p) for p in ps],
        "facts": ag.facts, "terms": terms, "manner": ag.manner, "copies": len(ps) + 1,
        "signed_date": ag.signed_date,
    }, year)
