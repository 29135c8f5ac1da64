"""维权卡 on the command line.

    cards-pdf (--project ID | --batch ID | --workers ID...) [--layout card|sticker] OUT.pdf
    issue-cards --project ID (--workers ID... | --batch ID) [--reissue]
    verify-card TEXT_OR_IMAGE [--date YYYY-MM-DD]
    revoke-card (CARD_ID | --serial N [--key KEYID])
    card-key [--revoke KEYID]

    cards-test-page [--layout ...] OUT.pdf
    notice-board --project ID [--paper A4|A3] -o OUT.pdf   (notice_cmds)

``cards-pdf`` issues what is missing before printing (services.cards.print_jobs says
exactly what); ``--no-issue`` prints only the cards that exist. It exits 0 when every
selected worker's card is in the PDF, ``PARTIAL_EXIT`` (3) when the PDF was written
without some (listed, with how to issue them), and 2 when nothing was printed.
``verify-card`` exits 0 only for a valid card (other codes:
services.cards.verify.EXIT_CODES).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from broker_app.cli import notice_cmds
from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError
from broker_app.cli.progress import terminal_progress
from broker_app.domain.rights_card import VerifyReason, card_key_id
from broker_app.services.cards.issuing import CardService
from broker_app.services.cards.keys import CardKeyService
from broker_app.services.cards.print_jobs import CardPrintService, CardSelection, batch_worker_ids
from broker_app.services.cards.verify import EXIT_CODES, verification_report
from broker_app.services.settings.storage import load_settings

_NO_QR_EXIT = EXIT_CODES[VerifyReason.MALFORMED]
#: ``cards-pdf`` wrote a PDF, but not with every selected worker's card.
PARTIAL_EXIT = 3
_LAYOUT_HELP = (
    "card：钱包卡，每页10张；sticker：安全帽贴，每页24张；"
    "label-70x37、label-63x38：安全帽贴印在A4不干胶标签纸上（每页24张、21张）"
)
_LAYOUT_CHOICES = ("card", "sticker", "label-70x37", "label-63x38")


def register(commands: Any) -> None:
    p = commands.add_parser("cards-pdf", help="把维权卡排版成 A4 的 PDF（缺卡的先发卡）")
    _add_selection(p)
    p.add_argument("--layout", choices=_LAYOUT_CHOICES, default="card", help=_LAYOUT_HELP)
    p.add_argument("--no-issue", action="store_true", help="只打印已有的卡，不发新卡")
    # Optional to argparse only because "--workers A B OUT.pdf" hands OUT.pdf to
    # --workers; run_cards_pdf takes it back.
    p.add_argument("out", nargs="?", help="输出的 PDF 文件")
    p.set_defaults(run=run_cards_pdf)

    p = commands.add_parser(
        "cards-test-page", help="打印机校准测试页（PDF）：量出偏移后设置 cards.offset_x_mm/y_mm"
    )
    p.add_argument("--layout", choices=_LAYOUT_CHOICES, default="card", help=_LAYOUT_HELP)
    p.add_argument("out", help="输出的 PDF 文件")
    p.set_defaults(run=run_test_page)

    p = commands.add_parser("issue-cards", help="为劳动力签发某工程项目的维权卡")
    _add_selection(p)
    p.add_argument("--reissue", action="store_true", help="已有有效卡的也换发新卡（旧卡作废）")
    p.set_defaults(run=run_issue)

    p = commands.add_parser("verify-card", help="核验维权卡二维码（文字或图片），有效时返回0")
    p.add_argument(
        "text_or_image",
        help="扫码得到的网址或文字（卡片网址、可读文字或 WQ1: 开头），或二维码图片文件",
    )
    p.add_argument("--date", help="按哪一天核验（默认今天，格式 2026-03-01）")
    p.set_defaults(run=run_verify)

    p = commands.add_parser("revoke-card", help="作废一张维权卡")
    p.add_argument("card_id", nargs="?", help="卡的记录 ID（见 list cards）")
    p.add_argument("--serial", type=int, help="或按卡号")
    p.add_argument("--key", help="卡号所属的签发密钥（8位）")
    p.set_defaults(run=run_revoke)

    p = commands.add_parser("card-key", help="显示本驿站的维权卡签发密钥（首次使用时生成）")
    p.add_argument("--revoke", metavar="KEYID", help="吊销一个签发密钥（8位），其签发的卡全部失效")
    p.set_defaults(run=run_card_key)

    notice_cmds.register(commands)


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("--project", help="工程项目 ID（见 list projects）")
    p.add_argument("--batch", help="劳务输出批次 ID（见 list batches）")
    p.add_argument("--workers", nargs="+", default=[], metavar="ID", help="劳动力 ID")


def _selection(args: argparse.Namespace, *, issue: bool) -> CardSelection:
    if not (args.project or args.batch or args.workers):
        raise CliError("请指定 --project、--batch 或 --workers", "no selection given")
    return CardSelection(
        project_id=args.project,
        batch_id=args.batch,
        worker_ids=tuple(args.workers),
        issue=issue,
    )


def run_cards_pdf(ctx: CliContext, args: argparse.Namespace) -> int:
    from broker_app.printing.coverage import unprintable
    from broker_app.printing.headless import ensure_gui_application
    from broker_app.printing.pdf import write_cards_pdf
    from broker_app.printing.render import SheetReport
    from broker_app.printing.sheets import LAYOUTS

    if args.out is None and args.workers and args.workers[-1].lower().endswith(".pdf"):
        args.out = args.workers.pop()
    if args.out is None:
        raise CliError("请给出输出的 PDF 文件名", "no output file given")
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError("输出文件应以 .pdf 结尾", f"output {out} is not a .pdf")
    selection = _selection(args, issue=not args.no_issue)
    progress = terminal_progress()
    plan = CardPrintService(ctx.store).prepare(
        selection, progress=lambda f, m: progress(0.3 * f, m)
    )
    ensure_gui_application()
    left_out = unprintable(plan.faces)  # said before anything is written
    for item in left_out:
        print(item.describe(), file=sys.stderr)
    if len(left_out) == len(plan.faces):
        raise CliError("没有打印任何维权卡", "no card could be printed", exit_code=2)
    sheet = SheetReport()
    pages = write_cards_pdf(
        plan.faces,
        out,
        LAYOUTS[args.layout],
        title="维权联系卡",
        offset_mm=load_settings(ctx.store).cards.offset_mm,
        report=sheet,
        progress=lambda f, m: progress(0.3 + 0.7 * f, "排版"),
    )
    progress(1.0, "")
    report = plan.report
    ctx.say(f"已生成：{out}（{sheet.printed} 张，{pages} 页）")
    if report.issued or report.replaced:
        ctx.say(f"新发 {len(report.issued)} 张，其中换发 {len(report.replaced)} 张（旧卡已作废）")
    for warning in plan.warnings:
        print(warning, file=sys.stderr)
    for shortened in sheet.shortened:
        print(shortened.describe(), file=sys.stderr)
    _say_missing(plan.missing, plan.names)
    if plan.missing:
        print(_how_to_issue(args, plan.project_id), file=sys.stderr)
    return PARTIAL_EXIT if plan.missing or sheet.unprintable else 0


def _how_to_issue(args: argparse.Namespace, project_id: str | None) -> str:
    project = project_id or "工程项目ID"
    who = f"--batch {args.batch}" if args.batch else "--workers 劳动力ID..."
    return (
        f"为他们发卡：issue-cards --project {project} {who}；"
        f"或打印时加上 --project {project}（缺卡的会先发卡）。工程项目 ID 见 list projects"
    )


def run_test_page(ctx: CliContext, args: argparse.Namespace) -> int:
    from broker_app.printing.headless import ensure_gui_application
    from broker_app.printing.sheets import LAYOUTS
    from broker_app.printing.test_page import write_test_page

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError("输出文件应以 .pdf 结尾", f"output {out} is not a .pdf")
    ensure_gui_application()
    offset = load_settings(ctx.store).cards.offset_mm
    write_test_page(out, LAYOUTS[args.layout], offset_mm=offset)
    ctx.say(f"已生成测试页：{out}（当前偏移：向右 {offset[0]:g} 毫米，向下 {offset[1]:g} 毫米）")
    ctx.say("用实际大小（100%）打印，按页上的说明量出偏差，然后：")
    ctx.say("  settings set cards.offset_x_mm 数值　settings set cards.offset_y_mm 数值")
    return 0


def run_issue(ctx: CliContext, args: argparse.Namespace) -> int:
    if not args.project or not (args.workers or args.batch):
        raise CliError(
            "发卡需要 --project，以及 --workers 或 --batch",
            "issue-cards needs a project and workers",
        )
    service = CardService(ctx.store)
    workers = list(args.workers)
    if args.batch:
        workers += batch_worker_ids(ctx.store, args.batch)
    report = service.issue(args.project, workers, reissue=args.reissue)
    ctx.say(
        f"新发 {len(report.issued)} 张，保留 {len(report.kept)} 张有效卡，"
        f"作废旧卡 {len(report.replaced)} 张"
    )
    _say_missing(report.skipped)
    return 0


def run_verify(ctx: CliContext, args: argparse.Namespace) -> int:
    today = _day(args.date) if args.date else date.today()
    source = args.text_or_image
    path = Path(source)
    if card_key_id(source) is None and _is_file(path):
        from broker_app.printing.headless import ensure_gui_application
        from broker_app.printing.scan import qr_texts_in_file

        ensure_gui_application()
        texts = qr_texts_in_file(path)
        if not texts:
            print("图片中没有找到二维码", file=sys.stderr)
            return _NO_QR_EXIT
    else:
        texts = [source]
    service = CardService(ctx.store)
    code = 0
    for n, text in enumerate(texts):
        result = service.verify(text, today)
        key_id = card_key_id(text)
        report = verification_report(result, key_id.hex().upper() if key_id else "")
        if n:
            ctx.say("")
        ctx.say(f"结果：{report.headline}　{report.message}")
        for label, value in report.lines:
            ctx.say(f"{label}：{value}")
        code = code or EXIT_CODES[result.reason]
    return code


def run_revoke(ctx: CliContext, args: argparse.Namespace) -> int:
    service = CardService(ctx.store)
    if args.card_id:
        ids = [args.card_id]
    elif args.serial is not None:
        ids = service.find_by_serial(args.serial, args.key)
        if len(ids) > 1:
            raise CliError("有多张卡是这个卡号，请用 --key 指定签发密钥", "ambiguous serial")
    else:
        raise CliError("请给出卡的记录 ID 或 --serial 卡号", "no card given")
    if not ids:
        raise CliError("找不到这张卡", "no such card")
    service.revoke(ids[0])
    ctx.say(f"已作废：{ids[0]}")
    return 0


def run_card_key(ctx: CliContext, args: argparse.Namespace) -> int:
    service = CardKeyService(ctx.store)
    if args.revoke:
        try:
            service.revoke_key(args.revoke)
        except ValueError:
            raise CliError("密钥编号应为8位十六进制数", "bad key id") from None
        ctx.say(f"已吊销签发密钥 {args.revoke.upper()}")
        return 0
    key = service.station_key()
    ctx.say(f"签发密钥编号：{key.key_id_hex}")
    ctx.say(f"公钥：{key.public_key.hex()}")
    for known in service.known_keys():
        state = "已吊销" if known.revoked else "已认证" if known.certified else "本机信任"
        owner = "本驿站" if known.own else known.label or "其他驿站"
        ctx.say(f"  {known.key_id_hex}　{owner}　{state}　启用 {known.valid_from or '—'}")
    return 0


def _say_missing(missing: dict[str, str], names: dict[str, str] | None = None) -> None:
    if missing:
        print(f"未打印/未发卡 {len(missing)} 人：", file=sys.stderr)
        for worker_id, reason in missing.items():
            name = (names or {}).get(worker_id)
            who = f"{name}（{worker_id}）" if name else worker_id
            print(f"  {who}　{reason}", file=sys.stderr)


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file; False also for text no file can be named
    (a scanned card's readable text is longer than a file name may be)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"日期格式不对：{text}（例：2026-03-01）", f"bad date {text!r}") from None
