"""Matching workloads: rank 100k workers for one job, and 5k open jobs for one worker.

    python benchmarks/matching.py [--workers 100000] [--jobs 5000] [--repeat 7] [--store]

The engine phases rank in-memory profiles (what the service hands the engine after
its SQL prefilter): targets are under 300 ms and under 100 ms. With ``--store`` the
same two questions are also asked end to end through ``MatchingService`` on a
fresh station database filled by ``demo-data`` plus extra open postings, which adds
the SQL prefilter, loading the profiles and dressing the results.
Medians are printed, with the slowest run beside them.
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broker_app.domain.matching.engine import rank_jobs, rank_workers  # noqa: E402
from broker_app.domain.matching.profiles import (  # noqa: E402
    JobProfile,
    WorkerProfile,
    worker_profile,
)

TODAY = date(2025, 6, 1)
TRADES = ("焊工", "电焊工", "电工", "瓦工", "木工", "保洁员", "普工", "厨师", "叉车工",
          "缝纫工", "货车司机", "养老护理员", "快递员", "钢筋工", "挖掘机司机")  # fmt: skip
STATUSES = ("employed", "unemployed", "flexible", "farming", "self_employed", "unable")
STATUS_WEIGHTS = (46, 18, 14, 14, 5, 3)
TIERS = ("in_county", "in_province", "out_of_province")
KINDS = ("full_time", "gig", "seasonal", "public_welfare", "work_for_relief",
         "assistance_workshop")  # fmt: skip


def synthetic_workers(n: int, rng: random.Random) -> list[WorkerProfile]:
    villages = [f"370883107{200 + i:03d}" for i in range(90)] + [
        f"370883101{200 + i:03d}" for i in range(30)
    ]
    workers = []
    for i in range(n):
        workers.append(
            worker_profile(
                id=f"{i:08d}",
                birth_date=TODAY - timedelta(days=rng.randint(18 * 365, 64 * 365)),
                org_code=rng.choice(villages),
                employment_status=rng.choices(STATUSES, STATUS_WEIGHTS)[0],
                skills=rng.sample(TRADES, rng.choice((0, 1, 1, 2))),
                intended_work_types=rng.sample(TRADES, rng.choice((0, 1))),
                intended_place_tier=rng.choice((None, *TIERS)),
                expected_wage=rng.choice((None, 3000, 4000, 5000, 6000)),
                labor_brand=rng.choice(("", "", "", "", "", "梁山好焊")),
                poverty_alleviated=rng.random() < 0.12,
                monitored=rng.random() < 0.03,
                low_income=rng.random() < 0.05,
                disabled=rng.random() < 0.02,
            )
        )
    return workers


def synthetic_jobs(n: int, rng: random.Random) -> list[JobProfile]:
    jobs = []
    for i in range(n):
        local = rng.random() < 0.6
        low = rng.choice((None, 16, 18, 20))
        high = rng.choice((None, 45, 50, 55, 60))
        jobs.append(
            JobProfile(
                id=f"job{i:06d}",
                title=rng.choice(TRADES),
                kind=rng.choice(KINDS),
                work_type=rng.choice(TRADES),
                place_org_code=rng.choice(("370883107000", "370883107201", None))
                if local
                else None,
                place_tier="in_county" if local else rng.choice(TIERS[1:]),
                wage_min=rng.choice((None, 3000, 4000)),
                wage_max=rng.choice((None, 6000, 8000)),
                wage_unit="month",
                age_min=low,
                age_max=high,
            )
        )
    return jobs


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times), result


def engine(n_workers: int, n_jobs: int, repeat: int) -> None:
    rng = random.Random(7)
    workers = synthetic_workers(n_workers, rng)
    job = JobProfile(
        id="weld", title="电焊工", kind="full_time", work_type="焊工",
        place_org_code="370883107000", place_tier="in_county", wage_min=4000,
        wage_max=6000, wage_unit="month", age_min=18, age_max=55,
    )  # fmt: skip
    welfare = JobProfile(
        id="clean", title="村庄保洁员", kind="public_welfare", work_type="保洁员",
        place_org_code="370883107201", place_tier="in_county", wage_min=800,
        wage_max=800, wage_unit="month", age_min=None, age_max=None,
    )  # fmt: skip
    for label, the_job in (("全职焊工", job), ("公益性岗位", welfare)):
        call = functools.partial(rank_workers, the_job, workers, TODAY, 50)
        median, worst, ranked = timed(call, repeat)
        print(
            f"engine: {n_workers} workers for one job ({label}), top 50: "
            f"median {median:.0f} ms (slowest {worst:.0f} ms), best score {ranked[0].score}"
        )
    jobs = synthetic_jobs(n_jobs, rng)
    person = worker_profile(
        id="p", birth_date=date(1980, 5, 1), org_code="370883107201", skills=["电焊工"],
        intended_work_types=["焊工"], intended_place_tier="in_county", expected_wage=4500,
        poverty_alleviated=True,
    )  # fmt: skip
    median, worst, ranked = timed(lambda: rank_jobs(person, jobs, TODAY), repeat)
    print(
        f"engine: {n_jobs} open jobs for one worker, all ranked ({len(ranked)} pass): "
        f"median {median:.1f} ms (slowest {worst:.1f} ms)"
    )


def through_store(n_workers: int, n_jobs: int, repeat: int) -> None:
    from broker_app.services.demo.data import DemoDataService
    from broker_app.services.matching.recommend import MatchingService
    from broker_app.services.settings.station import StationService
    from broker_app.store.models.job import JobPosting
    from broker_app.store.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        StationService(store).configure("370883000000")
        start = time.perf_counter()
        DemoDataService(store).generate(n_workers, seed=5, today=TODAY)
        print(
            f"store: demo data with {n_workers} workers made in {time.perf_counter() - start:.0f} s"
        )
        rng = random.Random(11)
        with store.write() as session:
            rows = [
                {
                    "title": job.title, "employer_name": f"企业{n}", "kind": job.kind,
                    "work_type": job.work_type, "place_org_code": job.place_org_code,
                    "place_tier": job.place_tier, "wage_min": job.wage_min,
                    "wage_max": job.wage_max, "wage_unit": "month", "age_min": job.age_min,
                    "age_max": job.age_max, "status": "open", "org_code": "370883000000",
                }
                for n, job in enumerate(synthetic_jobs(n_jobs, rng))
            ]  # fmt: skip
            store.writer(session).bulk_create(JobPosting, rows)
        service = MatchingService(store)
        with store.read() as session:
            from sqlalchemy import select

            from broker_app.store.models.worker import Worker

            job_id = session.scalar(
                select(JobPosting.id).where(
                    JobPosting.work_type == "焊工", JobPosting.age_max.is_(None),
                    JobPosting.kind == "full_time",
                )
            )  # fmt: skip
            worker_id = session.scalar(
                select(Worker.id).where(Worker.employment_status == "unemployed")
            )
        assert job_id and worker_id
        median, worst, found = timed(lambda: service.workers_for_job(job_id, 50, TODAY), repeat)
        print(
            f"store: workers for one job ({found.considered} candidates after SQL prefilter), "
            f"top 50: median {median:.0f} ms (slowest {worst:.0f} ms)"
        )
        median, worst, jobs = timed(lambda: service.jobs_for_worker(worker_id, 50, TODAY), repeat)
        print(
            f"store: jobs for one worker ({jobs.considered} open jobs), top 50: "
            f"median {median:.0f} ms (slowest {worst:.0f} ms)"
        )
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="also time the service end to end")
    args = parser.parse_args()
    engine(args.workers, args.jobs, args.repeat)
    if args.store:
        through_store(args.workers, args.jobs, args.repeat)


if __name__ == "__main__":
    main()
