"""Running the real channel server for tests: a subprocess on a free port, on SQLite
or on a throw-away PostgreSQL database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from sync.client.http import make_session

ROOT = Path(__file__).resolve().parents[2]
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
REQUIRE_PG_ENV = "LABOR_STATION_REQUIRE_POSTGRES"


@dataclass(frozen=True)
class RunningServer:
    url: str
    db_url: str
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def session(self, ca_file: str | None = None) -> requests.Session:
        """The session a station makes (``make_session``): over the socket."""
        return make_session(ca_file)

    def mount(self, session: requests.Session) -> requests.Session:
        """``session`` as it is: its transport is already the socket."""
        return session


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def postgres_or_skip() -> None:
    """Skip (with the reason) when PostgreSQL is unreachable, unless CI requires it."""
    import psycopg

    try:
        psycopg.connect(PG_DSN).close()
    except psycopg.Error as exc:
        reason = f"PostgreSQL on 127.0.0.1:5432 unreachable: {exc}".strip()
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(reason + f" ({REQUIRE_PG_ENV}=1)")
        pytest.skip(reason)


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A fresh database for one server, dropped afterwards; yields its SQLAlchemy URL."""
    import psycopg

    postgres_or_skip()
    name = f"labor_station_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def database_url(backend: str, folder: Path) -> Iterator[str]:
    if backend == "postgres":
        with throwaway_postgres() as url:
            yield url
    else:
        yield f"sqlite:///{folder / 'channel.sqlite3'}"


@contextmanager
def run_server(
    db_url: str,
    folder: Path,
    extra_args: tuple[str, ...] = (),
    scheme: str = "http",
    verify: str | bool = True,
    module: str = "sync.server",
    env: dict[str, str] | None = None,
) -> Iterator[RunningServer]:
    """``python -m sync.server serve`` on a free port; waits for health; stops it after.
    ``module``/``env``: a wrapper that starts the same server with a fault switched on."""
    port = free_port()
    log_path = folder / f"server-{port}.log"
    args = [sys.executable, "-m", module, "serve", "--host", "127.0.0.1"]
    args += ["--port", str(port), "--db", db_url, *extra_args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with log_path.open("wb") as log:
        process = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"{scheme}://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log_path, verify)
        yield RunningServer(url, db_url, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _wait_healthy(
    url: str, process: subprocess.Popen[bytes], log: Path, verify: str | bool
) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')}")
        try:
            answer = requests.get(url + "/v1/health", timeout=2, verify=verify)
            if answer.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server not healthy after 60 s:\n{log.read_text(errors='replace')}")


def admin(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run an admin command of the server as the county would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "sync.server", *args, "--db", db_url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
