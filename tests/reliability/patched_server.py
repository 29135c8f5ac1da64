"""The real channel server with one fault switched on by an environment variable, for
tests that need the server to misbehave in a precise way. Run as
``python -m tests.reliability.patched_server serve ...`` (``run_server(module=...)``).

``LS_TEST_FAIL_NAME``: pushing a mutation whose ``name`` field equals this raises
    inside the push transaction, as a server bug triggered by that data would (the
    whole request answers 500); ``*``: every mutation that carries a name.
``LS_TEST_SERVER_SCHEMA``: the newest record schema version the server accepts (a
    server one version ahead of the stations).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from sync.server import app, deps, push
from sync.server.cli import main

FAIL_NAME = "LS_TEST_FAIL_NAME"
SERVER_SCHEMA = "LS_TEST_SERVER_SCHEMA"


def _patch() -> None:
    marker = os.environ.get(FAIL_NAME)
    if marker:
        original = push.PushApplier.apply

        def apply(self: push.PushApplier, m: Any) -> Any:
            if m.fields.get("name") == marker or (marker == "*" and "name" in m.fields):
                raise RuntimeError(f"injected server fault on mutation {m.mutation_id}")
            return original(self, m)

        push.PushApplier.apply = apply  # type: ignore[method-assign]
    schema = os.environ.get(SERVER_SCHEMA)
    if schema:
        accepted = (1, int(schema))
        deps.SCHEMA_RANGE = accepted  # type: ignore[misc]
        app.SCHEMA_RANGE = accepted  # type: ignore[misc]


if __name__ == "__main__":
    _patch()
    sys.exit(main())
