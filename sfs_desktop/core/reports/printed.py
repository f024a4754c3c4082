"""A declared report (:mod:`.tables`) as a printed form: each figure with its definition beside it
(类别, 指标, 数值, 口径), signed and sealed by the station — the half-year and annual reports a
duty files with the county. The template is built from the report's declaration, the values are
:func:`.tables.compute`'s, so the paper, the screen and the xlsx agree."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlmodel import Session

from sfs_desktop.core.errors import UserError
from sfs_desktop.core.fields import FieldSpec, Widget
from sfs_desktop.core.printing import Rows, Seal, Signatures, Template, Text, spec_map
from sfs_desktop.core.printing.service import Loaded, station
from sfs_desktop.core.reports.tables import Report, compute, display

SPECS = spec_map({"station": FieldSpec("司法所"), "period": FieldSpec("统计期间"), "figures": FieldSpec("统计数据"),
                  "made_on": FieldSpec("填报日期", widget=Widget.DATE)})


def figures_template(template_id: str, title: str) -> Template:
    return Template(id=template_id, title=title, specs=SPECS, sections=[
        Text("填报单位：{station}　　统计期间：{period}", style="plain"),
        Rows("figures", [("group", "类别", 1.3), ("label", "指标", 2.2), ("value", "数值", 1.1),
                         ("definition", "口径", 4.4)]),
        Signatures(["填报人（签名）", "所长（签名）"]),
        Seal("{station}", "made_on"),
    ])


HALF = re.compile(r"\d{4}-[Hh][12]")
YEAR = re.compile(r"\d{4}")


def figures_context(s: Session, report: Report, period: str | None, shape: re.Pattern, expected: str,
                    today: date | None = None) -> Loaded:
    """The printed report of `period`, which must have the template's shape (a half year, a year)."""
    from sfs_desktop.core.security.access import SYSTEM  # aggregates: the print service checked "print"

    period = (period or "").strip().upper()
    if not shape.fullmatch(period):
        raise UserError(f"统计期间“{period}”不对：{expected}")
    figures = compute(report, s, SYSTEM, period)
    rows: list[dict[str, Any]] = [{"group": m.group, "label": m.label, "value": display(v, m.kind),
                                   "definition": m.definition} for m, v in figures.rows()]
    label = period.replace("-H1", " 年上半年").replace("-H2", " 年下半年") if "-H" in period else f"{period} 年"
    return Loaded(None, None, {"station": station(s).name, "period": label, "figures": rows,
                               "made_on": today or date.today()}, int(period[:4]))
