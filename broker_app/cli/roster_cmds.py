"""``import-roster`` and ``export-roster``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.privacy import add_full_flag
from broker_app.services.audit import CHANNEL_CLI
from broker_app.services.roster.export import RosterExportService
from broker_app.services.roster.importing import RosterImportService, write_errors_workbook


def register(commands: Any) -> None:
    p = commands.add_parser("import-roster", help="从 Excel 花名册导入劳动力")
    p.add_argument("file", help="花名册 .xlsx 文件")
    p.add_argument("--sheet", help="工作表名称（默认第一个）")
    p.add_argument("--errors", help="把有误的行及原因写入这个 .xlsx 文件")
    p.set_defaults(run=run_import)
    p = commands.add_parser("export-roster", help="导出劳动力花名册到 Excel")
    p.add_argument("out", help="输出 .xlsx 文件")
    add_full_flag(p)
    p.set_defaults(run=run_export)


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    result = RosterImportService(ctx.store).run(Path(args.file), args.sheet)
    ctx.say(
        f"导入完成：新增 {result.added} 人，更新 {result.updated} 人，"
        f"未变 {result.unchanged} 人，有误 {len(result.rejected)} 行"
        + (f"，{len(result.warnings)} 处无法识别的值已留空" if result.warnings else "")
    )
    for problem in [*result.problems, *result.warnings][:50]:
        print(f"第 {problem.row_number} 行 {problem.column}：{problem.message}", file=sys.stderr)
    shown = len(result.problems) + len(result.warnings)
    if shown > 50:
        print(f"……另有 {shown - 50} 处错误或提示", file=sys.stderr)
    if args.errors and (result.rejected or result.warnings):
        path = write_errors_workbook(result, Path(args.errors))
        ctx.say(f"有误的行已写入：{path}")
    # Some rows were refused: the caller (a script) must notice.
    return 3 if result.rejected else 0


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    count = RosterExportService(ctx.store).export(
        Path(args.out), full=args.full, channel=CHANNEL_CLI
    )
    ctx.say(f"已导出 {count} 人到：{args.out}")
    return 0
