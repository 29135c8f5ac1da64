"""``clues`` and ``clue add|accept|close|reject|note``: wage-arrears clues (欠薪线索)
from the command line, through the same service as the 维权 page."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.domain.common.phone import mask_phone
from broker_app.services.arrears.clues import ClueFilter, ClueRow, ClueService

_FILTERS = {"open": ClueFilter.OPEN, "overdue": ClueFilter.OVERDUE, "all": ClueFilter.ALL}


def register(commands: Any) -> None:
    p = commands.add_parser("clues", help="列出欠薪线索（默认未办结的；超期的标出）")
    p.add_argument(
        "--show",
        choices=sorted(_FILTERS),
        default="open",
        help="open 未办结（默认）、overdue 已超期、all 全部",
    )
    p.add_argument("--date", type=date.fromisoformat, help="按哪一天判断超期（默认今天）")
    p.add_argument("--json", action="store_true", help="输出 JSON（电话只显示前3后4位）")
    p.set_defaults(run=run_list)

    p = commands.add_parser("clue", help="登记、受理、办结欠薪线索或不予受理")
    steps = p.add_subparsers(dest="step", metavar="STEP", required=True)
    s = steps.add_parser("add", help="登记电话或来访反映的线索")
    s.add_argument("--phone", required=True, help="反映人电话（必填）")
    s.add_argument("--source", choices=["phone", "visit"], default="phone", help="电话或来访")
    s.add_argument("--name", default="", help="反映人姓名")
    s.add_argument("--project", help="工程项目 ID（本驿站的项目）")
    s.add_argument("--amount", help="欠薪金额（元）")
    s.add_argument("--months", help="欠薪月数")
    s.add_argument("--description", default="", help="情况描述")
    s.add_argument("--date", help="反映日期（默认今天）")
    s.set_defaults(run=run_add)
    s = steps.add_parser("accept", help="受理")
    s.add_argument("clue", help="线索 ID")
    s.set_defaults(run=run_accept)
    s = steps.add_parser("close", help="办结，并写明群众可见的办理结果")
    s.add_argument("clue", help="线索 ID")
    s.add_argument("--note", required=True, help="办理结果（反映人查询进度时能看到）")
    s.set_defaults(run=run_close)
    s = steps.add_parser("reject", help="不予受理，并写明理由")
    s.add_argument("clue", help="线索 ID")
    s.add_argument("--reason", required=True, help="理由（反映人能看到）")
    s.set_defaults(run=run_reject)
    s = steps.add_parser("note", help="改写群众可见的说明")
    s.add_argument("clue", help="线索 ID")
    s.add_argument("text", help="说明")
    s.set_defaults(run=run_note)


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = ClueService(ctx.store).clues(_FILTERS[args.show], today=args.date)
    if args.json:
        items = [_json(row) for row in rows]
        ctx.out.write(json.dumps(items, ensure_ascii=False, indent=1, default=str) + "\n")
        return 0
    if not rows:
        ctx.say("没有欠薪线索")
        return 0
    for row in rows:
        due = f"{row.due_on.isoformat()}前" if row.due_on else "—"
        late = "【已超期】" if row.overdue else ""
        ctx.say(
            f"{row.id}  {row.received_on.isoformat()}  {row.status_label}  {late}期限 {due}  "
            f"{row.source_label}  {row.project_name or '（未指明项目）'}  "
            f"{row.reporter_name or ''} {mask_phone(row.reporter_phone)}"
        )
    overdue = sum(1 for row in rows if row.overdue)
    ctx.say(f"共 {len(rows)} 条" + (f"，其中 {overdue} 条已超期" if overdue else ""))
    return 0


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    change = ClueService(ctx.store).register(
        {
            "source": args.source,
            "reporter_phone": args.phone,
            "reporter_name": args.name,
            "project_id": args.project,
            "amount_owed": args.amount,
            "months_owed": args.months,
            "description": args.description,
            "received_on": args.date,
        }
    )
    ctx.say(f"已登记欠薪线索：{change.record_ids[0]}")
    return 0


def run_accept(ctx: CliContext, args: argparse.Namespace) -> int:
    ClueService(ctx.store).accept(args.clue)
    ctx.say("已受理")
    return 0


def run_close(ctx: CliContext, args: argparse.Namespace) -> int:
    ClueService(ctx.store).close(args.clue, args.note)
    ctx.say("已办结")
    return 0


def run_reject(ctx: CliContext, args: argparse.Namespace) -> int:
    ClueService(ctx.store).reject(args.clue, args.reason)
    ctx.say("已不予受理")
    return 0


def run_note(ctx: CliContext, args: argparse.Namespace) -> int:
    ClueService(ctx.store).write_note(args.clue, args.text)
    ctx.say("已保存说明")
    return 0


def _json(row: ClueRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "received_on": row.received_on,
        "status": row.status,
        "source": row.source,
        "project_id": row.project_id,
        "project": row.project_name,
        "reporter_name": row.reporter_name,
        "reporter_phone": mask_phone(row.reporter_phone),
        "amount_owed": row.amount_owed,
        "months_owed": row.months_owed,
        "accepted_on": row.accepted_on,
        "closed_on": row.closed_on,
        "due_on": row.due_on,
        "overdue": row.overdue,
        "public_note": row.public_note,
        "reject_reason": row.reject_reason,
    }
