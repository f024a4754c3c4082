"""`init`: non-interactive setup of a station or county installation."""

from __future__ import annotations

import os

from sfs_desktop.commands.common import ask, data_paths
from sfs_desktop.core import setup


def register(sub) -> None:
    p = sub.add_parser("init", help="初始化数据目录（司法所或县司法局）")
    p.add_argument("--role", required=True, choices=setup.ROLES, help="station=司法所, county=县司法局")
    p.add_argument("--station-code", required=True, help="单位代码，如 430922101")
    p.add_argument("--station-name", required=True, help="单位名称，如 桃江县司法局桃花江司法所")
    p.add_argument("--township", default="", help="乡镇名称")
    p.add_argument("--head", default="", help="所长姓名")
    p.add_argument("--admin", required=True, help="管理员用户名（密码取自 SFS_PASSWORD 或提示输入）")
    p.set_defaults(func=run)


def run(args) -> int:
    password = os.environ.get("SFS_PASSWORD")
    if not password:
        password = ask("管理员密码", secret=True)
        if ask("再次输入密码", secret=True) != password:
            print("两次输入的密码不一致，未初始化", file=__import__("sys").stderr)
            return 2
    req = setup.SetupRequest(role=args.role, station_code=args.station_code, station_name=args.station_name,
                             admin=args.admin, password=password, township_name=args.township, head_name=args.head)
    paths = data_paths(args)
    result = setup.initialise(paths, req)
    print(f"已初始化：{paths.root}（{'县司法局' if args.role == 'county' else '司法所'} {args.station_code}）")
    print(f"密钥指纹：{result.fingerprint}")
    print("恢复密钥（只显示这一次，请抄写或打印后锁入文件柜；忘记所有密码时凭它恢复）：")
    print(f"    {result.recovery_key}")
    return 0
