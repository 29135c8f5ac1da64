"""Exports read the database in a fixed number of statements, however many batches,
people, follow-ups and trainings they hold: one streamed query for the rows, never
one per batch or per person (a county's 200 batches or 100k-row ledger would
otherwise make thousands of round trips)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from broker_app.domain.dispatch.query import BatchFilter
from broker_app.services.assistance.ledger import LedgerExportService
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.dispatch.export import DispatchExportService
from broker_app.store.store import Store
from tests.dispatch.builders import TODAY, add_batch, add_members, add_worker


@contextmanager
def selects(store: Store) -> Iterator[list[str]]:
    """The SELECT statements run on ``store`` inside the block."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", note)


def test_dispatch_export_statements_do_not_grow_with_batches_or_people(
    store: Store, tmp_path: Path
) -> None:
    workers = [add_worker(store, n, poverty_alleviated="是" if n % 2 else "否") for n in range(9)]
    first = add_batch(store)
    add_members(store, first, workers[0])
    for start in (1, 4):
        add_members(
            store, add_batch(store, employer=f"济宁建工{start}"), *workers[start : start + 3]
        )
    service = DispatchExportService(store)
    service.export(tmp_path / "warm.xlsx", BatchFilter(batch_ids=(first,)), today=TODAY)

    counts = {}
    for name, flt in (("one", BatchFilter(batch_ids=(first,))), ("all", BatchFilter())):
        with selects(store) as workbook:
            result = service.export(tmp_path / f"{name}.xlsx", flt, today=TODAY)
        with selects(store) as folder:
            service.export(tmp_path / name, flt, today=TODAY)
        counts[name] = (len(workbook), len(folder), result.batches, result.people)

    assert counts["one"][2:] == (1, 1)
    assert counts["all"][2:] == (3, 7)
    assert counts["all"][:2] == counts["one"][:2]


def test_ledger_statements_do_not_grow_with_people_or_services(
    store: Store, tmp_path: Path
) -> None:
    assist = AssistanceService(store)
    service = LedgerExportService(store)
    first = add_worker(store, 0, poverty_alleviated="是")
    service.export(tmp_path / "warm.xlsx", today=TODAY)
    with selects(store) as one:
        assert service.export(tmp_path / "one.xlsx", today=TODAY).people == 1

    for n in range(1, 7):
        worker = add_worker(store, n, low_income="是")
        for day in (5, 6):
            assist.add_follow_up(
                worker, {"date": f"2025-01-0{day}", "kind": "走访", "content": "了解意愿"},
                today=TODAY,
            )  # fmt: skip
        assist.add_training(worker, {"kind": "职业技能培训", "course": "焊工"})
    assist.add_follow_up(
        first, {"date": "2025-02-01", "kind": "走访", "content": "回访"}, today=TODAY
    )
    with selects(store) as seven:
        assert service.export(tmp_path / "seven.xlsx", today=TODAY).people == 7

    assert len(seven) == len(one)
