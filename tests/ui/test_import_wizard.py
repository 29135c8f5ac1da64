"""The import wizard driven end to end on real workbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QTableWidget, QWizard
from pytestqt.qtbot import QtBot

from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from broker_app.ui.context import AppContext
from broker_app.ui.import_wizard.wizard import ImportWizard
from broker_app.ui.tasks import TaskRunner
from tests.conftest import valid_id

# "打工单位" is not a header the detection knows: the broker maps it by hand.
HEADER = ["序号", "姓名", "性别", "身份证号", "手机号", "村（社区）", "打工单位"]


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["太平镇农村劳动力花名册"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.create_sheet("说明").append(["填表说明"])
    book.save(path)
    return path


def roster(path: Path) -> Path:
    bad_check = valid_id("19800101", "113")
    bad_check = bad_check[:-1] + ("1" if bad_check[-1] != "1" else "2")
    return workbook(
        path,
        [
            [1, "张三", "男", valid_id("19800101", "111"), "13812345678", "", "邹城市物流园区"],
            [2, "李梅", "女", valid_id("19900202", "222"), "", "", ""],
            [3, "王五", "男", bad_check, "", "", ""],
            [4, "赵六", "男", valid_id("19850505", "333"), "12345", "", ""],
            [5, "钱七", "男", valid_id("19850505", "353"), "", "", "兖矿"],
        ],
    )


def open_wizard(ctx: AppContext, qtbot: QtBot) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_import_end_to_end(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = roster(tmp_path / "花名册.xlsx")
    wizard = open_wizard(ctx, qtbot)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.choose(str(path))
    assert [wizard.file_page.sheet_box.itemText(i) for i in range(2)] == ["花名册", "说明"]
    wizard.next()

    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert mapping.combos["id_number"].currentData() == 3  # detected from its header
    assert mapping.combos["employer"].currentData() is None
    assert mapping.model.rowCount() == 5
    assert mapping.model.problem_rows() == 2
    assert "2 行有误" in mapping.summary.text()
    mapping.set_column("employer", 6)
    assert wizard.state.mapping is not None and wizard.state.mapping["employer"] == 6

    with qtbot.waitSignal(ctx.changed):
        wizard.next()  # 开始导入: runs the import
    run = wizard.run_page
    assert run.finished
    assert run.summary.text() == "新增 3 人，更新 0 人，未变 0 人，有误 2 行"
    assert run.problems.rowCount() == 2
    assert {cell_text(run.problems, r, 0) for r in range(2)} == {"5", "6"}
    service = WorkerService(ctx.store)
    assert service.count(RosterFilter()) == 3
    (zhang,) = service.page(RosterFilter(text="张三"), RosterSort())
    assert service.details(zhang[1])["employer"] == "邹城市物流园区"

    errors = tmp_path / "有误的行.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(errors), ""))
    run.save_button.click()
    assert run.saved_path == errors
    sheet = openpyxl.load_workbook(errors).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("行号", "错误原因", "序号")
    assert [row[0] for row in rows[1:]] == [5, 6]
    assert "校验码" in str(rows[1][1])
    assert rows[2][3] == "赵六"


def test_a_file_that_is_not_a_workbook_is_refused_on_the_first_page(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_text("姓名,身份证号\n", encoding="utf-8")
    wizard = open_wizard(ctx, qtbot)
    wizard.file_page.choose(str(fake))
    assert wizard.file_page.error_label.isVisibleTo(wizard)
    assert wizard.file_page.error_label.text()
    assert not wizard.file_page.isComplete()


def test_cancel_stops_the_import_and_writes_nothing(
    store: Store, data_dir: Path, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = [
        [n, "张三", "", valid_id(f"{1980 + n // 1000}0101", f"{n % 1000:03d}"), "", "", ""]
        for n in range(1, 4000)
    ]
    path = workbook(tmp_path / "big.xlsx", rows)
    runner = TaskRunner()
    ctx = AppContext(store, data_dir, runner)
    wizard = open_wizard(ctx, qtbot)
    wizard.file_page.choose(str(path))
    wizard.next()
    wizard.next()
    assert wizard.run_page.running
    wizard.run_page.cancel()
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=20_000)
    assert "已取消" in wizard.run_page.status.text()
    assert WorkerService(store).count(RosterFilter()) == 0
    runner.wait()
