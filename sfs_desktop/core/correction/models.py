"""社区矫正 tables (domain.md §4.4): the subject, its supervision events and its proceedings.

Everything here links a person to a crime, so every table is S3 (domain.md §13.2): readable only
with "s3.read" (never by a 调解员 or an 只读 account), masked in lists, kept out of the search
index. The county correction agency is the legal executor (社区矫正法 §9) and the station works on
its entrustment, so the county is entitled to the S2/S3 fields of these rows
(``__county_entitled__``); a subject is usually created at the county and assigned to the station
(`core.sync.assign`), or registered here by hand when the documents arrive first.

Event design: the routine supervision events that the frequency table (`cc_frequency`) counts —
reports, check-ins, visits, talks, education and public-benefit hours, assistance, medical-parole
health reports and re-examinations — are one table with a kind code (`cc_supervision`): they share
their few fields (day, mode, hours, place, content, result), and what is due per subject is then one
indexed GROUP BY over (subject, kind, day) instead of a union of seven tables. The events with a
workflow of their own (leave, violations and sanction decisions, e-locator periods, assessments,
major events, release, termination, change of execution place) are tables of their own; each is a
source of the subject's timeline.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fields import Mask, Sensitivity as S, Widget as W, field, phone
from sfs_desktop.core.ledger import REF_LABELS
from sfs_desktop.core.security.access import AccessRule, RowLock

JUVENILE = RowLock("juvenile", "juvenile.read", "当前账户无权查看未成年社区矫正对象的记录（社区矫正法第五十四条）")
"""C33: a subject juvenile at the offence (and so still after 18) and every row of theirs — leave,
violations, events — is read only with "juvenile.read": ledgers, search, exports, report details
and due items leave them out for everyone else; statistics totals still count them."""
SUBJECT = AccessRule(s3=True, lock=JUVENILE)
CHILD = AccessRule(s3=True, parent=("subject_id", "correction_subject"))
S3 = S.S3


def _subject_ref():
    return field("社区矫正对象", required=True, widget=W.HIDDEN, max_length=36, index=True)


class _Correction(SyncedModel):
    """What every correction table shares: criminal-record data the county executes."""

    __county_entitled__ = True


class CorrectionSubject(_Correction, table=True):
    __tablename__ = "correction_subject"
    __title__ = "社区矫正对象"
    __access__ = SUBJECT
    person_id: str = field("人员", required=True, widget=W.REF, ref="person", max_length=36, index=True)
    name: str = field("姓名", required=True, max_length=32, searchable=True)  # a hit is access-checked (C33)
    alias: str | None = field("别名", max_length=32, list_column=False)
    # correction (§4.4 "Correction")
    correction_type: str = field("矫正类别", required=True, code_table="cc_type", max_length=2, sensitivity=S3)
    temp_exec_reason: str | None = field("暂予监外执行原因", code_table="cc_temp_reason", max_length=2,
                                         sensitivity=S3, list_column=False)
    decision_body: str | None = field("决定机关", max_length=64, sensitivity=S3, list_column=False)
    decision_no: str | None = field("判决（裁定、决定）书文号", max_length=64, sensitivity=S3, list_column=False)
    effective_date: date | None = field("判决（裁定、决定）生效日期", widget=W.DATE, sensitivity=S3)
    term_start: date | None = field("矫正期限起", widget=W.DATE, sensitivity=S3)
    term_end: date | None = field("矫正期限止", widget=W.DATE, sensitivity=S3)
    reported_on: date | None = field("报到日期", widget=W.DATE, sensitivity=S3)
    received_on: date | None = field("接收日期", widget=W.DATE, sensitivity=S3, list_column=False)
    announced_on: date | None = field("入矫宣告日期", widget=W.DATE, sensitivity=S3, list_column=False)
    officer: str | None = field("责任矫正工作人员", max_length=32, list_column=False)
    county_agency: str | None = field("县级社区矫正机构", max_length=64, list_column=False)
    execution_address: str | None = field("执行地（居住地）", sensitivity=S.S2, mask=Mask.ADDRESS, max_length=128,
                                          list_column=False)
    area_code: str | None = field("所属村（社区）", widget=W.REF, ref="admin_area", max_length=12)
    # case
    crimes: str | None = field("罪名", max_length=128, sensitivity=S3)
    crime_category: str | None = field("犯罪类型", code_table="cc_crime_category", max_length=2, sensitivity=S3,
                                       list_column=False)
    offence_date: date | None = field("犯罪时间", widget=W.DATE, sensitivity=S3, list_column=False)
    original_penalty: str | None = field("原判主刑", code_table="cc_penalty", max_length=2, sensitivity=S3,
                                         list_column=False)
    original_months: int | None = field("原判刑期（月）", widget=W.INT, sensitivity=S3, list_column=False)
    custody_days: int = field("先行羁押（日）", 0, widget=W.INT, sensitivity=S3, list_column=False,
                              help="管制：羁押一日折抵刑期二日（刑法第四十一条）")
    supplementary: str | None = field("附加刑", max_length=128, sensitivity=S3, list_column=False)
    prohibition: str | None = field("禁止令内容", widget=W.MULTILINE, max_length=512, sensitivity=S3, list_column=False)
    prohibition_from: date | None = field("禁止令起", widget=W.DATE, sensitivity=S3, list_column=False)
    prohibition_to: date | None = field("禁止令止", widget=W.DATE, sensitivity=S3, list_column=False)
    recidivist: bool = field("累犯", False, widget=W.BOOL, sensitivity=S3, list_column=False)
    joint_crime: bool = field("共同犯罪", False, widget=W.BOOL, sensitivity=S3, list_column=False)
    # flags
    juvenile: bool = field("犯罪时未成年", False, widget=W.BOOL, sensitivity=S3,
                           help="社区矫正法第五十二至五十八条：矫正期间年满十八周岁的仍按未成年人规定执行")
    three_no: bool = field("三无人员", False, widget=W.BOOL, sensitivity=S3, list_column=False)
    special_flags: str | None = field("特殊情况", max_length=128, sensitivity=S3, list_column=False,
                                      help="吸毒史、脱逃史、自杀倾向、暴力倾向等")
    health: str | None = field("健康状况", max_length=256, sensitivity=S3, list_column=False)
    # level, risk, status
    level: str = field("管理等级", "2", code_table="cc_level", max_length=2, sensitivity=S3)
    risk: str | None = field("风险等级", code_table="cc_risk", max_length=2, sensitivity=S3)
    status: str = field("状态", "01", code_table="cc_status", max_length=2, sensitivity=S3, index=True)


class CcDocument(_Correction, table=True):
    """法律文书 received from the decision body, with when (C1: within 10 days)."""

    __tablename__ = "cc_document"
    __title__ = "法律文书"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    kind: str = field("文书种类", required=True, code_table="cc_document_kind", max_length=2)
    doc_no: str | None = field("文号", max_length=64, sensitivity=S3)
    issuer: str | None = field("制发机关", max_length=64)
    issued_on: date | None = field("制发日期", widget=W.DATE)
    received_on: date = field("收到日期", required=True, widget=W.DATE)


class CcContact(_Correction, table=True):
    """Family and social contacts, the guardian of a minor, the guarantor of 暂予监外执行."""

    __tablename__ = "cc_contact"
    __title__ = "家庭成员及社会关系"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    role: str = field("类别", "01", code_table="cc_contact_role", max_length=2)
    name: str = field("姓名", required=True, max_length=32)
    relation: str | None = field("关系", max_length=16)
    phone: str | None = field("联系电话", sensitivity=S.S2, widget=W.PHONE, mask=Mask.PHONE, validators=[phone],
                              max_length=20)
    employer: str | None = field("工作单位", max_length=64, list_column=False)


class CcTeamMember(_Correction, table=True):
    """矫正小组 (C7: a woman on the team of a female subject)."""

    __tablename__ = "cc_team_member"
    __title__ = "矫正小组成员"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    name: str = field("姓名", required=True, max_length=32)
    gender: str = field("性别", required=True, code_table="gender", max_length=2)
    role: str = field("身份", required=True, code_table="cc_team_role", max_length=2)
    phone: str | None = field("联系电话", sensitivity=S.S2, widget=W.PHONE, mask=Mask.PHONE, validators=[phone],
                              max_length=20)
    signed_on: date | None = field("协议签订日期", widget=W.DATE)
    active: bool = field("在组", True, widget=W.BOOL)


class CcLevelChange(_Correction, table=True):
    """Level and risk history: the subject row holds the current values, this the dated changes."""

    __tablename__ = "cc_level_change"
    __title__ = "管理等级调整"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    changed_on: date = field("调整日期", required=True, widget=W.DATE)
    level: str = field("管理等级", required=True, code_table="cc_level", max_length=2, sensitivity=S3)
    risk: str | None = field("风险等级", code_table="cc_risk", max_length=2, sensitivity=S3)
    reason: str = field("调整理由", required=True, max_length=256, sensitivity=S3)


class CcSupervision(_Correction, table=True):
    """The routine supervision events, one kind code (see the module's docstring)."""

    __tablename__ = "cc_supervision"
    __title__ = "日常监管记录"
    __access__ = CHILD
    # covering the due query (`.queries.gaps`): a lookup per subject and activity never reads the table
    __table_args__ = (Index("ix_cc_supervision_due", "subject_id", "kind", "day", "deleted", "hours"),)
    subject_id: str = _subject_ref()
    kind: str = field("类别", required=True, code_table="cc_activity", max_length=16)
    day: date = field("日期", required=True, widget=W.DATE)
    mode: str | None = field("方式", max_length=32, help="到所、电话、视频、书面、信息化；走访地点；谈话事由；教育形式")
    hours: int = field("时长（小时）", 0, widget=W.INT)
    place: str | None = field("地点", max_length=64, sensitivity=S3, list_column=False)
    result: str | None = field("结果", code_table="cc_result", max_length=2)
    content: str | None = field("内容", widget=W.MULTILINE, max_length=2000, sensitivity=S3, list_column=False)
    staff: str | None = field("工作人员", max_length=32)


class CcLeave(_Correction, table=True):
    """外出 (C9–C12): who must approve is computed when it is filed (C11), before the form prints."""

    __tablename__ = "cc_leave"
    __title__ = "外出审批"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    reason: str = field("外出事由", required=True, max_length=256, sensitivity=S3)
    destination: str = field("目的地", required=True, max_length=128, sensitivity=S3)
    start: date = field("外出起", required=True, widget=W.DATE)
    end: date = field("外出止", required=True, widget=W.DATE)
    days: int = field("天数", 0, widget=W.INT)
    applied_on: date = field("申请日期", required=True, widget=W.DATE)
    contact_phone: str | None = field("外出期间联系电话", sensitivity=S.S2, widget=W.PHONE, mask=Mask.PHONE,
                                      validators=[phone], max_length=20, list_column=False)
    approver: str = field("审批机关", "01", code_table="cc_approver", max_length=2)
    station_opinion: str | None = field("司法所意见", max_length=256, list_column=False)
    decision: str = field("审批结果", "01", code_table="cc_decision", max_length=2)
    decided_on: date | None = field("审批日期", widget=W.DATE)
    certificate_no: str | None = field("外出证明编号", max_length=40)
    returned_on: date | None = field("返回报告日期", widget=W.DATE)
    overstay: bool = field("逾期未归", False, widget=W.BOOL)


class CcRegularTravel(_Correction, table=True):
    """经常性跨市县活动 (C13): one approval for at most six months."""

    __tablename__ = "cc_regular_travel"
    __title__ = "经常性跨市县活动"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    destinations: str = field("活动区域", required=True, max_length=128, sensitivity=S3)
    reason: str = field("事由", required=True, max_length=256, sensitivity=S3)
    frequency: str | None = field("频次", max_length=32)
    valid_from: date = field("有效期起", required=True, widget=W.DATE)
    valid_to: date = field("有效期止", required=True, widget=W.DATE)


class CcResidenceChange(_Correction, table=True):
    """变更执行地 (C14): each step's date, so each step's deadline can be watched."""

    __tablename__ = "cc_residence_change"
    __title__ = "变更执行地"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    new_place: str = field("新执行地", required=True, max_length=128, sensitivity=S3)
    move_on: date = field("拟迁居日期", required=True, widget=W.DATE)
    applied_on: date = field("申请日期", required=True, widget=W.DATE)
    asked_on: date | None = field("征求新执行地意见日期", widget=W.DATE)
    replied_on: date | None = field("新执行地回复日期", widget=W.DATE)
    decision: str = field("决定", "01", code_table="cc_decision", max_length=2)
    decided_on: date | None = field("决定日期", widget=W.DATE)
    told_on: date | None = field("告知本人日期", widget=W.DATE)
    files_sent_on: date | None = field("移交档案日期", widget=W.DATE)
    reported_new_on: date | None = field("到新执行地报到日期", widget=W.DATE)


class CcViolation(_Correction, table=True):
    """A violation and the station's proposal (the county decides: `CcSanctionDecision`)."""

    __tablename__ = "cc_violation"
    __title__ = "违规情况"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    occurred_on: date = field("发生日期", required=True, widget=W.DATE)
    kind: str = field("违规类别", required=True, code_table="cc_violation_kind", max_length=2, sensitivity=S3)
    days: int = field("逾期报到或脱离监管天数", 0, widget=W.INT, sensitivity=S3)
    facts: str = field("违规事实", required=True, widget=W.MULTILINE, max_length=2000, sensitivity=S3)
    evidence: str | None = field("证据", widget=W.MULTILINE, max_length=1000, sensitivity=S3, list_column=False)
    suggested: str | None = field("系统建议措施", code_table="cc_sanction", max_length=2, sensitivity=S3)
    proposed: str | None = field("司法所提请措施", code_table="cc_sanction", max_length=2, sensitivity=S3)
    proposed_on: date | None = field("提请日期", widget=W.DATE)
    corrected: bool = field("已改正", False, widget=W.BOOL)


class CcSanctionDecision(_Correction, table=True):
    """The county agency's decision on a proposal (C18–C23): made at the county, for the station; a
    proposal not granted is a decision too (不批准, the measure that was proposed), so the station sees it."""

    __tablename__ = "cc_sanction_decision"
    __title__ = "奖惩决定"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    violation_id: str | None = field("违规情况", widget=W.HIDDEN, max_length=36, index=True)
    measure: str = field("决定措施", required=True, code_table="cc_sanction", max_length=2, sensitivity=S3)
    decided_on: date = field("决定日期", required=True, widget=W.DATE)
    decision_no: str | None = field("决定书文号", max_length=64)
    basis: str | None = field("依据", max_length=256, sensitivity=S3, list_column=False)
    decision: str = field("决定结果", "02", code_table="cc_decision", max_length=2,
                          help="批准：按司法所提请的措施决定；不批准：不予采纳（理由写在说明中）")
    note: str | None = field("说明", max_length=256, sensitivity=S3, list_column=False)


class CcLocator(_Correction, table=True):
    """电子定位装置 (C25): each period at most three months; approved by the county bureau's head."""

    __tablename__ = "cc_locator"
    __title__ = "电子定位"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    trigger: str = field("适用情形", required=True, code_table="cc_locator_trigger", max_length=2, sensitivity=S3)
    approver: str = field("批准人", required=True, max_length=32)
    start: date = field("使用起", required=True, widget=W.DATE)
    end: date = field("使用止", required=True, widget=W.DATE)
    removed_on: date | None = field("解除日期", widget=W.DATE)
    extends_id: str | None = field("延长的期间", widget=W.HIDDEN, max_length=36)


class CcAssessment(_Correction, table=True):
    """Periodic assessment (考核): the score a level change rests on (C35–C36)."""

    __tablename__ = "cc_assessment"
    __title__ = "考核评议"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    period: str = field("考核期间", required=True, max_length=8, help="2024-07 或 2024-Q3")
    score: int = field("得分", required=True, widget=W.INT, sensitivity=S3)
    grade: str | None = field("等次", max_length=8, sensitivity=S3)
    assessed_on: date = field("考核日期", required=True, widget=W.DATE)


class CcMajorEvent(_Correction, table=True):
    """重大事项报告, and 脱管/漏管 as tracked events (the county's zero targets)."""

    __tablename__ = "cc_major_event"
    __title__ = "重大事项报告"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    kind: str = field("事项", required=True, code_table="cc_major_kind", max_length=2, sensitivity=S3)
    occurred_at: datetime = field("发生时间", required=True, widget=W.DATETIME)
    reported_at: datetime | None = field("报告时间", widget=W.DATETIME)
    reported_to: str | None = field("报告对象", max_length=64)
    details: str | None = field("情况", widget=W.MULTILINE, max_length=2000, sensitivity=S3, list_column=False)
    resolved_on: date | None = field("已处置日期", widget=W.DATE)


class CcRelease(_Correction, table=True):
    """解除矫正 (C29, C31): summary, appraisal, handover to 安置帮教, announcement."""

    __tablename__ = "cc_release"
    __title__ = "解除矫正"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    summary_on: date | None = field("个人总结日期", widget=W.DATE)
    appraisal: str | None = field("司法所鉴定意见", widget=W.MULTILINE, max_length=2000, sensitivity=S3)
    appraisal_on: date | None = field("鉴定日期", widget=W.DATE)
    handover_on: date | None = field("移交安置帮教日期", widget=W.DATE)
    announced_on: date | None = field("解矫宣告日期", widget=W.DATE)
    certificate_no: str | None = field("解除社区矫正证明书编号", max_length=40)


class CcTermination(_Correction, table=True):
    """终止矫正 (C30): revocation, 收监 or death."""

    __tablename__ = "cc_termination"
    __title__ = "终止矫正"
    __access__ = CHILD
    subject_id: str = _subject_ref()
    reason: str = field("终止原因", required=True, code_table="cc_termination_reason", max_length=2, sensitivity=S3)
    doc_no: str | None = field("文书文号", max_length=64)
    ended_on: date = field("终止日期", required=True, widget=W.DATE)


class CcInvestigation(_Correction, table=True):
    """调查评估 when entrusted (C34): before sentence, so no subject yet; 10 working days, 5 fast-track."""

    __tablename__ = "cc_investigation"
    __title__ = "调查评估"
    __access__ = AccessRule(s3=True)
    person_name: str = field("被调查评估人", required=True, max_length=32)
    person_id: str | None = field("人员", widget=W.REF, ref="person", max_length=36)
    commissioned_by: str = field("委托机关", required=True, max_length=64)
    received_on: date = field("收到委托日期", required=True, widget=W.DATE)
    fast_track: bool = field("速裁案件", False, widget=W.BOOL)
    items: str | None = field("调查事项", widget=W.MULTILINE, max_length=2000, sensitivity=S3, list_column=False)
    opinion: str | None = field("评估意见", code_table="cc_opinion", max_length=2, sensitivity=S3)
    submitted_on: date | None = field("提交日期", widget=W.DATE)


class CcFrequency(SyncedModel, table=True):
    """How often each activity is due per level (C35, C38): county reference data, pushed to stations."""

    __tablename__ = "cc_frequency"
    __title__ = "监管频次"
    __owner_rule__ = "county"
    __baseline_key__ = ("level", "activity")
    level: str = field("管理等级", required=True, code_table="cc_level", max_length=2)
    activity: str = field("监管活动", required=True, code_table="cc_activity", max_length=16)
    count: int = field("次数", 0, widget=W.INT)
    per: str = field("周期", required=True, code_table="cc_per", max_length=8)
    min_hours: int = field("最少时长（小时）", 0, widget=W.INT)


REF_LABELS["correction_subject"] = (CorrectionSubject.id, CorrectionSubject.name)
