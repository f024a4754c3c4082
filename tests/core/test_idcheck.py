"""ID-number and USCC checks of domain.md §14, with the vectors the spec lists."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sfs_desktop.core import fields
from sfs_desktop.core.idcheck import (
    IdResult,
    check_id_number,
    check_uscc,
    id_check_char,
    make_id_number,
    make_uscc,
    org_code_check_char,
    uscc_check_char,
)

TODAY = date(2025, 6, 30)

# --- 居民身份证号 --------------------------------------------------------------------------


def test_standard_example_is_valid():
    r = check_id_number("11010519491231002X", today=TODAY)
    assert r == IdResult(True, "", "11010519491231002X", date(1949, 12, 31), "女", ())


def test_second_vector_is_valid_and_male():
    r = check_id_number("34052419800101001X", today=TODAY)
    assert r.ok and r.message == ""
    assert r.birth_date == date(1980, 1, 1)
    assert r.sex == "男"  # 17th digit 1 is odd


@pytest.mark.parametrize(
    ("number", "actual"),
    [("110105194912310021", "1"), ("340524198001010013", "3")],
)
def test_wrong_check_digit_names_the_expected_one(number, actual):
    r = check_id_number(number, today=TODAY)
    assert not r.ok
    assert f"校验码应为 X，实际为 {actual}" in r.message
    assert r.normalized is None and r.birth_date is None and r.sex is None


def test_lower_case_x_and_whitespace_are_accepted():
    r = check_id_number("  11010519491231002x\t", today=TODAY)
    assert r.ok and r.normalized == "11010519491231002X"


def test_full_width_input_is_folded():
    r = check_id_number("１１０１０５１９４９１２３１００２ｘ", today=TODAY)
    assert r.ok and r.normalized == "11010519491231002X"


def test_id_check_char_by_hand():
    # Σ digit×weight for 11010519491231002 is 167; 167 mod 11 = 2 → "10X98765432"[2] = X.
    assert id_check_char("11010519491231002") == "X"
    assert id_check_char("34052419800101001") == "X"


def test_impossible_birth_date():
    # 19490230 with a correct check character still fails on the date.
    first17 = "11010519490230002"
    r = check_id_number(first17 + id_check_char(first17), today=TODAY)
    assert not r.ok
    assert "出生日期 1949-02-30 不存在" in r.message


@pytest.mark.parametrize(
    ("birth", "message"),
    [("18991231", "出生日期 1899-12-31 早于 1900 年"), ("20250701", "出生日期 2025-07-01 晚于今天（2025-06-30）")],
)
def test_birth_date_out_of_range(birth, message):
    first17 = f"430922{birth}001"
    r = check_id_number(first17 + id_check_char(first17), today=TODAY)
    assert not r.ok and message in r.message


def test_born_today_and_in_1900_are_fine():
    assert check_id_number(make_id_number("430922", TODAY, 1), today=TODAY).ok
    assert check_id_number(make_id_number("430922", date(1900, 1, 1), 2), today=TODAY).ok


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "未填写号码"),
        ("   ", "未填写号码"),
        ("1101051949123100", "长度应为 18 位（旧号码为 15 位），现为 16 位"),
        ("11010519491231002X1", "现为 19 位"),
        ("1101A519491231002X", "第 5 位“A”不是数字"),
        ("11010519491231X021", "第 15 位“X”不是数字"),
        ("11010519491231002Y", "第 18 位只能是数字或 X，现为“Y”"),
        ("11010549123100X", "第 15 位“X”不是数字"),
        ("99010519491231002X", "前两位“99”不是有效的省级行政区代码"),
        ("00010519491231002X", "前两位“00”不是有效的省级行政区代码"),
    ],
)
def test_malformed_numbers(text, message):
    r = check_id_number(text, today=TODAY)
    assert not r.ok
    assert message in r.message


def test_unknown_but_plausible_area_code_is_accepted():
    # 439999 is not a real county, but old codes stay valid: the province 43 is all we check.
    r = check_id_number(make_id_number("439999", date(1990, 3, 15), 123), today=TODAY)
    assert r.ok and r.warnings == ()


@pytest.mark.parametrize("province", ["71", "81", "82", "83"])
def test_residence_permit_provinces(province):
    assert check_id_number(make_id_number(province + "0000", date(1990, 3, 15), 11), today=TODAY).ok


def test_fifteen_digit_number_is_converted():
    # 110105 491231 002 is the legacy form of 11010519491231002X.
    r = check_id_number("110105491231002", today=TODAY)
    assert r.ok
    assert r.normalized == "11010519491231002X"
    assert r.birth_date == date(1949, 12, 31)
    assert r.sex == "女"  # the last digit 2 is even
    assert any("由 15 位旧号码转换" in w for w in r.warnings)

    r = check_id_number("340524800101001", today=TODAY)
    assert r.ok and r.normalized == "34052419800101001X" and r.sex == "男"


def test_fifteen_digit_bad_date():
    r = check_id_number("110105490230002", today=TODAY)
    assert not r.ok and "第 7–12 位的出生日期 1949-02-30 不存在" in r.message


def test_default_today_is_the_real_today():
    assert check_id_number("11010519491231002X").ok


def test_make_id_number_by_hand():
    assert make_id_number("110105", date(1949, 12, 31), 2) == "11010519491231002X"
    assert make_id_number("340524", date(1980, 1, 1), 1) == "34052419800101001X"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("43092", date(1990, 1, 1), 1), "地址码应为 6 位数字"),
        (("43092X", date(1990, 1, 1), 1), "地址码应为 6 位数字"),
        (("430922", date(1990, 1, 1), 1000), "顺序码应在 0 至 999 之间"),
        (("430922", date(1990, 1, 1), -1), "顺序码应在 0 至 999 之间"),
        (("430922", date(999, 1, 1), 1), "出生年份应为 4 位数"),
    ],
)
def test_make_id_number_rejects_bad_parts(args, message):
    with pytest.raises(ValueError, match=message):
        make_id_number(*args)


_PROVINCE_CODES = [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66)]
id_numbers = st.builds(
    make_id_number,
    st.builds(lambda p, rest: f"{p}{rest:04d}", st.sampled_from(_PROVINCE_CODES), st.integers(0, 9999)),
    st.dates(date(1900, 1, 1), TODAY),
    st.integers(0, 999),
)


@given(id_numbers, st.data())
def test_generated_numbers_validate_and_any_single_change_is_caught(number, data):
    r = check_id_number(number, today=TODAY)
    assert r.ok and r.normalized == number
    assert r.sex == ("男" if int(number[16]) % 2 else "女")
    assert r.birth_date is not None and r.birth_date.strftime("%Y%m%d") == number[6:14]

    pos = data.draw(st.integers(0, 17), label="position")
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    new = data.draw(st.sampled_from([c for c in alphabet if c != number[pos]]), label="replacement")
    assert not check_id_number(number[:pos] + new + number[pos + 1 :], today=TODAY).ok


def test_fields_validator_uses_the_message():
    assert fields.id_number("11010519491231002X") is None
    assert "校验码应为 X，实际为 1" in fields.id_number("110105194912310021")


# --- 统一社会信用代码 ----------------------------------------------------------------------

@pytest.mark.parametrize("code", ["91350200MA2YJ1XR9G", "91350200776049653A", "913502000728319549"])
def test_valid_uscc(code):
    r = check_uscc(code)
    assert r.ok and not r.warning_only and r.message == "" and r.normalized == code


def test_uscc_by_hand():
    # Org code 07283195: 0·3+7·7+2·9+8·10+3·5+1·8+9·4+5·2 = 216; 216 mod 11 = 7; 11−7 = 4.
    assert org_code_check_char("07283195") == "4"
    # Σ value×3^i mod 31 for 91350200072831954 is 983 = 31·31 + 22; 31−22 = 9.
    assert uscc_check_char("91350200072831954") == "9"
    assert make_uscc("350200", "07283195") == "913502000728319549"
    assert make_uscc("350200", "MA2YJ1XR") == "91350200MA2YJ1XR9G"


def test_uscc_final_check_failure_is_only_a_warning():
    r = check_uscc("91350203M0001QAY9B")
    assert not r.ok and r.warning_only
    assert "校验码（第 18 位）应为 9，实际为 B" in r.message
    assert "备注" in r.message
    assert r.normalized == "91350203M0001QAY9B"
    problem = fields.uscc("91350203M0001QAY9B")
    assert problem is not None and problem.level == "warning"


def test_uscc_org_code_check_failure_is_a_warning_too():
    # Change position 17 of a valid code and fix up position 18: only the embedded check fails.
    first17 = "91350200MA2YJ1XR8"
    r = check_uscc(first17 + uscc_check_char(first17))
    assert not r.ok and r.warning_only
    assert "组织机构代码的校验码（第 17 位）应为 9，实际为 8" in r.message
    assert "第 18 位" not in r.message


def test_uscc_lower_case_and_spaces():
    r = check_uscc(" 91350200ma2yj1xr9g ")
    assert r.ok and r.normalized == "91350200MA2YJ1XR9G"


@pytest.mark.parametrize("bad", "IOSVZ")
def test_uscc_illegal_letters(bad):
    code = "91350200MA2YJ1XR9G"
    r = check_uscc(code[:10] + bad + code[11:])
    assert not r.ok and not r.warning_only
    assert f"第 11 位“{bad}”不是代码允许的字符" in r.message
    assert fields.uscc(code[:10] + bad + code[11:]).level == "error"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "未填写代码"),
        ("91350200MA2YJ1XR9", "长度应为 18 位，现为 17 位"),
        ("91350200MA2YJ1XR9G0", "现为 19 位"),
        ("91-350200MA2YJ1XR9", "第 3 位“-”不是代码允许的字符"),
        ("9135A200MA2YJ1XR9G", "第 3–8 位（登记管理机关行政区划码）应全为数字，第 5 位为“A”"),
    ],
)
def test_uscc_form_errors_block(text, message):
    r = check_uscc(text)
    assert not r.ok and not r.warning_only and r.normalized is None
    assert message in r.message


def test_uscc_first_two_positions_are_not_a_closed_list():
    assert check_uscc(make_uscc("430922", "12345678", authority="Y", kind="Y")).ok
    assert check_uscc(make_uscc("430922", "MA4L0QXX", authority="5", kind="4")).ok


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("43092", "12345678"), {}, "行政区划码应为 6 位数字"),
        (("430922", "1234567"), {}, "主体标识码 8 位"),
        (("430922", "1234567O"), {}, "除 I、O、S、V、Z 外"),
        (("430922", "12345678"), {"authority": "91"}, "各 1 位"),
    ],
)
def test_make_uscc_rejects_bad_parts(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        make_uscc(*args, **kwargs)


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
usccs = st.builds(
    make_uscc,
    st.text("0123456789", min_size=6, max_size=6),
    st.text(_USCC_CHARS, min_size=8, max_size=8),
    authority=st.sampled_from(_USCC_CHARS),
    kind=st.sampled_from(_USCC_CHARS),
)


@given(usccs, st.data())
def test_generated_usccs_validate_and_any_single_change_is_caught(code, data):
    assert check_uscc(code).ok
    pos = data.draw(st.integers(0, 17), label="position")
    alphabet = "0123456789" if 2 <= pos <= 7 else _USCC_CHARS
    new = data.draw(st.sampled_from([c for c in alphabet if c != code[pos]]), label="replacement")
    assert not check_uscc(code[:pos] + new + code[pos + 1 :]).ok
