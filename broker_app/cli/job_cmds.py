"""``import-jobs``, ``match``, ``match-add``, ``match-status``, ``job-status`` and
``welfare-review``: job postings and matching from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.cli.errors import CliError
from broker_app.domain.common.enums import JobStatus
from broker_app.domain.common.phone import mask_phone
from broker_app.services.jobs.importing import JobImportService, write_errors_workbook
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.jobs.welfare import WelfarePostService
from broker_app.services.matching.recommend import MatchingService
from broker_app.services.matching.workflow import MatchWorkflowService

_MAX_PRINTED_PROBLEMS = 50


def register(commands: Any) -> None:
    p = commands.add_parser("import-jobs", help="从 Excel 导入岗位")
    p.add_argument("file", help="岗位信息 .xlsx 文件")
    p.add_argument("--sheet", help="工作表名称（默认第一个）")
    p.add_argument("--errors", help="把有误的行及原因写入这个 .xlsx 文件")
    p.set_defaults(run=run_import)

    p = commands.add_parser("match", help="为岗位推荐劳动力，或为劳动力推荐岗位")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--job", help="岗位 ID：列出推荐的劳动力")
    target.add_argument("--worker", help="劳动力 ID：列出推荐的岗位")
    p.add_argument("--top", type=int, default=20, help="最多列出几条（默认20）")
    p.add_argument("--date", type=date.fromisoformat, help="按哪一天计算年龄（默认今天）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(run=run_match)

    p = commands.add_parser("match-add", help="把劳动力推荐到岗位（建立匹配）")
    p.add_argument("--job", required=True, help="岗位 ID")
    p.add_argument("workers", nargs="+", help="劳动力 ID")
    p.add_argument("--note", default="", help="备注")
    p.set_defaults(run=run_match_add)

    p = commands.add_parser("match-status", help="更改匹配状态（已联系、面试、录用、已上岗…）")
    p.add_argument("match", help="匹配 ID")
    p.add_argument("status", help="新状态：已联系 / 面试 / 录用 / 已上岗 / 离岗 / 未录用")
    p.add_argument("--date", type=date.fromisoformat, help="日期（默认今天）")
    p.add_argument("--note", default="", help="备注")
    p.set_defaults(run=run_match_status)

    p = commands.add_parser("job-status", help="岗位标为已满员、关闭或重新招聘")
    p.add_argument("job", help="岗位 ID")
    p.add_argument("status", choices=["已满员", "已关闭", "招聘中"], help="新状态")
    p.set_defaults(run=run_job_status)

    p = commands.add_parser("welfare-review", help="列出收入超过监测线、应复核退出的公益性岗位人员")
    p.add_argument("--threshold", type=int, help="本次按此月收入（元）复核，不保存")
    p.add_argument("--set-threshold", type=int, help="保存新的监测线（元/月）")
    p.set_defaults(run=run_welfare_review)


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    result = JobImportService(ctx.store).run(Path(args.file), args.sheet)
    ctx.say(
        f"导入完成：新增 {result.added} 个岗位，更新 {result.updated} 个，"
        f"未变 {result.unchanged} 个，有误 {len(result.rejected)} 行"
    )
    for problem in result.problems[:_MAX_PRINTED_PROBLEMS]:
        print(f"第 {problem.row_number} 行 {problem.column}：{problem.message}", file=sys.stderr)
    if len(result.problems) > _MAX_PRINTED_PROBLEMS:
        print(f"……另有 {len(result.problems) - _MAX_PRINTED_PROBLEMS} 处错误", file=sys.stderr)
    for warning in result.warnings[:_MAX_PRINTED_PROBLEMS]:
        ctx.say(f"提示：第 {warning.row_number} 行 {warning.column}：{warning.message}")
    if args.errors and result.rejected:
        path = write_errors_workbook(result, Path(args.errors))
        ctx.say(f"有误的行已写入：{path}")
    return 3 if result.rejected else 0


def run_match(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.top <= 0:
        raise CliError("--top 应为正整数", "--top must be positive")
    service = MatchingService(ctx.store)
    if args.job:
        found = service.workers_for_job(args.job, args.top, args.date)
        if args.json:
            _print_json(ctx, [asdict(item) for item in found.items])
            return 0
        ctx.say(f"岗位：{found.job_title}（参与评分 {found.considered} 人）")
        for problem in found.job_problems:
            ctx.say(problem)
        for rank, w in enumerate(found.items, 1):
            existing = f"［匹配：{w.match_status}］" if w.match_status else ""
            ctx.say(
                f"{rank}\t{w.score}分\t{w.name}\t{w.gender}\t{w.age}岁\t{w.village}\t"
                f"{mask_phone(w.phone) if w.phone else ''}\t{w.worker_id}{existing}"
            )
            ctx.say("\t" + "；".join(w.reasons))
        ctx.say(f"共 {len(found.items)} 人")
        return 0
    jobs = service.jobs_for_worker(args.worker, args.top, args.date)
    if args.json:
        _print_json(ctx, [asdict(item) for item in jobs.items])
        return 0
    ctx.say(f"劳动力：{jobs.worker_name}（在招岗位 {jobs.considered} 个）")
    for problem in jobs.worker_problems:
        ctx.say(f"不在推荐范围：{problem}")
    for rank, j in enumerate(jobs.items, 1):
        existing = f"［匹配：{j.match_status}］" if j.match_status else ""
        ctx.say(
            f"{rank}\t{j.score}分\t{j.title}\t{j.employer_name}\t{j.kind}\t{j.place}\t"
            f"{j.wage}\t{j.job_id}{existing}"
        )
        ctx.say("\t" + "；".join(j.reasons))
    ctx.say(f"共 {len(jobs.items)} 个")
    return 0


def run_match_add(ctx: CliContext, args: argparse.Namespace) -> int:
    result = MatchWorkflowService(ctx.store).create_matches(args.job, args.workers, args.note)
    for match_id in result.match_ids:
        ctx.say(f"已建立匹配：{match_id}")
    for skipped in result.skipped:
        print(f"未推荐 {skipped.name or skipped.worker_id}：{skipped.reason}", file=sys.stderr)
    return 3 if result.skipped else 0


def run_match_status(ctx: CliContext, args: argparse.Namespace) -> int:
    result = MatchWorkflowService(ctx.store).change_status(
        args.match, args.status, args.date, args.note
    )
    ctx.say(f"匹配已改为：{result.status.label}")
    if result.worker_fields:
        ctx.say("已同步更新劳动力的就业信息")
    if result.job_full:
        ctx.say("岗位招聘人数已满，可用 job-status 标为已满员")
    return 0


def run_job_status(ctx: CliContext, args: argparse.Namespace) -> int:
    service = JobPostingService(ctx.store)
    status = JobStatus.from_label(args.status)
    if status is JobStatus.FILLED:
        service.mark_filled(args.job)
    elif status is JobStatus.CLOSED:
        service.close(args.job)
    else:
        service.reopen(args.job)
    ctx.say(f"岗位已改为：{args.status}")
    return 0


def run_welfare_review(ctx: CliContext, args: argparse.Namespace) -> int:
    service = WelfarePostService(ctx.store)
    if args.set_threshold is not None:
        service.set_threshold(args.set_threshold)
        ctx.say(f"监测线已设为 {args.set_threshold} 元/月")
    threshold = args.threshold if args.threshold is not None else service.threshold()
    reviews = service.exit_reviews(threshold)
    ctx.say(f"监测线 {threshold} 元/月，应复核 {len(reviews)} 人")
    for review in reviews:
        ctx.say(
            f"{review.worker_name}\t{review.job_title}（{review.employer_name}）\t"
            f"月收入{review.monthly_income}元\t{review.match_id}"
        )
        ctx.say("\t" + "；".join(review.reasons))
    return 0


def _print_json(ctx: CliContext, items: list[dict[str, Any]]) -> None:
    ctx.out.write(json.dumps(items, ensure_ascii=False, indent=1, default=str) + "\n")
