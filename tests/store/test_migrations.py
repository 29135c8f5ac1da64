"""Schema upgrades at start-up: the database is backed up first and keeps its data."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from broker_app import paths
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.services.roster.workers import WorkerService
from broker_app.services.settings.station import StationService
from broker_app.store import migrate
from broker_app.store.store import Store, open_store
from tests.conftest import VILLAGE, valid_id, worker_input

EXTRA_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("worker") as batch:
        batch.add_column(sa.Column("shoe_size", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("worker") as batch:
        batch.drop_column("shoe_size")
"""


def test_sqlite_runs_durable(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_pending_migration_backs_up_then_upgrades_keeping_data(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(data_dir)
    StationService(store).configure(VILLAGE)
    WorkerService(store).register(worker_input())
    head = migrate.head_revision()
    store.close()

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts)
    (scripts / "versions" / "9999_shoe_size.py").write_text(EXTRA_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)

    upgraded = open_store(data_dir)
    assert upgraded.migration_backup is not None
    backup = upgraded.migration_backup
    assert backup.parent == data_dir / "backups" and backup.exists()
    # The backup holds the old schema and the data; the live database has both too.
    old = sqlite3.connect(backup)
    assert old.execute("SELECT count(*) FROM worker").fetchone()[0] == 1
    assert "shoe_size" not in {r[1] for r in old.execute("PRAGMA table_info(worker)")}
    old.close()
    with upgraded.engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(worker)")}
        assert "shoe_size" in columns
        assert conn.exec_driver_sql("SELECT count(*) FROM worker").scalar() == 1
    upgraded.close()

    # Opening again at head does nothing more.
    again = open_store(data_dir)
    assert again.migration_backup is None
    again.close()


def station_of_four(data_dir: Path) -> Store:
    """A village station with four workers, three of them found by the pinyin ``li``."""
    store = open_store(data_dir)
    StationService(store).configure(VILLAGE)
    service = WorkerService(store)
    for seq, name in enumerate(["李丽", "王丽", "连杰", "张伟"]):
        service.register(worker_input(name=name, id_number=valid_id("19750101", f"8{seq}1")))
    return store


def test_pinyin_keys_are_rewritten_by_the_upgrade(data_dir: Path) -> None:
    """A station whose pinyin keys predate the first-key marks (revision 0012) finds
    and counts the same workers after the upgrade as a new station."""
    store = station_of_four(data_dir)
    with store.engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012")
        old = [r[0] for r in conn.exec_driver_sql("SELECT token FROM worker_search")]
    assert "p:lili" in old and "p:li" in old
    store.close()

    upgraded = open_store(data_dir)
    service = WorkerService(upgraded)
    flt = RosterFilter(text="li")
    rows = service.page(flt, RosterSort(), 0, 50)
    assert [row.name for row in rows] == ["李丽", "连杰", "王丽"]
    assert service.count(flt) == 3
    upgraded.close()


def test_an_upgrade_gives_the_planner_statistics_of_the_indexes_it_rebuilt(
    data_dir: Path,
) -> None:
    """A station the planner had statistics for keeps them for every index after an
    upgrade that rebuilt or added some (0015 rebuilds ``ix_worker_stats``, 0016 adds
    ``ix_worker_search_ordered``): an index without them is guessed at, and SQLite
    then read the whole 400k roster for its first page (875 ms against 1.4 ms)."""
    store = station_of_four(data_dir)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0014")
    store.close()

    upgraded = open_store(data_dir)
    upgraded.close()
    db = sqlite3.connect(paths.database_path(data_dir))
    try:
        measured = {r[0] for r in db.execute("SELECT idx FROM sqlite_stat1")}
        indexes = {
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name IN ('worker', 'worker_search') "
                "AND name NOT LIKE 'sqlite_autoindex_%'"
            )
        }
    finally:
        db.close()
    assert {"ix_worker_stats", "ix_worker_search_ordered"} <= indexes
    assert indexes <= measured, indexes - measured


def test_new_database_needs_no_backup(data_dir: Path) -> None:
    store = open_store(data_dir)
    assert store.migration_backup is None
    assert not any((data_dir / "backups").iterdir())
    store.close()


def test_migrations_build_exactly_what_the_models_describe(data_dir: Path) -> None:
    """A model changed without a migration (or the reverse) shows up here, as the
    server's own schema test does for the channel server."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import broker_app.store.models  # noqa: F401  (every model registers on Base)
    from broker_app.store.base import Base

    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        store.close()
    assert {"worker", "job_posting", "match", "rights_card", "outbox"} <= set(Base.metadata.tables)
    assert diff == []
