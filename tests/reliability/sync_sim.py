"""A seeded simulation of one township's stations and the real channel server, with
random operations and random faults, then the sync invariants.

Each seed gets a fresh server database and fresh stations (three villages of one
township, the township, the county), so one seed reproduces on its own. The server
is the real ``sync.server`` process; stations run in this process through the real
client, and sometimes as a separate process (``sim_fork.py``) that is SIGKILLed at a
pause hook in the middle of a push or a pull. Faults:

- HTTP, through ``FaultySession`` around the station's real session: a request lost,
  a response lost after the server committed, a push sent twice, a push held back and
  delivered later (after other pushes: reordered), the server SIGKILLed right after
  it answered or at a random moment while it handles a push;
- the server SIGKILLed between operations and started again on the same database;
- a station killed (SIGKILL) mid-push or mid-pull;
- a station clock years ahead or behind (the HLC's wall clock is the simulation's).

After the network heals, held requests are delivered and every station syncs twice;
``check`` then asserts convergence, that no acknowledged write is lost, that nothing
was applied twice and that every overwritten value is in the conflict log.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import delete, func, select

from broker_app import paths
from broker_app.domain.org.units import load_zoucheng
from broker_app.services.roster.workers import DuplicateWorker, WorkerService
from broker_app.services.sync.config import load_config
from broker_app.services.sync.enrol import enrol
from broker_app.services.sync.identity import is_copied
from broker_app.services.sync.replica import StoreReplica
from broker_app.store.models import FollowUp, JobPosting, Worker
from broker_app.store.models.local import OutboxEntry, Station, SyncConflict, SyncParked
from broker_app.store.repositories.outbox import pending_count
from broker_app.store.store import Store, open_store
from broker_app.store.wire import to_wire
from sync.client.api import ChannelClient
from sync.client.engine import SyncEngine
from sync.client.http import RetryPolicy
from sync.client.report import SyncReport
from sync.hlc import HybridClock
from sync.merge import stamp_of
from sync.protocol import PUSH
from sync.server.conflict_log import FIELD
from sync.server.db import SEQ, ServerDB
from sync.server.deps import utc_now
from sync.server.jsontext import dumps, loads
from sync.server.migrate import prepare
from sync.server.models import AppliedMutation, Conflict, Counter, Record
from sync.server.stations import issue_code
from tests.conftest import valid_id, worker_input
from tests.sync.records import add_follow_up, publish_job, visible_to, write_fields
from tests.sync.server_process import PG_DSN, free_port

HERE = Path(__file__).resolve().parent
YEAR_MS = 365 * 24 * 3600 * 1000
POLICY = RetryPolicy(attempts=2, base_delay=0.001, max_delay=0.002, read_timeout=20)
KILL_POINTS = ("push_answered", "push_recording", "pull_received", "pull_applying")
PUSH_FAULTS = ("drop_request", "drop_response", "duplicate", "hold", "crash", "crash_mid")
#: A server crash costs a restart (about a second): rarer than the others.
PUSH_FAULT_WEIGHTS = (2, 3, 2, 2, 1, 1)
KINDS: dict[str, type[Any]] = {"worker": Worker, "job": JobPosting, "follow_up": FollowUp}
NAMES = ("孟庆云", "孔繁星", "颜回生", "张桂兰", "王立新", "刘德华", "曾子明", "周秀英")


@dataclass(frozen=True)
class SimConfig:
    ops: int = 22
    #: Chance that a request hits an HTTP fault while the network is faulty.
    fault_rate: float = 0.15
    push_fault_rate: float = 0.5
    #: Chance that a seed has a station with a clock years off (up to this many).
    skewed_clock: float = 0.5
    skewed_stations: int = 1
    push_batch: int = 3
    pull_page: int = 4
    #: Weight of "the township moves a worker to another of its villages" (0: never).
    moves: float = 0.0


class SimFailure(AssertionError):
    pass


# -- the fork server: server processes and killable station processes --------------------
class ForkServer:
    """``sim_fork.py`` run with subprocess: forks real server and station processes."""

    def __init__(self, log: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(HERE.parents[1])}
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "sim_fork.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log.open("ab"),
            env=env,
            text=True,
            bufsize=1,
        )
        self._expect("READY")

    def fork(self, command: dict[str, Any]) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return int(self._expect("PID")[1])

    def line(self) -> list[str]:
        assert self.process.stdout is not None
        text = self.process.stdout.readline()
        if not text:
            raise RuntimeError("sim_fork.py exited")
        return text.split()

    def _expect(self, word: str) -> list[str]:
        parts = self.line()
        if parts[0] != word:
            raise RuntimeError(f"sim_fork.py said {parts}, expected {word}")
        return parts

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=10)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def sigkill(pid: int) -> None:
    """SIGKILL a forked child and wait until it is gone (the kernel reaps it)."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 10
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.002)


class ServerProcess:
    """The real channel server on one database and port; killed and started again."""

    def __init__(self, forks: ForkServer, db_url: str, folder: Path) -> None:
        self.forks = forks
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "server.log"
        self.pid: int | None = None
        self.starts = 0

    @property
    def up(self) -> bool:
        return self.pid is not None

    def start(self) -> None:
        command = {"role": "server", "db_url": self.db_url, "port": self.port}
        self.pid = self.forks.fork({**command, "log": str(self.log)})
        self.starts += 1
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if _gone(self.pid):
                break
            time.sleep(0.01)
        raise RuntimeError(f"server did not start:\n{self.log.read_text(errors='replace')}")

    def kill(self) -> None:
        if self.pid is not None:
            sigkill(self.pid)
            self.pid = None


# -- templates: a prepared server database and a migrated station database ---------------
class World:
    """What every seed reuses: the fork server and the database templates."""

    def __init__(self, folder: Path, backend: str = "sqlite") -> None:
        self.folder = folder
        self.backend = backend
        folder.mkdir(parents=True, exist_ok=True)
        self.forks = ForkServer(folder / "forks.log")
        self.server_template = folder / "server-template.sqlite3"
        self.pg_template = f"labor_sim_{uuid.uuid4().hex[:10]}"
        if backend == "postgres":
            _pg(f'CREATE DATABASE "{self.pg_template}"')
        db = ServerDB(self._url(self.pg_template, self.server_template))
        prepare(db)
        db.dispose()
        station_dir = folder / "station-template"
        store = open_store(station_dir)
        with store.write() as session:
            session.execute(delete(Station))  # each copy gets its own node id
        store.close()
        self.station_template = paths.database_path(station_dir)
        directory = load_zoucheng()
        self.townships = {
            t.code: [v.code for v in directory.villages(t.code)] for t in directory.townships()
        }
        self.county = directory.county.code

    def _url(self, pg_name: str, sqlite_file: Path) -> str:
        if self.backend == "postgres":
            return f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_name}"
        return f"sqlite:///{sqlite_file}"

    def server_db(self, seed: int, folder: Path) -> str:
        """A fresh server database for a seed, copied from the prepared template."""
        name = f"{self.pg_template}_{seed}"
        if self.backend == "postgres":
            _pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            _pg(f'CREATE DATABASE "{name}" TEMPLATE "{self.pg_template}"')
        else:
            shutil.copyfile(self.server_template, folder / "channel.sqlite3")
        return self._url(name, folder / "channel.sqlite3")

    def drop_server_db(self, url: str) -> None:
        if self.backend == "postgres":
            _pg(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')

    def close(self) -> None:
        self.forks.close()
        if self.backend == "postgres":
            _pg(f'DROP DATABASE IF EXISTS "{self.pg_template}" WITH (FORCE)')


def _pg(statement: str) -> None:
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(statement.encode())


@contextmanager
def world(folder: Path, backend: str = "sqlite") -> Iterator[World]:
    made = World(folder, backend)
    try:
        yield made
    finally:
        made.close()


# -- HTTP faults ---------------------------------------------------------------------
@dataclass
class Held:
    method: str
    url: str
    kwargs: dict[str, Any]


class FaultySession(requests.Session):
    """The station's real session, with faults drawn from the seed's random stream."""

    def __init__(self, sim: Simulation, rng: random.Random) -> None:
        super().__init__()
        self.sim = sim
        self.rng = rng
        self.faulty = True

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        fault = self._draw(method, url)
        if fault is not None:
            self.sim.note(f"  fault {fault} on {method} {url.rsplit('/', 1)[-1]}")
        if fault == "drop_request":
            raise requests.ConnectionError("sim: request lost")
        if fault == "hold":
            self.sim.held.append(Held(method, url, dict(kwargs)))
            raise requests.ReadTimeout("sim: request held in the network")
        if fault == "crash_mid":
            return self.sim.heard(self._crash_midway(method, url, *args, **kwargs))
        response = self.sim.heard(super().request(method, url, *args, **kwargs))
        if fault == "duplicate":
            response = self.sim.heard(super().request(method, url, *args, **kwargs))
        if fault == "drop_response":
            raise requests.ConnectionError("sim: response lost")
        if fault == "crash":
            self.sim.server.kill()
            raise requests.ConnectionError("sim: server killed after answering")
        return response

    def _crash_midway(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        """SIGKILL the server at a random moment while it handles the request (the
        only fault whose timing is not decided by the seed)."""
        timer = threading.Timer(self.rng.uniform(0.0, 0.03), self.sim.server.kill)
        timer.start()
        try:
            return super().request(method, url, *args, **kwargs)
        finally:
            timer.join()

    def _draw(self, method: str, url: str) -> str | None:
        is_push = method == "POST" and url.endswith(PUSH)
        config = self.sim.config
        rate = config.push_fault_rate if is_push else config.fault_rate
        if not self.faulty or self.rng.random() >= rate:
            return None
        if not is_push:
            return self.rng.choice(("drop_request", "drop_response"))
        return self.rng.choices(PUSH_FAULTS, PUSH_FAULT_WEIGHTS)[0]


# -- one seed ------------------------------------------------------------------------
@dataclass
class SimStation:
    label: str
    org_code: str
    data_dir: Path
    node_id: str
    offset_ms: int
    session: FaultySession
    store: Store
    station_id: str = ""
    #: Local writes made (each must leave exactly one outbox entry).
    writes: int = 0
    #: The (worker, field) this station edited last.
    last_edit: tuple[str, str] | None = None

    @property
    def prefix(self) -> str:
        if self.org_code.endswith("000000"):
            return self.org_code[:6]
        if self.org_code.endswith("000"):
            return self.org_code[:9]
        return self.org_code


@dataclass
class Simulation:
    world: World
    seed: int
    config: SimConfig = field(default_factory=SimConfig)
    trace: list[str] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"sim/{self.seed}")
        self.folder = self.world.folder / f"seed-{self.seed}"
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.now_ms = time.time_ns() // 1_000_000
        self.counter = 0
        self.id_numbers: dict[str, str] = {}  # worker id -> ID number
        self.stations: list[SimStation] = []
        self.last_edit: tuple[str, str] | None = None
        #: Mutation id -> the stamp the server answered it stored (clamped), when applied;
        #: and the stamp a duplicate answer carried.
        self.clamped: dict[str, str] = {}
        self.dup_stamps: dict[str, str] = {}

    def note(self, text: str) -> None:
        self.trace.append(text)

    def heard(self, response: requests.Response) -> requests.Response:
        """Note the clamped stamps in a push answer (whether or not it reaches the station)."""
        if response.request.path_url.endswith(PUSH) and response.ok:
            self.note_stamps(response.json().get("results", []))
        return response

    def note_stamps(self, results: list[dict[str, Any]]) -> None:
        for result in results:
            if "stamp" not in result:
                continue
            found = self.clamped if result.get("status") == "applied" else self.dup_stamps
            found[result["mutation_id"]] = result["stamp"]

    # -- set-up ---------------------------------------------------------------------
    def setup(self) -> None:
        township = self.rng.choice(sorted(self.world.townships))
        villages = self.rng.sample(self.world.townships[township], 3)
        units = [("v1", villages[0]), ("v2", villages[1]), ("v3", villages[2])]
        units += [("town", township), ("county", self.world.county)]
        db_url = self.world.server_db(self.seed, self.folder)
        codes = self._codes(db_url, [org for _label, org in units])
        self.server = ServerProcess(self.world.forks, db_url, self.folder)
        self.server.start()
        skewed = {
            self.rng.randrange(len(units))
            for _n in range(self.config.skewed_stations)
            if self.rng.random() < self.config.skewed_clock
        }
        for index, (label, org) in enumerate(units):
            offset = 0
            if index in skewed:
                offset = self.rng.choice((-1, 1)) * self.rng.randint(1, 5) * YEAR_MS
            self.stations.append(self._station(label, org, offset, codes[index]))
        self.note(
            "stations: "
            + ", ".join(
                f"{s.label}={s.org_code} clock{s.offset_ms // YEAR_MS:+d}y" for s in self.stations
            )
        )

    def _codes(self, db_url: str, orgs: list[str]) -> list[str]:
        db = ServerDB(db_url)
        try:
            with db.write() as session:
                return [issue_code(session, org, "", utc_now())[1] for org in orgs]
        finally:
            db.dispose()

    def _station(self, label: str, org: str, offset_ms: int, code: str) -> SimStation:
        data = self.folder / label
        data.mkdir()
        target = paths.database_path(data)
        shutil.copyfile(self.world.station_template, target)
        # A node id fixed by the seed: ties between stamps break the same way every run.
        digest = hashlib.sha256(f"{self.seed}/{label}".encode()).hexdigest()
        node_id = str(uuid.UUID(digest[:32]))
        with sqlite3.connect(target) as conn:
            conn.execute(
                "INSERT INTO station (pk, node_id, name, operator_name, operator_phone, created_at)"
                " VALUES (1, ?, '', '', '', ?)",
                (node_id, datetime.now().isoformat(sep=" ")),
            )
        conn.close()
        session = FaultySession(self, random.Random(f"sim/{self.seed}/{label}"))
        st = SimStation(label, org, data, node_id, offset_ms, session, self._open(data, offset_ms))
        assert st.store.node_id == node_id
        st.station_id = enrol(st.store, self.server.url, code, policy=POLICY).station_id
        return st

    def _open(self, data: Path, offset_ms: int) -> Store:
        """Open the station database with the simulation's clock (plus the skew)."""
        store = open_store(data)
        store.clock = HybridClock(store.node_id, wall_ms=self._wall(offset_ms))
        store._resume_clock()
        return store

    def _wall(self, offset_ms: int) -> Callable[[], int]:
        return lambda: self.now_ms + offset_ms

    def close(self) -> None:
        for st in self.stations:
            st.store.close()
        self.server.kill()

    # -- the run --------------------------------------------------------------------
    def run(self) -> None:
        self.setup()
        ops: list[tuple[float, Callable[[], None]]] = [
            (3, self.op_register),
            (6, self.op_edit_worker),
            (1, self.op_archive),
            (1, self.op_publish_job),
            (1, self.op_edit_job),
            (1, self.op_follow_up),
            (0.5, self.op_same_person),
            (self.config.moves, self.op_move_worker),
            (5, self.op_sync),
            (1, self.op_killed_sync),
            (0.4, self.op_restart_server),
            (0.7, self.op_deliver_held),
        ]
        weights = [w for w, _op in ops]
        for step in range(self.config.ops):
            self.now_ms += self.rng.randint(1, 3000)
            if not self.server.up and self.rng.random() < 0.5:
                self.note(f"{step}: server started again")
                self.server.start()
            op = self.rng.choices([op for _w, op in ops], weights)[0]
            op()
        self.heal()

    def heal(self) -> None:
        self.note("heal: network healed, held requests delivered, every station syncs twice")
        if not self.server.up:
            self.server.start()
        while self.held:
            self.op_deliver_held()
        for _round in range(2):
            for st in self.stations:
                self.now_ms += 1000
                report = self.sync(st, faulty=False)
                if report.error is not None:
                    raise SimFailure(f"{st.label}: healed sync failed: {report.error.message_en}")

    def sync(self, st: SimStation, *, faulty: bool) -> SyncReport:
        config = load_config(st.store)
        assert config is not None
        st.session.faulty = faulty
        client = ChannelClient(config.server_url, st.session, config.credential, POLICY)
        engine = SyncEngine(
            client,
            StoreReplica(st.store),
            push_batch=self.config.push_batch,
            pull_page=self.config.pull_page,
        )
        report = engine.run()
        error = report.error.message_en if report.error else "ok"
        self.note(f"  {st.label} synced: pushed {report.pushed} pulled {report.pulled} {error}")
        return report

    # -- operations -----------------------------------------------------------------
    def _pick(self) -> SimStation:
        skewed = [st for st in self.stations if st.offset_ms]
        if skewed and self.rng.random() < 0.3:
            return skewed[0]  # the station with the wrong clock does more than its share
        return self.rng.choice(self.stations)

    def _writable(self, st: SimStation, cls: type[Any]) -> list[tuple[str, str, bool]]:
        with st.store.read() as session:
            rows = session.execute(select(cls.id, cls.org_code, cls.archived).order_by(cls.id))
            return [(i, o, a) for i, o, a in rows if o.startswith(st.prefix)]

    def _write(self, st: SimStation, what: str, action: Callable[[], object]) -> None:
        with st.store.read() as session:
            before = outbox_repo_total(session)
        try:
            action()
        except DuplicateWorker:
            self.note(f"  {st.label}: {what} refused locally (duplicate ID number)")
            return
        with st.store.read() as session:
            st.writes += outbox_repo_total(session) - before
        self.note(f"  {st.label}: {what}")

    def _village_for(self, st: SimStation) -> str:
        villages = [s.org_code for s in self.stations[:3]]
        return st.org_code if st.org_code in villages else self.rng.choice(villages)

    def op_register(self, id_number: str | None = None, st: SimStation | None = None) -> None:
        st = st or self._pick()
        self.counter += 1
        number = id_number or valid_id(
            birth=f"19{60 + self.seed % 40:02d}0101", seq=f"{self.counter % 1000:03d}"
        )
        values = worker_input(
            name=self.rng.choice(NAMES),
            id_number=number,
            org_code=self._village_for(st),
            phone=f"138{self.seed % 10000:04d}{self.counter % 10000:04d}",
        )

        def register() -> None:
            change = WorkerService(st.store).register(values)
            self.id_numbers[change.record_ids[0]] = number

        self._write(st, f"register {values['name']} {number}", register)

    def op_same_person(self) -> None:
        """A person already registered in one village registered again in another."""
        if not self.id_numbers:
            return
        worker_id, number = self.rng.choice(sorted(self.id_numbers.items()))
        for st in self.stations[:3]:
            if not any(w == worker_id for w, _o, _a in self._writable(st, Worker)):
                self.op_register(number, st)
                return

    def op_edit_worker(self) -> None:
        st = self._pick()
        workers = self._writable(st, Worker)
        if not workers:
            return
        worker_id = self.rng.choice(workers)[0]
        name = self.rng.choice(("phone", "notes", "notes", "employer"))
        mine = {w for w, _o, _a in workers}
        # Often the same field again: the last one edited anywhere (concurrent edits), or
        # this station's own last (two writes of one field in one push).
        again = st.last_edit if self.rng.random() < 0.5 else self.last_edit
        if again and again[0] in mine and self.rng.random() < 0.5:
            worker_id, name = again
        self.last_edit = st.last_edit = (worker_id, name)
        self.counter += 1
        # Unique values in random order: a later write must win by its stamp, never by
        # happening to sort after the earlier value (what an equal-stamp tie falls back on).
        mixed = self.rng.randrange(10000)
        value = {
            "phone": f"139{mixed:04d}{self.counter % 10000:04d}",
            "notes": f"备注 {mixed}-{self.counter}",
            "employer": f"邹城市第{mixed}-{self.counter}建筑公司",
        }[name]
        self._write(
            st,
            f"edit worker {worker_id[-6:]} {name}={value}",
            lambda: WorkerService(st.store).edit(worker_id, {name: value}),
        )

    def op_move_worker(self) -> None:
        """The township (or the county) corrects a worker's household village."""
        st = self.rng.choice(self.stations[3:])
        workers = self._writable(st, Worker)
        if not workers:
            return
        worker_id, org, _archived = self.rng.choice(workers)
        target = self.rng.choice([s.org_code for s in self.stations[:3] if s.org_code != org])
        self._write(
            st,
            f"move worker {worker_id[-6:]} {org} -> {target}",
            lambda: WorkerService(st.store).edit(worker_id, {"org_code": target}),
        )

    def op_archive(self) -> None:
        st = self._pick()
        workers = self._writable(st, Worker)
        if not workers:
            return
        worker_id, _org, archived = self.rng.choice(workers)
        service = WorkerService(st.store)
        action = service.restore if archived else service.archive
        self._write(st, f"{action.__name__} worker {worker_id[-6:]}", lambda: action(worker_id))

    def op_publish_job(self) -> None:
        st = self._pick()
        self.counter += 1
        title = f"岗位{self.counter}"
        self._write(st, f"publish job {title}", lambda: publish_job(st.store, st.org_code, title))

    def op_edit_job(self) -> None:
        st = self._pick()
        jobs = self._writable(st, JobPosting)
        if not jobs:
            return
        job_id = self.rng.choice(jobs)[0]
        self.counter += 1
        changes: dict[str, Any] = self.rng.choice(
            (
                {"headcount": self.counter * 7 % 101},
                {"notes": f"岗位备注{self.rng.randrange(100)}-{self.counter}"},
            )
        )
        self._write(
            st,
            f"edit job {job_id[-6:]} {changes}",
            lambda: write_fields(st.store, JobPosting, job_id, **changes),
        )

    def op_follow_up(self) -> None:
        st = self._pick()
        follow_ups = self._writable(st, FollowUp)
        self.counter += 1
        content = f"回访{self.rng.randrange(100)}-{self.counter}"
        if follow_ups and self.rng.random() < 0.5:
            record_id = self.rng.choice(follow_ups)[0]
            self._write(
                st,
                f"edit follow-up {record_id[-6:]} content={content}",
                lambda: write_fields(st.store, FollowUp, record_id, content=content),
            )
            return
        workers = self._writable(st, Worker)
        if not workers:
            return
        worker_id, org, _archived = self.rng.choice(workers)
        self._write(
            st,
            f"follow-up on worker {worker_id[-6:]}",
            lambda: add_follow_up(st.store, worker_id, org, content),
        )

    def op_sync(self) -> None:
        st = self._pick()
        self.note(f"sync {st.label}")
        self.sync(st, faulty=True)

    def op_killed_sync(self) -> None:
        """A sync round in a separate process, SIGKILLed at a pause hook."""
        st = self._pick()
        with st.store.read() as session:
            pending = pending_count(session)
        # Mid-push only when there is something to push (else the round never gets there).
        points = KILL_POINTS if pending else KILL_POINTS[2:]
        point = self.rng.choice(points)
        nth = 1 if self.rng.random() < 0.75 else 2
        if not self.server.up:
            self.server.start()
        st.store.close()
        command = {
            "role": "station",
            "data_dir": str(st.data_dir),
            "wall_ms": self.now_ms + st.offset_ms,
            "push_batch": self.config.push_batch,
            "pull_page": self.config.pull_page,
            "env": {"SIM_PAUSE": f"{point}:{nth}"},
            "log": str(self.folder / f"{st.label}-process.log"),
        }
        pid = self.world.forks.fork(command)
        while True:
            parts = self.world.forks.line()
            if parts[0] == "PAUSED" and int(parts[1]) == pid:
                sigkill(pid)
                outcome = f"SIGKILLed at {point}#{nth}"
                break
            if parts[0] == "STAMPS":
                self.note_stamps(json.loads(" ".join(parts[2:])))
                continue
            if parts[0] in ("DONE", "FAILED") and int(parts[1]) == pid:
                outcome = f"finished ({parts[0]} {parts[2:]}) before {point}#{nth}"
                break
        if parts[0] == "FAILED":
            raise SimFailure(f"station process of {st.label} failed; see {command['log']}")
        # The app starts again on the same folder.
        st.store = self._open(st.data_dir, st.offset_ms)
        self.note(f"process sync {st.label}: {outcome}")

    def op_restart_server(self) -> None:
        self.note("server SIGKILLed and started again")
        self.server.kill()
        self.server.start()

    def op_deliver_held(self) -> None:
        if not self.held:
            return
        held = self.held.pop(self.rng.randrange(len(self.held)))
        try:
            answer = self.heard(requests.request(held.method, held.url, **held.kwargs))
            self.note(f"held push delivered late: {answer.status_code}")
        except requests.RequestException:
            self.note("held push lost (server down)")

    # -- the invariants -------------------------------------------------------------
    def check(self) -> list[str]:
        """Everything that must hold after the healed rounds; one message per breach."""
        problems: list[str] = []
        server = read_server(self.server.db_url)
        outbox: dict[str, tuple[SimStation, OutboxEntry]] = {}
        for st in self.stations:
            problems += self._check_station(st, server, outbox)
        applied = server.applied
        if len(applied) != len({a.mutation_id for a in applied}):
            problems.append("server: a mutation id applied twice")
        by_id = {a.mutation_id: a for a in applied}
        for mutation_id, (st, _entry) in outbox.items():
            found = by_id.get(mutation_id)
            if found is None:
                problems.append(
                    f"{st.label}: acknowledged mutation {mutation_id} not on the server"
                )
            elif found.station_id != st.station_id:
                problems.append(f"server: mutation {mutation_id} credited to another station")
        extra = set(by_id) - set(outbox)
        if extra:
            problems.append(f"server: {len(extra)} applied mutations no station wrote")
        problems += self._check_writes(server, outbox)
        problems += _check_causality(server, outbox, self.clamped)
        # Each write keeps a stamp of its own (an equal stamp settles by value, not time).
        stored: dict[str, int] = {}
        for mutation_id, (_st, entry) in outbox.items():
            stamp = self.clamped.get(mutation_id, entry.hlc)
            stored[stamp] = stored.get(stamp, 0) + 1
        problems += [
            f"server: {n} writes stored with stamp {s}" for s, n in stored.items() if n > 1
        ]
        problems += _check_server_log(server)
        return problems

    def _check_station(
        self,
        st: SimStation,
        server: ServerState,
        outbox: dict[str, tuple[SimStation, OutboxEntry]],
    ) -> list[str]:
        problems: list[str] = []
        with st.store.read() as session:
            entries = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
            parked = session.scalar(select(func.count()).select_from(SyncParked))
            local = _local_records(session)
            shown = set(session.scalars(select(SyncConflict.id)))
        open_here = {
            c.id for c in server.conflicts if not c.resolved and c.org_code.startswith(st.prefix)
        }
        if shown != open_here:
            problems.append(f"{st.label}: shows conflicts {shown}, server has open {open_here}")
        if is_copied(st.store):
            problems.append(f"{st.label}: taken for a copied data folder")
        not_acked = [(e.state, e.record_type, e.error) for e in entries if e.state != "acked"]
        if not_acked:
            problems.append(f"{st.label}: outbox entries not acknowledged: {not_acked}")
        if len(entries) != st.writes:
            problems.append(f"{st.label}: {len(entries)} outbox entries for {st.writes} writes")
        for entry in entries:
            outbox[entry.mutation_id] = (st, entry)
        if parked:
            problems.append(f"{st.label}: {parked} records still parked")
        expected = {
            key: rec
            for key, rec in server.records.items()
            if visible_to(st.org_code, key[0], rec.org_code)
        }
        if set(local) != set(expected):
            missing = sorted(set(expected) - set(local))
            unexpected = sorted(set(local) - set(expected))
            problems.append(f"{st.label}: records missing {missing}, not expected {unexpected}")
        for key in sorted(set(local) & set(expected)):
            values, versions = local[key]
            rec = expected[key]
            differ = [
                f"{name} {values.get(name)!r}@{stamp_of(versions, name)}"
                f" (server {rec.values.get(name)!r}@{stamp_of(rec.versions, name)})"
                for name in sorted(set(values) | set(rec.values))
                if (values.get(name), stamp_of(versions, name))
                != (rec.values.get(name), stamp_of(rec.versions, name))
            ]
            if differ:
                more = f" and {len(differ) - 2} more fields" if len(differ) > 2 else ""
                problems.append(
                    f"{st.label}: {key[0]} {key[1]} differs: {'; '.join(differ[:2])}{more}"
                )
        return problems

    def _check_writes(
        self, server: ServerState, outbox: dict[str, tuple[SimStation, OutboxEntry]]
    ) -> list[str]:
        """Every acknowledged write is current, or was overwritten by someone who had seen
        it, or is in the conflict log as the loser."""
        problems: list[str] = []
        seen_bases: dict[tuple[str, str], set[str]] = {}
        for _st, entry in outbox.values():
            for name, base in (entry.base or {}).items():
                seen_bases.setdefault((entry.record_id, name), set()).add(base)
        losers = {
            (c.record_id, c.field, c.loser_value) for c in server.conflicts if c.kind == FIELD
        }
        for st, entry in outbox.values():
            rec = server.records.get((entry.record_type, entry.record_id))
            if rec is None:
                problems.append(f"{st.label}: {entry.record_type} {entry.record_id} not on server")
                continue
            for name, value in entry.fields.items():
                current = stamp_of(rec.versions, name)
                if rec.values.get(name) == value:
                    continue  # still the value (two stations may archive one record)
                stamps = {
                    entry.hlc,
                    self.clamped.get(entry.mutation_id, entry.hlc),
                    self.dup_stamps.get(entry.mutation_id, entry.hlc),
                }
                if stamps & seen_bases.get((entry.record_id, name), set()):
                    continue  # overwritten by an edit made after seeing it
                if (entry.record_id, name, dumps(value)) in losers:
                    continue  # lost to a concurrent write, and logged
                problems.append(
                    f"{st.label}: write {entry.op} {entry.record_type} {entry.record_id}"
                    f" {name}={value!r}@{entry.hlc} lost: server has"
                    f" {rec.values.get(name)!r}@{current}, not in the conflict log"
                )
        return problems

    def reproduce(self) -> str:
        script = f".venv/bin/python benchmarks/sync_simulation.py --seeds 1 --start {self.seed}"
        if self.config.ops != SimConfig.ops:
            script += f" --ops {self.config.ops}"
        if self.config.moves:
            script += f" --moves {self.config.moves}"
        if self.config.skewed_stations != SimConfig.skewed_stations:
            script += f" --skewed {self.config.skewed_stations}"
        if self.world.backend == "postgres":
            script += " --postgres"
        test = f"tests/reliability/test_sync_simulation.py::test_seed[{self.seed}]"
        return f"{script} --trace  (or: .venv/bin/pytest '{test}')"


def outbox_repo_total(session: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def _local_records(session: Any) -> dict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]]:
    out: dict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]] = {}
    for kind, cls in KINDS.items():
        columns = [cls.id, cls.versions, *(getattr(cls, n) for n in cls.sync_fields)]
        for row in session.execute(select(*columns)):
            values = {n: to_wire(v) for n, v in zip(cls.sync_fields, row[2:], strict=True)}
            out[(kind, row[0])] = (values, dict(row[1] or {}))
    return out


@dataclass
class ServerRecord:
    org_code: str
    values: dict[str, Any]
    versions: dict[str, str]


@dataclass
class ServerState:
    records: dict[tuple[str, str], ServerRecord]
    applied: list[AppliedMutation]
    conflicts: list[Conflict]
    seq_counter: int
    max_seq: int


def read_server(db_url: str) -> ServerState:
    db = ServerDB(db_url)
    try:
        with db.read() as session:
            records = {
                (r.record_type, r.id): ServerRecord(r.org_code, loads(r.fields), loads(r.versions))
                for r in session.scalars(select(Record))
            }
            return ServerState(
                records,
                list(session.scalars(select(AppliedMutation))),
                list(session.scalars(select(Conflict))),
                int(session.scalar(select(Counter.value).where(Counter.name == SEQ)) or 0),
                int(session.scalar(select(func.max(Record.seq))) or 0),
            )
    finally:
        db.dispose()


def _check_causality(
    server: ServerState,
    outbox: dict[str, tuple[SimStation, OutboxEntry]],
    clamped: dict[str, str],
) -> list[str]:
    """An edit made after seeing a value (its ``base`` is that value's stamp) must not
    lose to that value."""
    by_stamp = {(e.record_id, e.hlc): (st, e) for st, e in outbox.values()}
    for st, e in outbox.values():
        if e.mutation_id in clamped:
            by_stamp[(e.record_id, clamped[e.mutation_id])] = (st, e)
    problems: list[str] = []
    for c in server.conflicts:
        found = by_stamp.get((c.record_id, c.loser_stamp or ""))
        if c.kind != FIELD or found is None or not c.field:
            continue
        st, entry = found
        if (entry.base or {}).get(c.field) == c.winner_stamp:
            problems.append(
                f"{st.label}: edit of {c.record_type} {c.record_id} {c.field} made after"
                f" seeing {c.winner_value} (@{c.winner_stamp}) lost to it (@{entry.hlc})"
            )
    return problems


def _check_server_log(server: ServerState) -> list[str]:
    problems: list[str] = []
    if server.seq_counter != server.max_seq:
        problems.append(
            f"server: seq counter {server.seq_counter} != newest change {server.max_seq}"
        )
    keys = [
        (c.kind, c.record_id, c.other_record_id, c.field, c.winner_stamp, c.loser_stamp)
        for c in server.conflicts
    ]
    if len(keys) != len(set(keys)):
        problems.append("server: the same conflict logged twice")
    return problems


@dataclass(frozen=True)
class SeedResult:
    seed: int
    problems: list[str]
    trace: list[str]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems


def run_seed(w: World, seed: int, config: SimConfig | None = None) -> SeedResult:
    started = time.perf_counter()
    sim = Simulation(w, seed, config or SimConfig())
    try:
        sim.run()
        problems = sim.check()
    except SimFailure as exc:
        problems = [str(exc)]
    finally:
        if hasattr(sim, "server"):
            sim.close()
    if not problems:
        shutil.rmtree(sim.folder, ignore_errors=True)
        if hasattr(sim, "server"):
            w.drop_server_db(sim.server.db_url)
    else:
        problems.append(f"reproduce: {sim.reproduce()}; files in {sim.folder}")
    return SeedResult(seed, problems, sim.trace, time.perf_counter() - started)
