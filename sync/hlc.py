"""Hybrid logical clock stamps for per-field last-writer-wins merge.

A stamp is a fixed-width string ``PPPPPPPPPPPP CCCC @ NODE`` written without spaces:
12 hex digits of wall-clock milliseconds, 4 hex digits of logical counter, then ``@``
and the writing station's node id. Stamps are compared parsed, by (time, counter,
node), which is the merge rule of the design: last writer wins by (HLC, station id).
Text that breaks the grammar is refused by the server and orders below every stamp.
Strings survive JSON and SQL without care.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_COUNTER_MAX = 0xFFFF
# A remote stamp further ahead of our wall clock than this is treated as a wrong
# PC clock: it is clamped (and the caller can flag it) rather than dragging every
# later local stamp into the future.
MAX_DRIFT_MS = 24 * 3600 * 1000

#: A station's node id: lowercase letters, digits and ``-`` (a UUID, as stations make).
NODE_PATTERN = "[0-9a-z][0-9a-z-]{0,63}"
_NODE = re.compile(NODE_PATTERN)
# ASCII only and exact: ``int(x, 16)`` alone also takes "0x", "_", "+", spaces and
# full-width or other Unicode digits, and such a stamp compares as text above every
# real one. ``re.ASCII`` keeps ``[0-9a-f]`` to those 16 characters.
_STAMP = re.compile(f"([0-9a-f]{{12}})([0-9a-f]{{4}})@({NODE_PATTERN})", re.ASCII)


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.millis:012x}{self.counter:04x}@{self.node}"

    @staticmethod
    def decode(text: str) -> Stamp:
        """The stamp written as ``text``; ValueError unless it is exactly the grammar."""
        found = _STAMP.fullmatch(text) if isinstance(text, str) else None
        if found is None:
            raise ValueError(f"not an HLC stamp: {str(text)[:80]!r}")
        return Stamp(int(found[1], 16), int(found[2], 16), found[3])


def is_node_id(text: object) -> bool:
    return isinstance(text, str) and _NODE.fullmatch(text) is not None


def is_stamp(text: object) -> bool:
    return isinstance(text, str) and _STAMP.fullmatch(text) is not None


#: Order of a stamp that breaks the grammar (one stored before it was enforced): below
#: every real stamp, so any real write replaces it.
_MALFORMED = Stamp(-1, -1, "")


@lru_cache(maxsize=65_536)
def stamp_order(text: str) -> Stamp:
    """The value stamps are compared by: parsed, never the text."""
    try:
        return Stamp.decode(text)
    except ValueError:
        return _MALFORMED


class HybridClock:
    """Issues increasing stamps for one node; thread-safe."""

    def __init__(self, node: str, wall_ms: Callable[[], int] | None = None) -> None:
        self.node = node
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._millis = 0
        self._counter = 0
        #: The latest time the channel server vouched for (see ``observe_trusted``).
        self._vouched = 0
        self._lock = threading.Lock()

    def now(self) -> str:
        """A stamp later than every stamp this clock has issued or observed."""
        with self._lock:
            wall = self._wall_ms()
            if wall > self._millis:
                self._millis, self._counter = wall, 0
            else:
                self._advance_counter()
            return Stamp(self._millis, self._counter, self.node).encode()

    def observe(self, stamp: str) -> bool:
        """Fold a remote stamp into this clock. Returns False if it was too far ahead
        of the wall clock and was clamped instead of adopted."""
        remote = Stamp.decode(stamp)
        with self._lock:
            limit = max(self._wall_ms(), self._vouched) + MAX_DRIFT_MS
            adopted = remote.millis <= limit
            self._adopt(min(remote.millis, limit), remote.counter)
            return adopted

    def observe_trusted(self, stamp: str) -> None:
        """Fold in a stamp pulled from the channel server, whatever this PC's clock says.

        The server clamps every stamp to its own clock + 24 h, so a pulled stamp is no
        wrong-clock stamp; this PC's clock may be, years behind. Clamping it here would
        stamp the next edit before the value it replaces: the server would keep that
        value, and this station its own edit, for good."""
        remote = Stamp.decode(stamp)
        with self._lock:
            self._vouched = max(self._vouched, remote.millis)
            self._adopt(remote.millis, remote.counter)

    def _adopt(self, millis: int, counter: int) -> None:
        if millis > self._millis:
            self._millis, self._counter = millis, counter
        elif millis == self._millis:
            self._counter = max(self._counter, counter)

    def _advance_counter(self) -> None:
        if self._counter >= _COUNTER_MAX:
            # 65k stamps in one millisecond: borrow the next millisecond.
            self._millis += 1
            self._counter = 0
        else:
            self._counter += 1


def clamp_stamp(stamp: str, wall_ms: int, max_drift_ms: int = MAX_DRIFT_MS) -> tuple[str, bool]:
    """Return the stamp limited to ``wall_ms + max_drift_ms`` and whether it was clamped."""
    parsed = Stamp.decode(stamp)
    limit = wall_ms + max_drift_ms
    if parsed.millis <= limit:
        return stamp, False
    return Stamp(limit, parsed.counter, parsed.node).encode(), True
