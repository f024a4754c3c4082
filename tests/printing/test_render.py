"""The engine on a generic registration form (tests/printing/sample.py), read back with poppler."""

import hashlib
import io
import re
from dataclasses import replace
from datetime import date

import pytest

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Widget, specs
from sfs_desktop.core.printing import templates
from sfs_desktop.core.printing import (
    font_set,
    Cell,
    Grid,
    PrivacyError,
    Template,
    Text,
    all_templates,
    get,
    register,
    render,
)
from sfs_desktop.core.printing.render import render_many as render_batch  # the engine part of a batch
from sfs_desktop.core.printing.fill import Fill
from tests.printing import pdf
from tests.printing.sample import LONG_FACTS, REGISTRATION, SPECS, SamplePerson, context

pytestmark = pdf.needs_tools
SERIAL = "（2024）桃示人调字第12号"


@pytest.fixture
def rendered(tmp_path):
    out = tmp_path / "registration.pdf"
    return out, render(REGISTRATION, context(), out, serial=SERIAL)


def test_form_is_a_sound_pdf_with_embedded_fonts(rendered):
    out, result = rendered
    pdf.assert_sound(out)
    assert result.path == out and result.pages == pdf.pages(out) == 1
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.copies == 3


def test_labels_come_from_the_field_declarations(rendered):
    out, _ = rendered
    text = pdf.flat(out)
    for spec in specs(SamplePerson):
        if spec.name != "id_number":
            assert spec.label in text, spec.label
    for label in ("纠纷类型", "登记日期", "涉及金额", "案件来源", "纠纷简要情况", "备注", "申请人", "被申请人"):
        assert label in text


def test_values_print_exactly(rendered):
    out, _ = rendered
    text = pdf.flat(out)
    for value in ("桃江县示例镇人民调解委员会", "人民调解受理登记表", SERIAL, "甲某某", "乙某某", "1968年3月5日",
                  "13800000001", "桃江县示例镇东湾村3组", "¥10,050.00（壹万零伍拾元整）", "宅基地纠纷",
                  "当事人申请", "调委会主动调解", "1．请求被申请人拆除占用排水沟的围墙。",
                  "本委员会受理甲某某与乙某某之间的纠纷，于二〇二四年十一月二十八日登记。",
                  "申请人（签名或盖章、按指印）：", "二〇二四年十一月二十八日"):
        assert value in text, value
    assert "第 1 页 共 1 页" in pdf.text(out)


def test_values_the_form_does_not_name_are_not_printed(rendered):
    out, _ = rendered
    assert "430922199001011234" not in pdf.flat(out)  # in the context, but no section names it


def test_long_text_flows_onto_the_next_page_inside_the_grid(tmp_path):
    out = tmp_path / "long.pdf"
    assert len(LONG_FACTS) == 2000
    result = render(REGISTRATION, context(facts=LONG_FACTS), out)
    pdf.assert_sound(out)
    n = result.pages
    assert n >= 2 and n == pdf.pages(out)
    for page in range(1, n + 1):
        assert f"第 {page} 页 共 {n} 页" in pdf.text(out, page)
    assert "纠纷简要情况（续）" in re.sub(r"\s+", "", pdf.text(out, 2))
    # the whole text is there, in order, once the labels and page numbers between pages are taken out
    noise = re.compile(r"第 \d+ 页 共 \d+ 页|纠纷简要情况|（续）")
    body = "".join(line.strip() for line in pdf.text(out).splitlines() if not noise.fullmatch(line.strip()))
    assert LONG_FACTS in body


def test_missing_values_print_blank_never_none(tmp_path):
    out = tmp_path / "blank.pdf"
    empty = {"committee": "桃江县示例镇人民调解委员会", "applicant": {"name": "甲某某"}, "respondent": None}
    render(REGISTRATION, empty, out)
    pdf.assert_sound(out)
    text = pdf.flat(out)
    assert "None" not in text and "none" not in text.lower()
    assert "人调字第" in text  # blank serial line to write the number in
    assert "本委员会受理甲某某与" in text and "之间的纠纷" in text  # an underlined blank between
    assert "1．" in text and "3．" in text  # numbered blank lines for the claims


def test_undeclared_sensitive_field_is_refused_and_nothing_written(tmp_path):
    leaky = Template(
        id="test.leaky", title="泄露测试表", specs=SPECS,
        sections=[Grid([["applicant.name", "applicant.id_number"]])],
    )
    out = tmp_path / "leaky.pdf"
    with pytest.raises(PrivacyError) as err:
        render(leaky, context(), out)
    assert "证件号码" not in str(err.value) and "身份证号" in str(err.value)
    assert list(tmp_path.iterdir()) == []
    # also through running text
    with pytest.raises(PrivacyError):
        render(replace(leaky, sections=[Text("电话：{respondent.phone}")]), context(), io.BytesIO())


def test_declared_sensitive_field_prints(tmp_path):
    allowed = Template(
        id="test.allowed", title="身份核对表", specs=SPECS, sensitive=frozenset({"applicant.id_number"}),
        sections=[Grid([["applicant.name", Cell("applicant.id_number", span=2)]])],
    )
    out = tmp_path / "allowed.pdf"
    render(allowed, context(), out)
    assert "430922199001011234" in pdf.flat(out)


def test_unknown_field_is_caught_when_the_template_is_made():
    with pytest.raises(ValueError, match="applicant.nmae"):
        Template(id="test.typo", title="错字", specs=SPECS, sections=[Grid([["applicant.nmae"]])])


def test_output_to_a_file_object_is_the_same_document(tmp_path):
    buf = io.BytesIO()
    result = render(REGISTRATION, context(), buf, serial=SERIAL)
    again = render(REGISTRATION, context(), tmp_path / "again.pdf", serial=SERIAL)
    assert result.path is None
    assert buf.getvalue().startswith(b"%PDF")
    assert result.sha256 == again.sha256 == hashlib.sha256(buf.getvalue()).hexdigest()  # reproducible


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    out = tmp_path / "form.pdf"
    out.write_bytes(b"old copy")
    render(REGISTRATION, context(), out)
    assert [p.name for p in tmp_path.iterdir()] == ["form.pdf"]
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(UserError, match="不存在"):
        render(REGISTRATION, context(), tmp_path / "no-such-dir" / "form.pdf")


def test_batch_of_forms_numbers_pages_per_document(tmp_path):
    out = tmp_path / "batch.pdf"
    contexts = [context(facts=LONG_FACTS), context(applicant={"name": "己某某"})]
    result = render_batch(REGISTRATION, contexts, out, serials=["（2024）桃示人调字第1号", "（2024）桃示人调字第2号"])
    pdf.assert_sound(out)
    long_pages = render(REGISTRATION, contexts[0], io.BytesIO()).pages
    assert result.documents == 2 and result.pages == pdf.pages(out) == long_pages + 1
    text = pdf.text(out)
    assert text.count(f"第 1 页 共 {long_pages} 页") == 1
    assert text.count("第 1 页 共 1 页") == 1
    assert "（2024）桃示人调字第2号" in pdf.text(out, long_pages + 1)


def test_registry(monkeypatch):
    monkeypatch.setattr(templates, "_REGISTRY", dict(templates._REGISTRY))  # leave no test form behind
    ids = dict(all_templates())
    assert ids["certificate.mediator_appointment"] == "人民调解员聘书"
    assert {"certificate.legal_understander", "certificate.station_setup", "certificate.work_card"} <= set(ids)
    assert get("certificate.work_card").title == "工作证"
    with pytest.raises(UserError, match="print --list"):
        get("no.such.form")
    register(REGISTRATION)
    register(REGISTRATION)  # the same template again is harmless (a module imported twice)
    with pytest.raises(ValueError, match="already registered"):
        register(replace(REGISTRATION, title="另一张表"))
    assert get("test.registration") is REGISTRATION


def test_a_date_value_prints_in_a_cell(tmp_path):
    out = tmp_path / "date.pdf"
    render(REGISTRATION, context(registered_on=date(2025, 1, 2)), out)
    assert "2025年1月2日" in pdf.flat(out) and "二〇二五年一月二日" in pdf.flat(out)


def test_check_boxes_tick_the_value():
    agreed = Cell("agreed", options=("是", "否"))
    source = Cell("source", options=("当事人申请", "调委会主动调解"))
    channels = Cell("channels", options=("电话", "上门", "信函"), span=3)
    t = Template(
        id="test.choices", title="勾选", sections=[Grid([[agreed, source], [channels]])],
        specs={"agreed": FieldSpec("达成协议", widget=Widget.BOOL), "source": FieldSpec("案件来源"),
               "channels": FieldSpec("回访方式")},
    )
    fill = Fill(t, {"agreed": False, "source": "调委会主动调解", "channels": ["电话", "上门"]}, font_set())
    assert agreed.grid_cell(fill).value.checked == {"否"}
    assert source.grid_cell(fill).value.checked == {"调委会主动调解"}
    assert channels.grid_cell(fill).value.checked == {"电话", "上门"}
    out = io.BytesIO()
    render(t, fill.context, out)
    assert out.getvalue().startswith(b"%PDF")


def test_control_characters_and_line_breaks_in_values(tmp_path):
    out = tmp_path / "ctl.pdf"
    render(REGISTRATION, context(remarks="第一行\r\n第二行\t末尾\x07\u200b。"), out)
    text = pdf.text(out)
    assert "第一行\n第二行 末尾。" in text
