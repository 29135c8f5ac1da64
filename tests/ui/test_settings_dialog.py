"""The settings dialog: every page loads from the stored settings, 保存 checks every
page, shows each problem under its field, switches to the first page with one and
writes nothing until all pass; then everything is written in one go."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from broker_app.services.settings.schema import (
    BackupSettings,
    CardSettings,
    Settings,
    SyncSettings,
    WageSettings,
)
from broker_app.services.settings.storage import load_settings, save_section
from broker_app.ui.cards.page import CardsPage
from broker_app.ui.context import AppContext
from broker_app.ui.settings_dialog import SettingsDialog


def open_dialog(ctx: AppContext, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def test_pages_show_the_defaults(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_dialog(ctx, qtbot)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["本驿站", "同步", "维权卡", "工资", "语言", "备份与恢复", "隐私与安全"]
    assert dialog.form.operator_box.text() == "测试经纪人"
    assert dialog.cards_tab.phone_boxes["complaint_phone_national"].text() == "12333"
    assert dialog.cards_tab.layout_box.currentData() == "card"
    assert dialog.cards_tab.printer_box.currentData() == ""
    assert dialog.wages_tab.min_wage_box.text() == ""
    assert dialog.wages_tab.threshold_box.value() == 2000
    assert dialog.sync_tab.interval_box.value() == 10
    assert not dialog.sync_tab.url_box.isEnabled()  # set by enrolling
    assert (dialog.backups_tab.keep_box.value(), dialog.backups_tab.count_box.value()) == (14, 30)
    assert dialog.language_tab.language() == "zh_CN"
    assert dialog.ok_button.isEnabled()


def test_every_page_is_saved_in_one_go(ctx: AppContext, qtbot: QtBot) -> None:
    save_section(ctx.store, SyncSettings(server_url="https://sync.example.cn"))
    dialog = open_dialog(ctx, qtbot)
    dialog.form.phone_box.setText("139 0000 1111")
    dialog.sync_tab.url_box.setText("https://new.example.cn/")
    dialog.sync_tab.interval_box.setValue(30)
    dialog.cards_tab.phone_boxes["complaint_phone_hrss"].setText("0537 5219999")
    dialog.cards_tab.layout_box.setCurrentIndex(dialog.cards_tab.layout_box.findData("sticker"))
    dialog.wages_tab.min_wage_box.setText("2010")
    dialog.wages_tab.pay_day_box.setText("15")
    dialog.wages_tab.threshold_box.setValue(2600)
    dialog.language_tab.combo.setCurrentIndex(dialog.language_tab.combo.findData("en"))
    dialog.backups_tab.keep_box.setValue(60)
    with qtbot.waitSignal(ctx.changed):
        dialog.ok_button.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    stored = load_settings(ctx.store)
    assert stored.station.operator_phone == "13900001111"
    assert stored.sync == SyncSettings("https://new.example.cn", "", 30)
    assert stored.cards == CardSettings(complaint_phone_hrss="0537-5219999", layout="sticker")
    assert stored.wages == WageSettings(2010, 15, 2600)
    assert stored.ui.language == "en"
    assert stored.backup == BackupSettings(keep_days=60)
    again = open_dialog(ctx, qtbot)
    assert again.wages_tab.min_wage_box.text() == "2010"
    assert again.cards_tab.phone_boxes["complaint_phone_hrss"].text() == "0537-5219999"
    assert again.language_tab.language() == "en"


def _bad_phone(d: SettingsDialog) -> None:
    d.cards_tab.phone_boxes["complaint_phone_housing"].setText("12345678901234")


def _low_wage(d: SettingsDialog) -> None:
    d.wages_tab.min_wage_box.setText("500")


def _not_a_url(d: SettingsDialog) -> None:
    d.sync_tab.url_box.setText("sync.example.cn")


def _bad_operator_phone(d: SettingsDialog) -> None:
    d.form.phone_box.setText("1234")


def _relative_folder(d: SettingsDialog) -> None:
    d.backups_tab.folder_box.setText("backups2")


@pytest.mark.parametrize(
    ("spoil", "page", "field", "message"),
    [
        (_bad_phone, "cards_tab", "complaint_phone_housing", "住建部门投诉电话"),
        (_low_wage, "wages_tab", "min_wage", "应在 1000 到 10000 之间，实为 500"),
        (_not_a_url, "sync_tab", "server_url", "服务器地址不正确"),
        (_bad_operator_phone, "form", "operator_phone", "手机号位数不对"),
        (_relative_folder, "backups_tab", "folder", "备份文件夹应填完整路径"),
    ],
)
def test_a_bad_value_blocks_saving_and_shows_its_page(
    ctx: AppContext,
    qtbot: QtBot,
    spoil: Callable[[SettingsDialog], None],
    page: str,
    field: str,
    message: str,
) -> None:
    save_section(ctx.store, SyncSettings(server_url="https://sync.example.cn"))
    before = load_settings(ctx.store)
    dialog = open_dialog(ctx, qtbot)
    dialog.show()
    dialog.language_tab.combo.setCurrentIndex(dialog.language_tab.combo.findData("en"))
    dialog.wages_tab.threshold_box.setValue(3000)
    spoil(dialog)
    dialog.tabs.setCurrentWidget(dialog.language_tab)
    dialog.ok_button.click()
    widget: QWidget = getattr(dialog, page)
    error: QLabel = widget.errors[field]  # type: ignore[attr-defined]
    assert dialog.tabs.currentWidget() is widget
    assert error.isVisible() and message in error.text()
    assert dialog.isVisible() and dialog.result() != SettingsDialog.DialogCode.Accepted
    assert load_settings(ctx.store) == before  # neither the language nor the threshold


def test_the_first_page_with_a_problem_is_shown(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_dialog(ctx, qtbot)
    _low_wage(dialog)
    _bad_phone(dialog)
    dialog.ok_button.click()
    assert dialog.tabs.currentWidget() is dialog.cards_tab
    assert not dialog.wages_tab.errors["min_wage"].isHidden()
    # Fixed, the problems go and the settings are saved.
    dialog.cards_tab.phone_boxes["complaint_phone_housing"].setText("")
    dialog.wages_tab.min_wage_box.setText("2010")
    dialog.ok_button.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert load_settings(ctx.store).wages.min_wage == 2010


class PinPage(QWidget):
    """Stands in for a page that stores its own values (the privacy page)."""

    def __init__(self) -> None:
        super().__init__()
        self.value = ""
        self.calls: list[str] = []

    def load(self) -> None:
        self.calls.append("load")

    def check(self) -> str | None:
        return "PIN 只能是数字" if self.value == "bad" else None

    def save(self) -> None:
        self.calls.append("save")


def test_a_standalone_page_plugs_in_with_one_line(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_dialog(ctx, qtbot)
    page = PinPage()
    dialog.add_standalone_page("隐私", page)
    dialog.load(load_settings(ctx.store))
    assert page.calls == ["load"]
    page.value = "bad"
    dialog.wages_tab.threshold_box.setValue(3000)
    dialog.ok_button.click()
    assert dialog.tabs.currentWidget() is page and page.calls == ["load"]
    assert dialog.problem_label.text() == "PIN 只能是数字"
    assert load_settings(ctx.store).wages.welfare_exit_threshold == 2000
    page.value = "1234"
    dialog.ok_button.click()
    assert page.calls == ["load", "save"]
    assert load_settings(ctx.store).wages.welfare_exit_threshold == 3000


def test_the_cards_page_starts_with_the_default_layout(ctx: AppContext, qtbot: QtBot) -> None:
    save_section(ctx.store, CardSettings(layout="sticker"))
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    assert page.layout_box.currentData() == "sticker"


def test_nothing_changed_writes_nothing(ctx: AppContext, qtbot: QtBot) -> None:
    before = load_settings(ctx.store)
    dialog = open_dialog(ctx, qtbot)
    dialog.ok_button.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert load_settings(ctx.store) == before == replace(before, ui=Settings().ui)
    assert not (ctx.data_dir / "window.ini").exists()


def test_card_printer_offset_is_typed_checked_and_saved(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_dialog(ctx, qtbot)
    boxes = dialog.cards_tab.offset_boxes
    assert (boxes["offset_x_mm"].text(), boxes["offset_y_mm"].text()) == ("0", "0")
    boxes["offset_x_mm"].setText("12")
    dialog.ok_button.click()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert load_settings(ctx.store).cards.offset_mm == (0.0, 0.0)
    boxes["offset_x_mm"].setText("1.5")
    boxes["offset_y_mm"].setText("－0.8")  # full-width minus, as a Chinese IME types it
    with qtbot.waitSignal(ctx.changed):
        dialog.ok_button.click()
    assert load_settings(ctx.store).cards.offset_mm == (1.5, -0.8)
    again = open_dialog(ctx, qtbot)
    assert again.cards_tab.offset_boxes["offset_y_mm"].text() == "-0.8"


def test_the_public_card_address_is_checked_and_saved(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = open_dialog(ctx, qtbot)
    dialog.show()
    box = dialog.cards_tab.base_url_box
    assert box.text() == ""
    box.setText("ftp://wq.zcrs.gov.cn")
    dialog.ok_button.click()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.cards_tab.errors["public_base_url"].isVisible()
    assert load_settings(ctx.store).cards.public_base_url == ""
    box.setText("https://wq.zcrs.gov.cn/")
    with qtbot.waitSignal(ctx.changed):
        dialog.ok_button.click()
    # Stored without the trailing "/": the card's URL is built as {address}/C/{code}.
    assert load_settings(ctx.store).cards.public_base_url == "https://wq.zcrs.gov.cn"
    assert open_dialog(ctx, qtbot).cards_tab.base_url_box.text() == "https://wq.zcrs.gov.cn"
