"""Backing the station database up and restoring it.

Automatic backups: at most one ``daily`` backup per calendar day, kept by retention
(days and count). Only ``daily`` files are ever pruned; manual, before-migrate and
before-restore backups stay until the broker deletes them.

Restore from the window is a two-step request: ``request_restore`` checks the file and
leaves a marker; the launcher applies it with ``apply_pending_restore`` once the
database is closed (after the window quits, or at the next start if the app died).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from broker_app import atomic_write, paths
from broker_app.services.settings.schema import BackupSettings
from broker_app.services.settings.storage import load_settings
from broker_app.services.sync.identity import mark_restored
from broker_app.store.backup import (
    backup_database,
    check_database_file,
    restore_database,
    timestamped_backup,
)
from broker_app.store.store import Store

log = logging.getLogger(__name__)

DAILY = "daily"
MANUAL = "manual"
BEFORE_MIGRATE = "before-migrate"
BEFORE_RESTORE = "before-restore"
# The folder and retention are station settings (``settings.BackupSettings``).
DEFAULT_KEEP_DAYS = BackupSettings.keep_days
DEFAULT_KEEP_COUNT = BackupSettings.keep_count
_PENDING_RESTORE = "restore-pending.txt"
_NAME = re.compile(r"^station-(\d{8}-\d{6})(?:-\d+)?-(.+)\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    kind: str
    size: int


@dataclass
class DailyBackupResult:
    """What ``ensure_daily_backup`` did: the new file (None if today's existed) and
    the automatic backups it deleted."""

    created: Path | None = None
    pruned: list[Path] = field(default_factory=list)


def backup_now(data: Path, out: Path | None = None, *, folder: Path | None = None) -> Path:
    """Snapshot the database (safe while the app is running) to ``out``, else to the
    backups ``folder`` (default: ``backups`` in the data folder)."""
    db = paths.database_path(data)
    if out is None:
        result = timestamped_backup(db, folder or paths.backups_dir(data), MANUAL)
    elif out.is_dir():
        result = timestamped_backup(db, out, MANUAL)
    else:
        result = backup_database(db, out)
    log.info("backup written to %s", result)
    return result


def restore(data: Path, backup: Path) -> None:
    """Replace the station database with ``backup``. The app must not be running."""
    restore_database(backup, paths.database_path(data))
    # The writes made here since that backup are on the server: pull them back as
    # this station's own, not as a copy's (see sync_identity).
    mark_restored(paths.database_path(data))
    log.info("database restored from %s", backup)


def list_backups(data: Path, folder: Path | None = None) -> list[BackupFile]:
    """The backups of this data folder, newest first: those in ``folder`` and in the
    data folder's own ``backups`` (where upgrades back up, and where backups went
    before another folder was chosen), and the before-restore copy."""
    found: list[BackupFile] = []
    own = paths.backups_dir(data)
    folders = dict.fromkeys(p.resolve() for p in (folder or own, own))
    for path in (p for f in folders for p in f.glob("station-*.sqlite3")):
        parsed = _parse(path)
        if parsed is not None:
            found.append(BackupFile(path, parsed[0], parsed[1], path.stat().st_size))
    kept = paths.database_path(data).with_name(paths.DB_FILENAME + ".before-restore")
    if kept.is_file():
        stat = kept.stat()
        found.append(
            BackupFile(kept, datetime.fromtimestamp(stat.st_mtime), BEFORE_RESTORE, stat.st_size)
        )
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def ensure_daily_backup(
    data: Path,
    keep_days: int = DEFAULT_KEEP_DAYS,
    keep_count: int = DEFAULT_KEEP_COUNT,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
) -> DailyBackupResult:
    """Make today's automatic backup in ``folder`` (default: ``backups`` in the data
    folder) unless there is one, then prune old automatic backups: those older than
    ``keep_days`` days and those beyond the newest ``keep_count``. ``now`` is for tests."""
    now = now or datetime.now()
    result = DailyBackupResult()
    db = paths.database_path(data)
    folder = folder or paths.backups_dir(data)
    daily = [b for b in list_backups(data, folder) if b.kind == DAILY]
    if db.is_file() and not any(b.taken_at.date() == now.date() for b in daily):
        name = f"station-{now:%Y%m%d-%H%M%S}-{DAILY}.sqlite3"
        result.created = backup_database(db, folder / name)
        daily.insert(0, BackupFile(result.created, now, DAILY, result.created.stat().st_size))
        log.info("daily backup written to %s", result.created)
    oldest_day = now.date() - timedelta(days=max(keep_days, 1) - 1)
    for index, backup in enumerate(sorted(daily, key=lambda b: b.taken_at, reverse=True)):
        if index >= max(keep_count, 1) or backup.taken_at.date() < oldest_day:
            backup.path.unlink(missing_ok=True)
            result.pruned.append(backup.path)
    if result.pruned:
        log.info("pruned %d old daily backups", len(result.pruned))
    return result


def daily_backup_for(store: Store, data: Path) -> DailyBackupResult:
    """``ensure_daily_backup`` with this station's folder and retention."""
    settings = load_settings(store).backup
    return ensure_daily_backup(
        data, settings.keep_days, settings.keep_count, folder=settings.folder_path(data)
    )


def backup_folder(store: Store, data: Path) -> Path:
    """Where this station's backups go (created if missing)."""
    return load_settings(store).backup.folder_path(data)


def check_backup(backup: Path) -> None:
    """Refuse a file that is not a healthy station database (``BackupError`` says why)."""
    check_database_file(backup)


def request_restore(data: Path, backup: Path) -> None:
    """Check ``backup`` and ask for it to be restored once the database is closed."""
    check_backup(backup)
    atomic_write.write_text(data / _PENDING_RESTORE, str(backup.resolve()))
    log.info("restore from %s requested", backup)


def restore_pending(data: Path) -> bool:
    return (data / _PENDING_RESTORE).is_file()


def apply_pending_restore(data: Path) -> Path | None:
    """Restore the requested backup, if any; every connection must be closed. The
    request is removed first, so a backup that fails cannot block each start."""
    marker = data / _PENDING_RESTORE
    if not marker.is_file():
        return None
    backup = Path(marker.read_text(encoding="utf-8").strip())
    marker.unlink()
    restore(data, backup)
    return backup


def _parse(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    reason = match.group(2)
    kind = BEFORE_MIGRATE if reason.startswith(BEFORE_MIGRATE) else reason
    return taken, kind
