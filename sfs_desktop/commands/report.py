"""`report [NAME] --period P --out FILE.json|FILE.xlsx [--by-station]`: the declared statistics tables.

Every report a duty declares (its manifest's ``reports``, core/duties.py) is listed by ``report``
with no name and in ``report --help``; the table, its types and definitions come from the
declaration (core/reports/tables.py).
"""

from __future__ import annotations

from pathlib import Path

from sfs_desktop.commands.common import open_session
from sfs_desktop.core import duties
from sfs_desktop.core.errors import UserError


def _titles() -> dict[str, str]:
    return {name: r.title for name, r in duties.reports().items()}


def register(sub) -> None:
    names = {name: d.title for d in duties.duties() for name in d.reports}  # parsing imports no duty
    listing = "；".join(f"{k}={v}" for k, v in names.items())
    p = sub.add_parser("report", help="导出统计表（JSON 或 Excel）；不写表名则列出全部统计表",
                       description=f"可用的统计表：{listing}")
    p.add_argument("name", nargs="?", choices=sorted(names), help=listing)
    p.add_argument("--period", help="统计期间：2024、2024-Q3 或 2024-07")
    p.add_argument("--out", type=Path, help="输出文件 .json 或 .xlsx")
    p.add_argument("--by-station", action="store_true", help="县司法局：按司法所分列（依据各所报送的数据）")
    p.set_defaults(func=run)


def run(args) -> int:
    from sfs_desktop.core import calendar
    from sfs_desktop.core.reports import tables
    from sfs_desktop.core.reports.export import export_sheet

    if args.name is None:
        for name, title in _titles().items():
            print(f"{name}\t{title}")
        return 0
    if not args.period or not args.out:
        raise UserError("请用 --period 给出统计期间、用 --out 给出输出文件，例如：report mediation --period 2024 --out 统计.xlsx")
    try:
        calendar.period_bounds(args.period)  # a bad period is refused before logging in
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if args.out.suffix.lower() not in (".json", ".xlsx"):
        raise UserError(f"输出文件应以 .json 或 .xlsx 结尾：{args.out}")
    report = duties.reports()[args.name]
    app = open_session(args)
    with app.db as db:
        with db.read() as s:
            if args.by_station:
                if db.node().role != "county":
                    raise UserError("按司法所分列的统计只能在县司法局使用")
                sheet = tables.station_sheet(report, args.period, tables.by_station(report, s, app.principal, args.period))
            else:
                sheet = tables.report_sheet(report, s, app.principal, args.period)
        path = app.write(lambda s: export_sheet(s, app.principal, sheet, args.out))
    print(f"已导出 {path}")
    return 0
