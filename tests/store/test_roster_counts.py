"""Roster counts and chunked keys agree with the full ordered search, for every kind.

The count of a search takes shortcuts (the B-tree's own size, the search keys alone
less the archived workers) and the table reads its keys a chunk at a time: a broker
must never see "找到 120 人" above 119 rows, nor a row twice across two chunks.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.services.roster.workers import WorkerService
from broker_app.store.models.worker import Worker
from broker_app.store.repositories import workers as repo
from broker_app.store.store import Store
from tests.ui.conftest import demo_workers

TODAY = date(2026, 11, 28)


@pytest.fixture
def county(store: Store) -> Store:
    demo_workers(store, 600, seed=11)
    service = WorkerService(store)
    # Some archived workers, so every shortcut has something to subtract.
    for worker_id in [row.id for row in service.page(RosterFilter(), RosterSort(), 0, 600)][::9]:
        service.archive(worker_id)
    return store


def filters(store: Store) -> list[RosterFilter]:
    sample = WorkerService(store).page(RosterFilter(), RosterSort(), 0, 1)[0]
    one, two = sample.name[0], sample.name[:2]
    poor = PriorityGroup.POVERTY_ALLEVIATED
    texts = [one, two, sample.name, "w", "wang", "zh", "l", "li", "13", "1", sample.id_number[-4:]]
    texts.append("龘")
    found = [RosterFilter(text=text) for text in texts]
    found += [RosterFilter(text=text, include_archived=True) for text in texts]
    found += [
        RosterFilter(),
        RosterFilter(include_archived=True),
        RosterFilter(text=one, priority=poor),
        RosterFilter(text="wang", priority=PriorityGroup.OLDER),
        RosterFilter(text=one, org_code=sample.org_code[:9] + "000"),
        RosterFilter(text=f"{one} 1", status=EmploymentStatus.EMPLOYED),
        RosterFilter(org_code=sample.org_code, status=EmploymentStatus.UNEMPLOYED),
        RosterFilter(priority=PriorityGroup.OLDER),
    ]
    return found


def test_every_count_is_the_number_of_rows_the_search_lists(county: Store) -> None:
    with county.read() as session:
        for flt in filters(county):
            keys = repo.search_pks(session, flt, RosterSort(), TODAY)
            assert len(set(keys)) == len(keys), flt
            assert repo.count(session, flt, TODAY) == len(keys), flt


@pytest.mark.parametrize(
    "sort", [RosterSort(), RosterSort(SortKey.AGE), RosterSort(SortKey.NAME, descending=True)]
)
def test_chunks_read_one_after_another_are_the_whole_ordered_search(
    county: Store, sort: RosterSort
) -> None:
    with county.read() as session:
        for flt in filters(county):
            whole = list(repo.search_pks(session, flt, sort, TODAY))
            chunked: list[int] = []
            for offset in range(0, len(whole) + 70, 70):
                chunked += repo.keys_at(session, flt, sort, offset, 70, TODAY)
            assert chunked == whole, flt
            # A name or pinyin search in name order reads its search keys' ranges;
            # the same search sorted through the facets index must agree with it.
            terms = flt.text.split()
            by_keys = len(terms) == 1 and (
                repo.is_name_term(terms[0]) or repo.is_pinyin_term(terms[0])
            )
            if by_keys and sort.key == SortKey.NAME:
                stmt = select(Worker.pk).where(*repo._conditions(flt, TODAY, sort))
                stmt = repo._ordered(stmt, sort, True)
                sorted_keys = [r[0] for r in repo._via_index(session, stmt, repo.FACETS_INDEX)]
                assert sorted_keys == whole, flt


def test_a_search_returns_its_count_and_reads_the_rest_when_reached(county: Store) -> None:
    service = WorkerService(county)
    flt = RosterFilter(text="1")
    whole = list(service.all_keys(flt, RosterSort()))
    found = service.search_keys(flt, RosterSort(), first=50)
    assert len(found) == len(whole) > 200
    assert found.held() == 50 and found.chunk_reads == 0
    # The first page is painted from the keys that came with the search.
    assert list(found.span(0, 50)) == whole[:50] and found.at(49) == whole[49]
    assert found.chunk_reads == 0
    assert found.at(len(whole) - 1) == whole[-1]  # a jump to the end reads one chunk
    assert found.chunk_reads == 1
    assert found == whole  # reading on through every chunk gives the same order
    # A chunk past the middle is read from the other end and turned round.
    for sort in (RosterSort(), RosterSort(SortKey.AGE, descending=True)):
        whole = list(service.all_keys(flt, sort))
        for offset in (0, len(whole) // 2, len(whole) - 30, len(whole) - 7):
            assert (
                list(service.keys_at(flt, sort, offset, 20, len(whole)))
                == whole[offset : offset + 20]
            )
