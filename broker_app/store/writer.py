"""Every local write of a synced record: the row, its field stamps and its outbox entry,
together in the caller's transaction (nothing is ever sent that was not committed)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import insert
from sqlalchemy.orm import Session

from broker_app.store.base import SyncedRecord, table_of
from broker_app.store.bulk import alongside, deferred_indexes, insert_rows
from broker_app.store.deferred_triggers import deferred_worker_triggers
from broker_app.store.models.local import OutboxEntry
from broker_app.store.status_history import TRACKED, add_events, event_row
from broker_app.store.wire import to_wire
from sync.hlc import HybridClock
from sync.ids import uuid7

R = TypeVar("R", bound=SyncedRecord)

#: Outbox operations (``services.changes.Op`` carries the same values to the views).
CREATE, UPDATE, ARCHIVE = "create", "update", "archive"
#: Key in ``versions`` for the stamp of every field not listed on its own: a new
#: record stores one stamp instead of one per field (2 KB a worker otherwise).
ALL_FIELDS = "*"


def field_stamp(versions: Mapping[str, str], field: str) -> str:
    """The HLC stamp of the last write to ``field``."""
    return versions.get(field) or versions[ALL_FIELDS]


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class RecordWriter:
    def __init__(
        self, session: Session, clock: HybridClock, now: Callable[[], datetime] = _now
    ) -> None:
        self.session = session
        self.clock = clock
        self.now = now

    def create(self, cls: type[R], values: Mapping[str, Any], *, record_id: str | None = None) -> R:
        stamp = self.clock.now()
        moment = self.now()
        # cast: mypy cannot see the declarative constructor through the mixin's TypeVar.
        record: R = cast(Any, cls)(
            id=record_id or uuid7(),
            archived=False,
            created_at=moment,
            updated_at=moment,
            **values,
        )
        # Column defaults are applied at flush; the outbox must carry what the row holds.
        for name, default in _defaults(cls).items():
            if getattr(record, name) is None:
                setattr(record, name, default)
        synced = {name: getattr(record, name) for name in cls.sync_fields}
        record.versions = {ALL_FIELDS: stamp}
        self.session.add(record)
        self._outbox(cls.record_type, record.id, CREATE, synced, stamp, moment)
        if cls.record_type == "worker":
            add_events(self.session, [event_row(record.id, _fields(record), moment.date())])
        return record

    def update(self, record: SyncedRecord, changes: Mapping[str, Any]) -> list[str]:
        """Apply ``changes``; only fields whose value really differs are stamped and sent.
        Returns the changed field names (empty: nothing was written)."""
        cls = type(record)
        changed = {
            name: value
            for name, value in changes.items()
            if name in cls.sync_fields and _differs(getattr(record, name), value)
        }
        local = {n: v for n, v in changes.items() if n not in cls.sync_fields}
        for name, value in local.items():
            setattr(record, name, value)
        if not changed:
            return []
        stamp = self.clock.now()
        moment = self.now()
        base = _base_stamps(record.versions, changed)
        for name, value in changed.items():
            setattr(record, name, value)
        record.versions = {**record.versions, **dict.fromkeys(changed, stamp)}
        record.updated_at = moment
        op = ARCHIVE if changed.keys() == {"archived"} and changed["archived"] else UPDATE
        self._outbox(cls.record_type, record.id, op, changed, stamp, moment, base)
        if cls.record_type == "worker" and TRACKED & changed.keys():
            add_events(self.session, [event_row(record.id, _fields(record), moment.date())])
        return list(changed)

    def archive(self, record: SyncedRecord) -> bool:
        return bool(self.update(record, {"archived": True}))

    def bulk_create(
        self,
        cls: type[SyncedRecord],
        rows: Sequence[Mapping[str, Any]],
        *,
        meanwhile: Callable[[], None] | None = None,
    ) -> list[str]:
        """Insert many new records through Core (the ORM unit of work costs ~5x more at
        100k rows), still writing one outbox entry per record. Each row may carry its
        own ``id``; returns the ids in order.

        ``meanwhile``: work in Python (no database) the caller needs done before it
        goes on. It runs while a helper thread has SQLite build the indexes (and
        derived rows) a large load deferred, as does the making of the outbox
        entries: SQLite releases the interpreter while it sorts, so the load uses both
        cores (at 400k workers, ~4 s of Python inside ~10 s of index builds)."""
        moment = self.now()
        table_rows: list[dict[str, Any]] = []
        ids: list[str] = []
        # Every synced field has a value in every row (None where the column has no
        # default), so the rows share one set of columns.
        defaults = {**dict.fromkeys(cls.sync_fields), **_defaults(cls)}
        lists = [name for name, value in defaults.items() if isinstance(value, list)]
        # One transaction, one moment: every record of the batch carries the same
        # stamp (stamps order writes to the same field; these records are all new).
        stamp = self.clock.now()
        # The values every row shares, made once (the rows are only written, never
        # changed): a copy of the outbox entry's dict per record cost ~2 s at 400k.
        versions = {ALL_FIELDS: stamp}
        for values in rows:
            record_id = values.get("id") or uuid7()
            ids.append(record_id)
            row = {**defaults, **values, "id": record_id, "archived": False}
            for name in lists:
                if name not in values:
                    row[name] = []  # never share the default list between rows
            row.setdefault("created_at", moment)
            row["updated_at"] = moment
            row["versions"] = versions
            table_rows.append(row)
        outbox_rows: list[dict[str, Any]] = []

        def in_python() -> None:
            # A create without fields: the record's fields are read when it is sent
            # (``OutboxEntry``). A copy here would be half of a 100k load's database.
            create = _outbox_row(cls.record_type, "", CREATE, {}, stamp, moment)
            outbox_rows.extend(
                {**create, "mutation_id": uuid7(), "record_id": record_id} for record_id in ids
            )
            if meanwhile is not None:
                meanwhile()

        workers = cls.record_type == "worker"
        table = table_of(cls)
        with ExitStack() as deferred:
            # A large load of workers fills their derived tables in one pass at its end.
            if workers:
                deferred.enter_context(deferred_worker_triggers(self.session, len(table_rows)))
            deferred.enter_context(deferred_indexes(self.session, table, len(table_rows)))
            insert_rows(self.session, table, table_rows)
            if workers:
                day = moment.date()
                add_events(self.session, (event_row(r["id"], r, day) for r in table_rows))
            alongside(deferred.pop_all().close, in_python)
        outbox = table_of(OutboxEntry)
        with deferred_indexes(self.session, outbox, len(outbox_rows)):
            insert_rows(self.session, outbox, outbox_rows)
        return ids

    def _outbox(
        self,
        record_type: str,
        record_id: str,
        op: str,
        values: Mapping[str, Any],
        stamp: str,
        moment: datetime,
        base: Mapping[str, str] | None = None,
    ) -> None:
        fields = {name: to_wire(value) for name, value in values.items()}
        self.session.execute(
            insert(table_of(OutboxEntry)),
            [_outbox_row(record_type, record_id, op, fields, stamp, moment, base)],
        )


def _outbox_row(
    record_type: str,
    record_id: str,
    op: str,
    fields: Mapping[str, Any],
    stamp: str,
    moment: datetime,
    base: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    return {
        "mutation_id": uuid7(),
        "record_type": record_type,
        "record_id": record_id,
        "op": op,
        "fields": fields,
        "hlc": stamp,
        "base": dict(base or {}),
        "created_at": moment,
        "state": "pending",
        "error": "",
    }


def _defaults(cls: type[SyncedRecord]) -> dict[str, Any]:
    """Fresh default values of the synced fields that have one (``""``, ``False``,
    ``[]``...), so an outbox entry carries what the row will hold."""
    out: dict[str, Any] = {}
    table = table_of(cls)
    for name in cls.sync_fields:
        default: Any = table.c[name].default
        if default is None:
            continue
        if default.is_scalar:
            out[name] = default.arg
        elif default.is_callable:
            out[name] = default.arg(None)  # SQLAlchemy wraps it to take a context
    return out


def _base_stamps(versions: Mapping[str, str], changed: Mapping[str, Any]) -> dict[str, str]:
    """The stamp each changed field had before this write (what the editor saw)."""
    out = {}
    for name in changed:
        stamp = versions.get(name) or versions.get(ALL_FIELDS)
        if stamp:
            out[name] = stamp
    return out


def _fields(record: SyncedRecord) -> dict[str, Any]:
    names = (*TRACKED, "job_start", "job_end")
    return {name: getattr(record, name, None) for name in names}


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, list | tuple) or isinstance(new, list | tuple):
        return list(old or []) != list(new or [])
    return bool(old != new)
