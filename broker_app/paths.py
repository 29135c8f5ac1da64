"""Where the app keeps its files: one module, so the CLI, the GUI and a frozen build agree.

Data and logs live in the user's platform directories (platformdirs); ``--data-dir``
or the ``LABOR_STATION_DATA_DIR`` environment variable overrides both, for tests,
portable installs and scripts. Bundled read-only files are found by ``resource_path``,
which also works inside a PyInstaller build (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

# The bundled files are found by the domain's helper (the domain may not import this
# module); re-exported so callers keep one place to ask for paths.
from broker_app.domain.common.resources import resource_path as resource_path
from broker_app.domain.common.resources import resources_root as resources_root

APP_NAME = "LaborStation"
APP_AUTHOR = "Zoucheng"
DATA_DIR_ENV = "LABOR_STATION_DATA_DIR"
DB_FILENAME = "station.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The station's data folder, created if missing."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(data: Path) -> Path:
    return data / DB_FILENAME


def backups_dir(data: Path) -> Path:
    path = data / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(data: Path | None = None) -> Path:
    """Logs sit beside the data when the data dir is overridden, else in the user log dir."""
    if data is not None and (os.environ.get(DATA_DIR_ENV) or data != _default_data_dir()):
        path = data / "logs"
    else:
        path = Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
