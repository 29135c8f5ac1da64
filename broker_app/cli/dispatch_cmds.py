"""``export-dispatch``, ``export-ledger``, ``export-stats``, and ``batch-new``,
``batch-add``, ``batch-status``: 劳务输出 batches and the reports from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError
from broker_app.cli.privacy import add_full_flag
from broker_app.domain.common import coerce
from broker_app.domain.dispatch.query import BatchFilter, MemberPick
from broker_app.services.assistance.ledger import LedgerExportService
from broker_app.services.audit import CHANNEL_CLI
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.dispatch.export import DispatchExportService
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.stats.export import StatsExportService
from broker_app.services.stats.monthly import Month


def register(commands: Any) -> None:
    p = commands.add_parser(
        "export-dispatch",
        help="导出劳务输出人员名单（OUT 以 .xlsx 结尾：一个工作簿含汇总表；"
        "否则：每批一个文件的文件夹）",
    )
    p.add_argument("out", help="输出 .xlsx 文件或文件夹")
    p.add_argument("--batch", action="append", default=[], metavar="ID", help="批次 ID（可多次）")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="出发日期起（含）")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="出发日期止（含）")
    add_full_flag(p)
    p.set_defaults(run=run_export_dispatch)

    p = commands.add_parser("export-ledger", help="导出就业帮扶台账（重点群体）")
    p.add_argument("out", help="输出 .xlsx 文件")
    add_full_flag(p)
    p.set_defaults(run=run_export_ledger)

    p = commands.add_parser("export-stats", help="导出月度统计表")
    p.add_argument("--month", required=True, help="统计月份，例：2024-03")
    p.add_argument("out", help="输出 .xlsx 文件")
    p.set_defaults(run=run_export_stats)

    p = commands.add_parser("batch-new", help="新建劳务输出批次（筹备）")
    p.add_argument("--employer", required=True, help="务工单位")
    p.add_argument("--destination", default="", help="务工地点")
    p.add_argument(
        "--tier", default="", help="务工地域：县内 / 县外省内 / 省外 / 境外（默认按地点判断）"
    )
    p.add_argument("--date", default="", help="出发日期")
    p.add_argument("--name", default="", help="批次名称（默认：出发日期 + 务工单位）")
    p.add_argument("--project", default="")
    p.add_argument("--transport", default="", help="交通方式")
    p.add_argument("--leader", default="", help="带队人")
    p.add_argument("--leader-phone", default="", help="带队人电话")
    p.add_argument("--notes", default="")
    p.set_defaults(run=run_batch_new)

    p = commands.add_parser("batch-add", help="把劳动力加入批次")
    p.add_argument("batch", help="批次 ID")
    p.add_argument("workers", nargs="*", help="劳动力 ID")
    p.add_argument(
        "--match", action="append", default=[], metavar="ID", help="录用/已上岗的匹配 ID"
    )
    p.set_defaults(run=run_batch_add)

    p = commands.add_parser("batch-status", help="更改批次状态（已出发 / 已到岗 / 结束）")
    p.add_argument("batch", help="批次 ID")
    p.add_argument("status", help="新状态：已出发 / 已到岗 / 结束")
    p.add_argument("--date", default="", help="日期（默认今天）")
    p.set_defaults(run=run_batch_status)


def run_export_dispatch(ctx: CliContext, args: argparse.Namespace) -> int:
    flt = BatchFilter(
        date_from=coerce.day(args.date_from, "date_from", "开始日期"),
        date_to=coerce.day(args.date_to, "date_to", "结束日期"),
        batch_ids=tuple(args.batch),
    )
    result = DispatchExportService(ctx.store).export(
        Path(args.out), flt, full=args.full, channel=CHANNEL_CLI
    )
    ctx.say(
        f"已导出 {result.batches} 批、{result.people} 人"
        f"（其中脱贫人口 {result.priority_shown} 人）到：{result.path}"
    )
    return 0


def run_export_ledger(ctx: CliContext, args: argparse.Namespace) -> int:
    result = LedgerExportService(ctx.store).export(
        Path(args.out), full=args.full, channel=CHANNEL_CLI
    )
    ctx.say(f"已导出就业帮扶台账 {result.people} 人到：{result.path}")
    return 0


def run_export_stats(ctx: CliContext, args: argparse.Namespace) -> int:
    month = Month.parse(args.month)
    result = StatsExportService(ctx.store).export(Path(args.out), month)
    total = result.statistics.total
    ctx.say(
        f"已导出{month.label}统计表到：{result.path}（劳动力 {total.workers} 人，"
        f"输出 {total.batches} 批 {total.exported} 人）"
    )
    return 0


def run_batch_new(ctx: CliContext, args: argparse.Namespace) -> int:
    change = DispatchService(ctx.store).create_batch(
        {
            "name": args.name,
            "employer": args.employer,
            "project": args.project,
            "destination": args.destination,
            "place_tier": args.tier,
            "departure_date": args.date,
            "transport": args.transport,
            "leader_name": args.leader,
            "leader_phone": args.leader_phone,
            "notes": args.notes,
        }
    )
    ctx.say(change.record_ids[0])
    return 0


def run_batch_add(ctx: CliContext, args: argparse.Namespace) -> int:
    members = DispatchMemberService(ctx.store)
    picks = [MemberPick(worker_id) for worker_id in args.workers]
    picks += [MemberPick("", match_id) for match_id in args.match]
    if not picks:
        raise CliError("请给出劳动力 ID 或 --match 匹配 ID", "no workers given")
    result = members.add_members(args.batch, picks)
    ctx.say(f"已加入 {len(result.member_ids)} 人，未加入 {len(result.skipped)} 人")
    for skipped in result.skipped:
        print(f"{skipped.name or skipped.worker_id}：{skipped.reason}", file=sys.stderr)
    return 3 if result.skipped else 0


def run_batch_status(ctx: CliContext, args: argparse.Namespace) -> int:
    day = coerce.day(args.date, "date", "日期")
    result = DispatchService(ctx.store).change_status(args.batch, args.status, day)
    report = result.report
    ctx.say(
        f"批次已改为“{result.status.label}”；更新就业信息 {len(report.worker_ids)} 人，"
        f"匹配改为已上岗 {len(report.match_ids)} 条"
    )
    for note in report.skipped:
        print(note, file=sys.stderr)
    return 0
