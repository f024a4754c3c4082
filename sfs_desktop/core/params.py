"""Parameters declared once: key, label, type, default and unit (architecture §1: numbers that are
not statute are parameters). The county may push another value in the ``param`` table; a call site
asks :func:`get` and never repeats a default. Shared parameters are here; a duty declares its own in
its manifest (``params=``, core/duties.py). The shipped ``resources/codes/*.json`` rows carry the
same defaults (tests/core/test_params.py checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sfs_desktop.core.errors import UserError


@dataclass(frozen=True)
class ParamSpec:
    key: str
    label: str
    type: type
    default: Any
    unit: str = ""
    minimum: float | None = None  # a number below is refused (numbers: 0 unless given)
    maximum: float | None = None  # a number above is refused (a percentage: 100 unless given)

    def bounds(self) -> tuple[float | None, float | None]:
        """The range a new value must lie in: a count, a span of days or minutes is never negative,
        a percentage never above 100."""
        if self.type not in (int, float):
            return None, None
        low = self.minimum if self.minimum is not None else 0
        high = self.maximum if self.maximum is not None else (100 if self.unit == "%" else None)
        return low, high

    def parse(self, text: Any) -> Any:
        """`text` as this parameter's type, or a UserError saying in Chinese why not."""
        raw = str(text).strip()
        if not raw:
            raise UserError(f"参数“{self.label}”的值不能为空")
        if self.type is int:
            try:
                value = int(raw)
            except ValueError:
                raise UserError(f"参数“{self.label}”应为整数（{self.unit or '无单位'}），而不是“{raw}”") from None
        elif self.type is float:
            try:
                value = float(raw)
            except ValueError:
                raise UserError(f"参数“{self.label}”应为数字（{self.unit or '无单位'}），而不是“{raw}”") from None
            if value != value or value in (float("inf"), float("-inf")):
                raise UserError(f"参数“{self.label}”应为有限的数字，而不是“{raw}”")
        elif self.type is str:
            value = raw
            if len(value) > 256:
                raise UserError(f"参数“{self.label}”最多 256 个字符")
        else:
            raise UserError(f"参数“{self.label}”的类型不能在这里修改")
        low, high = self.bounds()
        if low is not None and value < low:
            raise UserError(f"参数“{self.label}”不能小于 {low:g}{self.unit}，收到 {raw}")
        if high is not None and value > high:
            raise UserError(f"参数“{self.label}”不能大于 {high:g}{self.unit}，收到 {raw}")
        return value


SHARED_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("security.autolock_minutes", "无操作自动锁定", int, 10, "分钟"),
    ParamSpec("security.max_failed_logins", "连续登录失败锁定次数", int, 5, "次", minimum=1),
    ParamSpec("security.lockout_minutes", "登录失败锁定时长", int, 15, "分钟", minimum=1),
    ParamSpec("backup.keep_daily", "保留的每日自动备份", int, 14, "份", minimum=1),
)


def declared() -> dict[str, ParamSpec]:
    """Every declared parameter, by key: the shared ones, then each duty's."""
    from sfs_desktop.core import duties

    out = {p.key: p for p in SHARED_PARAMS}
    for d in duties.duties():
        for p in d.params:
            if p.key in out:
                raise ValueError(f"parameter {p.key} is declared twice")
            out[p.key] = p
    return out


def get(session, key: str) -> Any:
    """The parameter's value here (a pushed or edited row), else its declared default, typed."""
    from sfs_desktop.core import codes

    spec = declared()[key]
    return codes.param(session, key, spec.default, spec.type)


def label(key: str) -> str:
    spec = declared()[key]
    return f"{spec.label}（{spec.unit}）" if spec.unit else spec.label
