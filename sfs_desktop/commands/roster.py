"""`roster`: the station's staff roster and villages from a spreadsheet, and blank templates."""

from __future__ import annotations

import sys
from pathlib import Path

from sfs_desktop.commands.common import open_session
from sfs_desktop.core.db.synced import acting_as

KIND_HELP = "staff（工作人员名册）或 areas（村、社区）；不写时按表头判断"


def register(sub) -> None:
    p = sub.add_parser("roster", help="从 xlsx/csv 导入工作人员名册或村（社区），下载导入模板")
    verbs = p.add_subparsers(dest="verb", required=True)
    v = verbs.add_parser("import", help="导入 xlsx 或 csv（UTF-8 或 GBK）；有未通过的行时不导入，除非 --accept-valid",
                         description="逐行检查后导入；每个未通过的行都列出行号、列和原因。再次导入同一文件不会重复登记。")
    v.add_argument("file", type=Path)
    v.add_argument("--kind", choices=("staff", "areas"), help=KIND_HELP)
    v.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")
    v.add_argument("--accept-valid", action="store_true", help="有未通过的行时，仍导入其余有效的行")
    v.set_defaults(func=run_import)
    v = verbs.add_parser("template", help="生成空白导入模板（xlsx，带填写说明）")
    v.add_argument("--kind", choices=("staff", "areas"), required=True, help="staff 或 areas")
    v.add_argument("--out", type=Path, required=True, help="输出的 .xlsx 文件")
    v.set_defaults(func=run_template)


def run_import(args) -> int:
    from sfs_desktop.core.station import roster_import
    from sfs_desktop.core.tabular_import import ImportRefused

    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        kind = roster_import.spec(args.kind, args.file).key
        try:
            result = db.write(lambda s: roster_import.import_roster(
                s, app.principal, kind, args.file, accept_valid=args.accept_valid, dry_run=args.dry_run))
        except ImportRefused as refused:
            print("\n".join(refused.preview.report()))
            raise
    print("\n".join(result.report()))
    if args.dry_run:
        print("（仅检查，未写入）" + ("" if result.all_valid else "有未通过的行：改正后重新导入，或加 --accept-valid 只导入有效行"))
        return 0 if result.all_valid else 1
    if not result.planned:
        print("没有需要导入的变化")
    else:
        print(f"已导入：新增 {result.new} 条，更新 {result.updated} 条" +
              (f"；未通过的 {len(result.rejected_rows)} 行未导入" if result.rejects else ""))
    return 0


def run_template(args) -> int:
    from sfs_desktop.core.station import roster_import

    path = roster_import.write_template(args.kind, args.out)
    print(f"已生成模板 {path}", file=sys.stdout)
    return 0
