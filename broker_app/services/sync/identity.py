"""Telling this database's own writes from those of a copy of it.

Every stamp a station writes ends with its node id, and the station keeps each one
(in the record it wrote). A pulled record carrying a stamp of this node that this
database never wrote means another copy of the data folder is writing as this
station: either the folder was restored from an older backup (those writes are this
station's own past, and are simply pulled back), or it was copied to a second PC and
both are in use (same node id, same credential). Two copies would overwrite each
other's edits without any conflict being logged, so sync stops on both until the
county re-enrols one of them.

A restore and an enrolment record the moment before which unknown own writes are
adopted (kept in the station's ``setting`` table).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

from broker_app.services.cards.keys import SERIALS_UNCONFIRMED
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import Store, Transaction
from sync.client.errors import SyncError

log = logging.getLogger(__name__)

#: Wall-clock ms: writes of this node stamped before it that this database lacks are
#: its own past (restored from a backup, or accepted at re-enrolment).
OWN_WRITES_BEFORE = "sync.own_writes_before"
#: Set when another copy's writes were seen; sync stays stopped until re-enrolment.
COPIED_FOLDER = "sync.copied_folder"


class CopiedDataFolder(SyncError):
    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        super().__init__(
            "服务器上有本驿站在另一台电脑上做的修改：这个数据文件夹被复制到了两台电脑同时使用。"
            "为免互相覆盖，本机已停止同步（本机数据都还在）。请联系县人社局停用本驿站，"
            "再只在一台电脑上用新注册码重新注册",
            "the server holds writes with this station's node id that this database never "
            "made: the data folder is in use on another PC too; sync stopped",
        )


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def own_writes_before(session: Transaction) -> int:
    value = get_setting(session, OWN_WRITES_BEFORE)
    return int(value) if value and value.isdigit() else 0


def accept_own_writes(session: Transaction, moment_ms: int | None = None) -> None:
    """At enrolment: adopt every earlier write of this node, and sync again."""
    put_setting(session, OWN_WRITES_BEFORE, str(moment_ms or now_ms()))
    put_setting(session, COPIED_FOLDER, "")


def mark_restored(db_path: Path) -> None:
    """On a database just restored from a backup (no connection open): the writes it
    lacks from before now are its own past, to be pulled back."""
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (OWN_WRITES_BEFORE, str(now_ms())),
            )
            # Cards issued after the backup are not in it: the next card waits for
            # the server's highest serial (a sync), or starts a new key.
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, '1')"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (SERIALS_UNCONFIRMED,),
            )
    finally:
        conn.close()


def is_copied(store: Store) -> bool:
    with store.read() as session:
        return bool(get_setting(session, COPIED_FOLDER))


def note_copied(store: Store, stamp: str) -> None:
    log.error("pulled a write of this node this database never made (%s): copied folder", stamp)
    with store.write() as session:
        put_setting(session, COPIED_FOLDER, stamp)
