"""secrets out of the database

The station credential and the card-signing private key were rows of the ``setting``
table, so every backup and copy of the database carried them in plain text. They move
to the station's secret store (the operating system's credential store, or a file
readable only by this user; ``broker_app.store.secrets``). A secret already in the
store is kept (the database may be an older backup holding a stale credential). The
rows are deleted with ``secure_delete`` so their bytes are overwritten in the file.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-05 06:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

from broker_app.domain.rights_card import key_id_for, public_key_for

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

# The names as they were in the setting table (and are in the secret store).
NAMES = ("sync.credential", "rights_card.signing_key")


def upgrade() -> None:
    conn = op.get_bind()
    node_id = conn.execute(sa.text("SELECT node_id FROM station WHERE pk = 1")).scalar()
    found = {
        key: value
        for key, value in conn.execute(
            sa.text("SELECT key, value FROM setting WHERE key IN (:a, :b)"),
            {"a": NAMES[0], "b": NAMES[1]},
        )
        if value
    }
    if not found:
        return
    attributes = context.config.attributes
    secrets_for = attributes.get("secrets_for")
    if secrets_for is None or not node_id:
        raise RuntimeError("moving secrets needs the station's secret store")
    store = secrets_for(node_id)
    moved = dict(found)
    if NAMES[1] in moved:
        # The store keeps one entry per card key (``secrets.signing_key_name``).
        private_hex = moved.pop(NAMES[1])
        try:
            key_id = key_id_for(public_key_for(bytes.fromhex(private_hex))).hex().upper()
        except ValueError:
            key_id = ""  # unusable: dropped, the station makes a new key
        if key_id:
            moved[f"{NAMES[1]}/{key_id}"] = private_hex
    for key, value in moved.items():
        if not store.get(key):
            store.put(key, value)
    conn.execute(sa.text("PRAGMA secure_delete = ON"))
    conn.execute(
        sa.text("DELETE FROM setting WHERE key IN (:a, :b)"), {"a": NAMES[0], "b": NAMES[1]}
    )
    attributes["secrets_moved"] = True


def downgrade() -> None:
    # The secrets stay in the secret store: a downgraded build asks for re-enrolment.
    pass
