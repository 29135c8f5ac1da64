"""``init-station``: set the station's org unit without the first-run dialog."""

from __future__ import annotations

import argparse
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.services.settings.station import StationService


def register(commands: Any) -> None:
    p = commands.add_parser("init-station", help="设置本驿站所属的村、镇街或市级单位")
    p.add_argument("--org", required=True, help="12位区划代码（村），或9位镇街代码，或370883")
    p.add_argument("--name", help="驿站名称（默认按单位名称生成）")
    p.add_argument("--operator", help="经纪人姓名")
    p.add_argument("--phone", help="经纪人手机号")
    p.set_defaults(run=run_init)


def run_init(ctx: CliContext, args: argparse.Namespace) -> int:
    info = StationService(ctx.store).configure(args.org, args.name, args.operator, args.phone)
    unit = info.org_unit
    ctx.say(f"驿站已设置：{info.name}（{info.org_code} {unit.name if unit else ''}）")
    return 0
