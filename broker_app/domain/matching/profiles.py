"""What the matching engine knows of a worker and of a job: light records built from
column values (never ORM objects), with the text already folded for matching.

Who is available
----------------
A worker may be recommended only when all of these hold:

1. the record is not archived;
2. the employment status is 未就业, 务农 or 灵活就业: people without work, farmers
   with slack time (the 农村剩余劳动力 the mission is about) and gig workers who take
   more work (measure 5 even lets 公益性岗位 holders do 灵活就业). 已就业 and 自主创业
   people have work; 无劳动能力 people cannot take it;
3. no match of theirs stands at 录用 or 已上岗: they are committed to a job through
   this station even if the roster's status has not caught up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from broker_app.domain.common.enums import (
    EmploymentStatus,
    JobKind,
    JobStatus,
    MatchStatus,
    PlaceTier,
    PriorityGroup,
)
from broker_app.domain.jobs.rules import MIN_HIRING_AGE
from broker_app.domain.jobs.wage import monthly_equivalent
from broker_app.domain.jobs.welfare import welfare_age_range
from broker_app.domain.matching.worktypes import brands_for, intended_kinds, trade_keys

AVAILABLE_STATUSES: Final = frozenset(
    {
        EmploymentStatus.UNEMPLOYED.value,
        EmploymentStatus.FARMING.value,
        EmploymentStatus.FLEXIBLE.value,
    }
)
#: Match statuses that commit a worker to a job (and count toward its headcount).
COMMITTED_MATCH_STATUSES: Final = frozenset({MatchStatus.HIRED.value, MatchStatus.ON_DUTY.value})

# Priority groups as bits of ``WorkerProfile.groups``; 大龄 depends on the day asked
# about, so the engine adds it as bit 16 itself.
POVERTY: Final = 1
MONITORED: Final = 2
LOW_INCOME: Final = 4
DISABLED: Final = 8
OLDER: Final = 16
GROUP_BITS: Final = (
    (POVERTY, PriorityGroup.POVERTY_ALLEVIATED),
    (MONITORED, PriorityGroup.MONITORED),
    (LOW_INCOME, PriorityGroup.LOW_INCOME),
    (DISABLED, PriorityGroup.DISABLED),
    (OLDER, PriorityGroup.OLDER),
)
#: Nearness order of place tiers (index = distance).
TIER_ORDER: Final = (
    PlaceTier.IN_COUNTY.value,
    PlaceTier.OUT_COUNTY_IN_PROVINCE.value,
    PlaceTier.OUT_OF_PROVINCE.value,
    PlaceTier.ABROAD.value,
)
_TIER_RANK = {tier: rank for rank, tier in enumerate(TIER_ORDER)}
NO_AGE_LIMIT: Final = 200


@dataclass(slots=True)
class WorkerProfile:
    """One worker as the engine sees them; build with ``worker_profile``."""

    id: str
    birth_date: date
    org_code: str  # household village
    employment_status: str
    skills: frozenset[str]  # canonical trades
    intended_trades: frozenset[str]
    intended_kinds: frozenset[str]  # JobKind values
    intended_place_tier: str | None
    expected_wage: int | None
    labor_brand: str
    groups: int  # POVERTY | MONITORED | LOW_INCOME | DISABLED bits
    archived: bool = False
    committed: bool = False  # has a 录用 / 已上岗 match


def group_bits(
    *, poverty_alleviated: bool, monitored: bool, low_income: bool, disabled: bool
) -> int:
    return (
        (POVERTY if poverty_alleviated else 0)
        | (MONITORED if monitored else 0)
        | (LOW_INCOME if low_income else 0)
        | (DISABLED if disabled else 0)
    )


def worker_profile(
    *,
    id: str,
    birth_date: date,
    org_code: str,
    employment_status: str = EmploymentStatus.UNEMPLOYED.value,
    skills: Iterable[str] = (),
    intended_work_types: Iterable[str] = (),
    intended_place_tier: str | None = None,
    expected_wage: int | None = None,
    labor_brand: str = "",
    poverty_alleviated: bool = False,
    monitored: bool = False,
    low_income: bool = False,
    disabled: bool = False,
    archived: bool = False,
    committed: bool = False,
) -> WorkerProfile:
    """A profile from a worker's stored values (``monitored``: any monitoring type)."""
    wishes = tuple(intended_work_types)
    return WorkerProfile(
        id=id,
        birth_date=birth_date,
        org_code=org_code,
        employment_status=employment_status,
        skills=trade_keys(skills),
        intended_trades=trade_keys(wishes),
        intended_kinds=intended_kinds(wishes),
        intended_place_tier=intended_place_tier,
        expected_wage=expected_wage,
        labor_brand=labor_brand or "",
        groups=group_bits(
            poverty_alleviated=poverty_alleviated,
            monitored=monitored,
            low_income=low_income,
            disabled=disabled,
        ),
        archived=archived,
        committed=committed,
    )


@dataclass(slots=True)
class JobProfile:
    """One posting as the engine sees it; the fields after ``archived`` are derived."""

    id: str
    title: str
    kind: str
    work_type: str
    place_org_code: str | None
    place_tier: str
    wage_min: int | None
    wage_max: int | None
    wage_unit: str
    age_min: int | None
    age_max: int | None
    requirements: str = ""
    status: str = JobStatus.OPEN.value
    deadline: date | None = None
    archived: bool = False
    # Derived once, so ranking many workers repeats none of it.
    trades: frozenset[str] = field(init=False)
    welfare: bool = field(init=False)
    eff_age_min: int = field(init=False)
    eff_age_max: int = field(init=False)
    monthly_min: int | None = field(init=False)
    monthly_max: int | None = field(init=False)
    brands: frozenset[str] = field(init=False)
    tier_rank: int = field(init=False)
    village: str | None = field(init=False)  # place is this village
    township: str | None = field(init=False)  # 9-digit prefix of the place's township

    def __post_init__(self) -> None:
        self.trades = trade_keys((self.work_type,)) or trade_keys((self.title,))
        self.welfare = self.kind == JobKind.PUBLIC_WELFARE.value
        if self.welfare:
            self.eff_age_min, self.eff_age_max = welfare_age_range(self.age_min, self.age_max)
        else:
            self.eff_age_min = max(self.age_min or MIN_HIRING_AGE, MIN_HIRING_AGE)
            self.eff_age_max = NO_AGE_LIMIT if self.age_max is None else self.age_max
        self.monthly_min = monthly_equivalent(self.wage_min, self.wage_unit)
        self.monthly_max = monthly_equivalent(self.wage_max, self.wage_unit)
        self.brands = brands_for(self.trades, self.title + self.requirements)
        self.tier_rank = _TIER_RANK.get(self.place_tier, len(TIER_ORDER))
        code = self.place_org_code if self.tier_rank == 0 else None
        self.village = code if code and not code.endswith("000") else None
        self.township = code[:9] if code and not code.endswith("000000") else None

    def is_open(self, on: date) -> bool:
        """Taking people on day ``on``: 招聘中, not archived, deadline not passed."""
        return (
            self.status == JobStatus.OPEN.value
            and not self.archived
            and (self.deadline is None or on <= self.deadline)
        )
