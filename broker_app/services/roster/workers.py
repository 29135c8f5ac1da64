"""Worker use cases: register, edit, archive, search. Every write validates with the one
domain validator and refuses a second record for the same ID number."""

from __future__ import annotations

import logging
from array import array
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from broker_app.domain.common.errors import FieldError, InvalidInput, UserError
from broker_app.domain.people.idcard import mask_id_number
from broker_app.domain.people.roster_query import RosterFilter, RosterSort
from broker_app.domain.people.roster_row import RosterRow
from broker_app.domain.people.rules import clean_worker
from broker_app.services.changes import Change, Op, RecordKind
from broker_app.services.roster.row_keys import RosterKeys
from broker_app.store.models.worker import Worker
from broker_app.store.repositories import workers as repo
from broker_app.store.store import Store
from broker_app.store.wire import record_to_wire

log = logging.getLogger(__name__)

#: Fields of a roster row (``rows``, ``page``), in order (``RosterRow._fields``).
WORKER_ROW_FIELDS = repo.ROW_FIELDS
#: Keys a search returns with its count: the table's first page (~30 rows show). The
#: rest of the first chunk is read when the broker scrolls past it: with a filter,
#: each key costs a lookup (1 character + 脱贫: ~9 per key found).
FIRST_KEYS = 200


class InvalidWorker(InvalidInput):
    """The input breaks one or more rules; ``errors`` says which, field by field."""


class DuplicateWorker(FieldError):
    """Another worker already has this ID number."""

    def __init__(self, existing_id: str, existing_name: str, id_number: str) -> None:
        super().__init__(
            "id_number",
            f"身份证号 {mask_id_number(id_number)} 已登记为“{existing_name}”，请打开已有记录修改",
            f"id_number already registered as worker {existing_id}",
            reason="duplicate",
        )
        self.existing_id = existing_id


class WorkerNotFound(UserError, LookupError):
    def __init__(self, worker_id: str) -> None:
        super().__init__(f"找不到该劳动力记录（{worker_id}）", f"no worker {worker_id}")
        self.worker_id = worker_id


class WorkerService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reads -------------------------------------------------------------------
    def search_keys(
        self, flt: RosterFilter, sort: RosterSort, first: int = FIRST_KEYS
    ) -> RosterKeys:
        """How many workers match, and the keys of the first ``first`` in order: one
        keystroke's work, bounded however many match."""
        with self.store.read() as session:
            total = repo.count(session, flt)
            keys = repo.keys_at(session, flt, sort, 0, min(first, total)) if total else array("q")
        return RosterKeys(
            total, keys, lambda offset, limit: self.keys_at(flt, sort, offset, limit, total)
        )

    def keys_at(
        self, flt: RosterFilter, sort: RosterSort, offset: int, limit: int, total: int = 0
    ) -> array:
        """Keys of the matching workers at positions ``offset`` .. ``offset + limit``.

        With the search's ``total``, a chunk in the second half is read from the other
        end in the opposite order and turned round: SQLite steps over every row before
        an offset, so the end of 400k workers costs one chunk, not 399,000 steps."""
        with self.store.read() as session:
            if not total or offset <= total // 2 or limit < 0:
                return repo.keys_at(session, flt, sort, offset, limit)
            flipped = RosterSort(sort.key, not sort.descending)
            stop = min(total, offset + limit)
            keys = repo.keys_at(session, flt, flipped, total - stop, stop - offset)
            keys.reverse()
            return keys

    def all_keys(self, flt: RosterFilter, sort: RosterSort) -> array:
        """Every matching key in order (commands and tests; the table reads chunks)."""
        with self.store.read() as session:
            return repo.search_pks(session, flt, sort)

    def rows(self, pks: Sequence[int]) -> dict[int, RosterRow]:
        with self.store.read() as session:
            return repo.rows_by_pks(session, pks)

    def count(self, flt: RosterFilter) -> int:
        with self.store.read() as session:
            return repo.count(session, flt)

    def page(
        self, flt: RosterFilter, sort: RosterSort, offset: int = 0, limit: int = 50
    ) -> list[RosterRow]:
        with self.store.read() as session:
            return repo.page(session, flt, sort, offset, limit)

    def labor_brands(self) -> list[str]:
        with self.store.read() as session:
            return repo.labor_brands(session)

    def details(self, worker_id: str) -> dict[str, Any]:
        """Every stored field of one worker (Python values), plus ``id``."""
        with self.store.read() as session:
            worker = self._get(session, worker_id)
            return {"id": worker.id, **_fields(worker)}

    def find_by_id_number(self, id_number: str) -> str | None:
        with self.store.read() as session:
            worker = repo.find_by_id_number(session, id_number)
            return worker.id if worker else None

    # -- writes ------------------------------------------------------------------
    def register(self, raw: Mapping[str, Any], today: date | None = None) -> Change:
        cleaned = clean_worker(raw, today=today)
        if not cleaned.ok:
            raise InvalidWorker(cleaned.errors)
        with self.store.write() as session:
            existing = repo.find_by_id_number(session, cleaned.values["id_number"])
            if existing is not None:
                raise DuplicateWorker(existing.id, existing.name, existing.id_number)
            worker = repo.create(self.store.writer(session), cleaned.values)
            worker_id = worker.id
        log.info("registered worker %s", worker_id)
        return Change(RecordKind.WORKER, Op.CREATE, (worker_id,))

    def edit(self, worker_id: str, raw: Mapping[str, Any], today: date | None = None) -> Change:
        """Change the fields present in ``raw``; the rest stay as they are."""
        cleaned = clean_worker(raw, today=today, partial=True)
        if not cleaned.ok:
            raise InvalidWorker(cleaned.errors)
        with self.store.write() as session:
            worker = self._get(session, worker_id)
            number = cleaned.values.get("id_number")
            if number and number != worker.id_number:
                other = repo.find_by_id_number(session, number, exclude_id=worker_id)
                if other is not None:
                    raise DuplicateWorker(other.id, other.name, other.id_number)
            changed = repo.update(self.store.writer(session), worker, cleaned.values)
        return Change(RecordKind.WORKER, Op.UPDATE, (worker_id,), frozenset(changed))

    def archive(self, worker_id: str) -> Change:
        with self.store.write() as session:
            worker = self._get(session, worker_id)
            repo.update(self.store.writer(session), worker, {"archived": True})
        log.info("archived worker %s", worker_id)
        return Change(RecordKind.WORKER, Op.ARCHIVE, (worker_id,), frozenset({"archived"}))

    def restore(self, worker_id: str) -> Change:
        with self.store.write() as session:
            worker = self._get(session, worker_id)
            repo.update(self.store.writer(session), worker, {"archived": False})
        return Change(RecordKind.WORKER, Op.UPDATE, (worker_id,), frozenset({"archived"}))

    @staticmethod
    def _get(session: Any, worker_id: str) -> Worker:
        worker = repo.get(session, worker_id)
        if worker is None:
            raise WorkerNotFound(worker_id)
        return worker


def _fields(worker: Worker) -> dict[str, Any]:
    return {name: getattr(worker, name) for name in Worker.sync_fields}


def worker_to_wire(worker: Worker) -> dict[str, Any]:
    return {"id": worker.id, **record_to_wire(worker)}
