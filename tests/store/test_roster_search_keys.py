"""Text searches answered from the search keys alone (text, alone or with a priority
group): the same workers in the same order as the roster's plain query over the
worker table, the count included, and edits of the flags seen by the next search."""

from __future__ import annotations

import random
from datetime import date
from itertools import product
from typing import Any

import pytest

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.services.demo.data import _person, _villages_in_scope
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.store.repositories import workers as repo
from broker_app.store.store import Store
from tests.conftest import VILLAGE, valid_id, worker_input

TODAY = date(2026, 11, 28)
TERMS = ["王", "张", "丽", "王丽", "李", "l", "li", "w", "wang", "zh", "zhang", "wl", "lil", "q"]
PRIORITIES = [None, *PriorityGroup]
SORTS = [RosterSort(), RosterSort(SortKey.NAME, descending=True)]


@pytest.fixture
def county(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """300 demo people in a township (bulk path, its keys staged and the name-ordered
    index built after them as for a county's first load), a fifth of them archived
    and a sixth with changed flags (the edit path); returns their ids."""
    monkeypatch.setattr(repo, "_STAGED_TOKENS", 1000)
    StationService(store).configure("370883107000")
    rng = random.Random(11)
    villages = _villages_in_scope("370883107000")
    people: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(people) < 300:
        person = _person(rng, villages, TODAY)
        if person["id_number"] not in seen:
            seen.add(person["id_number"])
            people.append(person)
    with store.write() as session:
        ids = repo.bulk_create(store.writer(session), people)
    service = WorkerService(store)
    for worker_id in ids[::5]:
        service.archive(worker_id)
    for worker_id in ids[1::6]:
        service.edit(worker_id, {"poverty_alleviated": "是", "disabled": "否", "low_income": "是"})
    return ids


def plain(store: Store, flt: RosterFilter, sort: RosterSort) -> list[int]:
    """The workers in order by the roster's general query over the worker table (its
    filter columns, its name order), which reads no facets of the keys."""
    with store.read() as session:
        return [row[0] for row in repo.iter_columns(session, flt, sort, ["pk"], today=TODAY)]


def from_keys(store: Store, flt: RosterFilter, sort: RosterSort) -> tuple[list[int], int]:
    with store.read() as session:
        found = list(repo.keys_at(session, flt, sort, 0, -1, today=TODAY))
        return found, repo.count(session, flt, today=TODAY)


@pytest.mark.parametrize("ordered_from", [5000, 1], ids=["as-shipped", "name-ordered-index"])
def test_every_text_and_priority_matches_the_plain_query(
    store: Store, county: list[str], ordered_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pinyin prefix that finds many workers is paged off the index of its first
    # letter's keys in name order, a rare one sorted: here both plans run.
    monkeypatch.setattr(repo, "_ORDERED_FROM", ordered_from)
    seen_matches = 0
    for term, priority, archived, sort in product(TERMS, PRIORITIES, (False, True), SORTS):
        flt = RosterFilter(text=term, priority=priority, include_archived=archived)
        expected = plain(store, flt, sort)
        found, total = from_keys(store, flt, sort)
        assert found == expected, (term, priority, archived, sort)
        assert total == len(expected), (term, priority, archived)
        seen_matches += len(expected)
        for offset, limit in ((0, 50), (2, 3), (25, 10)):
            with store.read() as session:
                window = list(repo.keys_at(session, flt, sort, offset, limit, today=TODAY))
            assert window == expected[offset : offset + limit], (term, priority, offset)
    assert seen_matches > 1000  # the terms find many workers, not a handful


def test_a_flag_edit_is_seen_by_the_next_search(store: Store) -> None:
    service = WorkerService(store)
    wang = service.register(worker_input(name="王丽", id_number=valid_id("19800101", "111")))
    other = service.register(worker_input(name="王强", id_number=valid_id("19810101", "221")))
    wang_id, other_id = wang.record_ids[0], other.record_ids[0]
    poor = RosterFilter(text="王", priority=PriorityGroup.POVERTY_ALLEVIATED)
    poor_pinyin = RosterFilter(text="wang", priority=PriorityGroup.POVERTY_ALLEVIATED)
    assert service.count(poor) == 0 and service.page(poor, RosterSort(), 0, 50) == []

    service.edit(wang_id, {"poverty_alleviated": "是"})
    for flt in (poor, poor_pinyin):
        assert [row.name for row in service.page(flt, RosterSort(), 0, 50)] == ["王丽"]
        assert service.count(flt) == 1

    service.edit(wang_id, {"monitoring_type": "边缘易致贫户"})
    monitored = RosterFilter(text="wl", priority=PriorityGroup.MONITORED)
    assert [row.name for row in service.page(monitored, RosterSort(), 0, 50)] == ["王丽"]

    # A name change keeps the flags on the new keys; the old keys are gone.
    service.edit(wang_id, {"name": "汪丽"})
    assert service.count(poor) == 0
    renamed = RosterFilter(text="汪", priority=PriorityGroup.POVERTY_ALLEVIATED)
    assert [row.name for row in service.page(renamed, RosterSort(), 0, 50)] == ["汪丽"]
    assert service.count(poor_pinyin) == 1  # 汪 is wang too

    service.edit(wang_id, {"poverty_alleviated": "否"})
    assert service.count(renamed) == 0
    assert service.page(renamed, RosterSort(), 0, 50) == []
    assert service.count(RosterFilter(text="王", priority=PriorityGroup.MONITORED)) == 0
    assert service.count(RosterFilter(text="汪", priority=PriorityGroup.MONITORED)) == 1
    assert service.count(RosterFilter(text="王")) == 1  # 王强, untouched
    assert other_id


def test_archived_workers_are_left_out_unless_asked(store: Store) -> None:
    service = WorkerService(store)
    ids = [
        service.register(
            worker_input(name=name, id_number=valid_id("19800101", f"{seq}31"), org_code=VILLAGE,
                         poverty_alleviated="是")
        ).record_ids[0]
        for seq, name in enumerate(["李丽", "李娜", "黎明"])
    ]  # fmt: skip
    service.archive(ids[1])
    for text in ("李", "li", "ln"):
        flt = RosterFilter(text=text, priority=PriorityGroup.POVERTY_ALLEVIATED)
        shown = [row.name for row in service.page(flt, RosterSort(), 0, 50)]
        assert "李娜" not in shown and service.count(flt) == len(shown)
        everyone = RosterFilter(text=text, include_archived=True)
        assert "李娜" in [row.name for row in service.page(everyone, RosterSort(), 0, 50)]
    service.restore(ids[1])
    flt = RosterFilter(text="李", priority=PriorityGroup.POVERTY_ALLEVIATED)
    assert [row.name for row in service.page(flt, RosterSort(), 0, 50)] == ["李丽", "李娜"]
