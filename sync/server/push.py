"""Apply a pushed batch: dedup by mutation id, scope check, per-field merge, conflict log.

One call runs in one write transaction holding the change-sequence lock. Every item
gets its own answer (applied, duplicate or rejected) and a rejected item never stops
the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.org.codes import level_of
from sync.hlc import HybridClock, Stamp, clamp_stamp, stamp_order
from sync.merge import ALL_FIELDS, merge_record, stamp_of
from sync.protocol import (
    APPLIED,
    CREATE,
    DUPLICATE,
    REJECT_CARD_KEY,
    REJECT_CLOCK,
    REJECT_SCOPE,
    REJECT_UNKNOWN_RECORD,
    REJECTED,
    FieldConflict,
    PushResult,
)
from sync.record_fields import references
from sync.schema import ARCHIVED, ID_NUMBER, ORG_CODE, PROJECT_REF, WORKER, WORKER_REF
from sync.server import conflict_log, keys
from sync.server.db import SeqAllocator
from sync.server.identity import SERVER_NODE, Writer
from sync.server.jsontext import dumps, loads
from sync.server.models import AppliedMutation, Record, ScopeExit, ScopeRefusal
from sync.server.validation import CheckedMutation, Rejection, check, invalid

log = logging.getLogger(__name__)

CARD, KEY_ID, SERIAL = "card", "key_id", "serial"
#: What a station hears when the ID number it registered is already held by a worker
#: record elsewhere: nothing about that record (minimal disclosure), only whom to ask.
DUPLICATE_PERSON_MESSAGE = (
    "这个身份证号已在县内其他地方登记；请联系镇（街道）人社所核实，不要重复登记"
)


@dataclass(frozen=True)
class _Applied:
    """An already applied mutation id: when, by whom, on which record."""

    received_at: datetime
    station_id: str
    record_id: str


@dataclass
class _State:
    """A record being merged: its row and its parsed fields and versions."""

    row: Record
    values: dict[str, Any]
    versions: dict[str, str]
    new: bool = False


class PushApplier:
    """Merges mutations from one writer inside one write transaction."""

    def __init__(self, session: Session, writer: Writer, now: datetime, wall_ms: int) -> None:
        self.session = session
        self.writer = writer
        self.now = now
        self.wall_ms = wall_ms
        self.seq = SeqAllocator(session)  # takes the change-sequence lock first
        self._states: dict[str, _State] = {}
        # ID number -> worker rows carrying it, for duplicate-person detection.
        self._people: dict[str, dict[str, Record]] = {}
        self._number_of: dict[str, str] = {}
        self._clock_flagged = False
        self._last_clamped: Stamp | None = None
        # Stamps of the server's own writes: children following a worker who moved.
        self._server_clock = HybridClock(SERVER_NODE, wall_ms=lambda: wall_ms)

    def apply_batch(self, items: Sequence[Any]) -> list[PushResult]:
        checked = [check(item) for item in items]
        valid = [c for c in checked if isinstance(c, CheckedMutation)]
        seen = self._already_applied([c.mutation_id for c in valid])
        referenced = [
            c.fields[name]
            for c in valid
            for name in references(c.record_type)
            if isinstance(c.fields.get(name), str)
        ]
        self._load([c.record_id for c in valid] + referenced)
        self._prefetch_people(valid)
        results: list[PushResult] = []
        for raw, item in zip(items, checked, strict=True):
            if isinstance(item, Rejection):
                mutation_id = raw.get("mutation_id") if isinstance(raw, dict) else None
                results.append(_rejected(str(mutation_id or ""), item))
            elif item.mutation_id in seen:
                results.append(self._duplicate(item, seen[item.mutation_id]))
            else:
                seen[item.mutation_id] = _Applied(self.now, self.writer.station_id, item.record_id)
                results.append(self.apply(item))
        self.finish()
        return results

    def apply(self, m: CheckedMutation) -> PushResult:
        stamp, clamped = self._stamp(m)
        if stamp is None:
            return _rejected(
                m.mutation_id,
                Rejection(
                    REJECT_CLOCK,
                    "时间戳不是本驿站写的",
                    "the stamp was not written by this station",
                ),
            )
        state = self._states.get(m.record_id)
        if state is not None and m.op != CREATE and not self._readable(state):
            # Answer as for a record that does not exist: a station must not learn
            # that an id outside its scope is taken.
            state = None
        if state is None and m.op != CREATE:
            return _rejected(
                m.mutation_id,
                Rejection(
                    REJECT_UNKNOWN_RECORD,
                    "服务器上没有这条记录（它的新建可能未被接受）",
                    "record not on the server (its creation was probably rejected)",
                ),
            )
        refusal = self._scope_refusal(m, state)
        if refusal is not None:
            return _rejected(m.mutation_id, refusal)
        if state is not None and state.row.record_type != m.record_type:
            return _rejected(m.mutation_id, invalid("记录种类不符", "record_type mismatch"))
        if m.record_type == CARD and self._card_key_refused(m, state):
            return _rejected(
                m.mutation_id,
                Rejection(
                    REJECT_CARD_KEY,
                    "维权卡只能用本驿站的签名密钥签发或作废（镇街、县可处理辖区内驿站的卡）",
                    "a card may only be issued or revoked under the station's own key "
                    "(a township or the county: keys of stations in its scope)",
                ),
            )
        org_before = state.row.org_code if state is not None else None
        result = self._create(m, stamp) if state is None else self._merge(m, state, stamp)
        self._keep_with_worker(self._states[m.record_id], org_before)
        if m.record_type == CARD:
            stored = self._states[m.record_id].values
            keys.note_serial(self.session, stored.get(KEY_ID), stored.get(SERIAL))
        self.session.add(
            AppliedMutation(
                mutation_id=m.mutation_id,
                station_id=self.writer.station_id,
                record_id=m.record_id,
                received_at=self.now,
            )
        )
        if clamped:
            result["stamp"] = stamp
        return result

    def finish(self) -> None:
        for state in self._states.values():
            if state.new:
                self.session.add(state.row)
                state.new = False
        self.seq.close()
        self.session.flush()

    def state(self, record_id: str) -> _State | None:
        """The current state of a record (loaded on demand)."""
        if record_id not in self._states:
            self._load([record_id])
        return self._states.get(record_id)

    # -- steps --------------------------------------------------------------------
    def _already_applied(self, mutation_ids: list[str]) -> dict[str, _Applied]:
        """Mutation id -> when, by whom and on which record, for those already applied."""
        found: dict[str, _Applied] = {}
        for chunk in _chunks(mutation_ids):
            stmt = select(
                AppliedMutation.mutation_id,
                AppliedMutation.received_at,
                AppliedMutation.station_id,
                AppliedMutation.record_id,
            ).where(AppliedMutation.mutation_id.in_(chunk))
            found.update(
                (mutation_id, _Applied(at, station, record))
                for mutation_id, at, station, record in self.session.execute(stmt)
            )
        return found

    def _readable(self, state: _State) -> bool:
        scope = self.writer.scope
        return scope is None or scope.can_read(state.row.record_type, state.row.org_code)

    def _card_key_refused(self, m: CheckedMutation, state: _State | None) -> bool:
        """The card's stored key and the key it is given must both be ones this
        station may issue or revoke under."""
        named: list[Any] = []
        if state is not None:
            named.append(state.values.get(KEY_ID))
        if KEY_ID in m.fields or state is None:
            named.append(m.fields.get(KEY_ID))
        return keys.card_key_refusal(self.session, self.writer, named)

    def _load(self, record_ids: list[str]) -> None:
        wanted = [rid for rid in dict.fromkeys(record_ids) if rid not in self._states]
        for chunk in _chunks(wanted):
            for row in self.session.scalars(select(Record).where(Record.id.in_(chunk))):
                self._states[row.id] = _State(row, loads(row.fields), loads(row.versions))

    def _stamp(self, m: CheckedMutation) -> tuple[str | None, bool]:
        if self.writer.scope is not None and Stamp.decode(m.hlc).node != self.writer.node_id:
            return None, False
        stamp, clamped = clamp_stamp(m.hlc, self.wall_ms)
        if clamped:
            stamp = self._after_last_clamped(stamp)
        if clamped and not self._clock_flagged:
            self._clock_flagged = True
            log.warning(
                "station %s sent stamp %s far ahead of the server clock; clamped to %s",
                self.writer.station_id, m.hlc, stamp,
            )  # fmt: skip
            org = m.fields.get(ORG_CODE) or self._org_of(m.record_id)
            conflict_log.clock_skew(self.session, self.writer, m, stamp, org, self.now)
        return stamp, clamped

    def _after_last_clamped(self, stamp: str) -> str:
        """Every stamp clamped in one batch gets the same millisecond: keep them in the
        order the station wrote them (its outbox order), or its later edit of a field
        would tie with an earlier one and could lose to it, unlogged, everywhere."""
        parsed = Stamp.decode(stamp)
        last = self._last_clamped
        if last is not None and parsed <= last:
            counter = last.counter + 1
            parsed = Stamp(last.millis + counter // 0x10000, counter % 0x10000, parsed.node)
        self._last_clamped = parsed
        return parsed.encode()

    def _duplicate(self, m: CheckedMutation, applied: _Applied) -> PushResult:
        """A station whose clock runs far ahead may never have heard the stamp its
        write was clamped to (the answer was lost, or it was killed before recording
        it): without it, it keeps its far-future stamp and ignores every later write
        of those fields. Answer the stamp its write still holds here; when others have
        overwritten every field, a clamp at ``received_at`` (not after the moment of
        clamping, so not above the stored stamp, which the next pull brings)."""
        result: PushResult = {"mutation_id": m.mutation_id, "status": DUPLICATE}
        if applied.station_id != self.writer.station_id or applied.record_id != m.record_id:
            # Not this station's write of this record: a stamp would tell it about a
            # record it may not see.
            return result
        received_ms = int(applied.received_at.replace(tzinfo=UTC).timestamp() * 1000)
        floor, maybe_clamped = clamp_stamp(m.hlc, received_ms)
        if not maybe_clamped:
            return result
        state = self._states.get(m.record_id)
        node = Stamp.decode(m.hlc).node
        own = [
            stamp
            for name in m.fields
            if state is not None
            and (stamp := stamp_of(state.versions, name)) is not None
            and stamp_order(stamp).node == node
            and stamp_order(stamp) <= stamp_order(m.hlc)
        ]
        if m.hlc in own:
            # Stored as sent (``received_at`` is whole seconds, so "maybe"): a lower
            # stamp would make the station's copy look older than its own write here.
            return result
        # A field a later write of the station took holds a greater stamp: the least is
        # this write's.
        result["stamp"] = min(own) if own else floor
        return result

    def _org_of(self, record_id: str) -> str:
        state = self._states.get(record_id)
        return state.row.org_code if state else ""

    def _scope_refusal(self, m: CheckedMutation, state: _State | None) -> Rejection | None:
        targets = [state.row.org_code] if state is not None else []
        if ORG_CODE in m.fields:
            targets.append(m.fields[ORG_CODE])
        outside = next((code for code in targets if not self.writer.can_write(code)), None)
        if outside is None:
            outside, wrong_kind = self._reference_outside(m)
            if wrong_kind is not None:
                return invalid(
                    f"{wrong_kind} 指向的不是该种记录", f"{wrong_kind} points at another kind"
                )
        if outside is None:
            return None
        scope_code = self.writer.scope.org_code if self.writer.scope else ""
        log.warning(
            "scope refusal: station %s (%s) wrote %s %s in %s (mutation %s)",
            self.writer.station_id, scope_code, m.record_type, m.record_id, outside, m.mutation_id,
        )  # fmt: skip
        self.session.add(
            ScopeRefusal(
                station_id=self.writer.station_id,
                mutation_id=m.mutation_id,
                record_type=m.record_type,
                record_id=m.record_id,
                org_code=outside,
                created_at=self.now,
            )
        )
        # The answer names no unit: a station learns nothing about another village.
        return Rejection(
            REJECT_SCOPE,
            "超出本驿站的管辖范围：只能写本驿站辖区内的记录",
            "outside this station's scope",
        )

    def _reference_outside(self, m: CheckedMutation) -> tuple[str | None, str | None]:
        """(unit outside the scope, None) when a reference field names a record this
        station may not read (another village's worker, batch, project...; a posting
        published to it from above is readable), (None, field) when it names a record
        of another kind. A record the server does not hold is not refused: its child
        waits on every station until it comes, as after a rejected create."""
        for name, kind in references(m.record_type).items():
            parent = self._states.get(m.fields.get(name) or "")
            if parent is None:
                continue
            if parent.row.record_type != kind:
                return None, name
            if not self.writer.can_read(kind, parent.row.org_code):
                return parent.row.org_code, None
        return None, None

    def _create(self, m: CheckedMutation, stamp: str) -> PushResult:
        values = dict(m.fields)
        values.setdefault(ARCHIVED, False)
        row = Record(id=m.record_id, record_type=m.record_type, created_at=self.now)
        state = _State(row, values, {ALL_FIELDS: stamp}, new=True)
        self._states[m.record_id] = state
        self._store(state)
        result: PushResult = {"mutation_id": m.mutation_id, "status": APPLIED}
        if m.record_type == WORKER:
            self._check_duplicate_person(state, result)
        return result

    def _merge(self, m: CheckedMutation, state: _State, stamp: str) -> PushResult:
        before_values, before_versions = state.values, state.versions
        merged = merge_record(before_values, before_versions, m.fields, {ALL_FIELDS: stamp})
        conflicts: list[FieldConflict] = []
        for name in merged.taken:
            previous = stamp_of(before_versions, name)
            if previous is None or before_values.get(name) == m.fields[name]:
                continue
            concurrent = name in m.base and m.base[name] != previous
            if concurrent and stamp_order(previous).node != self.writer.node_id:
                conflict_log.field_conflict(
                    self.session, state.row, name,
                    winner=(m.fields[name], stamp, self.writer.station_id),
                    loser=(before_values.get(name), previous, None),
                    org_code=str(merged.values.get(ORG_CODE, state.row.org_code)), now=self.now,
                )  # fmt: skip
                conflicts.append({"field": name, "result": "won"})
        for name in merged.lost:
            if before_values.get(name) == m.fields[name]:
                continue
            current = stamp_of(before_versions, name) or ""
            conflict_log.field_conflict(
                self.session, state.row, name,
                winner=(before_values.get(name), current, None),
                loser=(m.fields[name], stamp, self.writer.station_id),
                org_code=state.row.org_code, now=self.now,
            )  # fmt: skip
            conflicts.append({"field": name, "result": "lost"})
        result: PushResult = {"mutation_id": m.mutation_id, "status": APPLIED}
        if conflicts:
            result["conflicts"] = conflicts
        if merged.changed:
            state.values, state.versions = merged.values, merged.versions
            self._store(state)
            if state.row.record_type == WORKER and ID_NUMBER in merged.taken:
                self._check_duplicate_person(state, result)
        return result

    def _store(self, state: _State) -> None:
        row, values = state.row, state.values
        org_before = row.org_code
        row.fields = dumps(values)
        row.versions = dumps(state.versions)
        row.org_code = str(values.get(ORG_CODE) or row.org_code)
        row.archived = bool(values.get(ARCHIVED, False))
        number = values.get(ID_NUMBER) if row.record_type == WORKER else None
        row.id_number = str(number)[:18] if number else None
        worker = values.get(WORKER_REF)
        row.worker_id = str(worker)[:36] if isinstance(worker, str) else None
        project = values.get(PROJECT_REF)
        row.project_id = str(project)[:36] if isinstance(project, str) else None
        row.seq = self.seq.next()
        row.updated_at = self.now
        row.updated_by = self.writer.station_id
        if org_before and org_before != row.org_code:
            # Stations of the old unit learn from this that the record left them.
            self.session.add(
                ScopeExit(
                    seq=row.seq,
                    record_type=row.record_type,
                    record_id=row.id,
                    from_org=org_before,
                    to_org=row.org_code,
                    created_at=self.now,
                )
            )

    # -- a worker's records follow the worker --------------------------------------------
    def _keep_with_worker(self, state: _State, org_before: str | None) -> None:
        """A worker's follow-ups, trainings, cards, matches and batch members carry the
        worker's village as their ``org_code``: when the worker moves village they move
        too (the old village's station then deletes them, the new one receives them),
        and a child written with a village other than its worker's is put in the
        worker's. Children of a township or county unit (a township's batch) stay."""
        row = state.row
        if row.record_type == WORKER:
            if org_before is None or org_before == row.org_code:
                return
            known = self.session.scalars(select(Record.id).where(Record.worker_id == row.id))
            self._load(list(known))
            for child in list(self._states.values()):
                if child.values.get(WORKER_REF) == row.id and child.row.record_type != WORKER:
                    self._follow(child, state)
        elif isinstance(state.values.get(WORKER_REF), str):
            worker = self.state(state.values[WORKER_REF])
            if worker is not None and worker.row.record_type == WORKER:
                self._follow(state, worker)

    def _follow(self, child: _State, worker: _State) -> None:
        current, target = child.row.org_code, worker.row.org_code
        if current == target or level_of(current) is not OrgLevel.VILLAGE:
            return
        # A write of the server's own, later than the child's and the worker's village.
        for stamp in (stamp_of(child.versions, ORG_CODE), stamp_of(worker.versions, ORG_CODE)):
            if stamp:
                self._server_clock.observe(stamp)
        child.values = {**child.values, ORG_CODE: target}
        child.versions = {**child.versions, ORG_CODE: self._server_clock.now()}
        self._store(child)
        project = child.values.get(PROJECT_REF)
        if isinstance(project, str):
            self._touch(project)

    def _touch(self, record_id: str) -> None:
        """A new change sequence for an unchanged record: a station that may read it
        now (it holds a card naming the project) but has pulled past it receives it."""
        state = self.state(record_id)
        if state is not None and not state.new:
            state.row.seq = self.seq.next()

    def _check_duplicate_person(self, state: _State, result: PushResult) -> None:
        row = state.row
        previous = self._number_of.pop(row.id, None)
        if previous is not None:
            self._people.get(previous, {}).pop(row.id, None)
        if row.archived or not row.id_number:
            return
        holders = self._holders(row.id_number)
        holders.pop(row.id, None)
        others = [other for other in holders.values() if not other.archived]
        for other in others:
            conflict_log.duplicate_person(self.session, existing=other, newcomer=row, now=self.now)
        holders[row.id] = row
        self._number_of[row.id] = row.id_number
        if others:
            result["duplicate_person"] = DUPLICATE_PERSON_MESSAGE

    def _prefetch_people(self, items: Sequence[CheckedMutation]) -> None:
        numbers = {
            m.fields[ID_NUMBER]
            for m in items
            if m.record_type == WORKER and isinstance(m.fields.get(ID_NUMBER), str)
        }
        missing = [number for number in numbers if number not in self._people]
        for chunk in _chunks(missing):
            self._fetch_people(chunk)

    def _holders(self, number: str) -> dict[str, Record]:
        """Worker records (by id) that carry ``number``, this batch's included."""
        if number not in self._people:
            self._fetch_people([number])
        return self._people[number]

    def _fetch_people(self, numbers: list[str]) -> None:
        for number in numbers:
            self._people[number] = {}
        stmt = select(Record).where(Record.record_type == WORKER, Record.id_number.in_(numbers))
        for row in self.session.scalars(stmt):
            if row.id_number in self._people:
                self._people[row.id_number][row.id] = row
                self._number_of[row.id] = row.id_number


def _rejected(mutation_id: str, why: Rejection) -> PushResult:
    return {
        "mutation_id": mutation_id,
        "status": REJECTED,
        "code": why.code,
        "message": why.message,
        "message_en": why.message_en,
    }


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def apply_push(
    session: Session,
    writer: Writer,
    items: Sequence[Mapping[str, Any]],
    now: datetime,
    wall_ms: int,
) -> list[PushResult]:
    return PushApplier(session, writer, now, wall_ms).apply_batch(list(items))
