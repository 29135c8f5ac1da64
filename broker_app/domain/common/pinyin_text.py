"""Toneless pinyin of arbitrary text, one syllable per character.

The shared base of name and place-name search. pypinyin is imported here only,
and lazily by callers that can start without it, because loading its phrase
dictionaries costs a noticeable fraction of a second.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


def _keep_as_is(chunk: str) -> list[str]:
    # pypinyin hands over runs of non-Han text whole; splitting them keeps the
    # result aligned with the input, one item per character.
    return list(chunk)


def syllables(text: str) -> tuple[str, ...]:
    """Lowercase toneless pinyin per character of ``text`` (ü written as v).

    Uses pypinyin's phrase-aware reading without heteronyms; characters that are
    not Han are kept, lowercased.
    """
    result = _lazy(text)
    if len(result) != len(text):
        # Never seen, but alignment is what callers rely on: fall back to one
        # character at a time (loses phrase context, keeps positions right).
        result = [_lazy(ch)[0] for ch in text]
    return tuple(item.lower() for item in result)


def _lazy(text: str) -> list[str]:
    # pypinyin documents that an ``errors`` callable may return a list; its type
    # hints only allow a string.
    result: list[str] = lazy_pinyin(text, style=Style.NORMAL, errors=_keep_as_is)  # type: ignore[arg-type]
    return result


def initials(parts: tuple[str, ...]) -> str:
    """First letter of each syllable, as typed for pinyin-initial search ("zsf")."""
    return "".join(part[:1] for part in parts)


@lru_cache(maxsize=16384)
def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``text``, for searching short texts by pinyin."""
    parts = syllables(text)
    return "".join(parts), initials(parts)


def pinyin_contains(text: str, query: str) -> bool:
    """True when lowercase ``query`` occurs in the full pinyin or the initials of
    ``text`` ("dianhan" and "dhg" both occur in 电焊工)."""
    full, first = pinyin_keys(text)
    wanted = query.lower()
    return wanted in full or wanted in first
