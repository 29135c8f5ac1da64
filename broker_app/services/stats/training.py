"""Trainings of the year by kind, against the year's targets.

The mission sets yearly targets for the whole city of 济宁 (measures 10, 12, 14):
创业培训 2000 人次, 农业生产经营 1万 人次, 职业技能培训 5000 人次. A village or
township is not given a share of them, so the page shows the city figures for
reference only; a station measures itself against its own targets, which it sets
per year (``save_targets``; kept in the station's settings).

Counting follows the 月度统计表 (``services.stats.monthly``): a training counts in the
year it ended (its start date when no end date is recorded), 人次 (each training
once), for people still on the roster. Measure 14 names "农民工安全知识培训"
among its 职业技能 trainings, so 安全知识培训 counts towards that target.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from broker_app.domain.common.enums import TrainingKind
from broker_app.domain.common.errors import FieldError
from broker_app.store.repositories import statistics as statistics_repo
from broker_app.store.repositories.station import get_setting, put_setting
from broker_app.store.store import Store

#: Station setting: {"2026": {"entrepreneurship": 40, ...}, ...}.
TARGETS_SETTING: Final = "stats.training_targets"
MAX_TARGET: Final = 1_000_000


@dataclass(frozen=True)
class TargetLine:
    """One row of the training chart: the kinds it counts and the city's target."""

    key: str
    label: str
    kinds: tuple[str, ...]
    #: The mission's yearly target for 济宁市 (人次), None for kinds without one.
    city_target: int | None
    #: Where the target comes from, e.g. "措施10".
    source: str = ""


TARGET_LINES: Final = (
    TargetLine(
        "entrepreneurship",
        "创业培训",
        (TrainingKind.ENTREPRENEURSHIP.value,),
        2000,
        "措施10",
    ),
    TargetLine(
        "agriculture",
        "农业经营培训",
        (TrainingKind.AGRICULTURE.value,),
        10_000,
        "措施12",
    ),
    TargetLine(
        "vocational",
        "职业技能培训",
        (TrainingKind.VOCATIONAL.value, TrainingKind.SAFETY.value),
        5000,
        "措施14",
    ),
    TargetLine("other", "其他培训", (TrainingKind.OTHER.value,), None),
)
#: Lines a station may set a target for.
TARGET_KEYS: Final = tuple(line.key for line in TARGET_LINES if line.city_target is not None)


@dataclass(frozen=True)
class TrainingTargets:
    """A station's own targets for one year; a line without one is absent."""

    year: int
    targets: Mapping[str, int]


@dataclass(frozen=True)
class LineProgress:
    line: TargetLine
    trained: int
    #: The station's own target for the year, if set.
    target: int | None

    @property
    def share(self) -> float | None:
        """Trained / target, or None without a target."""
        return self.trained / self.target if self.target else None


@dataclass(frozen=True)
class TrainingProgress:
    year: int
    lines: tuple[LineProgress, ...]
    #: TrainingKind value -> trainings of the year (kinds from newer versions too).
    by_kind: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    @property
    def has_targets(self) -> bool:
        return any(line.target for line in self.lines)


def trainings_by_kind(store: Store, year: int) -> dict[str, int]:
    """TrainingKind value -> trainings that ended in ``year``, of people on the roster."""
    with store.read() as session:
        return statistics_repo.trainings_by_kind(session, date(year, 1, 1), date(year, 12, 31))


def training_progress(store: Store, year: int) -> TrainingProgress:
    """The year's trainings per target line, with the station's targets."""
    by_kind = trainings_by_kind(store, year)
    targets = load_targets(store, year).targets
    lines = tuple(
        LineProgress(line, sum(by_kind.get(k, 0) for k in line.kinds), targets.get(line.key))
        for line in TARGET_LINES
    )
    known = {kind for line in TARGET_LINES for kind in line.kinds}
    unknown = sum(n for kind, n in by_kind.items() if kind not in known)
    if unknown:
        # A kind from a newer version still counts: under 其他培训.
        other = lines[-1]
        lines = (*lines[:-1], LineProgress(other.line, other.trained + unknown, None))
    return TrainingProgress(year, lines, by_kind)


def load_targets(store: Store, year: int) -> TrainingTargets:
    with store.read() as session:
        stored = _read(get_setting(session, TARGETS_SETTING))
    return TrainingTargets(year, stored.get(str(year), {}))


def save_targets(store: Store, targets: TrainingTargets) -> None:
    """Store the year's targets; a line given as 0 or absent has no target."""
    clean: dict[str, int] = {}
    for key, value in targets.targets.items():
        if key not in TARGET_KEYS:
            raise FieldError(key, f"未知的培训目标：{key}", f"unknown target {key!r}")
        if not 0 <= value <= MAX_TARGET:
            raise FieldError(
                key,
                f"培训目标应为0到{MAX_TARGET}之间的整数",
                f"target {value} out of range",
                reason="range",
            )
        if value:
            clean[key] = int(value)
    with store.write() as session:
        stored = _read(get_setting(session, TARGETS_SETTING))
        if clean:
            stored[str(targets.year)] = clean
        else:
            stored.pop(str(targets.year), None)
        put_setting(session, TARGETS_SETTING, json.dumps(stored, ensure_ascii=False))


def _read(text: str | None) -> dict[str, dict[str, int]]:
    """The stored targets; anything unreadable counts as none set."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    out: dict[str, dict[str, int]] = {}
    for year, lines in value.items():
        if isinstance(lines, dict):
            out[str(year)] = {
                k: v for k, v in lines.items() if isinstance(v, int) and v > 0 and k in TARGET_KEYS
            }
    return out
