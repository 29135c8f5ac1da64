"""Worker queries and writes. Lists come back as typed rows (``RosterRow``) or column
tuples, never ORM objects: loading 100k ORM objects costs seconds and hundreds of MB."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import repeat
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Result,
    Select,
    String,
    and_,
    distinct,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.idcard import years_before
from broker_app.domain.people.name_pinyin import name_pinyin
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE
from broker_app.domain.people.roster_query import RosterFilter, RosterSort, SortKey
from broker_app.domain.people.roster_row import RosterRow
from broker_app.store.base import table_of
from broker_app.store.bulk import deferred_indexes, load_cache, without_cycle_collection
from broker_app.store.models.worker import Worker, WorkerSearchToken
from broker_app.store.worker_search import (
    ARCHIVED_BIT,
    FACET_FIELDS,
    PINYIN_HEAD,
    PRIORITY_BITS,
    facet_bits,
    forms_of,
    is_name_term,
    is_pinyin_term,
    name_keys,
    name_range,
    number_tokens,
    query_terms,
    row_facets,
    sort_key,
    term_ranges,
    worker_tokens,
)
from broker_app.store.writer import RecordWriter

#: Columns of a roster row, in order.
ROW_COLUMNS = (
    Worker.pk,
    Worker.id,
    Worker.name,
    Worker.gender,
    Worker.birth_date,
    Worker.id_number,
    Worker.phone,
    Worker.org_code,
    Worker.employment_status,
    Worker.place_tier,
    Worker.employer,
    Worker.poverty_alleviated,
    Worker.monitoring_type,
    Worker.low_income,
    Worker.disabled,
    Worker.labor_brand,
    Worker.skills,
    Worker.archived,
    Worker.updated_at,
)
ROW_FIELDS = RosterRow._fields
assert tuple(col.key for col in ROW_COLUMNS) == ROW_FIELDS

_SORTS: dict[str, tuple[Any, ...]] = {
    SortKey.NAME: (Worker.name_sort,),
    # Ascending age means youngest first: birth date descending.
    SortKey.AGE: (Worker.birth_date.desc(),),
    SortKey.VILLAGE: (Worker.org_code, Worker.name_sort),
    SortKey.STATUS: (Worker.employment_status, Worker.name_sort),
    SortKey.UPDATED: (Worker.updated_at,),
}


def _scope_condition(org_code: str) -> ColumnElement[bool]:
    """Household within a village, township (…xxx000) or the county (…000000)."""
    if org_code.endswith("000000"):
        prefix = org_code[:6]
    elif org_code.endswith("000"):
        prefix = org_code[:9]
    else:
        return Worker.org_code == org_code
    return and_(Worker.org_code >= prefix, Worker.org_code < prefix + ":")


def _older_condition(today: date, use_index: bool) -> ColumnElement[bool]:
    """Age in [45, 65] inclusive: born after (today - 66y) and on/before (today - 45y).

    About 40% of a rural roster is in this bracket, so for a page in name order it is
    far cheaper to walk the name index (which carries birth_date) and stop after 50
    rows than to collect the bracket through the birth-date index and sort it; the
    unary ``+`` keeps the planner off the birth-date index in that case.
    """
    youngest = years_before(today, OLDER_MIN_AGE)
    oldest_exclusive = years_before(today, OLDER_MAX_AGE + 1)
    birth: Any = Worker.birth_date if use_index else literal_column("+worker.birth_date")
    return and_(birth <= youngest, birth > oldest_exclusive)


_PRIORITY: dict[PriorityGroup, ColumnElement[bool]] = {
    PriorityGroup.POVERTY_ALLEVIATED: Worker.poverty_alleviated.is_(True),
    PriorityGroup.MONITORED: Worker.monitoring_type.is_not(None),
    PriorityGroup.LOW_INCOME: Worker.low_income.is_(True),
    PriorityGroup.DISABLED: Worker.disabled.is_(True),
}


def _conditions(
    flt: RosterFilter, today: date, sort: RosterSort | None = None
) -> list[ColumnElement[bool]]:
    """WHERE terms for ``flt``; ``sort`` is the order the rows are wanted in (None when
    only counting), which decides how the 大龄 bracket is best answered."""
    conds: list[ColumnElement[bool]] = []
    if not flt.include_archived:
        conds.append(Worker.archived.is_(False))
    if flt.org_code:
        conds.append(_scope_condition(flt.org_code))
    if flt.status:
        conds.append(Worker.employment_status == flt.status.value)
    if flt.priority is PriorityGroup.OLDER:
        conds.append(_older_condition(today, sort is None or sort.key == SortKey.AGE))
    elif flt.priority:
        conds.append(_PRIORITY[flt.priority])
    if flt.labor_brand:
        conds.append(Worker.labor_brand == flt.labor_brand)
    for term in query_terms(flt.text):
        ranges = [
            and_(WorkerSearchToken.token >= low, WorkerSearchToken.token < high)
            for low, high in term_ranges(term)
        ]
        matching = select(WorkerSearchToken.worker_pk).where(or_(*ranges))
        conds.append(Worker.pk.in_(matching))
    return conds


def _ordered(stmt: Select[Any], sort: RosterSort, driven_by_text: bool = False) -> Select[Any]:
    keys = []
    for key in _SORTS.get(sort.key, _SORTS[SortKey.NAME]):
        if driven_by_text:
            key = _unindexed(key)
        keys.append(_flip(key) if sort.descending else key)
    keys.append(Worker.pk.desc() if sort.descending else Worker.pk)
    return stmt.order_by(*keys)


def _unindexed(key: Any) -> Any:
    """The same order, written so SQLite cannot walk an index for it.

    A text search matches few rows through the token index; left to itself the
    planner sometimes walks the whole name index instead to avoid a sort, which costs
    ~10 ms at 100k workers even when nothing matches. SQLite's documented way to take
    an index out of play is a unary ``+`` on the column.
    """
    modifier = getattr(key, "modifier", None)
    column = key.element if modifier is not None else key
    plain: Any = literal_column(f"+{column.table.name}.{column.name}")
    return plain.desc() if modifier is not None and modifier.__name__ == "desc_op" else plain


def _flip(key: Any) -> Any:
    modifier = getattr(key, "modifier", None)
    if modifier is not None and getattr(modifier, "__name__", "") == "desc_op":
        return key.element.asc()
    return key.desc()


#: A narrow index led by the row key that carries every filter column and the name
#: order. A text search looks each worker its tokens found up in it instead of in the
#: wide table: at 400k workers 王 finds 35,805, and each lookup in the table costs a
#: page of ~10 workers where this index holds ~60 a page (see BENCHMARKS.md).
FACETS_INDEX = "ix_worker_facets"
#: Where ``worker`` enters a compiled roster query (``FROM`` or ``JOIN``; never the
#: ``worker_search`` table, nor a subquery's, which come later in the text).
_FROM_WORKER = re.compile(r"\b(FROM|JOIN) worker\b(?!_)")


def search_pks(
    session: Session, flt: RosterFilter, sort: RosterSort, today: date | None = None
) -> array:
    """Row keys of every matching worker, in order (commands and tests; the roster
    table reads them a chunk at a time with ``keys_at``)."""
    return keys_at(session, flt, sort, 0, -1, today)


def keys_at(
    session: Session,
    flt: RosterFilter,
    sort: RosterSort,
    offset: int,
    limit: int,
    today: date | None = None,
) -> array:
    """Row keys of the matching workers at positions ``offset`` .. ``offset + limit``
    in order (``limit`` -1: to the end), as a compact array."""
    today = today or date.today()
    terms = query_terms(flt.text)
    facets = _facet_test(session, flt) if len(terms) == 1 else None
    if facets is not None and sort.key == SortKey.NAME and not _is_digits_term(terms[0]):
        # Text alone or with a priority group: the search keys answer it alone.
        if is_name_term(terms[0]):
            found = _name_keys(session, terms[0], facets, sort.descending, offset, limit)
        else:
            found = _pinyin_ordered(session, terms[0], facets, sort.descending, offset, limit)
        return array("q", (row[0] for row in found))
    if len(terms) == 1 and is_name_term(terms[0]) and sort.key == SortKey.NAME:
        found = _name_ordered(session, flt, terms[0], sort.descending, offset, limit, today)
        return array("q", (row[0] for row in found))
    stmt = select(Worker.pk).where(*_conditions(flt, today, sort))
    stmt = _ordered(stmt, sort, bool(terms)).offset(offset).limit(limit)
    rows = _via_index(session, stmt, FACETS_INDEX) if terms else session.execute(stmt)
    return array("q", (row[0] for row in rows))


@dataclass(frozen=True)
class _FacetTest:
    """Which search keys pass a filter by their ``facets``: ``facets & mask == wanted``
    (a ``mask`` of 0 passes every key)."""

    mask: int
    wanted: int

    def conditions(self) -> list[ColumnElement[bool]]:
        if not self.mask:
            return []
        return [WorkerSearchToken.facets.op("&")(self.mask) == self.wanted]

    def sql(self) -> tuple[str, tuple[int, ...]]:
        """The same test as SQL text to append to a ``WHERE``, and its parameters."""
        return (" AND (facets & ?) = ?", (self.mask, self.wanted)) if self.mask else ("", ())


def _facet_test(session: Session, flt: RosterFilter) -> _FacetTest | None:
    """The test on the search keys' ``facets`` that stands for ``flt``'s filters, when
    it has no others than text, a priority group other than 大龄 and the archived
    choice (None: it has). Archived workers are only tested for when there are any."""
    if replace(flt, text="", include_archived=False, priority=None) != RosterFilter():
        return None
    if flt.priority is not None and flt.priority not in PRIORITY_BITS:
        return None
    wanted = PRIORITY_BITS[flt.priority] if flt.priority is not None else 0
    mask = wanted
    if not flt.include_archived and _any_archived(session):
        mask |= ARCHIVED_BIT
    return _FacetTest(mask, wanted)


def _name_keys(
    session: Session,
    term: str,
    facets: _FacetTest,
    descending: bool,
    offset: int,
    limit: int,
) -> Result[Any]:
    """Workers whose name contains ``term``, in name order, from its search keys alone
    (stored in that order, each with the worker's facets): 王 + 脱贫 reads the first
    ~1,700 keys of 王 for its first 200 rows and looks no worker up."""
    low, high = name_range(term)
    token = WorkerSearchToken.token
    stmt = select(WorkerSearchToken.worker_pk).where(
        token >= low, token < high, *facets.conditions()
    )
    return session.execute(_in_key_order(stmt, descending).offset(offset).limit(limit))


def _name_ordered(
    session: Session,
    flt: RosterFilter,
    term: str,
    descending: bool,
    offset: int,
    limit: int,
    today: date,
) -> CursorResult[Any]:
    """Workers whose name contains ``term``, in name order, straight from the range
    of its search keys (already in that order): only the rows wanted are visited,
    each checked against the filters in ``FACETS_INDEX``."""
    low, high = name_range(term)
    token = WorkerSearchToken.token
    stmt = (
        select(WorkerSearchToken.worker_pk)
        .join(Worker, Worker.pk == WorkerSearchToken.worker_pk)
        .where(token >= low, token < high, *_conditions(replace(flt, text=""), today))
    )
    stmt = _in_key_order(stmt, descending)
    return _via_index(session, stmt.offset(offset).limit(limit), FACETS_INDEX)


def _in_key_order(stmt: Select[Any], descending: bool) -> Select[Any]:
    """``stmt`` ordered by its search key (the name's order), then the worker."""
    order = (WorkerSearchToken.token, WorkerSearchToken.worker_pk)
    return stmt.order_by(*(key.desc() if descending else key for key in order))


#: A prefix's keys marked 0 are read off their name-ordered index (``PINYIN_ORDER_SQL``)
#: when at least this many pass the filters: a first letter holds at most ~100k of
#: them at 400k workers, so the walk keeps one entry in 20 or more ...
_ORDERED_FROM = 5000
#: ... and the rows wanted end within this many of the start; otherwise the keys are
#: read and sorted (cheaper for a rare prefix, or for rows far down the order).
_ORDERED_WITHIN = 5000
#: Above every character a key holds: the end of a prefix's range.
_TOP = "\U0010ffff"


def _pinyin_ordered(
    session: Session,
    term: str,
    facets: _FacetTest,
    descending: bool,
    offset: int,
    limit: int,
) -> CursorResult[Any]:
    """Workers a pinyin prefix finds, in name order, from the search keys alone.

    Each key ends with the name's sort key and the prefix's ranges (one per mark)
    hold one key per worker, so the order needs no lookup in the workers. A range
    that finds many workers (``li``: 77,157 of 400k) is read in name order from the
    index of ``ordered`` (its first letter's keys, ``p:0l`` + sort key), keeping the
    keys that start with the prefix until the page is full: ~250 index entries
    instead of a read and a sort of 77,157 keys (0.1 against ~17 ms CPU). A rare one
    is read and sorted. Archived workers and a priority group are checked by the
    keys' ``facets``."""
    direction = " DESC" if descending else ""
    wanted = offset + limit if limit >= 0 else -1
    test, test_args = facets.sql()
    parts: list[str] = []
    args: list[Any] = []
    for low, high in term_ranges(term):
        if (
            0 <= wanted <= _ORDERED_WITHIN
            and low.startswith("p:0")
            and _at_least(session, low, high, facets, _ORDERED_FROM)
        ):
            head = low[:PINYIN_HEAD]
            parts.append(
                "SELECT * FROM (SELECT worker_pk AS pk, token FROM worker_search "
                "INDEXED BY ix_worker_search_ordered "
                f"WHERE ordered >= ? AND ordered < ? AND token >= ? AND token < ?{test} "
                f"ORDER BY ordered{direction}, worker_pk{direction} LIMIT ?)"
            )
            args.extend((head, head + _TOP, low, high, *test_args, wanted))
        else:
            parts.append(
                f"SELECT worker_pk AS pk, token FROM worker_search "
                f"WHERE token >= ? AND token < ?{test}"
            )
            args.extend((low, high, *test_args))
    sql = (
        f"SELECT pk FROM ({' UNION ALL '.join(parts)}) "
        f"ORDER BY substr(token, instr(token, char(1)) + 1){direction}, pk{direction} "
        "LIMIT ? OFFSET ?"
    )
    return session.connection().exec_driver_sql(sql, (*args, limit, offset))


def _at_least(session: Session, low: str, high: str, facets: _FacetTest, n: int) -> bool:
    """Whether at least ``n`` keys in ``[low, high)`` pass ``facets`` (reads at most n)."""
    test, test_args = facets.sql()
    sql = (
        "SELECT count(*) FROM (SELECT 1 FROM worker_search "
        f"WHERE token >= ? AND token < ?{test} LIMIT ?)"
    )
    found = session.connection().exec_driver_sql(sql, (low, high, *test_args, n)).scalar()
    return int(found or 0) >= n


def count(session: Session, flt: RosterFilter, today: date | None = None) -> int:
    """How many workers match. The commonest searches never visit the workers: the
    whole roster is counted from the size of its B-tree, one name character or
    pinyin from the search keys alone (both less the archived workers among them)."""
    terms = query_terms(flt.text)
    text_only = replace(flt, text="", include_archived=False) == RosterFilter()
    if text_only and not terms:
        return _live_total(session, flt.include_archived)
    facets = _facet_test(session, flt) if len(terms) == 1 else None
    if facets is not None:
        return _text_count(session, terms[0], facets)
    stmt = select(func.count()).select_from(Worker).where(*_conditions(flt, today or date.today()))
    if terms:
        return int(_via_index(session, stmt, FACETS_INDEX).scalar_one())
    return int(session.scalar(stmt) or 0)


def _live_total(session: Session, include_archived: bool) -> int:
    # ``count(*)`` without a WHERE is answered from the page headers of the smallest
    # index (0.2 ms for 400k workers, where ``WHERE archived = 0`` steps every row).
    total = int(session.scalar(select(func.count()).select_from(Worker)) or 0)
    if include_archived:
        return total
    archived = select(func.count()).select_from(Worker).where(Worker.archived.is_(True))
    return total - int(session.scalar(archived) or 0)


def _text_count(session: Session, term: str, facets: _FacetTest) -> int:
    """Workers one term finds whose search keys pass ``facets`` (``_facet_test``),
    counted from the keys alone: 王 + 脱贫 steps through the 35,805 keys of 王 and
    looks no worker up."""
    token = WorkerSearchToken.token
    ranges = [and_(token >= low, token < high) for low, high in term_ranges(term)]
    pk = WorkerSearchToken.worker_pk
    keyed = facets.conditions()
    if _is_digits_term(term):
        # The three digit ranges can find one worker twice.
        counted = [select(func.count(distinct(pk))).where(or_(*ranges), *keyed)]
    else:
        # A name substring's range, and a pinyin prefix's ranges together, hold one
        # key per worker (see ``pinyin_tokens``): each range counted on its own, from
        # the index alone. One query with ``OR`` makes SQLite collect the keys to drop
        # repeats (42 ms for ``li`` at 400k against 6 ms for its two ranges).
        counted = [
            select(func.count()).select_from(WorkerSearchToken).where(r, *keyed) for r in ranges
        ]
    return sum(int(session.scalar(stmt) or 0) for stmt in counted)


def _is_digits_term(term: str) -> bool:
    return not is_name_term(term) and not is_pinyin_term(term)


def _any_archived(session: Session) -> bool:
    stmt = select(Worker.pk).where(Worker.archived.is_(True)).limit(1)
    return session.scalar(stmt) is not None


def _via_index(session: Session, stmt: Select[Any], index: str) -> CursorResult[Any]:
    """Run a roster query over ``worker`` with SQLite told to read the workers from
    ``index``. For a text search its planner prefers the table's own row-key lookup
    (4x slower than ``FACETS_INDEX``), and SQLAlchemy has no SQLite spelling of
    ``INDEXED BY``: the compiled text gets it, the parameters go along unchanged."""
    compiled = stmt.compile(dialect=session.get_bind().dialect)
    sql, found = _FROM_WORKER.subn(rf"\1 worker INDEXED BY {index}", str(compiled), 1)
    if found != 1:
        raise AssertionError(f"not a query over worker: {sql}")
    params = compiled.construct_params()
    args = tuple(_driver_value(params[name]) for name in compiled.positiontup or ())
    return session.connection().exec_driver_sql(sql, args)


def _driver_value(value: Any) -> Any:
    # Dates are stored as ISO text (SQLAlchemy's SQLite ``Date``); nothing else in a
    # roster filter needs converting.
    return value.isoformat() if isinstance(value, date) else value


def page(
    session: Session,
    flt: RosterFilter,
    sort: RosterSort,
    offset: int = 0,
    limit: int = 50,
    today: date | None = None,
) -> list[RosterRow]:
    """One page of rows in order: the keys first (from the indexes), then the rows."""
    keys = keys_at(session, flt, sort, offset, limit, today)
    rows = rows_by_pks(session, keys)
    return [rows[pk] for pk in keys if pk in rows]


def iter_columns(
    session: Session,
    flt: RosterFilter,
    sort: RosterSort,
    fields: Sequence[str],
    today: date | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The named columns of every matching worker, streamed in order (exports)."""
    columns = [getattr(Worker, name) for name in fields]
    stmt = select(*columns).where(*_conditions(flt, today or date.today(), sort))
    stmt = _ordered(stmt, sort, bool(query_terms(flt.text)))
    for row in session.execute(stmt.execution_options(yield_per=2000)):
        yield tuple(row)


def rows_by_pks(session: Session, pks: Sequence[int]) -> dict[int, RosterRow]:
    if not pks:
        return {}
    stmt = select(*ROW_COLUMNS).where(Worker.pk.in_(list(pks)))
    return {row[0]: RosterRow(*row) for row in session.execute(stmt)}


def any_exist(session: Session) -> bool:
    return session.scalar(select(Worker.pk).limit(1)) is not None


def get(session: Session, worker_id: str) -> Worker | None:
    return session.scalar(select(Worker).where(Worker.id == worker_id))


def find_by_id_number(
    session: Session, id_number: str, *, exclude_id: str | None = None
) -> Worker | None:
    stmt = select(Worker).where(Worker.id_number == id_number)
    if exclude_id:
        stmt = stmt.where(Worker.id != exclude_id)
    return session.scalars(stmt.order_by(Worker.archived, Worker.pk)).first()


def ids_by_id_number(session: Session, id_numbers: Sequence[str]) -> dict[str, str]:
    """Map of ID number -> worker id for those already on the roster."""
    found: dict[str, str] = {}
    chunk = 500
    for start in range(0, len(id_numbers), chunk):
        part = list(id_numbers[start : start + chunk])
        stmt = select(Worker.id_number, Worker.id).where(Worker.id_number.in_(part))
        for number, worker_id in session.execute(stmt):
            found.setdefault(number, worker_id)
    return found


def labor_brands(session: Session) -> list[str]:
    """The labor brands in use on the roster, for the filter's list."""
    stmt = (
        select(Worker.labor_brand)
        .where(Worker.archived.is_(False), Worker.labor_brand != "")
        .distinct()
        .order_by(Worker.labor_brand)
    )
    return list(session.scalars(stmt))


def all_id_numbers(session: Session) -> set[str]:
    return set(session.scalars(select(Worker.id_number)))


def by_ids(session: Session, ids: Iterable[str]) -> dict[str, Worker]:
    """The workers with these ids (archived ones too), by id; read in chunks of 500."""
    out: dict[str, Worker] = {}
    chunks = sorted(set(ids))
    for start in range(0, len(chunks), 500):
        stmt = select(Worker).where(Worker.id.in_(chunks[start : start + 500]))
        out.update((w.id, w) for w in session.scalars(stmt))
    return out


def name_of(session: Session, worker_id: str) -> str | None:
    return session.scalar(select(Worker.name).where(Worker.id == worker_id))


#: What a recommendation shows of a worker, in order.
CONTACT_COLUMNS = (
    Worker.id,
    Worker.name,
    Worker.gender,
    Worker.birth_date,
    Worker.org_code,
    Worker.phone,
    Worker.employment_status,
)


def contact_rows(session: Session, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """``CONTACT_COLUMNS`` of these workers, by id (a page of recommendations)."""
    stmt = select(*CONTACT_COLUMNS).where(Worker.id.in_(list(ids)))
    return {row[0]: tuple(row) for row in session.execute(stmt)}


def free_unemployed(session: Session, committed: Select[Any], limit: int) -> list[tuple[Any, ...]]:
    """(id, skills) of unarchived unemployed workers whose id is not in ``committed``
    (a select of worker ids), in registration order, at most ``limit``."""
    stmt = (
        select(Worker.id, Worker.skills)
        .where(
            Worker.archived.is_(False),
            Worker.employment_status == EmploymentStatus.UNEMPLOYED.value,
            Worker.id.not_in(committed),
        )
        .order_by(Worker.pk)
        .limit(limit)
    )
    return [tuple(row) for row in session.execute(stmt)]


# -- the matching engine's profiles -----------------------------------------------------

#: The columns of a worker's matching profile, read raw: dates as ISO text and flags as
#: 0/1 cost nothing to fetch; ``services.matching.profiles`` converts (and memoises).
PROFILE_COLUMNS = (
    Worker.id,
    type_coerce(Worker.birth_date, String),
    Worker.org_code,
    Worker.employment_status,
    type_coerce(Worker.skills, String),
    type_coerce(Worker.intended_work_types, String),
    Worker.intended_place_tier,
    Worker.expected_wage,
    Worker.labor_brand,
    Worker.poverty_alleviated,
    Worker.monitoring_type,
    Worker.low_income,
    Worker.disabled,
    Worker.archived,
)


def profile_candidates(
    session: Session,
    *,
    statuses: Iterable[str],
    committed: Select[Any],
    born_from: date | None,
    born_to: date | None,
    priority_born: tuple[date | None, date | None] | None,
) -> list[tuple[Any, ...]]:
    """``PROFILE_COLUMNS`` of the workers that may pass a job's cheap hard constraints:
    unarchived, in one of ``statuses``, not in ``committed`` (a select of worker ids),
    born in [``born_from``, ``born_to``] where given, and with ``priority_born`` (the
    older-worker birth window of a 公益性岗位) in a priority group or that window."""
    conds: list[ColumnElement[bool]] = [
        Worker.archived.is_(False),
        Worker.employment_status.in_(list(statuses)),
        Worker.id.not_in(committed),
    ]
    if born_from is not None:
        conds.append(Worker.birth_date >= born_from)
    if born_to is not None:
        conds.append(Worker.birth_date <= born_to)
    if priority_born is not None:
        older_first, older_last = priority_born
        conds.append(
            or_(
                Worker.poverty_alleviated.is_(True),
                Worker.monitoring_type.is_not(None),
                Worker.low_income.is_(True),
                Worker.disabled.is_(True),
                and_(Worker.birth_date >= older_first, Worker.birth_date <= older_last),
            )
        )
    return _raw_rows(session, select(*PROFILE_COLUMNS).where(*conds))


def profile_row(session: Session, worker_id: str) -> tuple[Any, ...] | None:
    """``PROFILE_COLUMNS`` of one worker, or None."""
    rows = _raw_rows(session, select(*PROFILE_COLUMNS).where(Worker.id == worker_id))
    return rows[0] if rows else None


def _raw_rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The DBAPI's own row tuples: 37k rows cost ~150 ms this way on a slow PC, against
    ~250 ms as SQLAlchemy rows. Binds are still processed by SQLAlchemy."""
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def create(writer: RecordWriter, values: Mapping[str, Any]) -> Worker:
    worker = writer.create(Worker, {**values, "name_sort": sort_key(values["name"])})
    writer.session.flush()
    reindex(writer.session, [_searched(worker)])
    return worker


def update(writer: RecordWriter, worker: Worker, changes: Mapping[str, Any]) -> list[str]:
    extra = {"name_sort": sort_key(changes["name"])} if "name" in changes else {}
    searched_before = _searched(worker)
    pk = worker.pk
    changed = writer.update(worker, {**changes, **extra})
    if set(SEARCHED_FIELDS) & set(changed):
        _, old_name, old_number, old_phone, old_facets = searched_before
        reindex(
            writer.session,
            [_searched(worker)],
            previous={pk: (old_name, old_number, old_phone, old_facets)},
        )
    return changed


def _searched(worker: Worker) -> tuple[int, str, str, str, int]:
    """(pk, name, ID number, phone, facets): what ``reindex`` takes of a worker."""
    facets = facet_bits(*(getattr(worker, name) for name in FACET_FIELDS))
    return worker.pk, worker.name, worker.id_number, worker.phone, facets


def bulk_create(writer: RecordWriter, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Insert many new workers with their search keys and outbox entries."""
    with without_cycle_collection():
        return _bulk_create(writer, rows)


def _bulk_create(writer: RecordWriter, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    session = writer.session
    # This runs inside one BEGIN IMMEDIATE transaction: the rows take the keys above
    # the current maximum, given here so that their search keys need no read back.
    before = session.scalar(select(func.max(Worker.pk))) or 0
    keys = NewWorkerKeys()
    prepared = []
    for pk, row in enumerate(rows, start=before + 1):
        order = keys.add(pk, row["name"], row["id_number"], row.get("phone") or "", row_facets(row))
        prepared.append({**row, "pk": pk, "name_sort": order})
    with load_cache(session):
        # The keys are made while SQLite builds the workers' indexes (other core).
        ids = writer.bulk_create(Worker, prepared, meanwhile=keys.make)
        keys.insert(session)
    if len(ids) >= 1000:
        # Fresh statistics keep the planner on the token index (without them a
        # search can walk all 100k rows: 10 ms instead of 0.4 ms).
        session.execute(text("ANALYZE"))
    return ids


class NewWorkerKeys:
    """The search keys of many new workers, made once per distinct name.

    A name's keys (its substrings and pinyin, each ending with its sort key) are the
    same for every worker who has it, and a county's 400k workers have ~150k distinct
    names: 3.7M of their 4.9M keys come from 1.5M made per name. A large load stages
    those once per name, with each name's workers beside them, and SQLite writes the
    pairs into the key B-tree from the name keys' index in key order, so they go in
    as appends without passing through Python or a sort one by one (staging all 4.9M
    keys and sorting them took 12 s of a 400k load; making them 10 s).

    ``add`` each worker (it needs its name's sort key at once), ``make`` the keys,
    then ``insert`` them.
    """

    def __init__(self) -> None:
        #: name -> its number here, its sort key and its pinyin forms
        self._names: dict[str, tuple[int, str, list[str]]] = {}
        #: Per name number: its workers (pk, facets), in the order they were added (a
        #: load adds them by pk).
        self._members: list[list[tuple[int, int]]] = []
        #: (pk, ID number, phone, facets) of each worker.
        self._workers: list[tuple[int, str, str, int]] = []
        self._name_keys: list[tuple[str, int]] = []
        self._numbers: list[tuple[str, int, int]] = []
        self._count = 0

    def add(
        self,
        pk: int,
        name: str,
        id_number: str,
        phone: str,
        facets: int,
        pinyin: tuple[str, list[str]] | None = None,
    ) -> str:
        """New worker ``pk``; returns its name's sort key. ``pinyin``: the name's sort
        key and pinyin forms when they were computed before (a pull keeps them)."""
        known = self._names.get(name)
        if known is None:
            if pinyin is None:
                keys = name_pinyin(name)
                pinyin = keys.sort_key, forms_of(keys)
            known = self._names[name] = (len(self._members), *pinyin)
            self._members.append([])
        self._members[known[0]].append((pk, facets))
        self._workers.append((pk, id_number, phone, facets))
        return known[1]

    def __len__(self) -> int:
        """The workers added."""
        return len(self._workers)

    def make(self) -> None:
        """Make the keys of the workers added (Python only: no database)."""
        made = self._name_keys
        count = 0
        for name, (number, order, forms) in self._names.items():
            tokens = name_keys(name, forms, order)
            made.extend(zip(tokens, repeat(number)))
            count += len(tokens) * len(self._members[number])
        numbers = self._numbers
        for pk, id_number, phone, facets in self._workers:
            numbers.extend(zip(number_tokens(id_number, phone), repeat(pk), repeat(facets)))
        self._count = count + len(numbers)

    def insert(self, session: Session) -> None:
        """Write the keys ``make`` made (inside the caller's transaction); keys
        already there are kept."""
        if self._count < _STAGED_TOKENS:
            members = self._members
            insert_tokens(
                session,
                [
                    (token, pk, facets)
                    for token, number in self._name_keys
                    for pk, facets in members[number]
                ]
                + self._numbers,
            )
            return
        conn = session.connection()
        conn.exec_driver_sql("CREATE TEMP TABLE bulk_name_keys (token TEXT, name INTEGER)")
        conn.exec_driver_sql(
            "CREATE TEMP TABLE bulk_name_workers (name INTEGER, worker_pk INTEGER,"
            " facets INTEGER, PRIMARY KEY (name, worker_pk)) WITHOUT ROWID"
        )
        conn.exec_driver_sql(
            "CREATE TEMP TABLE bulk_number_keys (token TEXT, worker_pk INTEGER, facets INTEGER)"
        )
        conn.exec_driver_sql("INSERT INTO temp.bulk_name_keys VALUES (?, ?)", self._name_keys)
        conn.exec_driver_sql(
            "INSERT INTO temp.bulk_name_workers VALUES (?, ?, ?)",
            # In key order (appends): names by number, each one's workers by pk.
            [
                (number, pk, facets)
                for number, workers in enumerate(self._members)
                for pk, facets in workers
            ],
        )
        conn.exec_driver_sql("INSERT INTO temp.bulk_number_keys VALUES (?, ?, ?)", self._numbers)
        # One sort of the 1.5M name keys, by CREATE INDEX (which builds its B-tree by
        # appends); the join reads it in order.
        conn.exec_driver_sql(
            "CREATE INDEX temp.bulk_name_keys_order ON bulk_name_keys (token, name)"
        )
        table = WorkerSearchToken.__tablename__
        insert = f"INSERT OR IGNORE INTO {table} (token, worker_pk, facets) "
        numbers = (
            insert + "SELECT token, worker_pk, facets FROM temp.bulk_number_keys"
            " WHERE token {} 'n:' ORDER BY token, worker_pk"
        )
        # The name keys (n:, p:) lie between the ID and phone keys (i:, m:) and the
        # reversed phones (r:): each part in key order, one after the other.
        with deferred_indexes(session, table_of(WorkerSearchToken), self._count):
            conn.exec_driver_sql(numbers.format("<"))
            # Keys in (token, name, pk) order: the pairs of two names with the same
            # key (homophones) interleave by pk, a few steps back, still nearby.
            conn.exec_driver_sql(
                insert + "SELECT n.token, w.worker_pk, w.facets FROM temp.bulk_name_keys AS n"
                " INDEXED BY bulk_name_keys_order CROSS JOIN temp.bulk_name_workers AS w"
                " WHERE w.name = n.name"
            )
            conn.exec_driver_sql(numbers.format(">="))
        for stage in ("bulk_name_keys", "bulk_name_workers", "bulk_number_keys"):
            conn.exec_driver_sql(f"DROP TABLE temp.{stage}")


#: The worker fields the search keys are made from (their tokens, and their facets).
SEARCHED_FIELDS = ("name", "id_number", "phone", *FACET_FIELDS)


def reindex(
    session: Session,
    workers: Sequence[tuple[int, str, str, str, int]],
    *,
    previous: Mapping[int, tuple[str, str, str, int]] | None = None,
) -> None:
    """Bring the search keys of ``workers`` — ``(pk, name, id_number, phone, facets)``
    as they are now — up to date. ``previous`` holds each changed worker's old name,
    ID number, phone and facets: its keys are removed by value (there is no index by
    worker), and the keys it keeps get the new facets; new workers need none."""
    stale: list[tuple[str, int]] = []
    fresh: list[tuple[str, int, int]] = []
    refaceted: list[tuple[int, str, int]] = []
    for pk, name, id_number, phone, facets in workers:
        now = worker_tokens(name, id_number, phone or "")
        old = previous.get(pk) if previous else None
        before = worker_tokens(old[0], old[1], old[2] or "") if old else set()
        stale.extend((token, pk) for token in before - now)
        fresh.extend((token, pk, facets) for token in now - before)
        if old and old[3] != facets:
            refaceted.extend((facets, token, pk) for token in now & before)
    conn = session.connection()
    if stale:
        conn.exec_driver_sql("DELETE FROM worker_search WHERE token = ? AND worker_pk = ?", stale)
    if refaceted:
        conn.exec_driver_sql(
            "UPDATE worker_search SET facets = ? WHERE token = ? AND worker_pk = ?", refaceted
        )
    insert_tokens(session, fresh)


#: Above this many keys, they are staged and inserted in key order (see below).
_STAGED_TOKENS = 50_000


def insert_tokens(session: Session, pairs: Sequence[tuple[str, int, int]]) -> None:
    """Add search keys ``(token, worker_pk, facets)``; keys already there are kept.

    The key B-tree is ordered by token; a big load (1.2M keys for 100k workers) put
    into it in arrival order touches its pages at random. Staged in a plain temporary
    table and copied across sorted by SQLite, the same keys go in as appends.
    """
    if not pairs:
        return
    conn = session.connection()
    table = WorkerSearchToken.__tablename__
    insert = f"INSERT OR IGNORE INTO {table} (token, worker_pk, facets) "
    if len(pairs) < _STAGED_TOKENS:
        conn.exec_driver_sql(insert + "VALUES (?, ?, ?)", pairs)
        return
    conn.exec_driver_sql(
        "CREATE TEMP TABLE worker_search_stage (token TEXT, worker_pk INTEGER, facets INTEGER)"
    )
    conn.exec_driver_sql("INSERT INTO temp.worker_search_stage VALUES (?, ?, ?)", pairs)
    # The name-ordered index of the pinyin keys would take them at random places:
    # for a first load it is built again afterwards, in one sort.
    with deferred_indexes(session, table_of(WorkerSearchToken), len(pairs)):
        conn.exec_driver_sql(
            insert + "SELECT token, worker_pk, facets FROM temp.worker_search_stage "
            "ORDER BY token, worker_pk"
        )
    conn.exec_driver_sql("DROP TABLE temp.worker_search_stage")
