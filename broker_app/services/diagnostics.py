"""Reading the log and exporting a diagnostics zip for support.

The zip holds the log files, versions, the station's org code and record counts, and
no personal data: ID numbers and mobile numbers are masked in the exported logs even
though the code does not log them on purpose (an error message may quote a cell).
"""

from __future__ import annotations

import json
import logging
import os
import platform
import re
import sqlite3
import sys
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from broker_app import paths
from broker_app.atomic_write import atomic_path
from broker_app.logs import LOG_FILE
from broker_app.services.settings.station import StationService
from broker_app.store.repositories.records import table_counts
from broker_app.store.store import Store

log = logging.getLogger(__name__)

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
TAIL_BYTES = 256_000
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{11}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{8}(?!\d)")
_RECORD_START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (\w+) ")


def scrub(text: str) -> str:
    """Mask ID numbers (keeping the area code) and mobile numbers (keeping the prefix)."""
    text = _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 12, text)
    return _MOBILE.sub(lambda m: m.group(1) + "*" * 8, text)


def log_file(data: Path) -> Path:
    return paths.log_dir(data) / LOG_FILE


def read_log_tail(path: Path, min_level: str = "DEBUG", max_bytes: int = TAIL_BYTES) -> str:
    """The end of the log file, records below ``min_level`` left out (a traceback
    stays with its record)."""
    if not path.is_file():
        return ""
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - max_bytes))
        raw = handle.read()
    lines = raw.decode("utf-8", errors="replace").splitlines()
    if size > max_bytes and lines:
        lines = lines[1:]  # the first line is cut
    floor = LEVELS.index(min_level) if min_level in LEVELS else 0
    shown: list[str] = []
    keep = True
    for line in lines:
        match = _RECORD_START.match(line)
        if match is not None:
            level = match.group(1)
            keep = level not in LEVELS or LEVELS.index(level) >= floor
        if keep:
            shown.append(line)
    return "\n".join(shown)


def record_counts(store: Store) -> dict[str, int]:
    """Rows per table: how much data the station holds, without any of it."""
    with store.read() as session:
        return table_counts(session)


def export_diagnostics(
    store: Store, data: Path, out: Path, extra_versions: Mapping[str, str] | None = None
) -> Path:
    """Write the diagnostics zip to ``out`` (temp name, then rename); returns ``out``."""
    info = StationService(store).info()
    summary = {
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "versions": {
            "app": _app_version(),
            "python": sys.version.split()[0],
            "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(),
            **dict(extra_versions or {}),
        },
        "org_code": info.org_code,
        "record_counts": record_counts(store),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        atomic_path(out) as tmp,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("summary.json", json.dumps(summary, ensure_ascii=False, indent=2))
        for path in sorted(paths.log_dir(data).glob(LOG_FILE + "*")):
            text = path.read_text(encoding="utf-8", errors="replace")
            archive.writestr(f"logs/{path.name}", scrub(text))
    log.info("diagnostics exported to %s", out)
    return out


def _app_version() -> str:
    from broker_app.version import VERSION

    return VERSION
