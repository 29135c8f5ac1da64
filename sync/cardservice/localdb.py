"""The card service's own small SQLite database.

It holds the feed (cards, projects and keys as printed, masked), the feed cursor, a
secret for form tokens, and the outbox of clues not yet handed to the channel server.
A forwarded clue keeps only its query code and clue id here: the reporter's phone and
words leave this machine as soon as the channel server has them.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from broker_app.domain.rights_card import KeyRing
from sync.cardkeys import keyring_from_list

SCHEMA = """
CREATE TABLE IF NOT EXISTS card (
    key_id TEXT NOT NULL, serial INTEGER NOT NULL, issue_date TEXT, expiry_date TEXT,
    revoked INTEGER NOT NULL, worker_name TEXT NOT NULL, masked_id TEXT NOT NULL,
    project_id TEXT, PRIMARY KEY (key_id, serial));
CREATE TABLE IF NOT EXISTS project (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (
    clue_id TEXT PRIMARY KEY, query_code TEXT NOT NULL UNIQUE, body TEXT,
    created_at TEXT NOT NULL, sent_at TEXT, attempts INTEGER NOT NULL DEFAULT 0,
    refused TEXT);
"""


@dataclass(frozen=True)
class CardRow:
    key_id: str
    serial: int
    issue_date: str
    expiry_date: str
    revoked: bool
    worker_name: str
    masked_id: str
    project_id: str | None


@dataclass(frozen=True)
class PendingClue:
    clue_id: str
    query_code: str
    body: dict[str, Any]


class LocalDB:
    """One connection shared by the threads of one process, behind a lock."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        # A forwarded clue's phone and words are overwritten, not just unlinked, so the
        # file holds nothing of them once the channel server has them.
        self._conn.execute("PRAGMA secure_delete=ON")
        self._conn.executescript(SCHEMA)
        # The key ring of the stored key list, built once per feed: a county's 731
        # keys take longer to load than a card takes to verify.
        self._ring: KeyRing | None = None

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _one(self, sql: str, args: tuple[Any, ...] = ()) -> Any:
        with self._lock:
            return self._conn.execute(sql, args).fetchone()

    # -- meta ---------------------------------------------------------------------
    def meta(self, name: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE name = ?", (name,))
        return None if row is None else str(row[0])

    def form_secret(self) -> bytes:
        """The key of the form tokens, made once and kept (a restart keeps forms valid)."""
        with self._tx() as conn:
            row = conn.execute("SELECT value FROM meta WHERE name = 'form_secret'").fetchone()
            if row is None:
                value = secrets.token_hex(32)
                conn.execute("INSERT INTO meta VALUES ('form_secret', ?)", (value,))
            else:
                value = row[0]
        return bytes.fromhex(value)

    @property
    def cursor(self) -> int:
        return int(self.meta("cursor") or 0)

    def key_document(self) -> dict[str, Any]:
        text = self.meta("keys")
        return json.loads(text) if text else {"keys": [], "revoked_cards": []}

    def keyring(self) -> KeyRing:
        """The fed keys and revocations, as ``verify_card`` takes them."""
        ring = self._ring
        if ring is None:
            ring = self._ring = keyring_from_list(self.key_document())
        return ring

    # -- the feed -----------------------------------------------------------------
    def apply_feed(self, page: dict[str, Any]) -> None:
        """One feed page and its cursor in one transaction."""
        with self._tx() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO card VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        str(c["key_id"]),
                        int(c["serial"]),
                        c.get("issue_date") or "",
                        c.get("expiry_date") or "",
                        1 if c.get("revoked") else 0,
                        str(c.get("worker_name") or ""),
                        str(c.get("masked_id") or ""),
                        c.get("project_id"),
                    )
                    for c in page.get("cards", [])
                ],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO project VALUES (?, ?)",
                [(str(p["id"]), json.dumps(p, ensure_ascii=False)) for p in page["projects"]],
            )
            document = {
                "keys": page.get("keys", []),
                "revoked_cards": page.get("revoked_cards", []),
            }
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('keys', ?)",
                (json.dumps(document, ensure_ascii=False),),
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('cursor', ?)", (str(int(page["cursor"])),)
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('fed_at', ?)",
                (datetime.now().isoformat(timespec="seconds"),),
            )
        self._ring = None

    def card(self, key_id: str, serial: int) -> CardRow | None:
        row = self._one("SELECT * FROM card WHERE key_id = ? AND serial = ?", (key_id, serial))
        if row is None:
            return None
        return CardRow(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7])

    def project(self, project_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT body FROM project WHERE id = ?", (project_id,))
        return None if row is None else dict(json.loads(row[0]))

    # -- the outbox ---------------------------------------------------------------
    def keep_clue(self, clue: dict[str, Any]) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO outbox (clue_id, query_code, body, created_at) VALUES (?, ?, ?, ?)",
                (
                    clue["clue_id"],
                    clue["query_code"],
                    json.dumps(clue, ensure_ascii=False),
                    datetime.now().isoformat(timespec="seconds"),
                ),
            )

    def pending(self, limit: int = 50) -> list[PendingClue]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT clue_id, query_code, body FROM outbox "
                "WHERE sent_at IS NULL AND refused IS NULL ORDER BY created_at LIMIT ?",
                (limit,),
            ).fetchall()
        return [PendingClue(r[0], r[1], json.loads(r[2])) for r in rows]

    def sent(self, clue_id: str) -> None:
        """Forwarded: the reporter's data leaves this machine's database (and its
        write-ahead log, which would otherwise keep the page as first written)."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE outbox SET sent_at = ?, body = NULL WHERE clue_id = ?",
                (datetime.now().isoformat(timespec="seconds"), clue_id),
            )
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def refused(self, clue_id: str, reason: str) -> None:
        """The channel server will never take it (kept for the operator's log)."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE outbox SET refused = ?, attempts = attempts + 1 WHERE clue_id = ?",
                (reason[:500], clue_id),
            )

    def failed_attempt(self, clue_id: str) -> None:
        with self._tx() as conn:
            conn.execute("UPDATE outbox SET attempts = attempts + 1 WHERE clue_id = ?", (clue_id,))

    def outbox_state(self, query_code: str) -> str | None:
        """``pending`` while a clue waits to be forwarded, ``refused``, ``sent``, or None."""
        row = self._one("SELECT sent_at, refused FROM outbox WHERE query_code = ?", (query_code,))
        if row is None:
            return None
        if row[1] is not None:
            return "refused"
        return "sent" if row[0] is not None else "pending"
