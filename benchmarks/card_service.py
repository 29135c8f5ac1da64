"""The public card service: a card page (verify + look up) against the stylesheet served
by the same stack, and the channel server's progress lookup, by the card-clue index and
by the scan that finds clues a station registered.

    .venv/bin/python benchmarks/card_service.py --requests 300 --records 100000

Prints medians; the card page as a ratio to the stylesheet (uvicorn, FastAPI and the
HTTP client set that floor), the scan as a ratio to the index hit.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import requests
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from broker_app.domain.arrears.clues import new_query_code  # noqa: E402
from sync.cardservice.app import Limits, create_app  # noqa: E402
from sync.cardservice.localdb import LocalDB  # noqa: E402
from sync.cardservice.ratelimit import Limit  # noqa: E402
from sync.ids import uuid7  # noqa: E402
from sync.server import card_service  # noqa: E402
from sync.server.db import ServerDB  # noqa: E402
from sync.server.jsontext import dumps  # noqa: E402
from sync.server.migrate import upgrade  # noqa: E402
from sync.server.models import CardClue, Record  # noqa: E402
from tests.cardservice.helpers import Issuer, card_entry, project_entry, serve_in_thread  # noqa: E402


def median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def card_page(folder: Path, repeat: int) -> None:
    db = LocalDB(folder / "cards.sqlite3")
    issuer = Issuer.new()
    # The county's 731 stations, one key each.
    others = [Issuer.new().entry() for _ in range(730)]
    db.apply_feed(
        {
            "cards": [card_entry(issuer, n) for n in range(1, 2001)],
            "projects": [project_entry()],
            "keys": [*others, issuer.entry()],
            "revoked_cards": [],
            "cursor": 1,
            "more": False,
        }
    )
    unlimited = Limit(10**9, 1)
    limits = Limits(unlimited, unlimited, unlimited, unlimited)
    token = issuer.card(1000)
    with serve_in_thread(create_app(db, None, limits=limits)) as url, requests.Session() as http:
        for _ in range(20):
            http.get(f"{url}/C/{token}")
        page = median_ms(lambda: http.get(f"{url}/C/{token}"), repeat)
        floor = median_ms(lambda: http.get(f"{url}/site.css"), repeat)
    db.close()
    print(f"card page GET /C/TOKEN: median {page:.2f} ms; stylesheet {floor:.2f} ms; "
          f"ratio {page / floor:.2f}")  # fmt: skip


def progress(folder: Path, records: int, repeat: int) -> None:
    db = ServerDB(f"sqlite:///{folder / 'channel.sqlite3'}")
    upgrade(db)
    now = datetime.now().replace(microsecond=0)
    indexed, scanned = new_query_code(), new_query_code()
    with db.write() as session:
        rows = []
        for n in range(records):
            kind = "wage_clue" if n % 10 == 0 else "worker"
            code = scanned if n == records - 1 else new_query_code()
            fields = {
                "org_code": "370883107200",
                "status": "received",
                "query_code": code,
                "received_on": "2026-12-05",
                "public_note": "",
                "name": "某某",
            }
            rows.append(
                {
                    "id": uuid7(),
                    "record_type": "wage_clue" if n == records - 1 else kind,
                    "org_code": "370883107200",
                    "archived": False,
                    "fields": dumps(fields),
                    "versions": "{}",
                    "seq": n + 1,
                    "created_at": now,
                    "updated_at": now,
                    "updated_by": "bench",
                }
            )
        session.execute(insert(Record), rows)
        session.add(
            CardClue(query_code=indexed, clue_id=uuid7(), record_id=rows[0]["id"], created_at=now)
        )
    with db.read() as session:
        hit = median_ms(lambda: card_service.progress(session, indexed), repeat)
        scan = median_ms(lambda: card_service.progress(session, scanned), max(5, repeat // 20))
    db.dispose()
    print(f"progress over {records} records: card-clue index {hit:.3f} ms; "
          f"station-registered clue (scan) {scan:.1f} ms; ratio {scan / hit:.0f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        card_page(Path(tmp), args.requests)
        progress(Path(tmp), args.records, args.requests)


if __name__ == "__main__":
    main()
