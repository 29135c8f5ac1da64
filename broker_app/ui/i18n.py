"""Translation helpers shared by the window's modules.

Widgets call ``self.tr("…")``; module-level texts are marked with
``QT_TRANSLATE_NOOP(context, text)`` (the name the translation tools look for) and
translated where shown. Domain labels (enum members, worker field names) pass
through the "labels" context, so a later English build translates them like any
other text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from broker_app.domain.enums import LabeledEnum
from broker_app.domain.worker_rules import LABELS


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
