"""A large server database for the pull benchmarks, written through the server's own
storage code.

Pushing 400k workers from a station over HTTP took over 20 minutes on the shared
2-core machine (the station's outbox, 200-mutation batches, one request each). The
pull benchmarks measure the pull, so they fill the server here instead: the records
a county station would push (workers, their follow-ups, trainings and rights cards,
and the projects the cards name) go as create mutations, stamped by one station's
clock, through ``sync.server.push.apply_push`` in large batches: the same validation,
per-field merge and duplicate-person check, and the same ``record`` rows, change
sequence and applied-mutation rows a push stores. Only the HTTP requests and the
pushing station's outbox are skipped.

Record ids are what the app mints (``sync.ids.uuid7``): time-ordered ids of the moment
each record was made. A county's records were made over about two years by its 731
stations, each pushed within days to weeks of being made, so in the server's change
order the ids rise with local disorder: each one is made a random 0-30 days before
its place in a two-year history. ``random_ids=True`` gives random (version 4) ids
instead, which no station writes: every insert then lands at a random place in the
station's id indexes (the worst case, kept to measure it).
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from broker_app.store.wire import to_wire
from sync.hlc import HybridClock
from sync.protocol import CREATE, Mutation
from sync.server.db import ServerDB
from sync.server.identity import Writer
from sync.server.migrate import prepare
from sync.server.push import apply_push

#: Mutations per server transaction (a push sends 200; larger is the same work in
#: fewer commits).
BATCH = 5000
TODAY = date(2026, 11, 28)
#: How long the county's records took to make, and how long a record can wait on a
#: station before it is pushed (see the module's docstring).
HISTORY = timedelta(days=730)
PUSH_LAG = timedelta(days=30)
_FOLLOW_UP_KINDS = ("phone", "visit", "policy", "job_referral")
_CARD_KEY = "0badc0de"


def records(
    people: list[dict[str, Any]], seed: int = 11, *, random_ids: bool = False
) -> Iterator[tuple[str, str, dict]]:
    """(record type, id, fields) of every record: each worker, then its follow-ups
    (a priority-group person 1-3, as the demo data has), a training for one in five,
    and a rights card for one in ten employed workers on one of 200 projects."""
    rng = random.Random(seed)
    projects: list[tuple[str, str]] = []
    start = datetime.combine(TODAY, datetime.min.time(), UTC) - HISTORY
    made_at = 0  # when the person's records were made (ms)

    def _id(rng: random.Random) -> str:
        return _random_id(rng) if random_ids else _uuid7(made_at, rng)

    for index, person in enumerate(people):
        made = start + HISTORY * (index / len(people)) - PUSH_LAG * rng.random()
        made_at = int(made.timestamp() * 1000)
        worker_id = _id(rng)
        org = person["org_code"]
        fields = {name: to_wire(value) for name, value in person.items()}
        fields["archived"] = False
        yield "worker", worker_id, fields
        if person["poverty_alleviated"] or person["monitoring_type"]:
            for _ in range(rng.randint(1, 3)):
                yield "follow_up", _id(rng), {
                    "worker_id": worker_id, "org_code": org, "archived": False,
                    "date": to_wire(TODAY - timedelta(days=rng.randint(0, 200))),
                    "kind": rng.choice(_FOLLOW_UP_KINDS), "content": "了解务工意向",
                    "result": rng.choice(("已落实", "有意向，待跟进", "暂无需求")),
                    "operator": "经纪人",
                }  # fmt: skip
        if rng.random() < 0.2:
            end = TODAY - timedelta(days=rng.randint(0, 500))
            yield "training", _id(rng), {
                "worker_id": worker_id, "org_code": org, "archived": False,
                "kind": "vocational", "course": "电工技能培训", "provider": "邹城市职业培训学校",
                "start_date": to_wire(end - timedelta(days=10)), "end_date": to_wire(end),
                "hours": 40, "certificate": "", "passed": True,
            }  # fmt: skip
        if person["employer"] and rng.random() < 0.1:
            if len(projects) < 200:
                project = _id(rng)
                projects.append((project, org))
                yield "project", project, {
                    "org_code": org, "archived": False, "name": f"项目{len(projects)}",
                    "general_contractor": person["employer"], "min_wage": 2100,
                }  # fmt: skip
            project = rng.choice(projects)[0]
            issued = TODAY - timedelta(days=rng.randint(0, 300))
            yield "card", _id(rng), {
                "worker_id": worker_id, "project_id": project, "org_code": org,
                "archived": False, "serial": rng.getrandbits(40), "key_id": _CARD_KEY,
                "issue_date": to_wire(issued),
                "expiry_date": to_wire(issued + timedelta(days=365)),
                "qr_text": "", "revoked": False,
            }  # fmt: skip


def seed(
    db_url: str,
    station_id: str,
    node_id: str,
    people: list[dict[str, Any]],
    *,
    random_ids: bool = False,
) -> dict[str, float]:
    """Store ``people`` and their records as creates pushed by ``station_id``; returns
    the count of each record type."""
    db = ServerDB(db_url)
    prepare(db)
    # The station's own identity, with the server's scope (the county's station may
    # write the whole county; the scope check is not what is being seeded).
    writer = Writer(station_id, node_id, None)
    clock = HybridClock(node_id)
    counts: dict[str, float] = {}
    batch: list[Mutation] = []
    started = time.perf_counter()

    def flush() -> None:
        now = datetime.now(UTC)
        with db.write() as session:
            results = apply_push(session, writer, batch, now, int(now.timestamp() * 1000))
        bad = [r for r in results if r["status"] != "applied"]
        assert not bad, bad[:3]
        batch.clear()

    try:
        for record_type, record_id, fields in records(people, random_ids=random_ids):
            counts[record_type] = counts.get(record_type, 0) + 1
            batch.append(
                {
                    "mutation_id": str(uuid.uuid4()),
                    "record_type": record_type,
                    "record_id": record_id,
                    "op": CREATE,
                    "fields": fields,
                    "hlc": clock.now(),
                }
            )
            if len(batch) == BATCH:
                flush()
        if batch:
            flush()
    finally:
        db.dispose()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def _random_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _uuid7(millis: int, rng: random.Random) -> str:
    """A UUIDv7 of the moment ``millis`` (as ``sync.ids.uuid7`` makes them)."""
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64
    value |= 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))
