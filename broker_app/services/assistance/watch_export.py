"""The 帮扶预警 list as a workbook, through the one Excel writer.

ID numbers, phones and the 帮扶 categories are masked (``domain.people.privacy``) unless the
caller asks for them in full: the list is for the station's own follow-up work, and
a full list goes to the 人社 office only when it asks. Every export is audited.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from broker_app.domain.common.enums import EmploymentStatus, PriorityGroup
from broker_app.domain.people.privacy import Personal, group_names, shown
from broker_app.services.assistance.watch_list import (
    ALL_GROUPS,
    GROUP_SHORT,
    WatchList,
    WatchReason,
    WatchRules,
    place_name,
    watch_list,
)
from broker_app.services.audit import CHANNEL_APP, WATCH_LIST, AuditService
from broker_app.services.excel.specs import ColumnSpec
from broker_app.services.excel.writer import XlsxWriter
from broker_app.services.settings.station import StationService
from broker_app.store.store import Store

log = logging.getLogger(__name__)

WATCH_COLUMNS: Final = (
    ColumnSpec("序号", width=6, kind="int"),
    ColumnSpec("紧急程度", width=8),
    ColumnSpec("姓名", width=10),
    ColumnSpec("身份证号", kind="id_text"),
    ColumnSpec("联系电话", width=14, kind="id_text"),
    ColumnSpec("户籍地", width=22),
    ColumnSpec("人员类别", width=16),
    ColumnSpec("就业状态", width=10),
    ColumnSpec("原务工单位", width=24),
    ColumnSpec("务工结束日期", kind="date"),
    ColumnSpec("最后跟踪日期", kind="date"),
    ColumnSpec("预警原因", width=50),
)
_STATUS: Final = {status.value: status.label for status in EmploymentStatus}


@dataclass(frozen=True)
class WatchExportResult:
    path: Path
    people: int


def export_watch_list(
    store: Store,
    path: Path,
    rules: WatchRules,
    *,
    groups: Collection[PriorityGroup] = ALL_GROUPS,
    reason: WatchReason | None = None,
    full: bool = False,
    today: date | None = None,
    channel: str = CHANNEL_APP,
    village: str | None = None,
) -> WatchExportResult:
    """Write the watch list (the same rows as ``watch_list`` gives; ``village``'s
    only, when given) to ``path``."""
    today = today or date.today()
    listed = watch_list(store, rules, groups=groups, reason=reason, today=today, village=village)
    station = StationService(store).info().name
    with XlsxWriter(path) as book:
        sheet = book.add_sheet(
            "帮扶预警", WATCH_COLUMNS, title_rows=_titles(station, listed, groups, reason, village)
        )
        for n, entry in enumerate(listed.entries, start=1):
            sheet.append(
                [
                    n,
                    entry.urgency.label,
                    entry.name,
                    shown(Personal.ID_NUMBER, entry.id_number, full=full),
                    shown(Personal.PHONE, entry.phone, full=full),
                    entry.place,
                    "、".join(group_names(entry.groups, GROUP_SHORT, full=full)),
                    _STATUS.get(entry.employment_status, entry.employment_status),
                    entry.employer,
                    entry.job_end,
                    entry.last_follow_up,
                    entry.why,
                ]
            )
        sheet.append_total_row("合计", {"姓名": f"共 {len(listed.entries)} 人"})
    log.info("watch list of %d people to %s (full=%s)", len(listed.entries), path, full)
    AuditService(store, channel=channel).record_export(
        WATCH_LIST, path, len(listed.entries), full=full
    )
    return WatchExportResult(path, len(listed.entries))


def _titles(
    station: str,
    listed: WatchList,
    groups: Collection[PriorityGroup],
    reason: WatchReason | None,
    village: str | None = None,
) -> list[str]:
    rules = listed.rules
    rule_text = (
        f"规则：未就业，或{rules.job_end_days}天内离岗，或超过{rules.follow_up_days}天未跟踪服务"
    )
    parts = [f"驿站：{station}"] if station else []
    if village is not None:
        parts.append(f"村：{place_name(village)}")
    parts.append(rule_text)
    chosen = frozenset(groups) or ALL_GROUPS
    if chosen != ALL_GROUPS:
        parts.append("范围：" + "、".join(GROUP_SHORT[g] for g in PriorityGroup if g in chosen))
    if reason is not None:
        parts.append(f"仅列：{reason.label}")
    parts += [
        f"制表日期：{listed.today.isoformat()}",
        f"共 {len(listed.entries)} 人，按紧急程度排序，建议本周先处理前 {len(listed.this_week)} 人",
    ]
    return ["重点群体帮扶预警名单", "　".join(parts)]
