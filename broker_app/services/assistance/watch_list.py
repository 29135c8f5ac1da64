"""帮扶预警: priority-group workers who need the station's attention, and why.

The mission (保障措施(二)) asks for an assistance ledger that "聚焦未就业和就业不稳的
脱贫人口" with follow-up service, and for early warning of unemployment. A worker
in any priority group (脱贫享受政策人口, 防止返贫监测对象, 农村低收入人口, 农村残疾人,
大龄 45-65 周岁 on the day) is on the watch list when, on that day:

- **未就业**: the roster says 未就业 (务农 is a status of its own and does not count);
- **近期离岗**: the recorded job ended within the last ``job_end_days`` days
  (default 30): the people most at risk of staying without work;
- **长期未跟踪**: no 跟踪服务记录 for more than ``follow_up_days`` days (default
  90, a quarter), or none ever.

People recorded as 无劳动能力 are left out: employment assistance is not what
they need. Both day counts are the station's settings (``save_rules``).

Order: most urgent first (``domain.people.watch_urgency``): 脱贫人口（含监测对象） first
(the mission's first priority), then a recent job loss before unemployment before a
missed follow-up, more reasons before fewer; ties by household village and name.
Each entry says why it is on the list (``why``) and how urgent it is; ``this_week``
is the head of the list a broker can work through in a week.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, or_, select

from broker_app.domain.common.enums import EmploymentStatus, LabeledEnum, PriorityGroup
from broker_app.domain.common.errors import FieldError
from broker_app.domain.org.units import load_zoucheng
from broker_app.domain.people.idcard import years_before
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE
from broker_app.domain.people.watch_urgency import (
    WEEKLY_CAPACITY,
    Urgency,
    urgency_level,
    urgency_score,
)
from broker_app.store.models.assistance import FollowUp
from broker_app.store.models.worker import Worker
from broker_app.store.repositories.ledger import ledger_conditions
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import Store

DEFAULT_JOB_END_DAYS: Final = 30
DEFAULT_FOLLOW_UP_DAYS: Final = 90
MAX_DAYS: Final = 3650
#: Station setting: {"job_end_days": 30, "follow_up_days": 90}.
RULES_SETTING: Final = "watch_list.rules"
ALL_GROUPS: Final = frozenset(PriorityGroup)
#: Short group names, as ledgers write them in 人员类别.
GROUP_SHORT: Final = {
    PriorityGroup.POVERTY_ALLEVIATED: "脱贫户",
    PriorityGroup.MONITORED: "监测对象",
    PriorityGroup.LOW_INCOME: "低收入",
    PriorityGroup.DISABLED: "残疾",
    PriorityGroup.OLDER: "大龄",
}


_UNEMPLOYED: Final = EmploymentStatus.UNEMPLOYED.value


class WatchReason(LabeledEnum):
    UNEMPLOYED = "unemployed", "未就业"
    JOB_ENDED = "job_ended", "近期离岗"
    NO_FOLLOW_UP = "no_follow_up", "长期未跟踪"


@dataclass(frozen=True)
class WatchRules:
    job_end_days: int = DEFAULT_JOB_END_DAYS
    follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS
    #: People a broker can contact in a week: the head of the list shown first.
    weekly_capacity: int = WEEKLY_CAPACITY

    def check(self) -> WatchRules:
        for name, value in (
            ("job_end_days", self.job_end_days),
            ("follow_up_days", self.follow_up_days),
            ("weekly_capacity", self.weekly_capacity),
        ):
            if not 1 <= value <= MAX_DAYS:
                raise FieldError(
                    name,
                    f"天数应为1到{MAX_DAYS}之间的整数",
                    f"{name} {value} out of range",
                    reason="range",
                )
        return self


@dataclass(frozen=True)
class WatchEntry:
    worker_id: str
    name: str
    id_number: str
    phone: str
    org_code: str
    groups: tuple[PriorityGroup, ...]
    employment_status: str
    employer: str
    job_end: date | None
    last_follow_up: date | None
    reasons: tuple[WatchReason, ...]
    #: The reasons in one Chinese sentence, with their days and dates.
    why: str
    #: Higher is more urgent (``domain.people.watch_urgency``); the list is sorted by it.
    score: int = 0

    @property
    def urgency(self) -> Urgency:
        return urgency_level(self.score)

    @property
    def place(self) -> str:
        """乡镇 / 村 of the household."""
        return place_name(self.org_code)

    @property
    def group_text(self) -> str:
        return "、".join(GROUP_SHORT[group] for group in self.groups)


@dataclass(frozen=True)
class WatchList:
    rules: WatchRules
    today: date
    entries: tuple[WatchEntry, ...]

    def count(self, reason: WatchReason) -> int:
        return sum(reason in entry.reasons for entry in self.entries)

    @property
    def this_week(self) -> tuple[WatchEntry, ...]:
        """The most urgent entries, as many as a broker works through in a week."""
        return self.entries[: self.rules.weekly_capacity]


def load_rules(store: Store) -> WatchRules:
    """The station's rules; the defaults where nothing (readable) is stored."""
    with store.read() as session:
        text = get_setting(session, RULES_SETTING)
    try:
        stored: Any = json.loads(text) if text else {}
    except ValueError:
        stored = {}
    if not isinstance(stored, dict):
        stored = {}
    values = {
        name: stored[name]
        for name in ("job_end_days", "follow_up_days", "weekly_capacity")
        if isinstance(stored.get(name), int) and 1 <= stored[name] <= MAX_DAYS
    }
    return WatchRules(**values)


def save_rules(store: Store, rules: WatchRules) -> None:
    rules.check()
    value = {
        "job_end_days": rules.job_end_days,
        "follow_up_days": rules.follow_up_days,
        "weekly_capacity": rules.weekly_capacity,
    }
    with store.write() as session:
        put_setting(session, RULES_SETTING, json.dumps(value))


def watch_list(
    store: Store,
    rules: WatchRules,
    *,
    groups: Collection[PriorityGroup] = ALL_GROUPS,
    reason: WatchReason | None = None,
    today: date | None = None,
) -> WatchList:
    """Workers of ``groups`` on the watch list on ``today``; only those with
    ``reason`` when given."""
    today = today or date.today()
    rules.check()
    ended_since = today - timedelta(days=rules.job_end_days)
    followed_since = today - timedelta(days=rules.follow_up_days)
    last = (
        select(FollowUp.worker_id, func.max(FollowUp.date).label("last"))
        .where(FollowUp.archived.is_(False))
        .group_by(FollowUp.worker_id)
        .subquery()
    )
    conditions: dict[WatchReason, ColumnElement[bool]] = {
        WatchReason.UNEMPLOYED: Worker.employment_status == EmploymentStatus.UNEMPLOYED.value,
        WatchReason.JOB_ENDED: and_(Worker.job_end >= ended_since, Worker.job_end <= today),
        WatchReason.NO_FOLLOW_UP: or_(last.c.last.is_(None), last.c.last < followed_since),
    }
    wanted = [conditions[reason]] if reason else list(conditions.values())
    stmt = (
        select(
            Worker.id,
            Worker.name,
            Worker.id_number,
            Worker.phone,
            Worker.org_code,
            Worker.poverty_alleviated,
            Worker.monitoring_type,
            Worker.low_income,
            Worker.disabled,
            Worker.birth_date,
            Worker.employment_status,
            Worker.employer,
            Worker.job_end,
            last.c.last,
        )
        .outerjoin(last, last.c.worker_id == Worker.id)
        .where(
            *ledger_conditions(frozenset(groups) or ALL_GROUPS, today),
            Worker.employment_status != EmploymentStatus.UNABLE.value,
            or_(*wanted),
        )
        .order_by(Worker.org_code, Worker.name_sort, Worker.pk)
    )
    with store.read() as session:
        rows = session.execute(stmt).all()
    groups_of = _Groups(today)
    entries = [
        _entry(tuple(row), groups_of, today, ended_since, followed_since, rules) for row in rows
    ]
    # Stable: equal scores keep the query's village-and-name order.
    entries.sort(key=lambda e: -e.score)
    return WatchList(rules, today, tuple(entries))


class _Groups:
    """Priority groups of a row, as ``domain.people.priority.priority_groups`` judges them,
    without its per-call enum walk (the list can hold tens of thousands of people)."""

    def __init__(self, today: date) -> None:
        self.older_after = years_before(today, OLDER_MAX_AGE + 1)
        self.older_until = years_before(today, OLDER_MIN_AGE)
        self._tuples: dict[tuple[bool, ...], tuple[PriorityGroup, ...]] = {}

    def of(
        self, poverty: Any, monitoring: Any, low_income: Any, disabled: Any, birth: date | None
    ) -> tuple[PriorityGroup, ...]:
        older = birth is not None and self.older_after < birth <= self.older_until
        flags = (bool(poverty), monitoring is not None, bool(low_income), bool(disabled), older)
        found = self._tuples.get(flags)
        if found is None:
            found = tuple(g for g, on in zip(PriorityGroup, flags, strict=True) if on)
            self._tuples[flags] = found
        return found


def _entry(
    row: tuple[Any, ...],
    groups_of: _Groups,
    today: date,
    ended_since: date,
    followed_since: date,
    rules: WatchRules,
) -> WatchEntry:
    (worker_id, name, id_number, phone, org_code, poverty, monitoring, low_income, disabled,
     birth, status, employer, job_end, last) = row  # fmt: skip
    reasons: list[WatchReason] = []
    texts: list[str] = []
    if status == _UNEMPLOYED:
        reasons.append(WatchReason.UNEMPLOYED)
        texts.append("未就业")
    if job_end is not None and ended_since <= job_end <= today:
        reasons.append(WatchReason.JOB_ENDED)
        days = (today - job_end).days
        when = "今天离岗" if days == 0 else f"{days}天前离岗"
        detail = f"{job_end.isoformat()}，{employer}" if employer else job_end.isoformat()
        texts.append(f"{when}（{detail}）")
    if last is None or last < followed_since:
        reasons.append(WatchReason.NO_FOLLOW_UP)
        if last is None:
            texts.append("从未跟踪服务")
        else:
            texts.append(f"{(today - last).days}天未跟踪服务（上次{last.isoformat()}）")
    groups = groups_of.of(poverty, monitoring, low_income, disabled, birth)
    score = urgency_score(
        groups,
        unemployed=WatchReason.UNEMPLOYED in reasons,
        job_ended=job_end if WatchReason.JOB_ENDED in reasons else None,
        job_end_days=rules.job_end_days,
        never_followed=last is None,
        last_follow_up=last if WatchReason.NO_FOLLOW_UP in reasons else None,
        follow_up_days=rules.follow_up_days,
        today=today,
    )
    return WatchEntry(
        worker_id=worker_id,
        name=name,
        id_number=id_number,
        phone=phone,
        org_code=org_code,
        groups=groups,
        employment_status=status,
        employer=employer or "",
        job_end=job_end,
        last_follow_up=last,
        reasons=tuple(reasons),
        why="；".join(texts),
        score=score,
    )


@lru_cache(maxsize=2048)
def place_name(code: str) -> str:
    """ "太平镇 / 庄里村" for a village code; the code itself when unknown."""
    directory = load_zoucheng()
    return directory.display_name(code) if directory.find(code) else code
