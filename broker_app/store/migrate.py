"""Bring a station database to the current schema, backing it up first."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from broker_app.store.backup import timestamped_backup
from broker_app.store.secrets import SecretStore, scrub_secrets

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return _head_of(str(MIGRATIONS))


@functools.cache
def _head_of(script_location: str) -> str:
    """The newest revision of the scripts in ``script_location``. Reading it loads and
    compiles every migration script, about half of opening a station at head, so it
    is read once per process and folder (the scripts do not change while it runs)."""
    cfg = Config()
    cfg.set_main_option("script_location", script_location)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine,
    db_path: Path,
    backups: Path,
    secrets_for: Callable[[str], SecretStore] | None = None,
) -> Path | None:
    """Migrate to head. A database that already holds data is backed up first;
    returns that backup's path (None when nothing needed migrating).

    ``secrets_for(node_id)``: where a migration that moves secrets out of the database
    puts them (the station's ``SecretStore``); that migration also scrubs them from
    the backup taken here."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    if current is not None:
        backup = timestamped_backup(db_path, backups, f"before-migrate-{current}")
        log.info("backed up %s to %s before migrating from %s", db_path, backup, current)
    cfg = alembic_config()
    cfg.attributes["secrets_for"] = secrets_for or (
        lambda node_id: SecretStore(db_path.parent, node_id)
    )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        analyze_unmeasured_indexes(conn)
    if cfg.attributes.get("secrets_moved"):
        # Old copies of the rows' pages may linger in the write-ahead log.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        if backup is not None:
            # The copy taken before the move still holds them in plain text.
            scrub_secrets(backup)
    log.info("database %s migrated to %s", db_path, head_revision())
    return backup


def analyze_unmeasured_indexes(conn: Connection) -> list[str]:
    """``ANALYZE`` each index without planner statistics in a station that has them
    (one a migration created or rebuilt, on a new table too); returns their names.

    SQLite guesses the selectivity of an index it has no row for in ``sqlite_stat1``
    and may then prefer it to the right one: after migration 0015 rebuilt
    ``ix_worker_stats``, the unfiltered roster page of a 400k station took 875 ms
    instead of 1.4 ms. Analyzing one index reads only that index."""
    if not conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first():
        return []  # never analyzed: the planner guesses for every index alike
    names = list(
        conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' "
            "AND name NOT LIKE 'sqlite_autoindex_%' "
            "AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)"
        ).scalars()
    )
    for name in names:
        conn.exec_driver_sql(f'ANALYZE "{name}"')
    return names
