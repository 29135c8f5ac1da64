"""``backup [OUT]``, ``backup --daily`` and ``restore FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.services.backups import backup_folder, backup_now, daily_backup_for, restore


def register(commands: Any) -> None:
    p = commands.add_parser("backup", help="备份数据库")
    p.add_argument("out", nargs="?", help="备份文件或文件夹（默认为设置的备份文件夹）")
    p.add_argument(
        "--daily",
        action="store_true",
        help="自动备份：今天已备份则跳过，并按保留天数删除旧的自动备份",
    )
    p.set_defaults(run=run_backup)
    p = commands.add_parser("restore", help="从备份恢复数据库（会先保留当前数据库）")
    p.add_argument("file", help="备份文件")
    p.set_defaults(run=run_restore)


def run_backup(ctx: CliContext, args: argparse.Namespace) -> int:
    store = ctx.open_store()  # runs any pending migration first: today's schema
    if args.daily:
        result = daily_backup_for(store, ctx.data_dir)
        ctx.say(f"已备份到：{result.created}" if result.created else "今天已有自动备份")
        if result.pruned:
            ctx.say(f"已删除 {len(result.pruned)} 个过期的自动备份")
        return 0
    out = Path(args.out) if args.out else None
    path = backup_now(ctx.data_dir, out, folder=backup_folder(store, ctx.data_dir))
    ctx.say(f"已备份到：{path}")
    return 0


def run_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    restore(ctx.data_dir, Path(args.file))
    ctx.open_store()  # migrate the restored database now, so an old backup opens at once
    ctx.say(f"已从备份恢复：{args.file}")
    return 0
