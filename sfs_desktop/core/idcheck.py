"""Checks for 居民身份证号 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015), domain.md §14.

Messages complete a sentence that begins with the field's label (fields.validate puts
“身份证号” in front), and still read as a sentence on their own. Input typed with a
full-width IME (“１２３ｘ”) is folded to ASCII before checking.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

GB11643_ID_TYPES = frozenset({"01", "02", "03", "04"})
"""Document types (code table id_type) whose number is a GB 11643 18-character citizen number with
its check character: 居民身份证, 临时身份证, 港澳/台湾居民居住证. Other types (passports …) are only
checked for length. Declared once: the field declaration, core and the form all use it."""

_ID_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, …
_ID_CHECK = "10X98765432"
_PROVINCES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66), 71, 81, 82, 83]
)
_DIGITS = frozenset("0123456789")
_EARLIEST_BIRTH = date(1900, 1, 1)

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = [3**i % 31 for i in range(17)]
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


@dataclass(frozen=True)
class IdResult:
    """Outcome of an ID-number check; the derived fields are filled only when `ok`."""

    ok: bool
    message: str = ""
    normalized: str | None = None  # 18 characters, upper-case X
    birth_date: date | None = None
    sex: str | None = None  # "男" | "女"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class UsccResult:
    """Outcome of a USCC check; `warning_only` means it may be saved with a note (§14.2)."""

    ok: bool
    message: str = ""
    warning_only: bool = False
    normalized: str | None = None


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().upper()


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def _birth(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None


def check_id_number(text: str, *, today: date | None = None) -> IdResult:
    """Validate a 居民身份证号 (18 digits, or a 15-digit legacy number converted to 18)."""
    s = _clean(text)
    if not s:
        return IdResult(False, "未填写号码")
    if len(s) not in (15, 18):
        return IdResult(False, f"长度应为 18 位（旧号码为 15 位），现为 {len(s)} 位")
    for pos, ch in enumerate(s, 1):
        if ch in _DIGITS:
            continue
        if pos == 18:
            if ch != "X":
                return IdResult(False, f"第 18 位只能是数字或 X，现为“{ch}”")
        else:
            return IdResult(False, f"第 {pos} 位“{ch}”不是数字")
    if int(s[:2]) not in _PROVINCES:
        return IdResult(False, f"前两位“{s[:2]}”不是有效的省级行政区代码")

    legacy = len(s) == 15
    first17 = s[:6] + "19" + s[6:] if legacy else s[:17]
    yyyymmdd = first17[6:14]
    shown = f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"
    where = "第 7–12 位" if legacy else "第 7–14 位"
    birth = _birth(yyyymmdd)
    if birth is None:
        return IdResult(False, f"{where}的出生日期 {shown} 不存在")
    if birth < _EARLIEST_BIRTH:
        return IdResult(False, f"{where}的出生日期 {shown} 早于 1900 年，请核对")
    today = today or date.today()
    if birth > today:
        return IdResult(False, f"{where}的出生日期 {shown} 晚于今天（{today.isoformat()}），请核对")

    expected = id_check_char(first17)
    if not legacy and s[17] != expected:
        return IdResult(False, f"校验码应为 {expected}，实际为 {s[17]}，可能有数字录错，请逐位核对")
    return IdResult(
        ok=True,
        normalized=first17 + expected,
        birth_date=birth,
        sex="男" if int(first17[16]) % 2 else "女",
        warnings=("由 15 位旧号码转换为 18 位，请核对新号码",) if legacy else (),
    )


def make_id_number(area_code: str, birth: date, seq: int) -> str:
    """A checksum-valid number for generated demo and test data (never a real person's).

    `seq` (0–999) is the three-digit sequence; odd means male, even female.
    """
    if len(area_code) != 6 or not set(area_code) <= _DIGITS:
        raise ValueError(f"地址码应为 6 位数字，收到“{area_code}”")
    if not 0 <= seq <= 999:
        raise ValueError(f"顺序码应在 0 至 999 之间，收到 {seq}")
    if not 1000 <= birth.year <= 9999:
        raise ValueError(f"出生年份应为 4 位数，收到 {birth.year}")
    first17 = f"{area_code}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def uscc_check_char(first17: str) -> str:
    """The GB 32100 MOD 31 check character of the first 17 characters."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[-total % 31]


def org_code_check_char(body: str) -> str:
    """The GB 11714 check character of an 8-character organisation code body."""
    value = 11 - sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def check_uscc(text: str) -> UsccResult:
    """Validate a 统一社会信用代码: form errors block, check-character failures only warn.

    Real certificates with odd check characters exist (§14.2), so a failed check is
    `warning_only` and the value is still normalised for saving with a note. Positions
    1–2 are not checked against a list: village committees and others use rarer codes.
    """
    s = _clean(text)
    if not s:
        return UsccResult(False, "未填写代码")
    if len(s) != 18:
        return UsccResult(False, f"长度应为 18 位，现为 {len(s)} 位")
    for pos, ch in enumerate(s, 1):
        if ch not in _USCC_CHARS:
            return UsccResult(False, f"第 {pos} 位“{ch}”不是代码允许的字符（只用数字和除 I、O、S、V、Z 外的大写字母）")
    for pos in range(3, 9):
        if s[pos - 1] not in _DIGITS:
            return UsccResult(False, f"第 3–8 位（登记管理机关行政区划码）应全为数字，第 {pos} 位为“{s[pos - 1]}”")

    notes = []
    expected = uscc_check_char(s[:17])
    if s[17] != expected:
        notes.append(f"校验码（第 18 位）应为 {expected}，实际为 {s[17]}")
    expected_org = org_code_check_char(s[8:16])
    if s[16] != expected_org:
        notes.append(f"其中组织机构代码的校验码（第 17 位）应为 {expected_org}，实际为 {s[16]}")
    if notes:
        return UsccResult(False, "；".join(notes) + "。如与证照原件一致，请在备注中说明后保存", True, s)
    return UsccResult(True, normalized=s)


def make_uscc(area_code: str, org_body: str, *, authority: str = "9", kind: str = "1") -> str:
    """A valid code from its parts, for generated demo and test data.

    `authority` and `kind` are positions 1–2 (default 9/1: 市场监管/企业), `area_code` the
    6-digit registering area, `org_body` the 8 characters before the organisation-code check.
    """
    if len(area_code) != 6 or not set(area_code) <= _DIGITS:
        raise ValueError(f"登记管理机关行政区划码应为 6 位数字，收到“{area_code}”")
    parts = authority + kind + org_body
    if len(authority) != 1 or len(kind) != 1 or len(org_body) != 8 or not set(parts) <= set(_USCC_CHARS):
        raise ValueError(
            f"登记管理部门代码和机构类别代码各 1 位、主体标识码 8 位，只用数字和除 I、O、S、V、Z 外的大写字母，"
            f"收到“{authority}”“{kind}”“{org_body}”"
        )
    first17 = authority + kind + area_code + org_body + org_code_check_char(org_body)
    return first17 + uscc_check_char(first17)
