"""Finds the header row of an imported sheet and maps its columns to our fields.

Brokers' rosters come from many templates: columns in any order, extra columns we do
not use, a title and a "填报单位" line above the header, headers written "身份证号码
（18位）" or "*姓名", and two-level headers where a merged group cell ("务工情况") sits
above its sub-columns ("务工单位", "务工地点"). Callers pass the header names they
accept for each field; this module does the matching, so every import behaves alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from itertools import pairwise

from .errors import Problem, WorkbookError
from .values import CellValue

DEFAULT_SCAN_ROWS = 10

_WHITESPACE = re.compile(r"\s+")
# Hints in brackets ("（元）", "(年-月-日)", "【必填】") are not part of the name.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
# Marks templates put on required columns.
_MARKERS = str.maketrans("", "", "*※★☆")


@dataclass
class HeaderMap:
    """Where each recognised field is, in the header that was found."""

    row_number: int  # Excel row of the (last) header row; data starts below it
    columns: dict[str, int]  # canonical field -> 0-based column index
    labels: dict[int, str]  # column index -> header text as written in the sheet
    unknown: list[str]  # header texts that matched no field, left to right
    # Fields written in more than one column: the extra columns, which are ignored.
    duplicates: dict[str, list[int]] = field(default_factory=dict)

    def value(self, cells: Sequence[CellValue], name: str) -> CellValue:
        """The cell of field ``name`` in a data row, or None if absent."""
        index = self.columns.get(name)
        if index is None or index >= len(cells):
            return None
        return cells[index]


def normalize_header(text: str) -> str:
    """The form of a header text used for matching.

    Full-width characters become half-width, whitespace and line breaks anywhere are
    dropped (forms space out short names: "姓  名"), required markers and a trailing
    colon go, and bracketed hints are removed unless nothing else is left.
    """
    cleaned = unicodedata.normalize("NFKC", text)
    cleaned = _WHITESPACE.sub("", cleaned).translate(_MARKERS).rstrip(":").casefold()
    without_hints = _BRACKETED.sub("", cleaned).rstrip(":")
    return without_hints or cleaned


def detect_header(
    rows: Sequence[tuple[int, Sequence[CellValue]]],
    synonyms: Mapping[str, Sequence[str]],
    *,
    required: Collection[str] = (),
    scan: int = DEFAULT_SCAN_ROWS,
) -> HeaderMap:
    """Pick, among the first ``scan`` rows, the header recognising the most fields.

    ``synonyms`` maps each field to the header names accepted for it; the first name
    is the one shown to users. When a field appears twice, the column whose header is
    the earlier synonym wins (then the leftmost). Raises WorkbookError when no header
    is recognised or a ``required`` field is missing.
    """
    index = _build_index(synonyms)
    unknown_required = [name for name in required if name not in synonyms]
    if unknown_required:
        raise ValueError(f"required fields without synonyms: {unknown_required}")
    analysed = [_analyse(number, cells, index) for number, cells in rows[:scan]]
    candidates = list(analysed)
    for upper, lower in pairwise(analysed):
        pair = _two_level(upper, lower)
        if pair is not None:
            candidates.append(pair)
    best: _Candidate | None = None
    for candidate in candidates:
        # Ties go to the single row and then to the earlier one: both come first.
        if candidate.matches and (best is None or candidate.score > best.score):
            best = candidate
    if best is None:
        raise _no_header(synonyms, required, scan)
    header = best.to_header_map()
    missing = [name for name in required if name not in header.columns]
    if missing:
        shown = "、".join(f"“{synonyms[name][0]}”" for name in missing)
        raise WorkbookError(
            f"表头（第 {header.row_number} 行）缺少必填的列：{shown}。请检查列名是否写对，"
            "或在表格中补上这些列后再导入。",
            f"header row {header.row_number}: missing required columns {missing}",
            Problem.MISSING_COLUMNS,
        )
    return header


@dataclass
class _Candidate:
    row_number: int
    texts: dict[int, str]
    matches: dict[int, tuple[str, int]]  # column -> (field, synonym priority)

    @property
    def score(self) -> int:
        return len({name for name, _ in self.matches.values()})

    def to_header_map(self) -> HeaderMap:
        chosen: dict[str, tuple[int, int]] = {}
        duplicates: dict[str, list[int]] = {}
        for column in sorted(self.matches):
            name, priority = self.matches[column]
            current = chosen.get(name)
            if current is None or priority < current[0]:
                if current is not None:
                    duplicates.setdefault(name, []).append(current[1])
                chosen[name] = (priority, column)
            else:
                duplicates.setdefault(name, []).append(column)
        return HeaderMap(
            row_number=self.row_number,
            columns={name: column for name, (_, column) in chosen.items()},
            labels=dict(sorted(self.texts.items())),
            unknown=[text for col, text in sorted(self.texts.items()) if col not in self.matches],
            duplicates={name: sorted(cols) for name, cols in duplicates.items()},
        )


def _analyse(
    row_number: int, cells: Sequence[CellValue], index: Mapping[str, tuple[str, int]]
) -> _Candidate:
    texts: dict[int, str] = {}
    matches: dict[int, tuple[str, int]] = {}
    for column, value in enumerate(cells):
        text = _cell_text(value)
        if not text:
            continue
        texts[column] = text
        found = index.get(normalize_header(text)) if isinstance(value, str) else None
        if found is not None:
            matches[column] = found
    return _Candidate(row_number, texts, matches)


def _two_level(upper: _Candidate, lower: _Candidate) -> _Candidate | None:
    """Both rows read as one header, or None if ``lower`` looks like data.

    In a two-level header, cells under a vertically merged header (姓名 spanning two
    rows) are empty, and the sub-columns under a group cell are headers themselves.
    A data row instead puts unrecognised values under recognised headers.
    """
    if lower.row_number != upper.row_number + 1 or not lower.matches:
        return None
    for column in upper.matches:
        if column in lower.texts and column not in lower.matches:
            return None
    merged = {**upper.matches, **lower.matches}
    upper_fields = {name for name, _ in upper.matches.values()}
    if not {name for name, _ in lower.matches.values()} - upper_fields:
        return None
    return _Candidate(lower.row_number, {**upper.texts, **lower.texts}, merged)


def _build_index(synonyms: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for name, names in synonyms.items():
        if not names:
            raise ValueError(f"field {name!r} has no header names")
        for priority, text in enumerate(names):
            key = normalize_header(text)
            existing = index.get(key)
            if existing is not None and existing[0] != name:
                raise ValueError(f"header {text!r} would match both {existing[0]!r} and {name!r}")
            if existing is None:
                index[key] = (name, priority)
    return index


def _cell_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def _no_header(
    synonyms: Mapping[str, Sequence[str]], required: Collection[str], scan: int
) -> WorkbookError:
    examples = [synonyms[name][0] for name in required] or [
        names[0] for names in list(synonyms.values())[:2]
    ]
    shown = "、".join(f"“{text}”" for text in examples)
    return WorkbookError(
        f"没有找到表头：表格前 {scan} 行里没有认出任何列名。请确认表头行写有{shown}等列名，"
        f"并且在前 {scan} 行之内。",
        f"no recognisable header in the first {scan} rows",
        Problem.NO_HEADER,
    )
