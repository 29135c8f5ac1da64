"""Shared set-up for the sync benchmarks: a real server process, stations, people."""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broker_app.services.demo.data import _person  # noqa: E402
from broker_app.services.sync.enrol import enrol  # noqa: E402
from broker_app.store.store import Store, open_store  # noqa: E402
from sync.client.http import RetryPolicy  # noqa: E402
from sync.server.db import ServerDB  # noqa: E402
from sync.server.deps import utc_now  # noqa: E402
from sync.server.migrate import prepare  # noqa: E402
from sync.server.stations import issue_code  # noqa: E402

#: Process ids of the servers ``server`` runs (their CPU time is read from /proc).
SERVER_PIDS: list[int] = []
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
POLICY = RetryPolicy(attempts=3, base_delay=0.2, read_timeout=120)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def median(values: list[float]) -> float:
    return statistics.median(values)


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """``sqlite`` (a file in ``folder``) or ``postgres`` (a throw-away database)."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'channel.sqlite3'}"
        return
    import psycopg

    name = f"labor_station_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def server(db_url: str, folder: Path) -> Iterator[str]:
    """``python -m sync.server serve`` on a free port; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (folder / "server.log").open("wb")
    args = [sys.executable, "-m", "sync.server", "serve", "--port", str(port), "--db", db_url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    SERVER_PIDS.append(process.pid)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url + "/v1/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        SERVER_PIDS.remove(process.pid)
        log.close()


def enrolment_code(db_url: str, org_code: str) -> str:
    db = ServerDB(db_url)
    try:
        prepare(db)
        with db.write() as session:
            return issue_code(session, org_code, "", utc_now())[1]
    finally:
        db.dispose()


def new_station(folder: Path, url: str, db_url: str, org_code: str) -> Store:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder)
    enrol(store, url, enrolment_code(db_url, org_code), policy=POLICY)
    return store


def people(count: int, villages: list[str], seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    today = date(2026, 11, 28)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(out) < count:
        person = _person(rng, villages, today)
        if person["id_number"] not in seen:
            seen.add(person["id_number"])
            out.append(person)
    return out


def server_cpu() -> float:
    """CPU seconds (user + system) the running benchmark server has used so far."""
    total = 0.0
    for pid in SERVER_PIDS:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total
