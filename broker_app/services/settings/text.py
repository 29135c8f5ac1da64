"""Settings as text: the command line's view (``settings show``, ``settings set
section.field VALUE``), the settings pages' typed fields, and the stored form of a value.

A setting is named ``section.field`` (``backup.keep_days``); ``parse_value`` reads typed
or stored text as the field's declared type (numbers through the domain's number
reader), ``text_of`` writes a value back as text.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from dataclasses import replace
from typing import Any, TypeVar

from broker_app.domain.common import coerce
from broker_app.domain.common.errors import FieldError
from broker_app.services.settings.schema import (
    SECTIONS,
    Settings,
    SettingsSection,
    field_of,
    kind_of,
    qualified,
)

_S = TypeVar("_S", bound=SettingsSection)


def setting_names() -> list[str]:
    return [
        f"{cls.SECTION}.{option.name}"
        for cls in SECTIONS
        for option in dataclasses.fields(cls)  # type: ignore[arg-type]
    ]


def label_of(name: str) -> str:
    cls, field_name = _locate(name)
    return str(field_of(cls, field_name).metadata["label"])


def as_texts(settings: Settings) -> dict[str, str]:
    """``section.field`` -> the value as text ('' for none), in declaration order."""
    out: dict[str, str] = {}
    for section in settings.sections():
        for option in dataclasses.fields(section):  # type: ignore[arg-type]
            out[f"{section.SECTION}.{option.name}"] = text_of(getattr(section, option.name))
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
        raise qualified(section, err) from None
    return settings.with_section(replace(section, **{field_name: value}))


def parse_value(cls: type[SettingsSection], name: str, text: str) -> Any:
    """Typed text as the field's type (numbers through the domain's number reader);
    FieldError when it is not one. Blank is None where the field allows none."""
    kind = kind_of(cls, name)
    label = str(field_of(cls, name).metadata["label"])
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


def text_of(value: Any) -> str:
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
