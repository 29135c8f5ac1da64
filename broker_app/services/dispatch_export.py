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
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from broker_app.domain.dispatch_query import BatchFilter
from broker_app.domain.dispatch_status import batch_status
from broker_app.services import dispatch_queries as queries
from broker_app.services.dispatch_columns import (
    MEMBER_COLUMNS,
    PRIORITY_HEADER,
    SUMMARY_COLUMNS,
    MemberCells,
    tier_label,
)
from broker_app.services.excel.errors import Problem, WorkbookError
from broker_app.services.excel.writer import SheetWriter, XlsxWriter
from broker_app.services.jobs import CancelToken, Progress, no_progress
from broker_app.store.repositories.station import get_station
from broker_app.store.store import Store

log = logging.getLogger(__name__)

SUMMARY_TITLE = "汇总"
_CANCEL_EVERY = 500
_PROGRESS_EVERY = 2000
_FOLDER_MODE = 0o755
# Characters Windows refuses in file names, and names it reserves.
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_MAX_STEM = 80


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
        mask_ids: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> DispatchExportResult:
        """``out`` ending in .xlsx: one workbook; anything else: a folder of workbooks."""
        if out.suffix.lower() == ".xlsx":
            return self.export_workbook(
                out, flt, mask_ids=mask_ids, progress=progress, cancel=cancel, today=today
            )
        return self.export_folder(
            out, flt, mask_ids=mask_ids, progress=progress, cancel=cancel, today=today
        )

    def export_workbook(
        self,
        path: Path,
        flt: BatchFilter,
        *,
        mask_ids: bool = False,
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
                )
                for n, batch in enumerate(batches, start=1):
                    sheet = book.add_sheet(
                        batch.name, MEMBER_COLUMNS, title_rows=member_titles(batch, station, today)
                    )
                    cells = run.write(session, sheet, batch, mask_ids, today)
                    summary.append(_summary_row(n, batch, sheet.title, cells.rows, cells.priority))
                summary.append_total_row()
        progress(1.0, "完成")
        log.info("dispatch lists of %d batches (%d people) to %s", len(batches), run.people, path)
        return DispatchExportResult(path, [path], len(batches), run.people, run.priority)

    def export_folder(
        self,
        folder: Path,
        flt: BatchFilter,
        *,
        mask_ids: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> DispatchExportResult:
        """One workbook per batch in ``folder`` (made if missing), all or nothing."""
        today = today or date.today()
        with self.store.read() as session:
            batches, station, run = self._prepare(session, flt, progress, cancel)
            names = batch_file_names(batches)
            with _Staging(folder) as staging:
                for batch, name in zip(batches, names, strict=True):
                    with XlsxWriter(staging.path / name) as book:
                        sheet = book.add_sheet(
                            batch.name,
                            MEMBER_COLUMNS,
                            title_rows=member_titles(batch, station, today),
                        )
                        run.write(session, sheet, batch, mask_ids, today)
                staging.commit(names)
        progress(1.0, "完成")
        log.info("dispatch lists of %d batches to folder %s", len(batches), folder)
        files = [folder / name for name in names]
        return DispatchExportResult(folder, files, len(batches), run.people, run.priority)

    def _prepare(
        self,
        session: Session,
        flt: BatchFilter,
        progress: Progress,
        cancel: CancelToken | None,
    ) -> tuple[list[queries.BatchRow], str, _Run]:
        batches = sorted(
            queries.list_batches(session, flt),
            key=lambda b: (b.departure_date is None, b.departure_date or date.min, b.pk),
        )
        if not batches:
            raise NothingToExport()
        total = queries.member_count(session, [b.id for b in batches])
        station = get_station(session).name
        return batches, station, _Run(total, progress, cancel)


class _Run:
    """Counts, progress and cancel checks across the batches of one export."""

    def __init__(self, total: int, progress: Progress, cancel: CancelToken | None) -> None:
        self.total = total
        self.progress = progress
        self.cancel = cancel
        self.people = 0
        self.priority = 0
        self.batches = 0

    def write(
        self,
        session: Session,
        sheet: SheetWriter,
        batch: queries.BatchRow,
        mask_ids: bool,
        today: date,
    ) -> MemberCells:
        if self.cancel is not None:
            self.cancel.check()
        cells = MemberCells(batch, mask_ids=mask_ids, on=today)
        for row in self._checked(queries.iter_member_columns(session, batch.id)):
            sheet.append(cells.cells(row))
        write_member_total(sheet, cells)
        self.priority += cells.priority
        self.batches += 1
        fraction = self.people / self.total if self.total else 0.0
        self.progress(fraction, f"已导出 {self.batches} 批、{self.people} 人")
        return cells

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
    """The 合计 row: 人数 under 姓名, 脱贫人口 under its column."""
    sheet.append_total_row(
        "合计",
        {"姓名": f"共 {cells.rows} 人", PRIORITY_HEADER: f"其中 {cells.priority} 人"},
    )


def member_titles(batch: queries.BatchRow, station: str, today: date) -> list[str]:
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
    leader = " ".join(p for p in (batch.leader_name, batch.leader_phone) if p)
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
    n: int, batch: queries.BatchRow, sheet_title: str, people: int, priority: int
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
        batch.leader_phone,
        people,
        priority,
    ]


def batch_file_names(batches: Sequence[queries.BatchRow]) -> list[str]:
    """A safe, distinct .xlsx file name per batch: departure day and batch name."""
    taken: set[str] = set()
    names = []
    for batch in batches:
        stem = _BAD_FILE_CHARS.sub("_", batch.name).strip().rstrip(". ")
        day = batch.departure_date.isoformat() if batch.departure_date else "未定日期"
        if not stem.startswith(day):
            stem = f"{day} {stem}".strip()
        stem = f"{stem[:_MAX_STEM].rstrip('. ')}_劳务输出名单"
        if stem.split(".")[0].casefold() in _RESERVED:
            stem = f"_{stem}"
        candidate, number = stem, 2
        while candidate.casefold() in taken:
            candidate = f"{stem}({number})"
            number += 1
        taken.add(candidate.casefold())
        names.append(candidate + ".xlsx")
    return names


class _Staging:
    """A hidden folder where the files are written before they all move into place."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.fresh = not folder.exists()
        if not self.fresh and not folder.is_dir():
            raise WorkbookError(
                f"“{folder.name}”已存在且不是文件夹，请换一个名称。",
                f"{folder}: exists and is not a folder",
                Problem.WRITE_FAILED,
            )
        parent = folder.parent if self.fresh else folder
        if not parent.is_dir():
            raise WorkbookError(
                f"保存位置“{parent}”不存在，请重新选择保存位置。",
                f"{parent}: destination folder does not exist",
                Problem.WRITE_FAILED,
            )
        try:
            self.path = Path(
                tempfile.mkdtemp(prefix=f".{folder.name[:60]}.", suffix=".tmp", dir=parent)
            )
        except OSError as exc:
            raise WorkbookError(
                f"无法在“{parent}”中保存：请换一个保存位置后重试。",
                f"{parent}: cannot create staging folder: {exc!r}",
                Problem.WRITE_FAILED,
            ) from exc
        self._done = False

    def __enter__(self) -> _Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._done:
            shutil.rmtree(self.path, ignore_errors=True)

    def commit(self, names: Sequence[str]) -> None:
        """Move every staged file to the destination folder."""
        if self.fresh and not self.folder.exists():
            os.chmod(self.path, _FOLDER_MODE)
            os.replace(self.path, self.folder)
            self._done = True
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.replace(self.path / name, self.folder / name)
            except OSError as exc:
                raise WorkbookError(
                    f"“{name}”正在被 Excel 或 WPS 打开，或无法写入；请关闭它后再导出一次。",
                    f"{self.folder / name}: replace failed: {exc!r}",
                    Problem.FILE_IN_USE,
                ) from exc
        with suppress(OSError):
            self.path.rmdir()
        self._done = True
