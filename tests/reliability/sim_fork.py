"""Fork server for the sync simulation (``tests/reliability/sync_sim.py``).

Started once with ``subprocess``; it imports the server and station code once and then
forks, for each JSON command read on stdin, a real separate process:

- ``{"role": "server", "db_url", "port", "log"}``: ``python -m sync.server serve`` as a
  forked child (the simulation SIGKILLs it and forks another on the same database);
- ``{"role": "station", "data_dir", "wall_ms", "push_batch", "pull_page", "env", "log"}``:
  one sync round of a station data folder.

For each command it answers ``PID <pid>`` on stdout. A station child prints
``STAMPS <pid> <json>`` with the clamped stamps of each push answer,
``PAUSED <pid> <point>`` when it reaches the pause hook named by the environment
variable ``SIM_PAUSE=<point>:<n>`` (the n-th time it gets there) and then sleeps, so
the simulation can SIGKILL it at exactly that point; ``DONE <pid> <ok>`` when the round
finished; ``FAILED <pid>`` on an exception (the traceback goes to its log).

Pause points: ``push_answered`` (the server committed a push, the station has not
recorded the answers), ``push_recording`` (inside the transaction that marks outbox
entries acknowledged), ``pull_received`` (a page arrived, nothing applied yet),
``pull_applying`` (inside the transaction that applies a page and its cursor).
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# Imported once here rather than in every forked server (what ``serve`` loads lazily).
import uvicorn.lifespan.on  # noqa: E402
import uvicorn.loops.auto  # noqa: E402
import uvicorn.protocols.http.auto  # noqa: E402
import uvicorn.protocols.websockets.auto  # noqa: E402, F401

import broker_app.services.sync.replica as sync_replica  # noqa: E402
from broker_app.services.sync.apply import PageApplier  # noqa: E402
from broker_app.services.sync.config import load_config, make_client  # noqa: E402
from broker_app.store.repositories import sync_state  # noqa: E402
from broker_app.store.store import open_store  # noqa: E402
from sync.client.api import ChannelClient  # noqa: E402
from sync.client.engine import SyncEngine  # noqa: E402
from sync.client.http import RetryPolicy  # noqa: E402
from sync.client.replica import PageTally  # noqa: E402
from sync.hlc import HybridClock  # noqa: E402
from sync.server import cli as server_cli  # noqa: E402
from sync.server.app import create_app  # noqa: E402, F401

PAUSE_ENV = "SIM_PAUSE"
POLICY = RetryPolicy(attempts=2, base_delay=0.001, max_delay=0.002, read_timeout=20)
_hits: dict[str, int] = {}


def pause_point(point: str) -> None:
    """The hook: sleep here (to be SIGKILLed) on the n-th visit named by SIM_PAUSE."""
    wanted, _, nth = os.environ.get(PAUSE_ENV, "").partition(":")
    if wanted != point:
        return
    _hits[point] = _hits.get(point, 0) + 1
    if _hits[point] == int(nth or 1):
        print(f"PAUSED {os.getpid()} {point}", flush=True)
        time.sleep(30)  # the simulation kills us long before this ends


def _after(original: Callable[..., Any], point: str) -> Callable[..., Any]:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        pause_point(point)
        return result

    return wrapped


class _PausingApplier(PageApplier):
    def apply(self, records: Any) -> PageTally:
        tally = super().apply(records)
        pause_point("pull_applying")  # inside the page's transaction
        return tally


def _reporting(push: Callable[..., Any]) -> Callable[..., Any]:
    """Tell the simulation the stamps the server clamped (its checks need them)."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        results = push(*args, **kwargs)
        stamps = [r for r in results if "stamp" in r]
        print(f"STAMPS {os.getpid()} {json.dumps(stamps, separators=(',', ':'))}", flush=True)
        return results

    return wrapped


def _install_hooks() -> None:
    push = _reporting(ChannelClient.push)
    ChannelClient.push = _after(push, "push_answered")  # type: ignore[method-assign]
    ChannelClient.pull = _after(ChannelClient.pull, "pull_received")  # type: ignore[method-assign]
    sync_state.mark_acked = _after(sync_state.mark_acked, "push_recording")
    sync_replica.PageApplier = _PausingApplier  # type: ignore[misc]


def _redirect_output(log: str, keep_stdout: bool) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 2)
    if not keep_stdout:
        os.dup2(fd, 1)
    os.close(fd)


def run_station(cmd: dict[str, Any]) -> None:
    os.environ.update(cmd.get("env", {}))
    _install_hooks()
    store = open_store(Path(cmd["data_dir"]))
    wall_ms = int(cmd["wall_ms"])
    store.clock = HybridClock(store.node_id, wall_ms=lambda: wall_ms)
    store._resume_clock()
    config = load_config(store)
    assert config is not None, "station not enrolled"
    engine = SyncEngine(
        make_client(config, POLICY),
        sync_replica.StoreReplica(store),
        push_batch=int(cmd["push_batch"]),
        pull_page=int(cmd["pull_page"]),
    )
    report = engine.run()
    store.close()
    print(f"DONE {os.getpid()} {int(report.ok)}", flush=True)


def run_server(cmd: dict[str, Any]) -> None:
    args = ["serve", "--host", "127.0.0.1", "--port", str(cmd["port"]), "--db", cmd["db_url"]]
    server_cli.main(args)


def _die_with_parent() -> None:
    """Linux: SIGKILL this child when the fork server goes (no orphaned servers)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(cmd: dict[str, Any]) -> int:
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    _die_with_parent()
    try:
        if cmd["role"] == "server":
            _redirect_output(cmd["log"], keep_stdout=False)
            run_server(cmd)
        else:
            _redirect_output(cmd["log"], keep_stdout=True)
            run_station(cmd)
        return 0
    except BaseException:
        traceback.print_exc()
        print(f"FAILED {os.getpid()}", flush=True)
        return 70


def main() -> None:
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    _die_with_parent()  # and the fork server goes with the simulation
    print("READY", flush=True)
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        cmd = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            os._exit(_child(cmd))
        print(f"PID {pid}", flush=True)


if __name__ == "__main__":
    main()
