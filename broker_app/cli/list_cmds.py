"""``list KIND [--json]``: one line (or one JSON object) per record."""

from __future__ import annotations

import argparse
import json
from typing import Any

from broker_app.cli.context import CliContext
from broker_app.domain.common.phone import mask_phone
from broker_app.domain.people.idcard import mask_id_number
from broker_app.services.audit import CHANNEL_CLI, WORKER_LIST, AuditService
from broker_app.services.listing import KINDS, iter_records

# A few readable columns per kind for the plain listing; --json gives every field.
_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "workers": ("name", "id_number", "phone", "org_code", "employment_status"),
    "jobs": ("title", "employer_name", "kind", "headcount", "status"),
    "matches": ("worker_id", "job_id", "status", "score"),
    "batches": ("name", "employer", "departure_date", "status"),
    "batch-members": ("batch_id", "worker_id", "work_type"),
    "projects": ("name", "general_contractor", "labor_officer_name"),
    "cards": ("worker_id", "project_id", "serial", "expiry_date"),
    "follow-ups": ("worker_id", "date", "kind", "content"),
    "trainings": ("worker_id", "kind", "course", "end_date"),
}
_MASKS = {"id_number": mask_id_number, "phone": mask_phone}


def register(commands: Any) -> None:
    p = commands.add_parser("list", help="列出记录")
    p.add_argument("kind", choices=sorted(KINDS), help="记录种类")
    p.add_argument("--json", action="store_true", help="输出 JSON（全部字段，含完整身份证号）")
    p.add_argument("--archived", action="store_true", help="包括已归档的记录")
    p.set_defaults(run=run_list)


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    records = iter_records(ctx.store, args.kind, include_archived=args.archived)
    if args.json:
        # Streamed, so 100k workers never sit in memory as one document.
        ctx.out.write("[")
        n = -1
        for n, record in enumerate(records):
            ctx.out.write(("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False))
        ctx.out.write("\n]\n")
        if args.kind == "workers":
            # Every field in full: the same personal data as a full export.
            AuditService(ctx.store, channel=CHANNEL_CLI).record_export(
                WORKER_LIST, "list workers --json", n + 1, full=True
            )
        return 0
    columns = _TEXT_COLUMNS[args.kind]
    total = 0
    for record in records:
        cells = [record["id"]]
        for name in columns:
            value = record.get(name)
            mask = _MASKS.get(name)
            cells.append(mask(value) if mask and value else "" if value is None else str(value))
        ctx.say("\t".join(cells))
        total += 1
    ctx.say(f"共 {total} 条")
    return 0
