"""``enrol``, ``sync`` and ``sync-status``: the channel server from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError
from broker_app.cli.progress import terminal_progress
from broker_app.services.sync.enrol import enrol
from broker_app.services.sync.runner import SyncRunner
from sync.client.errors import ServerUnreachable, SyncError

#: Exit code when the server could not be reached (the outbox is kept for next time).
EXIT_UNREACHABLE = 3


def register(commands: Any) -> None:
    p = commands.add_parser("enrol", help="用一次性注册码把本驿站注册到县同步服务器")
    p.add_argument("--server", required=True, help="服务器地址，如 https://sync.example.cn")
    p.add_argument("--code", required=True, help="县人社局发的一次性注册码")
    p.add_argument("--ca", help="服务器证书的 CA 文件（PEM），用于自建证书")
    p.set_defaults(run=run_enrol)
    p = commands.add_parser("sync", help="与县同步服务器同步一次")
    p.set_defaults(run=run_sync)
    p = commands.add_parser("sync-status", help="同步状态、被拒的修改与冲突")
    p.set_defaults(run=run_status)


def run_enrol(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        done = enrol(ctx.store, args.server, args.code, args.ca)
    except SyncError as exc:
        raise CliError(exc.message, exc.message_en, _exit_code(exc)) from exc
    ctx.say(f"已注册：{done.station_name}（{done.org_code} {done.org_name}）")
    if done.key_id:
        ctx.say(f"维权卡签名密钥 {done.key_id.upper()} 已登记")
    return 0


def run_sync(ctx: CliContext, args: argparse.Namespace) -> int:
    # A county station's first pull takes a while: records done, the total, time left.
    report = SyncRunner(ctx.store).sync_once(progress=terminal_progress(piped_step=0.1))
    ctx.say(
        f"上传 {report.pushed} 条：已应用 {report.applied}，重复 {report.duplicates}，"
        f"被拒 {report.rejected}"
    )
    for item in report.rejections:
        ctx.say(f"  被拒 {item.record_type} {item.record_id}：{item.message}")
    ctx.say(f"下载 {report.pulled} 条：写入 {report.written}，待上级记录 {report.parked}")
    ctx.say(
        f"冲突：本次上传 {report.conflicts} 处，同一身份证号重复登记 {report.duplicate_people} 人；"
        f"本辖区待处理冲突 {report.open_conflicts} 条"
    )
    if report.error is not None:
        raise CliError(report.error.message, report.error.message_en, _exit_code(report.error))
    return 0


def run_status(ctx: CliContext, args: argparse.Namespace) -> int:
    runner = SyncRunner(ctx.store)
    status = runner.status()
    ctx.say(f"状态：{status.message}")
    ctx.say(
        f"待上传 {status.pending} 条，被拒 {status.quarantined} 条，待上级记录 {status.parked} 条"
    )
    last = status.last_success.isoformat(sep=" ") if status.last_success else "从未"
    ctx.say(f"上次成功同步：{last}")
    if status.last_error:
        ctx.say(f"上次错误：{status.last_error}")
    for item in runner.quarantined():
        ctx.say(f"被拒：{item.record_type} {item.record_id}（{item.op}）{item.reason}")
    for parked in runner.parked():
        ctx.say(f"未写入：{parked.record_type} {parked.record_id}　{parked.reason}")
    for c in runner.conflicts():
        ctx.say(f"冲突 {c.id}：{c.kind} {c.record_type} {c.record_id} {c.field or ''}")
    return 0


def _exit_code(error: SyncError) -> int:
    return EXIT_UNREACHABLE if isinstance(error, ServerUnreachable) else 2
