"""Server migration 0003: each card key learns the highest serial already stored."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import text

from sync.server.db import ServerDB
from sync.server.migrate import alembic_config


def _upgrade(db: ServerDB, revision: str) -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_the_highest_stored_serial_of_each_key_is_filled_in(tmp_path: Path) -> None:
    db = ServerDB(f"sqlite:///{tmp_path / 'channel.sqlite3'}")
    try:
        _upgrade(db, "0001")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO station (id, org_code, name, status, created_at)"
                    " VALUES ('s1', '370883107200', '庄里村就业服务驿站', 'active', '2026-01-01')"
                )
            )
            for key_id in ("0a0b0c0d", "1a1b1c1d"):
                conn.execute(
                    text(
                        "INSERT INTO station_key (key_id, public_key, station_id, org_code,"
                        " label, certified, revoked, created_at) VALUES (:k, :p, 's1',"
                        " '370883107200', '', 1, 0, '2026-01-01')"
                    ),
                    {"k": key_id, "p": "00" * 32},
                )
            cards = [("0A0B0C0D", 7), ("0a0b0c0d", 12), ("0a0b0c0d", 3), ("ffffffff", 99)]
            for n, (key_id, serial) in enumerate(cards):
                conn.execute(
                    text(
                        "INSERT INTO record (id, record_type, org_code, archived, fields,"
                        " versions, seq, created_at, updated_at, updated_by) VALUES"
                        " (:id, 'card', '370883107200', 0, :f, '{}', :seq, '2026-01-01',"
                        " '2026-01-01', 's1')"
                    ),
                    {
                        "id": f"c{n}",
                        "f": json.dumps({"key_id": key_id, "serial": serial}),
                        "seq": n,
                    },
                )
        _upgrade(db, "head")
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT key_id, max_serial FROM station_key"))
            found = {key_id: serial for key_id, serial in rows}
        assert found == {"0a0b0c0d": 12, "1a1b1c1d": 0}
    finally:
        db.dispose()
