"""One value of the window's ini file (``window.ini`` beside the data), read and written
without Qt.

The window keeps its view state there through ``QSettings`` (IniFormat). Two settings
live there too because they must be readable before the database opens (the interface
language) or are a preference of this install (the sync interval); the settings module
reads and writes them here so the command line and the services need no Qt.

Only the one ``key = value`` line is touched: the rest of the file (geometry, column
layouts, written by Qt in its own escaping) stays byte for byte, so Qt reads its own
values back unchanged. Values must be plain text that needs no ini escaping (codes,
numbers), which is all the settings store here.
"""

from __future__ import annotations

import re
from pathlib import Path

from broker_app import atomic_write

#: The file name, shared with ``AppContext.ui_settings()``.
UI_SETTINGS_FILE = "window.ini"
# Qt puts keys that have no group under [General].
_NO_GROUP = "General"
_SECTION = re.compile(r"^\s*\[(.*)\]\s*$")
_PLAIN = re.compile(r"^[\w.@:+-]*$")


def read_value(path: Path, key: str) -> str | None:
    """The text stored for ``key`` ("group/name"), or None if absent or unreadable."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    group, name = _split(key)
    section = _NO_GROUP
    for line in lines:
        header = _SECTION.match(line)
        if header:
            section = header.group(1)
            continue
        found, sep, value = line.partition("=")
        if section == group and sep and found.strip() == name:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            return value
    return None


def write_value(path: Path, key: str, value: str) -> None:
    """Store ``value`` for ``key``, keeping every other line of the file as it is."""
    if not _PLAIN.match(value):
        raise ValueError(f"{value!r} needs ini escaping; only plain codes and numbers are kept")
    group, name = _split(key)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    entry = f"{name}={value}"
    section, last_in_group = _NO_GROUP, None
    for index, line in enumerate(lines):
        header = _SECTION.match(line)
        if header:
            section = header.group(1)
            if section == group:
                last_in_group = index
            continue
        if section != group:
            continue
        if line.strip():
            last_in_group = index
        if line.partition("=")[0].strip() == name and "=" in line:
            lines[index] = entry
            break
    else:
        if last_in_group is None:
            if lines and lines[-1].strip():
                lines.append("")
            lines += [f"[{group}]", entry]
        else:
            lines.insert(last_in_group + 1, entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write.write_text(path, newline.join(lines) + newline)


def _split(key: str) -> tuple[str, str]:
    group, _, name = key.rpartition("/")
    return group or _NO_GROUP, name
