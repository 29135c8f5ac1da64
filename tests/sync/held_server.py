"""The real channel server, in several processes, with a push that can be held open.

Run as ``python -m tests.sync.held_server serve --workers N ...`` (``run_server(
module=...)``); every process it starts applies the same switches (environment):

``LS_TEST_HOLD_DIR``: a push carrying a worker named ``HOLD_NAME`` stops just before
    its commit, after taking its change sequence numbers: it creates ``held`` in this
    folder and waits (up to a minute) until the test creates ``release`` there.
``LS_TEST_UNLOCKED_SEQ``: the fault the real server must not have: numbers come from
    a PostgreSQL sequence (``test_unlocked_seq``, created by the test) without the
    counter row's lock, so a later number can commit before an earlier one.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.orm import Session

from sync.server import app, cli, push

HOLD_DIR = "LS_TEST_HOLD_DIR"
UNLOCKED_SEQ = "LS_TEST_UNLOCKED_SEQ"
HOLD_NAME = "甲乙丙"


class UnlockedSeq:
    """Numbers without the lock: the classic change-sequence gap."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def next(self) -> int:
        return int(self.session.scalar(text("SELECT nextval('test_unlocked_seq')")) or 0)

    def advance(self, count: int) -> int:
        raise NotImplementedError

    def close(self) -> None:
        pass


def _patch() -> None:
    hold = os.environ.get(HOLD_DIR)
    if os.environ.get(UNLOCKED_SEQ) == "1":
        push.SeqAllocator = UnlockedSeq  # type: ignore[misc, assignment]
    if hold:
        original = push.PushApplier.finish

        def finish(self: push.PushApplier) -> Any:
            result = original(self)
            names = {state.values.get("name") for state in self._states.values()}
            if HOLD_NAME in names:
                folder = Path(hold)
                (folder / "held").touch()
                deadline = time.monotonic() + 60
                while not (folder / "release").exists() and time.monotonic() < deadline:
                    time.sleep(0.02)
            return result

        push.PushApplier.finish = finish  # type: ignore[method-assign]


def app_from_environment() -> FastAPI:
    """What each server process builds: the patched app."""
    _patch()
    return app.app_from_environment()


if __name__ == "__main__":
    cli.APP_FACTORY = "tests.sync.held_server:app_from_environment"
    _patch()
    sys.exit(cli.main())
