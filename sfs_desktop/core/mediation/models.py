"""人民调解 tables (domain.md §3.2): committees, mediators, cases and what a case file holds.

All are station-owned synced tables. Case-scoped rows declare the committee rule, so a 调解员
account sees only its own committee's records (core.security.access).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import JSON

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fields import Widget as W, field, money, not_future, phone
from sfs_desktop.core.ledger import LOOKUP_LABELS, REF_LABELS
from sfs_desktop.core.people.models import Person
from sfs_desktop.core.security.access import AccessRule


class MediationCommittee(SyncedModel, table=True):
    __tablename__ = "mediation_committee"
    __title__ = "调解委员会"
    __access__ = AccessRule(committee_field="id")
    name: str = field("调解委员会名称", required=True, max_length=64, searchable=True)
    committee_type: str = field("类型", required=True, code_table="committee_type", max_length=4)
    area_code: str | None = field("所在村（社区）", widget=W.REF, ref="admin_area", max_length=12)
    established_on: date | None = field("成立日期", widget=W.DATE)
    term_start: date | None = field("本届任期开始", widget=W.DATE)
    term_end: date | None = field("本届任期届满", widget=W.DATE)
    director_name: str | None = field("主任", max_length=32)
    phone: str | None = field("联系电话", widget=W.PHONE, validators=[phone], max_length=20)
    active: bool = field("在运行", True, widget=W.BOOL)


class Mediator(SyncedModel, table=True):
    __tablename__ = "mediator"
    __title__ = "人民调解员"
    __access__ = AccessRule(committee_field="committee_id")
    person_id: str = field("人员", required=True, widget=W.REF, ref="person", max_length=36, index=True)
    name: str = field("姓名", required=True, max_length=32, searchable=True)
    gender: str | None = field("性别", code_table="gender", max_length=2)
    committee_id: str = field("调解委员会", required=True, widget=W.REF, ref="mediation_committee", max_length=36, index=True)
    role: str = field("职务", "03", code_table="mediator_role", max_length=4)
    full_time: bool = field("专职", False, widget=W.BOOL)
    appointed_on: date | None = field("聘任日期", widget=W.DATE)
    status: str = field("状态", "01", code_table="mediator_status", max_length=4)
    status_reason: str | None = field("状态原因", max_length=128, list_column=False)
    trainings: list = field("培训记录", widget=W.HIDDEN, default_factory=list, sa_type=JSON, list_column=False)


class MediationCase(SyncedModel, table=True):
    __tablename__ = "mediation_case"
    __title__ = "调解案件"
    __access__ = AccessRule(committee_field="committee_id")
    case_no: str | None = field("案号", max_length=40, searchable=True, index=True)
    committee_id: str = field("调解委员会", required=True, widget=W.REF, ref="mediation_committee", max_length=36, index=True)
    status: str = field("状态", "draft", code_table="case_status", max_length=12, index=True)
    source: str = field("案件来源", "01", code_table="case_source", max_length=4)
    received_date: date | None = field("受理日期", widget=W.DATE, index=True)
    dispute_type: str = field("纠纷类型", required=True, code_table="dispute_type", max_length=4)
    summary: str = field("纠纷简要情况", required=True, widget=W.MULTILINE, max_length=4000, list_column=False)
    request: str | None = field("申请事项", widget=W.MULTILINE, max_length=2000, list_column=False)
    amount_involved: str | None = field("涉及金额（元）", widget=W.MONEY, validators=[money], max_length=16)
    mediator_ids: list = field("调解员", widget=W.HIDDEN, default_factory=list, sa_type=JSON, list_column=False)
    invitees: str | None = field("邀请参与人员", max_length=256, list_column=False)
    public_session: bool = field("公开调解", False, widget=W.BOOL, list_column=False)
    escalation_risk: bool = field("有激化风险", False, widget=W.BOOL, list_column=False)
    escalation_reported_to: str | None = field("已报告单位", max_length=64, list_column=False)
    result: str | None = field("调解结果", code_table="case_result", max_length=4)
    agreement_form: str | None = field("协议形式", code_table="agreement_form", max_length=4, list_column=False)
    agreement_date: date | None = field("协议生效日期", widget=W.DATE, list_column=False)
    performance: str | None = field("履行情况", code_table="performance", max_length=4, list_column=False)
    performance_deadline: date | None = field("履行期限", widget=W.DATE, list_column=False)
    continue_consent_on: date | None = field("双方同意延长调解日期", widget=W.DATE, list_column=False)
    informed_other_routes: bool = field("已告知其他解决途径", False, widget=W.BOOL, list_column=False)
    closed_date: date | None = field("结案日期", widget=W.DATE)
    archived_date: date | None = field("归档日期", widget=W.DATE, list_column=False)
    confirmation_applied_on: date | None = field("申请司法确认日期", widget=W.DATE, list_column=False)
    confirmation_court: str | None = field("确认法院", max_length=64, list_column=False)
    prevented_criminal: int = field("防止民转刑（人）", 0, widget=W.INT, list_column=False)
    prevented_petition: int = field("防止群体性上访（人）", 0, widget=W.INT, list_column=False)
    prevented_fight: bool = field("制止群体性械斗", False, widget=W.BOOL, list_column=False)
    prevented_suicide: bool = field("防止自杀", False, widget=W.BOOL, list_column=False)
    rejection_reason: str | None = field("不予受理理由", max_length=256, list_column=False)


class MediationParty(SyncedModel, table=True):
    __tablename__ = "mediation_party"
    __title__ = "调解当事人"
    case_id: str = field("案件", required=True, widget=W.HIDDEN, max_length=36, index=True)
    role: str = field("当事人类别", required=True, code_table="party_role", max_length=4)
    person_id: str | None = field("当事人（个人）", widget=W.REF, ref="person", max_length=36)
    organization_id: str | None = field("当事人（单位）", widget=W.REF, ref="organization", max_length=36)
    agent_name: str | None = field("委托代理人", max_length=32)
    signed: bool = field("已签名", False, widget=W.BOOL)


class MediationAgreement(SyncedModel, table=True):
    __tablename__ = "mediation_agreement"
    __title__ = "调解协议"
    case_id: str = field("案件", required=True, widget=W.HIDDEN, max_length=36, index=True)
    form: str = field("协议形式", "1", code_table="agreement_form", max_length=4)
    facts: str = field("纠纷主要事实、争议事项及各方责任", required=True, widget=W.MULTILINE, max_length=4000)
    terms: list = field("协议内容", widget=W.HIDDEN, default_factory=list, sa_type=JSON)
    manner: str | None = field("履行方式、地点、期限", widget=W.MULTILINE, max_length=1000)
    mediator_signed: bool = field("调解员已签名", False, widget=W.BOOL)
    seal_affixed: bool = field("已加盖调委会印章", False, widget=W.BOOL)
    signed_date: date | None = field("签订日期", widget=W.DATE)


class FollowUpVisit(SyncedModel, table=True):
    __tablename__ = "mediation_follow_up"
    __title__ = "回访记录"
    __access__ = AccessRule(parent=("case_id", "mediation_case"))
    case_id: str = field("案件", required=True, widget=W.HIDDEN, max_length=36, index=True)
    visit_date: date = field("回访日期", required=True, widget=W.DATE)
    visitee: str = field("回访对象", required=True, max_length=32)
    method: str = field("回访方式", "1", code_table="visit_method", max_length=4)
    performance: str | None = field("履行情况", code_table="performance", max_length=4)
    satisfaction: str | None = field("满意度", code_table="satisfaction", max_length=4)
    notes: str | None = field("回访情况", widget=W.MULTILINE, max_length=2000)


class DisputeScreening(SyncedModel, table=True):
    __tablename__ = "dispute_screening"
    __title__ = "矛盾纠纷排查"
    screened_on: date = field("排查日期", required=True, widget=W.DATE, validators=[not_future])
    scope: str = field("排查范围", required=True, max_length=64)
    screened_by: str | None = field("排查人", max_length=32)
    found: str | None = field("发现的纠纷", widget=W.MULTILINE, max_length=2000)
    found_count: int = field("发现纠纷数", 0, widget=W.INT)
    risk_level: str | None = field("风险等级", code_table="risk_level", max_length=4)
    measures: str | None = field("化解措施", widget=W.MULTILINE, max_length=1000, list_column=False)
    responsible: str | None = field("责任人", max_length=32)
    target_date: date | None = field("限期", widget=W.DATE)
    case_id: str | None = field("转为案件", widget=W.HIDDEN, max_length=36)


class GuidanceRecord(SyncedModel, table=True):
    __tablename__ = "mediation_guidance"
    __title__ = "指导记录"
    __access__ = AccessRule(committee_field="committee_id")
    guided_on: date = field("指导日期", required=True, widget=W.DATE, validators=[not_future])
    committee_id: str = field("调解委员会", required=True, widget=W.REF, ref="mediation_committee", max_length=36)
    form: str = field("指导形式", required=True, max_length=32)
    problems: str | None = field("发现的问题", widget=W.MULTILINE, max_length=2000)
    follow_up: str | None = field("整改跟进", widget=W.MULTILINE, max_length=2000)



class MediationRecord(SyncedModel, table=True):
    """调查记录 (F-M6) and 调解记录 (F-M7): what was asked and said, entered after each sitting."""

    __tablename__ = "mediation_record"
    __title__ = "调查与调解记录"
    __access__ = AccessRule(parent=("case_id", "mediation_case"))
    case_id: str = field("案件", required=True, widget=W.HIDDEN, max_length=36, index=True)
    kind: str = field("记录类别", "2", code_table="mediation_record_kind", max_length=4)
    held_on: date = field("时间", required=True, widget=W.DATE, validators=[not_future])
    place: str = field("地点", required=True, max_length=64)
    conducted_by: str = field("调查人（调解员）", required=True, max_length=64)
    recorder: str | None = field("记录人", max_length=32)
    present: str | None = field("在场人员", max_length=256, list_column=False)
    subject: str | None = field("事由", max_length=128)
    body: str = field("记录内容", required=True, widget=W.MULTILINE, max_length=8000, list_column=False)
    outcome: str | None = field("调解结果", widget=W.MULTILINE, max_length=2000, list_column=False)


class MediatorTraining(SyncedModel, table=True):
    """A training the station organised or sent mediators to (业务培训), with who attended."""

    __tablename__ = "mediator_training"
    __title__ = "调解员培训"
    held_on: date = field("培训日期", required=True, widget=W.DATE, validators=[not_future])
    topic: str = field("培训内容", required=True, max_length=128, searchable=True)
    organiser: str | None = field("组织单位", max_length=64)
    hours: int = field("学时", 2, widget=W.INT)
    attendee_ids: list = field("参训调解员", widget=W.HIDDEN, default_factory=list, sa_type=JSON, list_column=False)
    notes: str | None = field("备注", widget=W.MULTILINE, max_length=1000, list_column=False)


REF_LABELS["mediation_committee"] = (MediationCommittee.id, MediationCommittee.name)
LOOKUP_LABELS.setdefault("person", (Person.id, Person.name))  # a mediator's 人员 by name, not by key
