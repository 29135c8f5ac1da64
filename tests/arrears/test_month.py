"""A month's clue and inspection figures: counted by hand, in the monthly workbook (read back), and on
the 统计 page's 欠薪线索 tab."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from broker_app.services.arrears.clues import ClueService
from broker_app.services.arrears.inspections import InspectionService
from broker_app.services.arrears.month import month_clues
from broker_app.services.stats.export import StatsExportService
from broker_app.services.stats.monthly import Month
from broker_app.store.store import Store
from broker_app.ui.application import configure_application
from broker_app.ui.context import AppContext
from broker_app.ui.stats.page import StatsPage
from broker_app.ui.tasks import TaskRunner
from tests.arrears.builders import new_project, phone_clue
from tests.dispatch.builders import read_sheets

NOVEMBER = Month(2026, 11)
MADE_ON = date(2026, 12, 3)


@pytest.fixture
def november(store: Store) -> Store:
    """Six clues around November 2026 (deadlines 5 days to accept, 15 to close):

    a: received 10-20, accepted 10-22, closed 11-03 (in time)  -> closed in time
    b: received 11-02, accepted 11-04, closed 11-25 (late)     -> received, accepted, late
    c: received 11-05, refused 11-06                           -> received, refused
    d: received 11-10, never accepted                          -> received, overdue
    e: received 11-28, not yet due                             -> received
    f: received 12-01                                          -> none of November's

    and two visits (one in October, one in November with two problems found).
    """
    service = ClueService(store)
    project = new_project(store)
    a = phone_clue(store, project, on=date(2026, 10, 20))
    service.accept(a, today=date(2026, 10, 22))
    service.close(a, "已补发", today=date(2026, 11, 3))
    b = phone_clue(store, project, on=date(2026, 11, 2))
    service.accept(b, today=date(2026, 11, 4))
    service.close(b, "已补发", today=date(2026, 11, 25))
    c = phone_clue(store, None, on=date(2026, 11, 5))
    service.reject(c, "非工程建设领域", today=date(2026, 11, 6))
    phone_clue(store, project, on=date(2026, 11, 10))
    phone_clue(store, project, on=date(2026, 11, 28))
    phone_clue(store, project, on=date(2026, 12, 1))
    visits = InspectionService(store)
    visits.record(project, {"inspected_on": date(2026, 10, 30)}, today=date(2026, 10, 30))
    problems = [{"description": "未设告示牌"}, {"description": "工资未按月发放"}]
    visits.record(project, {"inspected_on": date(2026, 11, 12)}, problems, today=MADE_ON)
    return store


EXPECTED = {
    "received": 4,
    "accepted": 1,
    "closed_in_time": 1,
    "closed_late": 1,
    "rejected": 1,
    "overdue": 1,
    "inspections": 1,
    "problems_found": 2,
}


def test_figures_by_hand(november: Store) -> None:
    result = month_clues(november, NOVEMBER.first, NOVEMBER.last, today=MADE_ON)
    assert {name: getattr(result.total, name) for name in EXPECTED} == EXPECTED
    (unit,) = result.units
    assert unit.name == "太平镇 / 庄里村" and unit.received == 4
    # b was overdue on 11-18..11-24 but closed by the month's end; d still is.
    mid = month_clues(november, NOVEMBER.first, NOVEMBER.last, today=date(2026, 11, 20))
    assert mid.as_of == date(2026, 11, 20) and mid.total.overdue == 2


def test_the_monthly_workbook_has_the_clue_sheet(november: Store, tmp_path: Path) -> None:
    out = tmp_path / "stats.xlsx"
    StatsExportService(november).export(out, NOVEMBER, today=MADE_ON)
    sheet = read_sheets(out)["欠薪线索"]
    assert sheet[0][0] == "欠薪线索办理和项目检查情况"
    header = next(row for row in sheet if row[0] == "单位")
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet[sheet.index(header) + 1 :]}
    assert rows["合计"]["收到线索"] == 4 and rows["合计"]["按期办结"] == 1
    assert rows["太平镇 / 庄里村"]["逾期办结"] == 1
    assert rows["太平镇 / 庄里村"]["月末超期未办"] == 1
    assert rows["合计"]["项目检查"] == 1 and rows["合计"]["发现问题"] == 2
    assert any("统计月份：2026年11月" in str(row[0]) for row in sheet)


@pytest.fixture
def ctx(qapp: QApplication, november: Store, data_dir: Path) -> Iterator[AppContext]:
    configure_application(qapp)
    context = AppContext(november, data_dir, TaskRunner(inline=True))
    yield context
    context.deleteLater()


def test_the_stats_page_tab(ctx: AppContext, qtbot: QtBot) -> None:
    page = StatsPage(ctx, today=lambda: MADE_ON)
    qtbot.addWidget(page)
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "欠薪线索")
    panel = page.tabs.widget(index)
    from broker_app.ui.rights.clue_stats import ClueStatsPanel

    assert isinstance(panel, ClueStatsPanel)
    assert panel.month_box.currentText() == "2026年12月"
    assert panel.figures()["合计"] == [1, 0, 0, 0, 0, 1, 0, 0]  # d is still overdue
    panel.month_box.setCurrentIndex(1)
    assert panel.month_box.currentText() == "2026年11月"
    assert panel.figures()["合计"] == [4, 1, 1, 1, 1, 1, 1, 2]
    assert panel.figures()["太平镇 / 庄里村"][0] == 4
