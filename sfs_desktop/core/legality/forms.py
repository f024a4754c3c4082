"""The printed forms of 合法性审查 (domain.md §6.3): F-H1 送审登记表, F-H2 审查意见书 (numbered
桃×司审〔2024〕N号, the number given when the opinion is issued) and F-H4 村规民约审查意见.
Labels come from the field declarations of `.models`; the sources are in `.documents`."""

from __future__ import annotations

from sfs_desktop.core.fields import FieldSpec
from sfs_desktop.core.legality.constants import OPINION
from sfs_desktop.core.legality.models import LegalityReview
from sfs_desktop.core.printing import Rows, Seal, Signatures, Template, Terms, Text, register, spec_map

SPECS = spec_map(LegalityReview) | spec_map({
    "station": FieldSpec("司法所"), "unit": FieldSpec("送审单位"), "type_name": FieldSpec("审查事项类型"),
    "material_rows": FieldSpec("材料清单"), "suggestion_texts": FieldSpec("审查建议"),
    "clause_names": FieldSpec("相抵触条款"), "village": FieldSpec("村（社区）"), "conclusion_name": FieldSpec("审查结论"),
    "reviewers": FieldSpec("审查人员"), "materials_text": FieldSpec("审查材料"),
})

REGISTRATION = register(Template(
    id="legality.registration",
    title="合法性审查送审登记表",
    specs=SPECS,
    sections=[
        Text("送审单位：{unit}　　联系人：{contact}　{contact_phone}", style="plain"),
        Text("审查事项：{title}（{type_name}）", style="plain"),
        Text("收到日期：{received_on:official}　　审查期限：{due_on:official}", style="plain"),
        Rows("material_rows", (("name", "材料", 6), ("tick", "已提交", 1)), min_rows=2),
        Signatures(("接收人",)),
    ],
))

OPINION_FORM = register(Template(
    id=OPINION,
    title="合法性审查意见书",
    specs=SPECS,
    serial_pattern="{prefix}司审〔{year}〕{n}号",
    sections=[
        Text("{unit}：", style="plain"),
        Text("你单位送审的《{title}》（{type_name}）及{materials_text}收悉。根据《重大行政决策程序暂行条例》"
             "第二十七条等规定，经审查，意见如下："),
        Text("一、主体及权限：{finding_authority}"),
        Text("二、程序：{finding_procedure}"),
        Text("三、内容：{finding_content}"),
        Text("四、风险：{finding_risk}"),
        Text("审查结论：{conclusion_name}。"),
        Terms("suggestion_texts", heading="审查建议", blank_lines=0),
        Text("本意见仅供决策参考。请于决策后将建议采纳情况反馈我所。", style="note"),
        Signatures(("审查人员", "负责人")),
        Seal("{station}", "issued_on"),
    ],
))

VILLAGE_OPINION = register(Template(
    id="legality.village",
    title="村规民约审查意见",
    specs=SPECS,
    sections=[
        Text("{village}：", style="plain"),
        Text("你村（社区）报送的村规民约（{version}）于{adopted_on:official}经村民会议通过，"
             "已于{filed_on:official}报乡镇人民政府备案。根据《中华人民共和国村民委员会组织法》第二十七条，经审查，"
             "下列内容与宪法、法律、法规和国家的政策相抵触，或者侵犯村民的人身权利、民主权利和合法财产权利，应当改正："),
        Terms("clause_names", blank_lines=1),
        Terms("suggestion_texts", heading="审查建议", blank_lines=2),
        Seal("{station}", "issued_on"),
    ],
))

ALL = (REGISTRATION, OPINION_FORM, VILLAGE_OPINION)
