"""Search keys for the roster, and how a typed query becomes key ranges.

Every kind of search is answered by one B-tree of tokens (``worker_search``):
- ``n:`` + every substring of the name: an exact lookup finds 1- and 2-character
  names, which FTS5's trigram index silently cannot;
- ``p:`` + full pinyin and initials (with surname readings), matched by prefix;
- ``i:`` + the ID number reversed, so an ID *suffix* is a prefix range;
- ``m:`` + the phone, and ``r:`` + the phone reversed (prefix and suffix).
"""

from __future__ import annotations

import re
import unicodedata

from broker_app.domain.people.name_pinyin import name_pinyin

_TOP = "\U0010ffff"
_DIGITS = re.compile(r"^[0-9]+[xX]?$")
_LATIN = re.compile(r"^[a-zA-Z]+$")


def name_substrings(name: str) -> set[str]:
    return {name[i:j] for i in range(len(name)) for j in range(i + 1, len(name) + 1)}


def worker_tokens(name: str, id_number: str, phone: str) -> set[str]:
    tokens = {"n:" + part for part in name_substrings(name)}
    keys = name_pinyin(name)
    tokens.update("p:" + key for key in (*keys.full, *keys.initials) if key)
    if id_number:
        tokens.add("i:" + id_number[::-1])
    if phone:
        digits = "".join(ch for ch in phone if ch.isdigit())
        tokens.add("m:" + digits)
        tokens.add("r:" + digits[::-1])
    return tokens


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
        return [_prefix("p:" + term.lower())]
    exact = "n:" + term
    return [(exact, exact + "\0")]


def _prefix(prefix: str) -> tuple[str, str]:
    return prefix, prefix + _TOP
