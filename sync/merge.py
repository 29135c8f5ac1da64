"""Per-field last-writer-wins merge by (HLC stamp, station id).

Stamps are compared parsed (``sync.hlc.stamp_order``), by (time, counter, station),
never as text: text order would let a malformed stamp beat every real one. The merge is a
join: commutative, associative and idempotent per field, so every replica that has
seen the same writes holds the same values whatever order they arrived in. The
server and the stations run this same function.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sync.hlc import stamp_order

#: Key in a versions map for the stamp of every field not listed on its own.
ALL_FIELDS = "*"


def stamp_of(versions: Mapping[str, str], field: str) -> str | None:
    """The stamp of the last write to ``field`` (None: never written)."""
    return versions.get(field) or versions.get(ALL_FIELDS)


def expand(versions: Mapping[str, str], fields: Iterable[str]) -> dict[str, str]:
    """One stamp per field of ``fields`` that has one."""
    out: dict[str, str] = {}
    for name in fields:
        stamp = stamp_of(versions, name)
        if stamp is not None:
            out[name] = stamp
    return out


def compact(stamps: Mapping[str, str]) -> dict[str, str]:
    """The shortest versions map for per-field ``stamps``: the most common stamp (the
    greatest on a tie) becomes ``*``, the rest are listed."""
    if not stamps:
        return {}
    counts = Counter(stamps.values())
    common = max(counts.items(), key=lambda item: (item[1], stamp_order(item[0]), item[0]))[0]
    out = {ALL_FIELDS: common}
    out.update((name, stamp) for name, stamp in stamps.items() if stamp != common)
    return out


@dataclass(frozen=True)
class MergeResult:
    values: dict[str, Any]
    versions: dict[str, str]
    #: Fields the incoming write won (its value is now current).
    taken: tuple[str, ...]
    #: Fields where the current value was newer and was kept.
    lost: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.taken)


def merge_record(
    current_values: Mapping[str, Any],
    current_versions: Mapping[str, str],
    incoming_values: Mapping[str, Any],
    incoming_versions: Mapping[str, str],
) -> MergeResult:
    """Fold an incoming write (or a whole record state) into the current state."""
    values = dict(current_values)
    stamps = expand(current_versions, current_values)
    taken: list[str] = []
    lost: list[str] = []
    for name, value in incoming_values.items():
        incoming = stamp_of(incoming_versions, name)
        if incoming is None:
            continue
        current = stamps.get(name)
        order = 1 if current is None else compare_stamps(incoming, current)
        if order > 0:
            win = True
        elif order < 0:
            win = False
        else:
            # The same stamp is the same write; should two values ever carry one
            # stamp (a buggy or replayed client), pick one the same way everywhere.
            win = _canonical(value) > _canonical(values.get(name))
            if not win:
                continue
        if win:
            values[name] = value
            stamps[name] = incoming
            taken.append(name)
        else:
            lost.append(name)
    return MergeResult(values, compact(stamps), tuple(taken), tuple(lost))


def compare_stamps(a: str, b: str) -> int:
    """-1, 0 or 1 as stamp ``a`` is older than, the same as or newer than ``b``;
    two malformed stamps (equal in order) fall back to their text, so every replica
    still picks the same one."""
    ka, kb = stamp_order(a), stamp_order(b)
    if ka != kb:
        return 1 if ka > kb else -1
    return (a > b) - (a < b)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
