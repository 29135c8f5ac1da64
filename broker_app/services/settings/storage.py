"""Where each setting is kept, and loading and saving them (the sections and their checks
are declared in ``schema``).

- the station row: the org unit, the station's name and its broker (``station.*``);
- the station's ``setting`` table (local, never synced): sync, card, wage and backup
  settings, under the ``key`` each field declares; ``save_settings`` writes the row and
  the table in one transaction;
- ``window.ini`` beside the data, under the ``ini`` key a field declares: the interface
  language, which must be readable before the database opens, and the sync interval, a
  preference of this install.

Values are stored as text (``text.parse_value`` reads them back), under the keys they
always had, so existing data keeps working.
"""

from __future__ import annotations

import contextlib
import dataclasses
import typing
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from broker_app.domain.common.errors import FieldError
from broker_app.services.settings.schema import (
    SECTIONS,
    InvalidSettings,
    LanguageSettings,
    Settings,
    SettingsSection,
    StationSettings,
    default_of,
    kind_of,
    qualified,
)
from broker_app.services.settings.station import apply_station
from broker_app.services.settings.text import parse_value, text_of
from broker_app.services.settings.window_ini import UI_SETTINGS_FILE, read_value, write_value
from broker_app.store.repositories.station import get_setting, get_station, put_setting
from broker_app.store.store import Store, Transaction

_S = TypeVar("_S", bound=SettingsSection)


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
        if err.field in values and kind_of(cls, err.field) is not str:
            section = replace(section, **{err.field: default_of(cls, err.field)})  # type: ignore[type-var]
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
            errors += [qualified(new, err) for err in problems]
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
            yield key, text_of(value)
