"""`export`, `import`, `verify`, `conflicts`, `keys`, `station`: sync bundles on USB sticks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sfs_desktop.commands.common import open_session
from sfs_desktop.core.db.synced import acting_as, table_title
from sfs_desktop.core.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("export", help="把同步包导出到U盘（司法所→县司法局，或县司法局→司法所）")
    p.add_argument("--to", required=True, type=Path, help="目标目录（U盘）")
    p.add_argument("--for", dest="recipient", help="县司法局：只为这个司法所导出（默认全部已登记的司法所）")
    p.add_argument("--max-mb", type=int, default=8, help="每个同步包的大小上限（MiB，默认 8）")
    p.add_argument("--resend-all", action="store_true",
                   help="把本单位负责的全部记录重新发送一遍（县司法局核对不一致时使用；重复的记录不会重复导入）")
    p.set_defaults(func=run_export)

    p = sub.add_parser("import", help="导入同步包（先校验全部内容，再一次性写入）")
    p.add_argument("files", nargs="+", type=Path)
    p.set_defaults(func=run_import)

    p = sub.add_parser("verify", help="只校验同步包并显示内容摘要，不导入")
    p.add_argument("file", type=Path)
    p.set_defaults(func=run_verify)

    p = sub.add_parser("conflicts", help="查看和处理同步冲突")
    csub = p.add_subparsers(dest="action", required=True)
    csub.add_parser("list", help="列出未处理的冲突")
    c = csub.add_parser("show", help="并排显示冲突的两个版本")
    c.add_argument("id")
    c = csub.add_parser("resolve", help="处理冲突：为争议字段选定版本")
    c.add_argument("id")
    c.add_argument("--keep", choices=["a", "b"], help="全部争议字段都取版本 a 或 b")
    c.add_argument("--field", action="append", default=[], metavar="字段=a|b", help="逐个字段选择")
    p.set_defaults(func=run_conflicts)

    p = sub.add_parser("keys", help="显示本机同步密钥指纹，或写出交给县司法局的密钥卡")
    p.add_argument("--out", type=Path, help="密钥卡文件（只含公钥）")
    p.set_defaults(func=run_keys)

    p = sub.add_parser("station", help="县司法局：司法所名册（登记、发登记包、吊销、状态）")
    ssub = p.add_subparsers(dest="action", required=True)
    s = ssub.add_parser("add", help="凭司法所的密钥卡登记")
    s.add_argument("--keys", required=True, type=Path, help="司法所用 keys --out 写出的密钥卡")
    s.add_argument("--name", required=True, help="司法所名称")
    s = ssub.add_parser("enroll", help="为已登记的司法所写出登记包")
    s.add_argument("code")
    s.add_argument("--to", required=True, type=Path)
    s = ssub.add_parser("revoke", help="吊销司法所密钥（如电脑丢失）")
    s.add_argument("code")
    ssub.add_parser("list", help="各司法所同步状态")
    p.set_defaults(func=run_station)


KINDS = {"data": "数据", "ack": "回执", "enroll": "登记"}


def _progress(label: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


def run_export(args) -> int:
    from sfs_desktop.core.sync import exporter

    if not 1 <= args.max_mb <= 1024:
        raise UserError("--max-mb 应在 1 到 1024 之间")
    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        results = exporter.export(db, args.to, principal=app.principal, recipient=args.recipient,
                                  max_bytes=args.max_mb * 1024 * 1024, resend_all=args.resend_all, progress=_progress)
    if not results:
        print("没有需要发送的新数据，未生成同步包")
        return 0
    for r in results:
        print(f"已为 {r.recipient} 导出 {len(r.files)} 个同步包，{r.entries} 条记录：")
        for f in r.files:
            print(f"    {f}")
    print("已回读校验，可以安全拔出U盘")
    return 0


def run_import(args) -> int:
    from sfs_desktop.core.sync import importer

    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        results = importer.settled(db, importer.import_files(db, args.files, principal=app.principal,
                                                             progress=_progress))
    failed = 0
    for r in results:
        print(f"{r.file.name}：{r.message}")
        failed += r.status == "rejected"
    return 1 if failed else 0


def run_verify(args) -> int:
    from sfs_desktop.core.sync import importer

    with open_session(args).db as db:
        v = importer.verify(db, args.file)
    h = v.header
    print(f"校验通过：{args.file.name}")
    print(f"    发送方：{h['sender']}")
    print(f"    接收方：{'、'.join(r['node'] for r in h['recipients'])}")
    print(f"    类型：{KINDS.get(h['kind'], h['kind'])}，数据结构版本 {h.get('app_schema')}")
    covers = h.get("covers") or {}
    print("    覆盖范围：" + ("；".join(f"{k} {a}–{b}" for k, (a, b) in covers.items()) or "无"))
    print(f"    记录：{v.entries} 条" + ("（" + "，".join(f"{table_title(t)} {n}" for t, n in sorted(v.tables.items()))
                                      + "）" if v.tables else ""))
    return 0


def run_conflicts(args) -> int:
    from sfs_desktop.core.sync import conflicts

    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        if args.action == "list":
            with db.read() as s:
                rows = conflicts.open_conflicts(s)
            if not rows:
                print("没有未处理的冲突")
            for c in rows:
                labels = "、".join(conflicts.label(c.table_name, f) for f in c.fields)
                print(f"{c.id[:8]}  {table_title(c.table_name)}  争议字段：{labels}")
            return 0
        if args.action == "show":
            with db.read() as s:
                c = conflicts.find(s, args.id)
                diffs = conflicts.diff(c)
            print(f"冲突 {c.id[:8]}（{table_title(c.table_name)}，状态：{'未处理' if c.status == 'open' else '已处理'}）")
            print(f"    版本 a 来自 {c.version_a.get('node')}，版本 b 来自 {c.version_b.get('node')}；"
                  f"暂按 {c.chosen} 显示（记录所属单位的版本）")
            for d in diffs:
                mark = "*" if d.name in c.fields else " "
                print(f"  {mark} {d.label}：a = {d.show(d.a)}    b = {d.show(d.b)}")
            return 0
        choice: dict[str, str] | str
        if args.keep:
            choice = args.keep
        elif args.field:
            choice = {}
            for item in args.field:
                name, _, side = item.partition("=")
                choice[name.strip()] = side.strip()
        else:
            raise UserError("请用 --keep a|b 或 --field 字段=a|b 指明保留哪个版本")
        c = db.write(lambda s: conflicts.resolve(s, args.id, choice, app.principal))
        print(f"冲突 {c.id[:8]} 已处理；下次同步后对方的同一冲突会自动关闭")
    return 0


def run_keys(args) -> int:
    from sfs_desktop.core.sync import identity

    with open_session(args).db as db:
        card = db.write(identity.public_card)
    print(f"本机（{card['node']}）同步密钥指纹：{card['fingerprint']}")
    if args.out:
        args.out.write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"密钥卡已写到 {args.out}（只含公钥，可交给县司法局登记）")
    return 0


def run_station(args) -> int:
    from sfs_desktop.core.sync import exporter, identity, status

    app = open_session(args)
    with app.db as db, acting_as(app.principal.username):
        if args.action == "add":
            try:
                card = json.loads(args.keys.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise UserError(f"找不到密钥卡文件 {args.keys}") from None
            except (ValueError, UnicodeDecodeError):
                raise UserError(f"{args.keys} 不是有效的密钥卡文件") from None
            if not isinstance(card, dict):
                raise UserError(f"{args.keys} 不是有效的密钥卡文件")
            p = db.write(lambda s: identity.add_station(s, card, args.name, app.principal))
            print(f"已登记司法所 {p.node_id}（{p.name}），密钥指纹 {card.get('fingerprint', '')}；"
                  f"请用 station enroll {p.node_id} --to U盘 写出登记包")
        elif args.action == "enroll":
            path = exporter.write_enrollment(db, args.code, args.to, app.principal)
            print(f"已写出登记包 {path}；请在司法所用 import 导入")
        elif args.action == "revoke":
            db.write(lambda s: identity.revoke_station(s, args.code, app.principal))
            print(f"已吊销司法所 {args.code} 的密钥；此后其同步包一律拒收")
        else:
            with db.read() as s:
                identity.require_county(s)
                rows = [r for r in status.peers(s) if r.role == "station"]
                old = identity.lacking(s, "relay/1")
            if not rows:
                print("名册中还没有司法所")
            for r in rows:
                state = "已吊销" if r.revoked else ("已登记" if r.enrolled else "待发登记包")
                last_in = f"{r.last_in_at:%Y-%m-%d %H:%M}" if r.last_in_at else "从未"
                last_ack = f"{r.last_ack_at:%Y-%m-%d %H:%M}" if r.last_ack_at else "从未"
                print(f"{r.node_id} {r.name}（{state}）：最近收包 {last_in}，最近回执 {last_ack}，"
                      f"待确认 {r.waiting}，冲突 {r.open_conflicts}，记录 {r.records}，核对 {r.digest_label}，"
                      f"审计链 {r.audit_label}")
            if rows and old:  # capability flags of the roster (sync-design.md §4.9)
                print(f"程序版本尚不支持网络同步（只能用U盘）：{'、'.join(old)}")
    return 0
