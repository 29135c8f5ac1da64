"""Finding a village's code from the names people write in a roster.

Rosters say 庄里村, 庄里, or 庄里村民委员会 for the same village, and 太平镇 or 太平 for
its township; the division list says 庄里村民委员会. Names are compared by their core
(the name without the committee or township suffix). A village name that exists in
two townships needs the township column to decide.
"""

from __future__ import annotations

import re
import unicodedata

from broker_app.domain.common.errors import FieldError
from broker_app.domain.org.units import OrgDirectory

_COMMITTEE_SUFFIX = re.compile(r"(社区居民委员会|社区居委会|村民委员会|居民委员会|村委会|居委会)$")
_PLACE_SUFFIX = re.compile(r"(社区|村)$")
_TOWNSHIP_SUFFIX = re.compile(r"(人民政府|办事处)?$")
_TOWNSHIP_KIND = re.compile(r"(街道|镇|乡)$")


def _core(name: str, pattern: re.Pattern[str]) -> str:
    text = unicodedata.normalize("NFKC", name).replace(" ", "").strip()
    return pattern.sub("", text)


def village_keys(name: str) -> tuple[str, ...]:
    """Forms a village name is looked up by, most specific first: without the
    committee suffix (太平一村村民委员会 -> 太平一村), then also without 村/社区 (太平一)."""
    committee_free = _core(name, _COMMITTEE_SUFFIX)
    bare = _PLACE_SUFFIX.sub("", committee_free)
    return (committee_free, bare) if bare and bare != committee_free else (committee_free,)


def township_core(name: str) -> str:
    return _core(_core(name, _TOWNSHIP_SUFFIX), _TOWNSHIP_KIND)


class VillageResolver:
    """Resolves (township, village) names to a village code within one station's scope."""

    def __init__(self, directory: OrgDirectory, scope_code: str) -> None:
        self.directory = directory
        self.scope_code = scope_code
        self._by_core: dict[str, list[str]] = {}
        for code in directory.village_codes_in_scope(scope_code):
            for key in village_keys(directory.get(code).name):
                self._by_core.setdefault(key, []).append(code)
        self._township_cores = {
            township_core(t.name): t.code
            for t in directory.townships()
            if directory.in_scope(scope_code, t.code) or directory.in_scope(t.code, scope_code)
        }
        villages = directory.village_codes_in_scope(scope_code)
        self._only_village = villages[0] if len(villages) == 1 else None

    def resolve(self, township: str, village: str) -> str:
        """The 12-digit code, or FieldError(field="org_code") saying why not."""
        village = village.strip()
        if not village:
            if self._only_village:
                return self._only_village  # a village station: its own village
            raise FieldError(
                "org_code", "户籍村不能为空", "household village missing", reason="required"
            )
        if village.isdigit() and len(village) == 12:
            if self.directory.find(village) and self.directory.in_scope(self.scope_code, village):
                return village
            raise self._outside(village)
        candidates: list[str] = []
        for key in village_keys(village):
            candidates = self._by_core.get(key, [])
            if candidates:
                break
        if township.strip():
            township_code = self._township_cores.get(township_core(township))
            if township_code is None:
                raise FieldError(
                    "org_code",
                    f"乡镇“{township}”不是本驿站辖区内的镇街",
                    f"township {township!r} not in scope",
                    reason="township",
                )
            candidates = [c for c in candidates if c.startswith(township_code[:9])]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise self._outside(village)
        names = "、".join(self.directory.display_name(c) for c in candidates)
        raise FieldError(
            "org_code",
            f"村名“{village}”在多个镇街都有（{names}），请填写乡镇列",
            f"village {village!r} is ambiguous: {candidates}",
            reason="ambiguous",
        )

    def _outside(self, village: str) -> FieldError:
        return FieldError(
            "org_code",
            f"“{village}”不是本驿站辖区内的村（社区）",
            f"village {village!r} not found in scope {self.scope_code}",
            reason="not_found",
        )
