"""Alembic environment for the station database.

Migrations run from code at start-up (see ``broker_app.store.migrate``), which hands
over an open connection; there is no alembic.ini.
"""

from __future__ import annotations

from alembic import context

import broker_app.store.models  # noqa: F401  (registers every table)
from broker_app.store.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a misconfigured call
    raise RuntimeError("run migrations through broker_app.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
)
with context.begin_transaction():
    context.run_migrations()
