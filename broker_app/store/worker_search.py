"""Search keys for the roster, and how a typed query becomes key ranges.

Every kind of search is answered by one B-tree of tokens (``worker_search``):
- ``n:`` + every substring of the name + ``\x01`` + the name's sort key: the range
  of one substring finds 1- and 2-character names, which FTS5's trigram index
  silently cannot, and lists them already in the roster's name order, so the first
  page of 王 (35,805 workers of 400k) is the first entries of its range instead of
  35,805 lookups and a sort;
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


#: Between a name substring and the sort key in a name token.
NAME_ORDER = "\x01"


def name_tokens(name: str) -> set[str]:
    """The name's search keys, each ordered within its substring by the name."""
    order = NAME_ORDER + name_pinyin(name).sort_key
    return {"n:" + part + order for part in name_substrings(name)}


def worker_tokens(name: str, id_number: str, phone: str) -> set[str]:
    tokens = name_tokens(name)
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
    return [name_range(term)]


def is_name_term(term: str) -> bool:
    """A term looked up as a name substring: one token per worker, in name order."""
    return not _DIGITS.match(term) and not _LATIN.match(term)


def name_range(term: str) -> tuple[str, str]:
    """The tokens of every worker whose name contains ``term``, in name order."""
    key = "n:" + term
    return key + NAME_ORDER, key + chr(ord(NAME_ORDER) + 1)


def _prefix(prefix: str) -> tuple[str, str]:
    return prefix, prefix + _TOP
