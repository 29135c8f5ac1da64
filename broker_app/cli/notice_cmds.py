"""``notice-board --project ID [--paper A4|A3] -o OUT.pdf``: a project's 维权信息告示牌
as a one-page PDF (registered with the other 维权卡 commands by card_cmds)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError
from broker_app.services.cards.notice_board import PAPERS, notice_board


def register(commands: Any) -> None:
    p = commands.add_parser(
        "notice-board", help="打印工程项目的农民工工资维权信息告示牌（PDF，A4 或 A3）"
    )
    p.add_argument("--project", required=True, help="工程项目 ID（见 list projects）")
    p.add_argument("--paper", choices=PAPERS, default="A4", help="纸张：A4（默认）或 A3")
    p.add_argument("-o", "--out", required=True, help="输出的 PDF 文件")
    p.set_defaults(run=run_notice_board)


def run_notice_board(ctx: CliContext, args: argparse.Namespace) -> int:
    from broker_app.printing.headless import ensure_gui_application
    from broker_app.printing.notice_board import write_notice_board_pdf

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError("输出文件应以 .pdf 结尾", f"output {out} is not a .pdf")
    board = notice_board(ctx.store, args.project)
    ensure_gui_application()
    write_notice_board_pdf(board, out, args.paper)
    how = (
        "扫码打开项目页面（可一键投诉）"
        if board.online
        else "扫码显示投诉电话（未设置公共卡片服务地址）"
    )
    ctx.say(f"已生成：{out}（{args.paper}，{how}）")
    return 0
