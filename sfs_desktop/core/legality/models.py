"""合法性审查 tables (domain.md §6.3): the review request and its numbered suggestions.

Legality reviews are S1 (the township's own documents), the station's own work: a 调解员 is
refused the tables in core's access rules (ledger, search, print, workspace). One table holds every
type of request, with the fields of one type (a contract's lease term, a 村规民约's adoption facts). Checklists the reviewer ticks (materials,
unlawful clauses) are code lists (Widget.CODE_LIST) stored as "01,03" against their code tables.
"""

from __future__ import annotations

from datetime import date

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fields import Widget as W, field, phone
from sfs_desktop.core.ledger import REF_LABELS
from sfs_desktop.core.people.models import Organization
from sfs_desktop.core.security.access import AccessRule
from sfs_desktop.core.station.models import Staff

NOT_MEDIATOR = "合法性审查由司法所工作人员办理，调解员账户不能查看或办理"
STATION_WORK = AccessRule(not_mediators=NOT_MEDIATOR)


class LegalityReview(SyncedModel, table=True):
    __tablename__ = "legality_review"
    __title__ = "合法性审查"
    __access__ = STATION_WORK
    review_no: str | None = field("审查编号", max_length=48, searchable=True,
                                  help="出具审查意见书时编号，如 桃×司审〔2024〕3号")
    item_type: str = field("审查事项类型", required=True, code_table="lh_type", max_length=2, index=True)
    title: str = field("审查事项", required=True, max_length=128, searchable=True)
    unit_id: str | None = field("送审单位", widget=W.REF, ref="organization", max_length=36)
    contact: str | None = field("联系人", max_length=32, list_column=False)
    contact_phone: str | None = field("联系电话", widget=W.PHONE, validators=[phone], max_length=20, list_column=False)
    received_on: date = field("收到日期", required=True, widget=W.DATE)
    requested_by: date | None = field("送审单位要求完成日期", widget=W.DATE, list_column=False)
    materials: str | None = field("已提交材料", widget=W.CODE_LIST, code_table="lh_material", max_length=128,
                                   list_column=False)
    returned_on: date | None = field("退回补充日期", widget=W.DATE, list_column=False)
    return_note: str | None = field("补充材料要求", widget=W.MULTILINE, max_length=256, list_column=False)
    resubmitted_on: date | None = field("补充材料收到日期", widget=W.DATE, list_column=False)
    due_on: date | None = field("审查期限", widget=W.DATE)
    state: str = field("办理状态", "01", code_table="lh_state", max_length=2, index=True)
    reviewer_id: str | None = field("审查人员", widget=W.REF, ref="staff", max_length=36)
    reviewer2_id: str | None = field("审查人员（二）", widget=W.REF, ref="staff", max_length=36, list_column=False)
    penalty_review: bool = field("行政处罚法制审核", False, widget=W.BOOL, list_column=False,
                                 help="行政处罚法第五十八条规定须经法制审核的处罚决定")
    adviser: str | None = field("咨询的法律顾问（公职律师）", max_length=64, list_column=False)
    adviser_opinion: str | None = field("法律顾问意见", widget=W.MULTILINE, max_length=1024, list_column=False)
    exploratory: bool = field("探索性改革事项", False, widget=W.BOOL, list_column=False)
    finding_authority: str | None = field("主体及权限", widget=W.MULTILINE, max_length=1024, list_column=False)
    finding_procedure: str | None = field("程序", widget=W.MULTILINE, max_length=1024, list_column=False)
    finding_content: str | None = field("内容", widget=W.MULTILINE, max_length=2048, list_column=False)
    finding_risk: str | None = field("风险", widget=W.MULTILINE, max_length=1024, list_column=False)
    lease_years: int | None = field("租赁期限（年）", widget=W.INT, list_column=False,
                                    only_when=("item_type", ("03",)))
    conclusion: str | None = field("审查结论", code_table="lh_conclusion", max_length=2)
    issued_on: date | None = field("出具日期", widget=W.DATE)
    signed_by: str | None = field("签发人", max_length=32, list_column=False)
    meeting: str | None = field("会议讨论", "不得提交会议讨论", max_length=16,
                                help="H1：未经审查或经审查不合法的，不得提交会议讨论（由程序按审查结论填写）")
    # 村规民约 (H9, H10)
    village_code: str | None = field("村（社区）", widget=W.REF, ref="admin_area", max_length=12, list_column=False)
    version: str | None = field("版本", max_length=32, list_column=False)
    clauses: str | None = field("与法律政策相抵触的条款", widget=W.CODE_LIST, code_table="lh_clause",
                                 max_length=64, list_column=False)
    adults: int | None = field("十八周岁以上村民数", widget=W.INT, list_column=False)
    present: int | None = field("到会村民数", widget=W.INT, list_column=False)
    households: int | None = field("总户数", widget=W.INT, list_column=False)
    households_present: int | None = field("到会户代表数", widget=W.INT, list_column=False)
    votes_for: int | None = field("同意票数", widget=W.INT, list_column=False)
    notice_days: int | None = field("提前通知天数", widget=W.INT, list_column=False)
    adopted_on: date | None = field("通过日期", widget=W.DATE, list_column=False)
    filed_on: date | None = field("报乡镇备案日期", widget=W.DATE, list_column=False)


class LhSuggestion(SyncedModel, table=True):
    """A numbered suggestion of an opinion and the sender's later feedback on it."""

    __tablename__ = "lh_suggestion"
    __title__ = "审查建议"
    __access__ = AccessRule(parent=("review_id", "legality_review"), not_mediators=NOT_MEDIATOR)
    review_id: str = field("合法性审查", required=True, widget=W.HIDDEN, max_length=36, index=True)
    seq: int = field("序号", 1, widget=W.INT)
    text: str = field("建议内容", required=True, widget=W.MULTILINE, max_length=1024)
    adoption: str = field("采纳情况", "01", code_table="lh_adoption", max_length=2)
    feedback_on: date | None = field("反馈日期", widget=W.DATE)



REF_LABELS.setdefault("staff", (Staff.id, Staff.name))  # the form's reviewer list (the staff roster) …
REF_LABELS.setdefault("organization", (Organization.id, Organization.name))  # … and units; names in the ledger
