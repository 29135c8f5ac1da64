"""Monthly statistics against a hand-counted county, and the workbook against them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.common.errors import FieldError
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.dispatch.batches import DispatchService
from broker_app.services.dispatch.members import DispatchMemberService
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.services.stats.export import StatsExportService
from broker_app.services.stats.monthly import (
    POVERTY_OR_MONITORED,
    GroupFigures,
    Month,
    employed_by_tier,
    exports_in_month,
    monthly_statistics,
    services_in_month,
    workers_by_status,
)
from broker_app.store.store import Store
from tests.conftest import valid_id
from tests.dispatch.builders import TODAY, add_batch, add_members, add_worker, read_sheets

A1, A2 = "370883107200", "370883107201"  # two villages of 太平镇
B1 = "370883001004"  # 钢山街道 孟庄社区
MARCH = Month(2025, 3)
REPORT_DAY = date(2025, 4, 5)


@pytest.fixture
def county(store: Store) -> dict[str, str]:
    """Seven workers, four batches, follow-ups and trainings; counted by hand below.
    Written on 1 March 2025, so the March report of 5 April reads them from the status
    history as they stood at the end of March."""
    store.now = lambda: datetime(2025, 3, 1, 9, 0)
    StationService(store).configure("370883000000")
    ids = {
        "w1": add_worker(store, 1, org_code=A1, employment_status="已就业", place_tier="县内",
                         employer="甲公司", poverty_alleviated="是", id_number=valid_id("19950101", "011")),
        "w2": add_worker(store, 2, org_code=A1, monitoring_type="边缘易致贫户",
                         id_number=valid_id("19950101", "021")),
        "w3": add_worker(store, 3, org_code=A1, employment_status="灵活就业", place_tier="省外",
                         id_number=valid_id("19750101", "031")),
        "w4": add_worker(store, 4, org_code=A2, employment_status="务农", low_income="是",
                         id_number=valid_id("19950101", "041")),
        "w5": add_worker(store, 5, org_code=A2, employment_status="自主创业", place_tier="县外省内",
                         disabled="是", id_number=valid_id("19950101", "051")),
        "w6": add_worker(store, 6, org_code=B1, employment_status="已就业", place_tier="境外",
                         id_number=valid_id("19950101", "061")),
        # 65 on 2025-03-31 (66 the next day): still 大龄 for March.
        "w7": add_worker(store, 7, org_code=B1, employment_status="无劳动能力",
                         id_number=valid_id("19590401", "071")),
    }  # fmt: skip
    gone = add_worker(
        store, 8, org_code=A1, poverty_alleviated="是", id_number=valid_id("19950101", "081")
    )
    WorkerService(store).archive(gone)

    service = DispatchService(store)
    p = add_batch(store, employer="乙公司", destination="江苏苏州")
    add_members(store, p, ids["w2"], ids["w4"], ids["w6"])
    removed = add_members(store, p, ids["w7"])
    DispatchMemberService(store).remove_members(p, removed)
    service.change_status(p, "已出发", date(2025, 3, 10), today=TODAY)
    q = add_batch(store, employer="甲公司", destination="邹城市")
    add_members(store, q, ids["w1"])
    service.change_status(q, "已出发", date(2025, 3, 15), today=TODAY)
    service.change_status(q, "已到岗", date(2025, 3, 16), today=TODAY)
    r = add_batch(store, employer="丙公司", destination="济南市", departure_date="2025-03-20")
    add_members(store, r, ids["w5"])  # still 筹备: not exported
    s = add_batch(store, employer="丁公司", destination="青岛市")
    add_members(store, s, ids["w3"])
    service.change_status(s, "已出发", date(2025, 2, 27), today=TODAY)  # February

    assist = AssistanceService(store)
    for worker, day in (
        ("w1", "2025-03-02"),
        ("w1", "2025-03-19"),
        ("w1", "2025-02-28"),
        ("w6", "2025-03-31"),
    ):
        assist.add_follow_up(ids[worker], {"date": day, "content": "回访"}, today=date(2025, 3, 31))
    assist.add_training(
        ids["w4"], {"course": "焊工", "start_date": "2025-03-01", "end_date": "2025-03-05"}
    )
    assist.add_training(ids["w5"], {"course": "电工", "start_date": "2025-03-02"})
    assist.add_training(
        ids["w1"], {"course": "厨师", "start_date": "2025-03-25", "end_date": "2025-04-02"}
    )
    return {**ids, "p": p, "q": q, "r": r, "s": s}


def test_each_figure_by_hand(store: Store, county: dict[str, str]) -> None:
    status = workers_by_status(store)
    assert status == {
        A1: {"employed": 1, "unemployed": 1, "flexible": 1},
        A2: {"farming": 1, "self_employed": 1},
        B1: {"employed": 1, "unable": 1},
    }
    assert employed_by_tier(store) == {
        A1: {"in_county": 1, "out_of_province": 1},
        A2: {"in_province": 1},
        B1: {"abroad": 1},
    }
    exports = exports_in_month(store, MARCH)
    p, q = county["p"], county["q"]
    assert exports.by_village == {
        A1: (frozenset({p, q}), 2, 2),
        A2: (frozenset({p}), 1, 0),
        B1: (frozenset({p}), 1, 0),
    }
    assert [(b.id, b.people, b.priority, b.status) for b in exports.batches] == [
        (p, 3, 1, "departed"),
        (q, 1, 1, "arrived"),
    ]
    assert exports_in_month(store, Month(2025, 2)).batches[0].id == county["s"]
    assert services_in_month(store, MARCH) == {A1: (2, 0), A2: (0, 2), B1: (1, 0)}


def test_rolled_up_by_township_and_total(store: Store, county: dict[str, str]) -> None:
    stats = monthly_statistics(store, MARCH, today=REPORT_DAY)
    assert stats.as_of == date(2025, 3, 31)
    assert [v.code for v in stats.villages] == [B1, A1, A2]
    assert [(t.name, t.level) for t in stats.townships] == [
        ("钢山街道", OrgLevel.TOWNSHIP),
        ("太平镇", OrgLevel.TOWNSHIP),
    ]
    taiping = stats.townships[1]
    assert taiping.workers == 5 and taiping.employed == 3
    assert taiping.by_tier == {"in_county": 1, "in_province": 1, "out_of_province": 1, "abroad": 0}
    assert (taiping.batches, taiping.exported, taiping.exported_priority) == (2, 3, 2)
    assert (taiping.follow_ups, taiping.trainings) == (2, 2)
    total = stats.total
    assert (total.name, total.level, total.workers, total.employed) == (
        "邹城市",
        OrgLevel.COUNTY,
        7,
        4,
    )
    assert total.by_status == {
        "unemployed": 1, "employed": 2, "flexible": 1, "self_employed": 1, "farming": 1, "unable": 1,
    }  # fmt: skip
    # Batch P took people from three villages: counted once in the total.
    assert (total.batches, total.exported, total.exported_priority) == (2, 4, 2)
    assert total.priority == {
        "poverty_alleviated": GroupFigures(1, 1),
        "monitored": GroupFigures(1, 0),
        "low_income": GroupFigures(1, 0),
        "disabled": GroupFigures(1, 1),
        "older": GroupFigures(2, 1),  # w3 (50, working) and w7 (65 on the 31st)
        POVERTY_OR_MONITORED: GroupFigures(2, 1),
    }
    april = monthly_statistics(store, Month(2025, 4), today=REPORT_DAY)
    assert april.total.priority["older"] == GroupFigures(1, 1)  # w7 turned 66 on 1 April
    assert april.total.trainings == 1 and april.total.batches == 0


def test_workbook_shows_the_same_numbers(
    store: Store, county: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "stats.xlsx"
    result = StatsExportService(store).export(out, MARCH, today=REPORT_DAY)
    sheets = read_sheets(out)
    assert list(sheets) == ["就业状态", "重点群体", "输出与服务", "输出批次明细", "欠薪线索"]
    status = sheets["就业状态"]
    assert status[0][0] == "2025年3月农村劳动力就业状态统计表"
    header = status[2]
    rows = {(row[0], row[1]): dict(zip(header, row, strict=True)) for row in status[3:]}
    assert rows[("太平镇", "庄里村")]["劳动力人数"] == 3
    assert rows[("太平镇", "小计")]["已就业合计（含灵活就业、自主创业）"] == 3
    assert rows[("合计", "")]["劳动力人数"] == result.statistics.total.workers == 7
    assert rows[("合计", "")]["境外务工"] == 1
    flow = sheets["输出与服务"]
    header = flow[2]
    flows = {(row[0], row[1]): dict(zip(header, row, strict=True)) for row in flow[3:]}
    assert flows[("合计", "")]["输出批次"] == 2 and flows[("合计", "")]["输出人数"] == 4
    assert flows[("太平镇", "小计")]["其中脱贫人口（含监测对象）"] == 2
    groups = sheets["重点群体"]
    header = groups[2]
    total = dict(zip(header, groups[-1], strict=True))
    assert total["大龄（45-65周岁）人数"] == 2 and total["脱贫人口（含监测对象）已就业"] == 1
    batches = sheets["输出批次明细"]
    assert [row[7] for row in batches[3:-1]] == [3, 1]
    assert batches[-1][1] == "共 2 批" and batches[-1][7] == 4


@pytest.mark.parametrize(
    ("text", "month"),
    [("2025-03", Month(2025, 3)), ("2025/3", Month(2025, 3)), ("2024年12月", Month(2024, 12))],
)
def test_month_parse(text: str, month: Month) -> None:
    assert Month.parse(text) == month
    assert str(Month(2024, 12)) == "2024-12" and Month(2024, 12).last == date(2024, 12, 31)
    assert Month(2024, 2).last == date(2024, 2, 29)


def test_month_refuses_nonsense() -> None:
    for text in ("2025-13", "March", "2025"):
        with pytest.raises(FieldError):
            Month.parse(text)
