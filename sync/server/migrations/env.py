"""Alembic environment for the channel server database.

Migrations run from code (``sync.server.migrate``), which hands over an open
connection; there is no alembic.ini.
"""

from __future__ import annotations

from alembic import context

from sync.server.models import ServerBase

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached by a misconfigured call
    raise RuntimeError("run migrations through sync.server.migrate")

context.configure(
    connection=connection,
    target_metadata=ServerBase.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    version_table="server_alembic_version",
)
with context.begin_transaction():
    context.run_migrations()
