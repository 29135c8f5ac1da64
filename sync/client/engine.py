"""One sync round: push the outbox in batches, then pull pages until caught up.

Pushing first means the server decides every local edit before this station pulls;
a pull never drops an unsent edit (the replica merges per field and the outbox
entry stays until the server has answered it).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from sync.client.api import ChannelClient
from sync.client.errors import ServerError, ServerFailed, SyncError
from sync.client.progress import PullMeter, time_left
from sync.client.replica import Replica
from sync.client.report import Rejection, SyncReport
from sync.county_policy import PolicyError, from_document
from sync.protocol import MAX_BODY_BYTES, REJECTED, Mutation, PullPage, PushResult

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]

#: Code of an item held back on this station because the server failed on it alone.
SERVER_ERROR = "server_error"
#: A server that fails this many single items without applying anything is down,
#: not poisoned: the round stops and nothing is held back.
_MAX_SUSPECTS = 8
#: A push batch stops growing here: records with long notes (up to 16k characters a
#: text field) would otherwise make a 500-item batch larger than the server takes.
MAX_PUSH_BYTES = MAX_BODY_BYTES // 2


class SyncEngine:
    def __init__(
        self,
        client: ChannelClient,
        replica: Replica,
        *,
        push_batch: int = 500,
        pull_page: int = 1000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.replica = replica
        self.push_batch = push_batch
        self.pull_page = pull_page
        # Items the server answered 500 on when sent alone (a server bug triggered by
        # their data), and whether it answered any push this round.
        self._suspects: dict[str, tuple[Mutation, ServerError]] = {}
        self._server_answered = False
        self._clock = clock

    def run(
        self,
        cancel: Callable[[], bool] | None = None,
        progress: Progress | None = None,
    ) -> SyncReport:
        """Push, pull, refresh conflicts and card keys. Never raises for a network or
        server failure: the report carries the error, and what was done stays done."""
        report = SyncReport(started_at=datetime.now())
        self._suspects.clear()
        self._server_answered = False
        cancelled = cancel or (lambda: False)
        say = progress or (lambda _f, _m: None)
        try:
            # Keys first: the server refuses a card under a key it does not know.
            self._publish_keys()
            self._push(report, cancelled, say)
            if not report.cancelled:
                self._pull(report, cancelled, say)
                self._hold_back_suspects(report)
            if not report.cancelled:
                open_conflicts = self.client.conflicts()
                self.replica.replace_conflicts(open_conflicts)
                report.open_conflicts = len(open_conflicts)
                self.replica.store_keys(self.client.keys())
                self._store_county_policy()
                say(1.0, "同步完成")
        except SyncError as exc:
            log.warning("sync round stopped: %s", exc.message_en)
            report.error = exc
        report.clock_offset_ms = self.client.server_offset_ms
        report.finished_at = datetime.now()
        return report

    def _store_county_policy(self) -> None:
        try:
            document = self.client.county_policy()
            policy = from_document(document)
        except ServerFailed as exc:
            # A server from before the county policy: the station keeps its settings.
            log.info("no county policy from the server: %s", exc.message_en)
            return
        except PolicyError as exc:
            log.warning("county policy not applied (%s): %s", exc, document)
            return
        self.replica.store_county_policy(policy)

    def _publish_keys(self) -> None:
        for public_key in self.replica.unpublished_keys():
            try:
                self.client.register_key(public_key)
            except ServerFailed as exc:
                # A key id taken by another station: its cards stay held back here
                # with the reason; the station makes a new key when asked.
                log.warning("card key not published: %s", exc.message_en)

    def _push(self, report: SyncReport, cancelled: Callable[[], bool], say: Progress) -> None:
        total = self.replica.pending_count()
        while not cancelled():
            batch = self._next_batch()
            if not batch:
                return
            say(0.5 * report.pushed / max(total, 1), f"上传 {report.pushed}/{total}")
            unanswered = self._send(batch, report)
            if unanswered == len(batch) and not self._suspects:
                log.warning("server answered none of %d pushed items; stopping push", len(batch))
                return
        report.cancelled = True

    def _next_batch(self) -> list[Mutation]:
        """The oldest pending items, without those held as suspects this round."""
        held = self._suspects
        batch = self.replica.pending(self.push_batch + len(held))
        wanted = [m for m in batch if m["mutation_id"] not in held][: self.push_batch]
        size = 0
        for count, mutation in enumerate(wanted):
            size += len(json.dumps(mutation, ensure_ascii=False, default=str).encode())
            if count and size > MAX_PUSH_BYTES:
                return wanted[:count]
        return wanted

    def _send(self, batch: list[Mutation], report: SyncReport) -> int:
        """Push ``batch``; returns how many items got no answer. A 500 answer is split
        in halves down to single items, so one item the server cannot digest does not
        block the others on every round forever."""
        try:
            results = self.client.push(batch)
        except ServerError as exc:
            if exc.status != 500:
                raise
            if len(batch) == 1:
                log.warning("server fails on pushed item %s: %s", batch[0]["mutation_id"], exc)
                self._suspects[batch[0]["mutation_id"]] = (batch[0], exc)
                if len(self._suspects) >= _MAX_SUSPECTS and not self._server_answered:
                    raise
                return 0
            half = len(batch) // 2
            return self._send(batch[:half], report) + self._send(batch[half:], report)
        self._server_answered = True
        return self._record(batch, results, report)

    def _record(self, batch: list[Mutation], results: list[PushResult], report: SyncReport) -> int:
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
        return tally.unanswered

    def _hold_back_suspects(self, report: SyncReport) -> None:
        """Quarantine the items the server failed on alone, when this round showed that
        pushing works (the server answered other items). Otherwise the server may be
        failing on everything: they stay pending and the round reports the error."""
        if self._suspects and not self._server_answered:
            _mutation, error = next(iter(self._suspects.values()))
            raise error
        for mutation, error in self._suspects.values():
            status = error.status
            result: PushResult = {
                "mutation_id": mutation["mutation_id"],
                "status": REJECTED,
                "code": SERVER_ERROR,
                "message": f"服务器处理这条修改时出错（{status}），已暂停上传这一条，"
                "其余修改照常同步；请联系县人社局，处理后点“重试”",
                "message_en": f"the server fails ({status}) on this item alone; held back",
            }
            self._record([mutation], [result], report)
        self._suspects.clear()

    def _pull(self, report: SyncReport, cancelled: Callable[[], bool], say: Progress) -> None:
        meters: list[PullMeter] = []
        try:
            self._pull_pages(report, cancelled, say, meters)
        finally:
            # Whatever stopped the pull: a station is never left without its indexes.
            def finishing(message: str) -> None:
                left = meters[0].finish_seconds(self._clock()) if meters else None
                if left is not None:
                    message = f"{message.rstrip('…')}，约剩 {time_left(left)}"
                say(0.9, message)

            self.replica.finish_pull(finishing)

    def _pull_pages(
        self,
        report: SyncReport,
        cancelled: Callable[[], bool],
        say: Progress,
        meters: list[PullMeter],
    ) -> None:
        cursor = self.replica.cursor()
        report.cursor = cursor
        # The first page says how many records are left (a server that knows):
        # enough for records done of the total and the time left on a long first pull.
        started = self._clock()
        # The next page is fetched while this one is applied: the server assembles
        # and sends it meanwhile (a first pull of a county is half waiting otherwise).
        # Each page is still applied with its cursor, in order (the replica may commit
        # several pages together: each committed state is a prefix of the pull).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
            coming = fetcher.submit(self._fetch, cursor, True)
            meter: PullMeter | None = None
            while not cancelled():
                page = coming.result()
                if page["has_more"]:
                    coming = fetcher.submit(self._fetch, page["cursor"])
                if meter is None:
                    meter = PullMeter(page.get("remaining"), started)
                tally = self.replica.apply_page(page)
                if not meters:
                    # Asked after the first page: that is where a large pull defers.
                    meter.finish_share = self.replica.finish_share()
                    meters.append(meter)
                cursor = page["cursor"]
                report.add_page(tally, cursor)
                meter.done += tally.received
                fraction, message = meter.progress(self._clock(), finished=not page["has_more"])
                say(0.5 + 0.4 * fraction, message)
                if not page["has_more"]:
                    return
            report.cancelled = True

    def _fetch(self, after: int, count: bool = False) -> PullPage:
        """One page, and the replica's work on it that can start before it is applied."""
        page = self.client.pull(after, self.pull_page, count)
        self.replica.prepare(page)
        return page
