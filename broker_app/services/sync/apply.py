"""Merging a pulled page into the station database.

Per field, by the same rule as the server (``sync.merge``): a local edit not yet sent
keeps its newer stamp and is never overwritten by an older remote value, and its
outbox entry stays until the server answers it. Pulled writes make no outbox entries.
Parents go in before children; a record whose parent is not here yet is parked and
written as soon as the parent arrives, so a page never fails on a foreign key.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from broker_app.services.sync.identity import CopiedDataFolder
from broker_app.store import pull_indexes
from broker_app.store.base import SyncedRecord, table_of
from broker_app.store.models import RECORD_TYPES, Worker
from broker_app.store.repositories import departures, pulled, sync_state
from broker_app.store.repositories import workers as worker_repo
from broker_app.store.status_history import TRACKED, record_current
from broker_app.store.store import Transaction
from broker_app.store.wire import dated_fields, from_wire
from broker_app.store.worker_search import sort_key
from sync.client.replica import PageTally
from sync.hlc import Stamp
from sync.merge import merge_record, stamp_of
from sync.protocol import PulledRecord

log = logging.getLogger(__name__)

#: ``missing_id`` of a parked record that lacks a required field (a later version
#: that has it will be merged in and written).
INCOMPLETE = "-"
#: ``missing_id`` of a parked record this program failed to store (see
#: ``StoreReplica.apply_page``); a later version is merged in and tried again.
UNAPPLIABLE = "!"
_SEARCHED = frozenset(worker_repo.SEARCHED_FIELDS)


@cache
def parent_links(record_type: str) -> dict[str, type[SyncedRecord]]:
    """Foreign-key fields of a record kind and the kind each points at."""
    by_table = {table_of(kind).name: kind for kind in RECORD_TYPES.values()}
    links: dict[str, type[SyncedRecord]] = {}
    for fk in table_of(RECORD_TYPES[record_type]).foreign_keys:
        parent = by_table.get(fk.column.table.name)
        if parent is not None:
            links[fk.parent.name] = parent
    return links


@cache
def apply_order() -> tuple[str, ...]:
    """Record kinds with every parent kind before its children."""
    order: list[str] = []
    pending = dict(RECORD_TYPES)
    while pending:
        ready = [
            name
            for name in pending
            if all(parent.record_type in order for parent in parent_links(name).values())
        ]
        if not ready:
            raise RuntimeError("cyclic foreign keys between record kinds")
        order.extend(sorted(ready))
        for name in ready:
            del pending[name]
    return tuple(order)


@cache
def _required(record_type: str) -> tuple[str, ...]:
    cls = RECORD_TYPES[record_type]
    table = table_of(cls)
    return tuple(
        name
        for name in cls.sync_fields
        if not table.c[name].nullable and table.c[name].default is None
    )


@dataclass
class _Item:
    record_id: str
    fields: dict[str, Any]
    versions: dict[str, Any]


class PageApplier:
    """Applies pulled records inside the caller's transaction."""

    def __init__(
        self,
        session: Transaction,
        now: datetime,
        node_id: str | None = None,
        own_writes_before: int = 0,
        *,
        keys_deferred: bool = False,
        pinyin: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        """``node_id``: this station's; a pulled write of it that this database lacks
        and is not older than ``own_writes_before`` (ms) raises ``CopiedDataFolder``.
        ``keys_deferred``: new workers get their search keys when the pull stops
        (``store.pull_indexes``), not page by page. ``pinyin``: (sort key, forms) of
        new names computed beforehand (``PullHelper``; the forms as one text, as they
        are kept for the search keys); any other name's here."""
        self.session = session
        self._pinyin = pinyin or {}
        self._keys_deferred = keys_deferred
        self.now = now
        self._own_suffix = f"@{node_id}" if node_id else None
        self._own_before = own_writes_before
        self._present: dict[str, set[str]] = {}
        self._written: list[str] = []
        self._received = self._parked = self._unparked = 0
        #: Whether any record may be parked (None: not looked yet; a first pull parks
        #: none, and asks once a page instead of once a kind).
        self._maybe_parked: bool | None = None

    def apply(self, records: Sequence[PulledRecord]) -> PageTally:
        groups: dict[str, list[_Item]] = {}
        for record in records:
            if record["type"] not in RECORD_TYPES:
                log.warning("pulled record of unknown kind %s skipped", record["type"])
                continue
            # Read, never changed here (merging and storing make new dicts): not copied.
            item = _Item(record["id"], record["fields"], record["versions"])
            groups.setdefault(record["type"], []).append(item)
        self._received = len(records)
        self._apply_groups(groups)
        self._release_parked()
        return PageTally(
            received=self._received,
            written=len(self._written),
            parked=self._parked,
            unparked=self._unparked,
        )

    # -- one page -------------------------------------------------------------------
    def _apply_groups(self, groups: dict[str, list[_Item]]) -> list[str]:
        written_before = len(self._written)
        for name in apply_order():
            if name in groups:
                self._apply_kind(RECORD_TYPES[name], groups[name])
        return self._written[written_before:]

    def _release_parked(self) -> None:
        """Write parked records whose parents arrived; parents may free more children."""
        if self._maybe_parked is False:  # none parked before this page, nor by it
            return
        fresh = list(self._written)
        for _round in range(8):
            waiting = sync_state.parked_waiting_for(self.session, fresh)
            if not waiting:
                return
            groups: dict[str, list[_Item]] = {}
            for row in waiting:
                groups.setdefault(row.record_type, []).append(
                    _Item(row.record_id, dict(row.fields), dict(row.versions))
                )
            parked_before = self._parked
            fresh = self._apply_groups(groups)
            self._unparked += len(fresh)
            self._parked = parked_before  # re-parking a still-waiting record is no news
            if not fresh:
                return

    def _apply_kind(self, cls: type[SyncedRecord], items: list[_Item]) -> None:
        names = _field_names(cls.record_type)
        required = _required(cls.record_type)
        ids = [item.record_id for item in items]
        parked = sync_state.parked_for(self.session, ids) if self._any_parked() else {}
        existing = self._existing(cls, ids)
        if self._own_suffix is not None:
            self._check_own_writes(cls, items, existing)
        self._learn_parents(cls, items)
        inserts: list[_Item] = []
        updates: list[tuple[int, str, dict[str, Any], dict[str, str], tuple[str, ...]]] = []
        settled: list[str] = []
        for item in items:
            remote = item.fields
            if not remote.keys() <= names:  # fields this program does not sync
                remote = {k: v for k, v in remote.items() if k in names}
            versions = item.versions
            if item.record_id in parked:
                held = parked[item.record_id]
                folded = merge_record(held.fields, held.versions, remote, versions)
                remote, versions = folded.values, folded.versions
            current = existing.get(item.record_id)
            if current is not None:
                pk, local_values, local_versions = current
                merged = merge_record(local_values, local_versions, remote, versions)
                if not merged.changed:
                    settled.append(item.record_id)
                    continue
                missing = (
                    self._missing_parent(cls, merged.values)
                    or _incomplete(required, merged.values)
                    or _unreadable(cls, {name: merged.values[name] for name in merged.taken})
                )
                if missing:
                    self._park(cls, item.record_id, missing, remote, versions)
                    continue
                updates.append((pk, item.record_id, merged.values, merged.versions, merged.taken))
            else:
                missing = self._missing_parent(cls, remote) or _incomplete(required, remote)
                # Each value is converted once, to what is stored (most of a first
                # pull's time went into converting every field twice).
                stored = None if missing else _stored_values(cls, remote)
                if stored is None:
                    if not missing:
                        log.warning("pulled %s has an unreadable value; parked", cls.record_type)
                    self._park(cls, item.record_id, missing or INCOMPLETE, remote, versions)
                    continue
                inserts.append(_Item(item.record_id, stored, versions))
                self._present.setdefault(cls.record_type, set()).add(item.record_id)
        self._insert(cls, inserts)
        self._update(cls, updates)
        written = [i.record_id for i in inserts] + [u[1] for u in updates]
        self._written.extend(written)
        done = [rid for rid in (*written, *settled) if rid in parked]
        if done:
            sync_state.unpark(self.session, done)

    def _check_own_writes(
        self,
        cls: type[SyncedRecord],
        items: list[_Item],
        existing: dict[str, tuple[int, dict[str, Any], dict[str, str]]],
    ) -> None:
        """This station keeps every stamp it wrote (or a later one) in the record: an
        own stamp newer than what is kept here was written by another copy of this
        data folder (see ``sync_identity``)."""
        suffix = self._own_suffix or ""
        ours = [
            item for item in items if any(str(v).endswith(suffix) for v in item.versions.values())
        ]
        signed = [item.record_id for item in ours if item.record_id not in existing]
        # Records deleted here when they left the scope come back with our old stamps.
        returning = departures.departed_among(self.session, signed)
        for item in ours:
            if item.record_id in returning:
                continue
            kept = existing[item.record_id][2] if item.record_id in existing else {}
            for name in cls.sync_fields:
                stamp = stamp_of(item.versions, name)
                if stamp is None or not stamp.endswith(suffix):
                    continue
                mine = stamp_of(kept, name)
                if mine is not None and mine >= stamp:
                    continue
                if Stamp.decode(stamp).millis < self._own_before:
                    continue  # this station's own past, restored from a backup
                raise CopiedDataFolder(stamp)

    # -- reads ----------------------------------------------------------------------
    def _any_parked(self) -> bool:
        if self._maybe_parked is None:
            self._maybe_parked = sync_state.any_parked(self.session)
        return self._maybe_parked

    def _existing(self, cls: type[SyncedRecord], ids: list[str]) -> dict[str, pulled.Held]:
        return pulled.held(self.session, cls, ids)

    def _learn_parents(self, cls: type[SyncedRecord], items: list[_Item]) -> None:
        """Which referenced parents exist locally (one query per parent kind)."""
        for field, parent in parent_links(cls.record_type).items():
            known = self._present.setdefault(parent.record_type, set())
            wanted = list(
                {
                    str(item.fields[field])
                    for item in items
                    if item.fields.get(field) and item.fields[field] not in known
                }
            )
            known.update(pulled.present(self.session, parent, wanted))

    def _missing_parent(self, cls: type[SyncedRecord], values: dict[str, Any]) -> str | None:
        for field, parent in parent_links(cls.record_type).items():
            ref = values.get(field)
            if ref and ref not in self._present.get(parent.record_type, set()):
                if self._exists(parent, str(ref)):
                    continue
                return str(ref)
        return None

    def _exists(self, parent: type[SyncedRecord], record_id: str) -> bool:
        found = bool(pulled.present(self.session, parent, [record_id]))
        if found:
            self._present.setdefault(parent.record_type, set()).add(record_id)
        return found

    # -- writes ---------------------------------------------------------------------
    def _park(
        self,
        cls: type[SyncedRecord],
        record_id: str,
        missing: str,
        fields: dict[str, Any],
        versions: dict[str, Any],
    ) -> None:
        sync_state.park(
            self.session, cls.record_type, record_id, missing, fields, versions, self.now
        )
        self._parked += 1
        self._maybe_parked = True
        log.info("parked %s %s until %s arrives", cls.record_type, record_id, missing)

    def _insert(self, cls: type[SyncedRecord], items: list[_Item]) -> None:
        if not items:
            return
        rows = []
        staged: list[tuple[int, str, str]] = []
        # During a deferral each new worker gets its row number here, and its name's
        # pinyin (computed once for the sort key) is kept for its search keys.
        deferred = self._keys_deferred and cls is Worker
        next_pk = pull_indexes.next_worker_pk(self.session) if deferred else 0
        # The text the driver stores for the moment (``sqlite3``'s own conversion of a
        # datetime), made once for the page rather than once per row and column.
        moment = self.now.isoformat(" ")
        for item in items:
            row = item.fields  # as stored, made for this insert (see _stored_values)
            row.update(
                id=item.record_id,
                versions=item.versions,
                created_at=moment,
                updated_at=moment,
                archived=bool(row.get("archived") or False),
            )
            if cls is Worker:
                known = self._pinyin.get(row["name"]) or pull_indexes.pinyin_of([row["name"]])[0]
                row["name_sort"] = known[0]
                if self._keys_deferred:
                    row["pk"] = next_pk + len(staged)
                    staged.append((row["pk"], row["name"], known[1]))
            rows.append(row)
        pulled.insert_new(self.session, cls, rows)
        if cls is Worker:
            if self._keys_deferred:
                pull_indexes.stage_pinyin(self.session, staged)
            else:
                worker_repo.reindex(
                    self.session, pulled.searched_fields(self.session, [r["id"] for r in rows])
                )
            pulled.add_arrivals(self.session, rows, self.now.date())

    def _update(
        self,
        cls: type[SyncedRecord],
        updates: list[tuple[int, str, dict[str, Any], dict[str, str], tuple[str, ...]]],
    ) -> None:
        if not updates:
            return
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        reindex: list[str] = []
        for pk, record_id, values, versions, taken in updates:
            changed = tuple(sorted(taken))
            params = {f"v_{name}": _column_value(cls, name, values[name]) for name in changed}
            params["v_versions"] = versions
            params["v_updated_at"] = self.now
            params["k_pk"] = pk
            if cls is Worker and "name" in taken:
                params["v_name_sort"] = sort_key(values["name"])
            if cls is Worker and _SEARCHED & set(taken):
                reindex.append(record_id)
            by_columns.setdefault(
                tuple(sorted(k[2:] for k in params if k.startswith("v_"))), []
            ).append(params)
        # Search keys are removed by value, so read the searched fields before the update.
        searched = pulled.searched_fields
        previous = {pk: (n, i, p, f) for pk, n, i, p, f in searched(self.session, reindex)}
        for columns, params_list in by_columns.items():
            pulled.update_fields(self.session, cls, columns, params_list)
        if cls is Worker:
            moved = [record_id for _, record_id, _, _, taken in updates if TRACKED & set(taken)]
            record_current(self.session, moved, self.now.date())
        if reindex:
            worker_repo.reindex(self.session, searched(self.session, reindex), previous=previous)


def _incomplete(required: tuple[str, ...], values: dict[str, Any]) -> str | None:
    """INCOMPLETE when a field the record cannot be stored without (``_required``) is
    missing or null."""
    return INCOMPLETE if None in map(values.get, required) else None


def _unreadable(cls: type[SyncedRecord], values: dict[str, Any]) -> str | None:
    """INCOMPLETE when a value cannot be stored in its column (e.g. a malformed date):
    such a record is parked instead of failing the page."""
    try:
        for name, value in values.items():
            from_wire(cls, name, value)
    except (TypeError, ValueError):
        log.warning("pulled %s has an unreadable value; parked", cls.record_type)
        return INCOMPLETE
    return None


def _stored_values(cls: type[SyncedRecord], values: dict[str, Any]) -> dict[str, Any] | None:
    """Every synced field of a new record as stored (what ``_column_value`` gives each),
    or None when a value cannot be stored (a malformed date)."""
    # ``values`` holds synced fields only (see ``_apply_kind``); the absent ones are None.
    row = {**_nothing(cls.record_type), **values}
    try:
        for name in _dated(cls.record_type):
            if row[name] is not None:
                row[name] = from_wire(cls, name, row[name])
    except (TypeError, ValueError):
        return None
    for name, default in _defaults(cls.record_type).items():
        if row[name] is None:
            row[name] = default.arg if default.is_scalar else default.arg(None)
    return row


@cache
def _field_names(record_type: str) -> frozenset[str]:
    return frozenset(RECORD_TYPES[record_type].sync_fields)


@cache
def _nothing(record_type: str) -> dict[str, None]:
    """Every synced field of a kind, None (copied, never changed)."""
    return dict.fromkeys(RECORD_TYPES[record_type].sync_fields)


@cache
def _dated(record_type: str) -> tuple[str, ...]:
    return dated_fields(RECORD_TYPES[record_type])


@cache
def _defaults(record_type: str) -> dict[str, Any]:
    """Defaults of the NOT NULL synced columns that have one."""
    table = table_of(RECORD_TYPES[record_type])
    return {
        name: table.c[name].default
        for name in RECORD_TYPES[record_type].sync_fields
        if table.c[name].default is not None and not table.c[name].nullable
    }


def _column_value(cls: type[SyncedRecord], name: str, wire_value: Any) -> Any:
    """The Python value to store; a missing value of a NOT NULL column with a default
    (another station's older program may send null) takes the default."""
    value = from_wire(cls, name, wire_value)
    if value is None:
        default: Any = table_of(cls).c[name].default
        if default is not None and not table_of(cls).c[name].nullable:
            return default.arg if default.is_scalar else default.arg(None)
    return value
