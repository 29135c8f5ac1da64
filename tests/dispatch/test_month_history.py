"""Monthly statistics of that month: figures as of the month's end from the history
of status changes, a future month refused, a month before the history said so."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from broker_app.domain.common.errors import FieldError
from broker_app.services.roster.workers import WorkerService
from broker_app.services.stats.export import StatsExportService
from broker_app.services.stats.monthly import Month, monthly_statistics
from broker_app.store.store import Store
from tests.dispatch.builders import add_worker, read_sheets

REPORT_DAY = date(2025, 5, 10)


def on(store: Store, day: date) -> None:
    """Writes from now on happen on ``day``."""
    store.now = lambda: datetime(day.year, day.month, day.day, 10, 0)


@pytest.fixture
def history(store: Store) -> dict[str, str]:
    on(store, date(2025, 1, 10))
    walker = add_worker(store, 1)  # 未就业 in January
    on(store, date(2025, 2, 15))
    WorkerService(store).edit(
        walker, {"employment_status": "已就业", "place_tier": "省外"}, today=date(2025, 2, 15)
    )
    on(store, date(2025, 3, 5))
    late = add_worker(store, 2, employment_status="务农")  # joins the roster in March
    # Recorded in May, but the job ended on 20 April: April's figures say so.
    on(store, date(2025, 5, 2))
    WorkerService(store).edit(
        walker,
        {"employment_status": "未就业", "job_start": "2025-02-15", "job_end": "2025-04-20"},
        today=date(2025, 5, 2),
    )
    return {"walker": walker, "late": late}


def statuses(store: Store, month: Month) -> tuple[int, dict[str, int], dict[str, int]]:
    stats = monthly_statistics(store, month, today=REPORT_DAY)
    status = {k: v for k, v in stats.total.by_status.items() if v}
    tiers = {k: v for k, v in stats.total.by_tier.items() if v}
    return stats.total.workers, status, tiers


def test_each_month_has_its_own_figures(store: Store, history: dict[str, str]) -> None:
    assert statuses(store, Month(2025, 1)) == (1, {"unemployed": 1}, {})
    assert statuses(store, Month(2025, 2)) == (1, {"employed": 1}, {"out_of_province": 1})
    assert statuses(store, Month(2025, 3)) == (
        2, {"employed": 1, "farming": 1}, {"out_of_province": 1}
    )  # fmt: skip
    assert statuses(store, Month(2025, 4)) == (2, {"unemployed": 1, "farming": 1}, {})
    # The running month: the roster as it stands.
    assert statuses(store, Month(2025, 5)) == (2, {"unemployed": 1, "farming": 1}, {})


def test_an_archived_worker_leaves_the_later_months(store: Store, history: dict[str, str]) -> None:
    on(store, date(2025, 5, 3))
    WorkerService(store).archive(history["late"])
    assert statuses(store, Month(2025, 4))[0] == 2
    assert statuses(store, Month(2025, 5))[0] == 1


def test_a_future_month_is_refused(store: Store, history: dict[str, str]) -> None:
    with pytest.raises(FieldError) as caught:
        monthly_statistics(store, Month(2025, 6), today=REPORT_DAY)
    assert caught.value.reason == "future" and "还没有到" in caught.value.message


def test_a_month_before_the_history_says_so(
    store: Store, history: dict[str, str], tmp_path: Path
) -> None:
    stats = monthly_statistics(store, Month(2024, 12), today=REPORT_DAY)
    assert stats.before_history and stats.total.workers == 0
    out = StatsExportService(store).export(tmp_path / "s.xlsx", Month(2024, 12), today=REPORT_DAY)
    subtitle = read_sheets(out.path)["就业状态"][1][0]
    assert "本月早于就业状态记录的开始（2025-01-10）" in subtitle
    march = StatsExportService(store).export(tmp_path / "m.xlsx", Month(2025, 3), today=REPORT_DAY)
    assert "2025-03-31月末的就业状态" in read_sheets(march.path)["就业状态"][1][0]


def test_a_future_month_is_refused_on_the_real_date(store: Store) -> None:
    with pytest.raises(FieldError):
        monthly_statistics(store, Month(2999, 1))


def test_two_changes_on_one_day_the_later_counts(store: Store, history: dict[str, str]) -> None:
    on(store, date(2025, 3, 20))
    service = WorkerService(store)
    service.edit(history["late"], {"employment_status": "灵活就业", "place_tier": "县内"})
    service.edit(history["late"], {"employment_status": "务农", "place_tier": ""})
    service.edit(history["late"], {"employment_status": "已就业", "place_tier": "县内"})
    assert statuses(store, Month(2025, 3)) == (
        2, {"employed": 2}, {"out_of_province": 1, "in_county": 1}
    )  # fmt: skip


def test_a_past_month_counts_the_groups_where_people_were(
    store: Store, history: dict[str, str]
) -> None:
    on(store, date(2025, 5, 4))
    WorkerService(store).edit(history["walker"], {"poverty_alleviated": "是"})
    april = monthly_statistics(store, Month(2025, 4), today=REPORT_DAY).total
    assert (
        april.priority["poverty_alleviated"].total,
        april.priority["poverty_alleviated"].employed,
    ) == (1, 0)
    february = monthly_statistics(store, Month(2025, 2), today=REPORT_DAY).total
    assert february.priority["poverty_or_monitored"].employed == 1  # employed then
