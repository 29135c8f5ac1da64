"""The matching engine: for a job, rank workers; for a worker, rank open jobs.

Hard constraints (a pair that breaks one is never recommended):
- the worker is available (see ``matching_profiles``: not archived; 未就业, 务农 or
  灵活就业; no 录用/已上岗 match);
- the job is open on the day asked about (招聘中, not archived, deadline not passed);
- the worker's age in full years on that day lies in the job's age range; a
  公益性岗位 applies the rules' range instead of a narrower one of its own
  (``jobs_welfare.welfare_age_range``), and every job at least the hiring age of 16;
- a 公益性岗位 goes only to 脱贫享受政策人口（含监测对象）, 农村低收入人口, 农村残疾人
  and 农村大龄人员（45-65周岁） (mission measure 5).

Everything else only adds points (weights and their reasons: ``matching_weights``).
Results are best first, ties broken by record id, so the same input always gives
the same list. Reasons, in Chinese, are built only for the results returned.

Speed: ranking 100k workers for one job touches each worker once, with no
allocation per candidate: the job's facts are folded before the loop (birth-date
bounds of its age range, the 大龄 birth-date window, and one point table per scoring
term, from the worker's value to its points, filled on first sight by the helpers
``_score`` uses), priority points come from a 32-entry table indexed by group bits,
and candidates are collected in one list per score (scores are small integers)
instead of being sorted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Protocol, TypeVar

from broker_app.domain.common.enums import EmploymentStatus, JobKind, JobStatus, PlaceTier
from broker_app.domain.jobs.age import birth_bounds
from broker_app.domain.jobs.wage import WageUnit
from broker_app.domain.matching import weights as w
from broker_app.domain.matching.profiles import (
    AVAILABLE_STATUSES,
    DISABLED,
    LOW_INCOME,
    MONITORED,
    NO_AGE_LIMIT,
    OLDER,
    POVERTY,
    TIER_ORDER,
    JobProfile,
    WorkerProfile,
)
from broker_app.domain.people.idcard import age_on
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE

K = TypeVar("K")
_UNEMPLOYED: Final = EmploymentStatus.UNEMPLOYED.value
_FIRST: Final = POVERTY | MONITORED
_WELFARE_GROUPS: Final = POVERTY | MONITORED | LOW_INCOME | DISABLED | OLDER


def _priority_points(bits: int) -> int:
    points = w.FIRST_PRIORITY if bits & _FIRST else 0
    for bit in (LOW_INCOME, DISABLED, OLDER):
        if bits & bit:
            points += w.OTHER_PRIORITY
    return points


#: Priority points for every combination of group bits (monotone in each bit).
PRIORITY_POINTS: Final = tuple(_priority_points(bits) for bits in range(32))
_TIER_LABELS: Final = {tier.value: tier.label for tier in PlaceTier}
_KIND_LABELS: Final = {kind.value: kind.label for kind in JobKind}
_TIER_RANK: Final = {tier: rank for rank, tier in enumerate(TIER_ORDER)}


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One ranked candidate: a worker id (ranking for a job) or a job id."""

    record_id: str
    score: int
    reasons: tuple[str, ...]


def rank_workers(
    job: JobProfile,
    workers: Iterable[WorkerProfile],
    on: date,
    limit: int | None = None,
) -> list[Recommendation]:
    """Workers for ``job`` best first (at most ``limit``); empty if the job is not open."""
    if not job.is_open(on) or (limit is not None and limit <= 0):
        return []
    first_birth, last_birth = _birth_window(job.eff_age_min, job.eff_age_max, on)
    older_first, older_last = _birth_window(OLDER_MIN_AGE, OLDER_MAX_AGE, on)
    welfare = job.welfare
    available = AVAILABLE_STATUSES
    buckets: list[list[WorkerProfile]] = [[] for _ in range(w.MAX_SCORE + 1)]
    points = _JobPoints(job)
    skill, intended, near = points.skill, points.intended, points.near
    wage, wish, kind, brand, status = (
        points.wage,
        points.wish,
        points.kind,
        points.brand,
        points.status,
    )
    priority = PRIORITY_POINTS
    for worker in workers:
        if worker.archived or worker.committed or worker.employment_status not in available:
            continue
        birth = worker.birth_date
        if birth < first_birth or birth > last_birth:
            continue
        groups = worker.groups
        if older_first <= birth <= older_last:
            groups |= OLDER
        elif welfare and not groups:
            continue
        buckets[
            skill[worker.skills]
            + intended[worker.intended_trades]
            + priority[groups]
            + near[worker.org_code]
            + wage[worker.expected_wage]
            + wish[worker.intended_place_tier]
            + kind[worker.intended_kinds]
            + brand[worker.labor_brand]
            + status[worker.employment_status]
        ].append(worker)
    return _take(buckets, limit, lambda worker: _explain(job, worker, on, worker.id))


def rank_jobs(
    worker: WorkerProfile,
    jobs: Iterable[JobProfile],
    on: date,
    limit: int | None = None,
) -> list[Recommendation]:
    """Open jobs for ``worker`` best first (at most ``limit``); empty if the worker is
    not available."""
    if not is_available(worker) or (limit is not None and limit <= 0):
        return []
    age = age_on(worker.birth_date, on) if worker.birth_date <= on else -1
    older = OLDER_MIN_AGE <= age <= OLDER_MAX_AGE
    eligible_for_welfare = bool(worker.groups) or older
    buckets: list[list[JobProfile]] = [[] for _ in range(w.MAX_SCORE + 1)]
    for job in jobs:
        if not job.is_open(on) or not job.eff_age_min <= age <= job.eff_age_max:
            continue
        if job.welfare and not eligible_for_welfare:
            continue
        buckets[_score(job, worker, older, None)].append(job)
    return _take(buckets, limit, lambda job: _explain(job, worker, on, job.id))


def is_available(worker: WorkerProfile) -> bool:
    return (
        not worker.archived
        and not worker.committed
        and worker.employment_status in AVAILABLE_STATUSES
    )


def evaluate(job: JobProfile, worker: WorkerProfile, on: date) -> Recommendation | None:
    """The score and reasons of one pair, or None if a hard constraint rules it out."""
    if exclusion_reasons(job, worker, on):
        return None
    return _explain(job, worker, on, worker.id)


def exclusion_reasons(job: JobProfile, worker: WorkerProfile, on: date) -> list[str]:
    """Why the pair cannot be recommended, in Chinese (empty: it can)."""
    reasons = worker_exclusions(worker)
    if job.archived or job.status != JobStatus.OPEN.value:
        status = JobStatus.from_label(job.status)
        reasons.append(f"岗位{status.label if status else '未在招聘'}，不再推荐")
    elif job.deadline is not None and on > job.deadline:
        reasons.append(f"岗位报名已于{job.deadline.isoformat()}截止")
    age = age_on(worker.birth_date, on) if worker.birth_date <= on else -1
    if not job.eff_age_min <= age <= job.eff_age_max:
        reasons.append(f"年龄{age}周岁，不在岗位要求的{_age_text(job)}内")
    older = OLDER_MIN_AGE <= age <= OLDER_MAX_AGE
    if job.welfare and not (worker.groups or older):
        reasons.append(
            "不属于公益性岗位安置对象（脱贫人口含监测对象、农村低收入人口、"
            f"农村残疾人、{OLDER_MIN_AGE}-{OLDER_MAX_AGE}周岁大龄人员）"
        )
    return reasons


def worker_exclusions(worker: WorkerProfile) -> list[str]:
    """Why a worker is not available for any job, in Chinese (empty: available)."""
    reasons = []
    if worker.archived:
        reasons.append("记录已归档")
    if worker.employment_status not in AVAILABLE_STATUSES:
        status = EmploymentStatus.from_label(worker.employment_status)
        reasons.append(f"就业状态为“{status.label if status else worker.employment_status}”")
    if worker.committed:
        reasons.append("已有录用或已上岗的岗位")
    return reasons


# -- scoring -------------------------------------------------------------------------


def _score(job: JobProfile, worker: WorkerProfile, older: bool, why: list[str] | None) -> int:
    """Points of a pair that passed the hard constraints; with ``why`` also the reasons.

    The one scoring routine: ``rank_jobs`` calls it with ``why=None``, and
    ``rank_workers`` sums point tables filled by the same helpers (``_JobPoints``),
    so the reasons shown always belong to the score shown.
    """
    score = 0
    trades = job.trades
    if trades:
        if not trades.isdisjoint(worker.skills):
            score += w.SKILL
            if why is not None:
                why.append("工种匹配：" + "、".join(sorted(trades & worker.skills)))
        if not trades.isdisjoint(worker.intended_trades):
            score += w.INTENDED_TRADE
            if why is not None:
                why.append("意向工种：" + "、".join(sorted(trades & worker.intended_trades)))
    bits = worker.groups | OLDER if older else worker.groups
    if bits:
        score += PRIORITY_POINTS[bits]
        if why is not None:
            _priority_reasons(bits, job.welfare, why)
    rank = job.tier_rank
    if rank == 0:
        score += _nearness(job, worker.org_code, why)
    expected = worker.expected_wage
    if expected is not None and (job.monthly_min is not None or job.monthly_max is not None):
        score += _wage(job, expected, why)
    wish = worker.intended_place_tier
    if wish is not None and wish in _TIER_RANK:
        score += _place_wish(rank, _TIER_RANK[wish], wish, job.place_tier, why)
    if job.kind in worker.intended_kinds:
        score += w.INTENDED_KIND
        if why is not None:
            why.append(f"意向岗位类型：{_KIND_LABELS.get(job.kind, job.kind)}")
    brand = worker.labor_brand
    if brand and brand in job.brands:
        score += w.LABOR_BRAND
        if why is not None:
            why.append(f"劳务品牌：{brand}")
    if worker.employment_status == _UNEMPLOYED:
        score += w.UNEMPLOYED
        if why is not None:
            why.append("目前未就业")
    return score


class _Points(dict[K, int]):
    """Points of one scoring term by the worker's value, worked out on first sight."""

    __slots__ = ("_points",)

    def __init__(self, points: Callable[[K], int]) -> None:
        super().__init__()
        self._points = points

    def __missing__(self, key: K) -> int:
        value = self[key] = self._points(key)
        return value


class _JobPoints:
    """The terms of ``_score`` for one job, each a table from the worker's value to
    its points, so ranking many workers costs a few dictionary look-ups per worker.

    Each table is filled by the same helpers ``_score`` calls (with ``why=None``),
    so a ranked score always equals the explained one; the workers of a station
    share few distinct values (skill sets, villages, wages), so the tables stay small.
    """

    __slots__ = ("brand", "intended", "kind", "near", "skill", "status", "wage", "wish")

    def __init__(self, job: JobProfile) -> None:
        trades = job.trades
        rank = job.tier_rank
        has_wage = job.monthly_min is not None or job.monthly_max is not None

        def skill(skills: frozenset[str]) -> int:
            return w.SKILL if trades and not trades.isdisjoint(skills) else 0

        def intended(wishes: frozenset[str]) -> int:
            return w.INTENDED_TRADE if trades and not trades.isdisjoint(wishes) else 0

        def near(org_code: str) -> int:
            return _nearness(job, org_code, None) if rank == 0 else 0

        def wage(expected: int | None) -> int:
            return _wage(job, expected, None) if expected is not None and has_wage else 0

        def wish(tier: str | None) -> int:
            if tier is None or tier not in _TIER_RANK:
                return 0
            return _place_wish(rank, _TIER_RANK[tier], tier, job.place_tier, None)

        def kind(kinds: frozenset[str]) -> int:
            return w.INTENDED_KIND if job.kind in kinds else 0

        def brand(name: str) -> int:
            return w.LABOR_BRAND if name and name in job.brands else 0

        def status(value: str) -> int:
            return w.UNEMPLOYED if value == _UNEMPLOYED else 0

        self.skill = _Points(skill)
        self.intended = _Points(intended)
        self.near = _Points(near)
        self.wage = _Points(wage)
        self.wish = _Points(wish)
        self.kind = _Points(kind)
        self.brand = _Points(brand)
        self.status = _Points(status)


def _nearness(job: JobProfile, org_code: str, why: list[str] | None) -> int:
    if job.village is not None and org_code == job.village:
        points, text = w.SAME_VILLAGE, "就近：本村岗位"
    elif job.township is not None and org_code.startswith(job.township):
        points, text = w.SAME_TOWNSHIP, "就近：本镇（街道）岗位"
    else:
        points, text = w.IN_COUNTY, "就近：县内岗位"
    if why is not None:
        why.append(text)
    return points


def _wage(job: JobProfile, expected: int, why: list[str] | None) -> int:
    low, high = job.monthly_min, job.monthly_max
    converted = "" if job.wage_unit == WageUnit.MONTH.value else "（按月折算）"
    if high is not None and expected > high:
        if why is not None:
            why.append(f"期望月薪{expected}元高于岗位薪资上限约{high}元{converted}")
        return 0
    if why is not None:
        if low is not None and expected < low:
            why.append(f"岗位薪资高于期望月薪{expected}元{converted}")
        else:
            why.append(f"期望月薪{expected}元在岗位薪资范围内{converted}")
    return w.WAGE_FIT


def _place_wish(rank: int, wished: int, wish: str, tier: str, why: list[str] | None) -> int:
    if rank == wished:
        if why is not None:
            why.append(f"意向务工地域：{_TIER_LABELS[wish]}")
        return w.INTENDED_PLACE_TIER
    if rank < wished:
        if why is not None:
            why.append(f"岗位比意向务工地域（{_TIER_LABELS[wish]}）更近")
        return w.NEARER_THAN_INTENDED
    if why is not None:
        label = _TIER_LABELS.get(tier, tier)
        why.append(f"岗位在{label}，远于意向务工地域（{_TIER_LABELS[wish]}）")
    return 0


def _priority_reasons(bits: int, welfare: bool, why: list[str]) -> None:
    if welfare:
        groups = [
            label
            for bit, label in (
                (POVERTY, "脱贫人口"),
                (MONITORED, "防止返贫监测对象"),
                (LOW_INCOME, "农村低收入人口"),
                (DISABLED, "农村残疾人"),
                (OLDER, f"{OLDER_MIN_AGE}-{OLDER_MAX_AGE}周岁大龄人员"),
            )
            if bits & bit
        ]
        why.append("公益性岗位安置对象：" + "、".join(groups))
    if bits & POVERTY and bits & MONITORED:
        why.append("脱贫人口（监测对象）优先")
    elif bits & POVERTY:
        why.append("脱贫人口优先")
    elif bits & MONITORED:
        why.append("防止返贫监测对象优先")
    if bits & LOW_INCOME:
        why.append("农村低收入人口优先")
    if bits & DISABLED:
        why.append("农村残疾人优先")
    if bits & OLDER:
        why.append(f"大龄人员（{OLDER_MIN_AGE}-{OLDER_MAX_AGE}周岁）")


def _explain(job: JobProfile, worker: WorkerProfile, on: date, record_id: str) -> Recommendation:
    age = age_on(worker.birth_date, on) if worker.birth_date <= on else -1
    why: list[str] = []
    score = _score(job, worker, OLDER_MIN_AGE <= age <= OLDER_MAX_AGE, why)
    return Recommendation(record_id, score, tuple(why))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def _take(
    buckets: Sequence[list[T]], limit: int | None, explain: Callable[[T], Recommendation]
) -> list[Recommendation]:
    """The best ``limit`` candidates, highest score first, ties by id."""
    chosen: list[T] = []
    for bucket in reversed(buckets):
        if not bucket:
            continue
        bucket.sort(key=_id_of)
        chosen.extend(bucket if limit is None else bucket[: limit - len(chosen)])
        if limit is not None and len(chosen) >= limit:
            break
    return [explain(item) for item in chosen]


def _id_of(item: _HasId) -> str:
    return item.id


def _birth_window(minimum: int, maximum: int, on: date) -> tuple[date, date]:
    """Inclusive birth-date window of ages [minimum, maximum] on ``on``."""
    earliest, latest = birth_bounds(minimum, maximum if maximum < NO_AGE_LIMIT else None, on)
    return earliest or date.min, latest or date.max


def _age_text(job: JobProfile) -> str:
    low = job.eff_age_min
    high = job.eff_age_max
    return f"{low}-{high}周岁" if high < NO_AGE_LIMIT else f"{low}周岁以上"
