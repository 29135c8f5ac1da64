"""A second process that works beside a large pull.

A county station's first pull is one Python process holding one core: applying the
pages (SQLite's inserts) and computing each new name's pinyin take turns under the
interpreter lock, while the machine's other core only serves the pages. The pinyin
(the sort key a new worker is stored with, and the forms its search keys are made
from) depends on nothing in the database, so this process computes it for each page
as soon as the page arrives, while the page before is applied; the applying waits for
it only when the helper is behind.

Started with ``spawn`` (the same on Windows, Linux and macOS): the process imports
only what the function it runs needs. The program's entry points call
``multiprocessing.freeze_support()`` under ``if __name__ == "__main__"``, so the
frozen Windows build starts the helper instead of a second program. Everything here
is an accelerator: if the helper cannot start or dies, the page computes its pinyin
itself, as a small pull always does.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor

from broker_app.store import pull_indexes

log = logging.getLogger(__name__)

#: Pinyin of a page's new names, by name: (sort key, pinyin forms as one text, as
#: ``pull_indexes.STAGE`` keeps them).
Pinyin = dict[str, tuple[str, str]]


class PullHelper:
    """One helper process for one pull (``close`` when the pull stops)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_end_with_parent,
        )

    def pinyin(self, names: list[str]) -> PendingPinyin:
        """Start computing the pinyin of ``names`` (in the order given)."""
        pool = self._pool
        if pool is None or not names:
            return PendingPinyin(names, None)
        try:
            return PendingPinyin(names, pool.submit(pull_indexes.pinyin_of, names))
        except RuntimeError:  # shut down, or the process died (BrokenProcessPool)
            log.warning("pull helper unavailable; pinyin computed while applying")
            self.close()
            return PendingPinyin(names, None)

    def close(self, *, wait: bool = True) -> None:
        """Stop the helper; ``wait``: until its process has ended (after the task under
        way at most, a page's names)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)


class PendingPinyin:
    """The helper's answer for one page, waited for when the page is applied."""

    def __init__(self, names: list[str], future: Future[list[tuple[str, str]]] | None) -> None:
        self._names = names
        self._future = future

    def result(self) -> Pinyin:
        """The pinyin by name; empty when the helper failed (the applying computes
        what is missing itself)."""
        if self._future is None:
            return {}
        try:
            keys = self._future.result()
        except Exception:
            log.exception("pull helper failed; pinyin computed while applying")
            return {}
        return dict(zip(self._names, keys, strict=True))


def _end_with_parent() -> None:
    """In the helper: exit when the program that started it is gone (killed, or
    crashed), instead of waiting for tasks that never come."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="pull-helper-parent", daemon=True).start()
