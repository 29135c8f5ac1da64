"""The sync package and the server stay free of Qt and of the desktop's upper layers."""

from __future__ import annotations

import subprocess
import sys

from tests.sync.server_process import ROOT

PROBE = """
import sys
import sync.client.engine, sync.client.api, sync.server.app, sync.server.cli, sync.cardkeys
bad = [m for m in sys.modules
       if m.startswith(("PySide6", "broker_app.ui", "broker_app.services", "broker_app.store"))]
print(",".join(bad))
"""


def test_sync_imports_no_qt_and_no_upper_layers() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
