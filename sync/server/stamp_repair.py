"""Repairing stamps stored before the stamp grammar was enforced (migration 0002).

Before, the server took any text ``int(x, 16)`` accepts ("0x...", "_", "+", spaces,
full-width digits), and merge compared stamps as text: such a stamp beat every later
write and froze the field on every replica. A malformed stamp is replaced by one of
the server's own at the moment the record was last stored, and the record gets a new
change sequence so that every station pulls the repaired stamps.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sync.hlc import Stamp, is_stamp
from sync.server.identity import SERVER_NODE


def repaired_versions(versions: dict[str, object], stored_at: datetime) -> dict[str, str] | None:
    """``versions`` with every malformed stamp replaced, or None when all are sound."""
    if all(isinstance(s, str) and is_stamp(s) for s in versions.values()):
        return None
    millis = int(stored_at.replace(tzinfo=UTC).timestamp() * 1000)
    fix = Stamp(max(millis, 0), 0, SERVER_NODE).encode()
    return {
        str(name): stamp if isinstance(stamp, str) and is_stamp(stamp) else fix
        for name, stamp in versions.items()
    }
