"""Dispatch lists (劳务输出人员名单) of one or many batches, in one action.

Two shapes:

- ONE workbook: a summary sheet (汇总) first, then a sheet per batch. The summary's
  人数 and 脱贫人口 figures are counted from the very rows written to the batch
  sheets, so the two can never disagree.
- A FOLDER with one workbook per batch.

Every workbook goes through the project's one writer (text IDs and phones, inert
user text, print setup, temp-then-rename). The folder shape adds its own
all-or-nothing step: every file is first written complete into a hidden staging
folder beside (or inside) the destination; only when all are done are they moved
into place: the staging folder is renamed to the destination when that does not
exist yet, else the files are moved in one by one. A cancel or a crash before that
point leaves nothing under the destination name (the staging folder is removed; a
crash may leave a hidden ``.…tmp`` folder, never a half file). A failure during the
final moves (a file of the same name open in Excel) leaves the files moved so far,
each complete, and says which one failed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from broker_app.domain.dispatch.query import BatchFilter
from broker_app.domain.dispatch.status import batch_status
from broker_app.domain.people.privacy import Personal, shown, shown_count, shown_total
from broker_app.services.audit import CHANNEL_APP, DISPATCH_LIST, AuditService
from broker_app.services.dispatch.columns import (
    MEMBER_COLUMNS,
    PRIORITY_HEADER,
    SUMMARY_COLUMNS,
    MemberCells,
    tier_label,
)
from broker_app.services.dispatch.files import Staging, batch_file_names
from broker_app.services.excel.errors import Problem, WorkbookError
from broker_app.services.excel.writer import SheetWriter, XlsxWriter
from broker_app.services.progress import CancelToken, Progress, no_progress
from broker_app.store.repositories import dispatch as queries
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store, Transaction

log = logging.getLogger(__name__)

SUMMARY_TITLE = "汇总"
#: The sheet that holds the one-person batches, one block each, so that printing
#: does not spend a page on each of them.
SINGLES_TITLE = "单人批次"
SUMMARY_PRIORITY = SUMMARY_COLUMNS[-1].header
_CANCEL_EVERY = 500
_PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class DispatchExportResult:
    #: The workbook, or the folder.
    path: Path
    #: Every workbook written (one in workbook mode).
    files: list[Path]
    batches: int
    people: int
    #: Of them 脱贫人口（含防止返贫监测对象）.
    priority: int
    #: ``priority`` as the export may say it (``<3`` or ``≥N`` when masked).
    priority_shown: int | str = 0


class NothingToExport(WorkbookError):
    def __init__(self) -> None:
        super().__init__(
            "没有符合条件的劳务输出批次，请重新选择批次或日期范围。",
            "no dispatch batch matches the selection",
            Problem.EMPTY,
        )


class DispatchExportService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def export(
        self,
        out: Path,
        flt: BatchFilter,
        *,
        full: bool = False,
        channel: str = CHANNEL_APP,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> DispatchExportResult:
        """``out`` ending in .xlsx: one workbook; anything else: a folder of workbooks."""
        if out.suffix.lower() == ".xlsx":
            return self.export_workbook(
                out, flt, full=full, channel=channel, progress=progress, cancel=cancel, today=today
            )
        return self.export_folder(
            out, flt, full=full, channel=channel, progress=progress, cancel=cancel, today=today
        )

    def export_workbook(
        self,
        path: Path,
        flt: BatchFilter,
        *,
        full: bool = False,
        channel: str = CHANNEL_APP,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> DispatchExportResult:
        """One workbook: the summary sheet, then one sheet per batch."""
        today = today or date.today()
        with self.store.read() as session:
            batches, station, run = self._prepare(session, flt, progress, cancel)
            with XlsxWriter(path) as book:
                summary = book.add_sheet(
                    SUMMARY_TITLE,
                    SUMMARY_COLUMNS,
                    title_rows=_summary_titles(station, batches, flt, today),
                    paper=True,
                )
                singles = [b for b in batches if b.members == 1]
                shared: SheetWriter | None = None
                for n, batch in enumerate(batches, start=1):
                    if len(singles) > 1 and batch.members == 1:
                        if shared is None:
                            shared = book.add_sheet(
                                SINGLES_TITLE,
                                MEMBER_COLUMNS,
                                title_rows=_singles_titles(station, len(singles), today),
                                paper=True,
                            )
                        shared.append_note_row(_block_heading(batch, full))
                        sheet = shared
                        cells = run.write(sheet, batch, full, today, total=False)
                    else:
                        sheet = book.add_sheet(
                            batch.name,
                            MEMBER_COLUMNS,
                            title_rows=member_titles(batch, station, today, full=full),
                            paper=True,
                        )
                        cells = run.write(sheet, batch, full, today)
                    summary.append(
                        _summary_row(n, batch, sheet.title, cells.rows, cells.priority, full)
                    )
                if shared is not None:
                    shared.append_total_row("合计", {"姓名": f"共 {len(singles)} 人"})
                summary.append_total_row(
                    "合计", {SUMMARY_PRIORITY: shown_total(run.priorities, full=full)}
                )
                run.finish()
        progress(1.0, "完成")
        log.info("dispatch lists of %d batches (%d people) to %s", len(batches), run.people, path)
        AuditService(self.store, channel=channel).record_export(
            DISPATCH_LIST, path, run.people, full=full
        )
        return DispatchExportResult(
            path, [path], len(batches), run.people, run.priority, run.priority_shown(full)
        )

    def export_folder(
        self,
        folder: Path,
        flt: BatchFilter,
        *,
        full: bool = False,
        channel: str = CHANNEL_APP,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> DispatchExportResult:
        """One workbook per batch in ``folder`` (made if missing), all or nothing."""
        today = today or date.today()
        with self.store.read() as session:
            batches, station, run = self._prepare(session, flt, progress, cancel)
            names = batch_file_names(batches)
            with Staging(folder) as staging:
                for batch, name in zip(batches, names, strict=True):
                    with XlsxWriter(staging.path / name) as book:
                        sheet = book.add_sheet(
                            batch.name,
                            MEMBER_COLUMNS,
                            title_rows=member_titles(batch, station, today, full=full),
                            paper=True,
                        )
                        run.write(sheet, batch, full, today)
                run.finish()
                staging.commit(names)
        progress(1.0, "完成")
        log.info("dispatch lists of %d batches to folder %s", len(batches), folder)
        AuditService(self.store, channel=channel).record_export(
            DISPATCH_LIST, folder, run.people, full=full
        )
        files = [folder / name for name in names]
        return DispatchExportResult(
            folder, files, len(batches), run.people, run.priority, run.priority_shown(full)
        )

    def _prepare(
        self,
        session: Transaction,
        flt: BatchFilter,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> tuple[list[queries.BatchRow], str, _Run]:
        batches = sorted(queries.list_batches(session, flt), key=queries.export_sort_key)
        if not batches:
            raise NothingToExport()
        ids = [b.id for b in batches]
        total = queries.member_count(session, ids)
        station = get_station(session).name
        rows = queries.iter_export_members(session, ids)
        return batches, station, _Run(rows, total, progress, cancel)


class _Run:
    """Counts, progress and cancel checks across the batches of one export."""

    def __init__(
        self,
        rows: Iterator[tuple[str, tuple[Any, ...]]],
        total: int,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> None:
        self._rows = rows
        self._next = next(rows, None)
        self.total = total
        self.progress = progress
        self.cancel = cancel
        self.people = 0
        self.priority = 0
        self.priorities: list[int] = []  # per batch, for a total that hides small ones
        self.batches = 0

    def priority_shown(self, full: bool) -> int | str:
        return shown_total(self.priorities, full=full)

    def write(
        self,
        sheet: SheetWriter,
        batch: queries.BatchRow,
        full: bool,
        today: date,
        *,
        total: bool = True,
    ) -> MemberCells:
        if self.cancel is not None:
            self.cancel.check()
        cells = MemberCells(batch, full=full, on=today)
        for row in self._checked(self._members_of(batch.id)):
            sheet.append(cells.cells(row))
        if total:
            write_member_total(sheet, cells)
        self.priority += cells.priority
        self.priorities.append(cells.priority)
        self.batches += 1
        fraction = self.people / self.total if self.total else 0.0
        self.progress(fraction, f"已导出 {self.batches} 批、{self.people} 人")
        return cells

    def _members_of(self, batch_id: str) -> Iterator[tuple[Any, ...]]:
        """The rows of ``batch_id``: the next run of the one ordered member query."""
        while self._next is not None and self._next[0] == batch_id:
            yield self._next[1]
            self._next = next(self._rows, None)

    def finish(self) -> None:
        if self._next is not None:
            # The query's batch order and the sheets' order disagree: a bug, not data.
            raise RuntimeError(f"member rows of batch {self._next[0]} were not written")

    def _checked(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        for row in rows:
            self.people += 1
            if self.people % _CANCEL_EVERY == 0:
                if self.cancel is not None:
                    self.cancel.check()
                if self.people % _PROGRESS_EVERY == 0:
                    fraction = self.people / max(1, self.total)
                    self.progress(fraction, f"已导出 {self.people}/{self.total} 人")
            yield row


def write_member_total(sheet: SheetWriter, cells: MemberCells) -> None:
    """The 合计 row: 人数 under 姓名, 脱贫人口 under its column (``<3`` when masked
    and small: with 已隐藏 on every row, an exact small count would still say who)."""
    priority = shown_count(cells.priority, full=cells.full)
    sheet.append_total_row(
        "合计",
        {"姓名": f"共 {cells.rows} 人", PRIORITY_HEADER: f"其中 {priority} 人"},
    )


def member_titles(
    batch: queries.BatchRow, station: str, today: date, *, full: bool = False
) -> list[str]:
    """Heading, then who/where, then when/how, of one batch's list."""
    employer = f"{batch.employer}（{batch.project}）" if batch.project else batch.employer
    where = "　".join(
        part
        for part in (
            f"驿站：{station}" if station else "",
            f"务工单位：{employer}",
            f"务工地点：{batch.destination}" if batch.destination else "",
            f"务工地域：{tier_label(batch.place_tier)}",
        )
        if part
    )
    phone = shown(Personal.PHONE, batch.leader_phone, full=full)
    leader = " ".join(p for p in (batch.leader_name, phone) if p)
    departure = batch.departure_date.isoformat() if batch.departure_date else "未定"
    when = "　".join(
        part
        for part in (
            f"出发日期：{departure}",
            f"交通方式：{batch.transport}" if batch.transport else "",
            f"带队人：{leader}" if leader else "",
            f"制表日期：{today.isoformat()}",
        )
        if part
    )
    return [f"{batch.name} 劳务输出人员名单", where, when]


def _singles_titles(station: str, count: int, today: date) -> list[str]:
    parts = [f"驿站：{station}"] if station else []
    parts += [f"共 {count} 批，每批 1 人", f"制表日期：{today.isoformat()}"]
    return ["单人批次 劳务输出人员名单", "　".join(parts)]


def _block_heading(batch: queries.BatchRow, full: bool) -> str:
    """One batch of the 单人批次 sheet: what its own sheet's title lines would say."""
    employer = f"{batch.employer}（{batch.project}）" if batch.project else batch.employer
    departure = batch.departure_date.isoformat() if batch.departure_date else "未定"
    phone = shown(Personal.PHONE, batch.leader_phone, full=full)
    leader = " ".join(p for p in (batch.leader_name, phone) if p)
    parts = [
        batch.name,
        f"务工单位：{employer}",
        f"务工地点：{batch.destination}" if batch.destination else "",
        f"务工地域：{tier_label(batch.place_tier)}",
        f"出发日期：{departure}",
        f"带队人：{leader}" if leader else "",
    ]
    return "　".join(p for p in parts if p)


def _summary_titles(
    station: str, batches: Sequence[queries.BatchRow], flt: BatchFilter, today: date
) -> list[str]:
    parts = [f"驿站：{station}"] if station else []
    if flt.has_range:
        start = flt.date_from.isoformat() if flt.date_from else "……"
        end = flt.date_to.isoformat() if flt.date_to else "……"
        parts.append(f"出发日期：{start} 至 {end}")
    parts += [f"共 {len(batches)} 批", f"制表日期：{today.isoformat()}"]
    return ["劳务输出批次汇总", "　".join(parts)]


def _summary_row(
    n: int, batch: queries.BatchRow, sheet_title: str, people: int, priority: int, full: bool
) -> list[object]:
    status = batch_status(batch.status)
    return [
        n,
        batch.name,
        sheet_title,
        batch.employer,
        batch.project,
        batch.destination,
        tier_label(batch.place_tier),
        batch.departure_date,
        status.label if status else batch.status,
        batch.leader_name,
        shown(Personal.PHONE, batch.leader_phone, full=full),
        people,
        shown_count(priority, full=full),
    ]
