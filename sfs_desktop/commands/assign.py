"""`assign`: the county hands records over to a station (县局交办); a station sees what it received."""

from __future__ import annotations

import sys
from pathlib import Path

from sfs_desktop.commands.common import open_session, pairs
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.errors import UserError, ValidationError


def register(sub) -> None:
    p = sub.add_parser(
        "assign", help="县司法局：向司法所交办记录（如交办矛盾纠纷），下次导出时送达该所；司法所：查看县局交办的事项",
        epilog="不带参数时列出可交办的记录类型。例：assign dispute_screening --station 430922101 "
               "--set 排查日期=2024-07-01 --set 排查范围=某村 --set 发现的纠纷=…；"
               "字段可写名称（排查日期）或字段名（screened_on），代码表的值可写代码或名称")
    p.add_argument("table", nargs="?", help="记录类型（见不带参数时的列表）")
    p.add_argument("--station", help="交办给哪个司法所（代码）；与 --list 一起用：只列这个所的")
    p.add_argument("--set", dest="values", action="append", default=[], metavar="字段=值", help="一个字段的值（可重复）")
    p.add_argument("--from-file", type=Path, help="一次交办多条：.json（对象列表）、.xlsx 或 .csv（第 1 行为字段名称）；"
                                                "有一条不合格就一条也不交办")
    p.add_argument("--list", action="store_true", help="县司法局：已交办的事项、交给谁、该所是否已签收、是否已办理")
    p.add_argument("--received", action="store_true", help="司法所：县局交办给本所的事项")
    p.set_defaults(func=run)


def run(args) -> int:
    from sfs_desktop.core import duties
    from sfs_desktop.core.sync import assign, assigned

    if args.list and args.received:
        raise UserError("--list 与 --received 只能用一个")
    if not (args.table or args.list or args.received):
        types = duties.assignables()
        if not types:
            print("目前没有可交办的记录类型")
        for table, (duty, a) in types.items():
            print(f"{table}\t{a.label}\t{duty.title}")
        return 0
    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        if args.list or args.received:
            with db.read() as s:
                rows = (assigned.handed_over(s, app.principal, args.station) if args.list
                        else assigned.received(s, app.principal))
            if not rows:
                print("没有交办事项")
            for h in rows:
                if args.list:
                    print(f"{h.assigned_at:%Y-%m-%d %H:%M}\t{h.station} {h.station_name}\t{h.kind}\t{h.what}\t"
                          f"{h.delivery_label}\t{h.status_label}\t交办人 {h.assigned_by}")
                else:
                    got = f"{h.received_at:%Y-%m-%d %H:%M}" if h.received_at else "—"
                    due = f"\t限期 {h.due:%Y-%m-%d}" if h.due else ""
                    print(f"{got}\t{h.kind}\t{h.what}\t{h.status_label}{due}")
            return 0
        if not args.station:
            raise UserError("请用 --station 指明交办给哪个司法所")
        if bool(args.values) == bool(args.from_file):
            raise UserError("请用 --set 字段=值 填写一条记录，或用 --from-file 从文件读取多条（二者选一）")
        rows = _file_rows(args.from_file) if args.from_file else [(None, pairs(args.values))]
        try:
            made = db.write(lambda s: assign.assign_records(s, app.principal, args.table, args.station, rows))
        except ValidationError as exc:  # every bad value on its own line, then nothing was written
            print(f"错误：{len(exc.problems)} 处不合格，未交办任何记录：", file=sys.stderr)
            for p in exc.problems:
                print(f"    {p.message}", file=sys.stderr)
            return 2
    print(f"已向司法所 {args.station} 交办 {len(made)} 条记录，下次为该所导出同步包时送达：")
    for row in made:
        print(f"    {row.id}")
    return 0


def _file_rows(path: Path):
    from sfs_desktop.core.textvalues import rows_from_file

    rows = rows_from_file(path)
    if not rows:
        raise UserError(f"{path.name} 中没有记录")
    return rows
