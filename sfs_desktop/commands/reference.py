"""`ref`: the reference data the county owns and pushes (parameters, code tables, holidays).

The county edits; a station lists what it received and when. Every check is in core.reference.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime

from sfs_desktop.commands.common import open_session
from sfs_desktop.core import reference
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.sync import identity

STATION_NOTE = "（以下数据由县司法局统一维护并随同步包下发，本所只能查看；收到时间为导入同步包的时间）"


def register(sub) -> None:
    p = sub.add_parser("ref", help="参考数据：参数、代码表、节假日安排（县司法局维护并下发，司法所查看）")
    rsub = p.add_subparsers(dest="action", required=True)

    def listing(name: str, help: str):
        q = rsub.add_parser(name, help=help)
        q.add_argument("--json", action="store_true", help="以 JSON 输出")
        return q

    listing("list", help="县司法局统一维护的各张表：条数、最近修改和收到时间")
    listing("params", help="参数：名称、当前值、默认值、单位、修改和收到时间")
    q = listing("codes", help="代码表：不写表名列出全部代码表，写表名列出其中的代码")
    q.add_argument("table", nargs="?", help="代码表名，如 dispute_type")
    q = listing("holidays", help="节假日安排（法定节假日、调休上班日）")
    q.add_argument("year", nargs="?", type=int, help="年份，如 2025")

    q = rsub.add_parser("set", help="县司法局：修改参数的值")
    q.add_argument("key", help="参数，如 mediation.warn_day")
    q.add_argument("value")
    q = rsub.add_parser("code-add", help="县司法局：在代码表中增加代码")
    q.add_argument("table")
    q.add_argument("code")
    q.add_argument("name")
    q = rsub.add_parser("code-rename", help="县司法局：修改代码的名称（代码本身不变）")
    q.add_argument("table")
    q.add_argument("code")
    q.add_argument("name")
    for name, text in (("code-disable", "县司法局：停用代码（表单不再提供，已用它的记录不受影响）"),
                       ("code-enable", "县司法局：重新启用停用的代码")):
        q = rsub.add_parser(name, help=text)
        q.add_argument("table")
        q.add_argument("code")
    q = rsub.add_parser("holiday-add", help="县司法局：登记一天法定节假日或调休上班日")
    q.add_argument("date", help="日期，如 2025-10-01")
    q.add_argument("--kind", required=True, choices=sorted(reference.HOLIDAY_KINDS),
                   help="holiday=法定节假日 makeup_workday=调休上班日")
    q.add_argument("--note", help="说明，如 国庆节")
    q = rsub.add_parser("holiday-remove", help="县司法局：删除一天的节假日安排")
    q.add_argument("date")
    p.set_defaults(func=run)


def _json(rows) -> None:
    def plain(value):
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1, default=plain))


def _changes(app, args):
    """The editing verbs: one core call on the writer each; a refusal is one Chinese line."""
    who = app.principal
    if args.action == "set":
        r = app.db.write(lambda s: reference.set_param(s, who, args.key, args.value))
        return f"已将参数“{r.label}”设为 {r.value}{r.unit}；下次向各司法所导出时下发"
    if args.action == "code-add":
        r = app.db.write(lambda s: reference.add_code(s, who, args.table, args.code, args.name))
        return f"已在代码表 {args.table} 中增加 {r.code}：{r.name}"
    if args.action == "code-rename":
        r = app.db.write(lambda s: reference.rename_code(s, who, args.table, args.code, args.name))
        return f"已将代码表 {args.table} 的 {r.code} 改名为：{r.name}"
    if args.action in ("code-disable", "code-enable"):
        active = args.action == "code-enable"
        r = app.db.write(lambda s: reference.set_code_active(s, who, args.table, args.code, active))
        return f"已{'启用' if active else '停用'}代码表 {args.table} 的 {r.code}：{r.name}"
    if args.action == "holiday-add":
        r = app.db.write(lambda s: reference.add_holiday(s, who, args.date, args.kind, args.note))
        app.db.refresh_calendar()
        return f"已将 {r.day.isoformat()} 登记为{r.kind_name}"
    if args.action == "holiday-remove":
        app.db.write(lambda s: reference.remove_holiday(s, who, args.date))
        app.db.refresh_calendar()
        return f"已删除 {reference.parse_day(args.date).isoformat()} 的节假日安排"
    return None


def run(args) -> int:
    app = open_session(args)
    try:
        with acting_as(app.principal.username):
            said = _changes(app, args)
        if said is not None:
            print(said)
            return 0
        with app.db.read() as s:
            rows, lines = _listing(s, app.principal, args)
            station = identity.local_node(s).role == "station"
        if args.json:
            _json(rows)
            return 0
        if station:
            print(STATION_NOTE)
        print("\n".join(lines) if lines else "（无）")
    finally:
        app.close()
    return 0


def _listing(s, who, args) -> tuple[list, list[str]]:
    w = reference.when
    if args.action == "list":
        rows = reference.tables(s, who)
        return rows, [f"{r.name}\t{r.title}\t{r.rows} 条\t修改 {w(r.changed_at, '—')}\t收到 {w(r.received_at, '—')}"
                      for r in rows]
    if args.action == "params":
        rows = reference.param_rows(s, who)
        return rows, [f"{r.key}\t{r.label}\t{r.value}{r.unit}\t默认 {'' if r.default is None else r.default}{r.unit}\t"
                      f"{r.type_name}\t修改 {w(r.changed_at, '—')}\t收到 {w(r.received_at, '—')}" for r in rows]
    if args.action == "codes" and not args.table:
        rows = reference.code_kinds(s, who)
        return rows, [f"{r.kind}\t{r.label}\t{r.active}/{r.total} 个启用" for r in rows]
    if args.action == "codes":
        rows = reference.code_rows(s, who, args.table)
        return rows, [f"{r.code}\t{r.name}\t{'启用' if r.active else '停用'}\t修改 {w(r.changed_at, '—')}\t"
                      f"收到 {w(r.received_at, '—')}" for r in rows]
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise UserError(f"年份应在 2000 至 2100 之间，而不是 {args.year}")
    rows = reference.holiday_rows(s, who, args.year)
    return rows, [f"{r.day.isoformat()}\t{r.kind_name}\t{r.note}\t修改 {w(r.changed_at, '—')}\t"
                  f"收到 {w(r.received_at, '—')}" for r in rows]
