"""The org-unit tree of 邹城市: county, 16 townships, 714 villages.

Loaded once from the bundled division lists (2023 statistical division codes).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from broker_app.domain.common.enums import OrgLevel
from broker_app.domain.common.errors import FieldError
from broker_app.domain.common.resources import resource_path
from broker_app.domain.org.codes import (
    CODE_LENGTH,
    COUNTY_CODE,
    code_in_scope,
    level_of,
    normalize_org_code,
    scope_prefix,
)
from broker_app.domain.org.unit import OrgUnit

if TYPE_CHECKING:
    from broker_app.domain.org.search import OrgSearchIndex

__all__ = [
    "COUNTY_NAME",
    "OrgDirectory",
    "OrgUnit",
    "load_zoucheng",
    "normalize_org_code",
    "short_name_of",
]

COUNTY_NAME = "邹城市"
DISPLAY_SEPARATOR = " / "

# Committee suffixes in official village names, and what people call the place;
# the longer suffix is tried first.
_SHORT_SUFFIXES = (
    ("社区居民委员会", "社区"),
    ("社区居委会", "社区"),
    ("村民委员会", "村"),
    ("居民委员会", "居委会"),
)


def short_name_of(name: str) -> str:
    """The everyday name: 孟庄社区居委会 -> 孟庄社区, 某某村民委员会 -> 某某村.

    A village already called …村 keeps its name (太平一村村民委员会 -> 太平一村,
    not 太平一村村), and 福悦社区居民委员会 becomes 福悦社区 like the other 社区.
    """
    for suffix, replacement in _SHORT_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if stem.endswith(replacement):
                return stem
            return stem + replacement
    return name


class OrgDirectory:
    """Lookup, tree walks, scope checks and search over a fixed set of units."""

    def __init__(self, units: Iterable[OrgUnit]) -> None:
        self._units: dict[str, OrgUnit] = {}
        self._children: dict[str, list[OrgUnit]] = {}
        for unit in units:
            self._units[unit.code] = unit
            self._children.setdefault(unit.code, [])
            if unit.parent_code is not None:
                self._children.setdefault(unit.parent_code, []).append(unit)
        for siblings in self._children.values():
            siblings.sort(key=lambda unit: unit.code)
        for unit in self._units.values():
            if unit.parent_code is not None and unit.parent_code not in self._units:
                raise ValueError(f"unit {unit.code} has unknown parent {unit.parent_code}")
        counties = [unit for unit in self._units.values() if unit.level is OrgLevel.COUNTY]
        if len(counties) != 1:
            raise ValueError(f"expected one county unit, found {len(counties)}")
        self._county = counties[0]
        self._search_index: OrgSearchIndex | None = None

    def __len__(self) -> int:
        return len(self._units)

    @property
    def county(self) -> OrgUnit:
        return self._county

    def find(self, code: str) -> OrgUnit | None:
        """The unit with this 6-, 9- or 12-digit code, or None if malformed or unknown."""
        try:
            return self._units.get(normalize_org_code(code))
        except FieldError:
            return None

    def get(self, code: str) -> OrgUnit:
        """The unit with this code; KeyError if there is none."""
        unit = self.find(code)
        if unit is None:
            raise KeyError(code)
        return unit

    def townships(self) -> list[OrgUnit]:
        return list(self._children[self._county.code])

    def villages(self, township_code: str | None = None) -> list[OrgUnit]:
        """All villages in code order, or those of one township (KeyError if unknown)."""
        if township_code is not None:
            township = self.get(township_code)
            if township.level is not OrgLevel.TOWNSHIP:
                raise KeyError(township_code)
            return list(self._children[township.code])
        return [
            village for township in self.townships() for village in self._children[township.code]
        ]

    def children(self, code: str) -> list[OrgUnit]:
        """Units directly under ``code`` in code order (empty for a village)."""
        return list(self._children[self.get(code).code])

    def path(self, code: str) -> list[OrgUnit]:
        """County first, then township, then village, ending at ``code`` itself."""
        chain = [self.get(code)]
        while chain[-1].parent_code is not None:
            chain.append(self.get(chain[-1].parent_code))
        chain.reverse()
        return chain

    def in_scope(self, scope_code: str, code: str) -> bool:
        """True if ``code`` lies within ``scope_code``: the county holds every code
        under 370883, a township itself and its villages, a village only itself.

        Judged from the digits, so codes missing from the bundled list still
        resolve; FieldError if either code is malformed.
        """
        return code_in_scope(scope_code, code)

    def village_codes_in_scope(self, scope_code: str) -> list[str]:
        """Codes of the known villages within ``scope_code``, in code order."""
        prefix = scope_prefix(normalize_org_code(scope_code))
        return [village.code for village in self.villages() if village.code.startswith(prefix)]

    def display_name(self, code: str) -> str:
        """Short names below the county joined by " / ": "中心店镇 / 某某村"."""
        chain = self.path(code)
        shown = chain[1:] or chain
        return DISPLAY_SEPARATOR.join(unit.short_name for unit in shown)

    def search(self, text: str, limit: int = 50) -> list[OrgUnit]:
        """Units matching ``text`` best first: by Chinese name substring, by pinyin
        prefix ("zhongxin") or pinyin initials ("zxd"), or by code prefix.

        Empty text lists the county and townships first, for a picker's first view.
        """
        if self._search_index is None:
            # Built on first use: it needs pypinyin, which most sessions never load.
            from broker_app.domain.org.search import OrgSearchIndex

            self._search_index = OrgSearchIndex(self._tree_order())
        return self._search_index.search(text, limit)

    def _tree_order(self) -> list[OrgUnit]:
        return [self._county, *self.townships(), *self.villages()]


@cache
def load_zoucheng() -> OrgDirectory:
    """The bundled 邹城市 division tree (read once per process)."""
    units = [
        OrgUnit(
            code=COUNTY_CODE,
            name=COUNTY_NAME,
            level=OrgLevel.COUNTY,
            parent_code=None,
            short_name=COUNTY_NAME,
        )
    ]
    for row in _read_rows("zoucheng_townships.csv"):
        code = normalize_org_code(row["code"])
        units.append(
            OrgUnit(
                code=code,
                name=row["name"].strip(),
                level=OrgLevel.TOWNSHIP,
                parent_code=COUNTY_CODE,
                short_name=short_name_of(row["name"].strip()),
            )
        )
    for row in _read_rows("zoucheng_villages.csv"):
        code = row["code"].strip()
        if len(code) != CODE_LENGTH or level_of(code) is not OrgLevel.VILLAGE:
            raise ValueError(f"bad village code in division list: {code!r}")
        name = row["name"].strip()
        units.append(
            OrgUnit(
                code=code,
                name=name,
                level=OrgLevel.VILLAGE,
                parent_code=normalize_org_code(row["township_code"]),
                short_name=short_name_of(name),
            )
        )
    return OrgDirectory(units)


def _read_rows(filename: str) -> list[dict[str, str]]:
    # utf-8-sig: a copy re-saved by Excel on Windows gains a byte-order mark.
    with resource_path("divisions", filename).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))
