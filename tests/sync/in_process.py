"""The channel server in this process, for the sync logic tests (scope, merge,
conflicts): the real FastAPI app on a real database (SQLite or a throw-away
PostgreSQL), reached through Starlette's TestClient behind the station's own
``requests`` session, so every request still goes through ``sync.client.http.send``
and ``ChannelClient`` (retries, gzip bodies, headers, status handling) and every
answer through the server's middleware, routes and error handlers.

What it leaves out is the socket and the server process: uvicorn, TLS, a process that
dies or is killed, several processes on one database. The tests of those run the
real server as a process on 127.0.0.1 (``server_process.run_server``), as every
end-to-end test does.

Starting a server process costs about two seconds of interpreter start and imports
per fixture; the app in-process is built in a few milliseconds once the modules are
imported, and a request skips the loopback socket.
"""

from __future__ import annotations

import io
import logging
import subprocess
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from requests.adapters import BaseAdapter, HTTPAdapter
from starlette.testclient import TestClient
from urllib3 import HTTPHeaderDict, HTTPResponse

from sync.client.http import make_session
from sync.server.app import ServerSettings, create_app
from sync.server.cli import main as server_command
from sync.server.db import ServerDB
from sync.server.migrate import prepare

#: The address stations are enrolled with. Port 9 (discard) is closed on a test
#: machine, so a request that did not go through the station's session (a test that
#: forgot the seam) fails at once instead of reaching something else.
IN_PROCESS_URL = "http://127.0.0.1:9"
#: The server's log lines, as ``serve`` writes them.
_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class AppAdapter(BaseAdapter):
    """A ``requests`` transport that hands each request to the app through Starlette's
    TestClient and turns the answer back into a ``requests.Response`` the way the
    socket transport does: the body as sent (gzip included, decoded by requests),
    the status, the reason and the headers."""

    def __init__(self, client: TestClient) -> None:
        super().__init__()
        self.client = client
        self._builder = HTTPAdapter()

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        body = request.body
        if isinstance(body, str):
            body = body.encode("utf-8")
        if body is not None and not isinstance(body, bytes):
            raise TypeError(f"the in-process server takes whole bodies, not {type(body)}")
        headers = {name: str(value) for name, value in request.headers.items()}
        with self.client.stream(
            request.method or "GET", request.url or "", headers=headers, content=body
        ) as answer:
            raw = b"".join(answer.iter_raw())
            pairs = HTTPHeaderDict()
            for name, value in answer.headers.multi_items():
                pairs.add(name, value)
            status, reason = answer.status_code, answer.reason_phrase
        wire = HTTPResponse(
            body=io.BytesIO(raw),
            headers=pairs,
            status=status,
            reason=reason,
            preload_content=False,
            decode_content=True,
        )
        return self._builder.build_response(request, wire)

    def close(self) -> None:
        self._builder.close()


@dataclass(frozen=True)
class InProcessServer:
    """The app of one database, with the face of ``RunningServer`` (``url``,
    ``db_url``, ``log_text()``) and a session that reaches it."""

    url: str
    db_url: str
    log_path: Path
    client: TestClient

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def session(self, ca_file: str | None = None) -> requests.Session:
        """The station's session (``make_session``), its transport the app."""
        return self.mount(make_session(ca_file))

    def mount(self, session: requests.Session) -> requests.Session:
        """``session`` (a test's own subclass, say) with the app as its transport."""
        adapter = AppAdapter(self.client)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        return session

    def get(
        self, path: str, params: Mapping[str, Any] | None = None, headers: Any = None
    ) -> requests.Response:
        """A bare GET, as a test would send one with ``requests.get``."""
        with self.session() as session:
            return session.get(self.url + path, params=params, headers=headers, timeout=10)


@contextmanager
def serve_in_process(
    db_url: str, folder: Path, settings: ServerSettings | None = None
) -> Iterator[InProcessServer]:
    """The app on ``db_url``, prepared as ``serve`` prepares it (migrations, the
    divisions), its log lines in ``folder``; closed afterwards. ``settings``: as
    ``serve``'s options set them (``api_docs`` for ``--api-docs``)."""
    log_path = folder / "server-in-process.log"
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    server_log = logging.getLogger("sync.server")
    level = server_log.level
    server_log.addHandler(handler)
    server_log.setLevel(logging.INFO)
    db = ServerDB(db_url)
    try:
        prepare(db)
        # As a real server answers: an error in a route is a 500 to the station (and a
        # line in the log), not an exception in the test.
        app = create_app(db, settings)
        with TestClient(app, base_url=IN_PROCESS_URL, raise_server_exceptions=False) as client:
            yield InProcessServer(IN_PROCESS_URL, db_url, log_path, client)
    finally:
        db.dispose()
        server_log.removeHandler(handler)
        server_log.setLevel(level)
        handler.close()


def admin_in_process(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """An admin command of the server (``python -m sync.server ARGS --db URL``) run
    through the same entry point in this process: its exit code and what it printed,
    as ``server_process.admin`` gives them, without a second interpreter's start (about
    a second each). The tests of the command as a process use ``admin``."""
    argv = [*args, "--db", db_url]
    out, err = io.StringIO(), io.StringIO()
    # The command sets up logging as a process would: the worker's stays as it was.
    root, alembic = logging.getLogger(), logging.getLogger("alembic")
    handlers, level, alembic_level = root.handlers[:], root.level, alembic.level
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = server_command(argv)
            except SystemExit as exc:  # argparse refusing the arguments
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except Exception:  # what the interpreter does with an uncaught error
                traceback.print_exc()
                code = 1
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        alembic.setLevel(alembic_level)
    return subprocess.CompletedProcess(["sync.server", *argv], code, out.getvalue(), err.getvalue())
