"""Parameters declared once: key, label, type, default and unit (architecture §1: numbers that are
not statute are parameters). The county may push another value in the ``param`` table; a call site
asks :func:`get` and never repeats a default. Shared parameters are here; a duty declares its own in
its manifest (``params=``, core/duties.py). The shipped ``resources/codes/*.json`` rows carry the
same defaults (tests/core/test_params.py checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ParamSpec:
    key: str
    label: str
    type: type
    default: Any
    unit: str = ""


SHARED_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("security.autolock_minutes", "无操作自动锁定", int, 10, "分钟"),
    ParamSpec("security.max_failed_logins", "连续登录失败锁定次数", int, 5, "次"),
    ParamSpec("security.lockout_minutes", "登录失败锁定时长", int, 15, "分钟"),
    ParamSpec("backup.keep_daily", "保留的每日自动备份", int, 14, "份"),
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
