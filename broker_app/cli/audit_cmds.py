"""``audit-log [--json] [--limit N]``: the privacy audit log, newest first."""

from __future__ import annotations

import argparse
import json
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.services.audit import AuditService


def register(commands: Any) -> None:
    p = commands.add_parser("audit-log", help="查看审计日志（导出和显示完整信息的记录）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="只列最近 N 条")
    p.set_defaults(run=run_audit_log)


def run_audit_log(ctx: CliContext, args: argparse.Namespace) -> int:
    entries = AuditService(ctx.store).entries(args.limit)
    if args.json:
        json.dump([e.to_json() for e in entries], ctx.out, ensure_ascii=False, indent=1)
        ctx.out.write("\n")
        return 0
    for e in entries:
        rows = "" if e.rows is None else f"{e.rows} 人"
        scope = "完整" if e.full else "脱敏"
        cells = [
            e.at.isoformat(sep=" ", timespec="seconds"),
            e.operator or "（未设经纪人）",
            e.action_label,
            e.subject,
            scope,
            rows,
            e.target,
            e.channel,
        ]
        ctx.say("\t".join(cells))
    ctx.say(f"共 {len(entries)} 条")
    return 0
