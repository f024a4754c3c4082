"""安置帮教 tables (domain.md §5.2): the released person, the events of the assistance period, the
county's pre-release lists and its contact frequencies.

Every table links a person to a crime, so each is S3 like correction's (domain.md §13.2): readable
only with "s3.read", masked in lists, kept out of the search index; the county's 安置帮教办公室
receives the prisons' notices and is entitled to the rows (``__county_entitled__``).

The release notice (F-R1) is the person's row itself, entered at the county and handed over to the
station (`core.sync.assign`) with status 待衔接, or entered at the station by hand. The county's
person registry does not travel with an assignment, so `person_id` stays empty until the station
receives the person (衔接) and links the registry's person (`.work.receive`). Routine contacts
(走访, 谈话, 思想动态了解) are one table with a kind code, like correction's `cc_supervision`, so what is
due per category is one GROUP BY.
"""

from __future__ import annotations

from datetime import date

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fields import Mask, Sensitivity as S, Widget as W, field, id_number, phone
from sfs_desktop.core.ledger import REF_LABELS
from sfs_desktop.core.security.access import AccessRule

PERSON = AccessRule(s3=True)
CHILD = AccessRule(s3=True, parent=("person_id", "released_person"))
S3 = S.S3


def _person_ref():
    return field("安置帮教对象", required=True, widget=W.HIDDEN, max_length=36, index=True)


class _Resettlement(SyncedModel):
    """What every resettlement table shares: criminal-record data the county's office oversees."""

    __county_entitled__ = True


class ReleasedPerson(_Resettlement, table=True):
    __tablename__ = "released_person"
    __title__ = "安置帮教对象"
    __access__ = PERSON
    person_id: str | None = field("人员", widget=W.REF, ref="person", max_length=36, index=True,
                                  help="衔接时从人员信息库选择本人")
    name: str = field("姓名", required=True, max_length=32)
    gender: str | None = field("性别", code_table="gender", max_length=2)
    birth_date: date | None = field("出生日期", widget=W.DATE, list_column=False)
    id_no: str | None = field("公民身份号码", sensitivity=S.S2, widget=W.ID_NUMBER, mask=Mask.ID_NUMBER,
                               validators=[id_number], max_length=18, list_column=False)
    correction_subject_id: str | None = field("原社区矫正对象", widget=W.HIDDEN, max_length=36, index=True)
    # the notice (F-R1) and the case
    offences: str | None = field("罪名", max_length=128, sensitivity=S3)
    sentence: str | None = field("原判刑罚", max_length=64, sensitivity=S3, list_column=False)
    prison: str | None = field("服刑场所", max_length=64, sensitivity=S3, list_column=False)
    release_date: date = field("释放（解矫）日期", required=True, widget=W.DATE, sensitivity=S3)
    release_type: str = field("释放类别", "01", code_table="rp_release_type", max_length=2, sensitivity=S3)
    certificate_no: str | None = field("释放证明书编号", max_length=40, sensitivity=S3, list_column=False)
    household_address: str | None = field("户籍地", sensitivity=S.S2, mask=Mask.ADDRESS, max_length=128,
                                          list_column=False)
    residence: str | None = field("实际居住地", sensitivity=S.S2, mask=Mask.ADDRESS, max_length=128,
                                  list_column=False)
    area_code: str | None = field("所属村（社区）", widget=W.REF, ref="admin_area", max_length=12)
    notice_received_on: date | None = field("收到通知书日期", widget=W.DATE, list_column=False)
    report_by: date | None = field("衔接期限", widget=W.DATE, help="县局交办时限定的衔接日期")
    # 衔接 (F-R2)
    handover_method: str | None = field("衔接方式", code_table="rp_handover", max_length=2)
    handover_on: date | None = field("衔接日期", widget=W.DATE)
    handover_staff: str | None = field("接送人员", max_length=64, list_column=False)
    reported_on: date | None = field("报到日期", widget=W.DATE, list_column=False)
    # the assistance period (R2), category and risk (R7), team agreement, status
    # computed (R2) when the notice is entered here or the person is received: a notice the county
    # hands over arrives without them
    period_from: date | None = field("帮教期起", widget=W.DATE, sensitivity=S3, list_column=False)
    period_to: date | None = field("帮教期止", widget=W.DATE, sensitivity=S3)
    category: str = field("帮教类别", "2", code_table="rp_category", max_length=2, sensitivity=S3)
    risk: str | None = field("风险等级", code_table="cc_risk", max_length=2, sensitivity=S3, list_column=False)
    family: str | None = field("家庭情况", max_length=256, sensitivity=S3, list_column=False)
    skills: str | None = field("劳动技能", max_length=128, list_column=False)
    health: str | None = field("健康状况", max_length=128, sensitivity=S3, list_column=False)
    needs: str | None = field("帮扶需求", max_length=256, list_column=False)
    agreement_on: date | None = field("帮教协议签订日期", widget=W.DATE, list_column=False)
    status: str = field("状态", "01", code_table="rp_status", max_length=2, sensitivity=S3, index=True)
    ended_on: date | None = field("解除（注销）日期", widget=W.DATE, list_column=False)
    end_summary: str | None = field("帮教小结", widget=W.MULTILINE, max_length=2000, sensitivity=S3,
                                    list_column=False)


class RpTeamMember(_Resettlement, table=True):
    """帮教小组 (F-R4): village cadre, police officer, family, volunteer."""

    __tablename__ = "rp_team_member"
    __title__ = "帮教小组成员"
    __access__ = CHILD
    person_id: str = _person_ref()
    name: str = field("姓名", required=True, max_length=32)
    role: str = field("身份", required=True, code_table="rp_team_role", max_length=2)
    phone: str | None = field("联系电话", sensitivity=S.S2, widget=W.PHONE, mask=Mask.PHONE, validators=[phone],
                              max_length=20)
    duties: str | None = field("帮教职责", max_length=128, list_column=False)
    active: bool = field("在组", True, widget=W.BOOL)


class RpCategoryChange(_Resettlement, table=True):
    """Category and risk history (R7, dynamic): the person row holds the current values."""

    __tablename__ = "rp_category_change"
    __title__ = "帮教类别调整"
    __access__ = CHILD
    person_id: str = _person_ref()
    changed_on: date = field("调整日期", required=True, widget=W.DATE)
    category: str = field("帮教类别", required=True, code_table="rp_category", max_length=2, sensitivity=S3)
    risk: str | None = field("风险等级", code_table="cc_risk", max_length=2, sensitivity=S3)
    reason: str = field("调整理由", required=True, max_length=256, sensitivity=S3)


class RpContact(_Resettlement, table=True):
    """走访, 谈话 and 思想动态了解 (F-R5), counted against the county's frequencies (R10)."""

    __tablename__ = "rp_contact"
    __title__ = "走访谈话记录"
    __access__ = CHILD
    person_id: str = _person_ref()
    kind: str = field("类别", required=True, code_table="rp_contact_kind", max_length=16)
    day: date = field("日期", required=True, widget=W.DATE)
    place: str | None = field("地点", max_length=64, sensitivity=S3, list_column=False)
    content: str | None = field("内容", widget=W.MULTILINE, max_length=2000, sensitivity=S3, list_column=False)
    staff: str | None = field("工作人员", max_length=32)


class RpResettlement(_Resettlement, table=True):
    """安置帮扶 (R11, F-R6): employment, relief, training, household registration …"""

    __tablename__ = "rp_resettlement"
    __title__ = "安置帮扶情况"
    __access__ = CHILD
    person_id: str = _person_ref()
    kind: str = field("安置帮扶措施", required=True, code_table="rp_measure", max_length=2)
    day: date = field("日期", required=True, widget=W.DATE)
    provider: str | None = field("帮扶单位（人）", max_length=64)
    result: str | None = field("结果", max_length=256, list_column=False)


class RpReoffence(_Resettlement, table=True):
    """重新犯罪 within the assistance period: the person leaves the register (收监)."""

    __tablename__ = "rp_reoffence"
    __title__ = "重新违法犯罪"
    __access__ = CHILD
    person_id: str = _person_ref()
    day: date = field("日期", required=True, widget=W.DATE)
    offence: str = field("违法犯罪情况", required=True, max_length=256, sensitivity=S3)
    source: str | None = field("信息来源", max_length=64)


class RpLostContact(_Resettlement, table=True):
    """失联: from when, the measures taken, when found again."""

    __tablename__ = "rp_lost_contact"
    __title__ = "失联情况"
    __access__ = CHILD
    person_id: str = _person_ref()
    lost_on: date = field("失联日期", required=True, widget=W.DATE)
    measures: str | None = field("查找措施", widget=W.MULTILINE, max_length=1000, sensitivity=S3)
    found_on: date | None = field("找到日期", widget=W.DATE)


class RpPrerelease(_Resettlement, table=True):
    """A person on the county's monthly pre-release list (R9): found (matched to a released person)
    or not yet found (未衔接), with the steps taken, reported monthly (F-R8)."""

    __tablename__ = "rp_prerelease"
    __title__ = "预释放人员名单"
    __access__ = AccessRule(s3=True)
    list_month: str = field("名单月份", required=True, max_length=7, help="2024-07")
    name: str = field("姓名", required=True, max_length=32)
    gender: str | None = field("性别", code_table="gender", max_length=2)
    id_no: str | None = field("公民身份号码", sensitivity=S.S2, widget=W.ID_NUMBER, mask=Mask.ID_NUMBER,
                               validators=[id_number], max_length=18, list_column=False)
    prison: str | None = field("服刑场所", max_length=64, sensitivity=S3, list_column=False)
    release_date: date = field("预计释放日期", required=True, widget=W.DATE, sensitivity=S3)
    household_address: str | None = field("户籍地", sensitivity=S.S2, mask=Mask.ADDRESS, max_length=128,
                                          list_column=False)
    matched_id: str | None = field("已衔接对象", widget=W.HIDDEN, max_length=36, index=True)
    steps: str | None = field("查找措施", widget=W.MULTILINE, max_length=1000, sensitivity=S3, list_column=False)
    reported_on: date | None = field("上报未衔接日期", widget=W.DATE)


class RpFrequency(SyncedModel, table=True):
    """How often each contact is due per category (R10): county reference data, pushed to stations."""

    __tablename__ = "rp_frequency"
    __title__ = "帮教频次"
    __owner_rule__ = "county"
    __baseline_key__ = ("category", "activity")
    category: str = field("帮教类别", required=True, code_table="rp_category", max_length=2)
    activity: str = field("帮教活动", required=True, code_table="rp_contact_kind", max_length=16)
    count: int = field("次数", 1, widget=W.INT)
    per: str = field("周期", required=True, code_table="cc_per", max_length=8)


REF_LABELS["released_person"] = (ReleasedPerson.id, ReleasedPerson.name)
