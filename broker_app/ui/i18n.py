"""Translation helpers shared by the window's modules.

Widgets call ``self.tr("…")``; module-level texts are marked with
``QT_TRANSLATE_NOOP(context, text)`` (the name the translation tools look for) and
translated where shown. Domain labels (enum members, worker field names) pass
through the "labels" context, so a later English build translates them like any
other text.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from broker_app.domain.enums import LabeledEnum
from broker_app.domain.worker_rules import LABELS
from broker_app.paths import resource_path
from broker_app.ui.context import UI_SETTINGS_FILE


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for extraction in ``context``; returns it unchanged.

    Qt's own marker is typed as returning ``object``; this one keeps ``str``.
    """
    return source


def enum_label(member: LabeledEnum) -> str:
    return QCoreApplication.translate("labels", member.label)


def field_label(name: str) -> str:
    """The label of a worker field (``worker_rules.LABELS``), or the name itself."""
    return QCoreApplication.translate("labels", LABELS.get(name, name))


#: The interface languages: code -> name shown in the settings (each in its own
#: language, so a user who picked the wrong one can find the way back).
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
SOURCE_LANGUAGE = "zh_CN"
#: Key in the window settings (``AppContext.ui_settings()``).
LANGUAGE_KEY = "ui/language"
#: Overrides the saved choice for one run (tests, screenshots).
LANGUAGE_ENV = "LABOR_STATION_LANG"
CATALOGUE_PREFIX = "labor_station_"


def chosen_language(saved: object = None) -> str:
    """The language to start in: the environment override, else ``saved``, else Chinese."""
    for candidate in (os.environ.get(LANGUAGE_ENV), saved):
        if isinstance(candidate, str) and candidate in LANGUAGES:
            return candidate
    return SOURCE_LANGUAGE


def saved_language(data_dir: Path) -> str:
    """The language chosen in the settings of the station in ``data_dir``."""
    settings = QSettings(str(data_dir / UI_SETTINGS_FILE), QSettings.Format.IniFormat)
    return chosen_language(settings.value(LANGUAGE_KEY))


def catalogue_path(language: str, folder: Path | None = None) -> Path:
    """The built ``.qm`` of ``language`` (bundled resources unless ``folder`` is given)."""
    name = f"{CATALOGUE_PREFIX}{language}.qm"
    return (folder / name) if folder is not None else resource_path("translations", name)


def locale_for(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
