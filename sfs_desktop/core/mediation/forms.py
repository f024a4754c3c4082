"""The 人民调解 forms F-M1 to F-M12 (domain.md §3.5) as templates of the printing engine.

Declarations only: what each form prints and in what order. The values come from
:mod:`.documents`, which loads a case (or record, visit, screening) and builds the context.
Labels of case fields come from the model's own declarations; particulars of a party are
declared here once (:data:`PARTY`) and reused by every form that prints them. A form that
prints a phone number, address or ID number lists it in ``sensitive`` (domain.md §13).
"""

from __future__ import annotations

from sfs_desktop.core.fields import FieldSpec, Sensitivity, Widget
from sfs_desktop.core.mediation.models import (DisputeScreening, FollowUpVisit, MediationCase, MediationRecord)
from sfs_desktop.core.printing import (Cell, Grid, Group, NewPage, Rows, Seal, Signatures, Template, Terms, Text,
                                       register, spec_map)

S2 = Sensitivity.S2

PARTY = {  # one party's particulars as F-M3 and F-M11 print them
    "name": FieldSpec("姓名（名称）"), "gender": FieldSpec("性别"), "ethnicity": FieldSpec("民族"),
    "age": FieldSpec("年龄"), "occupation": FieldSpec("职业或职务"),
    "phone": FieldSpec("联系方式", sensitivity=S2), "address": FieldSpec("单位或住址", sensitivity=S2),
}


def party_specs(prefix: str) -> dict[str, FieldSpec]:
    return {f"{prefix}.{k}": v for k, v in PARTY.items()}


def party_rows(prefix: str) -> list[list]:
    return [[f"{prefix}.name", f"{prefix}.gender", f"{prefix}.ethnicity"],
            [f"{prefix}.age", f"{prefix}.occupation", f"{prefix}.phone"],
            [Cell(f"{prefix}.address", span=3)]]


CASE_SOURCES = ("当事人申请", "调委会主动调解", "法院委派委托", "公安移交", "信访移交", "政府部门移交", "其他")
"""The 案件来源 boxes of the 受理登记表: the code table's names (case_source), the case's own ticked."""

COMMON = {
    "committee": FieldSpec("人民调解委员会"), "case_no": FieldSpec("编号"),
    "dispute_name": FieldSpec("纠纷名称"), "party_names": FieldSpec("当事人"),
}

COVER = register(Template(
    id="mediation.cover",
    title="人民调解卷宗",
    specs=spec_map({**COMMON,
                    "volume_no": FieldSpec("卷号"), "mediators": FieldSpec("调解员"),
                    "from_date": FieldSpec("调解日期（自）", widget=Widget.DATE),
                    "to_date": FieldSpec("调解日期（至）", widget=Widget.DATE),
                    "filed_by": FieldSpec("立卷人"), "filed_on": FieldSpec("立卷日期", widget=Widget.DATE),
                    "keep_for": FieldSpec("保管期限"), "remarks": FieldSpec("备注", widget=Widget.MULTILINE),
                    "pages": FieldSpec("本卷页数")}),
    head="{committee}",
    sections=[
        Grid([[Cell("dispute_name", label="卷名", lines=2)], ["volume_no"], ["mediators"],
              ["from_date"], ["to_date"], ["filed_by"], ["filed_on"], ["keep_for"], [Cell("remarks", lines=3)]],
             pairs=1),
        NewPage(),
        Text("封　底", style="heading"),
        Text("本卷宗连面带底共　　页，附证物　　件。卷号：{volume_no}。"),
        Text("立卷人：{filed_by}　　　　检查人：　　　　　　"),
        Seal("{committee}", "filed_on"),
    ],
))

CONTENTS = register(Template(
    id="mediation.contents",
    title="卷内目录",
    specs=spec_map({**COMMON, "items": FieldSpec("卷内文书")}),
    sections=[
        Grid([["case_no", "dispute_name"]], pairs=2),
        Rows("items", [("no", "序号", 1), ("title", "文书名称", 6), ("pages", "页号", 1.4), ("note", "备注", 3.6)],
             min_rows=13),
    ],
))

APPLICATION = register(Template(
    id="mediation.application",
    title="人民调解申请书",
    specs=spec_map({**COMMON, **party_specs("applicant"), **party_specs("respondent"),
                    "others": FieldSpec("其他当事人", sensitivity=S2),
                    "summary": FieldSpec("纠纷简要情况", widget=Widget.MULTILINE),
                    "requests": FieldSpec("申请事项"), "applied_on": FieldSpec("申请日期", widget=Widget.DATE)}),
    sensitive=frozenset({"applicant.phone", "applicant.address", "respondent.phone", "respondent.address", "others"}),
    sections=[
        Grid([Group("申请人", party_rows("applicant")), Group("被申请人", party_rows("respondent"))]),
        Terms("others", heading=None, blank_lines=0),
        Text("纠纷简要情况", style="heading"),
        Text("{summary}"),
        Terms("requests", heading="申请事项"),
        Text("{committee}已向本人告知人民调解的性质、原则和效力，以及当事人在调解活动中享有的权利和承担的义务。"
             "本人自愿申请人民调解委员会调解上述纠纷。"),
        Signatures(["申请人（签名、盖章或按指印）"]),
    ],
))

REGISTRATION = register(Template(
    id="mediation.registration",
    title="人民调解受理登记表",
    specs=spec_map({**COMMON, "registered_on": FieldSpec("登记日期", widget=Widget.DATE),
                    "applicants": FieldSpec("申请人"), "respondents": FieldSpec("被申请人"),
                    "dispute_type": FieldSpec("纠纷类型"), "source": FieldSpec("案件来源"),
                    "summary": FieldSpec("纠纷简要情况", widget=Widget.MULTILINE), "remarks": FieldSpec("备注")}),
    head="{committee}",
    sections=[
        Grid([["case_no", "registered_on"]], pairs=2),
        Text("经当事人同意，本委员会受理{applicants}与{respondents}之间的纠纷。"),
        Grid([["dispute_type"], [Cell("source", options=CASE_SOURCES)],
              [Cell("summary", lines=6)], [Cell("remarks", lines=2)]], pairs=1),
        Signatures(["当事人（签名）", "登记人（签名）"]),
        Seal("{committee}", "registered_on"),
        Text("注：本表由调委会填写。", style="note"),
    ],
))

NOTICE = register(Template(
    id="mediation.notice",
    title="人民调解当事人权利义务告知书",
    specs=spec_map({**COMMON, "names": FieldSpec("当事人签名"), "rights": FieldSpec("当事人的权利"),
                    "duties": FieldSpec("当事人的义务")}),
    head="{committee}",
    sections=[
        Text("{party_names}：", style="plain"),
        Text("人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解委员会在当事人自愿、平等的基础上进行调解，"
             "调解不违背法律、法规和国家政策，尊重当事人的权利，不因调解而阻止当事人依法通过仲裁、行政、司法等途径"
             "维护自己的权利。人民调解委员会调解民间纠纷，不收取任何费用。"),
        Text("经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。双方当事人可以自调解协议生效之日起"
             "三十日内共同向人民法院申请司法确认。"),
        Text("在人民调解活动中，当事人享有下列权利：", style="heading"),
        Terms("rights", numbering="chinese", blank_lines=0),
        Text("在人民调解活动中，当事人履行下列义务：", style="heading"),
        Terms("duties", numbering="chinese", blank_lines=0),
        Text("本告知书已于调解前向当事人宣读（送达）。当事人已知悉上述权利和义务。"),
        Signatures([], each="names"),
    ],
))
NOTICE_RIGHTS = [  # 人民调解法 §23 (M14)
    "选择或者接受人民调解员；", "接受调解、拒绝调解或者要求终止调解；", "要求调解公开进行或者不公开进行；",
    "自主表达意愿、自愿达成调解协议。"]
NOTICE_DUTIES = [  # 人民调解法 §24 (M15)
    "如实陈述纠纷事实；", "遵守调解现场秩序，尊重人民调解员；", "尊重对方当事人行使权利。"]

RECORD_SPECS = spec_map({**COMMON, **spec_map(MediationRecord)})

INVESTIGATION = register(Template(
    id="mediation.investigation",
    title="人民调解调查记录",
    specs=RECORD_SPECS | spec_map({"interviewee": FieldSpec("被调查人"), "case_no": FieldSpec("案号")}),
    sections=[
        Grid([["case_no", "held_on"], ["place", "subject"], [Cell("conducted_by", label="调查人"), "recorder"],
              [Cell("interviewee", span=2)]], pairs=2),
        Text("调查内容", style="heading"),
        Text("{body}", style="plain"),
        Text("以上记录已向被调查人宣读（或交其阅看），与所述一致。", style="note"),
        Signatures(["被调查人（签名、按指印）", "调查人（签名）", "记录人（签名）"]),
    ],
))

RECORD = register(Template(
    id="mediation.record",
    title="人民调解记录",
    specs=RECORD_SPECS | spec_map({"case_no": FieldSpec("案号"), "invitees": FieldSpec("邀请参与人员"),
                                   "mediators": FieldSpec("调解员"), "facts": FieldSpec("纠纷事实")}),
    sections=[
        Grid([["case_no", "held_on"], [Cell("place", span=2)], [Cell("present", label="到场当事人", span=2)],
              [Cell("invitees", span=2)], ["mediators", "recorder"]], pairs=2),
        Text("纠纷事实", style="heading"),
        Text("{facts}"),
        Text("当事人陈述及调解经过", style="heading"),
        Text("{body}", style="plain"),
        Text("调解结果", style="heading"),
        Text("{outcome}"),
        Signatures(["当事人（签名、按指印）", "当事人（签名、按指印）", "人民调解员（签名）", "记录人（签名）"]),
    ],
))

AGREEMENT_SPECS = spec_map({
    "case_no": FieldSpec("编号"),
    "committee": FieldSpec("人民调解委员会"),
    "parties": FieldSpec("当事人", sensitivity=S2),
    "facts": FieldSpec("纠纷主要事实、争议事项及各方责任", widget=Widget.MULTILINE),
    "terms": FieldSpec("协议内容"),
    "manner": FieldSpec("履行方式、地点、期限", widget=Widget.MULTILINE),
    "copies": FieldSpec("份数", widget=Widget.INT),
    "signed_date": FieldSpec("签订日期", widget=Widget.DATE),
    "names": FieldSpec("当事人签名"),
    "mediators": FieldSpec("调解员"),
})

AGREEMENT = register(Template(
    id="mediation.agreement",
    title="人民调解协议书",
    specs=AGREEMENT_SPECS,
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
        Text("本协议一式{copies:words}份，当事人各执一份，人民调解委员会留存一份。本协议自各方当事人签名（盖章或按指印）、"
             "人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行。"
             "双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。"),
        Signatures(["人民调解员（签名）", "记录人（签名）"], each="names"),
        Seal("{committee}", "signed_date"),
    ],
))

ORAL_AGREEMENT = register(Template(
    id="mediation.oral_agreement",
    title="人民调解口头协议登记表",
    specs=AGREEMENT_SPECS,
    sensitive=frozenset({"parties"}),
    head="{committee}",
    sections=[
        Grid([["case_no", "signed_date"], [Cell("mediators", span=2)]], pairs=2),
        Text("本纠纷经调解，当事人达成口头协议，由人民调解员登记如下。", style="plain"),
        Terms("parties", heading="当事人", blank_lines=2),
        Text("纠纷主要事实、争议事项及各方责任", style="heading"),
        Text("{facts}"),
        Terms("terms", heading="口头协议内容", numbering="chinese"),
        Text("履行方式、地点、期限", style="heading"),
        Text("{manner}"),
        Text("口头调解协议自各方当事人达成协议之日起生效，当事人应当按照约定履行。", style="plain"),
        Signatures(["人民调解员（签名）", "记录人（签名）"], each="names"),
    ],
))

VISIT = register(Template(
    id="mediation.visit",
    title="人民调解回访记录",
    specs=spec_map({**COMMON, **spec_map(FollowUpVisit), "case_no": FieldSpec("调解协议编号"),
                    "visitor": FieldSpec("回访人")}),
    head="{committee}",
    sections=[
        Grid([["visitee", "case_no"], [Cell("dispute_name", label="回访事由", span=2)],
              ["visit_date", "method"], ["performance", "satisfaction"], [Cell("notes", lines=8, span=2)]], pairs=2),
        Text("回访情况包括：协议履行情况、当事人满意程度、是否起诉及判决结果，有无错误调解、矛盾激化或隐患及采取的措施。",
             style="note"),
        Signatures(["回访人（签名）"]),
    ],
))

CLOSING = register(Template(
    id="mediation.closing",
    title="人民调解结案报告表",
    specs=spec_map({**COMMON, **spec_map(MediationCase), "volume_no": FieldSpec("卷号"),
                    "filled_on": FieldSpec("填表时间", widget=Widget.DATE), "unit": FieldSpec("承办单位"),
                    "mediators": FieldSpec("承办人"), "parties": FieldSpec("当事人姓名、住址、电话", sensitivity=S2),
                    "closed_on": FieldSpec("结案时间", widget=Widget.DATE)}),
    sensitive=frozenset({"parties"}),
    sections=[
        Grid([["volume_no", "filled_on"], ["unit", "mediators"], [Cell("received_date", label="受案时间"), "closed_on"],
              [Cell("source", span=2)], [Cell("dispute_type", span=2)]], pairs=2),
        Terms("parties", heading="当事人", blank_lines=2),
        Text("纠纷简要事实", style="heading"),
        Text("{summary}"),
        Grid([["result", "amount_involved"], [Cell("performance", span=2)]], pairs=2),
        Signatures(["承办人（签名）"]),
        Seal("{committee}", "filled_on"),
    ],
))

SCREENING = register(Template(
    id="mediation.screening",
    title="矛盾纠纷排查登记表",
    specs=spec_map({**spec_map(DisputeScreening), "outcome": FieldSpec("化解结果"), "station": FieldSpec("单位")}),
    sections=[
        Grid([["screened_on", "screened_by"], [Cell("scope", span=2)], ["found_count", "risk_level"],
              [Cell("found", lines=5, span=2)], [Cell("measures", lines=3, span=2)], ["responsible", "target_date"],
              [Cell("outcome", lines=2, span=2)]], pairs=2),
        Seal("{station}", "screened_on"),
    ],
))

SCREENING_LEDGER = register(Template(
    id="mediation.screening_ledger",
    title="矛盾纠纷排查台账",
    specs=spec_map({"station": FieldSpec("单位"), "period": FieldSpec("期间"), "rows": FieldSpec("排查记录")}),
    sections=[
        Text("单位：{station}　　期间：{period}", style="plain"),
        Rows("rows", [("screened_on", "排查日期", 3.0), ("scope", "排查范围", 2.2), ("found", "发现的纠纷", 4.6),
                      ("risk", "风险等级", 1.6), ("measures", "化解措施", 3.6), ("responsible", "责任人", 2.0),
                      ("outcome", "化解结果", 2.8)], min_rows=10),  # a date and a three-character name on one line
    ],
))

ALL = (COVER, CONTENTS, APPLICATION, REGISTRATION, NOTICE, INVESTIGATION, RECORD, AGREEMENT, ORAL_AGREEMENT, VISIT,
       CLOSING, SCREENING, SCREENING_LEDGER)
