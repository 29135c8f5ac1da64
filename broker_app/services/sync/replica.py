"""The station database as the sync engine sees it (``sync.client.replica.Replica``)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, cast

from broker_app.services.cards.keys import CardKeyService
from broker_app.services.settings.storage import load_settings, save_settings
from broker_app.services.sync import identity as sync_identity
from broker_app.services.sync.apply import UNAPPLIABLE, PageApplier
from broker_app.services.sync.identity import CopiedDataFolder, note_copied
from broker_app.services.sync.page_run import PageRun
from broker_app.services.sync.pull_helper import PendingPinyin, Pinyin, PullHelper
from broker_app.store import pull_indexes
from broker_app.store.base import SyncedRecord
from broker_app.store.models import RECORD_TYPES, Worker
from broker_app.store.repositories import departures, sync_state
from broker_app.store.repositories import outbox as outbox_repo
from broker_app.store.repositories.records import by_id, by_ids
from broker_app.store.store import Store, Transaction
from broker_app.store.wire import record_to_wire
from broker_app.store.writer import CREATE
from sync.client.errors import SyncError
from sync.client.replica import PageTally, PushTally
from sync.county_policy import CountyPolicy
from sync.protocol import APPLIED, DUPLICATE, REJECTED, Mutation, PullPage, PushResult

log = logging.getLogger(__name__)
CARD_KEYS = "card_keys"


class StoreReplica:
    def __init__(self, store: Store, now: Callable[[], datetime] = datetime.now) -> None:
        self.store = store
        self.now = now
        # A large pull's helper process and what it computes for the fetched pages
        # (by cursor), while the page before is applied (``prepare``).
        self._helper: PullHelper | None = None
        self._prepared: dict[int, PendingPinyin] = {}
        self._run = PageRun(store)
        # Pages fetched and not applied yet (by cursor): a run of pages stays open only
        # while the next page is already here (never while waiting on the network).
        self._fetched: set[int] = set()

    def pending(self, limit: int) -> list[Mutation]:
        with self.store.read() as session:
            entries = sync_state.pending_entries(session, limit)
            out: list[Mutation] = []
            for e in entries:
                m: Mutation = {
                    "mutation_id": e.mutation_id,
                    "record_type": e.record_type,
                    "record_id": e.record_id,
                    "op": e.op,
                    "fields": e.fields,
                    "hlc": e.hlc,
                }
                if e.base:
                    m["base"] = e.base
                out.append(m)
            _fill_bulk_creates(session, out)
            return out

    def pending_count(self) -> int:
        with self.store.read() as session:
            return outbox_repo.pending_count(session)

    def record_push(self, sent: Sequence[Mutation], results: Sequence[PushResult]) -> PushTally:
        by_id = {m["mutation_id"]: m for m in sent}
        acked: list[str] = []
        applied = duplicates = rejected = conflicts = people = 0
        with self.store.write() as session:
            for result in results:
                mutation = by_id.get(result.get("mutation_id", ""))
                if mutation is None:
                    continue
                status = result.get("status")
                if status in (APPLIED, DUPLICATE):
                    acked.append(mutation["mutation_id"])
                    applied += status == APPLIED
                    duplicates += status == DUPLICATE
                    conflicts += len(result.get("conflicts", []))
                    if result.get("duplicate_person"):
                        # The server says only that the ID number is registered
                        # elsewhere in the county, and whom to ask: that is all we keep.
                        people += 1
                        log.warning(
                            "pushed worker %s: ID number registered elsewhere in the county",
                            mutation["record_id"],
                        )
                    if "stamp" in result:
                        _restamp(session, mutation, result["stamp"])
                elif status == REJECTED:
                    rejected += 1
                    reason = (
                        f"{result.get('code', '')}: {result.get('message', '')}"
                        f" / {result.get('message_en', '')}"
                    )
                    sync_state.quarantine(session, mutation["mutation_id"], reason)
                    log.warning(
                        "pushed %s %s rejected: %s",
                        mutation["record_type"], mutation["record_id"], reason,
                    )  # fmt: skip
            sync_state.mark_acked(session, acked)
        answered = applied + duplicates + rejected
        return PushTally(applied, duplicates, rejected, conflicts, people, len(sent) - answered)

    def cursor(self) -> int:
        with self.store.read() as session:
            return sync_state.cursor(session)

    def prepare(self, page: PullPage) -> None:
        """Hand the pinyin of a fetched page's workers to the helper process (a round
        whose first page says ``pull_indexes.MIN_RECORDS`` or more are coming), which
        computes it while the page before is applied. Called in the fetching thread."""
        self._fetched.add(int(page["cursor"]))
        if page.get("remaining", 0) >= pull_indexes.MIN_RECORDS and self._helper is None:
            try:
                self._helper = PullHelper()
            except OSError:
                log.exception("no helper process for the pull")
        if self._helper is None:
            return
        names = [
            r["fields"]["name"]
            for r in page["records"]
            if r["type"] == Worker.record_type and isinstance(r["fields"].get("name"), str)
        ]
        self._prepared[int(page["cursor"])] = self._helper.pinyin(list(dict.fromkeys(names)))

    def apply_page(self, page: PullPage) -> PageTally:
        records = page["records"]
        newest = max((s for r in records for s in r["versions"].values()), default=None)
        try:
            tally = self._apply(page, newest)
        except CopiedDataFolder as exc:
            note_copied(self.store, exc.stamp)
            raise
        if newest:
            # Later local edits must carry stamps above everything seen here, even on a
            # PC whose clock is years behind (the server bounds what it hands out).
            self.store.clock.observe_trusted(newest)
        if tally.departed:
            # The deleted rows were overwritten; older copies of their pages are still
            # in the write-ahead log until it is emptied (the run committed first).
            self.store.truncate_log()
        return tally

    def _apply(self, page: PullPage, newest: str | None) -> PageTally:
        """The page in the open run of pages (``PageRun``), under a savepoint."""
        pinyin = self._prepared_pinyin(page)
        session = self._run.session()
        try:
            with session.begin_nested():
                started = self._defer_if_large(session, page)
                departed = self._depart(session, page)
                tally = self._applier(session, pinyin).apply(page["records"])
                self._end_page(session, page, newest)
            tally = replace(tally, departed=departed)
        except SyncError:  # CopiedDataFolder too
            # Undone alone: the pages before it in the run stand.
            self._run.commit()
            raise
        except Exception:
            # Without this, one record this program cannot store (a value of the wrong
            # kind from a buggy or newer station) fails the page on every round and
            # this station never pulls anything again.
            log.exception("pulled page failed as a whole; applying it record by record")
            started = False
            try:
                tally = self._apply_singly(session, page, newest)
            except BaseException as error:
                self._run.abandon(error)
                raise
        self._fetched.discard(int(page["cursor"]))
        # A run spans pages only while a large pull defers its indexes and the next
        # page is here already; the page that starts the deferral, and one that
        # deleted records, commit at once.
        more = (
            bool(page["has_more"])
            and bool(self._fetched)
            and not started
            and not tally.departed
            and pull_indexes.deferred_above(session) is not None
        )
        self._run.page_done(len(page["records"]), more=more)
        return tally

    def _apply_singly(self, session: Transaction, page: PullPage, newest: str | None) -> PageTally:
        """Each record in its own savepoint; one that still fails is parked as
        ``UNAPPLIABLE`` (a later version from the server is merged into it and tried
        again), and the page's cursor is stored as usual."""
        written = parked = unparked = 0
        departed = self._depart(session, page)
        for record in page["records"]:
            try:
                with session.begin_nested():
                    tally = self._applier(session).apply([record])
            except SyncError:
                raise
            except Exception:
                log.exception("pulled %s %s cannot be stored; parked", record["type"], record["id"])
                sync_state.park(
                    session, record["type"], record["id"], UNAPPLIABLE,
                    dict(record["fields"]), dict(record["versions"]), self.now(),
                )  # fmt: skip
                parked += 1
                continue
            written += tally.written
            parked += tally.parked
            unparked += tally.unparked
        self._end_page(session, page, newest)
        return PageTally(len(page["records"]), written, parked, unparked, departed)

    def _prepared_pinyin(self, page: PullPage) -> Pinyin:
        pending = self._prepared.pop(int(page["cursor"]), None)
        return pending.result() if pending is not None else {}

    def _applier(self, session: Transaction, pinyin: Pinyin | None = None) -> PageApplier:
        return PageApplier(
            session,
            self.now(),
            self.store.node_id,
            sync_identity.own_writes_before(session),
            keys_deferred=pull_indexes.deferred_above(session) is not None,
            pinyin=pinyin,
        )

    def _stop_helper(self) -> None:
        self._prepared.clear()
        self._fetched.clear()
        if self._helper is not None:
            self._helper.close()
            self._helper = None

    @staticmethod
    def _defer_if_large(session: Transaction, page: PullPage) -> bool:
        """On a round's first page, which says how much is coming (``remaining``):
        defer the secondary indexes and search keys when that is more than the station
        holds (a county joining pulls 400k workers into an empty database). Returns
        whether this page started a deferral."""
        remaining = page.get("remaining")
        if remaining is None or pull_indexes.deferred_above(session) is not None:
            return False
        if not pull_indexes.worth_deferring(session, int(remaining)):
            return False
        log.info("%d records to pull: indexes deferred to the end of the pull", remaining)
        pull_indexes.defer(session)
        return True

    def finish_share(self) -> float:
        """The deferred build's time as a share of the pull's (``pull_indexes``), or 0
        when nothing is deferred."""
        with self.store.read() as session:
            deferred = pull_indexes.deferred_above(session) is not None
        return pull_indexes.BUILD_SHARE if deferred else 0.0

    def finish_pull(self, say: Callable[[str], None]) -> None:
        """Commit the open run of pages, then build the indexes and search keys deferred
        during the pull (one transaction: cut off, it is done again by the next round's
        pull)."""
        try:
            self._run.commit()
            self._finish_pull(say)
        finally:
            self._stop_helper()

    def _finish_pull(self, say: Callable[[str], None]) -> None:
        self._prepared.clear()
        with self.store.read() as session:
            if pull_indexes.deferred_above(session) is None:
                return
        say("正在建立索引和查找键…")
        # The pages are all applied: the helper ends while the build runs.
        if self._helper is not None:
            self._helper.close(wait=False)
            self._helper = None
        try:
            with self.store.write(replayable=True) as session:
                keyed = pull_indexes.restore(session)
        except Exception:
            # Rolled back, the mark kept: the next round's pull builds them. The
            # station works meanwhile (its roster slower, the new workers unsearchable).
            log.exception("building the indexes deferred during the pull failed")
            return
        log.info("deferred indexes built; search keys for %d pulled workers", keyed)

    def _depart(self, session: Transaction, page: PullPage) -> int:
        """Delete what left this station's scope (protocol 2 ``exits``), in the page's
        transaction: a crash never leaves the cursor past an exit not yet applied."""
        gone = [
            departures.Departure(
                str(item["type"]), str(item["id"]), item.get("to"), _day(item.get("at"))
            )
            for item in page.get("exits") or []
        ]
        back = [r["id"] for r in page["records"] if r["type"] == Worker.record_type]
        departures.forget_moved_out(session, back)
        removed = departures.remove_departed(session, gone, self.now())
        if gone:
            log.info("%d records left this station's scope; %d deleted here", len(gone), removed)
        return removed

    @staticmethod
    def _end_page(session: Transaction, page: PullPage, newest: str | None) -> None:
        sync_state.put_cursor(session, int(page["cursor"]))
        if newest:
            sync_state.note_seen_stamp(session, newest)

    def replace_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        with self.store.write() as session:
            sync_state.replace_conflicts(session, conflicts)

    def store_keys(self, document: dict[str, Any]) -> None:
        text = json.dumps(document, sort_keys=True, ensure_ascii=False)
        with self.store.write() as session:
            changed = sync_state.get_state(session, CARD_KEYS) != text
            if changed:
                sync_state.put_state(session, CARD_KEYS, text)
        if changed:
            _publish_keys(self.store, document)
        CardKeyService(self.store).learn_serials(_highest_serials(document))

    def store_county_policy(self, policy: CountyPolicy) -> None:
        current = load_settings(self.store)
        wanted = current
        if policy.card_page_url:
            wanted = wanted.with_section(
                replace(current.cards, public_base_url=policy.card_page_url)
            )
        if policy.clue_days is not None:
            receive, accept, resolve = policy.clue_days
            wanted = wanted.with_section(
                replace(
                    current.arrears,
                    receive_days=receive,
                    accept_days=accept,
                    resolve_days=resolve,
                )
            )
        if wanted != current:
            save_settings(self.store, wanted)
            log.info("county policy stored: %s", policy.document())

    def unpublished_keys(self) -> list[bytes]:
        return CardKeyService(self.store).unpublished_keys()


def _day(text: object) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return date.today()


def _restamp(session: Any, mutation: Mutation, stamp: str) -> None:
    """The server clamped this write's stamp (the PC clock is far ahead): store the
    stamp the server kept, or this station would keep a value everyone else replaced."""
    cls = RECORD_TYPES.get(mutation["record_type"])
    if cls is None:
        return
    record = by_id(session, cls, mutation["record_id"])
    if record is None:
        return
    versions = dict(record.versions)
    fields = mutation["fields"]
    star = versions.get("*")
    for name in fields:
        if versions.get(name, star) == mutation["hlc"]:
            versions[name] = stamp
    record.versions = versions


def _highest_serials(document: dict[str, Any]) -> dict[bytes, int]:
    """Key id -> the highest card serial the server holds under it."""
    out: dict[bytes, int] = {}
    for key in document.get("keys", []):
        serial = key.get("max_serial")
        try:
            key_id = bytes.fromhex(str(key.get("key_id")))
        except ValueError:
            continue
        if isinstance(serial, int) and not isinstance(serial, bool) and len(key_id) == 4:
            out[key_id] = serial
    return out


def _publish_keys(store: Store, document: dict[str, Any]) -> None:
    """Hand the published card keys to the station's trust store."""
    service = CardKeyService(store)
    for key in document.get("keys", []):
        try:
            public_key = bytes.fromhex(key["public_key"])
            if key.get("revoked"):
                service.revoke_key(key["key_id"])
                continue
            service.trust_key(
                public_key,
                certified=bool(key.get("certified")),
                label=str(key.get("label") or ""),
                valid_from=date.fromisoformat(key["valid_from"]) if key.get("valid_from") else None,
                valid_until=date.fromisoformat(key["valid_until"])
                if key.get("valid_until")
                else None,
            )
        except (KeyError, ValueError) as exc:
            log.warning("skipped published card key %s: %s", key.get("key_id"), exc)


def _fill_bulk_creates(session: Transaction, mutations: Sequence[Mutation]) -> None:
    """Give each create written without fields (``OutboxEntry``: the bulk paths) the
    record's synced fields as stored now, one query per record type."""
    empty: dict[str, list[Mutation]] = {}
    for m in mutations:
        if m["op"] == CREATE and not m["fields"]:
            empty.setdefault(m["record_type"], []).append(m)
    for record_type, group in empty.items():
        cls = cast(type[SyncedRecord], RECORD_TYPES[record_type])
        ids = [m["record_id"] for m in group]
        rows = by_ids(session, cls, ids)
        for m in group:
            record = rows.get(m["record_id"])
            if record is not None:
                m["fields"] = record_to_wire(record)
