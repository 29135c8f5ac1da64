"""One sync round: push the outbox in batches, then pull pages until caught up.

Pushing first means the server decides every local edit before this station pulls;
a pull never drops an unsent edit (the replica merges per field and the outbox
entry stays until the server has answered it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sync.client.api import ChannelClient
from sync.client.errors import SyncError
from sync.client.replica import Replica
from sync.client.report import Rejection, SyncReport
from sync.protocol import REJECTED

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


class SyncEngine:
    def __init__(
        self,
        client: ChannelClient,
        replica: Replica,
        *,
        push_batch: int = 500,
        pull_page: int = 1000,
    ) -> None:
        self.client = client
        self.replica = replica
        self.push_batch = push_batch
        self.pull_page = pull_page

    def run(
        self,
        cancel: Callable[[], bool] | None = None,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Push, pull, refresh conflicts and card keys. Never raises for a network or
        server failure: the report carries the error, and what was done stays done."""
        report = SyncReport(started_at=datetime.now())
        cancelled = cancel or (lambda: False)
        say = progress or (lambda _f, _m: None)
        try:
            self._push(report, cancelled, say)
            if not report.cancelled:
                self._pull(report, cancelled, say)
            if not report.cancelled:
                open_conflicts = self.client.conflicts()
                self.replica.replace_conflicts(open_conflicts)
                report.open_conflicts = len(open_conflicts)
                self.replica.store_keys(self.client.keys())
                say(1.0, "同步完成")
        except SyncError as exc:
            log.warning("sync round stopped: %s", exc.message_en)
            report.error = exc
        report.finished_at = datetime.now()
        return report

    def _push(self, report: SyncReport, cancelled: Callable[[], bool], say: Progress) -> None:
        total = self.replica.pending_count()
        while not cancelled():
            batch = self.replica.pending(self.push_batch)
            if not batch:
                return
            say(0.5 * report.pushed / max(total, 1), f"上传 {report.pushed}/{total}")
            results = self.client.push(batch)
            tally = self.replica.record_push(batch, results)
            report.add_push(len(batch), tally)
            sent = {m["mutation_id"]: m for m in batch}
            for result in results:
                if result.get("status") == REJECTED and result["mutation_id"] in sent:
                    m = sent[result["mutation_id"]]
                    report.rejections.append(
                        Rejection(
                            m["record_type"],
                            m["record_id"],
                            result.get("code", ""),
                            result.get("message", ""),
                        )
                    )
            if tally.unanswered == len(batch):
                log.warning("server answered none of %d pushed items; stopping push", len(batch))
                return
        report.cancelled = True

    def _pull(self, report: SyncReport, cancelled: Callable[[], bool], say: Progress) -> None:
        cursor = self.replica.cursor()
        report.cursor = cursor
        while not cancelled():
            page = self.client.pull(cursor, self.pull_page)
            tally = self.replica.apply_page(page)
            cursor = page["cursor"]
            report.add_page(tally, cursor)
            say(0.5 + 0.4 * (0 if page["has_more"] else 1), f"下载 {report.pulled} 条")
            if not page["has_more"]:
                return
        report.cancelled = True
