"""`print`: render a standard form or certificate to PDF, numbered, logged and audited."""

from __future__ import annotations

import sys
from pathlib import Path

from sfs_desktop.commands.common import open_session
from sfs_desktop.core.db.synced import acting_as
from sfs_desktop.core.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("print", help="打印标准文书或证书为 PDF（--list 查看全部）")
    p.add_argument("form", nargs="?", help="表单编号，如 certificate.work_card")
    p.add_argument("record", nargs="?", help="记录编号或文号（关于本所自身的表单不需要）")
    p.add_argument("--out", type=Path, help="输出的 PDF 文件")
    p.add_argument("--list", action="store_true", help="列出可打印的表单和证书")
    p.set_defaults(func=run)


def run(args) -> int:
    from sfs_desktop.core.printing import all_templates
    from sfs_desktop.core.printing.service import print_document

    if args.list:
        for template_id, title in all_templates():
            print(f"{template_id}\t{title}")
        return 0
    if not args.form:
        raise UserError("请给出表单编号（用 print --list 查看），或使用 --list")
    if args.out is None:
        raise UserError("请用 --out 指定输出的 PDF 文件")
    if args.out.suffix.lower() != ".pdf":
        raise UserError(f"输出文件应以 .pdf 结尾：{args.out}")
    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        result = db.write(lambda s: print_document(s, app.principal, args.form, args.record, args.out,
                                                   blob_root=db.paths.attachments))
    note = "（补打，沿用原文号）" if result.reprint else ""
    serial = f"，文号 {result.serial}" if result.serial else ""
    print(f"已生成 {result.path}：{result.pages} 页{serial}{note}", file=sys.stdout)
    return 0
