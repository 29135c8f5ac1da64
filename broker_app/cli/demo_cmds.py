"""``demo-data --workers N [--seed S]``: synthetic content for trying the app out."""

from __future__ import annotations

import argparse
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError
from broker_app.services.demo.data import DemoDataService
from broker_app.services.settings.station import StationService


def register(commands: Any) -> None:
    p = commands.add_parser("demo-data", help="生成演示数据（虚构人员，身份证号格式有效）")
    p.add_argument("--workers", type=int, default=1000, help="劳动力人数（默认1000）")
    p.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同人员）")
    p.set_defaults(run=run_demo)


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    if not StationService(ctx.store).info().configured:
        raise CliError(
            "请先用 init-station --org 代码 设置本驿站所属单位",
            "station not configured: run init-station first",
        )
    if args.workers < 0:
        raise CliError("人数不能为负数", "negative --workers")
    summary = DemoDataService(ctx.store).generate(args.workers, args.seed)
    parts = [
        f"劳动力 {summary.workers} 人",
        f"跟踪服务记录 {summary.follow_ups} 条",
        f"培训记录 {summary.trainings} 条",
        *(f"{label} {count} 条" for label, count in summary.extra.items()),
    ]
    ctx.say("已生成：" + "，".join(parts))
    return 0
