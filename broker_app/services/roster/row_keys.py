"""The ordered row keys of one roster search, held compactly and read in chunks.

At county scale a search can match 400,000 workers. A Python ``list`` of their keys
costs ~36 bytes a row (pointer plus int object) and, worse, reading them all costs
~0.3 s per keystroke. Here the keys live in ``array('q')`` chunks (8 bytes a row),
and only the chunks the view has reached are read: the first comes with the
search, the others when the broker scrolls to them (a jump to the end reads one).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

#: Keys read per chunk: five pages of the table.
CHUNK_ROWS = 1000

#: ``(offset, limit) -> keys``: the keys at rows ``offset`` .. ``offset + limit``.
KeyReader = Callable[[int, int], array]


class RosterKeys(Sequence[int]):
    """``total`` keys in search order, of which the chunks read so far are held.

    A ``Sequence``: ``len`` is the number of matches (no chunk is read for it), and
    indexing, iterating or comparing with a list read the chunks they reach.
    """

    def __init__(
        self,
        total: int,
        first: array,
        read: KeyReader,
        chunk_rows: int = CHUNK_ROWS,
    ) -> None:
        self.total = total
        self._read = read
        self._chunk_rows = chunk_rows
        self._chunks: dict[int, array] = {}
        self._whole: set[int] = set()
        # The search read the first keys already (a prefix of chunk 0, or more).
        for start in range(0, len(first), chunk_rows):
            self._chunks[start // chunk_rows] = first[start : start + chunk_rows]
        #: How many chunks were read after the search (for tests and benchmarks).
        self.chunk_reads = 0

    @classmethod
    def empty(cls) -> RosterKeys:
        """No search yet."""
        return cls(0, array("q"), lambda _offset, _limit: array("q"))

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.total))]
        row = index + self.total if index < 0 else index
        key = self.at(row)
        if key is None:
            raise IndexError(index)
        return key

    def __iter__(self) -> Iterator[int]:
        for row in range(self.total):
            key = self.at(row)
            if key is None:
                return
            yield key

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RosterKeys | list | tuple | array):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def at(self, row: int) -> int | None:
        """The key of ``row``, reading its chunk if needed; None past the end (or when
        a write since the search shortened the list: the caller searches again)."""
        if not 0 <= row < self.total:
            return None
        index, offset = divmod(row, self._chunk_rows)
        chunk = self._chunk(index, offset + 1)
        return chunk[offset] if offset < len(chunk) else None

    def span(self, start: int, stop: int) -> array:
        """The keys of rows ``start`` .. ``stop`` (one page, within one or two chunks)."""
        out = array("q")
        row = max(0, start)
        stop = min(stop, self.total)
        while row < stop:
            index, offset = divmod(row, self._chunk_rows)
            chunk = self._chunk(index, min(self._chunk_rows, offset + (stop - row)))
            piece = chunk[offset : offset + (stop - row)]
            if not piece:
                break
            out.extend(piece)
            row += len(piece)
        return out

    def row_of(self, key: int) -> int | None:
        """The row of ``key`` among the chunks already read (None if not read yet)."""
        for index, chunk in self._chunks.items():
            try:
                return index * self._chunk_rows + chunk.index(key)
            except ValueError:
                continue
        return None

    def rows_of(self, keys: Iterable[int]) -> list[int]:
        """Rows of those ``keys`` that are in chunks already read."""
        found = [self.row_of(key) for key in keys]
        return [row for row in found if row is not None]

    def held(self) -> int:
        """Keys held in memory."""
        return sum(len(chunk) for chunk in self._chunks.values())

    def chunks(self) -> list[array]:
        return list(self._chunks.values())

    def _chunk(self, index: int, needed: int) -> array:
        """Chunk ``index`` holding at least its first ``needed`` keys (or all it has).

        The first keys of a search are the first page's and then some: reading the
        rest of their chunk waits until a row past them is wanted (for ``li`` at 400k
        that read costs as much as the search itself)."""
        chunk = self._chunks.get(index)
        expected = min(self._chunk_rows, self.total - index * self._chunk_rows)
        if chunk is not None and (index in self._whole or len(chunk) >= min(needed, expected)):
            return chunk
        # Not read yet, or only the first rows of it came with the search. Read once:
        # a chunk shorter than expected (workers removed since) is kept as it is.
        chunk = self._read(index * self._chunk_rows, self._chunk_rows)
        self._chunks[index] = chunk
        self._whole.add(index)
        self.chunk_reads += 1
        return chunk
