"""The one registry of natural persons and organisations shared by every duty (domain.md §2)."""

from __future__ import annotations

from datetime import date

from sfs_desktop.core.db.synced import SyncedModel
from sfs_desktop.core.idcheck import GB11643_ID_TYPES
from sfs_desktop.core.fields import Mask, Sensitivity as S, Widget as W, field, id_number, not_future, phone, uscc


class Person(SyncedModel, table=True):
    __tablename__ = "person"
    __title__ = "人员"
    name: str = field("姓名", required=True, max_length=32, searchable=True)
    former_name: str | None = field("曾用名", max_length=32, list_column=False)
    gender: str | None = field("性别", code_table="gender", max_length=2)
    ethnicity: str | None = field("民族", code_table="ethnicity", max_length=2, list_column=False)
    birth_date: date | None = field("出生日期", widget=W.DATE, validators=[not_future])
    id_type: str = field("证件类型", "01", code_table="id_type", max_length=2, list_column=False)
    id_number: str | None = field("证件号码", sensitivity=S.S2, widget=W.ID_NUMBER, mask=Mask.ID_NUMBER,
                                  validators=[id_number], only_when=("id_type", GB11643_ID_TYPES), max_length=18)
    person_key: str | None = field("人员识别码", widget=W.HIDDEN, max_length=64, index=True, list_column=False,
                                   help="证件号码的 HMAC，用于发现重复登记而不暴露号码")
    household_address: str | None = field("户籍地址", sensitivity=S.S2, mask=Mask.ADDRESS, max_length=128, list_column=False)
    residence_address: str | None = field("居住地址", sensitivity=S.S2, mask=Mask.ADDRESS, max_length=128, list_column=False)
    area_code: str | None = field("所属村（社区）", widget=W.REF, ref="admin_area", max_length=12)
    phone: str | None = field("联系电话", sensitivity=S.S2, widget=W.PHONE, mask=Mask.PHONE, validators=[phone], max_length=20)
    education: str | None = field("文化程度", code_table="education", max_length=16, list_column=False)
    occupation: str | None = field("职业", max_length=32, list_column=False)
    employer: str | None = field("工作单位", max_length=64, list_column=False)
    marital_status: str | None = field("婚姻状况", code_table="marital_status", max_length=2, list_column=False)
    merged_into: str | None = field("已合并到", widget=W.HIDDEN, max_length=36, list_column=False)


class Organization(SyncedModel, table=True):
    __tablename__ = "organization"
    __title__ = "单位"
    name: str = field("单位名称", required=True, max_length=64, searchable=True)
    uscc: str | None = field("统一社会信用代码", widget=W.USCC, validators=[uscc], max_length=18)
    org_type: str | None = field("单位类型", code_table="org_type", max_length=8)
    legal_rep: str | None = field("法定代表人", max_length=32)
    address: str | None = field("地址", max_length=128, list_column=False)
    phone: str | None = field("联系电话", widget=W.PHONE, validators=[phone], max_length=20)
