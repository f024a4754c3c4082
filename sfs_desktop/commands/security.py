"""`user`, `audit`, `recover`, `unattended`: accounts, the audit chain, the recovery-key reset, and
the database key kept in the OS credential store for unattended runs."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone

from sfs_desktop.commands.common import ask, data_paths, open_session, say_keyring_notice
from sfs_desktop.core.errors import UserError
from sfs_desktop.core.security import admin, audit
from sfs_desktop.core.security.access import GRANTABLE, PERMISSION_NAMES, ROLE_NAMES, require


def register(sub) -> None:
    p = sub.add_parser("user", help="账户管理：add / disable / passwd / list / grant / revoke")
    users = p.add_subparsers(dest="user_command", required=True)
    a = users.add_parser("add", help="新增账户（新密码取自 SFS_NEW_PASSWORD 或提示输入）")
    a.add_argument("username")
    a.add_argument("--role", required=True, choices=sorted(ROLE_NAMES), help="head=所长 staff=工作人员 mediator=调解员 inspector=只读")
    a.add_argument("--name", default="", help="姓名")
    a.add_argument("--committee", action="append", default=[], help="调解员所属调解委员会（记录编号，可重复）")
    d = users.add_parser("disable", help="停用账户")
    d.add_argument("username")
    w = users.add_parser("passwd", help="修改密码（不写用户名则改自己的）")
    w.add_argument("username", nargs="?")
    users.add_parser("list", help="列出账户")
    for name, what in (("grant", "授予"), ("revoke", "收回")):
        g = users.add_parser(name, help=f"{what}工作人员账户的单项权限（juvenile.read=查看未成年社区矫正对象的记录）")
        g.add_argument("username")
        g.add_argument("permission", choices=sorted(set().union(*GRANTABLE.values())))
    p.set_defaults(func=run_user)

    p = sub.add_parser("audit", help="审计日志：verify 校验链条 / list 列出")
    audits = p.add_subparsers(dest="audit_command", required=True)
    audits.add_parser("verify", help="校验审计日志的哈希链")
    lst = audits.add_parser("list", help="列出审计日志")
    lst.add_argument("--since", help="起始日期，如 2024-01-01")
    lst.add_argument("--user", help="只看某个账户")
    p.set_defaults(func=run_audit)

    p = sub.add_parser("recover", help="用恢复密钥重置所长密码（恢复密钥取自 SFS_RECOVERY_KEY 或提示输入）")
    p.add_argument("--user", required=True, help="所长账户的用户名")
    p.set_defaults(func=run_recover)

    p = sub.add_parser("unattended", help="无人值守运行（定时 sync、relay 不需输入密码）：on 开启 / off 关闭 / status 状态")
    p.add_argument("action", choices=("on", "off", "status"), help="on=开启（需所长） off=关闭并删除保存的密钥 status=查看")
    p.set_defaults(func=run_unattended)


def _new_password() -> str:
    password = os.environ.get("SFS_NEW_PASSWORD")
    if password:
        return password
    password = ask("新密码", secret=True)
    if ask("再次输入新密码", secret=True) != password:
        raise UserError("两次输入的密码不一致，未修改")
    return password


def run_user(args) -> int:
    app = open_session(args)
    try:
        if args.user_command == "add":
            admin.add_user(app, args.username, args.role, _new_password(), args.name, args.committee)
            print(f"已新增账户 {args.username}（{ROLE_NAMES[args.role]}）")
        elif args.user_command == "disable":
            admin.disable_user(app, args.username)
            print(f"已停用账户 {args.username}")
        elif args.user_command == "passwd":
            target = args.username or app.principal.username
            admin.set_password(app, target, _new_password())
            print(f"已修改 {target} 的密码")
        elif args.user_command in ("grant", "revoke"):
            admin.grant(app, args.username, args.permission, on=args.user_command == "grant")
            print(f"已{'授予' if args.user_command == 'grant' else '收回'} {args.username} 的权限：{PERMISSION_NAMES[args.permission]}")
        else:
            for a in admin.list_users(app):
                state = "停用" if a.disabled else "正常"
                last = a.last_login.astimezone().strftime("%Y-%m-%d %H:%M") if a.last_login else "从未登录"
                extra = "".join(f"\t+{PERMISSION_NAMES.get(g, g)}" for g in a.grants or ())
                print(f"{a.username}\t{a.display_name}\t{ROLE_NAMES.get(a.role, a.role)}\t{state}\t最近登录 {last}{extra}")
    finally:
        app.close()
    return 0


def run_audit(args) -> int:
    app = open_session(args)
    try:
        require(app.principal, "user.admin")
        with app.db.read() as s:
            if args.audit_command == "verify":
                broken = audit.verify(s)
                if broken:
                    print(f"审计日志校验失败：{broken}", file=sys.stderr)
                    return 1
                print(f"审计日志完整：链头 {audit.head(s)[:16]}…")
                return 0
            since = None
            if args.since:
                try:
                    since = datetime.fromisoformat(args.since).replace(tzinfo=timezone.utc)
                except ValueError:
                    raise UserError(f"--since 应为日期，如 2024-01-01，而不是“{args.since}”") from None
            for e in audit.entries(s, since=since, actor=args.user):
                ref = f"{e.table_name or ''}{(':' + e.record_id[:8]) if e.record_id else ''}"
                print(f"{e.seq}\t{e.at.astimezone():%Y-%m-%d %H:%M:%S}\t{e.actor}\t"
                      f"{audit.ACTIONS.get(e.action, e.action)}\t{ref}\t{e.fields}")
    finally:
        app.close()
    return 0


def run_recover(args) -> int:
    from sfs_desktop.core.security.session import login_recovery

    paths = data_paths(args)
    if not paths.is_initialised():
        raise UserError(f"数据目录 {paths.root} 尚未初始化")
    key = os.environ.get("SFS_RECOVERY_KEY") or ask("恢复密钥", secret=True)
    db, dek = login_recovery(paths, key)
    with db:
        admin.recover(db, dek, args.user, _new_password())
    print(f"已用恢复密钥重置 {args.user} 的密码；请立即登录并妥善保管恢复密钥证书")
    say_keyring_notice(paths)
    return 0


def run_unattended(args) -> int:
    from sfs_desktop.core.security import credstore, unattended

    paths = data_paths(args)
    if args.action == "status":
        if problem := paths.keys_problem():
            raise UserError(problem)
        state = unattended.status(paths)
        print(f"无人值守运行：{state.text}")
        if state.state == unattended.UNAVAILABLE:
            print(credstore.NOTICE)
        return 0
    if args.action == "on" and not credstore.available():
        raise UserError(credstore.NOTICE)
    app = open_session(args)
    try:
        state = unattended.enable(app) if args.action == "on" else unattended.disable(app)
    finally:
        app.close()
    print(f"无人值守运行：{state.text}")
    return 0
