"""The first start asks which unit the station serves; 设置 changes it later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from broker_app.services.settings.station import StationService
from broker_app.store.store import Store, open_store
from broker_app.ui.context import AppContext
from broker_app.ui.first_run import FirstRunDialog
from broker_app.ui.settings_dialog import SettingsDialog
from broker_app.ui.tasks import TaskRunner
from tests.conftest import TOWNSHIP, VILLAGE
from tests.ui.conftest import register


@pytest.fixture
def fresh_ctx(data_dir: Path) -> Iterator[AppContext]:
    store: Store = open_store(data_dir)
    yield AppContext(store, data_dir, TaskRunner(inline=True))
    store.close()


def choose(dialog: FirstRunDialog | SettingsDialog, text: str, code: str) -> None:
    form = dialog.form
    form.search_box.setText(text)
    for row in range(form.results.count()):
        if form.results.item(row).data(Qt.ItemDataRole.UserRole) == code:
            form.results.setCurrentRow(row)
            return
    raise AssertionError(f"{code} not offered for {text!r}")


def test_first_run_configures_the_station(fresh_ctx: AppContext, qtbot: QtBot) -> None:
    assert not StationService(fresh_ctx.store).info().configured
    dialog = FirstRunDialog(fresh_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    choose(dialog, "tpz", TOWNSHIP)  # pinyin initials of 太平镇
    assert "太平镇" in dialog.form.chosen_label.text()
    dialog.form.operator_box.setText("王经纪")
    dialog.form.phone_box.setText("138-1234-5678")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(fresh_ctx.changed):
        dialog.ok_button.click()
    info = StationService(fresh_ctx.store).info()
    assert (info.org_code, info.operator_name, info.operator_phone) == (
        TOWNSHIP,
        "王经纪",
        "13812345678",
    )
    assert info.name == "太平镇就业服务驿站"
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted


def test_a_bad_phone_is_shown_under_the_field(fresh_ctx: AppContext, qtbot: QtBot) -> None:
    dialog = FirstRunDialog(fresh_ctx)
    qtbot.addWidget(dialog)
    choose(dialog, "太平", TOWNSHIP)
    dialog.form.operator_box.setText("王经纪")
    dialog.form.phone_box.setText("1234")
    dialog.ok_button.click()
    assert "手机号" in dialog.form.errors["operator_phone"].text()
    assert not StationService(fresh_ctx.store).info().configured


def test_settings_refuse_to_move_a_station_that_has_data(ctx: AppContext, qtbot: QtBot) -> None:
    register(ctx.store)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.form.org_code() == VILLAGE
    assert dialog.form.operator_box.text() == "测试经纪人"
    choose(dialog, "太平", TOWNSHIP)
    dialog.ok_button.click()
    assert "不能改为其他单位" in dialog.form.errors["org_code"].text()
    assert StationService(ctx.store).info().org_code == VILLAGE
