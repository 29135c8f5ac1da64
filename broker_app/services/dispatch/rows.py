"""The rows of the 劳务输出 page: batches with their counts, and a batch's members.

The window shows them as the dispatch services return them; they are made by the
store's queries (``store.repositories.dispatch``), which the window may not import.
"""

from __future__ import annotations

from broker_app.store.repositories.dispatch import BatchRow, MatchCandidate, MemberRow

__all__ = ["BatchRow", "MatchCandidate", "MemberRow"]
