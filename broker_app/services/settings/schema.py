"""Every setting of this station in one place: typed sections with their defaults, a
check per section, and loading and saving through the storage each setting has always
had (so existing data keeps working).

Where the values live:

- the station row: the org unit, the station's name and its broker (``station.*``);
- the station's ``setting`` table (local, never synced): sync, card, wage and backup
  settings, under the keys they always had; ``save_settings`` writes the row and the
  table in one transaction;
- ``window.ini`` beside the data: the interface language, which must be readable
  before the database opens, and the sync interval, a preference of this install.

Each section's ``check()`` returns one ``FieldError`` (Chinese message) per bad field,
using the domain's validators (phones, project fields, org codes, the server address);
``clean()`` also returns the values in their stored form. Settings are addressed as
``section.field`` (``backup.keep_days``) by the command line and in errors.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from broker_app.domain.common import coerce
from broker_app.domain.common.errors import FieldError, InvalidInput
from broker_app.domain.common.phone import normalize_mobile
from broker_app.domain.jobs.welfare import DEFAULT_EXIT_THRESHOLD, EXIT_THRESHOLD_SETTING
from broker_app.domain.projects.rules import NATIONAL_HOTLINE, clean_project
from broker_app.domain.rights_card.scan_text import PUBLIC_BASE_URL_SETTING, check_base_url
from broker_app.services.settings.station import apply_station, station_unit
from broker_app.services.settings.window_ini import UI_SETTINGS_FILE, read_value, write_value
from broker_app.store.repositories.station import get_setting, get_station, put_setting
from broker_app.store.store import Store, Transaction
from sync.client.api import check_server_url
from sync.client.errors import SyncError

#: The interface languages: code -> name shown in the settings (each in its own
#: language, so a user who picked the wrong one can find the way back).
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
SOURCE_LANGUAGE = "zh_CN"
#: Overrides the saved language for one run (``--lang``, tests, screenshots).
LANGUAGE_ENV = "LABOR_STATION_LANG"
#: The card sheet layouts (``printing.sheets.LAYOUTS``): wallet cards or helmet stickers.
CARD_LAYOUTS = {
    "card": "钱包卡（每页10张）",
    "sticker": "安全帽贴（每页24张）",
    "label-70x37": "安全帽贴，A4不干胶标签纸 70×37毫米（每页24张）",
    "label-63x38": "安全帽贴，A4不干胶标签纸 63.5×38.1毫米（每页21张）",
}
#: How far a printer offset may move a card sheet (millimetres, either way).
MAX_PRINT_OFFSET_MM = 10.0
MIN_INTERVAL_MINUTES = 1
MAX_INTERVAL_MINUTES = 24 * 60
MAX_EXIT_THRESHOLD = 1_000_000
MAX_KEEP_DAYS = 365
MAX_KEEP_COUNT = 1000
#: Setting-table keys that other modules write too (enrolment stores the server).
SERVER_URL_SETTING = "sync.server_url"
CA_FILE_SETTING = "sync.ca_file"
#: The keys of window.ini that hold settings (the window's QSettings reads the same).
LANGUAGE_INI_KEY = "ui/language"
INTERVAL_INI_KEY = "sync/interval_minutes"

_S = TypeVar("_S", bound="SettingsSection")


def _option(default: Any, label: str, *, key: str | None = None, ini: str | None = None) -> Any:
    """A field of a section: its default, its Chinese label, and where it is stored
    (``key`` in the setting table or ``ini`` in window.ini; neither: the station row)."""
    return field(default=default, metadata={"label": label, "key": key, "ini": ini})


class SettingsSection:
    """What every section has: a name (the ``section`` of ``section.field``) and a check."""

    SECTION: ClassVar[str]

    def clean(self: _S) -> tuple[_S, list[FieldError]]:
        """The values in their stored form (phones normalized...), and what is wrong."""
        raise NotImplementedError

    def check(self) -> list[FieldError]:
        """One FieldError per bad field (``field`` is the bare field name); [] if fine."""
        return self.clean()[1]


@dataclass(frozen=True)
class StationSettings(SettingsSection):
    """The station row. ``org_code`` is None until the first-run dialog (or enrolment)
    sets it; saving a blank ``name`` keeps the stored one, or makes one from the unit's
    name. A station that holds workers cannot move to another unit (checked on save)."""

    SECTION: ClassVar[str] = "station"
    org_code: str | None = _option(None, "所属单位代码")
    name: str = _option("", "驿站名称")
    operator_name: str = _option("", "经纪人姓名")
    operator_phone: str = _option("", "经纪人手机")

    def clean(self) -> tuple[StationSettings, list[FieldError]]:
        errors: list[FieldError] = []
        values: dict[str, Any] = {}
        if not (self.org_code or "").strip():
            errors.append(_error("org_code", "请选择本驿站所属的村、镇街或市级单位", "required"))
        else:
            try:
                values["org_code"] = station_unit(self.org_code or "")[0]
            except FieldError as err:
                errors.append(_rename(err, "org_code"))
        for name, limit in (("name", 128), ("operator_name", 64)):
            text = getattr(self, name).strip()
            values[name] = text
            if len(text) > limit:
                errors.append(_too_long(type(self), name, limit, len(text)))
        if self.operator_phone.strip():
            try:
                values["operator_phone"] = normalize_mobile(self.operator_phone)
            except FieldError as err:
                errors.append(_rename(err, "operator_phone"))
        else:
            values["operator_phone"] = ""
        return replace(self, **values), errors


@dataclass(frozen=True)
class SyncSettings(SettingsSection):
    """The county's sync server this station is enrolled with (blank: not enrolled),
    its CA file for a self-signed certificate, and the background sync interval. The
    enrolment itself (station id, credential) is kept by ``sync_config``."""

    SECTION: ClassVar[str] = "sync"
    server_url: str = _option("", "同步服务器地址", key=SERVER_URL_SETTING)
    ca_file: str = _option("", "服务器证书文件", key=CA_FILE_SETTING)
    interval_minutes: int = _option(10, "自动同步间隔（分钟）", ini=INTERVAL_INI_KEY)

    def clean(self) -> tuple[SyncSettings, list[FieldError]]:
        errors: list[FieldError] = []
        url, ca_file = self.server_url.strip(), self.ca_file.strip()
        if url:
            try:
                url = check_server_url(url)
            except SyncError as err:
                errors.append(FieldError("server_url", err.message, err.message_en, reason="url"))
        if ca_file and not Path(ca_file).is_file():
            errors.append(
                FieldError(
                    "ca_file",
                    f"找不到证书文件：{ca_file}",
                    f"CA file not found: {ca_file}",
                    reason="missing",
                )
            )
        errors += _range(self, "interval_minutes", MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES)
        return replace(self, server_url=url, ca_file=ca_file), errors


@dataclass(frozen=True)
class CardSettings(SettingsSection):
    """What a new 工程项目 and the 维权卡 printing start from: the local complaint
    phones (blank ones of a new project are filled from these), the sheet layout
    chosen first, and the printer (blank: the system's default printer)."""

    SECTION: ClassVar[str] = "cards"
    complaint_phone_hrss: str = _option(
        "", "人社（劳动保障监察）投诉电话", key="project_default.complaint_phone_hrss"
    )
    complaint_phone_housing: str = _option(
        "", "住建部门投诉电话", key="project_default.complaint_phone_housing"
    )
    complaint_phone_national: str = _option(
        NATIONAL_HOTLINE, "全国人社服务热线", key="project_default.complaint_phone_national"
    )
    layout: str = _option("card", "默认版式", key="cards.layout")
    printer: str = _option("", "默认打印机", key="cards.printer")
    #: Moves everything on a card sheet, to make up for a printer that does not print
    #: where it is told (measured on the test page: ``cards-test-page``).
    offset_x_mm: float = _option(0.0, "打印偏移：向右（毫米）", key="cards.offset_x_mm")
    offset_y_mm: float = _option(0.0, "打印偏移：向下（毫米）", key="cards.offset_y_mm")
    #: The county's public card service (blank: none); a card's QR opens
    #: ``{address}/C/...`` there, else shows readable text (rights_card.scan_text).
    public_base_url: str = _option("", "公共卡片服务地址", key=PUBLIC_BASE_URL_SETTING)

    @property
    def offset_mm(self) -> tuple[float, float]:
        return self.offset_x_mm, self.offset_y_mm

    def clean(self) -> tuple[CardSettings, list[FieldError]]:
        phones = ("complaint_phone_hrss", "complaint_phone_housing", "complaint_phone_national")
        cleaned = clean_project({name: getattr(self, name) for name in phones}, partial=True)
        errors = list(cleaned.errors)
        if self.layout not in CARD_LAYOUTS:
            shown = "、".join(f"{key}（{name}）" for key, name in CARD_LAYOUTS.items())
            errors.append(
                FieldError(
                    "layout",
                    f"默认版式应为 {shown}，而不是“{self.layout}”",
                    f"layout {self.layout!r} is not one of {sorted(CARD_LAYOUTS)}",
                    reason="choice",
                )
            )
        printer = self.printer.strip()
        if len(printer) > 128:
            errors.append(_too_long(type(self), "printer", 128, len(printer)))
        for name in ("offset_x_mm", "offset_y_mm"):
            value = getattr(self, name)
            if not -MAX_PRINT_OFFSET_MM <= value <= MAX_PRINT_OFFSET_MM:
                label = _field(type(self), name).metadata["label"]
                errors.append(
                    FieldError(
                        name,
                        f"{label}应在 -{MAX_PRINT_OFFSET_MM:g} 到 {MAX_PRINT_OFFSET_MM:g} 之间，"
                        f"而不是{value:g}",
                        f"{name}: {value} outside ±{MAX_PRINT_OFFSET_MM}",
                        reason="range",
                    )
                )
        values = {name: cleaned.values.get(name, getattr(self, name)) for name in phones}
        try:
            values["public_base_url"] = check_base_url(self.public_base_url)
        except ValueError as err:
            errors.append(
                FieldError("public_base_url", str(err), "not an https address", reason="url")
            )
        return replace(self, printer=printer, **values), errors


@dataclass(frozen=True)
class WageSettings(SettingsSection):
    """The local monthly minimum wage and usual pay day (defaults of a new project,
    printed on its cards; blank: none), and the monthly income above which a
    公益性岗位 holder is reviewed for exit (``domain.jobs.welfare``)."""

    SECTION: ClassVar[str] = "wages"
    min_wage: int | None = _option(
        None, "当地最低工资标准（元/月）", key="project_default.min_wage"
    )
    pay_day: int | None = _option(None, "工资支付日（每月几日）", key="project_default.pay_day")
    welfare_exit_threshold: int = _option(
        DEFAULT_EXIT_THRESHOLD, "公益性岗位退出监测线（元/月）", key=EXIT_THRESHOLD_SETTING
    )

    def clean(self) -> tuple[WageSettings, list[FieldError]]:
        numbers = ("min_wage", "pay_day")
        cleaned = clean_project({name: getattr(self, name) for name in numbers}, partial=True)
        errors = list(cleaned.errors)
        errors += _range(self, "welfare_exit_threshold", 1, MAX_EXIT_THRESHOLD)
        values = {name: cleaned.values.get(name, getattr(self, name)) for name in numbers}
        return replace(self, **values), errors


@dataclass(frozen=True)
class ArrearsSettings(SettingsSection):
    """Days from a wage-arrears clue's arrival by which it is received, accepted and
    resolved (``domain.arrears.deadlines``); the county sets them."""

    SECTION: ClassVar[str] = "arrears"
    receive_days: int = _option(1, "欠薪线索接收时限（天）", key="arrears.receive_days")
    accept_days: int = _option(5, "欠薪线索受理时限（天）", key="arrears.accept_days")
    resolve_days: int = _option(15, "欠薪线索办结时限（天）", key="arrears.resolve_days")

    def clean(self) -> tuple[ArrearsSettings, list[FieldError]]:
        errors: list[FieldError] = []
        for name in ("receive_days", "accept_days", "resolve_days"):
            errors += _range(self, name, 1, MAX_KEEP_DAYS)
        if not errors and not self.receive_days <= self.accept_days <= self.resolve_days:
            errors.append(_error("resolve_days", "时限应为 接收 ≤ 受理 ≤ 办结", "order"))
        return self, errors


@dataclass(frozen=True)
class BackupSettings(SettingsSection):
    """Where the automatic and manual backups go (blank: ``backups`` in the data
    folder; backups taken before a database upgrade always stay there), and how long
    automatic daily backups are kept: the last ``keep_days`` days, at most
    ``keep_count`` files. Manual backups are never deleted."""

    SECTION: ClassVar[str] = "backup"
    folder: str = _option("", "备份文件夹", key="backup.folder")
    keep_days: int = _option(14, "自动备份保留天数", key="backup.keep_days")
    keep_count: int = _option(30, "自动备份最多保留份数", key="backup.keep_count")

    def clean(self) -> tuple[BackupSettings, list[FieldError]]:
        errors: list[FieldError] = []
        folder = self.folder.strip()
        if folder:
            path = Path(folder).expanduser()
            if not path.is_absolute():
                errors.append(
                    _error("folder", f"备份文件夹应填完整路径，如 D:\\驿站备份（现为“{folder}”）")
                )
            elif path.exists() and not path.is_dir():
                errors.append(_error("folder", f"备份文件夹“{folder}”是一个文件，不是文件夹"))
            folder = str(path)
        errors += _range(self, "keep_days", 1, MAX_KEEP_DAYS)
        errors += _range(self, "keep_count", 1, MAX_KEEP_COUNT)
        return replace(self, folder=folder), errors

    def folder_path(self, data_dir: Path) -> Path:
        """The backups folder to use (created if missing)."""
        path = Path(self.folder) if self.folder else data_dir / "backups"
        path.mkdir(parents=True, exist_ok=True)
        return path


@dataclass(frozen=True)
class LanguageSettings(SettingsSection):
    """The interface language, applied at the next start. Kept in window.ini because the
    window must know it before it opens the database."""

    SECTION: ClassVar[str] = "ui"
    language: str = _option(SOURCE_LANGUAGE, "界面语言", ini=LANGUAGE_INI_KEY)

    def clean(self) -> tuple[LanguageSettings, list[FieldError]]:
        if self.language in LANGUAGES:
            return self, []
        shown = "、".join(f"{code}（{name}）" for code, name in LANGUAGES.items())
        return self, [_error("language", f"界面语言应为 {shown}，而不是“{self.language}”")]


SECTIONS: tuple[type[SettingsSection], ...] = (
    StationSettings,
    SyncSettings,
    CardSettings,
    WageSettings,
    BackupSettings,
    LanguageSettings,
    ArrearsSettings,
)


@dataclass(frozen=True)
class Settings:
    """Every section; ``Settings()`` is all defaults."""

    station: StationSettings = field(default_factory=StationSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    cards: CardSettings = field(default_factory=CardSettings)
    wages: WageSettings = field(default_factory=WageSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    ui: LanguageSettings = field(default_factory=LanguageSettings)
    arrears: ArrearsSettings = field(default_factory=ArrearsSettings)

    def sections(self) -> Iterator[SettingsSection]:
        for option in dataclasses.fields(self):
            yield getattr(self, option.name)

    def with_section(self, section: SettingsSection) -> Settings:
        values: dict[str, Any] = {section.SECTION: section}
        return replace(self, **values)

    def check(self) -> list[FieldError]:
        """Every bad field of every section, named ``section.field``."""
        return [_qualified(section, err) for section in self.sections() for err in section.check()]


class InvalidSettings(InvalidInput, ValueError):
    """Settings refused by their checks; ``errors`` name ``section.field``."""


# -- loading and saving ---------------------------------------------------------------


def data_dir_of(store: Store) -> Path:
    """The data folder of ``store`` (its database file sits at the top of it)."""
    return store.path.parent


def ini_path(data_dir: Path) -> Path:
    return data_dir / UI_SETTINGS_FILE


def load_settings(store: Store) -> Settings:
    """Every setting of the station ``store`` belongs to; defaults where none is stored."""
    with store.read() as session:
        return read_settings(session, data_dir_of(store))


def read_settings(session: Transaction, data_dir: Path) -> Settings:
    row = get_station(session)
    station = StationSettings(
        row.org_code, row.name, row.operator_name or "", row.operator_phone or ""
    )
    sections: dict[str, Any] = {
        cls.SECTION: read_section(session, cls, data_dir)
        for cls in SECTIONS
        if cls is not StationSettings
    }
    return Settings(station=station, **sections)


def read_section(session: Transaction | None, cls: type[_S], data_dir: Path | None) -> _S:
    """One section of the setting table and window.ini, with the defaults where nothing
    (or something unreadable) is stored. A stored number that fails the check reads as
    the default, as it always did."""
    values = {}
    for option in dataclasses.fields(cls):  # type: ignore[arg-type]
        text = _stored_text(session, option.metadata, data_dir)
        if text:
            with contextlib.suppress(FieldError):  # unreadable: the default
                values[option.name] = parse_value(cls, option.name, text)
    section = cls(**values)
    for err in section.check():
        if err.field in values and _kind(cls, err.field) is not str:
            section = replace(section, **{err.field: _default(cls, err.field)})  # type: ignore[type-var]
    return section


def load_language(data_dir: Path) -> LanguageSettings:
    """The saved interface language: the one reader, usable before the database opens."""
    return read_section(None, LanguageSettings, data_dir)


def save_settings(store: Store, wanted: Settings) -> Settings:
    """Check and store the sections that differ from what is stored: the station row
    and the setting table in one transaction, then window.ini. Raises InvalidSettings
    (nothing stored) if a changed section fails its check, or FieldError if the
    station may not move to another unit. Returns the settings as now stored."""
    data_dir = data_dir_of(store)
    written: list[tuple[SettingsSection, SettingsSection]] = []
    with store.write() as session:
        current = read_settings(session, data_dir)
        errors: list[FieldError] = []
        for new, old in zip(wanted.sections(), current.sections(), strict=True):
            if new == old:
                continue
            cleaned, problems = new.clean()
            errors += [_qualified(new, err) for err in problems]
            written.append((cleaned, old))
        if errors:
            raise InvalidSettings(errors)
        for cleaned, old in written:
            if isinstance(cleaned, StationSettings):
                apply_station(
                    session,
                    cleaned.org_code or "",
                    cleaned.name or None,
                    cleaned.operator_name,
                    cleaned.operator_phone,
                )
            else:
                for key, text in _changed(cleaned, old, "key"):
                    put_setting(session, key, text)
    for cleaned, old in written:
        for key, text in _changed(cleaned, old, "ini"):
            write_value(ini_path(data_dir), key, text)
    return load_settings(store)


def save_section(store: Store, section: SettingsSection) -> Settings:
    """``save_settings`` with one section changed."""
    return save_settings(store, load_settings(store).with_section(section))


# -- the command line's view: ``section.field`` = text ----------------------------------


def setting_names() -> list[str]:
    return [
        f"{cls.SECTION}.{option.name}"
        for cls in SECTIONS
        for option in dataclasses.fields(cls)  # type: ignore[arg-type]
    ]


def label_of(name: str) -> str:
    cls, field_name = _locate(name)
    return str(_field(cls, field_name).metadata["label"])


def as_texts(settings: Settings) -> dict[str, str]:
    """``section.field`` -> the value as text ('' for none), in declaration order."""
    out: dict[str, str] = {}
    for section in settings.sections():
        for option in dataclasses.fields(section):  # type: ignore[arg-type]
            out[f"{section.SECTION}.{option.name}"] = _text(getattr(section, option.name))
    return out


def as_json(settings: Settings) -> str:
    return json.dumps(
        {section.SECTION: dataclasses.asdict(section) for section in settings.sections()},  # type: ignore[call-overload]
        ensure_ascii=False,
        indent=2,
    )


def section_from_texts(section: _S, texts: typing.Mapping[str, str]) -> tuple[_S, list[FieldError]]:
    """``section`` with the fields in ``texts`` read from what was typed, and every
    problem: a text that is not of its field's type, else the section's check."""
    values: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, text in texts.items():
        try:
            values[name] = parse_value(type(section), name, text)
        except FieldError as err:
            errors.append(err)
    typed = replace(section, **values)  # type: ignore[type-var]
    unreadable = {err.field for err in errors}
    errors += [err for err in typed.check() if err.field not in unreadable]
    return typed, errors


def with_text(settings: Settings, name: str, text: str) -> Settings:
    """``settings`` with ``name`` (``section.field``) set from typed ``text``; FieldError
    (field ``section.field``) when the name is unknown or the text is not of its type."""
    cls, field_name = _locate(name)
    section = getattr(settings, cls.SECTION)
    try:
        value = parse_value(cls, field_name, text)
    except FieldError as err:
        raise _qualified(section, err) from None
    return settings.with_section(replace(section, **{field_name: value}))


# -- helpers ----------------------------------------------------------------------------


def _stored_text(
    session: Transaction | None, metadata: typing.Mapping[str, Any], data_dir: Path | None
) -> str | None:
    if metadata.get("key") and session is not None:
        return get_setting(session, metadata["key"])
    if metadata.get("ini") and data_dir is not None:
        return read_value(ini_path(data_dir), metadata["ini"])
    return None


def _changed(new: SettingsSection, old: SettingsSection, where: str) -> Iterator[tuple[str, str]]:
    for option in dataclasses.fields(new):  # type: ignore[arg-type]
        key = option.metadata.get(where)
        value = getattr(new, option.name)
        if key and value != getattr(old, option.name):
            yield key, _text(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _locate(name: str) -> tuple[type[SettingsSection], str]:
    section, _, field_name = name.partition(".")
    for cls in SECTIONS:
        if section == cls.SECTION and field_name in {
            option.name
            for option in dataclasses.fields(cls)  # type: ignore[arg-type]
        }:
            return cls, field_name
    raise FieldError(
        name,
        f"没有这项设置：{name}（可用：{'、'.join(setting_names())}）",
        f"no setting {name!r}",
        reason="unknown",
    )


def _field(cls: type[SettingsSection], name: str) -> dataclasses.Field[Any]:
    return next(o for o in dataclasses.fields(cls) if o.name == name)  # type: ignore[arg-type]


def _kind(cls: type[SettingsSection], name: str) -> Any:
    return typing.get_type_hints(cls)[name]


def _default(cls: type[SettingsSection], name: str) -> Any:
    return _field(cls, name).default


def parse_value(cls: type[SettingsSection], name: str, text: str) -> Any:
    """Typed text as the field's type (numbers through the domain's number reader);
    FieldError when it is not one. Blank is None where the field allows none."""
    kind = _kind(cls, name)
    label = str(_field(cls, name).metadata["label"])
    if kind is str:
        return text.strip()
    if kind == str | None:
        return text.strip() or None
    if kind is float:
        return _decimal(text, name, label)
    number = coerce.whole_number(text, name, label, minimum=-(10**9))
    if number is None and kind is int:
        raise FieldError(name, f"请填写{label}", f"{name}: required", reason="required")
    return number


def _decimal(text: str, name: str, label: str) -> float:
    raw = coerce.folded(text).removesuffix("mm").removesuffix("毫米").strip() or "0"
    try:
        value = float(raw)
    except ValueError:
        raise FieldError(
            name, f"{label}“{raw}”不是数字", f"{name}: not a number: {raw!r}", reason="number"
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise FieldError(name, f"{label}应为数字", f"{name}: not finite", reason="number")
    return round(value, 1)


def _range(section: SettingsSection, name: str, low: int, high: int) -> list[FieldError]:
    value = getattr(section, name)
    if isinstance(value, int) and low <= value <= high:
        return []
    label = _field(type(section), name).metadata["label"]
    return [
        FieldError(
            name,
            f"{label}应为{low}到{high}之间的整数，而不是{value}",
            f"{name}: {value} outside [{low}, {high}]",
            reason="range",
        )
    ]


def _too_long(cls: type[SettingsSection], name: str, limit: int, length: int) -> FieldError:
    label = _field(cls, name).metadata["label"]
    return FieldError(
        name,
        f"{label}太长（最多{limit}个字，实为{length}个）",
        f"{name}: {length} characters, at most {limit}",
        reason="length",
    )


def _error(name: str, message: str, reason: str = "invalid") -> FieldError:
    return FieldError(name, message, f"{name}: {reason}", reason=reason)


def _rename(err: FieldError, name: str) -> FieldError:
    return FieldError(name, err.message, err.message_en, reason=err.reason)


def _qualified(section: SettingsSection, err: FieldError) -> FieldError:
    name = err.field if "." in err.field else f"{section.SECTION}.{err.field}"
    return FieldError(name, err.message, err.message_en, reason=err.reason)
