"""Progress of a pull: records done of the total and the time left, in Chinese.

The total comes from the server's count on the first page of a round (``remaining``);
the rate is measured over the round so far, so the estimate settles after a few pages.
A server that does not count gives records done only.

The time left includes the work the replica does after the last page (a large first
pull builds the indexes and search keys it deferred, about a third of the whole on a
county station): ``finish_share`` is that work's time as a share of the pull's, from
the replica, and the estimate adds that share of the pull's projected time.
"""

from __future__ import annotations

from dataclasses import dataclass

#: No estimate before this many seconds of pulling: the first pages are not typical.
_SETTLE_SECONDS = 2.0


@dataclass
class PullMeter:
    total: int | None
    started: float
    done: int = 0
    #: The replica's work after the last page, as a share of the pull's time.
    finish_share: float = 0.0

    def progress(self, now: float, *, finished: bool = False) -> tuple[float, str]:
        """(fraction of the pull done, message) after ``done`` records at ``now``."""
        if finished:
            return 1.0, f"下载 {self.done:,} 条，完成"
        if not self.total:
            return 0.0, f"下载 {self.done:,} 条"
        # A record pulled twice in the round (changed again meanwhile) may push the
        # count past the total: stay below 100% until the last page.
        fraction = min(self.done / self.total, 0.99)
        message = f"下载 {self.done:,}/{self.total:,} 条"
        left = self.seconds_left(now)
        if left is not None:
            message += f"，约剩 {time_left(left)}"
        return fraction, message

    def seconds_left(self, now: float) -> float | None:
        """Seconds until the pull and the work after it are done, or None while there
        is nothing to go on."""
        elapsed = now - self.started
        if not self.total or self.done <= 0 or elapsed < _SETTLE_SECONDS:
            return None
        pulling = max(0.0, (self.total - self.done) * elapsed / self.done)
        return pulling + (elapsed + pulling) * self.finish_share

    def finish_seconds(self, now: float) -> float | None:
        """Seconds the work after the last page will take (None: none to do, or the
        pull was too short to tell)."""
        elapsed = now - self.started
        if self.finish_share <= 0 or elapsed < _SETTLE_SECONDS:
            return None
        return elapsed * self.finish_share


def time_left(seconds: float) -> str:
    """Seconds as a person reads them: "8 秒", "3 分钟", "1 小时 5 分钟"."""
    whole = round(seconds)
    if whole < 60:
        return f"{max(whole, 1)} 秒"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} 分钟"
    hours = f"{minutes // 60} 小时"
    return f"{hours} {minutes % 60} 分钟" if minutes % 60 else hours
