"""Where the server keeps its embedded database when no ``--db`` URL is given."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "LABOR_STATION_SERVER_DIR"
DB_URL_ENV = "LABOR_STATION_SERVER_DB"
DB_FILENAME = "channel.sqlite3"
#: ``serve --workers N`` hands these to its N processes (uvicorn starts each one afresh).
API_DOCS_ENV = "LABOR_STATION_SERVER_API_DOCS"
PROCESSES_ENV = "LABOR_STATION_SERVER_PROCESSES"


def data_dir() -> Path:
    chosen = os.environ.get(DATA_DIR_ENV)
    default = platformdirs.user_data_dir("LaborStationServer", "Zoucheng")
    path = Path(chosen or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(explicit: str | None) -> str:
    """``--db`` if given, else the environment, else a SQLite file in the data dir."""
    if explicit:
        return explicit
    from_env = os.environ.get(DB_URL_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{data_dir() / DB_FILENAME}"
