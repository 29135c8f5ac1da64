"""Helpers for the fault tests: the server's own view of its records, raw pushes with a
station's credential, and row counts of a station database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import select

from broker_app.services.sync.config import load_config
from sync.hlc import HybridClock
from sync.ids import uuid7
from sync.protocol import HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, SCHEMA_VERSION
from sync.server.db import SeqAllocator, ServerDB
from sync.server.models import Record
from tests.sync.conftest import Station
from tests.sync.server_process import RunningServer


def cn_name(prefix: str, n: int) -> str:
    """A distinct valid name per ``n`` (names are Chinese characters only)."""
    return prefix + "甲乙丙丁戊己庚辛壬癸"[n % 10] + "子丑寅卯辰巳午未申酉戌亥"[n // 10 % 12]


def server_records(server: RunningServer) -> dict[str, dict[str, Any]]:
    """Every record the server holds: id -> fields (org_code and archived included)."""
    db = ServerDB(server.db_url)
    try:
        with db.read() as session:
            return {r.id: json.loads(r.fields) for r in session.scalars(select(Record))}
    finally:
        db.dispose()


def headers(station: Station) -> dict[str, str]:
    config = load_config(station.store)
    assert config is not None
    return {
        HEADER_PROTOCOL: str(PROTOCOL_VERSION),
        HEADER_SCHEMA: str(SCHEMA_VERSION),
        "Authorization": f"Bearer {config.credential}",
        "Content-Type": "application/json",
    }


def raw_update(
    server: RunningServer, station: Station, record_type: str, record_id: str, fields_json: str
) -> requests.Response:
    """Push one update written by hand (``fields_json`` is JSON text, so it can hold
    what no station would write), stamped with the station's own node id."""
    stamp = HybridClock(station.store.node_id).now()
    body = (
        f'{{"mutations":[{{"mutation_id":"{uuid7()}","record_type":"{record_type}",'
        f'"record_id":"{record_id}","op":"update","fields":{fields_json},"hlc":"{stamp}"}}]}}'
    )
    return requests.post(
        server.url + "/v1/push", data=body.encode(), headers=headers(station), timeout=30
    )


def store_on_server(server: RunningServer, record_id: str, fields: dict[str, Any]) -> None:
    """Change a record on the server past its checks, as one stored before the server
    checked fields (or written by a bug of its own) would be; stations pull it again."""
    db = ServerDB(server.db_url)
    try:
        with db.write() as session:
            row = session.get(Record, record_id)
            assert row is not None
            row.fields = json.dumps({**json.loads(row.fields), **fields}, ensure_ascii=False)
            seq = SeqAllocator(session)
            row.seq = seq.next()
            seq.close()
    finally:
        db.dispose()


def table_counts(db_file: Path) -> dict[str, int]:
    """Rows of every table of a station database (read-only)."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def integrity(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
