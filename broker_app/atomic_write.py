"""Writing a file so that its name only ever holds a whole file: write a scratch file
beside it, flush it to the disk, rename it over the target (village PCs lose power).

One helper for every writer (exports, PDFs, backups, diagnostics, window.ini, the
secrets file): the scratch name is ``.<name>.<random>.part`` in the target's folder
(a rename within one folder is atomic), a failure removes it, and the scratch files a
killed process left for the same target are swept at the next write. Standard library
only, so the store, the services and the window all use it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

SCRATCH_SUFFIX = ".part"
#: Scratch files older than this are a killed writer's; younger ones may be a
#: running export's, which is left alone.
STALE_AFTER_SECONDS = 3600.0
# Keeps the scratch name within file-name limits whatever the target's length.
_NAME_CHARS = 80


def scratch_path(target: Path) -> Path:
    """A fresh scratch name beside ``target`` (not created)."""
    return target.with_name(f".{target.name[:_NAME_CHARS]}.{secrets.token_hex(4)}{SCRATCH_SUFFIX}")


def commit(scratch: Path, target: Path, *, mode: int | None = None) -> None:
    """Flush ``scratch`` to the disk and rename it over ``target``."""
    with open(scratch, "rb+") as handle:
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(scratch, mode)
    os.replace(scratch, target)
    _sync_folder(target.parent)


@contextlib.contextmanager
def atomic_path(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """Yield a scratch path for the caller to write; when the block ends normally it is
    committed as ``target``, otherwise deleted. ``mode``: the final permissions."""
    sweep_scratch(target)
    scratch = scratch_path(target)
    try:
        yield scratch
        commit(scratch, target, mode=mode)
    except BaseException:
        remove_scratch(scratch)
        raise


def write_text(target: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``target`` with ``text`` (line endings written as given)."""
    with atomic_path(target) as scratch:
        scratch.write_text(text, encoding=encoding, newline="")


def remove_scratch(scratch: Path) -> None:
    """Delete a scratch file and what SQLite may have left beside it; never raises."""
    for path in (scratch, Path(f"{scratch}-journal")):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def sweep_scratch(target: Path, *, now: float | None = None) -> list[Path]:
    """Delete the stale scratch files of ``target`` (see ``STALE_AFTER_SECONDS``);
    returns what was deleted. A folder that cannot be listed is left alone."""
    now = time.time() if now is None else now
    prefix = f".{target.name[:_NAME_CHARS]}."
    swept = []
    try:
        candidates = [p for p in target.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return []
    for path in candidates:
        if not (path.name.endswith(SCRATCH_SUFFIX) or path.name.endswith("-journal")):
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > STALE_AFTER_SECONDS:
                path.unlink()
                swept.append(path)
    return swept


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
