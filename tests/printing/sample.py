"""A generic registration form for the printing tests and benchmark, with fictitious data.

The models live in their own SQLAlchemy registry so they never join the program's metadata
(migrations and create_all stay untouched).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from sfs_desktop.core.fields import FieldSpec, Mask, Sensitivity, Widget, field
from sfs_desktop.core.printing import Cell, Grid, Group, Seal, Signatures, Template, Terms, Text, spec_map


class _Base(SQLModel, registry=registry()):
    pass


class SamplePerson(_Base, table=True):
    __tablename__ = "sample_person"
    id: int | None = Field(default=None, primary_key=True)
    name: str = field("姓名", required=True)
    gender: str | None = field("性别", code_table="gender")
    ethnicity: str | None = field("民族", code_table="ethnicity")
    birth_date: date | None = field("出生日期", widget=Widget.DATE)
    occupation: str | None = field("职业或职务")
    id_number: str | None = field("身份证号", sensitivity=Sensitivity.S2, widget=Widget.ID_NUMBER, mask=Mask.ID_NUMBER)
    phone: str | None = field("联系方式", sensitivity=Sensitivity.S2, widget=Widget.PHONE, mask=Mask.PHONE)
    address: str | None = field("单位或住址", sensitivity=Sensitivity.S2, mask=Mask.ADDRESS)


class SampleCase(_Base, table=True):
    __tablename__ = "sample_case"
    id: int | None = Field(default=None, primary_key=True)
    dispute_type: str | None = field("纠纷类型", code_table="dispute_type")
    registered_on: date | None = field("登记日期", widget=Widget.DATE)
    amount: Decimal | None = field("涉及金额", widget=Widget.MONEY)
    source: str | None = field("案件来源", code_table="case_source")
    facts: str | None = field("纠纷简要情况", widget=Widget.MULTILINE)
    remarks: str | None = field("备注")


SPECS = spec_map(
    SampleCase,
    {"committee": FieldSpec("调解委员会"), "claims": FieldSpec("申请事项")},
    applicant=SamplePerson,
    respondent=SamplePerson,
)


def party(prefix: str) -> Group:
    return Group(
        {"applicant": "申请人", "respondent": "被申请人"}[prefix],
        [
            [f"{prefix}.name", f"{prefix}.gender", f"{prefix}.ethnicity"],
            [f"{prefix}.birth_date", f"{prefix}.occupation", f"{prefix}.phone"],
            [Cell(f"{prefix}.address", span=3)],
        ],
    )


REGISTRATION = Template(
    id="test.registration",
    title="人民调解受理登记表",
    specs=SPECS,
    sensitive=frozenset({"applicant.phone", "applicant.address", "respondent.phone", "respondent.address"}),
    serial_kind="人调",
    head="{committee}",
    copies=lambda ctx: 3,
    sections=[
        Grid([
            party("applicant"),
            party("respondent"),
            ["dispute_type", Cell("amount", span=2)],
            ["registered_on", Cell("source", span=2, options=("当事人申请", "调委会主动调解"))],
            [Cell("facts", span=3, lines=5)],
            [Cell("remarks", span=3)],
        ]),
        Text("经双方当事人同意，本委员会受理{applicant.name}与{respondent.name}之间的纠纷，于{registered_on:official}登记。"),
        Terms("claims", heading="申请事项"),
        Signatures(["申请人（签名或盖章、按指印）", "登记人（签名）"]),
        Seal("{committee}", date="registered_on"),
    ],
)


def person(name: str, gender: str, born: date, village: str, phone: str) -> dict:
    return {
        "name": name,
        "gender": gender,
        "ethnicity": "汉族",
        "birth_date": born,
        "occupation": "农民",
        "id_number": "430922199001011234",
        "phone": phone,
        "address": f"桃江县示例镇{village}村3组",
    }


def context(**changes) -> dict:
    """A complete, obviously fictitious record; keyword arguments replace values."""
    values = {
        "committee": "桃江县示例镇人民调解委员会",
        "applicant": person("甲某某", "男", date(1968, 3, 5), "东湾", "13800000001"),
        "respondent": person("乙某某", "女", date(1975, 9, 30), "西岭", "13900000002"),
        "dispute_type": "宅基地纠纷",
        "registered_on": date(2024, 11, 28),
        "amount": Decimal("10050"),
        "source": "当事人申请",
        "facts": "双方系相邻住户，因屋后排水沟走向发生争执，申请人认为被申请人新砌围墙占用了排水沟。",
        "remarks": "",
        "claims": ["请求被申请人拆除占用排水沟的围墙。", "请求恢复排水沟原走向，费用由被申请人承担。"],
    }
    values.update(changes)
    return values


LONG_FACTS = (("申请人与被申请人系邻居，二〇二三年春因宅基地边界及排水沟走向发生争议，"
               "多次协商未果，村民小组长曾到场调处，双方各执一词。") * 40)[:2000]


def certificate_contexts() -> dict[str, tuple[dict, str | None]]:
    """A fictitious record and serial for each built-in certificate."""
    return {
        "certificate.mediator_appointment": ({
            "name": "丙某某", "committee": "桃江县示例镇东湾村人民调解委员会",
            "term_start": date(2024, 1, 1), "term_end": date(2026, 12, 31),
            "issuer": "桃江县示例镇人民调解委员会", "issued_on": date(2024, 1, 1),
        }, "（2024）桃示聘字第3号"),
        "certificate.legal_understander": ({
            "name": "丁某某", "village": "桃江县示例镇西岭村", "issuer": "桃江县司法局",
            "issued_on": date(2024, 11, 28),
        }, "（2024）桃示法明字第15号"),
        "certificate.station_setup": ({
            "station_name": "桃江县司法局示例司法所", "station_code": "430922999",
            "issued_on": date(2024, 11, 28),
            "recovery_key": "7QK4M2XD9HTRC3WPE8NA5JVBK6YF2GZSQ4DM8RTXA7CH3PLWN9VE",
            "fingerprint": "SHA256:3F2A 9C1B 77E0 D4A5",
        }, None),
        "certificate.work_card": ({
            "name": "戊某某", "unit": "桃江县司法局示例司法所", "post": "司法所工作人员",
            "issuer": "桃江县司法局", "issued_on": date(2024, 11, 28), "valid_until": date(2029, 11, 27),
        }, "桃司工字第007号"),
    }
