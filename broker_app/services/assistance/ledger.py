"""The 就业帮扶台账 workbook: every priority-group worker with their work and the
services and trainings received (mission 保障措施(二): "建立就业帮扶台账，精准提供
跟踪就业服务").

Who is in it: 脱贫户, 防止返贫监测对象, 农村低收入人口, 农村残疾人 and 大龄 (45-65
周岁 on the export day), the groups of mission measure 5; ``groups`` narrows it.
One row per person, by household village and name. Columns follow the fields
practice reports list for such a ledger (shared data notes, section 4): identity,
category, work (status, mode, tier, employer, work type, dates, income), training
wish, and the support received as a count plus the latest entry, with the last
follow-up date (a county that updates monthly looks for people not seen lately).

On paper: 28 columns fitted to one A4 width print at about a third of their size, so
the workbook holds the ledger as three sheets a clerk files separately, 基本信息,
就业情况 and 帮扶与跟踪 (``LEDGER_GROUPS``), each printable on A4 landscape at full
size with 序号, 姓名 and 身份证号 repeated, rows in the same order on all three.

Unless exported ``full``, ID numbers and phones are masked, the 人员类别 cell folds
脱贫户 / 监测对象 / 低收入 / 残疾 into 重点帮扶 and the monitoring type reads 已隐藏
(``domain.people.privacy``). Every export is written to the audit log.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from broker_app.domain.common.enums import (
    Education,
    EmploymentMode,
    EmploymentStatus,
    FollowUpKind,
    Gender,
    MonitoringType,
    PlaceTier,
    PriorityGroup,
    TrainingKind,
)
from broker_app.domain.people.idcard import age_on, years_before
from broker_app.domain.people.priority import OLDER_MAX_AGE, OLDER_MIN_AGE
from broker_app.domain.people.privacy import Personal, group_names, shown
from broker_app.services.audit import CHANNEL_APP, LEDGER, AuditService
from broker_app.services.dispatch.columns import household_place
from broker_app.services.excel.specs import ColumnSpec
from broker_app.services.excel.writer import XlsxWriter
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.store.repositories.ledger import count_ledger, iter_ledger_rows
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store

log = logging.getLogger(__name__)

ALL_GROUPS: Final = frozenset(PriorityGroup)
#: Short names of the groups in the 人员类别 cell, as ledgers write them.
GROUP_SHORT: Final = {
    PriorityGroup.POVERTY_ALLEVIATED: "脱贫户",
    PriorityGroup.MONITORED: "监测对象",
    PriorityGroup.LOW_INCOME: "低收入",
    PriorityGroup.DISABLED: "残疾",
    PriorityGroup.OLDER: "大龄",
}

LEDGER_COLUMNS: Final = (
    ColumnSpec("序号", width=7, kind="int"),
    ColumnSpec("姓名", width=10),
    ColumnSpec("性别", width=6),
    ColumnSpec("年龄", width=6, kind="int"),
    ColumnSpec("身份证号", kind="id_text"),
    ColumnSpec("联系电话", width=14, kind="id_text"),
    ColumnSpec("户籍乡镇", width=12),
    ColumnSpec("户籍村", width=14),
    ColumnSpec("人员类别", width=16),
    ColumnSpec("监测对象类型", width=14),
    ColumnSpec("文化程度", width=10),
    ColumnSpec("就业状态", width=10),
    ColumnSpec("就业方式", width=14),
    ColumnSpec("务工地域", width=10),
    ColumnSpec("务工单位", width=24),
    ColumnSpec("务工地点", width=14),
    ColumnSpec("工种", width=12),
    ColumnSpec("务工开始日期", kind="date"),
    ColumnSpec("务工结束日期", kind="date"),
    ColumnSpec("月收入（元）", kind="money"),
    ColumnSpec("培训意愿", width=8),
    ColumnSpec("跟踪服务次数", width=8, kind="int", total=True),
    ColumnSpec("最后跟踪日期", kind="date"),
    ColumnSpec("最近一次服务", width=30),
    ColumnSpec("参加培训次数", width=8, kind="int", total=True),
    ColumnSpec("最近一次培训", width=24),
    ColumnSpec("最近培训结束日期", kind="date"),
    ColumnSpec("备注", width=20),
)
LEDGER_HEADERS: Final = tuple(spec.header for spec in LEDGER_COLUMNS)
#: Columns that begin every sheet, so each printed page says whose row it is.
KEY_HEADERS: Final = ("序号", "姓名", "身份证号")
#: The sheets of the ledger and the columns each holds after the key columns.
LEDGER_GROUPS: Final = (
    ("基本信息", ("性别", "年龄", "联系电话", "户籍乡镇", "户籍村", "人员类别", "监测对象类型",
                 "文化程度", "培训意愿", "备注")),
    ("就业情况", ("就业状态", "就业方式", "务工地域", "务工单位", "务工地点", "工种",
                 "务工开始日期", "务工结束日期", "月收入（元）")),
    ("帮扶与跟踪", ("跟踪服务次数", "最后跟踪日期", "最近一次服务", "参加培训次数",
                   "最近一次培训", "最近培训结束日期")),
)  # fmt: skip
_BY_HEADER: Final = {spec.header: i for i, spec in enumerate(LEDGER_COLUMNS)}
#: For each sheet, the positions in a full ledger row of the cells it holds.
_GROUP_INDEXES: Final = tuple(
    tuple(_BY_HEADER[h] for h in (*KEY_HEADERS, *headers)) for _, headers in LEDGER_GROUPS
)


def _labels(enum: Any) -> dict[str, str]:
    return {member.value: member.label for member in enum}


#: The groups in the order of the 人员类别 cell (``LedgerCells.cells`` flags).
_CATEGORY_ORDER: Final = (
    PriorityGroup.POVERTY_ALLEVIATED,
    PriorityGroup.MONITORED,
    PriorityGroup.LOW_INCOME,
    PriorityGroup.DISABLED,
    PriorityGroup.OLDER,
)
_GENDERS = _labels(Gender)
_EDUCATION = _labels(Education)
_STATUS = _labels(EmploymentStatus)
_MODES = _labels(EmploymentMode)
_TIERS = _labels(PlaceTier)
_MONITORING = _labels(MonitoringType)
_FOLLOW_KINDS = _labels(FollowUpKind)
_TRAINING_KINDS = _labels(TrainingKind)


@dataclass(frozen=True)
class LedgerResult:
    path: Path
    people: int


class LedgerExportService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def export(
        self,
        path: Path,
        *,
        full: bool = False,
        groups: Collection[PriorityGroup] = ALL_GROUPS,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
        channel: str = CHANNEL_APP,
    ) -> LedgerResult:
        """Write the ledger to ``path`` (complete or not at all); returns the count."""
        today = today or date.today()
        chosen = frozenset(groups) or ALL_GROUPS
        cells = LedgerCells(today, full=full)
        with self.store.read() as session:
            total = count_ledger(session, chosen, today)
            station = get_station(session).name
            rows = iter_ledger_rows(session, chosen, today)
            titles = ledger_titles(station, chosen, total, today)
            with XlsxWriter(path) as book:
                sheets = [
                    book.add_sheet(
                        name,
                        [LEDGER_COLUMNS[i] for i in indexes],
                        title_rows=[f"{titles[0]}（{name}）", *titles[1:]],
                        paper=True,
                    )
                    for (name, _), indexes in zip(LEDGER_GROUPS, _GROUP_INDEXES, strict=True)
                ]
                parts = list(zip(sheets, _GROUP_INDEXES, strict=True))
                for row in _checked(rows, cancel, progress, total):
                    values = cells.cells(row)
                    for sheet, indexes in parts:
                        sheet.append([values[i] for i in indexes])
                for sheet in sheets:
                    sheet.append_total_row("合计", {"姓名": f"共 {cells.rows} 人"})
        progress(1.0, "完成")
        log.info("ledger of %d people to %s (full=%s)", cells.rows, path, full)
        AuditService(self.store, channel=channel).record_export(LEDGER, path, cells.rows, full=full)
        return LedgerResult(path, cells.rows)


def ledger_titles(
    station: str, groups: Collection[PriorityGroup], total: int, today: date
) -> list[str]:
    names = "、".join(GROUP_SHORT[g] for g in PriorityGroup if g in groups)
    if PriorityGroup.OLDER in groups:
        names = names.replace("大龄", f"大龄（{OLDER_MIN_AGE}-{OLDER_MAX_AGE}周岁）")
    parts = [f"驿站：{station}"] if station else []
    parts += [f"范围：{names}", f"导出日期：{today.isoformat()}", f"共 {total} 人"]
    return ["就业帮扶台账", "　".join(parts)]


class LedgerCells:
    """Turns ``store.repositories.ledger.LEDGER_FIELDS`` tuples into ledger cells."""

    def __init__(self, today: date, *, full: bool) -> None:
        self.today = today
        self.full = full
        self.older_from = years_before(today, OLDER_MAX_AGE + 1)
        self.older_to = years_before(today, OLDER_MIN_AGE)
        self.rows = 0
        # The 人员类别 cell by group memberships: 32 texts at most, one per row.
        self._categories: dict[tuple[bool, ...], str] = {}

    def _category(self, flags: tuple[bool, ...]) -> str:
        groups = [group for group, member in zip(_CATEGORY_ORDER, flags, strict=True) if member]
        return "、".join(group_names(groups, GROUP_SHORT, full=self.full))

    def cells(self, row: tuple[Any, ...]) -> list[object]:
        (name, gender, birth, id_number, phone, org_code, poverty, monitoring, low_income,
         disabled, education, status, mode, tier, employer, work_place, skills, start, end,
         income, willing, notes, follow_ups, last_follow, follow_kind, follow_content,
         follow_result, trainings, course, training_kind, training_end) = row  # fmt: skip
        self.rows += 1
        township, village = household_place(org_code)
        older = birth is not None and self.older_from < birth <= self.older_to
        flags = (bool(poverty), monitoring is not None, bool(low_income), bool(disabled), older)
        category = self._categories.get(flags)
        if category is None:
            category = self._categories[flags] = self._category(flags)
        monitoring_type = _MONITORING.get(monitoring, monitoring or "")
        return [
            self.rows,
            name,
            _GENDERS.get(gender, gender),
            age_on(birth, self.today) if birth and birth <= self.today else None,
            shown(Personal.ID_NUMBER, id_number, full=self.full),
            shown(Personal.PHONE, phone, full=self.full),
            township,
            village,
            category,
            monitoring_type if self.full else shown(Personal.ASSISTANCE, None),
            _EDUCATION.get(education, education or ""),
            _STATUS.get(status, status or ""),
            _MODES.get(mode, mode or ""),
            _TIERS.get(tier, tier or ""),
            employer,
            work_place,
            "、".join(skills or ()),
            start,
            end,
            income,
            "" if willing is None else ("是" if willing else "否"),
            follow_ups,
            last_follow,
            _service_text(follow_kind, follow_content, follow_result),
            trainings,
            _training_text(course, training_kind),
            training_end,
            notes,
        ]


def _service_text(kind: str | None, content: str | None, result: str | None) -> str:
    if kind is None:
        return ""
    text = f"{_FOLLOW_KINDS.get(kind, kind)}：{content or ''}"
    return f"{text}（{result}）" if result else text


def _training_text(course: str | None, kind: str | None) -> str:
    if course is None:
        return ""
    label = _TRAINING_KINDS.get(kind or "", kind or "")
    return f"{course}（{label}）" if label and label not in course else course


def _checked(
    rows: Iterator[tuple[Any, ...]], cancel: CancelToken | None, progress: Progress, total: int
) -> Iterator[tuple[Any, ...]]:
    for n, row in enumerate(rows):
        if n % 2000 == 0:
            if cancel is not None:
                cancel.check()
            if n:
                progress(n / max(1, total), f"已导出 {n}/{total} 人")
        yield row
