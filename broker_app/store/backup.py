"""Backups with SQLite's online backup API, and restore.

The backup API copies a consistent snapshot even while the app holds the database
open in WAL mode, which a plain file copy does not.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from broker_app.atomic_write import atomic_path
from broker_app.domain.common.errors import UserError


class BackupError(UserError):
    """A backup could not be taken, checked or restored."""


def backup_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` (temp name, then rename); returns the path."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(destination) as tmp:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                # One self-contained file: a copy in WAL mode (the station's) would grow
                # -wal and -shm files beside it whenever it is opened, even to check it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    return destination


def timestamped_backup(source: Path, folder: Path, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return backup_database(source, folder / f"station-{stamp}-{reason}.sqlite3")


def check_database_file(path: Path) -> None:
    """Refuse a file that is not a healthy station database."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件：{path}", f"backup file not found: {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            "该文件不是有效的驿站数据库备份", f"not a station database: {path}: {exc}"
        ) from exc
    if ok != "ok":
        raise BackupError("备份文件已损坏，无法恢复", f"backup fails integrity_check: {ok}")
    if not {"worker", "station", "outbox"} <= tables:
        raise BackupError("该文件不是驿站数据库备份", f"not a station database: {path}")


def restore_database(backup: Path, target: Path) -> None:
    """Replace ``target`` with ``backup`` after checking it; the caller must have closed
    every connection to ``target``. The replaced database is kept beside it."""
    check_database_file(backup)
    with atomic_path(target) as tmp:
        backup_database(backup, tmp)
        if target.exists():
            backup_database(target, target.with_name(target.name + ".before-restore"))
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
