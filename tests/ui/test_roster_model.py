"""The roster table model, without any widget: what the broker would see in each cell."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.roster.model import COLUMN_KEYS, RosterModel
from tests.conftest import valid_id
from tests.ui.conftest import demo_workers, register

TODAY = date(2025, 6, 1)


def model_for(store: Store, **kwargs: object) -> RosterModel:
    model = RosterModel(WorkerService(store), today=lambda: TODAY, **kwargs)  # type: ignore[arg-type]
    model.reload()
    return model


def cell(model: RosterModel, row: int, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, COLUMN_KEYS.index(key)), role)


def column(model: RosterModel, key: str) -> list[str]:
    return [str(cell(model, row, key)) for row in range(model.rowCount())]


def test_rows_show_the_workers_with_ids_masked(store: Store) -> None:
    number = valid_id("19800101", "123")
    register(
        store,
        name="张三丰",
        id_number=number,
        phone="13812345678",
        skills="焊工、电工",
        poverty_alleviated="是",
    )
    model = model_for(store)
    assert model.rowCount() == 1
    assert model.columnCount(QModelIndex()) == len(COLUMN_KEYS)
    assert cell(model, 0, "name") == "张三丰"
    assert cell(model, 0, "id_number") == number[:6] + "********" + number[-4:]
    assert cell(model, 0, "age") == "45"
    assert cell(model, 0, "gender") == "男"
    assert cell(model, 0, "status") == "未就业"
    assert cell(model, 0, "skills") == "焊工、电工"
    assert cell(model, 0, "phone") == "138****5678"
    # 45 years old and 脱贫: 脱贫 is sensitive and shows only as 重点帮扶; 大龄 follows
    # from the age on the same row and stays.
    assert cell(model, 0, "priority") == "重点帮扶、大龄"
    tooltip = str(cell(model, 0, "priority", Qt.ItemDataRole.ToolTipRole))
    assert "脱贫" not in tooltip and "重点帮扶" in tooltip
    model.set_revealed(0, True)
    assert cell(model, 0, "priority") == "脱贫、大龄"
    assert cell(model, 0, "phone") == "13812345678"
    assert "脱贫享受政策人口" in str(cell(model, 0, "priority", Qt.ItemDataRole.ToolTipRole))


def test_a_revealed_id_shows_in_full_until_the_search_changes(store: Store) -> None:
    number = valid_id("19900202", "456")
    register(store, id_number=number)
    model = model_for(store)
    model.set_revealed(0, True)
    assert cell(model, 0, "id_number") == number
    model.set_filter(RosterFilter(text="张"))
    assert cell(model, 0, "id_number") == number[:6] + "********" + number[-4:]


def test_search_text_and_filters_change_the_rows(store: Store) -> None:
    register(store, name="王小明", id_number=valid_id("19800101", "111"), phone="13900001234")
    register(store, name="李四", id_number=valid_id("19850505", "222"), employment_status="已就业")
    register(store, name="王芳", id_number=valid_id("19900909", "332"))
    model = model_for(store)
    counts: list[int] = []
    model.count_changed.connect(counts.append)
    model.set_filter(RosterFilter(text="王"))
    assert sorted(column(model, "name")) == ["王小明", "王芳"]
    model.set_filter(RosterFilter(text="wxm"))  # pinyin initials
    assert column(model, "name") == ["王小明"]
    model.set_filter(RosterFilter(text="1234"))  # phone suffix, searched in full
    assert column(model, "name") == ["王小明"]
    assert column(model, "phone") == ["139****1234"]
    from broker_app.domain.common.enums import EmploymentStatus

    model.set_filter(RosterFilter(status=EmploymentStatus.EMPLOYED))
    assert column(model, "name") == ["李四"]
    assert counts == [2, 1, 1, 1]


def test_header_click_sorts_in_the_database(store: Store) -> None:
    register(store, name="赵一", id_number=valid_id("19700101", "111"))
    register(store, name="阿二", id_number=valid_id("19950101", "221"))
    register(store, name="钱三", id_number=valid_id("19850101", "331"))
    model = model_for(store)
    assert column(model, "name") == ["阿二", "钱三", "赵一"]  # pinyin order
    name = COLUMN_KEYS.index("name")
    model.sort(name, Qt.SortOrder.DescendingOrder)
    assert column(model, "name") == ["赵一", "钱三", "阿二"]
    model.sort(COLUMN_KEYS.index("age"), Qt.SortOrder.AscendingOrder)
    assert model.roster_sort == RosterSort(SortKey.AGE, False)
    assert column(model, "age") == ["30", "40", "55"]  # youngest first
    # A column the database cannot order by leaves the order alone.
    model.sort(COLUMN_KEYS.index("phone"), Qt.SortOrder.AscendingOrder)
    assert model.roster_sort == RosterSort(SortKey.AGE, False)


def test_rows_are_read_a_page_at_a_time_as_they_are_shown(store: Store) -> None:
    demo_workers(store, 1000, seed=3)
    model = model_for(store, page_size=200)
    assert model.rowCount() == 1000
    assert model.page_reads == 0  # searching reads keys only
    for row in range(30):  # what a view shows first
        cell(model, row, "name")
    assert model.page_reads == 1
    cell(model, 199, "name")
    assert model.page_reads == 1
    cell(model, 950, "name")  # jump to the end: one more page, not four
    assert model.page_reads == 2
    # Cached rows are kept by worker, not by position: after a new order the rows
    # already read (now at the other end) are not read again.
    model.set_sort(RosterSort(SortKey.NAME, descending=True))
    reads = model.page_reads
    for row in range(800, 1000):
        cell(model, row, "name")
    assert model.page_reads == reads


def test_an_edit_repaints_only_its_row_unless_it_moves_the_row(store: Store, qtbot: QtBot) -> None:
    first = register(store, name="阿一", id_number=valid_id("19800101", "111"))
    register(store, name="张二", id_number=valid_id("19800101", "221"))
    model = model_for(store)
    assert cell(model, 0, "employer") == ""
    change = WorkerService(store).edit(first, {"employer": "邹城市物流园区"})
    with qtbot.waitSignal(model.dataChanged) as changed, qtbot.assertNotEmitted(model.modelReset):
        model.apply_change(change)
    assert changed.args[0].row() == 0 and changed.args[1].row() == 0
    assert cell(model, 0, "employer") == "邹城市物流园区"
    # A new name can move the row: the keys are searched again.
    change = WorkerService(store).edit(first, {"name": "章三"})
    with qtbot.waitSignal(model.modelReset):
        model.apply_change(change)
    assert column(model, "name") == ["张二", "章三"]
    # Other record kinds leave the roster alone.
    with qtbot.assertNotEmitted(model.modelReset):
        model.apply_change(Change(RecordKind.JOB, Op.UPDATE, ("x",), frozenset({"name"})))


def test_archived_workers_leave_the_roster(store: Store) -> None:
    worker = register(store)
    model = model_for(store)
    model.apply_change(WorkerService(store).archive(worker))
    assert model.rowCount() == 0
    model.set_filter(RosterFilter(include_archived=True))
    assert model.rowCount() == 1
    assert cell(model, 0, "name", Qt.ItemDataRole.ForegroundRole) is not None


def test_clearing_the_search_reuses_the_whole_roster_until_a_write(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    register(store, name="王芳", id_number=valid_id("19900909", "332"))
    service = WorkerService(store)
    model = RosterModel(service, today=lambda: TODAY)
    searches: list[RosterFilter] = []
    search = service.search_keys

    def counting(flt: RosterFilter, sort: RosterSort) -> Sequence[int]:
        searches.append(flt)
        return search(flt, sort)

    monkeypatch.setattr(service, "search_keys", counting)
    model.reload()
    model.set_filter(RosterFilter(text="王"))
    model.set_filter(RosterFilter())
    assert len(searches) == 2  # the cleared box did not search again
    assert model.rowCount() == 1
    worker = register(store, name="李四", id_number=valid_id("19850505", "222"))
    model.apply_change(Change(RecordKind.WORKER, Op.CREATE, (worker,)))
    assert model.rowCount() == 2


def test_the_model_holds_keys_compactly_and_only_as_far_as_the_view_reached(
    store: Store,
) -> None:
    demo_workers(store, 2500, seed=5)
    model = model_for(store, page_size=200)
    assert model.rowCount() == 2500
    keys = model.row_keys()
    # 8 bytes a row in arrays, and only the first page's keys after a search.
    assert all(isinstance(chunk, array) and chunk.itemsize == 8 for chunk in keys.chunks())
    assert keys.held() == 200
    # No per-row list of keys or tuples anywhere on the model.
    assert not any(isinstance(v, list) and len(v) >= 200 for v in vars(model).values())
    cell(model, 2499, "name")  # a jump to the end reads that chunk of 1,000 only
    assert keys.held() == 700 and keys.chunk_reads == 1
    cell(model, 1200, "name")
    assert keys.held() == 1700 and keys.chunk_reads == 2
    cell(model, 600, "name")  # past the first page: the rest of the first chunk
    assert keys.held() == 2500 and keys.chunk_reads == 3
    # The rows themselves are typed and cached by key, a page at a time.
    assert model.page_reads == 3
