"""Server memory while a township pulls records with the longest notes allowed.

    python benchmarks/sync_pull_memory.py [--records 400] [--db sqlite|postgres]

Set-up: the real server process; one village pushes N workers whose ``notes`` and
``household_address`` hold the most a text field may (16,384 characters of Chinese,
48 KiB each in UTF-8). Measured: the server process's resident memory (``VmRSS``)
before the pull and its peak (``VmHWM``) over the whole run, while a township pulls
every page with the largest page size it may ask for, and the largest page it got.
Also tried: one 1 MiB note (refused). Linux only (reads ``/proc``).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from sync_support import POLICY, ROOT, database, enrolment_code, people

from broker_app.store.wire import to_wire
from sync.client.api import ChannelClient
from sync.client.http import make_session
from sync.hlc import HybridClock
from sync.ids import uuid7
from sync.protocol import MAX_PULL_LIMIT, Mutation
from sync.record_fields import LONG_TEXT

VILLAGE, TOWNSHIP = "370883107200", "370883107000"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=400)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    note = "长" * LONG_TEXT
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with database(args.db, folder) as db_url:
            process, url = _start(db_url, folder)
            try:
                village = _client(url, db_url, VILLAGE)
                town = _client(url, db_url, TOWNSHIP)
                clock = HybridClock(village.node)
                rows = people(args.records, [VILLAGE])
                for start in range(0, len(rows), 40):
                    batch = [
                        _create(clock, {**row, "notes": note, "household_address": note})
                        for row in rows[start : start + 40]
                    ]
                    assert all(r["status"] == "applied" for r in village.client.push(batch))
                huge = _create(clock, {**rows[0], "notes": "长" * (1024 * 1024 // 3)})
                refused = village.client.push([huge])[0]["status"]
                before = _memory(process.pid)["VmRSS"]
                cursor, pages, biggest, pulled = 0, 0, 0, 0
                started = time.perf_counter()
                while True:
                    answer = requests.get(
                        url + "/v1/pull",
                        params={"after": cursor, "limit": MAX_PULL_LIMIT},
                        headers=town.headers,
                        timeout=120,
                    )
                    page = json.loads(answer.content)
                    pages += 1
                    biggest = max(biggest, len(answer.content))
                    pulled += len(page["records"])
                    cursor = page["cursor"]
                    if not page["has_more"]:
                        break
                took = time.perf_counter() - started
                memory = _memory(process.pid)
            finally:
                process.terminate()
                process.wait(timeout=30)
    mib = 1024 * 1024
    total = args.records * 2 * len(note.encode())
    print(
        f"{args.records} workers x 2 fields of {len(note.encode()) // 1024} KiB [{args.db}]: "
        f"{total / mib:.0f} MiB of text pulled by a township in {pages} pages "
        f"({pulled} records, largest page {biggest / mib:.1f} MiB) in {took:.1f} s; "
        f"server RSS before the pull {memory_text(before)}, peak over the run "
        f"{memory_text(memory['VmHWM'])}; a 1 MiB note: {refused}"
    )


def memory_text(kib: int) -> str:
    return f"{kib / 1024:.0f} MB"


class _Station:
    def __init__(self, client: ChannelClient, node: str) -> None:
        self.client = client
        self.node = node
        self.headers = {
            "X-Sync-Protocol": "1",
            "X-Sync-Schema": "1",
            "Authorization": f"Bearer {client.credential}",
        }


def _client(url: str, db_url: str, org_code: str) -> _Station:
    node = uuid7()
    client = ChannelClient(url, make_session(), policy=POLICY)
    client.credential = client.enrol(enrolment_code(db_url, org_code), node).credential
    return _Station(client, node)


def _create(clock: HybridClock, row: dict[str, object]) -> Mutation:
    fields = {name: to_wire(value) for name, value in row.items()}
    fields.update(org_code=VILLAGE, archived=False)
    return {
        "mutation_id": uuid7(),
        "record_type": "worker",
        "record_id": uuid7(),
        "op": "create",
        "fields": fields,
        "hlc": clock.now(),
    }


def _start(db_url: str, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (folder / "server.log").open("wb")
    args = [sys.executable, "-m", "sync.server", "serve", "--port", str(port), "--db", db_url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(url + "/v1/health", timeout=2).status_code == 200:
                return process, url
        except requests.RequestException:
            if time.monotonic() > deadline or process.poll() is not None:
                raise
        time.sleep(0.1)


def _memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in KiB."""
    out: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


if __name__ == "__main__":
    main()
