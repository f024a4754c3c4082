"""The station itself, its staff, and the villages/communities it serves (domain.md §2)."""

from __future__ import annotations

from datetime import date

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.fields import Mask, Sensitivity as S, Widget as W, field, id_number, not_future, phone


class Station(SyncedModel, table=True):
    __tablename__ = "station"
    __title__ = "司法所"
    station_code: str = field("司法所代码", required=True, max_length=16, index=True, searchable=True)
    name: str = field("司法所名称", required=True, max_length=64, searchable=True, help="统一格式：桃江县司法局××司法所")
    township_code: str = field("乡镇代码", max_length=12)
    township_name: str = field("乡镇名称", max_length=32)
    address: str | None = field("办公地址", max_length=128)
    phone: str | None = field("联系电话", widget=W.PHONE, validators=[phone], max_length=20)
    head_name: str | None = field("所长", max_length=32)


class Staff(SyncedModel, table=True):
    """A person working at the station; drives the standardisation checklist (§11)."""

    __tablename__ = "staff"
    __title__ = "工作人员"
    name: str = field("姓名", required=True, max_length=32, searchable=True)
    id_number: str | None = field("身份证号", sensitivity=S.S2, widget=W.ID_NUMBER, mask=Mask.ID_NUMBER,
                                  validators=[id_number], max_length=18, list_column=False)
    gender: str | None = field("性别", code_table="gender", max_length=2)
    birth_date: date | None = field("出生日期", widget=W.DATE, validators=[not_future])
    post: str | None = field("岗位", code_table="staff_post", max_length=16)
    establishment: str | None = field("编制类型", code_table="establishment", max_length=16)
    education: str | None = field("学历", code_table="education", max_length=16)
    major: str | None = field("专业", max_length=32, list_column=False)
    legal_qualification: bool = field("法律职业资格", False, widget=W.BOOL)
    qualification_no: str | None = field("资格证号", max_length=32, list_column=False)
    party_member: bool = field("中共党员", False, widget=W.BOOL)
    hire_date: date | None = field("入职日期", widget=W.DATE)
    phone: str | None = field("联系电话", sensitivity=S.S2, widget=W.PHONE, mask=Mask.PHONE, validators=[phone], max_length=20)
    active: bool = field("在岗", True, widget=W.BOOL)


class AdminArea(SyncedModel, table=True):
    """A village, community or group of the township (12-digit 统计用区划代码)."""

    __tablename__ = "admin_area"
    __title__ = "村（社区）"
    code: str = field("区划代码", required=True, max_length=12, index=True)
    name: str = field("名称", required=True, max_length=32, searchable=True)
    level: str = field("层级", code_table="area_level", required=True, max_length=8)
    parent_code: str | None = field("上级代码", max_length=12, list_column=False)
