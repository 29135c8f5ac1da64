"""Roster search: every kind a broker types, combined with filters, paged and sorted."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from tests.conftest import OTHER_VILLAGE, VILLAGE, valid_id, worker_input

TODAY = date(2026, 11, 28)

PEOPLE = [
    # name, birth, seq, phone, village, status, extra
    ("张三丰", "19800101", "111", "13812345678", VILLAGE, "未就业", {"poverty_alleviated": "是"}),
    ("曾广", "19700505", "222", "13900001111", VILLAGE, "已就业", {}),
    ("单雄信", "19900303", "333", "13700002222", OTHER_VILLAGE, "未就业", {}),
    ("老王五", "19850707", "444", "", VILLAGE, "已就业", {}),
    ("王伟", "20000101", "556", "15000003333", OTHER_VILLAGE, "灵活就业", {"disabled": "是"}),
    ("李四", "19600229", "660", "18800004444", VILLAGE, "务农", {}),
]


@pytest.fixture
def roster(store: Store) -> dict[str, str]:
    service = WorkerService(store)
    ids = {}
    for name, birth, seq, phone, village, status, extra in PEOPLE:
        change = service.register(
            worker_input(
                name=name,
                id_number=valid_id(birth, seq),
                phone=phone,
                org_code=village,
                employment_status=status,
                **extra,
            ),
            today=TODAY,
        )
        ids[name] = change.record_ids[0]
    return ids


def names(store: Store, sort: RosterSort | None = None, **kwargs: object) -> list[str]:
    flt = RosterFilter(**kwargs)  # type: ignore[arg-type]
    rows = WorkerService(store).page(flt, sort or RosterSort(), 0, 100)
    service = WorkerService(store)
    assert service.count(flt) == len(rows)
    by_pk = service.rows(service.search_keys(flt, sort or RosterSort()))
    assert sorted(r[2] for r in by_pk.values()) == sorted(r[2] for r in rows)
    return [row[2] for row in rows]


@pytest.mark.usefixtures("roster")
class TestSearchKinds:
    def test_one_character_name_finds_every_name_containing_it(self, store: Store) -> None:
        assert names(store, text="王") == ["老王五", "王伟"]

    def test_two_character_substring_in_the_middle(self, store: Store) -> None:
        assert names(store, text="三丰") == ["张三丰"]

    def test_pinyin_initials_and_full_pinyin(self, store: Store) -> None:
        assert names(store, text="zsf") == ["张三丰"]
        assert names(store, text="zhangsan") == ["张三丰"]
        assert names(store, text="ZhangSanFeng") == ["张三丰"]

    def test_surname_readings(self, store: Store) -> None:
        assert names(store, text="zg") == ["曾广"]
        assert names(store, text="zengguang") == ["曾广"]
        assert names(store, text="shanxiongxin") == ["单雄信"]

    def test_id_suffix_and_phone(self, store: Store) -> None:
        suffix = valid_id("19900303", "333")[-6:]
        assert names(store, text=suffix) == ["单雄信"]
        assert names(store, text="1390000") == ["曾广"]  # phone prefix
        assert names(store, text="4444") == ["李四"]  # phone suffix

    def test_full_width_digits_are_folded(self, store: Store) -> None:
        assert names(store, text="１３９０００") == ["曾广"]

    def test_nothing_matches(self, store: Store) -> None:
        assert names(store, text="龘") == []
        assert names(store, text="qqq") == []

    def test_several_terms_must_all_match(self, store: Store) -> None:
        assert names(store, text="王 1500") == ["王伟"]


@pytest.mark.usefixtures("roster")
class TestFilters:
    def test_village_and_township_scope(self, store: Store) -> None:
        assert set(names(store, org_code=OTHER_VILLAGE)) == {"单雄信", "王伟"}
        assert len(names(store, org_code="370883107000")) == len(PEOPLE)
        assert names(store, org_code="370883101000") == []

    def test_status_and_priority(self, store: Store) -> None:
        assert set(names(store, status=EmploymentStatus.UNEMPLOYED)) == {"张三丰", "单雄信"}
        assert names(store, priority=PriorityGroup.POVERTY_ALLEVIATED) == ["张三丰"]
        assert names(store, priority=PriorityGroup.DISABLED) == ["王伟"]

    def test_older_is_45_to_65_on_the_day(self, store: Store) -> None:
        older = WorkerService(store)
        flt = RosterFilter(priority=PriorityGroup.OLDER)
        from broker_app.store.repositories import workers as repo

        with store.read() as session:
            found = {r[2] for r in repo.page(session, flt, RosterSort(), today=TODAY)}
        # On 2026-11-28: 张三丰 (1980-01-01) is 46 and 曾广 (1970-05-05) 56; 李四
        # (1960-02-29) is 66, past the bracket; 老王五 (1985-07-07) is 41, before it.
        assert found == {"张三丰", "曾广"}
        assert older.count(RosterFilter()) == len(PEOPLE)

    def test_text_combined_with_filter(self, store: Store) -> None:
        assert names(store, text="王", org_code=VILLAGE) == ["老王五"]

    def test_archived_are_hidden_unless_asked(self, store: Store, roster: dict[str, str]) -> None:
        WorkerService(store).archive(roster["老王五"])
        assert names(store, text="王") == ["王伟"]
        assert names(store, text="王", include_archived=True) == ["老王五", "王伟"]


@pytest.mark.usefixtures("roster")
class TestOrder:
    def test_names_sort_by_pinyin_not_code_point(self, store: Store) -> None:
        assert names(store) == ["老王五", "李四", "单雄信", "王伟", "曾广", "张三丰"]

    def test_descending_and_by_age(self, store: Store) -> None:
        assert names(store, RosterSort(SortKey.NAME, descending=True))[0] == "张三丰"
        by_age = names(store, RosterSort(SortKey.AGE))
        assert by_age[0] == "王伟" and by_age[-1] == "李四"  # youngest first

    def test_paging(self, store: Store) -> None:
        service = WorkerService(store)
        first = service.page(RosterFilter(), RosterSort(), 0, 4)
        rest = service.page(RosterFilter(), RosterSort(), 4, 4)
        assert [r[2] for r in first + rest] == names(store)


def test_a_pinyin_prefix_lists_each_worker_once_in_name_order(
    store: Store, roster: dict[str, str]
) -> None:
    # 李丽 is found by "li" twice over ("lili", and "li" for the given name alone),
    # 王丽 by the given name, 连杰 by "lianjie"; the count must not count 李丽 twice.
    service = WorkerService(store)
    for seq, name in enumerate(["李丽", "王丽", "连杰", "李莉"]):
        service.register(worker_input(name=name, id_number=valid_id("19750101", f"7{seq}1")))
    service.archive(roster["李四"])
    assert names(store, text="li") == ["李丽", "李莉", "连杰", "王丽"]
    assert names(store, text="li", include_archived=True) == [
        "李丽",
        "李莉",
        "李四",
        "连杰",
        "王丽",
    ]
    descending = names(store, RosterSort(SortKey.NAME, descending=True), text="li")
    assert descending == ["王丽", "连杰", "李莉", "李丽"]
    assert names(store, text="lili") == ["李丽", "李莉"]
    assert names(store, text="ll") == ["李丽", "李莉"]
    assert "老王五" in names(store, text="l")


def test_edit_reindexes_search_keys(store: Store, roster: dict[str, str]) -> None:
    WorkerService(store).edit(roster["李四"], {"name": "李小四", "phone": "13611118765"})
    assert names(store, text="lxs") == ["李小四"]
    assert names(store, text="lisi") == []
    assert names(store, text="4444") == []
    assert names(store, text="8765") == ["李小四"]
