"""The station's settings: defaults, a round trip per section, Chinese field messages,
nothing stored when a check fails, the keys stored before this module, and window.ini
shared with the window's QSettings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from broker_app.domain.common.errors import FieldError
from broker_app.printing.sheets import LAYOUTS
from broker_app.services.jobs.welfare import WelfarePostService
from broker_app.services.projects.records import ProjectService
from broker_app.services.settings.schema import (
    CARD_LAYOUTS,
    BackupSettings,
    CardSettings,
    InvalidSettings,
    LanguageSettings,
    Settings,
    SettingsSection,
    StationSettings,
    SyncSettings,
    WageSettings,
)
from broker_app.services.settings.storage import (
    load_language,
    load_settings,
    save_section,
    save_settings,
)
from broker_app.services.settings.text import as_texts, setting_names, with_text
from broker_app.services.settings.window_ini import UI_SETTINGS_FILE, read_value, write_value
from broker_app.services.sync.config import load_config
from broker_app.store.repositories.station import put_setting
from broker_app.store.store import Store, open_store
from tests.conftest import TOWNSHIP, VILLAGE
from tests.ui.conftest import register


def test_defaults_when_nothing_is_saved(data_dir: Path) -> None:
    store = open_store(data_dir)
    try:
        settings = load_settings(store)
    finally:
        store.close()
    assert settings == Settings(station=settings.station)
    assert settings.station.org_code is None
    assert settings.sync == SyncSettings("", "", 10)
    assert settings.cards.complaint_phone_national == "12333"
    assert (settings.cards.layout, settings.cards.printer) == ("card", "")
    assert settings.wages == WageSettings(None, None, 2000)
    assert settings.backup == BackupSettings("", 14, 30)
    assert settings.ui.language == "zh_CN"
    # The only problem of the defaults: the station is not set up yet.
    assert [e.field for e in settings.check()] == ["station.org_code"]


@pytest.mark.parametrize(
    "section",
    [
        StationSettings(TOWNSHIP, "太平镇驿站", "李经纪", "13900001111"),
        SyncSettings("https://sync.example.cn", "", 30),
        CardSettings("0537-5219999", "0537-5218888", "12333", "sticker", "HP LaserJet"),
        WageSettings(2010, 15, 2500),
        BackupSettings("", 60, 100),
        LanguageSettings("en"),
    ],
    ids=lambda s: s.SECTION,
)
def test_each_section_round_trips(store: Store, section: SettingsSection) -> None:
    saved = save_section(store, section)
    assert getattr(saved, section.SECTION) == section
    assert getattr(load_settings(store), section.SECTION) == section


def test_backup_and_language_round_trip(store: Store, tmp_path: Path) -> None:
    backup = BackupSettings(str(tmp_path / "usb"), 60, 100)
    save_section(store, backup)
    save_section(store, LanguageSettings("en"))
    again = load_settings(store)
    assert (again.backup, again.ui.language) == (backup, "en")


def test_values_are_stored_in_their_canonical_form(store: Store) -> None:
    saved = save_section(store, CardSettings(complaint_phone_hrss="0537 5219999"))
    assert saved.cards.complaint_phone_hrss == "0537-5219999"
    saved = save_section(store, replace(saved.station, operator_phone="138-1234-5678"))
    assert saved.station.operator_phone == "13812345678"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("station.operator_phone", "1234", "手机号位数不对"),
        ("cards.complaint_phone_hrss", "abc", "人社（劳动保障监察）投诉电话含非数字字符"),
        ("sync.server_url", "sync.example.cn", "服务器地址不正确"),
        ("sync.server_url", "http://sync.example.cn", "必须使用 https://"),
        ("sync.ca_file", "/no/such/ca.pem", "找不到证书文件"),
        ("wages.min_wage", "500", "当地最低工资标准（元/月）应在 1000 到 10000 之间"),
        ("wages.pay_day", "32", "工资支付日"),
        ("wages.welfare_exit_threshold", "0", "公益性岗位退出监测线（元/月）应为1到1000000"),
        ("backup.keep_days", "-3", "自动备份保留天数应为1到365之间的整数"),
        ("backup.keep_count", "0", "自动备份最多保留份数应为1到1000"),
        ("backup.folder", "relative/folder", "备份文件夹应填完整路径"),
        ("cards.layout", "poster", "默认版式应为"),
        ("ui.language", "fr", "界面语言应为"),
    ],
)
def test_a_bad_value_gives_the_field_message_and_nothing_is_stored(
    store: Store, name: str, text: str, message: str
) -> None:
    before = load_settings(store)
    wanted = with_text(replace(before, wages=WageSettings(min_wage=2010)), name, text)
    with pytest.raises(InvalidSettings) as raised:
        save_settings(store, wanted)
    [error] = raised.value.errors
    assert error.field == name and message in error.message
    assert load_settings(store) == before  # not even the good min_wage


def test_text_that_is_not_a_number_is_refused(store: Store) -> None:
    with pytest.raises(FieldError) as raised:
        with_text(load_settings(store), "backup.keep_days", "两周")
    assert raised.value.field == "backup.keep_days" and "不是数字" in raised.value.message
    with pytest.raises(FieldError, match="没有这项设置"):
        with_text(load_settings(store), "backup.nothing", "1")


def test_a_station_with_workers_cannot_move(store: Store) -> None:
    register(store)
    settings = load_settings(store)
    moved = replace(settings, station=replace(settings.station, org_code=TOWNSHIP))
    with pytest.raises(FieldError, match="不能改为其他单位"):
        save_settings(store, replace(moved, wages=WageSettings(min_wage=2010)))
    assert load_settings(store) == settings


def test_keys_stored_before_the_settings_module_still_read(store: Store, data_dir: Path) -> None:
    with store.write() as session:
        put_setting(session, "sync.server_url", "https://old.example.cn")
        put_setting(session, "sync.station_id", "S1")
        put_setting(session, "project_default.complaint_phone_hrss", "0537-5212345")
        put_setting(session, "project_default.complaint_phone_national", "")
        put_setting(session, "project_default.min_wage", "2010")
        put_setting(session, "project_default.pay_day", "")
        put_setting(session, "welfare_post.exit_income_threshold", "3000")
        put_setting(session, "backup.keep_days", "0")  # unusable: the default, as before
    store.secrets.put("sync.credential", "secret")  # kept outside the database
    legacy = QSettings(str(data_dir / UI_SETTINGS_FILE), QSettings.Format.IniFormat)
    legacy.setValue("ui/language", "en")
    legacy.setValue("sync/interval_minutes", 25)
    legacy.setValue("window/geometry", b"\x00\x01binary")
    legacy.sync()
    settings = load_settings(store)
    assert settings.sync.server_url == "https://old.example.cn"
    assert settings.sync.interval_minutes == 25
    assert settings.cards.complaint_phone_hrss == "0537-5212345"
    assert settings.cards.complaint_phone_national == "12333"
    assert (settings.wages.min_wage, settings.wages.pay_day) == (2010, None)
    assert settings.wages.welfare_exit_threshold == 3000
    assert settings.backup.keep_days == 14
    assert settings.ui.language == "en" == load_language(data_dir).language
    # The services that read these settings see the same values.
    assert WelfarePostService(store).threshold() == 3000
    assert ProjectService(store).defaults().min_wage == 2010
    config = load_config(store)
    assert config is not None and config.server_url == "https://old.example.cn"


def test_window_ini_is_shared_with_the_window(store: Store, data_dir: Path) -> None:
    ini = data_dir / UI_SETTINGS_FILE
    window = QSettings(str(ini), QSettings.Format.IniFormat)
    window.setValue("MainWindow/geometry", b"\x01\x02 [x]=y")
    window.setValue("roster/columns", ["name", "phone"])
    window.sync()
    save_section(store, LanguageSettings("en"))
    save_section(store, SyncSettings(interval_minutes=45))
    again = QSettings(str(ini), QSettings.Format.IniFormat)
    assert again.value("ui/language") == "en"
    assert int(str(again.value("sync/interval_minutes"))) == 45
    assert again.value("MainWindow/geometry") == b"\x01\x02 [x]=y"
    assert again.value("roster/columns") == ["name", "phone"]
    write_value(ini, "ui/language", "zh_CN")
    assert read_value(ini, "ui/language") == "zh_CN"
    assert load_settings(store).ui.language == "zh_CN"


def test_names_and_texts_cover_every_setting(store: Store) -> None:
    names = setting_names()
    assert list(as_texts(load_settings(store))) == names
    assert "cards.printer" in names and "wages.min_wage" in names
    assert set(CARD_LAYOUTS) == set(LAYOUTS)  # the layouts the card page can print
    assert load_settings(store).station.org_code == VILLAGE
