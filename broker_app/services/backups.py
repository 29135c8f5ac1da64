"""Backing the station database up and restoring it."""

from __future__ import annotations

import logging
from pathlib import Path

from broker_app import paths
from broker_app.store.backup import backup_database, restore_database, timestamped_backup

log = logging.getLogger(__name__)


def backup_now(data: Path, out: Path | None = None) -> Path:
    """Snapshot the database (safe while the app is running) to ``out`` or the backups folder."""
    db = paths.database_path(data)
    if out is None:
        result = timestamped_backup(db, paths.backups_dir(data), "manual")
    elif out.is_dir():
        result = timestamped_backup(db, out, "manual")
    else:
        result = backup_database(db, out)
    log.info("backup written to %s", result)
    return result


def restore(data: Path, backup: Path) -> None:
    """Replace the station database with ``backup``. The app must not be running."""
    restore_database(backup, paths.database_path(data))
    log.info("database restored from %s", backup)
