"""Pulled pages applied in runs: one transaction for several pages of a large pull.

Each page is applied with its cursor, so any committed state is a consistent prefix of
the pull. A county's first pull is 300-600 pages, and committing each one alone wrote
its touched index pages into the write-ahead log again and again (the id indexes, the
status history and the derived rows take each page's records at places spread over
their B-trees): at 400k workers, 7 GB written for an 880 MB database and 11.8 s of a
64 s pull in commits, against 2.1 s in runs (``benchmarks/sync_initial_pull.py``, in
BENCHMARKS.md). So while the
station's indexes are deferred for a large pull (``pull_indexes``), pages go into one
transaction until it holds ``RUN_RECORDS`` records or has been open ``RUN_SECONDS``,
as long as the next page has arrived when one is applied (a run never holds the
write lock while the station waits on the network).

What a run costs: a crash or a kill loses the pages of the open run (at most a few
seconds of pulling), which are pulled again from the committed cursor, as a power cut
already could. The page that starts a deferral commits on its own, so the deferral
and the first records are on disk at once. A broker's own edit never waits behind a
run: the run ends as soon as one waits for the write lock, and the next run lets it
in first (``Store.let_writers_in``). Each page is applied under a savepoint, so a page
that fails as a whole is undone alone and applied record by record, as before.
"""

from __future__ import annotations

import time
from contextlib import ExitStack

from broker_app.store.store import Store, Transaction

#: A run commits once it holds this many records...
RUN_RECORDS = 16_000
#: ...or has been open this long (what the roster shows of a pull lags by no more).
RUN_SECONDS = 2.0


class PageRun:
    """The open run of pulled pages of one station (at most one at a time)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._open: ExitStack | None = None
        self._session: Transaction | None = None
        self._records = 0
        self._started = 0.0

    def session(self) -> Transaction:
        """The run's transaction, begun now if none is open."""
        if self._session is None:
            self.store.let_writers_in()
            stack = ExitStack()
            # Replayable: a run lost to a power cut goes with its cursor, and is pulled
            # again (nothing of this station's own is in it).
            self._session = stack.enter_context(self.store.write(replayable=True))
            self._open = stack
            self._records = 0
            self._started = time.monotonic()
        return self._session

    def page_done(self, records: int, *, more: bool) -> None:
        """A page was applied in the run; ``more``: the pull goes on and may share the
        run (else it commits now)."""
        self._records += records
        if (
            not more
            or self._records >= RUN_RECORDS
            or time.monotonic() - self._started >= RUN_SECONDS
            or self.store.writers_waiting()
        ):
            self.commit()

    def commit(self) -> None:
        """Commit the open run (nothing when none is open)."""
        stack, self._open, self._session = self._open, None, None
        if stack is not None:
            stack.close()

    def abandon(self, error: BaseException) -> None:
        """Roll the open run back (its pages are pulled again from the committed
        cursor)."""
        stack, self._open, self._session = self._open, None, None
        if stack is not None:
            stack.__exit__(type(error), error, error.__traceback__)
