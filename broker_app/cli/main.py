"""``python -m broker_app [--data-dir DIR] SUBCOMMAND ...``: batch work and scripts on the
same services the window uses. Without a subcommand the window opens."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from broker_app import paths, startup
from broker_app.cli import (
    audit_cmds,
    backup_cmds,
    card_cmds,
    clue_cmds,
    demo_cmds,
    dispatch_cmds,
    job_cmds,
    list_cmds,
    roster_cmds,
    screenshot_cmds,
    settings_cmds,
    site_cmds,
    station_cmds,
    sync_cmds,
)
from broker_app.cli.context import CliContext
from broker_app.cli.errors import user_messages
from broker_app.incidents import CLI_SENTENCE, record_incident
from broker_app.logs import setup_logging
from broker_app.services.settings.schema import LANGUAGE_ENV, LANGUAGES

log = logging.getLogger(__name__)

#: Exit code when the reader of our output closed the pipe: what a shell reports for a
#: program ended by SIGPIPE (128 + 13), without a message (every command).
BROKEN_PIPE_EXIT = 141

COMMAND_MODULES = (
    station_cmds,
    settings_cmds,
    demo_cmds,
    list_cmds,
    roster_cmds,
    backup_cmds,
    card_cmds,
    clue_cmds,
    site_cmds,
    job_cmds,
    screenshot_cmds,
    sync_cmds,
    dispatch_cmds,
    audit_cmds,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m broker_app",
        description="劳务驿站：农村劳动力实名台账、岗位匹配、劳务输出与维权卡",
    )
    parser.add_argument("--data-dir", help="数据目录（默认在用户数据目录下）")
    parser.add_argument("--verbose", action="store_true", help="日志记录调试信息")
    parser.add_argument(
        "--lang", choices=sorted(LANGUAGES), help="本次运行的界面语言（不改变设置里保存的语言）"
    )
    parser.add_argument(
        "--self-test", action="store_true", help="在临时目录里试运行各项功能，检查本机安装"
    )
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    startup.refuse_unsupported_windows()
    startup.use_readable_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.lang:
        # The one override every reader of the language already honours.
        os.environ[LANGUAGE_ENV] = args.lang
    if args.self_test:
        # Before the data folder: the self-test must not touch the station's data.
        from broker_app.selftest import run_self_test

        return run_self_test()
    data = paths.data_dir(args.data_dir)
    setup_logging(paths.log_dir(data), verbose=args.verbose)
    if args.command is None:
        from broker_app.ui.launch import run_gui

        return run_gui(data, args_list)
    ctx = CliContext(data)
    try:
        code: int = args.run(ctx, args)
        # A reader that went away (``list workers | head``) shows here, not at exit.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _detach_stdout()
        return BROKEN_PIPE_EXIT
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except Exception as exc:
        messages = user_messages(exc)
        if messages is None:
            number = record_incident(exc, f"command {args.command}")
            print(CLI_SENTENCE.format(number), file=sys.stderr)
            return 1
        zh, en = messages
        log.error("command %s failed: %s", args.command, en)
        print(zh, file=sys.stderr)
        return int(getattr(exc, "exit_code", 2))
    finally:
        ctx.close()


def _detach_stdout() -> None:
    """Point stdout at the null device: the interpreter flushes it at exit, and the
    data still buffered for the closed pipe must not raise a second time there."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # stdout is not a real file (tests capture it): nothing is flushed at exit
