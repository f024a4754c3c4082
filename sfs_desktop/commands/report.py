"""`report NAME --period P --out FILE.json|FILE.xlsx`: official statistics tables."""

from __future__ import annotations

from pathlib import Path

from sfs_desktop.commands.common import open_session
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.reports.export import PAIRS

REPORTS = {"mediation": "人民调解统计表"}


def register(sub) -> None:
    p = sub.add_parser("report", help="导出统计表（JSON 或 Excel）")
    p.add_argument("name", choices=sorted(REPORTS), help="mediation=人民调解")
    p.add_argument("--period", required=True, help="统计期间：2024、2024-Q3 或 2024-07")
    p.add_argument("--out", required=True, type=Path, help="输出文件 .json 或 .xlsx")
    p.add_argument("--by-station", action="store_true", help="县司法局：按司法所分列（依据各所报送的数据）")
    p.set_defaults(func=run)


def run(args) -> int:
    from sfs_desktop.core import calendar
    from sfs_desktop.core.mediation import stats
    from sfs_desktop.core.reports.export import export_table

    try:
        calendar.period_bounds(args.period)  # a bad period is refused before logging in
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if args.out.suffix.lower() not in (".json", ".xlsx"):
        raise UserError(f"输出文件应以 .json 或 .xlsx 结尾：{args.out}")
    app = open_session(args)
    title = f"{REPORTS[args.name]}（{args.period}）"
    with app.db as db:
        with db.read() as s:
            if args.by_station:
                if db.node().role != "county":
                    raise UserError("按司法所分列的统计只能在县司法局使用")
                header, rows = stats.station_table(stats.by_station(s, args.period))
                title += "分所"
            else:
                header, rows = PAIRS, stats.compute(s, args.period).table()
        path = app.write(lambda s: export_table(s, app.principal, title, rows, args.out, header))
    print(f"已导出 {path}")
    return 0
