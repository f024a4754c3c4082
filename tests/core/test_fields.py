"""One declaration per field: labels, sensitivity, validation all come from it."""

from datetime import date, timedelta

import pytest

from sfs_desktop.core.fields import Mask, Sensitivity, Widget, FieldSpec, sensitive_fields, spec_of, specs, validate
from sfs_desktop.core.people.models import Organization, Person


def test_specs_come_in_column_order_with_names():
    names = [s.name for s in specs(Person)]
    assert names[:3] == ["name", "former_name", "gender"]
    assert spec_of(Person, "id_number").label == "证件号码"


def test_sensitive_fields_are_declared_not_guessed():
    assert set(sensitive_fields(Person)) == {"id_number", "household_address", "residence_address", "phone"}
    spec = spec_of(Person, "phone")
    assert spec.sensitivity == Sensitivity.S2 and spec.mask == Mask.PHONE and spec.widget == Widget.PHONE


def test_s2_fields_cannot_be_indexed_for_search():
    with pytest.raises(ValueError, match="search index"):
        FieldSpec(label="身份证号", sensitivity=Sensitivity.S2, searchable=True)


def test_validate_reports_every_problem_in_chinese():
    problems = validate(Person, {"name": " ", "id_number": "110105194912310021", "phone": "12345",
                                 "birth_date": date.today() + timedelta(days=1)})
    messages = {p.field: p.message for p in problems}
    assert messages["name"] == "“姓名”必须填写"
    assert "校验码应为 X" in messages["id_number"] and messages["id_number"].startswith("“证件号码”")
    assert "11 位手机号" in messages["phone"]
    assert messages["birth_date"] == "“出生日期”不能晚于今天"
    assert all(p.is_error for p in problems)


def test_valid_values_pass():
    assert validate(Person, {"name": "王五", "id_number": "11010519491231002X", "phone": "13800001234"}) == []


def test_code_values_checked_against_the_table():
    lookup = lambda kind, code: (kind, code) in {("gender", "1"), ("gender", "2")}  # noqa: E731
    problems = validate(Person, {"name": "王五", "gender": "9"}, code_lookup=lookup)
    assert [p.message for p in problems] == ["“性别”的值“9”不在代码表中"]


def test_uscc_checksum_failure_is_only_a_warning():
    problems = validate(Organization, {"name": "某公司", "uscc": "91350203M0001QAY9B"})
    assert len(problems) == 1 and problems[0].level == "warning"


def test_too_long_text_is_refused():
    problems = validate(Person, {"name": "王" * 40})
    assert problems[0].message == "“姓名”不能超过 32 个字（现有 40 个）"
