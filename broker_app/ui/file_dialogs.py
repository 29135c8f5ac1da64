"""Every file dialog of the window: it starts in the broker's documents folder (never
the program's own folder, which on Windows is the install folder), then in the folder
last used for the same kind of file.

The folders are remembered per user, not per station, in the user's Qt settings."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from broker_app import paths


class FileKind(Enum):
    """Kinds of file that share a remembered folder."""

    ROSTER = "roster"  # roster workbooks to import, and their rows to fix
    JOBS = "jobs"  # job workbooks to import, and their rows to fix
    EXPORTS = "exports"  # lists and tables handed on: dispatch, ledger, statistics
    IMAGES = "images"  # charts saved as pictures
    CARDS = "cards"  # rights cards as PDF
    QR_IMAGES = "qr_images"  # photos of a card's QR to check
    BACKUPS = "backups"
    CERTIFICATES = "certificates"
    DIAGNOSTICS = "diagnostics"


_GROUP = "file_dialogs"

#: On Windows the system's dialog speaks the language of Windows. On Linux the
#: desktop's dialog may not speak Chinese where the desktop is set up in English:
#: Qt's own dialog follows the interface language (Qt's translations).
_OPTIONS = (
    QFileDialog.Option.DontUseNativeDialog
    if sys.platform.startswith("linux")
    else QFileDialog.Option(0)
)


def _settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, paths.APP_AUTHOR, paths.APP_NAME
    )


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def start_folder(kind: FileKind, default: str | Path | None = None) -> str:
    """The folder last used for ``kind`` (if it still exists), else ``default``, else
    the documents folder."""
    remembered = str(_settings().value(f"{_GROUP}/{kind.value}", "") or "")
    if remembered and Path(remembered).is_dir():
        return remembered
    if default and Path(default).is_dir():
        return str(default)
    return documents_folder()


def remember(kind: FileKind, chosen: str | Path, *, is_folder: bool = False) -> None:
    folder = Path(chosen) if is_folder else Path(chosen).parent
    _settings().setValue(f"{_GROUP}/{kind.value}", str(folder))


def ask_open_file(
    parent: QWidget | None,
    kind: FileKind,
    title: str,
    name_filter: str,
    *,
    default: str | Path | None = None,
) -> str:
    """The chosen file, or "" when the broker cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, start_folder(kind, default), name_filter, "", _OPTIONS
    )
    if chosen:
        remember(kind, chosen)
    return str(chosen or "")


def ask_save_file(
    parent: QWidget | None,
    kind: FileKind,
    title: str,
    suggested_name: str,
    name_filter: str,
    *,
    default: str | Path | None = None,
) -> str:
    """Where to save (``suggested_name`` offered in the start folder), or "" when
    cancelled."""
    start = Path(start_folder(kind, default)) / Path(suggested_name).name
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start), name_filter, "", _OPTIONS)
    if chosen:
        remember(kind, chosen)
    return str(chosen or "")


def ask_folder(
    parent: QWidget | None, kind: FileKind, title: str, *, default: str | Path | None = None
) -> str:
    """The chosen folder, or "" when cancelled."""
    options = _OPTIONS | QFileDialog.Option.ShowDirsOnly
    chosen = QFileDialog.getExistingDirectory(parent, title, start_folder(kind, default), options)
    if chosen:
        remember(kind, chosen, is_folder=True)
    return str(chosen or "")
