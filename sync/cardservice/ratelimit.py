"""Flood limits: at most N events per window for one key (a client address, a card).

In memory, per process: a restart forgets the counts, which costs a flooder nothing
they could not get by waiting out the window anyway. The clock is a parameter so the
tests do not wait.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    events: int
    seconds: float


class RateLimiter:
    """Sliding-window counts; forgets keys idle for a whole window."""

    #: Keys tracked at most: past this the oldest are dropped (an address flood
    #: from many sources must not grow memory without bound).
    MAX_KEYS = 100_000

    def __init__(self, limit: Limit, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Count one event for ``key``; False (and not counted) when over the limit."""
        now = self.clock()
        with self._lock:
            seen = self._events.pop(key, None) or deque()
            while seen and now - seen[0] >= self.limit.seconds:
                seen.popleft()
            allowed = len(seen) < self.limit.events
            if allowed:
                seen.append(now)
            self._events[key] = seen  # re-inserted: dicts keep the most recent last
            while len(self._events) > self.MAX_KEYS:
                self._events.pop(next(iter(self._events)))
            return allowed
