"""Logging: a rotating file in the log directory, a logger per module (``__name__``)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_FILE = "labor-station.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StationLog(logging.handlers.RotatingFileHandler):
    """The handler ``setup_logging`` installs: one per process at a time."""


def setup_logging(folder: Path, *, verbose: bool = False) -> Path:
    """Send records to ``folder/labor-station.log`` (1 MB x 5). Idempotent.

    A process logs to one station's folder at a time: set up for another folder (the
    command line run in-process once per data folder), the earlier file is closed
    rather than kept open, so no record of one station lands in another's log and no
    handler is left writing into a folder that may be gone."""
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if not isinstance(handler, _StationLog):
            continue
        if handler.baseFilename == os.path.abspath(path):
            return path
        root.removeHandler(handler)
        handler.close()
    handler = _StationLog(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
