"""帮扶预警 by village: the summary counts the same people with the same urgency as the
person-by-person list, and a village opens into exactly its part of that list."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.priority import FIRST_PRIORITY
from broker_app.domain.people.watch_urgency import Urgency
from broker_app.services.assistance.watch_list import WatchReason, WatchRules, watch_list
from broker_app.services.assistance.watch_summary import watch_summary
from broker_app.store.store import Store
from tests.stats.builders import A1, A2, TODAY

U, J, F = WatchReason.UNEMPLOYED, WatchReason.JOB_ENDED, WatchReason.NO_FOLLOW_UP


def test_the_villages_by_hand(store: Store, ids: dict[str, str]) -> None:
    summary = watch_summary(store, WatchRules(), today=TODAY)
    # A2: w6 (紧急: left a job 10 days ago, never followed up), w5 (残疾, 91 days).
    # A1: w1 w2 w3 w11; w11 is unemployed and never followed up: 紧急 too.
    assert [v.code for v in summary.villages] == [A1, A2]  # same 紧急, A1 has more 较急
    a1, a2 = summary.villages
    assert (a1.people, a2.people) == (4, 2)
    assert a2.urgent == 1 and a2.by_reason == {U: 1, J: 1, F: 2}
    assert a1.by_reason == {U: 2, J: 0, F: 3}
    assert (a1.first_priority, a2.first_priority) == (2, 1)  # w1 w2; w6
    assert a2.place == "太平镇 / 中陶城村"
    assert summary.people == 6 and summary.count(F) == 5


@pytest.mark.parametrize(
    ("rules", "groups", "reason", "today"),
    [
        (WatchRules(), frozenset(PriorityGroup), None, TODAY),
        (WatchRules(5, 120), frozenset(PriorityGroup), None, TODAY),
        (WatchRules(), frozenset(PriorityGroup), None, date(2025, 4, 2)),
        (WatchRules(), frozenset(PriorityGroup), None, date(2026, 1, 20)),  # months overdue
        (WatchRules(), frozenset(FIRST_PRIORITY), None, TODAY),
        (WatchRules(), frozenset(PriorityGroup), J, TODAY),
        (WatchRules(), frozenset(PriorityGroup), U, TODAY),
        (WatchRules(), frozenset({PriorityGroup.DISABLED}), F, TODAY),
    ],
)
def test_the_summary_counts_the_list(
    store: Store,
    ids: dict[str, str],
    rules: WatchRules,
    groups: frozenset[PriorityGroup],
    reason: WatchReason | None,
    today: date,
) -> None:
    listed = watch_list(store, rules, groups=groups, reason=reason, today=today)
    summary = watch_summary(store, rules, groups=groups, reason=reason, today=today)
    people = Counter(e.org_code for e in listed.entries)
    urgency = Counter((e.org_code, e.urgency) for e in listed.entries)
    reasons = Counter((e.org_code, r) for e in listed.entries for r in e.reasons)
    top = {code: max(e.score for e in listed.entries if e.org_code == code) for code in people}
    assert {v.code: v.people for v in summary.villages} == dict(people)
    for village in summary.villages:
        assert village.by_urgency == {u: urgency[(village.code, u)] for u in Urgency}
        assert village.by_reason == {r: reasons[(village.code, r)] for r in WatchReason}
        assert village.top_score == top[village.code]
    assert summary.people == len(listed.entries)


def test_a_village_opens_into_its_part_of_the_list(store: Store, ids: dict[str, str]) -> None:
    whole = watch_list(store, WatchRules(), today=TODAY)
    for code in (A1, A2):
        village = watch_list(store, WatchRules(), today=TODAY, village=code)
        assert village.entries == tuple(e for e in whole.entries if e.org_code == code)
    assert watch_list(store, WatchRules(), today=TODAY, village="370883107299").entries == ()
