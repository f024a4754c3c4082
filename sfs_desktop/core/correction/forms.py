"""The 社区矫正 forms F-C1 to F-C15 (domain.md §4.6) as templates of the printing engine.

Declarations and fixed wording only; the values come from :mod:`.documents`. Labels come from the
models' own field declarations (the subject's, its person's, the leave's …). Every correction form
discloses criminal-record data, so each may print the subject's S3 fields (the print service lets
only accounts with "s3.read" print them); an ID number, phone or address is printed only on the
forms that list it (the 基本信息表, the 外出审批表 and the 外出证明).

The texts that differ per correction type (the rules announced at intake, what the end of the term
means) are tables keyed by the 矫正类别 code, each sentence with its article.
"""

from __future__ import annotations

from sfs_desktop.core.correction.constants import CONTROL, PAROLE, PROBATION, TEMP_EXEC
from sfs_desktop.core.correction.models import (CcLeave, CcRelease, CcSanctionDecision, CcSupervision, CcViolation,
                                                CorrectionSubject)
from sfs_desktop.core.fields import FieldSpec, Sensitivity, Widget, specs
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.printing import (Cell, Grid, Group, Opinions, Rows, Seal, Signatures, Template, Terms, Text,
                                       register, spec_map)

S2 = Sensitivity.S2


def _sensitive(model, prefix: str = "") -> frozenset[str]:
    return frozenset(f"{prefix}{s.name}" for s in specs(model) if s.sensitivity >= Sensitivity.S3)


SUBJECT_S3 = _sensitive(CorrectionSubject) | _sensitive(CorrectionSubject, "subject.") | {"penalty", "sentence"}
IDENTITY = frozenset({"person.id_number", "person.phone", "person.household_address", "person.residence_address",
                      "execution_address", "subject.execution_address"})

COMMON = {
    "station": FieldSpec("司法所"), "agency": FieldSpec("社区矫正机构"), "term": FieldSpec("矫正期限"),
    "age": FieldSpec("年龄"), "penalty": FieldSpec("原判刑罚", sensitivity=Sensitivity.S3),
    "document": FieldSpec("法律文书"), "sentence": FieldSpec("判决（裁定、决定）内容", sensitivity=Sensitivity.S3),
    "members": FieldSpec("矫正小组成员"), "signers": FieldSpec("签名人"),
}
SUBJECT_SPECS = spec_map(COMMON, CorrectionSubject, person=Person, subject=CorrectionSubject)

# --- wording per correction type -----------------------------------------------------------

RULES = [  # 社区矫正法 §23; 刑法 §39, §75, §84
    "遵守法律、行政法规，履行判决、裁定、暂予监外执行决定等法律文书确定的义务，服从社区矫正机构和司法所的监督管理；",
    "按照规定报告自己的活动情况，按时参加教育学习、公益活动，保持通信畅通；",
    "遵守关于会客的规定；",
    "离开所居住的市、县或者迁居，应当报经批准，外出期满按时返回并报告；",
    "居所、工作发生变动，家庭发生重大变故，或者接触对矫正可能产生不利影响的人员的，及时报告。",
]
TYPE_RULES = {
    CONTROL: ["未经批准，不得行使言论、出版、集会、结社、游行、示威自由的权利（刑法第三十九条）；"],
    PROBATION: ["遵守人民法院判决确定的禁止令（刑法第七十二条、第七十五条）；"],
    PAROLE: ["遵守人民法院假释裁定确定的义务（刑法第八十四条）；"],
    TEMP_EXEC: ["保外就医的，每月报告本人身体情况，每三个月提交病情复查情况；暂予监外执行的情形消失的，及时报告"
                "（社区矫正法实施办法第二十四条）；"],
}
CONSEQUENCES = {  # what the term leads to, announced at intake (宣告)
    CONTROL: "管制期满，依法解除管制；违反监督管理规定的，依照《中华人民共和国治安管理处罚法》的规定给予处罚。",
    PROBATION: "在缓刑考验期限内没有刑法第七十七条规定情形的，缓刑考验期满，原判的刑罚就不再执行；违反法律、行政法规、"
               "监督管理规定或者人民法院禁止令，情节严重的，依法撤销缓刑，执行原判刑罚。",
    PAROLE: "在假释考验期限内没有刑法第八十六条规定情形的，假释考验期满，就认为原判刑罚已经执行完毕；违反法律、行政法规"
            "或者监督管理规定，尚未构成新的犯罪的，依法撤销假释，收监执行未执行完毕的刑罚。",
    TEMP_EXEC: "暂予监外执行期间有刑事诉讼法第二百六十八条规定情形的，依法及时收监执行；暂予监外执行的情形消失后刑期未满的，"
               "及时收监执行。",
}
RELEASE_STATEMENTS = {  # 刑法 §40, §76, §85; 社区矫正法 §44
    CONTROL: "管制期满，依法解除管制。",
    PROBATION: "缓刑考验期满，原判刑罚不再执行。",
    PAROLE: "假释考验期满，认为原判刑罚已经执行完毕。",
    TEMP_EXEC: "暂予监外执行期间刑期届满，依法解除社区矫正。",
}
DOCUMENTS = {CONTROL: "刑事判决书", PROBATION: "刑事判决书", PAROLE: "刑事裁定书", TEMP_EXEC: "决定书"}
SENTENCES = {  # what the decision did, as the announcement words it ({penalty}: 拘役六个月)
    CONTROL: "判处{penalty}", PROBATION: "判处{penalty}，宣告缓刑", PAROLE: "裁定假释（原判{penalty}）",
    TEMP_EXEC: "决定暂予监外执行（原判{penalty}）",
}
RIGHTS = ("社区矫正对象依法享有的人身安全、合法财产和辩护、申诉、控告、检举以及其他未被依法剥夺或者限制的权利不受侵犯，"
          "在就业、就学和享受社会保障等方面不受歧视（社区矫正法第四条、第三十四条）。")
LEAVE_CONDITIONS = [
    "外出期间遵守法律法规和监督管理规定，不得进入禁止令禁止的区域、场所；",
    "外出期间保持通信畅通，每周至少通过电话或视频向司法所报告一次活动情况；",
    "按期返回，返回后即到司法所报告；因故不能按期返回的，及时报告并说明理由。",
]
TEAM_DUTIES = [
    "按照矫正方案，开展监督管理、教育帮扶工作；", "掌握社区矫正对象的活动情况和思想动态，发现异常及时报告司法所；",
    "协助对社区矫正对象进行考核评议，提出奖惩建议；", "保护社区矫正对象的身份信息和个人隐私。",
]

BASICS = [["subject.name", "person.gender", "age"], [Cell("subject.correction_type", label="矫正类别"),
                                                      Cell("term", span=2)]]

# --- F-C1 to F-C6: intake ------------------------------------------------------------------

INTAKE = register(Template(
    id="correction.intake",
    title="社区矫正对象基本信息表",
    specs=SUBJECT_SPECS | spec_map({"contacts": FieldSpec("家庭成员及主要社会关系", sensitivity=S2)}),
    sensitive=SUBJECT_S3 | IDENTITY | {"contacts"},
    sections=[
        Grid([Group("基本情况", [["name", "alias", "person.gender"],
                                 ["person.ethnicity", "person.birth_date", "person.education"],
                                 [Cell("person.id_number", span=2), "person.marital_status"],
                                 ["person.occupation", Cell("person.employer", span=2)],
                                 [Cell("person.household_address", span=3)], [Cell("execution_address", label="执行地", span=3)],
                                 ["person.phone", Cell("health", span=2)]]),
              Group("案件情况", [[Cell("crimes", span=2), "crime_category"], ["penalty", Cell("supplementary", span=2)],
                                 [Cell("prohibition", span=3)], ["recidivist", "joint_crime", "offence_date"]]),
              Group("矫正情况", [["correction_type", Cell("temp_exec_reason", label="监外执行原因"), "decision_body"],
                                 [Cell("decision_no", label="文书编号", span=2), Cell("effective_date", label="生效日期")],
                                 [Cell("term", span=3)],
                                 ["reported_on", "received_on", Cell("announced_on", label="宣告日期")],
                                 [Cell("county_agency", label="矫正机构"), "station", Cell("officer", label="责任人")]]),
              Group("管理情况", [["juvenile", "three_no", "special_flags"], ["level", "risk", "status"]])]),
        Text("家庭成员及主要社会关系", style="heading"),
        Rows("contacts", [("role", "类别", 1.6), ("name", "姓名", 1.4), ("relation", "关系", 1.2),
                          ("phone", "联系电话", 2.2), ("employer", "工作单位", 3.0)], min_rows=3),
        Signatures(["填表人（签名）"]),
    ],
))

REPORT_IN = register(Template(
    id="correction.report_in",
    title="社区矫正对象报到情况登记表",
    specs=SUBJECT_SPECS | spec_map({"due": FieldSpec("应报到日期", widget=Widget.DATE),
                                    "outcome": FieldSpec("报到情况"), "late": FieldSpec("逾期天数"),
                                    "remarks": FieldSpec("备注")}),
    sensitive=SUBJECT_S3,
    sections=[
        Grid([["name", "person.gender", "correction_type"], ["decision_body", Cell("decision_no", label="文书编号", span=2)],
              [Cell("effective_date", label="生效日期"), "due", "reported_on"],
              [Cell("outcome", span=2, options=("按时报到", "逾期报到", "未报到")), "late"],
              [Cell("remarks", span=3, lines=3)]]),
        Text("社区矫正法第二十一条：判处管制、宣告缓刑、裁定假释的社区矫正对象，自判决、裁定生效之日起十日内到执行地"
             "社区矫正机构报到。逾期未报到的，应当组织查找，防止漏管。", style="note"),
        Signatures(["登记人（签名）"]),
        Seal("{station}", "reported_on"),
    ],
))

ANNOUNCEMENT = register(Template(
    id="correction.announcement",
    title="社区矫正宣告书",
    specs=SUBJECT_SPECS | spec_map({"rules": FieldSpec("应当遵守的规定"), "consequence": FieldSpec("考验期满与违规后果"),
                                    "rights": FieldSpec("依法享有的权利")}),
    sensitive=SUBJECT_S3,
    sections=[
        Text("社区矫正对象{name}，{person.gender}，{age}，因犯{crimes}，经{decision_body}以{decision_no}{document}"
             "{sentence}，依法实行社区矫正。"),
        Text("社区矫正期限自{term_start}起至{term_end}止。现宣告如下：", style="body"),
        Terms("rules", heading="一、社区矫正期间应当遵守的规定", blank_lines=0),
        Text("二、期满与违反规定的后果", style="heading"),
        Text("{consequence}"),
        Text("三、依法享有的权利", style="heading"),
        Text("{rights}"),
        Text("四、矫正小组", style="heading"),
        Text("由{members}组成矫正小组，协助对社区矫正对象进行监督管理和教育帮扶。"),
        Signatures(["宣告人（签名）", "社区矫正对象（签名、按指印）"]),
        Seal("{agency}", "announced_on"),
    ],
))

UNDERTAKING = register(Template(
    id="correction.undertaking",
    title="社区矫正对象保证书",
    specs=SUBJECT_SPECS | spec_map({"rules": FieldSpec("应当遵守的规定")}),
    sensitive=SUBJECT_S3,
    sections=[
        Text("我叫{name}，因犯{crimes}，经{decision_body}{sentence}，社区矫正期限自{term_start}起至{term_end}止。"
             "在社区矫正期间，我保证做到："),
        Terms("rules", numbering="chinese", blank_lines=0),
        Text("如有违反，自愿接受训诫、警告、提请治安管理处罚直至提请撤销缓刑、撤销假释或者收监执行等处理。"),
        Signatures([], each="signers"),
    ],
))

TEAM = register(Template(
    id="correction.team",
    title="社区矫正小组成员名单及协议书",
    specs=SUBJECT_SPECS | spec_map({"team": FieldSpec("矫正小组成员名单"), "duties": FieldSpec("矫正小组职责")}),
    sensitive=SUBJECT_S3,
    sections=[
        Grid(BASICS),
        Rows("team", [("name", "姓名", 1.6), ("gender", "性别", 0.8), ("role", "身份", 2.8), ("duty", "分工", 2.4),
                      ("signed_on", "签订日期", 2.2)], min_rows=3),
        Text("为落实对社区矫正对象{name}的社区矫正，经协商，矫正小组成员自愿承担以下职责：", style="plain"),
        Terms("duties", numbering="chinese", blank_lines=0),
        Signatures([], each="signers"),
        Seal("{station}", "received_on"),
    ],
))

PLAN = register(Template(
    id="correction.plan",
    title="社区矫正方案",
    specs=SUBJECT_SPECS | spec_map({"supervision": FieldSpec("监督管理措施"), "education": FieldSpec("教育矫正措施"),
                                    "made_on": FieldSpec("制定日期", widget=Widget.DATE)}),
    sensitive=SUBJECT_S3,
    sections=[
        Grid([*BASICS, [Cell("crimes", span=2), "penalty"], ["level", "risk", "received_on"]]),
        Text("一、基本情况", style="heading"),
        Text("（犯罪原因、认罪悔罪、家庭和社会关系、身心状况、就业就学等，由矫正小组填写）", style="note"),
        Grid([[Cell("special_flags", label="需要关注的情况", lines=3, span=3)]]),
        Terms("supervision", heading="二、监督管理措施（按管理等级和县司法局监管频次）", blank_lines=2),
        Terms("education", heading="三、教育矫正和帮扶措施", blank_lines=2),
        Text("四、矫正小组", style="heading"),
        Text("由{members}组成矫正小组。本方案根据社区矫正对象的表现、考核和管理等级调整情况适时调整。"),
        Signatures(["制定人（签名）"]),
        Seal("{station}", "made_on"),
    ],
))

# --- F-C7, F-C8: leave ---------------------------------------------------------------------

LEAVE_SPECS = SUBJECT_SPECS | spec_map(CcLeave) | spec_map({
    "approver_line": FieldSpec("审批机关"), "proofs": FieldSpec("证明材料"), "county_opinion": FieldSpec("县级社区矫正机构意见"),
    "higher_opinion": FieldSpec("上一级社区矫正机构意见"), "conditions": FieldSpec("外出要求"),
    "station_opinion": FieldSpec("司法所意见"), "county_on": FieldSpec("县级审批日期", widget=Widget.DATE),
    "issuer": FieldSpec("批准机关")})

LEAVE_APPLICATION = register(Template(
    id="correction.leave_application",
    title="社区矫正对象外出审批表",
    specs=LEAVE_SPECS,
    serial_kind="矫外审",
    sensitive=SUBJECT_S3 | IDENTITY | {"reason", "destination", "contact_phone"},
    sections=[
        Grid([["subject.name", "person.gender", "age"],
              [Cell("person.id_number", span=2), Cell("subject.correction_type", label="矫正类别")],
              [Cell("term", span=3)],
              [Cell("reason", span=3, lines=2)], [Cell("destination", span=3)],
              ["start", "end", "days"], [Cell("contact_phone", span=2), "applied_on"],
              [Cell("proofs", span=3, lines=2)], [Cell("approver_line", span=3)]]),
        Signatures(["申请人（签名、按指印）"]),
        Opinions([("station_opinion", "{station}", None), ("county_opinion", "{agency}", "county_on"),
                  ("higher_opinion", "上一级社区矫正机构", None)]),
    ],
))

LEAVE_PERMIT = register(Template(
    id="correction.leave_permit",
    title="社区矫正对象外出证明",
    specs=LEAVE_SPECS,
    serial_kind="矫外",
    sensitive=SUBJECT_S3 | IDENTITY | {"destination"},
    sections=[
        Text("兹有社区矫正对象{subject.name}，{person.gender}，证件号码{person.id_number}，经批准于{start}至{end}"
             "外出前往{destination}，共{days}日。"),
        Terms("conditions", heading="外出期间应当遵守以下要求", blank_lines=0),
        Text("特此证明。"),
        Seal("{issuer}", "decided_on"),
        Text("注：本证明由社区矫正对象随身携带，返回后交回司法所。", style="note"),
    ],
))

# --- F-C9 to F-C11: supervision and violations ---------------------------------------------

EVENT_SPECS = SUBJECT_SPECS | spec_map(CcSupervision) | spec_map({"recorder": FieldSpec("记录人")})

TALK = register(Template(
    id="correction.talk",
    title="社区矫正对象个别谈话（教育）记录",
    specs=EVENT_SPECS,
    sensitive=SUBJECT_S3 | {"place", "content"},
    sections=[
        Grid([["subject.name", "day", Cell("place", label="谈话地点")],
              [Cell("staff", label="谈话人"), "recorder", Cell("mode", label="谈话事由")]]),
        Text("谈话（教育）内容", style="heading"),
        Text("{content}", style="plain"),
        Text("以上记录已向社区矫正对象宣读（或交其阅看），与所述一致。", style="note"),
        Signatures(["社区矫正对象（签名、按指印）", "谈话人（签名）", "记录人（签名）"]),
    ],
))

VISIT = register(Template(
    id="correction.visit",
    title="社区矫正对象走访（实地查访）记录",
    specs=EVENT_SPECS | spec_map({"met": FieldSpec("走访对象"), "result": FieldSpec("查访结果")}),
    sensitive=SUBJECT_S3 | {"place", "content"},
    sections=[
        Grid([["subject.name", "day", Cell("staff", label="走访人")],
              [Cell("place", label="走访地点", span=2), "result"], [Cell("met", span=3)]]),
        Text("走访（查访）情况", style="heading"),
        Text("{content}", style="plain"),
        Text("走访时注意保护社区矫正对象的身份信息和个人隐私（社区矫正法第二十六条）；现场照片附后。", style="note"),
        Signatures(["走访人（签名）", "被走访人（签名）"]),
    ],
))

VIOLATION = register(Template(
    id="correction.violation",
    title="社区矫正对象违规情况调查核实及提请审核表",
    specs=SUBJECT_SPECS | spec_map(CcViolation) | spec_map(decision=CcSanctionDecision) | spec_map({
        "station_opinion": FieldSpec("司法所意见"), "county_opinion": FieldSpec("县级社区矫正机构决定")}),
    sensitive=SUBJECT_S3 | _sensitive(CcViolation) | _sensitive(CcSanctionDecision, "decision."),
    sections=[
        Grid([*BASICS, ["occurred_on", Cell("kind", span=2)], ["days", "suggested", "proposed"],
              [Cell("facts", span=3, lines=4)], [Cell("evidence", span=3, lines=2)]]),
        Opinions([("station_opinion", "{station}", "proposed_on"), ("county_opinion", "{agency}", "decision.decided_on")]),
        Text("训诫、警告由县级社区矫正机构决定；司法所负责调查核实并提出建议（社区矫正法第二十八条）。", style="note"),
    ],
))

# --- F-C12 to F-C15: release and the work file ---------------------------------------------

APPRAISAL = register(Template(
    id="correction.appraisal",
    title="社区矫正对象个人总结及解除矫正鉴定表",
    specs=SUBJECT_SPECS | spec_map(CcRelease) | spec_map({"station_opinion": FieldSpec("司法所意见"),
                                                          "county_opinion": FieldSpec("县级社区矫正机构意见"),
                                                          "record": FieldSpec("奖惩情况"),
                                                          "summary": FieldSpec("本人总结")}),
    sensitive=SUBJECT_S3 | _sensitive(CcRelease),
    sections=[
        Grid([*BASICS, [Cell("crimes", span=2), "penalty"], [Cell("record", span=3)]]),
        Text("个人总结（社区矫正对象本人填写）", style="heading"),
        Grid([[Cell("summary_on", label="总结日期", span=3)], [Cell("summary", lines=9, span=3)]]),
        Signatures(["社区矫正对象（签名、按指印）"]),
        Text("矫正期间表现鉴定", style="heading"),
        Text("{appraisal}"),
        Opinions([("station_opinion", "{station}", "appraisal_on"), ("county_opinion", "{agency}", None)]),
    ],
))

RELEASE_ANNOUNCEMENT = register(Template(
    id="correction.release_announcement",
    title="解除社区矫正宣告书",
    specs=SUBJECT_SPECS | spec_map(CcRelease) | spec_map({"statement": FieldSpec("宣告事项")}),
    sensitive=SUBJECT_S3,
    sections=[
        Text("社区矫正对象{name}，{person.gender}，{age}，因犯{crimes}，经{decision_body}以{decision_no}{document}"
             "{sentence}，于{term_start}起在{station}接受社区矫正，矫正期限至{term_end}止。"),
        Text("社区矫正期间，{name}遵守法律法规和监督管理规定，接受教育帮扶。现社区矫正期满，依照《中华人民共和国社区矫正法》"
             "第四十四条的规定，宣告解除社区矫正：{statement}"),
        Text("解除社区矫正后，{name}依法享有公民的各项权利，依照有关规定接受安置帮教。"),
        Signatures(["宣告人（签名）", "社区矫正对象（签名、按指印）"]),
        Seal("{agency}", "announced_on"),
    ],
))

RELEASE_CERTIFICATE = register(Template(
    id="correction.release_certificate",
    title="解除社区矫正证明书",
    specs=SUBJECT_SPECS | spec_map(CcRelease) | spec_map({"statement": FieldSpec("宣告事项"),
                                                          "issued_on": FieldSpec("出具日期", widget=Widget.DATE)}),
    serial_kind="矫解",
    sensitive=SUBJECT_S3,
    sections=[
        Text("{name}：", style="plain"),
        Text("你因犯{crimes}，经{decision_body}以{decision_no}{document}{sentence}，"
             "社区矫正期限自{term_start}起至{term_end}止。现矫正期满，依照《中华人民共和国社区矫正法》第四十四条的规定，"
             "解除社区矫正。{statement}"),
        Text("特此证明。"),
        Seal("{agency}", "issued_on"),
        Text("抄送：{decision_body}、人民检察院、公安机关。", style="note"),
    ],
))

FILE_CONTENTS = register(Template(
    id="correction.file_contents",
    title="社区矫正工作档案卷内目录",
    specs=SUBJECT_SPECS | spec_map({"items": FieldSpec("卷内文书")}),
    sensitive=SUBJECT_S3,
    sections=[
        Grid([["name", "correction_type", "station"], [Cell("term", span=3)]]),
        Rows("items", [("no", "序号", 1), ("title", "文书名称", 6), ("pages", "页号", 1.4), ("note", "备注", 3.6)],
             min_rows=15),
    ],
))

ALL = (INTAKE, REPORT_IN, ANNOUNCEMENT, UNDERTAKING, TEAM, PLAN, LEAVE_APPLICATION, LEAVE_PERMIT, TALK, VISIT,
       VIOLATION, APPRAISAL, RELEASE_ANNOUNCEMENT, RELEASE_CERTIFICATE, FILE_CONTENTS)
