"""Automatic daily backups with retention, the backup list, and a requested restore."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from broker_app import paths
from broker_app.services.backups import (
    DAILY,
    DEFAULT_KEEP_DAYS,
    MANUAL,
    apply_pending_restore,
    backup_now,
    daily_backup_for,
    ensure_daily_backup,
    list_backups,
    request_restore,
    restore_pending,
)
from broker_app.services.settings.schema import BackupSettings
from broker_app.services.settings.storage import load_settings, save_section
from broker_app.store.backup import BackupError, timestamped_backup
from broker_app.store.store import Store, open_store
from tests.conftest import valid_id
from tests.ui.conftest import register

TODAY = datetime(2026, 3, 15, 9, 30)


def daily_files(data: Path) -> list[str]:
    return sorted(p.name for p in paths.backups_dir(data).glob("*-daily.sqlite3"))


def test_one_daily_backup_per_calendar_day(store: Store, data_dir: Path) -> None:
    first = ensure_daily_backup(data_dir, now=TODAY)
    assert (
        first.created is not None and first.created.name == "station-20260315-093000-daily.sqlite3"
    )
    again = ensure_daily_backup(data_dir, now=TODAY.replace(hour=18))
    assert again.created is None and again.pruned == []
    tomorrow = ensure_daily_backup(data_dir, now=TODAY + timedelta(days=1, hours=-9))
    assert tomorrow.created is not None
    assert len(daily_files(data_dir)) == 2
    assert [b.kind for b in list_backups(data_dir)] == [DAILY, DAILY]


def test_retention_prunes_only_old_daily_backups(store: Store, data_dir: Path) -> None:
    manual = backup_now(data_dir)
    migrate = timestamped_backup(
        paths.database_path(data_dir), paths.backups_dir(data_dir), "before-migrate-3"
    )
    for day in range(20):
        ensure_daily_backup(data_dir, keep_days=100, now=TODAY - timedelta(days=20 - day))
    assert len(daily_files(data_dir)) == 20
    result = ensure_daily_backup(data_dir, keep_days=14, now=TODAY)
    assert result.created is not None
    kept = daily_files(data_dir)
    # Today and the 13 days before it.
    assert len(kept) == 14 and kept[0].startswith("station-20260302") and len(result.pruned) == 7
    assert manual.exists() and migrate.exists()
    kinds = {b.kind for b in list_backups(data_dir)}
    assert kinds == {DAILY, MANUAL, "before-migrate"}


def test_retention_by_count(store: Store, data_dir: Path) -> None:
    for day in range(5):
        ensure_daily_backup(data_dir, keep_count=3, now=TODAY + timedelta(days=day))
    assert daily_files(data_dir) == [
        "station-20260317-093000-daily.sqlite3",
        "station-20260318-093000-daily.sqlite3",
        "station-20260319-093000-daily.sqlite3",
    ]


def test_no_database_no_backup(data_dir: Path) -> None:
    assert ensure_daily_backup(data_dir, now=TODAY).created is None


def test_keep_days_is_a_station_setting(store: Store) -> None:
    assert load_settings(store).backup.keep_days == DEFAULT_KEEP_DAYS
    save_section(store, BackupSettings(keep_days=30))
    assert load_settings(store).backup.keep_days == 30


def test_the_backup_folder_setting_is_used_and_listed(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    old = backup_now(data_dir)  # in the data folder, before a folder was chosen
    folder = tmp_path / "usb"
    save_section(store, BackupSettings(folder=str(folder)))
    result = daily_backup_for(store, data_dir)
    assert result.created is not None and result.created.parent == folder
    assert {b.path for b in list_backups(data_dir, folder)} == {old, result.created}


def test_requested_restore_is_applied_with_the_database_closed(data_dir: Path) -> None:
    store = open_store(data_dir)
    register(store)
    backup = backup_now(data_dir)
    register(store, id_number=valid_id(seq="456"), phone="13900001111")
    request_restore(data_dir, backup)
    assert restore_pending(data_dir)
    store.close()
    assert apply_pending_restore(data_dir) == backup.resolve()
    assert not restore_pending(data_dir)
    conn = sqlite3.connect(paths.database_path(data_dir))
    try:
        assert conn.execute("SELECT count(*) FROM worker").fetchone()[0] == 1
    finally:
        conn.close()
    assert any(b.kind == "before-restore" for b in list_backups(data_dir))


def test_a_backup_is_one_file_and_the_restored_station_writes_ahead_again(
    data_dir: Path,
) -> None:
    """A backup goes on a USB stick as one file: opening it (to check it, or in any
    SQLite tool) leaves no -wal or -shm beside it, and a station restored from it is
    back in write-ahead mode when opened."""
    store = open_store(data_dir)
    register(store)
    backup = backup_now(data_dir)
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM worker").fetchone()[0] == 1
        assert sorted(
            p.name for p in backup.parent.iterdir() if p.name.startswith(backup.name)
        ) == [backup.name]
    finally:
        conn.close()
    request_restore(data_dir, backup)
    store.close()
    apply_pending_restore(data_dir)
    reopened = open_store(data_dir)
    try:
        with reopened.read() as session:
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
        assert mode == "wal"
    finally:
        reopened.close()


def test_a_bad_file_is_refused_before_anything_is_asked(data_dir: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "x.sqlite3"
    bogus.write_bytes(b"not a database")
    with pytest.raises(BackupError):
        request_restore(data_dir, bogus)
    assert not restore_pending(data_dir)
