"""`due`: what is due or overdue across duties, as the dashboard shows it."""

from __future__ import annotations

import json
from datetime import date

from sfs_desktop.commands.common import open_session
from sfs_desktop.core import deadlines


def register(sub) -> None:
    p = sub.add_parser("due", help="列出到期和超期事项（与工作台相同）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--days", type=int, default=7, help="包括多少天内到期的事项（默认 7；换届等有提前提醒期的事项到期前就列出）")
    p.set_defaults(func=run)


def run(args) -> int:
    app = open_session(args)
    today = date.today()
    with app.db as db, db.read() as s:
        items = deadlines.collect(s, today, horizon_days=args.days, who=app.principal)
    if args.json:
        print(json.dumps([{"duty": i.duty, "ref": i.ref, "title": i.title, "rule": i.rule, "due": i.due.isoformat(),
                           "days_left": i.days_left(today)} for i in items], ensure_ascii=False, indent=1))
    elif not items:
        print("暂无到期或超期事项")
    else:
        for i in items:
            print(f"{i.due:%Y-%m-%d}\t{i.badge(today)}\t{i.duty}\t{i.ref}\t{i.title}\t{i.rule}")
    return 0
