"""Logging: a rotating file in the log directory, a logger per module (``__name__``)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "labor-station.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path, *, verbose: bool = False) -> Path:
    """Send records to ``folder/labor-station.log`` (1 MB x 5). Idempotent."""
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
