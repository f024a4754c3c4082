"""`sfs-desktop`: the GUI by default, headless subcommands for scripts, scheduled jobs and tests.

Each area of the program registers its subcommands from a module in ``sfs_desktop.commands``.
Errors a user can fix print one Chinese line on stderr and exit non-zero; nothing is changed.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from sfs_desktop.core.errors import UserError, explain

COMMAND_MODULES = ["setup", "data", "security", "sync", "network", "assign", "printing", "due", "report",
                   "roster", "reference", "correction", "resettlement"]

log = logging.getLogger("sfs_desktop")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors, in one line
        self.exit(2, f"参数错误：{message}（用 --help 查看用法）\n")


DATA_DIR_HELP = "数据目录（默认：系统用户数据目录，或环境变量 SFS_DATA_DIR）"


def _gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help=DATA_DIR_HELP)
    parser.add_argument("--demo", action="store_true", help="在临时目录用演示数据启动图形界面")
    parser.add_argument("--smoke", action="store_true", help="启动图形界面，显示后报告耗时并退出")
    parser.add_argument("--screenshot", help="与 --smoke 一起用：把主窗口截图保存到文件")


def gui_args(argv: list[str] | None) -> argparse.Namespace | None:
    """The GUI's options when that is all there is, else None (a subcommand, --help, --version).

    Starting the GUI must not import every command module: they pull in the database layer,
    which the GUI imports on a background thread while Qt starts."""
    parser = _Parser(prog="sfs-desktop", add_help=False, allow_abbrev=False)
    _gui_options(parser)
    args, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    # Accepted before or after the subcommand; SUPPRESS keeps the subcommand's copy from
    # overwriting a value given before it.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)
    parser = _Parser(prog="sfs-desktop", description="桃江县司法所业务系统")
    parser.add_argument("--version", action=_Version, help="显示程序、数据库结构和同步包格式的版本")
    _gui_options(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"sfs_desktop.commands.{name}")
        module.register(_WithCommon(sub, common))
    for child in _subparsers(parser):
        _give_data_dir(child)
    return parser


class _Version(argparse.Action):
    """`--version`: the program, schema and bundle-format versions (core.about), then exit."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from sfs_desktop.core.about import version_text

        print(version_text())
        parser.exit(0)


def _subparsers(parser: argparse.ArgumentParser):
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in dict.fromkeys(action.choices.values()):
                yield child
                yield from _subparsers(child)


def _give_data_dir(parser: argparse.ArgumentParser) -> None:
    """`--data-dir` after any verb, nested ones too (`station add --data-dir county …`)."""
    if "--data-dir" not in parser._option_string_actions:  # noqa: SLF001
        parser.add_argument("--data-dir", default=argparse.SUPPRESS, help=DATA_DIR_HELP)


def _stdout_gone() -> None:
    """The reader of our output went away (`| head`): stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _WithCommon:
    """Gives every subcommand the shared options (--data-dir) without repeating them."""

    def __init__(self, sub, common):
        self._sub, self._common = sub, common

    def add_parser(self, name, **kw):
        kw.setdefault("parents", []).append(self._common)
        kw.setdefault("description", kw.get("help"))
        return self._sub.add_parser(name, **kw)


def main(argv: list[str] | None = None) -> int:
    args = gui_args(argv) or build_parser().parse_args(argv)
    try:
        if args.command is None:
            from sfs_desktop.ui.app import run_gui  # the GUI pulls in Qt only when asked for

            return run_gui(args)
        code = int(args.func(args) or 0)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _stdout_gone()
        return 141  # as a shell reports a command ended by SIGPIPE
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a full or read-only disk: one line, not a traceback
        text = explain(exc)
        if text is None:
            raise
        log.warning("command failed on disk or file: %s", type(exc).__name__)
        print(f"错误：{text}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
