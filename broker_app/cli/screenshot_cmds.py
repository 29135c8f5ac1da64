"""``screenshot --page KEY [--size WxH] [--dialog NAME] OUT.png``: one page of the main
window rendered offscreen with the station's current data."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError

_SIZE = re.compile(r"^(\d{3,5})[xX×](\d{3,5})$")


def register(commands: Any) -> None:
    p = commands.add_parser("screenshot", help="把主窗口的某一页截图存为 PNG（离屏渲染）")
    p.add_argument(
        "--page",
        required=True,
        help="页面：roster、jobs、matches、dispatch、cards、rights、sync、stats（尚未完成的页面会被拒绝）",
    )
    p.add_argument("--size", default="1366x768", help="图片大小（像素），默认 1366x768")
    p.add_argument(
        "--dialog",
        help="在页面上再打开一个对话框：editor、new-worker、import、first-run、settings",
    )
    p.add_argument("out", help="输出的 PNG 文件")
    p.set_defaults(run=run_screenshot)


def run_screenshot(ctx: CliContext, args: argparse.Namespace) -> int:
    match = _SIZE.match(args.size.strip())
    if not match:
        raise CliError(
            f"图片大小“{args.size}”应写成 宽x高，例如 1366x768", f"bad --size {args.size!r}"
        )
    size = (int(match.group(1)), int(match.group(2)))
    # Qt is loaded only by this command: every other one starts without it.
    from broker_app.ui.screenshot import check_page, take_screenshot, use_offscreen_screen

    check_page(args.page)
    use_offscreen_screen(*size)
    out = take_screenshot(
        ctx.store, ctx.data_dir, args.page, size, Path(args.out), dialog=args.dialog
    )
    ctx.say(f"已保存截图：{out}（{size[0]}x{size[1]}）")
    return 0
