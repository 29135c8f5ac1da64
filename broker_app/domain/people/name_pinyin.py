"""Pinyin keys of a person's name, for roster search and alphabetical order.

A broker finds 张三丰 by typing "zhangsanfeng", "zsf", "sanfeng" or "sf", and
finds 曾广 by "zengguang" or "zg" even though pypinyin reads 曾 as ceng.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from broker_app.domain.common.pinyin_text import initials, syllables
from broker_app.domain.common.textnorm import compact
from broker_app.domain.people.surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES

# Separators inside transcribed minority names (买买提·艾力) in their various code
# points; "．" is already folded to "." by compact().
_NAME_DOTS = str.maketrans("", "", "·•・‧.")

# An entry costs about 540 bytes, so this caps the cache near 35 MB. A village
# roster fits whole; a county import still computes each distinct name once per
# pass, and the common names, which repeat most, stay cached.
_CACHE_SIZE = 1 << 16


@dataclass(frozen=True)
class NamePinyin:
    """Search and sort keys of one name.

    ``full`` and ``initials`` are deduplicated independently, in this order: the
    whole name as pypinyin reads it, the whole name with the surname read as a
    surname, then the given name alone. They are not parallel tuples.
    ``sort_key`` is the surname-read name with syllables separated by spaces, so
    that names order syllable by syllable (李明 "li ming" before 连杰 "lian jie").
    """

    full: tuple[str, ...]
    initials: tuple[str, ...]
    sort_key: str


@lru_cache(maxsize=_CACHE_SIZE)
def name_pinyin(name: str) -> NamePinyin:
    """Pinyin keys of ``name``; spaces and middle dots are ignored, other non-Han
    characters are kept lowercased."""
    text = compact(name).translate(_NAME_DOTS)
    if not text:
        return NamePinyin(full=(), initials=(), sort_key="")
    # Read the surname and the given name apart: given names repeat far more than
    # whole names (王伟, 张伟, 李伟...), so caching them makes a 100k roster ~5x
    # cheaper to index, and no phrase reading spans a surname and a given name
    # (compound surnames are handled below).
    default = _syllables(text[:1]) + _syllables(text[1:])
    wholes: list[tuple[str, ...]] = [default]
    givens: list[tuple[str, ...]] = []
    sort_parts: tuple[str, ...] | None = None

    compound = COMPOUND_SURNAMES.get(text[:2]) if len(text) > 2 else None
    if compound is not None:
        wholes.append(compound + default[2:])
        givens.append(default[2:])
        sort_parts = compound + default[2:]
    # Also split after one character when a compound matched: 单于明 may be
    # 单 (shan) + 于明 as well as 单于 (chanyu) + 明.
    single_readings = SINGLE_SURNAMES.get(text[0], (default[0],))
    for reading in single_readings:
        wholes.append((reading, *default[1:]))
    if len(text) > 1:
        givens.append(default[1:])
    if sort_parts is None:
        sort_parts = (single_readings[0], *default[1:])

    keys = wholes + givens
    return NamePinyin(
        full=_unique("".join(parts) for parts in keys),
        initials=_unique(initials(parts) for parts in keys),
        sort_key=" ".join(sort_parts),
    )


_syllables = lru_cache(maxsize=_CACHE_SIZE)(syllables)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
