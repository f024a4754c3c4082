"""`init`: non-interactive setup of a station or county installation."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from sfs_desktop.commands.common import ask, data_paths, say_keyring_notice
from sfs_desktop.core import setup, townships
from sfs_desktop.core.errors import UserError


def register(sub) -> None:
    example = f"{_EXAMPLE} {townships.township_name(_EXAMPLE)}"
    p = sub.add_parser("init", help="初始化数据目录（司法所或县司法局）", epilog=(
        f"例：sfs-desktop --data-dir D:\\sfs init --role station --station-code {_EXAMPLE} "
        f"--station-name {townships.station_name(_EXAMPLE)} --admin admin ；县司法局用 --role county "
        f"--station-code {townships.COUNTY_UNIT_CODE}"))
    p.add_argument("--role", required=True, choices=setup.ROLES, help="station=司法所, county=县司法局")
    p.add_argument("--station-code", required=True,
                   help=f"单位代码：司法所为本乡镇的 9 位区划代码（如 {example}），县司法局为 {townships.COUNTY_UNIT_CODE}")
    p.add_argument("--station-name", required=True, help=f"单位名称，如 {townships.station_name(_EXAMPLE)}")
    p.add_argument("--township", default="", help="乡镇名称")
    p.add_argument("--head", default="", help="所长姓名")
    p.add_argument("--admin", required=True, help="管理员用户名（密码取自 SFS_PASSWORD 或提示输入）")
    p.add_argument("--certificate", type=Path,
                   help="同时把载有恢复密钥的站点设置证书保存为 PDF（只能在初始化时生成，不能补打）")
    p.set_defaults(func=run)


_EXAMPLE = "430922100"


def _say_or_stderr(lines: list[str]) -> None:
    """Print; if stdout is gone (a closed pipe), the same lines go to stderr before giving up."""
    text = "\n".join(lines) + "\n"
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
        if not sys.stdout.isatty() and sys.stderr.isatty():  # `init … | head`: the key reaches the screen too
            sys.stderr.write(lines[-2] + "\n" + lines[-1] + "\n")
    except (BrokenPipeError, OSError):
        try:
            sys.stderr.write(text)
            sys.stderr.flush()
        except OSError:
            pass
        raise BrokenPipeError from None


def run(args) -> int:
    password = os.environ.get("SFS_PASSWORD")
    if not password:
        password = ask("管理员密码", secret=True)
        if ask("再次输入密码", secret=True) != password:
            print("两次输入的密码不一致，未初始化", file=sys.stderr)
            return 2
    req = setup.SetupRequest(role=args.role, station_code=args.station_code, station_name=args.station_name,
                             admin=args.admin, password=password, township_name=args.township, head_name=args.head)
    paths = data_paths(args)
    if args.certificate is not None and (args.certificate.suffix.lower() != ".pdf" or not args.certificate.parent.is_dir()):
        raise UserError(f"证书文件应为已存在文件夹中的 .pdf 文件：{args.certificate}")
    result = setup.initialise(paths, req)
    # the recovery key is shown this once: if stdout's reader is gone (`init … | head -1`), it goes to stderr
    _say_or_stderr([f"已初始化：{paths.root}（{'县司法局' if args.role == 'county' else '司法所'} {args.station_code}）",
                    f"数据库密钥指纹（核对站点设置证书用，不是同步密钥指纹）：{result.fingerprint}",
                    "恢复密钥（只显示这一次，请抄写或打印后锁入文件柜；忘记所有密码时凭它恢复）：",
                    f"    {result.recovery_key}"])
    say_keyring_notice(paths)
    if args.certificate is not None:
        from sfs_desktop.core.printing import render

        render("certificate.station_setup", {
            "station_name": req.station_name, "station_code": req.station_code, "issued_on": date.today(),
            "recovery_key": result.recovery_key, "fingerprint": result.fingerprint,
        }, args.certificate)
        print(f"站点设置证书已保存到 {args.certificate}：打印后请删除该文件，证书锁入保险柜")
    return 0
