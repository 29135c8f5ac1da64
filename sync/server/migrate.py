"""Bring the server database to the current schema and load the division list.

Both run at every start (``serve`` and each admin command), so a new server needs no
set-up step; ``init`` does the same explicitly and reports what it loaded.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import func, insert, select

from broker_app.domain.org.units import load_zoucheng
from sync.server.db import ServerDB
from sync.server.models import OrgUnit

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: ServerDB) -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def load_org_units(db: ServerDB) -> int:
    """Load the county, townships and villages if the table is empty; returns how many
    units the table holds."""
    with db.write() as session:
        present = session.scalar(select(func.count()).select_from(OrgUnit)) or 0
        if present:
            return int(present)
        directory = load_zoucheng()
        units = [directory.county, *directory.townships(), *directory.villages()]
        session.execute(
            insert(OrgUnit),
            [
                {
                    "code": unit.code,
                    "name": unit.name,
                    "short_name": unit.short_name,
                    "level": unit.level.value,
                    "parent_code": unit.parent_code,
                }
                for unit in units
            ],
        )
        log.info("loaded %d org units", len(units))
        return len(units)


def prepare(db: ServerDB) -> None:
    """Schema at head and divisions loaded: what every command needs first."""
    upgrade(db)
    load_org_units(db)
