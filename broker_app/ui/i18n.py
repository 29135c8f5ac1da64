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

from PySide6.QtCore import QCoreApplication, QLocale

from broker_app.domain.common.enums import LabeledEnum
from broker_app.domain.people.rules import LABELS
from broker_app.paths import resource_path

# the languages: the ui.language setting's choices
from broker_app.services.settings.schema import (
    LANGUAGE_ENV,
    LANGUAGE_INI_KEY,
    LANGUAGES,
    SOURCE_LANGUAGE,
)
from broker_app.services.settings.storage import load_language


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


#: Key in the window settings (``AppContext.ui_settings()``).
LANGUAGE_KEY = LANGUAGE_INI_KEY
CATALOGUE_PREFIX = "labor_station_"


def chosen_language(saved: object = None) -> str:
    """The language to start in: the environment override, else ``saved``, else Chinese."""
    for candidate in (os.environ.get(LANGUAGE_ENV), saved):
        if isinstance(candidate, str) and candidate in LANGUAGES:
            return candidate
    return SOURCE_LANGUAGE


def saved_language(data_dir: Path) -> str:
    """The language to start the station in ``data_dir`` in: its ``ui.language``
    setting unless the environment overrides it."""
    return chosen_language(load_language(data_dir).language)


def catalogue_path(language: str, folder: Path | None = None) -> Path:
    """The built ``.qm`` of ``language`` (bundled resources unless ``folder`` is given)."""
    name = f"{CATALOGUE_PREFIX}{language}.qm"
    return (folder / name) if folder is not None else resource_path("translations", name)


def locale_for(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
