"""A reader that stops early (``list workers | head``) ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from broker_app.cli.main import BROKEN_PIPE_EXIT
from broker_app.services.roster.workers import WorkerService
from broker_app.store.store import Store
from tests.conftest import valid_id, worker_input


def test_list_into_a_closed_pipe_exits_quietly(store: Store, data_dir: Path) -> None:
    service = WorkerService(store)
    for n in range(150):
        number = valid_id(birth=f"19{70 + n % 25}0{1 + n % 9}1{n % 10}", seq=f"{100 + n:03d}")
        service.register(worker_input(id_number=number))
    store.close()
    # --json: about 1 KB a worker, far more than a pipe buffers, so the writer
    # is still writing when the reader goes away.
    command = [sys.executable, "-m", "broker_app", "--data-dir", str(data_dir)]
    proc = subprocess.Popen(
        [*command, "list", "workers", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what ``head -1`` does after its line
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert first.strip()
    assert err == ""  # no "出错了：[Errno 32] Broken pipe", no traceback
    assert code == BROKEN_PIPE_EXIT
