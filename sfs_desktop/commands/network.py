"""`relay` (county: the HTTP service stations sync with) and `sync` (station: one exchange)."""

from __future__ import annotations

import sys

from sfs_desktop.commands.common import data_paths, open_session_unattended, unlock_unattended
from sfs_desktop.core.errors import UserError


def register(sub) -> None:
    p = sub.add_parser("relay", help="县司法局：运行网络同步中继服务（司法所用 sync 连接）")
    p.add_argument("--host", default="0.0.0.0", help="监听地址（默认 0.0.0.0，所有网卡）")
    p.add_argument("--port", type=int, default=8443, help="监听端口（默认 8443）")
    p.add_argument("--max-mb", type=int, default=256, help="单个同步包的大小上限（MiB，默认 256）")
    p.set_defaults(func=run_relay)

    p = sub.add_parser("sync", help="司法所：通过网络与县司法局交换同步包（断线后自动续传）")
    p.add_argument("--url", "--server", dest="url",
                   help="县局中继地址，如 https://192.168.1.10:8443（记住，下次可省略）")
    p.add_argument("--chunk-kb", type=int, default=4096, help="上传数据块大小（KiB，默认 4096）")
    p.add_argument("--attempts", type=int, default=8, help="每一步在断线、超时或服务器忙时最多尝试几次（默认 8）")
    p.set_defaults(func=run_sync)


def run_relay(args) -> int:
    import logging

    from sfs_desktop.core.security import unattended
    from sfs_desktop.core.sync import relay, relay_auth, relay_import, relay_tls
    from sfs_desktop.core.sync.relay_dir import RelayDir

    if not 1 <= args.port <= 65535:
        raise UserError("--port 应在 1 到 65535 之间")
    if not 1 <= args.max_mb <= 4096:
        raise UserError("--max-mb 应在 1 到 4096 之间")
    paths = data_paths(args)
    user, dek, unattended_run = unlock_unattended(args)  # the key only: the database stays free for the GUI
    holder = relay_import.Holder(paths, dek, user)
    staging = RelayDir(paths.relay)
    staging.sweep()

    def process(asking: list[str]) -> None:
        holder.run(lambda db, principal: relay_import.pickup(db, principal, staging, asking))

    # both need the database for a moment; while the GUI holds it, what an earlier run left is used
    tls = holder.run(lambda db, _principal: relay_import.publish_tls(db, staging, dek)) \
        or relay_tls.published(staging.tls, dek)
    holder.run(lambda db, principal: relay_import.pickup(db, principal, staging))
    if unattended_run:
        holder.run(lambda db, _principal: unattended.record_run(db, user, "relay"))
    if tls is None or staging.station_keys() is None:
        raise UserError("县司法局的数据库正被另一个程序使用，中继还没有司法所名册和证书：请关闭该程序后再启动中继"
                        "（之后两者可以同时运行）")
    fingerprint = relay_tls.fingerprint(tls[0].read_bytes())
    logging.getLogger("sfs_desktop.relay").info("relay listening on %s:%d", args.host, args.port)
    print(f"县局中继已启动：https://{args.host}:{args.port}（按 Ctrl+C 停止）\n"
          f"证书指纹（司法所登记时已记下）：{relay_tls.shown(fingerprint)}", flush=True)
    state = relay.Relay(staging, relay_auth.Verifier(staging.station_keys, seen=staging.nonces_file), process,
                        max_bundle=args.max_mb * 1024 * 1024)
    relay.serve(state, args.host, args.port, tls=tls)
    return 0


def run_sync(args) -> int:
    from sfs_desktop.core.sync import schedule, transport

    if not 4 <= args.chunk_kb <= 8192:
        raise UserError("--chunk-kb 应在 4 到 8192 之间")
    if not 1 <= args.attempts <= 100:
        raise UserError("--attempts 应在 1 到 100 之间")
    if args.url is not None:
        transport.check_url(args.url)
    app = open_session_unattended(args)
    with app.db as db:
        s = schedule.run(db, args.url, principal=app.principal, progress=_progress,
                         chunk=args.chunk_kb * 1024, attempts=args.attempts)
    print("\n".join(transport.describe(s)))
    return 0


def _progress(label: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{label} {done}/{total}", end="" if done < total else "\n", file=sys.stderr)
