"""Finding an org unit by what a broker types into a picker.

Chinese text matches names by substring; Latin letters match the pinyin of the
name from its start ("zhongxin") or its syllable initials ("zxd"); digits match
the code from its start. Better matches come first, then higher levels, then
code order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.common.pinyin_text import initials, syllables
from broker_app.domain.common.textnorm import compact
from broker_app.domain.org.unit import OrgUnit

_LEVEL_RANK = {OrgLevel.COUNTY: 0, OrgLevel.TOWNSHIP: 1, OrgLevel.VILLAGE: 2}

# Match tiers, best first.
_EXACT, _PREFIX, _SUBSTRING, _PINYIN, _INITIALS, _CODE = range(6)


@dataclass(frozen=True)
class _Entry:
    unit: OrgUnit
    names: tuple[str, ...]
    pinyins: tuple[str, ...]
    initials: tuple[str, ...]


class OrgSearchIndex:
    """Precomputed names and pinyin of a fixed list of units."""

    def __init__(self, units: Sequence[OrgUnit]) -> None:
        self._entries: list[_Entry] = []
        for unit in units:
            # Both the official and the short name: "居民委员会" and "居委会"
            # spell differently, and either may be what the broker remembers.
            names = tuple(dict.fromkeys((unit.name, unit.short_name)))
            readings = [syllables(name) for name in names]
            self._entries.append(
                _Entry(
                    unit=unit,
                    names=names,
                    pinyins=tuple(dict.fromkeys("".join(parts) for parts in readings)),
                    initials=tuple(dict.fromkeys(initials(parts) for parts in readings)),
                )
            )

    def search(self, text: str, limit: int) -> list[OrgUnit]:
        query = compact(text).lower().replace("'", "")
        if limit <= 0:
            return []
        if not query:
            return [entry.unit for entry in self._entries[:limit]]
        ranked = []
        for position, entry in enumerate(self._entries):
            tier = _tier(entry, query)
            if tier is not None:
                ranked.append((tier, _LEVEL_RANK[entry.unit.level], position, entry.unit))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked[:limit]]


def _tier(entry: _Entry, query: str) -> int | None:
    if query.isascii() and query.isdigit():
        return _CODE if entry.unit.code.startswith(query) else None
    if not query.isascii():
        if query in entry.names:
            return _EXACT
        if any(name.startswith(query) for name in entry.names):
            return _PREFIX
        if any(query in name for name in entry.names):
            return _SUBSTRING
        return None
    if any(reading.startswith(query) for reading in entry.pinyins):
        return _PINYIN
    if any(letters.startswith(query) for letters in entry.initials):
        return _INITIALS
    return None
