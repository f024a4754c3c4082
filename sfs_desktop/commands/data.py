"""`demo`, `check`, `backup`, `restore`: filling and safeguarding a data dir."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from sfs_desktop.commands.common import credentials, data_paths, open_session
from sfs_desktop.core import filestore
from sfs_desktop.core.db import database as dbmod
from sfs_desktop.core.db import migrate
from sfs_desktop.core.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("demo", help="填入生成的演示数据（不含真实人员信息）")
    p.add_argument("--scale", type=int, default=200, help="演示人员数量（默认 200）")
    p.add_argument("--seed", type=int, default=2024, help="随机种子（相同种子生成相同数据）")
    p.set_defaults(func=run_demo)

    p = sub.add_parser("check", help="检查数据库完整性、外键和结构版本")
    p.add_argument("--digest", action="store_true", help="输出全部同步数据的 SHA-256 摘要")
    p.add_argument("--owner", help="只计算某节点（司法所代码）名下数据的摘要")
    p.add_argument("--tables", action="store_true", help="与 --digest 一起用：逐表列出记录数和摘要，便于两端逐表核对")
    p.set_defaults(func=run_check)

    p = sub.add_parser("backup", help="把数据库备份到文件（加密，密钥与本机相同）")
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_backup)

    p = sub.add_parser("restore", help="用备份文件恢复数据库（先自动备份当前数据）")
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_restore)


def run_demo(args) -> int:
    from sfs_desktop.core import demo
    from sfs_desktop.core.db.synced import acting_as

    if args.scale < 1 or args.scale > 1_000_000:
        raise UserError("--scale 应在 1 到 1000000 之间")
    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        counts = demo.generate(db, app.principal, scale=args.scale, seed=args.seed)
    print("已生成演示数据：" + "，".join(f"{k} {v} 条" for k, v in counts.items()))
    return 0


def run_check(args) -> int:
    with open_session(args).db as db:
        problems = db.check()
        with db.read() as s:
            problems += db.files.problems(filestore.recorded_digests(s))  # each decrypts and matches its hash
        rev, head = migrate.current_revision(db.engine), migrate.head_revision()
        if rev != head:
            problems.append(f"结构版本 {rev} 不是最新的 {head}")
        if args.digest or args.owner or args.tables:
            per, overall = db.table_digests(owner=args.owner)
            if args.tables:
                for name, (n, h) in per.items():
                    print(f"{name}\t{n}\t{h}")
            print(overall if not args.tables else f"合计\t{sum(n for n, _h in per.values())}\t{overall}")
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        return 1
    if not (args.digest or args.owner or args.tables):
        print(f"检查通过：完整性 ok，外键 ok，结构版本 {head}")
    return 0


def run_backup(args) -> int:
    app = open_session(args)
    target: Path = args.file
    if target.exists() and target.is_dir():
        target = target / f"sfs-backup-{datetime.now():%Y%m%d-%H%M%S}.db"
    with app.db as db:
        path = db.user_backup(target, app.principal)
    print(f"已备份到 {path}")
    return 0


def run_restore(args) -> int:
    from sfs_desktop.core.security import attempts

    paths = data_paths(args)
    user, password = credentials()  # the key from keys.json: a database that cannot be opened is no obstacle
    key = attempts.unlock(paths, user, password).dek
    safety = dbmod.restore(paths, key, args.file, user)
    print(f"已从 {args.file} 恢复；恢复前的数据已另存为 {safety}")
    return 0
