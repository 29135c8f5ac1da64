"""Search keys for the roster, and how a typed query becomes key ranges.

Every kind of search is answered by one B-tree of tokens (``worker_search``):
- ``n:`` + every substring of the name + ``\x01`` + the name's sort key: the range
  of one substring finds 1- and 2-character names, which FTS5's trigram index
  silently cannot, and lists them already in the roster's name order, so the first
  page of 王 (35,805 workers of 400k) is the first entries of its range instead of
  35,805 lookups and a sort;
- ``p:`` + a mark + full pinyin or initials (with surname readings) + ``\x01`` +
  the name's sort key, matched by prefix: the mark says for which prefixes the key
  is its worker's first (``pinyin_tokens``), so a prefix is counted without
  ``DISTINCT`` and its page is put in name order from the keys alone (for a prefix
  that finds many, read off the name-ordered index of ``PINYIN_ORDER_SQL``);
- ``i:`` + the ID number reversed, so an ID *suffix* is a prefix range;
- ``m:`` + the phone, and ``r:`` + the phone reversed (prefix and suffix).

Each key also carries its worker's ``facets`` (archived and the four priority groups
as bits, ``facet_bits``), so a text search with a priority filter (王 + 脱贫: 35,805
matches, 4,254 of them 脱贫) is counted and paged from the key range alone instead
of looking every match up among the workers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from broker_app.domain.common.enums import PriorityGroup
from broker_app.domain.people.name_pinyin import NamePinyin, name_pinyin

_TOP = "\U0010ffff"
_DIGITS = re.compile(r"^[0-9]+[xX]?$")
_LATIN = re.compile(r"^[a-zA-Z]+$")


def name_substrings(name: str) -> set[str]:
    return {name[i:j] for i in range(len(name)) for j in range(i + 1, len(name) + 1)}


#: Between a name substring and the sort key in a name token.
NAME_ORDER = "\x01"


def name_tokens(name: str) -> set[str]:
    """The name's search keys, each ordered within its substring by the name."""
    return _substring_keys(name, name_pinyin(name).sort_key)


def _substring_keys(name: str, sort_key: str) -> set[str]:
    order = NAME_ORDER + sort_key
    return {"n:" + part + order for part in name_substrings(name)}


#: A pinyin key's mark is this code point plus the length of the prefix its form
#: shares with the worker's earlier forms.
_MARK_BASE = 0x30


def pinyin_forms(name: str) -> list[str]:
    """The name's pinyin forms (full readings, then initials), each once, in order."""
    return forms_of(name_pinyin(name))


def forms_of(keys: NamePinyin) -> list[str]:
    """The pinyin forms of a name's keys (``pinyin_forms``)."""
    return list(dict.fromkeys(key for key in (*keys.full, *keys.initials) if key))


def pinyin_tokens(name: str) -> set[str]:
    """The name's pinyin keys: ``p:`` + a mark + the form + ``NAME_ORDER`` + the
    name's sort key (a page of a prefix is then ordered by the keys alone).

    A worker with several forms can have two keys starting with one prefix (李丽 is
    "lili" and, by the given name, "li"), so the range of a prefix counted 3,011
    workers twice for ``li`` at 400k and needed ``DISTINCT`` (66 ms). The mark is
    how long a prefix the form shares with the worker's earlier forms: for a prefix
    longer than that, this key is the worker's first that starts with it (the first
    form starting with the prefix shares fewer letters with every earlier form; any
    later one shares at least the prefix with it). A prefix of L letters is then
    looked up in L ranges, marks 0 .. L-1 (``term_ranges``), which hold exactly one
    key per worker the prefix finds: counted without ``DISTINCT``, straight from
    the index.
    """
    return set(_pinyin_keys(name))


@lru_cache(maxsize=1 << 15)
def _pinyin_keys(name: str) -> tuple[str, ...]:
    # Cached by name (``pinyin_tokens``' marks cost more than its pinyin): a county's
    # common names repeat, and a bulk load of 400k workers makes ~150k distinct ones.
    keys = name_pinyin(name)
    return _pinyin_keys_of(forms_of(keys), keys.sort_key)


def _pinyin_keys_of(forms: list[str], sort_key: str) -> tuple[str, ...]:
    order = NAME_ORDER + sort_key
    keys = []
    for i, form in enumerate(forms):
        shared = max((_common_prefix(form, earlier) for earlier in forms[:i]), default=0)
        keys.append("p:" + chr(_MARK_BASE + shared) + form + order)
    return tuple(keys)


#: What the search keys' generated column ``ordered`` holds: for a pinyin key marked 0
#: (its worker's first key for every prefix of its form), the key's first letter
#: with its head (``p:0l``) followed by the name's sort key; NULL for every other key.
#: Its index lists the workers of one first letter in name order, so the first page
#: of a prefix that finds a fifth of the county (``li``: 77,157 of 400k) is the first
#: entries of that list that start with the prefix, instead of a sort of all 77,157.
PINYIN_ORDER_SQL = (
    "CASE WHEN token >= 'p:0' AND token < 'p:1' "
    "THEN substr(token, 1, 4) || substr(token, instr(token, char(1)) + 1) END"
)
#: The ``ordered`` value's head of a pinyin prefix: its mark-0 keys' first letter.
PINYIN_HEAD = 4


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def worker_tokens(name: str, id_number: str, phone: str) -> set[str]:
    tokens = name_tokens(name)
    tokens.update(_pinyin_keys(name))
    return tokens | number_tokens(id_number, phone)


def name_keys(name: str, forms: list[str], sort_key: str) -> tuple[str, ...]:
    """The search keys made from the name alone (its substrings and pinyin), given
    its pinyin ``forms_of`` and sort key: the same for every worker of that name. A
    worker's keys (``worker_tokens``) are these and its ``number_tokens``."""
    return (*_substring_keys(name, sort_key), *_pinyin_keys_of(forms, sort_key))


def number_tokens(id_number: str, phone: str) -> set[str]:
    """The worker's ID number and phone keys."""
    tokens: set[str] = set()
    if id_number:
        tokens.add("i:" + id_number[::-1])
    if phone:
        digits = phone if phone.isdigit() else "".join(ch for ch in phone if ch.isdigit())
        tokens.add("m:" + digits)
        tokens.add("r:" + digits[::-1])
    return tokens


#: The worker fields a search key's ``facets`` are made from, in ``facet_bits`` order.
FACET_FIELDS = ("archived", "poverty_alleviated", "monitoring_type", "low_income", "disabled")
#: The ``facets`` bit of an archived worker.
ARCHIVED_BIT = 1
#: The ``facets`` bit of each priority group a flag on the worker records (大龄 is an
#: age, which changes with the date: it is not a bit).
PRIORITY_BITS = {
    PriorityGroup.POVERTY_ALLEVIATED: 2,
    PriorityGroup.MONITORED: 4,
    PriorityGroup.LOW_INCOME: 8,
    PriorityGroup.DISABLED: 16,
}


def facet_bits(
    archived: Any, poverty_alleviated: Any, monitoring_type: Any, low_income: Any, disabled: Any
) -> int:
    """The ``facets`` value of a worker's search keys (arguments as stored)."""
    return (
        (ARCHIVED_BIT if archived else 0)
        | (PRIORITY_BITS[PriorityGroup.POVERTY_ALLEVIATED] if poverty_alleviated else 0)
        | (PRIORITY_BITS[PriorityGroup.MONITORED] if monitoring_type is not None else 0)
        | (PRIORITY_BITS[PriorityGroup.LOW_INCOME] if low_income else 0)
        | (PRIORITY_BITS[PriorityGroup.DISABLED] if disabled else 0)
    )


def row_facets(row: Mapping[str, Any]) -> int:
    """``facet_bits`` of a worker given as a mapping of its fields (missing: unset)."""
    return facet_bits(*(row.get(name) for name in FACET_FIELDS))


def sort_key(name: str) -> str:
    return name_pinyin(name).sort_key


def query_terms(text: str) -> list[str]:
    """Whitespace-separated terms, full-width folded to half-width."""
    return unicodedata.normalize("NFKC", text).split()


def term_ranges(term: str) -> list[tuple[str, str]]:
    """Token ranges ``[low, high)`` any of which matches ``term``.

    Digits look up ID suffixes and phone prefixes and suffixes; Latin letters
    look up pinyin by prefix; anything else is a name substring.
    """
    if _DIGITS.match(term):
        upper = term.upper()
        return [
            _prefix("i:" + upper[::-1]),
            _prefix("m:" + term),
            _prefix("r:" + term[::-1]),
        ]
    if _LATIN.match(term):
        prefix = term.lower()
        return [_prefix("p:" + chr(_MARK_BASE + n) + prefix) for n in range(len(prefix))]
    return [name_range(term)]


def is_pinyin_term(term: str) -> bool:
    """A term looked up as a pinyin prefix: one token per worker (``pinyin_tokens``)."""
    return bool(_LATIN.match(term))


def is_name_term(term: str) -> bool:
    """A term looked up as a name substring: one token per worker, in name order."""
    return not _DIGITS.match(term) and not _LATIN.match(term)


def name_range(term: str) -> tuple[str, str]:
    """The tokens of every worker whose name contains ``term``, in name order."""
    key = "n:" + term
    return key + NAME_ORDER, key + chr(ord(NAME_ORDER) + 1)


def _prefix(prefix: str) -> tuple[str, str]:
    return prefix, prefix + _TOP
