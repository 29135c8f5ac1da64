"""The 统计 page's figures against the hand-counted township (``builders.township``),
and against ``services.stats.monthly`` wherever the 月度统计表 has the same figure."""

from __future__ import annotations

from datetime import date

import pytest

from broker_app.domain.common.errors import FieldError
from broker_app.services.settings.station import StationService
from broker_app.services.stats.monthly import (
    POVERTY_OR_MONITORED,
    Month,
    monthly_statistics,
    services_in_month,
)
from broker_app.services.stats.overview import group_rows, load_overview, township_name, unit_rows
from broker_app.services.stats.training import (
    TARGETS_SETTING,
    TrainingTargets,
    load_targets,
    save_targets,
    training_progress,
    trainings_by_kind,
)
from broker_app.services.stats.trends import (
    exports_by_month,
    match_moves_by_month,
    recent_months,
)
from broker_app.store.repositories.station import put_setting
from broker_app.store.store import Store
from tests.stats.builders import A1, A2, TODAY, add_worker

MARCH = Month(2025, 3)


def test_recent_months_end_with_this_month() -> None:
    months = recent_months(date(2025, 3, 20))
    assert len(months) == 12
    assert (months[0], months[-1]) == (Month(2024, 4), Month(2025, 3))
    assert recent_months(date(2025, 1, 31), 3) == [Month(2024, 11), Month(2024, 12), Month(2025, 1)]


def test_overview_is_the_monthly_statistics(store: Store, ids: dict[str, str]) -> None:
    overview = load_overview(store, TODAY)
    expected = monthly_statistics(store, MARCH, TODAY)
    assert overview.statistics == expected
    total = overview.total
    assert total.workers == 10  # w9 is archived
    assert total.by_status == {
        "unemployed": 4, "employed": 2, "flexible": 1, "self_employed": 1, "farming": 1, "unable": 1,
    }  # fmt: skip
    assert total.employed == 4 and overview.unemployed == 4
    assert total.by_tier == {"in_county": 1, "in_province": 1, "out_of_province": 1, "abroad": 0}
    assert overview.tier_unknown == 1  # w5, 自主创业 without a tier
    assert overview.employed_share == pytest.approx(0.4)
    poor = overview.poverty_or_monitored
    assert (poor.total, poor.employed) == (5, 2)


def test_priority_rows_per_village_of_a_township(store: Store, ids: dict[str, str]) -> None:
    overview = load_overview(store, TODAY)
    rows = unit_rows(overview, POVERTY_OR_MONITORED)
    # Most people not employed first: A1 has two (w2, w7), A2 one (w6).
    assert [(r.code, r.total, r.employed, r.not_employed) for r in rows] == [
        (A1, 3, 1, 2),
        (A2, 2, 1, 1),
    ]
    assert [r.name for r in rows] == [v.name for v in overview.statistics.villages]
    older = unit_rows(overview, "older")
    assert [(r.code, r.total) for r in older] == [(A1, 2)]  # w3 and w11; A2 has none
    groups = {r.code: (r.total, r.employed) for r in group_rows(overview.total)}
    assert groups == {
        POVERTY_OR_MONITORED: (5, 2),
        "poverty_alleviated": (4, 2),
        "monitored": (1, 0),
        "low_income": (1, 0),
        "disabled": (1, 1),
        "older": (2, 1),
    }


def test_a_county_sees_townships_and_drills_into_villages(store: Store) -> None:
    StationService(store).configure("370883000000")
    add_worker(store, 1, org_code=A1, poverty_alleviated="是")
    add_worker(store, 2, org_code=A2, poverty_alleviated="是", employment_status="已就业")
    add_worker(store, 3, org_code="370883001004", poverty_alleviated="是")
    overview = load_overview(store, TODAY)
    townships = unit_rows(overview, "poverty_alleviated")
    assert [(r.code, r.total, r.employed) for r in townships] == [
        ("370883107000", 2, 1),
        ("370883001000", 1, 0),
    ]
    assert township_name(overview, "370883107000") == "太平镇"
    villages = unit_rows(overview, "poverty_alleviated", "370883107000")
    assert [(r.code, r.not_employed) for r in villages] == [(A1, 1), (A2, 0)]


def test_match_moves_by_month(store: Store, ids: dict[str, str]) -> None:
    months = recent_months(TODAY)
    moves = match_moves_by_month(store, months)
    by_month = {
        status: {str(m): n for m, n in zip(months, counts, strict=True) if n}
        for status, counts in moves.moves.items()
    }
    assert by_month == {
        "recommended": {"2025-01": 1, "2025-02": 1},  # m3's is before the window, m4 archived
        "contacted": {"2024-04": 1, "2025-01": 1},
        "interview": {},
        "hired": {"2025-02": 1},
        "on_duty": {"2025-02": 1},
        "left": {},
        "rejected": {"2025-03": 1},
    }
    assert moves.total("recommended") == 2


def test_exports_by_month_are_the_workbook_totals(store: Store, ids: dict[str, str]) -> None:
    months = recent_months(TODAY)
    exports = {str(e.month): e for e in exports_by_month(store, months)}
    march, january = exports["2025-03"], exports["2025-01"]
    assert (march.batches, march.people, march.priority, march.others) == (1, 3, 1, 2)
    assert (january.batches, january.people, january.priority) == (1, 1, 0)
    assert sum(e.people for e in exports.values()) == 4  # R never departed
    for month in months:
        total = monthly_statistics(store, month, TODAY).total
        figures = exports[str(month)]
        assert (figures.batches, figures.people, figures.priority) == (
            total.batches,
            total.exported,
            total.exported_priority,
        )


def test_trainings_of_the_year_by_kind(store: Store, ids: dict[str, str]) -> None:
    assert trainings_by_kind(store, 2025) == {
        "entrepreneurship": 1,
        "safety": 1,
        "vocational": 1,  # w3: no end date, counted by its start
        "other": 1,
    }  # w4's ended in 2024; w9 is archived
    assert trainings_by_kind(store, 2024) == {"agriculture": 1}
    progress = training_progress(store, 2025)
    assert [(line.line.key, line.trained, line.target) for line in progress.lines] == [
        ("entrepreneurship", 1, None),
        ("agriculture", 0, None),
        ("vocational", 2, None),  # 安全知识培训 counts towards measure 14
        ("other", 1, None),
    ]
    assert progress.total == 4 and not progress.has_targets
    # The same people-times as the 月度统计表's 培训人次, month by month.
    monthly = sum(
        sum(t for _f, t in services_in_month(store, Month(2025, m)).values()) for m in range(1, 13)
    )
    assert monthly == progress.total


def test_targets_are_kept_per_year(store: Store, ids: dict[str, str]) -> None:
    save_targets(store, TrainingTargets(2025, {"entrepreneurship": 4, "vocational": 8}))
    save_targets(store, TrainingTargets(2024, {"agriculture": 10}))
    assert load_targets(store, 2025).targets == {"entrepreneurship": 4, "vocational": 8}
    progress = training_progress(store, 2025)
    shares = {line.line.key: (line.target, line.share) for line in progress.lines}
    assert shares["entrepreneurship"] == (4, 0.25)
    assert shares["vocational"] == (8, 0.25)
    assert shares["agriculture"] == (None, None)
    assert progress.has_targets
    save_targets(store, TrainingTargets(2025, {"entrepreneurship": 0}))  # 0 clears
    assert load_targets(store, 2025).targets == {}
    assert load_targets(store, 2024).targets == {"agriculture": 10}


def test_bad_targets_are_refused_and_bad_settings_ignored(store: Store) -> None:
    with pytest.raises(FieldError):
        save_targets(store, TrainingTargets(2025, {"entrepreneurship": -1}))
    with pytest.raises(FieldError):
        save_targets(store, TrainingTargets(2025, {"other": 5}))  # no target for 其他培训
    with store.write() as session:
        put_setting(session, TARGETS_SETTING, "not json")
    assert load_targets(store, 2025).targets == {}
    with store.write() as session:
        put_setting(session, TARGETS_SETTING, '{"2025": {"vocational": "9", "agriculture": 3}}')
    assert load_targets(store, 2025).targets == {"agriculture": 3}
