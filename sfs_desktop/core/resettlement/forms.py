"""The 安置帮教 forms F-R2 to F-R8 (domain.md §5.3) as templates of the printing engine.

Declarations and fixed wording only; the values come from :mod:`.documents`. Labels come from the
models' own field declarations. Every form discloses criminal-record data (S3: only accounts with
"s3.read" print them, checked by the print service); an ID number or an address is printed only on
the 基本情况登记表 and the 未衔接人员上报表, where the form asks for it. F-R1 (the prison's notice) is
received and scanned, not printed here: its scan is attached to the person's record.
"""

from __future__ import annotations

from sfs_desktop.core.fields import FieldSpec, Sensitivity, Widget, specs
from sfs_desktop.core.printing import Cell, Grid, Opinions, Rows, Seal, Signatures, Template, Text, register, spec_map
from sfs_desktop.core.reports.printed import figures_template
from sfs_desktop.core.resettlement.models import ReleasedPerson, RpContact, RpPrerelease, RpResettlement

S3 = Sensitivity.S3


def _sensitive(model, prefix: str = "") -> frozenset[str]:
    return frozenset(f"{prefix}{s.name}" for s in specs(model) if s.sensitivity >= S3)


PERSON_S3 = _sensitive(ReleasedPerson) | _sensitive(ReleasedPerson, "released.") | {"period"}
IDENTITY = frozenset({"id_no", "household_address", "residence"})
COMMON = {"station": FieldSpec("司法所"), "period": FieldSpec("帮教期限", sensitivity=S3),
          "members": FieldSpec("帮教小组成员"), "age": FieldSpec("年龄")}
PERSON_SPECS = spec_map(COMMON, ReleasedPerson, released=ReleasedPerson)
BASICS = [["name", "gender", "age"], [Cell("offences", span=2), "sentence"]]

HANDOVER = register(Template(
    id="resettlement.handover",
    title="刑满释放人员衔接登记表",
    specs=PERSON_SPECS | spec_map({"due": FieldSpec("应衔接日期", widget=Widget.DATE),
                                   "outcome": FieldSpec("衔接情况")}),
    sensitive=PERSON_S3,
    sections=[
        Grid([*BASICS, ["prison", "release_date", "release_type"], ["notice_received_on", "due", "handover_method"],
              ["handover_on", Cell("handover_staff", span=2)], ["reported_on", Cell("outcome", span=2)]]),
        Text("重点帮教对象由司法所会同有关部门到监所接回（必接必送）；其他人员释放后持释放证明书及时报到。", style="note"),
        Signatures(["登记人（签名）"]),
        Seal("{station}", "handover_on"),
    ],
))

BASIC = register(Template(
    id="resettlement.basic",
    title="安置帮教对象基本情况登记表",
    specs=PERSON_SPECS,
    sensitive=PERSON_S3 | IDENTITY,
    sections=[
        Grid([*BASICS, [Cell("id_no", span=2), "birth_date"], [Cell("household_address", span=3)],
              [Cell("residence", span=3)], ["prison", "release_date", "certificate_no"],
              [Cell("period", span=2), "category"], [Cell("family", span=3, lines=2)],
              ["skills", Cell("health", span=2)], [Cell("needs", span=3, lines=2)]]),
        Signatures(["填表人（签名）"]),
        Seal("{station}", "handover_on"),
    ],
))

TEAM = register(Template(
    id="resettlement.team",
    title="帮教小组名单及帮教协议书",
    specs=PERSON_SPECS | spec_map({"team": FieldSpec("帮教小组成员名单")}),
    sensitive=PERSON_S3,
    sections=[
        Grid([*BASICS, [Cell("period", span=2), "category"]]),
        Rows("team", [("name", "姓名", 1.6), ("role", "身份", 2.4), ("duties", "帮教职责", 3.6), ("sign", "签名", 1.8)],
             min_rows=4),
        Text("帮教小组成员自愿承担对{name}的帮教责任：定期走访谈话，掌握思想动态，帮助解决就业、生活等实际困难，"
             "发现异常情况及时报告司法所。帮教对象应当遵纪守法，接受帮教。", style="plain"),
        Signatures(["帮教对象（签名）", "司法所（盖章）"]),
        Seal("{station}", "agreement_on"),
    ],
))

CONTACT_SPECS = PERSON_SPECS | spec_map(RpContact) | spec_map({"recorder": FieldSpec("记录人")})
CONTACT = register(Template(
    id="resettlement.contact",
    title="安置帮教对象走访（谈话）记录",
    specs=CONTACT_SPECS,
    sensitive=PERSON_S3 | {"place", "content"},
    sections=[
        Grid([["released.name", "day", "kind"], [Cell("place", span=2), "staff"]]),
        Text("走访（谈话）情况", style="heading"),
        Text("{content}", style="plain"),
        Signatures(["走访（谈话）人（签名）", "帮教对象（签名）"]),
    ],
))

MEASURES = register(Template(
    id="resettlement.measures",
    title="安置帮扶情况登记表",
    specs=PERSON_SPECS | spec_map({"measures": FieldSpec("安置帮扶情况")}) | spec_map(measure=RpResettlement),
    sensitive=PERSON_S3,
    sections=[
        Grid(BASICS),
        Rows("measures", [("kind", "措施", 2.0), ("provider", "帮扶单位（人）", 2.6), ("day", "日期", 1.8),
                          ("result", "结果", 3.0)], min_rows=4),
        Signatures(["登记人（签名）"]),
    ],
))

ENDING = register(Template(
    id="resettlement.ending",
    title="帮教期满解除登记表",
    specs=PERSON_SPECS | spec_map({"opinion": FieldSpec("司法所意见")}),
    sensitive=PERSON_S3,
    sections=[
        Grid([*BASICS, ["release_date", Cell("period", span=2)], ["ended_on", Cell("status", label="解除原因", span=2)],
              [Cell("end_summary", span=3, lines=5)]]),
        Opinions([("opinion", "{station}", "ended_on")]),
    ],
))

UNMATCHED = register(Template(
    id="resettlement.unmatched",
    title="未衔接刑满释放人员上报表",
    specs=spec_map({"station": FieldSpec("司法所"), "month": FieldSpec("名单月份"),
                    "rows": FieldSpec("未衔接人员", sensitivity=S3), "reported_on": FieldSpec("上报日期", widget=Widget.DATE)})
    | spec_map(entry=RpPrerelease),
    sensitive=frozenset({"rows"}),
    sections=[
        Text("{station}　{month} 预释放人员名单中尚未衔接的人员及查找措施：", style="plain"),
        Rows("rows", [("name", "姓名", 1.4), ("release_date", "释放日期", 1.8), ("prison", "服刑场所", 2.2),
                      ("household_address", "户籍地", 2.6), ("steps", "查找措施", 3.4)], min_rows=3),
        Signatures(["填报人（签名）", "所长（签名）"]),
        Seal("{station}", "reported_on"),
    ],
))

HALF_YEAR = register(figures_template("resettlement.half_year", "安置帮教工作半年报"))
ANNUAL = register(figures_template("resettlement.annual", "安置帮教工作年报"))
"""R9's half-year and annual reports: §5.4's figures (stats.REPORT) with their definitions beside them."""
