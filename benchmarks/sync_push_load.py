"""Many stations pushing at once (target: at least 500 mutations/s on PostgreSQL).

    python benchmarks/sync_push_load.py [--stations 200] [--mutations 50] [--db postgres]
                                        [--concurrency 200] [--timeout 300]

Set-up: N stations enrol with one-time codes (one per village). Timed: every
station, on its own thread, pushes one batch of M new workers (full records, as
the outbox sends them) at the same moment. Reported: overall throughput and the
p50/p95 of one push request, with every item answered ``applied``. Bounded in
time: the run stops with an error after --timeout seconds.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from sync_support import POLICY, database, enrolment_code, median, people, percentile, server

from broker_app.domain.org.units import load_zoucheng
from broker_app.store.wire import to_wire
from sync.client.api import ChannelClient
from sync.client.http import make_session
from sync.hlc import HybridClock
from sync.ids import uuid7
from sync.protocol import Mutation


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--mutations", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="postgres")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    villages = load_zoucheng().village_codes_in_scope("370883000000")[: args.stations]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with database(args.db, folder) as db_url, server(db_url, folder) as url:
            clients, batches = [], []
            everyone = people(args.stations * args.mutations, villages)
            for n, village in enumerate(villages):
                node = uuid7()
                client = ChannelClient(url, make_session(), policy=POLICY)
                client.credential = client.enrol(enrolment_code(db_url, village), node).credential
                mine = everyone[n * args.mutations : (n + 1) * args.mutations]
                clients.append(client)
                batches.append(_batch(node, village, mine))
            latencies: list[float] = []
            lock = threading.Lock()
            start_line = threading.Barrier(min(args.concurrency, len(clients)))

            def push(client: ChannelClient, batch: list[Mutation]) -> None:
                if len(clients) <= args.concurrency:
                    start_line.wait(timeout=60)
                started = time.perf_counter()
                results = client.push(batch)
                took = time.perf_counter() - started
                assert all(r["status"] == "applied" for r in results), results[:3]
                with lock:
                    latencies.append(took)

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                futures = [pool.submit(push, c, b) for c, b in zip(clients, batches, strict=True)]
                done, not_done = wait(futures, timeout=args.timeout)
                if not_done:
                    raise SystemExit(f"{len(not_done)} pushes still running after {args.timeout} s")
                for future in done:
                    future.result()
            elapsed = time.perf_counter() - started
            total = args.stations * args.mutations
            rate = total / elapsed
            verdict = "OK" if rate >= 500 else "UNDER TARGET"
            p50, p95 = median(latencies) * 1000, percentile(latencies, 0.95) * 1000
            print(
                f"{args.stations} stations x {args.mutations} mutations [{args.db}]: "
                f"{total} applied in {elapsed:.1f} s = {rate:.0f} mutations/s; push request "
                f"p50 {p50:.0f} ms, p95 {p95:.0f} ms (concurrency {args.concurrency}); "
                f"target >= 500/s: {verdict}"
            )


def _batch(node: str, village: str, rows: list[dict[str, Any]]) -> list[Mutation]:
    clock = HybridClock(node)
    out: list[Mutation] = []
    for row in rows:
        fields = {name: to_wire(value) for name, value in row.items()}
        fields.update(org_code=village, archived=False)
        out.append(
            {
                "mutation_id": uuid7(),
                "record_type": "worker",
                "record_id": uuid7(),
                "op": "create",
                "fields": fields,
                "hlc": clock.now(),
            }
        )
    return out


if __name__ == "__main__":
    main()
