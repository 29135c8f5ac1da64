"""``site-lists``, ``inspection add`` and ``problem close``: the two lists (双清单) and
site inspections from the command line, through the same service as the 维权 page."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.services.arrears.inspections import InspectionService


def register(commands: Any) -> None:
    p = commands.add_parser("site-lists", help="双清单：本月未检查的项目、未整改的问题")
    p.add_argument("--date", type=date.fromisoformat, help="按哪一天算本月和超期（默认今天）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(run=run_lists)

    p = commands.add_parser("inspection", help="记录项目现场检查")
    steps = p.add_subparsers(dest="step", metavar="STEP", required=True)
    s = steps.add_parser("add", help="记录一次检查和发现的问题")
    s.add_argument("--project", required=True, help="工程项目 ID")
    s.add_argument("--date", help="检查日期（默认今天）")
    s.add_argument("--inspector", default="", help="检查人")
    s.add_argument("--workers", help="在场工人数")
    s.add_argument("--valid", help="维权卡有效人数")
    s.add_argument("--missing", help="未持卡人数")
    s.add_argument("--invalid", help="卡无效人数")
    s.add_argument("--notes", default="", help="检查情况")
    s.add_argument("--problem", action="append", default=[], help="发现的问题（可多次）")
    s.add_argument("--deadline", help="这些问题的整改期限")
    s.set_defaults(run=run_add)

    p = commands.add_parser("problem", help="发现问题的整改销号")
    steps = p.add_subparsers(dest="step", metavar="STEP", required=True)
    s = steps.add_parser("close", help="整改销号，写明整改情况")
    s.add_argument("problem", help="问题 ID")
    s.add_argument("--note", required=True, help="整改情况")
    s.set_defaults(run=run_close)


def run_lists(ctx: CliContext, args: argparse.Namespace) -> int:
    service = InspectionService(ctx.store)
    projects = service.projects_to_visit(args.date)
    problems = service.open_problems(args.date)
    if args.json:
        items = {
            "projects_not_visited": [vars(p) for p in projects],
            "open_problems": [vars(p) for p in problems],
        }
        ctx.out.write(json.dumps(items, ensure_ascii=False, indent=1, default=str) + "\n")
        return 0
    ctx.say(f"本月未检查的项目（{len(projects)} 个）：")
    for project in projects:
        last = project.last_visit.isoformat() if project.last_visit else "从未检查"
        ctx.say(
            f"  {project.id}  {project.name}  包保：{project.responsible_unit or '未定'} "
            f"{project.responsible_person or ''}  上次检查：{last}"
        )
    ctx.say(f"未整改的问题（{len(problems)} 个）：")
    for problem in problems:
        deadline = problem.deadline.isoformat() if problem.deadline else "无期限"
        late = "【已超期】" if problem.overdue else ""
        ctx.say(f"  {problem.id}  {problem.project_name or ''}  {problem.description}  "
                f"整改期限：{deadline}{late}")  # fmt: skip
    return 0


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    problems = [{"description": text, "deadline": args.deadline} for text in args.problem]
    changes = InspectionService(ctx.store).record(
        args.project,
        {
            "inspected_on": args.date,
            "inspector": args.inspector,
            "workers_on_site": args.workers,
            "cards_valid": args.valid,
            "cards_missing": args.missing,
            "cards_invalid": args.invalid,
            "notes": args.notes,
        },
        problems,
    )
    ctx.say(f"已记录检查：{changes[0].record_ids[0]}，发现问题 {len(problems)} 个")
    return 0


def run_close(ctx: CliContext, args: argparse.Namespace) -> int:
    InspectionService(ctx.store).close_problem(args.problem, args.note)
    ctx.say("已整改销号")
    return 0
