"""Demo data step: 劳务输出 batches in every status.

When the jobs step made matches, each posting outside the county with 录用 /
已上岗 matches becomes a batch of those workers (the closed loop of mission
measure 6: posting, match, organised departure); a few more batches are put
together straight from the roster, as brokers also do. Without matches every
batch comes from the roster. Members' records follow the same rule as a real
departure (``domain.dispatch.employment``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from broker_app.domain.common.enums import BatchStatus, MatchStatus, PlaceTier
from broker_app.domain.dispatch.employment import arrival_changes, departure_changes
from broker_app.domain.dispatch.rules import default_batch_name
from broker_app.domain.matching.status import status_date
from broker_app.services.matching.recommend import job_place_text
from broker_app.store.models.dispatch import DispatchBatch, DispatchMember
from broker_app.store.models.job import JobPosting
from broker_app.store.models.match import Match
from broker_app.store.repositories import matches as match_repo
from broker_app.store.repositories import workers as worker_repo

if TYPE_CHECKING:
    from broker_app.services.demo import DemoContext

_MAX_FROM_MATCHES = 60
_ROSTER_POOL = 2000
_LEADERS = ("孟庆华", "孔德明", "王建国", "李秀英", "张志强", "颜景山")
_TRANSPORT = ("包车", "高铁", "大巴", "火车")
# (employer, destination, tier) of batches put together from the roster.
_ROSTER_DESTINATIONS = (
    ("江苏苏州精密电子有限公司", "江苏苏州工业园区", PlaceTier.OUT_OF_PROVINCE),
    ("青岛海丰建筑工程有限公司", "青岛市黄岛区", PlaceTier.OUT_COUNTY_IN_PROVINCE),
    ("浙江宁波服装有限公司", "浙江宁波", PlaceTier.OUT_OF_PROVINCE),
    ("济南鲁通物流有限公司", "济南市历城区", PlaceTier.OUT_COUNTY_IN_PROVINCE),
)
# The project each of those batches works on (the summary sheet's 项目 column).
_ROSTER_PROJECTS = ("电子装配生产线", "黄岛厂房建设", "服装加工旺季用工", "仓储分拣")
_ROSTER_STATUSES = (
    BatchStatus.PREPARING,
    BatchStatus.DEPARTED,
    BatchStatus.ARRIVED,
    BatchStatus.FINISHED,
)


def add_demo_batches(ctx: DemoContext) -> dict[str, int]:
    """Batches from the jobs step's committed matches, then four from the roster."""
    busy: set[str] = set()
    made = members = 0
    for job, matches in _committed_by_job(ctx)[:_MAX_FROM_MATCHES]:
        made += 1
        members += _batch_from_matches(ctx, job, matches, busy)
    pool = _roster_pool(ctx)
    for n, status in enumerate(_ROSTER_STATUSES):
        count = _batch_from_roster(ctx, n, status, pool, busy)
        made += count > 0
        members += count
    return {"劳务输出批次": made, "批次人员": members}


def _committed_by_job(ctx: DemoContext) -> list[tuple[JobPosting, list[Match]]]:
    """Postings outside the county with their 录用 / 已上岗 matches, in creation order."""
    by_job: dict[str, tuple[JobPosting, list[Match]]] = {}
    for match, job in match_repo.committed_away(ctx.writer.session):
        by_job.setdefault(job.id, (job, []))[1].append(match)
    return list(by_job.values())


def _batch_from_matches(
    ctx: DemoContext, job: JobPosting, matches: list[Match], busy: set[str]
) -> int:
    rng = ctx.rng
    on_duty = [status_date(m.history, MatchStatus.ON_DUTY.value) for m in matches]
    started = [day for day in on_duty if day is not None]
    hired = [status_date(m.history, MatchStatus.HIRED.value) or ctx.today for m in matches]
    if started:
        # Arrived: the members are those at work (a 录用 one would be 已上岗 by now).
        matches = [m for m, day in zip(matches, on_duty, strict=True) if day is not None]
        hired = [status_date(m.history, MatchStatus.HIRED.value) or ctx.today for m in matches]
        departure = max(min(started) - timedelta(days=1), max(hired))
        departure = min(departure, min(started))
        status = BatchStatus.ARRIVED if rng.random() < 0.7 else BatchStatus.FINISHED
    elif rng.random() < 0.5:
        departure = ctx.today + timedelta(days=rng.randint(3, 20))
        status = BatchStatus.PREPARING
    else:
        departure = max(max(hired), ctx.today - timedelta(days=rng.randint(0, 2)))
        status = BatchStatus.DEPARTED
    where = job_place_text(job.place_org_code, job.place_tier, job.place_text)
    batch = _create_batch(
        ctx, job.employer_name, where, job.place_tier, departure, status, project=job.title
    )
    picked = [m for m in matches if m.worker_id not in busy]
    for match in picked:
        busy.add(match.worker_id)
        ctx.writer.create(
            DispatchMember,
            {
                "batch_id": batch.id,
                "worker_id": match.worker_id,
                "match_id": match.id,
                "work_type": job.work_type,
                "notes": "",
                "org_code": batch.org_code,
            },
        )
        if status is not BatchStatus.PREPARING:
            _follow_departure(ctx, match.worker_id, batch)
    return len(picked)


def _batch_from_roster(
    ctx: DemoContext, n: int, status: BatchStatus, pool: list[tuple[str, str]], busy: set[str]
) -> int:
    rng = ctx.rng
    free = [(worker_id, skill) for worker_id, skill in pool if worker_id not in busy]
    if not free:
        return 0
    chosen = rng.sample(free, min(len(free), rng.randint(5, 12)))
    employer, destination, tier = _ROSTER_DESTINATIONS[n % len(_ROSTER_DESTINATIONS)]
    if status is BatchStatus.PREPARING:
        departure = ctx.today + timedelta(days=rng.randint(5, 30))
    else:
        departure = ctx.today - timedelta(days=rng.randint(5 + 20 * n, 25 + 20 * n))
    project = _ROSTER_PROJECTS[n % len(_ROSTER_PROJECTS)]
    batch = _create_batch(
        ctx, employer, destination, tier.value, departure, status, project=project
    )
    for worker_id, skill in chosen:
        busy.add(worker_id)
        ctx.writer.create(
            DispatchMember,
            {
                "batch_id": batch.id,
                "worker_id": worker_id,
                "match_id": None,
                "work_type": skill or "普工",
                "notes": "",
                "org_code": batch.org_code,
            },
        )
        if status in (BatchStatus.ARRIVED, BatchStatus.FINISHED):
            _place(ctx, worker_id, batch, departure + timedelta(days=1))
    return len(chosen)


def _roster_pool(ctx: DemoContext) -> list[tuple[str, str]]:
    """(worker id, first skill) of unemployed workers no match has committed."""
    rows = worker_repo.free_unemployed(
        ctx.writer.session, match_repo.committed_workers(), _ROSTER_POOL
    )
    return [(wid, skills[0] if skills else "") for wid, skills in rows]


def _create_batch(
    ctx: DemoContext,
    employer: str,
    destination: str,
    tier: str,
    departure: date,
    status: BatchStatus,
    *,
    project: str = "",
) -> DispatchBatch:
    rng = ctx.rng
    return ctx.writer.create(
        DispatchBatch,
        {
            "name": default_batch_name(employer, departure),
            "employer": employer,
            "project": project,
            "destination": destination,
            "place_tier": tier,
            "departure_date": departure,
            "transport": rng.choice(_TRANSPORT),
            "leader_name": rng.choice(_LEADERS),
            "leader_phone": f"13{rng.randint(5, 9)}{rng.randrange(10**8):08d}",
            "status": status.value,
            "notes": "",
            "org_code": ctx.station_org,
        },
    )


def _follow_departure(ctx: DemoContext, worker_id: str, batch: DispatchBatch) -> None:
    worker = worker_repo.get(ctx.writer.session, worker_id)
    if worker is None:
        return
    current = {n: getattr(worker, n) for n in ("employment_status", "employment_mode", "employer")}
    changes = departure_changes(current, {"employer": batch.employer})
    if changes:
        worker_repo.update(ctx.writer, worker, changes)


def _place(ctx: DemoContext, worker_id: str, batch: DispatchBatch, start: date) -> None:
    worker = worker_repo.get(ctx.writer.session, worker_id)
    if worker is None:
        return
    current = {n: getattr(worker, n) for n in ("employment_status", "employment_mode", "employer")}
    where = {n: getattr(batch, n) for n in ("employer", "destination", "place_tier")}
    changes: dict[str, Any] = arrival_changes(current, where, min(start, ctx.today))
    changes["monthly_income"] = ctx.rng.randrange(4000, 7000, 100)
    worker_repo.update(ctx.writer, worker, changes)
