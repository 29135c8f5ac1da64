"""A roster imported with 务工地点 but no 务工地域 is counted where people work, and a
priority-group worker placed through a match is no longer 从未跟踪服务: both through
the real window parts (the import wizard, the 匹配 page, the 统计 page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from broker_app.domain.common.enums import MatchStatus
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.assistance.records import AssistanceService
from broker_app.services.matching.workflow import MatchWorkflowService
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.import_wizard.wizard import ImportWizard
from broker_app.ui.jobs.match_page import MatchesPage
from broker_app.ui.jobs.status_dialog import StatusDialog
from broker_app.ui.stats.page import StatsPage
from broker_app.ui.stats.watch_model import WHY_COLUMN
from tests.conftest import valid_id
from tests.jobs.builders import TODAY, add_job, add_worker
from tests.journeys.modal import ModalAnswers, press_accept

HEADER = ["序号", "姓名", "身份证号", "就业状态", "务工单位", "务工地点"]
ROWS = [
    [1, "张三", valid_id("19800101", "111"), "已就业", "某电子厂", "江苏苏州工业园区"],
    [2, "李梅", valid_id("19900202", "222"), "已就业", "某物流公司", "济宁市任城区"],
    [3, "王五", valid_id("19850505", "333"), "灵活就业", "", "太平镇"],
    [4, "赵六", valid_id("19850505", "353"), "已就业", "某建筑公司", "新加坡"],
    [5, "钱七", valid_id("19750505", "373"), "未就业", "", ""],
]


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["太平镇农村劳动力花名册"])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def _stats_page(qtbot: QtBot, ctx: AppContext) -> StatsPage:
    page = StatsPage(ctx, today=date.today)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_an_imported_place_fills_the_tier_and_the_statistics_count_it(
    qtbot: QtBot, ui_ctx: AppContext, store: Store, tmp_path: Path
) -> None:
    wizard = ImportWizard(ui_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose(str(_workbook(tmp_path / "花名册.xlsx")))
    wizard.next()
    assert wizard.mapping_page.combos["work_place"].currentData() == 5
    with qtbot.waitSignal(ui_ctx.changed):
        wizard.next()
    assert wizard.run_page.summary.text() == "新增 5 人，更新 0 人，未变 0 人，有误 0 行"
    service = WorkerService(store)
    tiers = {
        str(row[2]): service.details(str(row[1]))["place_tier"]
        for row in service.page(RosterFilter(), RosterSort())
    }
    assert tiers == {
        "张三": "out_of_province",
        "李梅": "in_province",
        "王五": "in_county",
        "赵六": "abroad",
        "钱七": "none",
    }
    page = _stats_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: "共 4 人" in page.charts.tier_card.title_label.text())
    assert page.charts.tier_card.note_label.text() == ""  # no 另有 N 人未填务工地域


def test_a_worker_placed_through_a_match_is_followed_up(
    qtbot: QtBot, ui_ctx: AppContext, store: Store
) -> None:
    job = add_job(store, headcount=5)
    worker = add_worker(store, 1, poverty_alleviated="是", name="孙八")
    MatchWorkflowService(store).create_matches(job, [worker], on=TODAY)
    stats = _stats_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: stats.watch.model.rowCount() == 1)
    why = stats.watch.model.index(0, WHY_COLUMN).data()
    assert "从未跟踪服务" in why

    page = MatchesPage(ui_ctx)
    qtbot.addWidget(page)
    page.auto_mark_filled = False
    page.table.selectRow(0)
    today = date.today()

    def on_duty(dialog: StatusDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData(MatchStatus.ON_DUTY.value))
        dialog.day.setDate(QDate(today.year, today.month, today.day))
        dialog.note.setText("包吃住")
        press_accept(dialog)

    answers = ModalAnswers()
    answers.expect(StatusDialog, on_duty)
    page.change_button.click()
    (record,) = AssistanceService(store).follow_ups(worker)
    assert (record["date"], record["kind"], record["result"]) == (today, "job_referral", "包吃住")
    assert record["content"] == "推荐上岗：邹城市某建材有限公司 电焊工"
    assert record["operator"] == "测试经纪人"
    stats.watch.reload()
    qtbot.waitUntil(lambda: stats.watch.model.rowCount() == 0)
