"""Invariants of the matching engine over generated workers and jobs."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from broker_app.domain.matching.engine import evaluate, is_available, rank_jobs, rank_workers
from broker_app.domain.matching.profiles import (
    DISABLED,
    LOW_INCOME,
    MONITORED,
    POVERTY,
    JobProfile,
    WorkerProfile,
    worker_profile,
)
from broker_app.domain.matching.weights import MAX_SCORE
from broker_app.domain.people.idcard import age_on
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE

TRADES = ["焊工", "电焊工", "电工", "保洁", "普工", "厨师", "缝纫工", "钳工", "零工", "公益岗"]
STATUSES = ["unemployed", "employed", "flexible", "farming", "self_employed", "unable"]
TIERS = ["in_county", "in_province", "out_of_province", "abroad"]
PLACES = [None, "370883107000", "370883107200", "370883107201", "370883101200", "370883000000"]
VILLAGES = ["370883107200", "370883107201", "370883101200"]
ON = st.dates(date(2024, 1, 1), date(2026, 12, 31))

workers = st.builds(
    worker_profile,
    id=st.uuids().map(str),
    birth_date=st.dates(date(1940, 1, 1), date(2009, 12, 31)),
    org_code=st.sampled_from(VILLAGES),
    employment_status=st.sampled_from(STATUSES),
    skills=st.lists(st.sampled_from(TRADES), max_size=3),
    intended_work_types=st.lists(st.sampled_from(TRADES), max_size=2),
    intended_place_tier=st.sampled_from([None, *TIERS]),
    expected_wage=st.sampled_from([None, 2000, 3500, 5000, 9000]),
    labor_brand=st.sampled_from(["", "梁山好焊", "鲁菜师傅"]),
    poverty_alleviated=st.booleans(),
    monitored=st.booleans(),
    low_income=st.booleans(),
    disabled=st.booleans(),
    archived=st.booleans(),
    committed=st.booleans(),
)


@st.composite
def jobs(draw: st.DrawFn) -> JobProfile:
    place = draw(st.sampled_from(PLACES))
    tier = "in_county" if place else draw(st.sampled_from(TIERS))
    low = draw(st.sampled_from([None, 16, 18, 30, 45]))
    high = draw(st.sampled_from([None, 40, 55, 60, 70]))
    if low is not None and high is not None and low > high:
        low, high = high, low
    wage_low = draw(st.sampled_from([None, 100, 3000, 4000]))
    wage_high = draw(st.sampled_from([None, 200, 5000, 8000]))
    if wage_low is not None and wage_high is not None and wage_low > wage_high:
        wage_low, wage_high = wage_high, wage_low
    return JobProfile(
        id=str(draw(st.uuids())),
        title=draw(st.sampled_from(["电焊工", "保洁员", "招聘"])),
        kind=draw(st.sampled_from(["full_time", "gig", "seasonal", "public_welfare"])),
        work_type=draw(st.sampled_from(["", *TRADES])),
        place_org_code=place,
        place_tier=tier,
        wage_min=wage_low,
        wage_max=wage_high,
        wage_unit=draw(st.sampled_from(["month", "day"])),
        age_min=low,
        age_max=high,
        requirements=draw(st.sampled_from(["", "梁山好焊优先"])),
        status=draw(st.sampled_from(["open", "open", "open", "closed"])),
        deadline=draw(st.sampled_from([None, date(2025, 6, 1)])),
    )


def passes_hard_constraints(job: JobProfile, worker: WorkerProfile, on: date) -> bool:
    """The rules written out independently of the engine's fast paths."""
    if not is_available(worker) or not job.is_open(on):
        return False
    age = age_on(worker.birth_date, on) if worker.birth_date <= on else -1
    low, high = job.eff_age_min, job.eff_age_max
    if not low <= age <= high:
        return False
    if job.welfare:
        older = OLDER_MIN_AGE <= age <= OLDER_MAX_AGE
        return bool(worker.groups) or older
    return True


@settings(max_examples=150)
@given(jobs(), st.lists(workers, max_size=40), ON)
def test_every_candidate_passes_the_hard_constraints(
    job: JobProfile, people: list[WorkerProfile], on: date
) -> None:
    ranked = rank_workers(job, people, on)
    by_id = {p.id: p for p in people}
    assert {r.record_id for r in ranked} == {
        p.id for p in people if passes_hard_constraints(job, p, on)
    }
    for rec in ranked:
        worker = by_id[rec.record_id]
        assert not worker.archived and not worker.committed
        if job.age_max is not None and not job.welfare:
            assert age_on(worker.birth_date, on) <= job.age_max


@settings(max_examples=150)
@given(jobs(), st.lists(workers, max_size=40), ON, st.randoms(use_true_random=False))
def test_sorted_and_deterministic(
    job: JobProfile, people: list[WorkerProfile], on: date, rng: random.Random
) -> None:
    ranked = rank_workers(job, people, on)
    keys = [(-r.score, r.record_id) for r in ranked]
    assert keys == sorted(keys)
    assert all(0 <= r.score <= MAX_SCORE for r in ranked)
    shuffled = list(people)
    rng.shuffle(shuffled)
    assert rank_workers(job, shuffled, on) == ranked
    assert rank_workers(job, people, on, limit=3) == ranked[:3]


@settings(max_examples=200)
@given(jobs(), workers, ON, st.sampled_from([POVERTY, MONITORED, LOW_INCOME, DISABLED]))
def test_adding_a_priority_flag_never_lowers_a_score(
    job: JobProfile, worker: WorkerProfile, on: date, bit: int
) -> None:
    before = evaluate(job, worker, on)
    after = evaluate(job, replace(worker, groups=worker.groups | bit), on)
    if before is not None:
        assert after is not None
        assert after.score >= before.score


@settings(max_examples=150)
@given(st.lists(jobs(), max_size=15), st.lists(workers, min_size=1, max_size=15), ON)
def test_both_directions_agree(
    job_list: list[JobProfile], people: list[WorkerProfile], on: date
) -> None:
    for_job = {
        (job.id, r.record_id): r.score for job in job_list for r in rank_workers(job, people, on)
    }
    for_worker = {
        (r.record_id, worker.id): r.score
        for worker in people
        for r in rank_jobs(worker, job_list, on)
    }
    assert for_job == for_worker


@settings(max_examples=100)
@given(jobs(), workers, ON)
def test_reasons_belong_to_the_score(job: JobProfile, worker: WorkerProfile, on: date) -> None:
    result = evaluate(job, worker, on)
    ranked = rank_workers(job, [worker], on)
    if result is None:
        assert ranked == []
    else:
        assert ranked == [result]
        assert (result.score > 0) == bool(
            [r for r in result.reasons if "高于岗位薪资上限" not in r and "远于" not in r]
        )


#: Workers free to take a job (most pass the hard constraints, so rankings are long).
free_workers = workers.map(lambda p: replace(p, archived=False, committed=False))


@settings(max_examples=300)
@given(
    jobs().map(lambda job: replace(job, status="open", deadline=None)),
    st.lists(free_workers, max_size=60),
    ON,
    st.one_of(st.none(), st.integers(1, 10)),
)
def test_ranking_equals_scoring_each_pair(
    job: JobProfile, people: list[WorkerProfile], on: date, limit: int | None
) -> None:
    """The ranking's per-job point tables give the list that scoring every pair on its
    own (``evaluate``: the one scoring routine, reasons included) and sorting gives."""
    one_by_one = [rec for worker in people if (rec := evaluate(job, worker, on)) is not None]
    one_by_one.sort(key=lambda rec: (-rec.score, rec.record_id))
    expected = one_by_one if limit is None else one_by_one[:limit]
    assert rank_workers(job, people, on, limit) == expected
