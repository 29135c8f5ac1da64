"""Every setting of this station declared in one place: typed sections with their
defaults, their Chinese labels, where each field is stored, and a check per section.

A field is declared with ``_option(default, label, key=... | ini=...)``: ``key`` names
its row in the station's setting table, ``ini`` its key in window.ini, neither the
station row. Loading and saving are in ``storage``, the text form (command line, typed
fields) in ``text``.

Each section's ``check()`` returns one ``FieldError`` (Chinese message) per bad field,
using the domain's validators (phones, project fields, org codes) and the sync client's
rule for a server address (the one enrolment uses); ``clean()`` also returns the values
in their stored form. Settings are addressed as ``section.field`` (``backup.keep_days``)
by the command line and in errors.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from broker_app.domain.common.errors import FieldError, InvalidInput
from broker_app.domain.common.phone import normalize_mobile
from broker_app.domain.jobs.welfare import DEFAULT_EXIT_THRESHOLD, EXIT_THRESHOLD_SETTING
from broker_app.domain.projects.rules import NATIONAL_HOTLINE, clean_project
from broker_app.domain.rights_card.scan_text import PUBLIC_BASE_URL_SETTING, check_base_url
from broker_app.services.settings.station import station_unit
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
                label = field_of(type(self), name).metadata["label"]
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
        return [qualified(section, err) for section in self.sections() for err in section.check()]


class InvalidSettings(InvalidInput, ValueError):
    """Settings refused by their checks; ``errors`` name ``section.field``."""


# -- what the checks share ---------------------------------------------------------------


def field_of(cls: type[SettingsSection], name: str) -> dataclasses.Field[Any]:
    """The declaration of field ``name`` (its label and storage are in ``metadata``)."""
    return next(o for o in dataclasses.fields(cls) if o.name == name)  # type: ignore[arg-type]


def kind_of(cls: type[SettingsSection], name: str) -> Any:
    """The declared type of field ``name`` (``int``, ``str | None``...)."""
    return typing.get_type_hints(cls)[name]


def default_of(cls: type[SettingsSection], name: str) -> Any:
    """The declared default of field ``name``."""
    return field_of(cls, name).default


def _range(section: SettingsSection, name: str, low: int, high: int) -> list[FieldError]:
    value = getattr(section, name)
    if isinstance(value, int) and low <= value <= high:
        return []
    label = field_of(type(section), name).metadata["label"]
    return [
        FieldError(
            name,
            f"{label}应为{low}到{high}之间的整数，而不是{value}",
            f"{name}: {value} outside [{low}, {high}]",
            reason="range",
        )
    ]


def _too_long(cls: type[SettingsSection], name: str, limit: int, length: int) -> FieldError:
    label = field_of(cls, name).metadata["label"]
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


def qualified(section: SettingsSection, err: FieldError) -> FieldError:
    """``err`` with its field named ``section.field``, as the command line and the
    dialogs address settings."""
    name = err.field if "." in err.field else f"{section.SECTION}.{err.field}"
    return FieldError(name, err.message, err.message_en, reason=err.reason)
