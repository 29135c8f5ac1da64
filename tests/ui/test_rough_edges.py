"""Issue 16, item 10: the rough edges a new broker hits, each through the real widgets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from broker_app.domain.jobs.query import JobFilter
from broker_app.services.jobs.postings import JobPostingService
from broker_app.services.settings.station import StationService
from broker_app.ui.backups.backups_tab import BackupsTab
from broker_app.ui.context import AppContext
from broker_app.ui.import_wizard.wizard import ImportWizard
from broker_app.ui.jobs.job_page import JobsPage
from broker_app.ui.main_window import MainWindow
from broker_app.ui.pages import page_title, registered_pages
from broker_app.ui.settings_dialog import SettingsDialog
from broker_app.ui.sync.enrol_form import EnrolForm
from broker_app.ui.sync.scheduler import SyncScheduler
from tests.conftest import valid_id
from tests.jobs.builders import add_job
from tests.sync.conftest import FAST
from tests.ui.test_import_wizard import cell_text, workbook


def open_window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_window_title_names_the_station_once(ctx: AppContext, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot)
    name = StationService(ctx.store).info().name
    assert name and window.windowTitle() == name
    # Qt adds "— 劳务驿站" itself: the program's name is not in the title too.
    assert "劳务驿站" not in window.windowTitle()
    assert QApplication.applicationDisplayName() == "劳务驿站"


def test_ctrl_digits_switch_pages_and_the_navigation_says_so(ctx: AppContext, qtbot: QtBot) -> None:
    window = open_window(ctx, qtbot)
    specs = registered_pages()
    for number, spec in enumerate(specs, start=1):
        item = window.nav.item(number - 1)
        assert item.toolTip() == f"{page_title(spec)}（Ctrl+{number}）"
    for number in (3, 7, 1, 5):
        key = getattr(Qt.Key, f"Key_{number}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == specs[number - 1].key
        assert window.stack.currentWidget() is window.pages[specs[number - 1].key]


SEARCH_BOXES = {
    "roster": lambda page: page.filters.search_box,
    "jobs": lambda page: page.filters.search_box,
    "matches": lambda page: page.search_box,
    "dispatch": lambda page: page.filters.search,
}


def test_ctrl_f_focuses_the_search_box_of_every_page_that_has_one(
    ctx: AppContext, qtbot: QtBot
) -> None:
    window = open_window(ctx, qtbot)
    for key, box_of in SEARCH_BOXES.items():
        page = window.show_page(key)
        box: QLineEdit = box_of(page)
        box.setText("张")
        window.nav.setFocus()
        qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert box.hasFocus(), key
        assert box.selectedText() == "张", key  # typing replaces the last search
        assert "Ctrl+F" in box.toolTip() + box.placeholderText()


def test_job_search_understands_pinyin(ctx: AppContext, qtbot: QtBot) -> None:
    add_job(ctx.store, title="电焊工", employer_name="邹城市某建材有限公司")
    add_job(ctx.store, title="保洁员", employer_name="太平镇物业服务中心", work_type="保洁")
    service = JobPostingService(ctx.store)
    for typed, found in {"dhg": 1, "dianhan": 1, "DHG": 1, "baojie": 1, "tpz": 1, "xyz": 0}.items():
        assert service.count(JobFilter(text=typed)) == found, typed
    page = JobsPage(ctx)
    qtbot.addWidget(page)
    page.filters.search_box.setText("bjy")
    page.filters.apply_now()
    assert page.model.rowCount() == 1
    title_column = next(
        c for c in range(page.model.columnCount())
        if page.model.headerData(c, Qt.Orientation.Horizontal) == "岗位名称"
    )  # fmt: skip
    assert page.model.index(0, title_column).data() == "保洁员"


def test_a_pasted_path_enables_next_at_once(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    path = workbook(tmp_path / "花名册.xlsx", [[1, "张三", "男", valid_id(), "", "", ""]])
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    box = wizard.file_page.path_box
    finished: list[bool] = []
    box.editingFinished.connect(lambda: finished.append(True))
    box.setText(f'"{path}"')  # pasted as Explorer's 复制为路径 gives it
    assert not finished  # the box has not lost focus, yet the file is taken
    assert next_button.isEnabled()
    assert wizard.file_page.sheet_box.currentText() == "花名册"


def test_import_problems_name_the_person_and_say_the_column_once(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = valid_id("19800101", "113")[:-1] + "X"
    path = workbook(
        tmp_path / "花名册.xlsx",
        [
            [1, "张三", "男", valid_id("19800101", "111"), "13812345678", "", ""],
            [2, "王五", "男", bad, "", "", ""],
            [3, "赵六", "男", valid_id("19850505", "333"), "12345", "", ""],
        ],
    )
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose(str(path))
    wizard.next()
    mapping = wizard.mapping_page
    for row in range(mapping.model.rowCount()):
        outcome = mapping.model.outcome(row)
        if outcome is None or not outcome.problems:
            continue
        mapping.table.setCurrentIndex(mapping.model.index(row, 0))
        detail = mapping.detail.text()
        for problem in outcome.problems:
            assert f"{problem.column}：{problem.column}" not in detail
            assert problem.message in detail
    wizard.next()
    run = wizard.run_page
    assert run.problems.horizontalHeaderItem(1).text() == "姓名"
    shown = {(cell_text(run.problems, r, 0), cell_text(run.problems, r, 1))
             for r in range(run.problems.rowCount())}  # fmt: skip
    assert shown == {("4", "王五"), ("5", "赵六")}


def visible_texts(widget: QLabel | object) -> str:
    texts = [label.text() for label in widget.findChildren(QLabel)]  # type: ignore[attr-defined]
    texts += [box.placeholderText() for box in widget.findChildren(QLineEdit)]  # type: ignore[attr-defined]
    return "\n".join(texts)


def test_settings_speak_plain_chinese(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.backups_tab.back_up_now()
    ctx.runner.wait()
    texts = visible_texts(dialog)
    assert "服务器证书文件" in texts
    assert not re.search(r"\bCA\b|KiB|MiB|GiB", texts)
    tab: BackupsTab = dialog.backups_tab
    sizes = [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())]
    assert sizes and all(re.fullmatch(r"\d+(\.\d)? (KB|MB|GB)|\d+ 字节", s) for s in sizes)


def test_a_failed_enrolment_does_not_promise_a_retry(ctx: AppContext, qtbot: QtBot) -> None:
    form = EnrolForm(ctx, scheduler=SyncScheduler(ctx, policy=FAST))
    qtbot.addWidget(form)
    form.url_box.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    form.code_box.setText("ABCD-EFGH")
    form.enrol_button.click()
    ctx.runner.wait()
    qtbot.waitUntil(lambda: "正在连接" not in form.result_label.text())
    text = form.result_label.text()
    assert "没有注册" in text
    assert "自动重试" not in text
    assert form.enrol_button.isEnabled()


def test_file_dialogs_speak_chinese(qtbot: QtBot) -> None:
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {re.sub(r"\(?&\w\)?", "", label.text()) for label in dialog.findChildren(QLabel)}
    assert {"查找范围：", "文件类型："} <= texts
    assert not [text for text in texts if re.search("[A-Za-z]", text)]


@pytest.mark.parametrize(("size", "text"), [(512, "512 字节"), (2048, "2.0 KB"),
                                            (35_000_000, "33.4 MB")])  # fmt: skip
def test_file_sizes_in_plain_units(size: int, text: str) -> None:
    from broker_app.ui.sizes import file_size_text

    assert file_size_text(size) == text
