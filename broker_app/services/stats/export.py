"""The monthly statistics workbook (月度统计表): the figures of ``services.stats.monthly``
laid out per village, with a bold 小计 row per township and a 合计 row.

Sheets: 就业状态 (people by status and, of the employed, by 务工地域), 重点群体
(each priority group and how many of them work), 输出与服务 (batches and people
exported in the month, follow-ups, trainings), 输出批次明细 (the month's batches).
Every number comes from ``monthly_statistics``; this module only lays them out.

The sheets are the ``MONTHLY_SHEETS`` table, in order: another feature adds its
sheet to the workbook with one ``MonthlySheet`` there (a name and a function that
writes it from a ``SheetContext``), without touching the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.dispatch.status import batch_status
from broker_app.services.arrears.month_sheet import write_clue_sheet
from broker_app.services.dispatch.columns import tier_label
from broker_app.services.excel.specs import ColumnSpec
from broker_app.services.excel.writer import SheetWriter, XlsxWriter
from broker_app.services.settings.station import StationService
from broker_app.services.stats.monthly import (
    POVERTY_OR_MONITORED,
    WORK_TIERS,
    Month,
    MonthlyStatistics,
    UnitFigures,
    monthly_statistics,
)
from broker_app.store.store import Store

log = logging.getLogger(__name__)

Getter = Callable[[UnitFigures], int]


@dataclass(frozen=True)
class Figure:
    header: str
    get: Getter


def _status(value: str) -> Getter:
    return lambda unit: unit.by_status.get(value, 0)


def _tier(value: str) -> Getter:
    return lambda unit: unit.by_tier.get(value, 0)


def _group(key: str, employed: bool) -> Getter:
    def get(unit: UnitFigures) -> int:
        figures = unit.priority.get(key)
        if figures is None:
            return 0
        return figures.employed if employed else figures.total

    return get


_GROUP_NAMES: Final = {
    PriorityGroup.POVERTY_ALLEVIATED.value: "脱贫人口",
    PriorityGroup.MONITORED.value: "监测对象",
    PriorityGroup.LOW_INCOME.value: "低收入人口",
    PriorityGroup.DISABLED.value: "残疾人",
    PriorityGroup.OLDER.value: "大龄（45-65周岁）",
    POVERTY_OR_MONITORED: "脱贫人口（含监测对象）",
}

STATUS_FIGURES: Final = (
    Figure("劳动力人数", lambda unit: unit.workers),
    *(Figure(status.label, _status(status.value)) for status in EmploymentStatus),
    Figure("已就业合计（含灵活就业、自主创业）", lambda unit: unit.employed),
    *(Figure(f"{tier_label(t)}务工", _tier(t)) for t in WORK_TIERS),
)
PRIORITY_FIGURES: Final = tuple(
    Figure(f"{name}{suffix}", _group(key, employed))
    for key, name in _GROUP_NAMES.items()
    for suffix, employed in (("人数", False), ("已就业", True))
)
FLOW_FIGURES: Final = (
    Figure("输出批次", lambda unit: unit.batches),
    Figure("输出人数", lambda unit: unit.exported),
    Figure("其中脱贫人口（含监测对象）", lambda unit: unit.exported_priority),
    Figure("跟踪服务次数", lambda unit: unit.follow_ups),
    Figure("培训人次", lambda unit: unit.trainings),
)
SHEETS: Final = (
    ("就业状态", "农村劳动力就业状态", STATUS_FIGURES),
    ("重点群体", "重点群体就业情况", PRIORITY_FIGURES),
    ("输出与服务", "劳务输出与跟踪服务", FLOW_FIGURES),
)
BATCH_COLUMNS: Final = (
    ColumnSpec("序号", width=6, kind="int"),
    ColumnSpec("批次", width=28),
    ColumnSpec("务工单位", width=26),
    ColumnSpec("务工地点", width=16),
    ColumnSpec("务工地域", width=10),
    ColumnSpec("出发日期", kind="date"),
    ColumnSpec("状态", width=8),
    ColumnSpec("人数", width=8, kind="int", total=True),
    ColumnSpec("其中脱贫人口（含监测对象）", width=14, kind="int", total=True),
)


@dataclass(frozen=True)
class StatsExportResult:
    path: Path
    statistics: MonthlyStatistics


@dataclass(frozen=True)
class SheetContext:
    """What a sheet of the 月度统计表 is written from."""

    book: XlsxWriter
    store: Store
    statistics: MonthlyStatistics
    station: str
    today: date

    def titles(self, heading: str) -> list[str]:
        """The sheet's title rows: ``heading`` with the month, and the station, month,
        what the people figures stand for, and the day of the table."""
        return _titles(heading, self.station, self.statistics, self.today)


@dataclass(frozen=True)
class MonthlySheet:
    """One sheet of the workbook: its name and the function that writes it."""

    name: str
    write: Callable[[SheetContext], None]


def _figure_sheet(title: str, heading: str, figures: Sequence[Figure]) -> MonthlySheet:
    def write(ctx: SheetContext) -> None:
        columns = [
            ColumnSpec("乡镇（街道）", width=14),
            ColumnSpec("村（社区）", width=14),
            *(ColumnSpec(f.header, width=_width(f.header), kind="int") for f in figures),
        ]
        sheet = ctx.book.add_sheet(title, columns, title_rows=ctx.titles(heading), paper=True)
        write_units(sheet, ctx.statistics, figures)

    return MonthlySheet(title, write)


def _batch_sheet(ctx: SheetContext) -> None:
    sheet = ctx.book.add_sheet(
        "输出批次明细", BATCH_COLUMNS, title_rows=ctx.titles("劳务输出批次明细"), paper=True
    )
    write_batches(sheet, ctx.statistics)


def _clue_sheet(ctx: SheetContext) -> None:
    month = ctx.statistics.month
    write_clue_sheet(
        ctx.book, ctx.store, month.first, month.last, month.label, ctx.station, ctx.today
    )


#: The workbook's sheets, in order.
MONTHLY_SHEETS: Final[tuple[MonthlySheet, ...]] = (
    *(_figure_sheet(title, heading, figures) for title, heading, figures in SHEETS),
    MonthlySheet("输出批次明细", _batch_sheet),
    MonthlySheet("欠薪线索", _clue_sheet),
)


class StatsExportService:
    def __init__(self, store: Store, sheets: Sequence[MonthlySheet] = MONTHLY_SHEETS) -> None:
        self.store = store
        self.sheets = tuple(sheets)

    def export(self, path: Path, month: Month, today: date | None = None) -> StatsExportResult:
        today = today or date.today()
        stats = monthly_statistics(self.store, month, today)
        station = StationService(self.store).info().name
        with XlsxWriter(path) as book:
            ctx = SheetContext(book, self.store, stats, station, today)
            for sheet in self.sheets:
                sheet.write(ctx)
        log.info("monthly statistics %s to %s", month, path)
        return StatsExportResult(path, stats)


def write_units(sheet: SheetWriter, stats: MonthlyStatistics, figures: Sequence[Figure]) -> None:
    """Villages grouped by township, a bold 小计 per township, then 合计."""
    villages_of: dict[str, list[UnitFigures]] = {}
    for village in stats.villages:
        villages_of.setdefault(village.code[:9] + "000", []).append(village)
    for township in stats.townships:
        for village in villages_of.get(township.code, []):
            sheet.append([township.name, village.name, *(f.get(village) for f in figures)])
        sheet.append_total_row(township.name, _values(township, figures, "小计"))
    sheet.append_total_row("合计", _values(stats.total, figures, ""))


def write_batches(sheet: SheetWriter, stats: MonthlyStatistics) -> None:
    for n, batch in enumerate(stats.batches, start=1):
        status = batch_status(batch.status)
        sheet.append(
            [
                n,
                batch.name,
                batch.employer,
                batch.destination,
                tier_label(batch.place_tier),
                batch.departure_date,
                status.label if status else batch.status,
                batch.people,
                batch.priority,
            ]
        )
    sheet.append_total_row("合计", {"批次": f"共 {len(stats.batches)} 批"})


def _values(unit: UnitFigures, figures: Sequence[Figure], village: str) -> dict[int | str, object]:
    values: dict[int | str, object] = {1: village}
    for index, figure in enumerate(figures, start=2):
        values[index] = figure.get(unit)
    return values


def _titles(heading: str, station: str, stats: MonthlyStatistics, today: date) -> list[str]:
    parts = [f"驿站：{station}"] if station else []
    if stats.before_history:
        start = stats.history_from.isoformat() if stats.history_from else "尚无记录"
        stock = (
            f"本月早于就业状态记录的开始（{start}），无法得出月末的劳动力、就业状态和重点群体人数"
        )
    elif stats.from_history:
        stock = f"人数为{stats.month.last.isoformat()}月末的就业状态（按状态变更记录）"
    else:
        stock = "人数为制表时花名册状态"
    parts += [
        f"统计月份：{stats.month.label}",
        f"{stock}，大龄按{stats.as_of.isoformat()}计",
        f"制表日期：{today.isoformat()}",
    ]
    return [f"{stats.month.label}{heading}统计表", "　".join(parts)]


def _width(header: str) -> float:
    # Long headers wrap in the header row; keep number columns narrow.
    return 10.0 if len(header) > 4 else 8.0
